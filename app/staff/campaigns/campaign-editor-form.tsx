// The campaign editor's form, shared by the "new" and the edit page. A plain HTML form: it
// works without JavaScript, every error sits next to its field (aria-describedby), and the
// values come back from the server exactly as typed. Every text is rendered as text.
import type { CampaignStatus, PrisonerStatus } from "@prisma/client";
import { Form } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

import { languageAutonyms, supportedLanguages } from "~/i18n";
import type { Freshness } from "~/prisoners/status-report";

import { TEMPLATE_PARTS, templateKey, textKey, type CampaignFormValues, type FieldError, type FieldErrorCode, type TemplatePart } from "./campaign-form";

export interface EditorOptionView {
  id: string;
  label: string;
  hint: string | null;
  status?: { value: PrisonerStatus; freshness: Freshness; reportedOn: string | null };
}

const PRISONER_STATUS_KEYS = {
  IN_CUSTODY: "campaign-editor:form.status.in-custody",
  INCOMMUNICADO: "campaign-editor:form.status.incommunicado",
  RELEASED: "campaign-editor:form.status.released",
  IN_EXILE: "campaign-editor:form.status.in-exile",
  DIED_IN_CUSTODY: "campaign-editor:form.status.died-in-custody",
} as const satisfies Record<PrisonerStatus, string>;

function PrisonerStatusText({ status }: { status: NonNullable<EditorOptionView["status"]> }) {
  const { t } = useTranslation();
  const label = t(PRISONER_STATUS_KEYS[status.value]);
  if (!status.reportedOn) return <>{t("campaign-editor:form.status.unreported", { status: label })}</>;
  return <>{t(status.freshness === "fresh" ? "campaign-editor:form.status.reported" : "campaign-editor:form.status.stale", { status: label, date: status.reportedOn })}</>;
}

export const STATUS_KEYS = {
  DRAFT: "campaign-editor:status.draft",
  IN_REVIEW: "campaign-editor:status.in-review",
  PUBLISHED: "campaign-editor:status.published",
  CLOSED: "campaign-editor:status.closed",
} as const satisfies Record<CampaignStatus, string>;

const ERROR_KEYS = {
  required: "campaign-editor:errors.required",
  "too-long": "campaign-editor:errors.too-long",
  "slug-invalid": "campaign-editor:errors.slug-invalid",
  "slug-taken": "campaign-editor:errors.slug-taken",
  "goal-invalid": "campaign-editor:errors.goal-invalid",
  "deadline-invalid": "campaign-editor:errors.deadline-invalid",
  "title-required": "campaign-editor:errors.title-required",
  "too-many-lines": "campaign-editor:errors.too-many-lines",
  "line-too-long": "campaign-editor:errors.line-too-long",
  "unknown-placeholder": "campaign-editor:errors.unknown-placeholder",
  "parts-incomplete": "campaign-editor:errors.parts-incomplete",
} as const satisfies Record<FieldErrorCode, string>;

const PART_KEYS = {
  subjects: "campaign-editor:form.subjects",
  openings: "campaign-editor:form.openings",
  arguments: "campaign-editor:form.arguments",
  closings: "campaign-editor:form.closings",
} as const satisfies Record<TemplatePart, string>;

export function FieldErrorText({ id, error }: { id: string; error: FieldError | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p id={id} className="staff-error">
      {t(ERROR_KEYS[error.code], { line: error.line ?? 0, placeholder: error.placeholder ?? "", max: 20 })}
    </p>
  );
}

interface Props {
  values: CampaignFormValues;
  errors: Record<string, FieldError>;
  prisoners: EditorOptionView[];
  officials: EditorOptionView[];
  /** Hidden `version` for the edit page. */
  version?: string;
  submitLabel: string;
}

