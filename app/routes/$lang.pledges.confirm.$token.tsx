// The link in the pledge confirmation email lands here. Mail scanners open links by
// themselves, so GET only shows a button; the pledge is confirmed by the POST it sends.
// Every outcome (confirmed, already confirmed, expired, unknown link) is a page of its own.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AskPage, LinkAnswer, privateLinkMeta } from "~/components/token-page";
import { answerConfirmLink } from "~/pledges/pledge-link-page.server";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/pledges.css";
import { linkToken, NO_STORE, privateLinkPage } from "~/utils/private-link.server";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["pledges"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => NO_STORE;

export async function loader({ params }: LoaderFunctionArgs) {
  return json(await privateLinkPage(params, "pledges:confirm.meta-title"), { headers: NO_STORE });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  requireLanguage(params);
  const { outcome, status } = await answerConfirmLink(linkToken(params));
  return json({ outcome }, { status });
}

// A private link: not for search engines.
export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = privateLinkMeta;

const OUTCOME_KEYS = {
  confirmed: { title: "pledges:confirm.confirmed-title", body: "pledges:confirm.confirmed-body" },
  "already-confirmed": { title: "pledges:confirm.already-title", body: "pledges:confirm.already-body" },
  expired: { title: "pledges:confirm.expired-title", body: "pledges:confirm.expired-body" },
  invalid: { title: "pledges:confirm.invalid-title", body: "pledges:confirm.invalid-body" },
} as const satisfies Record<Awaited<ReturnType<typeof answerConfirmLink>>["outcome"], { title: string; body: string }>;

export default function ConfirmPledgePage() {
  const { language } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  if (result?.outcome) {
    const keys = OUTCOME_KEYS[result.outcome];
    return (
      <LinkAnswer look="pledges" id="confirm-title" title={t(keys.title)} lead={t(keys.body)}>
        <p>
          <Link to={`/${language}/privacy`}>{t("pledges:thanks.privacy")}</Link>
        </p>
      </LinkAnswer>
    );
  }
  return (
    <AskPage
      look="pledges"
      id="confirm-title"
      title={t("pledges:confirm.title")}
      lead={t("pledges:confirm.lead")}
      buttons={[{ label: t("pledges:confirm.button") }]}
      note={t("pledges:confirm.note")}
    />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
