// The "send me my data" link lands here. GET only shows a button (mail scanners open links);
// the button posts to …/download, a resource route that answers with the JSON file. When the
// link is no good, that route sends the browser back here with what went wrong.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/pledges.css";
import { getFixedT } from "~/utils/i18next.server";
import { errorPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";

export const handle = { i18n: ["privacy"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const failed = new URL(request.url).searchParams.get("failed");
  const t = await getFixedT(language, "privacy");
  return json(
    {
      language,
      token: (params.token ?? "").slice(0, 100),
      failed: failed === "expired" ? ("expired" as const) : failed === "invalid" ? ("invalid" as const) : null,
      meta: { title: t("privacy:export.meta-title") },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, error }) => {
  if (!data) return errorPageMeta(matches, error);
  return [{ title: data.meta.title }, { name: "robots", content: "noindex" }];
};

export default function ExportPage() {
  const { language, token, failed } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (failed) {
    return (
      <article className="pledge-page" aria-labelledby="export-title">
        <h1 id="export-title">{failed === "expired" ? t("privacy:link.expired-title") : t("privacy:link.invalid-title")}</h1>
        <p className="pledge-lead" role="status">
          {failed === "expired" ? t("privacy:link.expired-body") : t("privacy:link.invalid-body")}
        </p>
        <p>
          <Link to={`/${language}/privacy/request`}>{t("privacy:link.new-link")}</Link>
        </p>
      </article>
    );
  }
  return (
    <article className="pledge-page" aria-labelledby="export-title">
      <h1 id="export-title">{t("privacy:export.title")}</h1>
      <p className="pledge-lead">{t("privacy:export.lead")}</p>
      <form method="post" action={`/${language}/privacy/export/${encodeURIComponent(token)}/download`}>
        <button type="submit" className="pledge-button">
          {t("privacy:export.button")}
        </button>
      </form>
      <p className="pledge-hint">{t("privacy:export.note")}</p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