export function CampaignEditorForm({ values, errors, prisoners, officials, version, submitLabel }: Props) {
  const { t } = useTranslation();
  const text = (name: string) => values.texts[name] ?? "";
  const described = (name: string) => (errors[name] ? { "aria-describedby": `${name}-error`, "aria-invalid": true as const } : {});
  const errorCount = Object.keys(errors).length;
  // After a refused save with JavaScript on, the page stays where the button was (far below):
  // bring the summary into view and focus it. Without JavaScript the new page starts at the top.
  const summary = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (errorCount === 0 || !summary.current) return;
    summary.current.scrollIntoView({ block: "start" });
    summary.current.focus({ preventScroll: true });
  }, [errors, errorCount]);
  return (
    <Form method="post" className="staff-form campaign-editor" noValidate>
      {errorCount > 0 ? (
        <p role="alert" className="staff-error" id="campaign-errors" tabIndex={-1} ref={summary}>
          {t("campaign-editor:errors.summary", { count: errorCount })}
        </p>
      ) : null}
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <div className="staff-field">
        <label htmlFor="slug">{t("campaign-editor:form.slug")}</label>
        <p className="staff-hint" id="slug-hint">
          {t("campaign-editor:form.slug-hint")}
        </p>
        <input id="slug" name="slug" type="text" required defaultValue={values.slug} autoComplete="off" aria-describedby={errors.slug ? "slug-error slug-hint" : "slug-hint"} aria-invalid={errors.slug ? true : undefined} />
        <FieldErrorText id="slug-error" error={errors.slug} />
      </div>
      <div className="staff-field">
        <label htmlFor="goal">{t("campaign-editor:form.goal")}</label>
        <p className="staff-hint" id="goal-hint">
          {t("campaign-editor:form.goal-hint")}
        </p>
        <input id="goal" name="goal" type="text" inputMode="numeric" defaultValue={values.goal} aria-describedby={errors.goal ? "goal-error goal-hint" : "goal-hint"} aria-invalid={errors.goal ? true : undefined} />
        <FieldErrorText id="goal-error" error={errors.goal} />
      </div>
      <div className="staff-field">
        <label htmlFor="deadline">{t("campaign-editor:form.deadline")}</label>
        <p className="staff-hint" id="deadline-hint">
          {t("campaign-editor:form.deadline-hint")}
        </p>
        <input id="deadline" name="deadline" type="text" placeholder="2027-01-31" defaultValue={values.deadline} aria-describedby={errors.deadline ? "deadline-error deadline-hint" : "deadline-hint"} aria-invalid={errors.deadline ? true : undefined} />
        <FieldErrorText id="deadline-error" error={errors.deadline} />
      </div>

      <h2>{t("campaign-editor:form.texts-title")}</h2>
      <p className="staff-hint">{t("campaign-editor:form.texts-hint")}</p>
      {supportedLanguages.map((language) => {
        const names = [textKey("title", language), textKey("summary", language), textKey("ask", language), ...TEMPLATE_PARTS.map((part) => templateKey(language, part))];
        const open = names.some((name) => text(name).trim() !== "" || errors[name]);
        return (
          <details key={language} open={open || language === "en"} className="campaign-editor__language">
            <summary lang={language}>{languageAutonyms[language]}</summary>
            <fieldset>
              <legend>{t("campaign-editor:form.language-texts", { language: languageAutonyms[language] })}</legend>
              <div className="staff-field">
                <label htmlFor={textKey("title", language)}>{t("campaign-editor:form.title")}</label>
                <input id={textKey("title", language)} name={textKey("title", language)} type="text" lang={language} defaultValue={text(textKey("title", language))} {...described(textKey("title", language))} />
                <FieldErrorText id={`${textKey("title", language)}-error`} error={errors[textKey("title", language)]} />
              </div>
              <div className="staff-field">
                <label htmlFor={textKey("summary", language)}>{t("campaign-editor:form.summary")}</label>
                <textarea id={textKey("summary", language)} name={textKey("summary", language)} rows={3} lang={language} defaultValue={text(textKey("summary", language))} {...described(textKey("summary", language))} />
                <FieldErrorText id={`${textKey("summary", language)}-error`} error={errors[textKey("summary", language)]} />
              </div>
              <div className="staff-field">
                <label htmlFor={textKey("ask", language)}>{t("campaign-editor:form.ask")}</label>
                <textarea id={textKey("ask", language)} name={textKey("ask", language)} rows={3} lang={language} defaultValue={text(textKey("ask", language))} {...described(textKey("ask", language))} />
                <FieldErrorText id={`${textKey("ask", language)}-error`} error={errors[textKey("ask", language)]} />
              </div>
            </fieldset>
            <fieldset>
              <legend>{t("campaign-editor:form.template", { language: languageAutonyms[language] })}</legend>
              <p className="staff-hint">{t("campaign-editor:form.template-hint")}</p>
              {TEMPLATE_PARTS.map((part) => {
                const name = templateKey(language, part);
                return (
                  <div className="staff-field" key={part}>
                    <label htmlFor={name}>{t(PART_KEYS[part])}</label>
                    <textarea id={name} name={name} rows={3} lang={language} defaultValue={text(name)} {...described(name)} />
                    <FieldErrorText id={`${name}-error`} error={errors[name]} />
                  </div>
                );
              })}
            </fieldset>
          </details>
        );
      })}

      <fieldset>
        <legend>{t("campaign-editor:form.prisoners")}</legend>
        {prisoners.length === 0 ? <p>{t("campaign-editor:form.none")}</p> : null}
        {prisoners.map((prisoner) => (
          <div className="staff-check" key={prisoner.id}>
            <input type="checkbox" id={`prisoner-${prisoner.id}`} name="prisoners" value={prisoner.id} defaultChecked={values.prisoners.includes(prisoner.id)} />
            <label htmlFor={`prisoner-${prisoner.id}`}>
              {prisoner.label}
              {prisoner.status ? (
                <span className={`campaign-editor__status campaign-editor__status--${prisoner.status.value === "IN_CUSTODY" || prisoner.status.value === "INCOMMUNICADO" ? "held" : "other"}`}>
                  {" · "}
                  <PrisonerStatusText status={prisoner.status} />
                </span>
              ) : null}
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("campaign-editor:form.targets")}</legend>
        {officials.length === 0 ? <p>{t("campaign-editor:form.none")}</p> : null}
        {officials.map((official) => (
          <div className="staff-check" key={official.id}>
            <input type="checkbox" id={`target-${official.id}`} name="targets" value={official.id} defaultChecked={values.targets.includes(official.id)} />
            <label htmlFor={`target-${official.id}`}>
              {official.label}
              {official.hint ? `, ${official.hint}` : ""}
            </label>
          </div>
        ))}
      </fieldset>
      <button type="submit" name="intent" value="save" className="staff-button">
        {submitLabel}
      </button>
    </Form>
  );
}
