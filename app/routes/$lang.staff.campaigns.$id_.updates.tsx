// A campaign's updates in the back office: write one (a title and a short text per language,
// plain text), send it for review, and, for a moderator who did not write it, publish it or
// return it with a note. A plain HTML form: it works without JavaScript, every error sits
// next to its field, and nothing typed is lost. Everything is decided on the server.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { languageAutonyms, supportedLanguages, type Language } from "~/i18n";
import { noStore } from "~/staff/accounts/session.server";
import { requireCampaignStaff } from "~/staff/campaigns/campaign-editor-page.server";
import { UPDATE_LIMITS, updateBodyKey, updateTitleKey, type UpdateFieldErrorCode, type UpdateFormValues } from "~/staff/campaigns/campaign-update-form";
import { campaignUpdatesPage, submitCampaignUpdate, type UpdateActionData, type UpdateProblem } from "~/staff/campaigns/campaign-updates-page.server";
import { StaffNav } from "~/staff/staff-nav";
import editorStyles from "~/styles/campaign-editor.css";
import styles from "~/styles/staff.css";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["staff", "campaign-editor"] };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: editorStyles },
];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireCampaignStaff(request);
  const edit = new URL(request.url).searchParams.get("edit");
  return json(await campaignUpdatesPage(state, params.id ?? "", language, edit), { headers: noStore });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const state = await requireCampaignStaff(request);
  const id = params.id ?? "";
  const outcome = await submitCampaignUpdate(state, id, await request.formData());
  if ("done" in outcome) return redirect(`/${language}/staff/campaigns/${id}/updates?done=${outcome.done}`, { headers: noStore });
  return json<UpdateActionData>(outcome.data, { status: outcome.status, headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

const DONE_KEYS = {
  saved: "campaign-editor:updates.done-saved",
  submitted: "campaign-editor:updates.done-submitted",
  published: "campaign-editor:updates.done-published",
  returned: "campaign-editor:updates.done-returned",
} as const;
const PROBLEM_KEYS = {
  "not-found": "campaign-editor:problems.not-found",
  forbidden: "campaign-editor:problems.forbidden",
  conflict: "campaign-editor:updates.conflict",
  changed: "campaign-editor:updates.changed",
  "unknown-intent": "campaign-editor:problems.unknown-intent",
} as const satisfies Record<UpdateProblem, string>;
const ERROR_KEYS = {
  required: "campaign-editor:errors.required",
  "too-long": "campaign-editor:updates.too-long",
  "title-missing": "campaign-editor:updates.title-missing",
  "body-missing": "campaign-editor:updates.body-missing",
  "nothing-written": "campaign-editor:updates.nothing-written",
} as const satisfies Record<UpdateFieldErrorCode, string>;
const STATE_KEYS = {
  DRAFT: "campaign-editor:updates.state-draft",
  IN_REVIEW: "campaign-editor:updates.state-in-review",
  PUBLISHED: "campaign-editor:updates.state-published",
  RETURNED: "campaign-editor:updates.state-returned",
} as const;

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function StaffCampaignUpdatesPage() {
  const { nav, language, campaign, mayWrite, editing, blank, updates } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const doneKey = DONE_KEYS[(search.get("done") ?? "") as keyof typeof DONE_KEYS];
  const formResult = result?.kind === "form" ? result : null;
  const staleForm = formResult !== null && Object.keys(formResult.errors).length === 0;
  // After a failed post the form shows what was sent; otherwise the draft being edited, or a blank one.
  const form = formResult
    ? { id: formResult.updateId, version: formResult.version, values: formResult.values }
    : editing
      ? { id: editing.id, version: editing.version, values: editing.values }
      : { id: null, version: "", values: blank };
  return (
    <article aria-labelledby="updates-title">
      <StaffNav nav={nav} />
      <p>
        <Link to={`/${language}/staff/campaigns/${campaign.id}`}>{t("campaign-editor:updates.back", { title: campaign.title })}</Link>
      </p>
      <h1 id="updates-title">{t("campaign-editor:updates.page-title", { title: campaign.title })}</h1>
      <p>{t("campaign-editor:updates.lead")}</p>
      {doneKey && !result ? (
        <p role="status" className="staff-ok">
          {t(doneKey)}
        </p>
      ) : null}
      {staleForm ? (
        <p role="alert" className="staff-error">
          {t("campaign-editor:updates.conflict")}
        </p>
      ) : result?.kind === "problem" ? (
        <p role="alert" className="staff-error">
          {t(PROBLEM_KEYS[result.problem])}
        </p>
      ) : null}

      {mayWrite ? <UpdateForm form={form} errors={formResult?.errors ?? {}} reviewNote={editing && !formResult ? editing.reviewNote : null} /> : null}

      <section aria-labelledby="update-list-title">
        <h2 id="update-list-title">{t("campaign-editor:updates.list-title")}</h2>
        {updates.length === 0 ? <p>{t("campaign-editor:updates.none")}</p> : null}
        {updates.map((update) => (
          <UpdateItem key={update.id} update={update} language={language} campaignId={campaign.id} note={result?.kind === "note" && result.updateId === update.id ? result : null} />
        ))}
      </section>
    </article>
  );
}

function UpdateForm({ form, errors, reviewNote }: { form: { id: string | null; version: string; values: UpdateFormValues }; errors: Record<string, UpdateFieldErrorCode>; reviewNote: string | null }) {
  const { t } = useTranslation();
  const described = (name: string, hint?: string) => ({
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": [hint, errors[name] ? `${name}-error` : undefined].filter(Boolean).join(" ") || undefined,
  });
  const error = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} className="staff-error">
        {t(ERROR_KEYS[errors[name]], { max: name.startsWith("title") ? UPDATE_LIMITS.title : UPDATE_LIMITS.body })}
      </p>
    ) : null;
  return (
    <section aria-labelledby="update-form-title">
      <h2 id="update-form-title">{form.id ? t("campaign-editor:updates.edit-title") : t("campaign-editor:updates.new-title")}</h2>
      {reviewNote ? <p className="campaign-note">{t("campaign-editor:updates.returned-note", { note: reviewNote })}</p> : null}
      <Form method="post" className="staff-form campaign-editor" noValidate>
        {form.id ? <input type="hidden" name="update" value={form.id} /> : null}
        {form.id ? <input type="hidden" name="version" value={form.version} /> : null}
        <p className="staff-hint">{t("campaign-editor:updates.form-hint", { title: UPDATE_LIMITS.title, body: UPDATE_LIMITS.body })}</p>
        {errors.form ? (
          <p id="form-error" role="alert" className="staff-error">
            {t(ERROR_KEYS[errors.form])}
          </p>
        ) : null}
        {supportedLanguages.map((language) => {
          const titleKey = updateTitleKey(language);
          const bodyKey = updateBodyKey(language);
          const open = language === "en" || Boolean(form.values.texts[titleKey] || form.values.texts[bodyKey] || errors[titleKey] || errors[bodyKey]);
          return (
            <details key={language} open={open} className="campaign-editor__language">
              <summary lang={language}>{languageAutonyms[language]}</summary>
              <fieldset>
                <legend>{t("campaign-editor:updates.language", { language: languageAutonyms[language] })}</legend>
                <div className="staff-field">
                  <label htmlFor={titleKey}>{t("campaign-editor:updates.title")}</label>
                  <input id={titleKey} name={titleKey} type="text" lang={language} defaultValue={form.values.texts[titleKey] ?? ""} {...described(titleKey)} />
                  {error(titleKey)}
                </div>
                <div className="staff-field">
                  <label htmlFor={bodyKey}>{t("campaign-editor:updates.body")}</label>
                  <textarea id={bodyKey} name={bodyKey} rows={5} lang={language} defaultValue={form.values.texts[bodyKey] ?? ""} {...described(bodyKey)} />
                  {error(bodyKey)}
                </div>
              </fieldset>
            </details>
          );
        })}
        <p>
          <button type="submit" name="intent" value="submit-update" className="staff-button">
            {t("campaign-editor:updates.submit")}
          </button>{" "}
          <button type="submit" name="intent" value="save-update" className="staff-button staff-button--secondary">
            {t("campaign-editor:updates.save")}
          </button>
        </p>
      </Form>
    </section>
  );
}

