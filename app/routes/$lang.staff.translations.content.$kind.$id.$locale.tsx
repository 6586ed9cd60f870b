// The editor for one content translation: the text in another language beside the form.
// Saving leaves the text "needs review" (or, for a published profile, a change waiting for a
// moderator); someone with translation:review who did not write it marks it reviewed.
// The rules are in app/staff/translations/content-translations.server.ts.
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { languageAutonyms } from "~/i18n";
import { noStore, requireStaff } from "~/staff/accounts/session.server";
import { StaffNav } from "~/staff/staff-nav";
import { contentEditorPage, requireContentTarget, submitContentTranslation, type ContentTranslationData } from "~/staff/translations/content-translation-page.server";
import { CONTENT_FIELDS, type ContentFieldError, type ContentState } from "~/staff/translations/content-translations";
import staffStyles from "~/styles/staff.css";
import styles from "~/styles/translations.css";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["staff", "translations"] };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: staffStyles },
  { rel: "stylesheet", href: styles },
];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "translation:edit");
  return json(await contentEditorPage(state, params, language, new URL(request.url).searchParams), { headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

type ActionData = ContentTranslationData;

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const state = await requireStaff(request, "translation:edit");
  const target = requireContentTarget(params);
  const outcome = await submitContentTranslation(state, target, await request.formData());
  if ("notice" in outcome) return redirect(`/${language}/staff/translations/content/${target.kind}/${outcome.id ?? target.id}/${target.locale}?notice=${outcome.notice}`, { headers: noStore });
  return json<ActionData>(outcome.data, { status: outcome.status, headers: noStore });
}

const STATE_KEYS = {
  missing: "translations:content.state-missing",
  NEEDS_REVIEW: "translations:content.state-needs-review",
  REVIEWED: "translations:content.state-reviewed",
  PENDING_CHANGE: "translations:content.state-pending",
} as const satisfies Record<ContentState, string>;

const FIELD_KEYS = {
  summary: "translations:content.field-summary",
  biography: "translations:content.field-biography",
  title: "translations:content.field-title",
  ask: "translations:content.field-ask",
  text: "translations:content.field-text",
  name: "translations:content.field-name",
  explanation: "translations:content.field-explanation",
} as const;

const FIELD_ERROR_KEYS = {
  required: "translations:content.error-required",
  "too-long": "translations:content.error-too-long",
  html: "translations:content.error-html",
} as const satisfies Record<ContentFieldError, string>;

const ERROR_KEYS = {
  invalid: "translations:content.error-invalid",
  stale: "translations:content.error-stale",
  forbidden: "translations:content.error-forbidden",
  conflict: "translations:content.error-stale",
  changed: "translations:content.error-changed",
} as const;

const NOTICE_KEYS = {
  saved: "translations:content.notice-saved",
  pending: "translations:content.notice-pending",
  "pending-campaign": "translations:content.notice-pending-campaign",
  "pending-charge": "translations:content.notice-pending-charge",
  unchanged: "translations:content.notice-unchanged",
  reviewed: "translations:content.notice-reviewed",
} as const;

export default function ContentEditor() {
  const { nav, language, view, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation();
  const here = `/${language}/staff/translations/content/${view.kind}/${view.id}/${view.locale}`;
  const noticeKey = notice && notice in NOTICE_KEYS ? NOTICE_KEYS[notice as keyof typeof NOTICE_KEYS] : null;
  return (
    <article aria-labelledby="editor-title" className="translations translation-content">
      <StaffNav nav={nav} />
      <p>
        <Link to={`/${language}/staff/translations/content?locale=${view.locale}`}>{t("translations:content.back")}</Link>
      </p>
      <h1 id="editor-title">{t("translations:content.editor-title", { name: view.label, language: languageAutonyms[view.locale] })}</h1>
      <p>
        {t("translations:content.state")}:{" "}
        <span className="translation-status">{t(STATE_KEYS[view.state])}</span>
        {view.writtenBy ? ` · ${t("translations:content.written-by", { name: view.writtenBy })}` : null}
      </p>
      {noticeKey ? (
        <p className="translation-notice" role="status">
          {t(noticeKey)}
        </p>
      ) : null}
      {view.kind === "prisoner" && view.published ? <p>{t("translations:content.published-profile")}</p> : null}
      {view.kind === "campaign" && view.published ? <p>{t("translations:content.published-campaign")}</p> : null}
      {view.kind === "fact" ? <p>{t(view.published ? "translations:content.published-fact" : "translations:content.draft-fact")}</p> : null}
      {view.kind === "charge" ? <p>{t("translations:content.charge-review")}</p> : null}
      {view.available.length > 1 ? (
        <nav aria-label={t("translations:content.source-languages")}>
          <ul className="translations__filters">
            {view.available.map((lng) => (
              <li key={lng}>
                {lng === view.from ? <strong aria-current="page">{languageAutonyms[lng]}</strong> : <Link to={`${here}?from=${lng}`}>{languageAutonyms[lng]}</Link>}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {actionData ? (
        <p className="translation-errors" role="alert">
          {t(ERROR_KEYS[actionData.error])}
        </p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="version" value={view.version} />
        {CONTENT_FIELDS[view.kind].map((field) => {
          const error = actionData?.fields[field.name];
          const value = actionData?.values[field.name] ?? view.current[field.name] ?? "";
          const inputId = `field-${field.name}`;
          return (
            <div key={field.name} className="translation-content__pair">
              <div>
                <p>
                  <strong>{view.from ? t("translations:content.source-in", { language: languageAutonyms[view.from] }) : t("translations:content.no-source")}</strong>
                </p>
                <p className="translation-source" lang={view.from ?? undefined}>
                  {view.source[field.name] ?? ""}
                </p>
              </div>
              <div>
                <label htmlFor={inputId}>{t(FIELD_KEYS[field.name as keyof typeof FIELD_KEYS])}</label>
                <textarea
                  id={inputId}
                  name={field.name}
                  lang={view.locale}
                  rows={field.multiline ? 8 : 2}
                  defaultValue={value}
                  readOnly={!view.mayEdit}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${inputId}-error` : undefined}
                />
                {error ? (
                  <p className="translation-errors" id={`${inputId}-error`}>
                    {t(FIELD_ERROR_KEYS[error])}
                  </p>
                ) : null}
              </div>
            </div>
          );
        })}
        {view.mayEdit ? (
          <p>
            <button type="submit">{t("translations:content.save")}</button>
          </p>
        ) : (
          <p>{t("translations:content.read-only")}</p>
        )}
      </Form>
      {view.mayReview ? (
        <Form method="post">
          <input type="hidden" name="intent" value="review" />
          <input type="hidden" name="version" value={view.version} />
          <button type="submit">{t("translations:content.mark-reviewed")}</button>
        </Form>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
