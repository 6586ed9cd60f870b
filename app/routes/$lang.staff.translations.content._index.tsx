// Content translations for one language: every prisoner's summary and biography and every
// open campaign's texts, each field with its state (nothing yet, missing, needs review, reviewed, waiting as a
// profile change). Translators, moderators and admins (translation:edit).
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { languageAutonyms, supportedLanguages } from "~/i18n";
import { noStore, requireStaff } from "~/staff/accounts/session.server";
import { StaffNav } from "~/staff/staff-nav";
import { CONTENT_FIELDS, type FieldState } from "~/staff/translations/content-translations";
import { contentListPage } from "~/staff/translations/translation-file-page.server";
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
  return json(await contentListPage(state, language, new URL(request.url).searchParams), { headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

const CONTENT_STATE_KEYS = {
  nothing: "translations:content.state-nothing",
  missing: "translations:content.state-missing",
  NEEDS_REVIEW: "translations:content.state-needs-review",
  REVIEWED: "translations:content.state-reviewed",
  PENDING_CHANGE: "translations:content.state-pending",
} as const satisfies Record<FieldState, string>;

const STATUS_CLASS = {
  nothing: "nothing",
  missing: "missing",
  NEEDS_REVIEW: "needs-review",
  PENDING_CHANGE: "needs-review",
  REVIEWED: "translated",
} as const satisfies Record<FieldState, string>;

export default function ContentTranslations() {
  const { nav, language, locale, rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const groups = [
    { kind: "prisoner", title: t("translations:content.prisoners") },
    { kind: "campaign", title: t("translations:content.campaigns") },
    { kind: "fact", title: t("translations:content.facts") },
    { kind: "charge", title: t("translations:content.charges") },
  ] as const;
  return (
    <article aria-labelledby="content-title" className="translations">
      <StaffNav nav={nav} />
      <p>
        <Link to={`/${language}/staff/translations`}>{t("translations:file.back")}</Link>
      </p>
      <h1 id="content-title">{t("translations:content.title")}</h1>
      <p>{t("translations:content.intro")}</p>
      <Form method="get">
        <label htmlFor="content-locale">{t("translations:content.language")}</label>
        <select id="content-locale" name="locale" defaultValue={locale}>
          {supportedLanguages.map((lng) => (
            <option key={lng} value={lng} lang={lng}>
              {languageAutonyms[lng]}
            </option>
          ))}
        </select>{" "}
        <button type="submit">{t("translations:content.show")}</button>
      </Form>
      {groups.map((group) => (
        <section key={group.kind} aria-labelledby={`content-${group.kind}`}>
          <h2 id={`content-${group.kind}`}>{group.title}</h2>
          <table>
            <caption>{t("translations:content.caption", { language: languageAutonyms[locale] })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("translations:content.item")}</th>
                {CONTENT_FIELDS[group.kind].map((field) => (
                  <th scope="col" key={field.name}>
                    {t(`translations:content.field-${field.name}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows
                .filter((row) => row.kind === group.kind)
                .map((row) => (
                  <tr key={row.id}>
                    <th scope="row">
                      <Link to={`/${language}/staff/translations/content/${row.kind}/${row.id}/${locale}`}>{row.label}</Link>
                    </th>
                    {row.fields.map((field) => (
                      <td key={field.name}>
                        <span className={`translation-status translation-status--${STATUS_CLASS[field.state]}`}>{t(CONTENT_STATE_KEYS[field.state])}</span>
                      </td>
                    ))}
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