function UpdateItem({ update, language, campaignId, note }: { update: LoaderData["updates"][number]; language: Language; campaignId: string; note: Extract<UpdateActionData, { kind: "note" }> | null }) {
  const { t } = useTranslation();
  const noteId = `note-${update.id}`;
  return (
    <section aria-labelledby={`update-${update.id}`} className="campaign-revision" data-update={update.id} data-state={update.state}>
      <h3 id={`update-${update.id}`}>{update.title}</h3>
      <p>
        <strong>{t(STATE_KEYS[update.state])}</strong>
        {" · "}
        {t("campaign-editor:updates.written-by", { name: update.author ?? t("campaign-editor:list.no-author"), date: update.written })}
        {update.published ? ` · ${t("campaign-editor:updates.published-by", { name: update.reviewer ?? t("campaign-editor:list.no-author"), date: update.published })}` : null}
      </p>
      {update.reviewNote ? <p className="campaign-note">{t("campaign-editor:updates.returned-note", { note: update.reviewNote })}</p> : null}
      {update.texts.map((text) => (
        <div key={text.locale} lang={text.locale}>
          <h4>
            {languageAutonyms[text.locale as Language] ?? text.locale}: {text.title}
          </h4>
          <p className="campaign-note">{text.body}</p>
        </div>
      ))}
      {update.may.edit ? (
        <p>
          <Link to={`/${language}/staff/campaigns/${campaignId}/updates?edit=${update.id}#update-form-title`}>{t("campaign-editor:updates.edit")}</Link>
        </p>
      ) : null}
      {update.may.review ? (
        <>
          <Form method="post">
            <input type="hidden" name="update" value={update.id} />
            <input type="hidden" name="version" value={update.version} />
            <button type="submit" name="intent" value="publish-update" className="staff-button">
              {t("campaign-editor:updates.publish")}
            </button>
          </Form>
          <Form method="post" className="staff-form campaign-editor" noValidate>
            <input type="hidden" name="update" value={update.id} />
            <div className="staff-field">
              <label htmlFor={noteId}>{t("campaign-editor:updates.note")}</label>
              <textarea id={noteId} name="note" rows={2} required defaultValue={note?.note ?? ""} aria-invalid={note ? true : undefined} aria-describedby={note ? `${noteId}-error` : undefined} />
              {note ? (
                <p id={`${noteId}-error`} className="staff-error">
                  {t(ERROR_KEYS[note.error], { max: UPDATE_LIMITS.note })}
                </p>
              ) : null}
            </div>
            <button type="submit" name="intent" value="return-update" className="staff-button staff-button--secondary">
              {t("campaign-editor:updates.return")}
            </button>
          </Form>
        </>
      ) : update.state === "IN_REVIEW" ? (
        <p data-testid="update-waiting">{t("campaign-editor:updates.waiting")}</p>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
