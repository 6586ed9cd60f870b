// The campaign editor's form, shared by the "new" and the edit page. A plain HTML form: it
// works without JavaScript, every error sits next to its field (aria-describedby), and the
// values come back from the server exactly as typed. Every text is rendered as text.
import type { CampaignStatus, PrisonerStatus } from "@prisma/client";
import { Form } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { languageAutonyms, supportedLanguages, type Language } from "~/i18n";
import type { Freshness } from "~/prisoners/status-report";

import { LIMITS, TEMPLATE_PARTS, templateKey, textKey, type CampaignFormValues, type FieldError, type FieldErrorCode, type TemplatePart } from "./campaign-form";

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

/** Spare empty boxes under a part's wordings, so a new one can be written without JavaScript. */
const SPARE_BOXES = 2;

/** A part's wordings as boxes: one per wording as stored or posted (an empty one keeps its place, so "Wording 2" stays box 2), then spare empty ones, never more than LIMITS.lines unless more were posted. */
export function templateBoxes(text: string): string[] {
  const typed = text === "" ? [] : text.split("\n");
  while (typed.length > 0 && !typed[typed.length - 1]!.trim()) typed.pop();
  const total = typed.length >= LIMITS.lines ? typed.length : Math.min(typed.length + SPARE_BOXES, LIMITS.lines);
  return [...typed, ...Array.from({ length: total - typed.length }, () => "")];
}

const countWordings = (boxes: string[]) => boxes.filter((box) => box.trim() !== "").length;

/**
 * One template part: a box per wording, all posted under the part's name (read by
 * readTemplatePart). Enter inside a box stays inside that wording. With JavaScript, the count
 * follows the typing and "Add a wording" appends a box; without it, the spare boxes do.
 */
function TemplatePartBoxes({ language, part, text, error }: { language: Language; part: TemplatePart; text: string; error: FieldError | undefined }) {
  const { t } = useTranslation();
  const name = templateKey(language, part);
  const initial = templateBoxes(text);
  const [added, setAdded] = useState(0);
  const [count, setCount] = useState(() => countWordings(initial));
  const [hydrated, setHydrated] = useState(false);
  const fieldset = useRef<HTMLFieldSetElement>(null);
  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    // The box just added takes the focus, so typing goes on there.
    const all = fieldset.current?.querySelectorAll("textarea");
    if (added > 0 && all) all[all.length - 1]?.focus();
  }, [added]);
  const boxes = [...initial, ...Array.from({ length: added }, () => "")];
  const errorId = `${name}-error`;
  const recount = () => setCount(countWordings([...(fieldset.current?.querySelectorAll("textarea") ?? [])].map((box) => box.value)));
  return (
    <fieldset className="campaign-editor__part" ref={fieldset} onInput={recount}>
      <legend>{t(PART_KEYS[part])}</legend>
      <p className="staff-hint" id={`${name}-count`}>
        {t("campaign-editor:form.wordings", { count })}
      </p>
      <FieldErrorText id={errorId} error={error} />
      {boxes.map((value, index) => {
        const id = `${name}-${index + 1}`;
        // The box an error names is marked; an error about the whole part marks every box.
        const invalid = error && (!error.line || error.line === index + 1);
        return (
          <div className="staff-field campaign-editor__wording" key={id}>
            <label htmlFor={id}>{t("campaign-editor:form.wording", { number: index + 1 })}</label>
            <textarea id={id} name={name} rows={2} lang={language} defaultValue={value} aria-describedby={error ? errorId : undefined} aria-invalid={invalid ? true : undefined} />
          </div>
        );
      })}
      {hydrated && boxes.length < LIMITS.lines ? (
        <button type="button" className="staff-button staff-button--secondary" onClick={() => setAdded((more) => more + 1)}>
          {t("campaign-editor:form.add-wording")}
        </button>
      ) : null}
    </fieldset>
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
                // Keyed on the text: after a save the boxes start again from what was kept.
                return <TemplatePartBoxes key={`${name}:${text(name)}`} language={language} part={part} text={text(name)} error={errors[name]} />;
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
