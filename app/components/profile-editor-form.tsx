// The prisoner profile editor's form, shared by the "new" and the edit page. A plain HTML
// multipart form: it works without JavaScript, every error sits next to its field
// (aria-describedby), and the values come back from the server exactly as typed.
import type { PrisonerChangeOrigin, PrisonerChangeState } from "@prisma/client";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { NAME_SCRIPTS, type EditableNameScript } from "~/backoffice/prisoner-fields";
import { GENDERS, LETTER_LANGUAGES, LETTER_STATUSES, nameKey, PRISONER_STATUSES, textKey, type ProfileFormValues } from "~/backoffice/profile-form";
import { languageAutonyms, supportedLanguages, type Language } from "~/i18n";

export type ProfileErrorCode = "required" | "too-long" | "date-invalid" | "number-invalid" | "choice-invalid" | "facility-unknown" | "too-large" | "not-an-image" | "too-many-pixels" | "unreadable";

const ERROR_KEYS = {
  required: "profile-editor:errors.required",
  "too-long": "profile-editor:errors.too-long",
  "date-invalid": "profile-editor:errors.date-invalid",
  "number-invalid": "profile-editor:errors.number-invalid",
  "choice-invalid": "profile-editor:errors.choice-invalid",
  "facility-unknown": "profile-editor:errors.facility-unknown",
  "too-large": "profile-editor:errors.photo-too-large",
  "not-an-image": "profile-editor:errors.photo-not-an-image",
  "too-many-pixels": "profile-editor:errors.photo-too-many-pixels",
  unreadable: "profile-editor:errors.photo-unreadable",
} as const satisfies Record<ProfileErrorCode, string>;

export const STATUS_KEYS = {
  IN_CUSTODY: "profile-editor:values.status.in-custody",
  INCOMMUNICADO: "profile-editor:values.status.incommunicado",
  RELEASED: "profile-editor:values.status.released",
  IN_EXILE: "profile-editor:values.status.in-exile",
  DIED_IN_CUSTODY: "profile-editor:values.status.died-in-custody",
} as const satisfies Record<(typeof PRISONER_STATUSES)[number], string>;
export const LETTER_STATUS_KEYS = {
  CAN_RECEIVE: "profile-editor:values.letter-status.can-receive",
  RELATIVES_ONLY: "profile-editor:values.letter-status.relatives-only",
  INCOMMUNICADO: "profile-editor:values.letter-status.incommunicado",
  UNKNOWN: "profile-editor:values.letter-status.unknown",
  NOT_APPLICABLE: "profile-editor:values.letter-status.not-applicable",
} as const satisfies Record<(typeof LETTER_STATUSES)[number], string>;
export const GENDER_KEYS = {
  MASCULINE: "profile-editor:values.gender.masculine",
  FEMININE: "profile-editor:values.gender.feminine",
} as const satisfies Record<(typeof GENDERS)[number], string>;
export const LETTER_LANGUAGE_KEYS = {
  RU: "profile-editor:values.letter-language.ru",
  BE: "profile-editor:values.letter-language.be",
} as const satisfies Record<(typeof LETTER_LANGUAGES)[number], string>;
export const SCRIPT_KEYS = {
  BE_CYRILLIC: "profile-editor:form.name-be",
  RU_CYRILLIC: "profile-editor:form.name-ru",
  LATIN: "profile-editor:form.name-latin",
} as const satisfies Record<EditableNameScript, string>;
export const CHANGE_STATE_KEYS = {
  PENDING: "profile-editor:change.state.pending",
  APPLIED: "profile-editor:change.state.applied",
  REJECTED: "profile-editor:change.state.rejected",
  WITHDRAWN: "profile-editor:change.state.withdrawn",
} as const satisfies Record<PrisonerChangeState, string>;
export const ORIGIN_KEYS = {
  EDITOR: "profile-editor:change.origin.editor",
  IMPORT: "profile-editor:change.origin.import",
  TRANSLATION: "profile-editor:change.origin.translation",
} as const satisfies Record<PrisonerChangeOrigin, string>;

const SCALAR_FIELD_KEYS = {
  slug: "profile-editor:form.slug",
  status: "profile-editor:form.status",
  letterStatus: "profile-editor:form.letter-status",
  grammaticalGender: "profile-editor:form.gender",
  letterLanguage: "profile-editor:form.letter-language",
  birthDate: "profile-editor:form.birth-date",
  arrestedOn: "profile-editor:form.arrested-on",
  sentenceMonths: "profile-editor:form.sentence-months",
  statusSince: "profile-editor:form.status-since",
  facility: "profile-editor:form.facility",
  lastVerifiedOn: "profile-editor:form.last-verified-on",
  photo: "profile-editor:form.photo",
  "photo.credit": "profile-editor:form.photo-credit",
} as const;

