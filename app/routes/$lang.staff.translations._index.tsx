// The translation workspace: how complete each language is, per namespace (file), with links
// to the keys that still need work. Translators, moderators and admins (translation:edit).
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { languageAutonyms } from "~/i18n";
import { noStore, requireStaff } from "~/staff/accounts/session.server";
import { StaffNav } from "~/staff/staff-nav";
import { completenessPage } from "~/staff/translations/translation-file-page.server";
import staffStyles from "~/styles/staff.css";
import styles from "~/styles/translations.css";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";

export const handle = { i18n: ["staff", "translations"] };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: staffStyles },
  { rel: "stylesheet", href: styles },
];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "translation:edit");
  return json(await completenessPage(state, language), { headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

export default function TranslationsIndex() {
  const { nav, language, table } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const languages = [...new Set(table.map((row) => row.language))];
  return (
    <article aria-labelledby="translations-title" className="translations">
      <StaffNav nav={nav} />
      <h1 id="translations-title">{t("translations:index.title")}</h1>
      <p>{t("translations:index.intro")}</p>
      <p>
        <Link to={`/${language}/staff/translations/content`}>{t("translations:index.content-link")}</Link>
      </p>
      {languages.map((lng) => {
        const rows = table.filter((row) => row.language === lng);
        return (
          <section key={lng} aria-labelledby={`lang-${lng}`}>
            <h2 id={`lang-${lng}`} lang={lng}>
              {languageAutonyms[lng]}
            </h2>
            <div className="translations__scroll">
              <table>
                <caption>{t("translations:index.caption", { language: languageAutonyms[lng] })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("translations:index.namespace")}</th>
                    <th scope="col">{t("translations:status.translated")}</th>
                    <th scope="col">{t("translations:status.missing")}</th>
                    <th scope="col">{t("translations:status.outdated")}</th>
                    <th scope="col">{t("translations:status.invalid")}</th>
                    <th scope="col">{t("translations:index.percent")}</th>
                    <th scope="col">{t("translations:review.waiting")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => {
                    const base = `/${language}/staff/translations/${row.language}/${row.namespace}`;
                    return (
                      <tr key={row.namespace}>
                        <th scope="row">
                          <Link to={base}>{row.namespace}</Link>
                        </th>
                        <td>{row.counts.translated}</td>
                        <td>{row.counts.missing > 0 ? <Link to={`${base}?show=missing`}>{row.counts.missing}</Link> : 0}</td>
                        <td>{row.counts.outdated > 0 ? <Link to={`${base}?show=outdated`}>{row.counts.outdated}</Link> : 0}</td>
                        <td>{row.counts.invalid > 0 ? <Link to={`${base}?show=invalid`}>{row.counts.invalid}</Link> : 0}</td>
                        <td>{t("translations:index.percent-value", { percent: row.counts.percent })}</td>
                        <td>{row.counts.pending > 0 ? <Link to={`${base}?show=review`}>{row.counts.pending}</Link> : 0}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
