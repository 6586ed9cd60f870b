// The "erase me" link lands here. GET only shows a button (mail scanners open links); the
// POST erases and says what was erased. Counts without personal data stay.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AskPage, LinkAnswer, privateLinkMeta } from "~/components/token-page";
import { LinkProblem } from "~/privacy/link-problem";
import { answerEraseLink, type EraseLinkOutcome } from "~/privacy/privacy-link-page.server";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/pledges.css";
import { linkToken, NO_STORE, privateLinkPage } from "~/utils/private-link.server";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["privacy"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => NO_STORE;

export async function loader({ params }: LoaderFunctionArgs) {
  return json(await privateLinkPage(params, "privacy:erase.meta-title"), { headers: NO_STORE });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const { outcome, status } = await answerEraseLink(linkToken(params), language);
  return json<{ outcome: EraseLinkOutcome }>({ outcome }, { status });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = privateLinkMeta;

export default function ErasePage() {
  const { language } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const outcome = result?.outcome;
  if (outcome && !outcome.ok) {
    return <LinkProblem language={language} reason={outcome.reason} id="erase-title" />;
  }
  if (outcome?.ok) {
    return (
      <LinkAnswer look="pledges" id="erase-title" title={t("privacy:erase.done-title")} lead={t("privacy:erase.done-lead")}>
        <ul>
          <li>{t("privacy:erase.done-pledges", { count: outcome.erased.pledges, number: outcome.text.pledges })}</li>
          <li>{t("privacy:erase.done-appeals", { count: outcome.erased.appeals, number: outcome.text.appeals })}</li>
          <li>{t("privacy:erase.done-outbox", { count: outcome.erased.outbox, number: outcome.text.outbox })}</li>
        </ul>
        <p>{t("privacy:erase.done-counts")}</p>
      </LinkAnswer>
    );
  }
  return (
    <AskPage
      look="pledges"
      id="erase-title"
      title={t("privacy:erase.title")}
      lead={t("privacy:erase.lead")}
      buttons={[{ label: t("privacy:erase.button"), kind: "danger" }]}
      note={t("privacy:erase.note")}
    />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
