// The "send me my data" link lands here. GET only shows a button (mail scanners open links);
// the button posts to …/download, a resource route that answers with the JSON file. When the
// link is no good, that route sends the browser back here with what went wrong.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AskPage, privateLinkMeta } from "~/components/token-page";
import { LinkProblem } from "~/privacy/link-problem";
import { exportPage } from "~/privacy/privacy-link-page.server";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/pledges.css";
import { NO_STORE } from "~/utils/private-link.server";

export const handle = { i18n: ["privacy"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => NO_STORE;

export async function loader({ params, request }: LoaderFunctionArgs) {
  return json(await exportPage(params, new URL(request.url).searchParams), { headers: NO_STORE });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = privateLinkMeta;

export default function ExportPage() {
  const { language, token, failed } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (failed) return <LinkProblem language={language} reason={failed} id="export-title" />;
  return (
    <AskPage
      look="pledges"
      id="export-title"
      title={t("privacy:export.title")}
      lead={t("privacy:export.lead")}
      action={`/${language}/privacy/export/${encodeURIComponent(token)}/download`}
      buttons={[{ label: t("privacy:export.button") }]}
      note={t("privacy:export.note")}
    />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
