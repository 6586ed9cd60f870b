// The link in the pledge confirmation email lands here. Mail scanners open links by
// themselves, so GET only shows a button; the pledge is confirmed by the POST it sends.
// Every outcome (confirmed, already confirmed, expired, unknown link) is a page of its own.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { confirmPledge } from "~/pledges/pledge.server";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/pledges.css";
import { getFixedT } from "~/utils/i18next.server";
import { errorPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["pledges"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

const TOKEN_MAX_LENGTH = 100;

export async function loader({ params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const t = await getFixedT(language, "pledges");
  return json({ language, meta: { title: t("pledges:confirm.meta-title") } }, { headers: { "Cache-Control": "no-store" } });
}

type Outcome = Awaited<ReturnType<typeof confirmPledge>>;

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  requireLanguage(params);
  const token = params.token ?? "";
  if (token.length > TOKEN_MAX_LENGTH) return json({ outcome: "invalid" as Outcome }, { status: 404 });
  const outcome = await confirmPledge(token);
  return json({ outcome }, { status: outcome === "invalid" ? 404 : 200 });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, error }) => {
  if (!data) return errorPageMeta(matches, error);
  // A private link: not for search engines.
  return [{ title: data.meta.title }, { name: "robots", content: "noindex" }];
};

const OUTCOME_KEYS = {
  confirmed: { title: "pledges:confirm.confirmed-title", body: "pledges:confirm.confirmed-body" },
  "already-confirmed": { title: "pledges:confirm.already-title", body: "pledges:confirm.already-body" },
  expired: { title: "pledges:confirm.expired-title", body: "pledges:confirm.expired-body" },
  invalid: { title: "pledges:confirm.invalid-title", body: "pledges:confirm.invalid-body" },
} as const satisfies Record<Outcome, { title: string; body: string }>;

export default function ConfirmPledgePage() {
  const { language } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  if (result?.outcome) {
    const keys = OUTCOME_KEYS[result.outcome];
    return (
      <article className="pledge-page" aria-labelledby="confirm-title">
        <h1 id="confirm-title">{t(keys.title)}</h1>
        <p className="pledge-lead" role="status">
          {t(keys.body)}
        </p>
        <p>
          <Link to={`/${language}/privacy`}>{t("pledges:thanks.privacy")}</Link>
        </p>
      </article>
    );
  }
  return (
    <article className="pledge-page" aria-labelledby="confirm-title">
      <h1 id="confirm-title">{t("pledges:confirm.title")}</h1>
      <p className="pledge-lead">{t("pledges:confirm.lead")}</p>
      <form method="post">
        <button type="submit" className="pledge-button">
          {t("pledges:confirm.button")}
        </button>
      </form>
      <p className="pledge-hint">{t("pledges:confirm.note")}</p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