/** A changed field's name for the history and the review queue. */
export function useFieldLabel() {
  const { t } = useTranslation();
  return (field: string): string => {
    if (field in SCALAR_FIELD_KEYS) return t(SCALAR_FIELD_KEYS[field as keyof typeof SCALAR_FIELD_KEYS]);
    const name = /^name\.(.+)$/.exec(field);
    if (name && name[1]! in SCRIPT_KEYS) return t(SCRIPT_KEYS[name[1] as EditableNameScript]);
    const text = /^(summary|biography)\.([a-z]{2})$/.exec(field);
    if (text) {
      const autonym = languageAutonyms[text[2] as Language] ?? text[2]!;
      return text[1] === "summary" ? t("profile-editor:form.summary-in", { language: autonym }) : t("profile-editor:form.biography-in", { language: autonym });
    }
    return field;
  };
}

/** A stored value for the history: enum codes translated, everything else as text. */
export function useValueText() {
  const { t } = useTranslation();
  return (field: string, value: string | null): string => {
    if (value === null) return t("profile-editor:change.empty");
    if (field === "status" && value in STATUS_KEYS) return t(STATUS_KEYS[value as keyof typeof STATUS_KEYS]);
    if (field === "letterStatus" && value in LETTER_STATUS_KEYS) return t(LETTER_STATUS_KEYS[value as keyof typeof LETTER_STATUS_KEYS]);
    if (field === "grammaticalGender" && value in GENDER_KEYS) return t(GENDER_KEYS[value as keyof typeof GENDER_KEYS]);
    if (field === "letterLanguage" && value in LETTER_LANGUAGE_KEYS) return t(LETTER_LANGUAGE_KEYS[value as keyof typeof LETTER_LANGUAGE_KEYS]);
    if (field === "photo") return value.slice(0, 16);
    return value;
  };
}

function ErrorText({ id, code }: { id: string; code: ProfileErrorCode | undefined }) {
  const { t } = useTranslation();
  if (!code) return null;
  return (
    <p id={id} className="staff-error">
      {t(ERROR_KEYS[code])}
    </p>
  );
}

interface Props {
  values: ProfileFormValues;
  errors: Record<string, ProfileErrorCode>;
  facilities: { slug: string; label: string }[];
  version?: number;
  submitLabel: string;
  /** Shown above the button: whether this save applies at once or goes to review. */
  lead?: ReactNode;
}

export function ProfileEditorForm({ values, errors, facilities, version, submitLabel, lead }: Props) {
  const { t } = useTranslation();
  const field = (key: string) => ({
    id: `field-${key}`,
    name: key,
    defaultValue: values[key] ?? "",
    "aria-invalid": errors[key] ? true : undefined,
    "aria-describedby": errors[key] ? `error-${key}` : undefined,
  });
  const text = (key: string, label: string, { required = false, lang }: { required?: boolean; lang?: string } = {}) => (
    <div className="staff-field">
      <label htmlFor={`field-${key}`}>{label}</label>
      <input type="text" {...field(key)} required={required} lang={lang} />
      <ErrorText id={`error-${key}`} code={errors[key]} />
    </div>
  );
  const select = (key: string, label: string, options: { value: string; label: string }[], { required = false }: { required?: boolean } = {}) => (
    <div className="staff-field">
      <label htmlFor={`field-${key}`}>{label}</label>
      <select {...field(key)} required={required}>
        {required ? null : <option value="">{t("profile-editor:form.unknown")}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <ErrorText id={`error-${key}`} code={errors[key]} />
    </div>
  );
  const date = (key: string, label: string) => (
    <div className="staff-field">
      <label htmlFor={`field-${key}`}>{label}</label>
      <input type="date" {...field(key)} />
      <ErrorText id={`error-${key}`} code={errors[key]} />
    </div>
  );
  return (
    <Form method="post" encType="multipart/form-data" className="staff-form profile-editor" noValidate>
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <input type="hidden" name="intent" value="save" />
      {NAME_SCRIPTS.map((script) => (
        <fieldset key={script}>
          <legend>{t(SCRIPT_KEYS[script])}</legend>
          {text(nameKey(script, "given"), t("profile-editor:form.given-name"), { required: script === "LATIN" })}
          {text(nameKey(script, "patronymic"), t("profile-editor:form.patronymic"))}
          {text(nameKey(script, "family"), t("profile-editor:form.family-name"), { required: script === "LATIN" })}
        </fieldset>
      ))}
      <fieldset>
        <legend>{t("profile-editor:form.situation")}</legend>
        {select("status", t("profile-editor:form.status"), PRISONER_STATUSES.map((value) => ({ value, label: t(STATUS_KEYS[value]) })), { required: true })}
        {select("letterStatus", t("profile-editor:form.letter-status"), LETTER_STATUSES.map((value) => ({ value, label: t(LETTER_STATUS_KEYS[value]) })), { required: true })}
        {select("grammaticalGender", t("profile-editor:form.gender"), GENDERS.map((value) => ({ value, label: t(GENDER_KEYS[value]) })))}
        {select("letterLanguage", t("profile-editor:form.letter-language"), LETTER_LANGUAGES.map((value) => ({ value, label: t(LETTER_LANGUAGE_KEYS[value]) })))}
        {select("facility", t("profile-editor:form.facility"), facilities.map((facility) => ({ value: facility.slug, label: facility.label })))}
        {date("birthDate", t("profile-editor:form.birth-date"))}
        {date("arrestedOn", t("profile-editor:form.arrested-on"))}
        {date("statusSince", t("profile-editor:form.status-since"))}
        <div className="staff-field">
          <label htmlFor="field-sentenceMonths">{t("profile-editor:form.sentence-months")}</label>
          <input type="number" min={0} max={1200} inputMode="numeric" {...field("sentenceMonths")} />
          <ErrorText id="error-sentenceMonths" code={errors.sentenceMonths} />
        </div>
        {date("lastVerifiedOn", t("profile-editor:form.last-verified-on"))}
      </fieldset>
      <fieldset>
        <legend>{t("profile-editor:form.texts")}</legend>
        {supportedLanguages.map((language) => (
          <details key={language} className="profile-editor__language" open={language === "en" || language === "be" || supportedLanguages.some((l) => l === language && (errors[textKey("summary", l)] || errors[textKey("biography", l)]))}>
            <summary lang={language}>{languageAutonyms[language]}</summary>
            <div className="staff-field">
              <label htmlFor={`field-${textKey("summary", language)}`}>{t("profile-editor:form.summary-in", { language: languageAutonyms[language] })}</label>
              <textarea rows={2} lang={language} {...field(textKey("summary", language))} />
              <ErrorText id={`error-${textKey("summary", language)}`} code={errors[textKey("summary", language)]} />
            </div>
            <div className="staff-field">
              <label htmlFor={`field-${textKey("biography", language)}`}>{t("profile-editor:form.biography-in", { language: languageAutonyms[language] })}</label>
              <textarea rows={8} lang={language} {...field(textKey("biography", language))} />
              <ErrorText id={`error-${textKey("biography", language)}`} code={errors[textKey("biography", language)]} />
            </div>
          </details>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("profile-editor:form.photo")}</legend>
        <div className="staff-field">
          <label htmlFor="field-photo">{t("profile-editor:form.photo-file")}</label>
          <p className="staff-hint" id="photo-hint">
            {t("profile-editor:form.photo-hint")}
          </p>
          <input type="file" id="field-photo" name="photo" accept="image/jpeg,image/png" aria-describedby={errors.photo ? "photo-hint error-photo" : "photo-hint"} aria-invalid={errors.photo ? true : undefined} />
          <ErrorText id="error-photo" code={errors.photo} />
        </div>
        {text("photoCredit", t("profile-editor:form.photo-credit"))}
      </fieldset>
      <div className="staff-field">
        <label htmlFor="field-note">{t("profile-editor:form.note")}</label>
        <p className="staff-hint" id="note-hint">
          {t("profile-editor:form.note-hint")}
        </p>
        <textarea rows={3} {...field("note")} aria-describedby={errors.note ? "note-hint error-note" : "note-hint"} />
        <ErrorText id="error-note" code={errors.note} />
      </div>
      {lead ? <p>{lead}</p> : null}
      <button type="submit" className="staff-button">
        {submitLabel}
      </button>
    </Form>
  );
}

/** The fields of one change, before and after, as text. */
export function ChangeLines({ change }: { change: { lines: { field: string; before: string | null; after: string | null }[] } }) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const value = useValueText();
  return (
    <table className="staff-table">
      <caption>{t("profile-editor:change.fields-caption", { count: change.lines.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("profile-editor:change.field")}</th>
          <th scope="col">{t("profile-editor:change.before")}</th>
          <th scope="col">{t("profile-editor:change.after")}</th>
        </tr>
      </thead>
      <tbody>
        {change.lines.map((line) => (
          <tr key={line.field}>
            <th scope="row">{label(line.field)}</th>
            <td className="profile-change__value">{value(line.field, line.before)}</td>
            <td className="profile-change__value">{value(line.field, line.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

