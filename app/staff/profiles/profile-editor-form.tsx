// The prisoner profile editor's form, shared by the "new" and the edit page. A plain HTML
// multipart form: it works without JavaScript, every error sits next to its field
// (aria-describedby), and the values come back from the server exactly as typed.
import { Form } from "@remix-run/react";
import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { languageAutonyms, supportedLanguages, type Language } from "~/i18n";

import { DATE_PRECISIONS, FACT_KINDS, NAME_SCRIPTS, STATUS_REPORT_FIELDS, type EditableNameScript } from "./prisoner-fields";
import {
  chargeKey,
  factKey,
  factTextKey,
  GENDERS,
  LETTER_LANGUAGES,
  LETTER_STATUSES,
  nameKey,
  NEW_SOURCE_PREFIX,
  newSourceKey,
  PRISONER_STATUSES,
  ROW_COUNT_KEYS,
  rowCounts,
  textKey,
  type ProfileFormValues,
} from "./profile-form";
import {
  ERROR_KEYS,
  FACT_KIND_KEYS,
  GENDER_KEYS,
  LETTER_LANGUAGE_KEYS,
  LETTER_STATUS_KEYS,
  PRECISION_KEYS,
  SCALAR_FIELD_KEYS,
  SCRIPT_KEYS,
  STATUS_KEYS,
  type ProfileErrorCode,
} from "./profile-labels";

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
    if ((field === "statusReportedPrecision" || field === "letterStatusReportedPrecision") && value in PRECISION_KEYS) return t(PRECISION_KEYS[value as keyof typeof PRECISION_KEYS]);
    if (field === "photo") return value.slice(0, 16);
    return value;
  };
}

function ErrorText({ id, code, forStatus = false }: { id: string; code: ProfileErrorCode | undefined; forStatus?: boolean }) {
  const { t } = useTranslation();
  if (!code) return null;
  return (
    <p id={id} className="staff-error">
      {forStatus && code === "source-required" ? t("profile-editor:errors.status-source-required") : t(ERROR_KEYS[code])}
    </p>
  );
}

interface Props {
  values: ProfileFormValues;
  errors: Record<string, ProfileErrorCode>;
  facilities: { slug: string; label: string }[];
  sources: { key: string; label: string }[];
  chargeTypes: { slug: string; label: string }[];
  version?: number;
  submitLabel: string;
  /** Shown above the button: whether this save applies at once or goes to review. */
  lead?: ReactNode;
}

export function ProfileEditorForm({ values, errors, facilities, sources, chargeTypes, version, submitLabel, lead }: Props) {
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
      <ListFields values={values} errors={errors} sources={sources} chargeTypes={chargeTypes} />
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
      {/* After the save button, so Enter in a field still saves. */}
      <p className="staff-hint">{t("profile-editor:form.more-rows-hint")}</p>
      <button type="submit" name="more-rows" value="1" className="staff-button staff-button--secondary">
        {t("profile-editor:form.more-rows")}
      </button>
    </Form>
  );
}

/**
 * New sources, facts and charges: one fieldset per row. Rows are numbered form fields
 * (fact-0-kind …) and the row counts travel as hidden fields, so the server can re-render
 * exactly what was sent, with more blank rows when asked.
 */
function ListFields({ values, errors, sources, chargeTypes }: Pick<Props, "values" | "errors" | "sources" | "chargeTypes">) {
  const { t } = useTranslation();
  const rows = rowCounts(values);
  const props = (key: string, describedBy?: string) => ({
    id: `field-${key}`,
    name: key,
    defaultValue: values[key] ?? "",
    "aria-invalid": errors[key] ? true : undefined,
    "aria-describedby": [describedBy, errors[key] ? `error-${key}` : null].filter(Boolean).join(" ") || undefined,
  });
  const labelled = (key: string, label: string, control: ReactNode, { forStatus = false }: { forStatus?: boolean } = {}) => (
    <div className="staff-field">
      <label htmlFor={`field-${key}`}>{label}</label>
      {control}
      <ErrorText id={`error-${key}`} code={errors[key]} forStatus={forStatus} />
    </div>
  );
  const newSourceOptions = Array.from({ length: rows.sources }, (_, row) => (
    <option key={`new-${row}`} value={`${NEW_SOURCE_PREFIX}${row}`}>
      {t("profile-editor:form.new-source-option", { n: row + 1 })}
    </option>
  ));
  const sourceSelect = (key: string, label = t("profile-editor:form.source"), { forStatus = false, describedBy }: { forStatus?: boolean; describedBy?: string } = {}) =>
    labelled(
      key,
      label,
      <select {...props(key, describedBy)}>
        <option value="">{t("profile-editor:form.choose-source")}</option>
        {newSourceOptions}
        {/* A key no longer in the list (typed by hand, or deleted) stays selectable so the error shows beside it. */}
        {values[key] && !values[key]!.startsWith(NEW_SOURCE_PREFIX) && !sources.some((source) => source.key === values[key]) ? <option value={values[key]}>{values[key]}</option> : null}
        {sources.map((source) => (
          <option key={source.key} value={source.key}>
            {source.label}
          </option>
        ))}
      </select>,
      { forStatus },
    );
  const precisionSelect = (key: string) =>
    labelled(
      key,
      t("profile-editor:form.date-precision"),
      <select {...props(key)}>
        {DATE_PRECISIONS.map((value) => (
          <option key={value} value={value}>
            {t(PRECISION_KEYS[value])}
          </option>
        ))}
      </select>,
    );
  const remove = (key: string, label: string) => (
    <div className="staff-field staff-field--checkbox">
      <input type="checkbox" id={`field-${key}`} name={key} value="1" defaultChecked={values[key] === "1"} />
      <label htmlFor={`field-${key}`}>{label}</label>
    </div>
  );
  return (
    <>
      <input type="hidden" name={ROW_COUNT_KEYS.facts} value={rows.facts} />
      <input type="hidden" name={ROW_COUNT_KEYS.charges} value={rows.charges} />
      <input type="hidden" name={ROW_COUNT_KEYS.sources} value={rows.sources} />
      <fieldset>
        <legend>{t("profile-editor:form.new-sources")}</legend>
        <p className="staff-hint">{t("profile-editor:form.new-sources-lead")}</p>
        {Array.from({ length: rows.sources }, (_, row) => (
          <fieldset key={row} className="profile-editor__row" data-source-row={row}>
            <legend>{t("profile-editor:form.new-source-n", { n: row + 1 })}</legend>
            {labelled(newSourceKey(row, "publication"), t("profile-editor:form.source-publication"), <input type="text" maxLength={200} {...props(newSourceKey(row, "publication"))} />)}
            {labelled(newSourceKey(row, "title"), t("profile-editor:form.source-title"), <input type="text" {...props(newSourceKey(row, "title"))} />)}
            {labelled(newSourceKey(row, "url"), t("profile-editor:form.source-url"), <input type="url" inputMode="url" {...props(newSourceKey(row, "url"))} />)}
            {labelled(newSourceKey(row, "date"), t("profile-editor:form.source-date"), <input type="date" {...props(newSourceKey(row, "date"))} />)}
            {labelled(
              newSourceKey(row, "precision"),
              t("profile-editor:form.date-precision"),
              <select {...props(newSourceKey(row, "precision"))}>
                {DATE_PRECISIONS.map((value) => (
                  <option key={value} value={value}>
                    {t(PRECISION_KEYS[value])}
                  </option>
                ))}
              </select>,
            )}
          </fieldset>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("profile-editor:form.status-reports")}</legend>
        <p className="staff-hint" id="status-reports-hint">
          {t("profile-editor:form.status-reports-lead")}
        </p>
        {STATUS_REPORT_FIELDS.map((report) => (
          <fieldset key={report.status} className="profile-editor__row" data-status-report-row={report.status}>
            <legend>{report.status === "status" ? t("profile-editor:form.status") : t("profile-editor:form.letter-status")}</legend>
            {report.status === "status"
              ? labelled(
                  "status",
                  t("profile-editor:form.status"),
                  <select {...props("status")} required>
                    {PRISONER_STATUSES.map((value) => (
                      <option key={value} value={value}>
                        {t(STATUS_KEYS[value])}
                      </option>
                    ))}
                  </select>,
                )
              : labelled(
                  "letterStatus",
                  t("profile-editor:form.letter-status"),
                  <select {...props("letterStatus")} required>
                    {LETTER_STATUSES.map((value) => (
                      <option key={value} value={value}>
                        {t(LETTER_STATUS_KEYS[value])}
                      </option>
                    ))}
                  </select>,
                )}
            {sourceSelect(report.source, report.status === "status" ? t("profile-editor:form.status-source") : t("profile-editor:form.letter-status-source"), { forStatus: true, describedBy: "status-reports-hint" })}
            {labelled(report.reportedOn, t("profile-editor:form.status-reported-on"), <input type="date" {...props(report.reportedOn, `${report.reportedOn}-hint`)} />)}
            <p className="staff-hint" id={`${report.reportedOn}-hint`}>
              {t("profile-editor:form.status-reported-on-hint")}
            </p>
            {precisionSelect(report.precision)}
          </fieldset>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("profile-editor:form.facts")}</legend>
        <p className="staff-hint">{t("profile-editor:form.facts-lead")}</p>
        {Array.from({ length: rows.facts }, (_, row) => (
          <fieldset key={row} className="profile-editor__row" data-fact-row={row}>
            <legend>{t("profile-editor:form.fact-n", { n: row + 1 })}</legend>
            {labelled(
              factKey(row, "kind"),
              t("profile-editor:form.fact-kind"),
              <select {...props(factKey(row, "kind"))}>
                <option value="">{t("profile-editor:form.choose")}</option>
                {FACT_KINDS.map((value) => (
                  <option key={value} value={value}>
                    {t(FACT_KIND_KEYS[value])}
                  </option>
                ))}
              </select>,
            )}
            {labelled(factKey(row, "date"), t("profile-editor:form.fact-date"), <input type="date" {...props(factKey(row, "date"))} />)}
            {labelled(
              factKey(row, "precision"),
              t("profile-editor:form.date-precision"),
              <select {...props(factKey(row, "precision"))}>
                {DATE_PRECISIONS.map((value) => (
                  <option key={value} value={value}>
                    {t(PRECISION_KEYS[value])}
                  </option>
                ))}
              </select>,
            )}
            {sourceSelect(factKey(row, "source"))}
            <ErrorText id={`error-${factKey(row, "text")}`} code={errors[factKey(row, "text")]} />
            {supportedLanguages.map((language) => (
              <Fragment key={language}>
                {labelled(
                  factTextKey(row, language),
                  t("profile-editor:form.fact-text-in", { language: languageAutonyms[language] }),
                  <textarea rows={2} lang={language} {...props(factTextKey(row, language), errors[factKey(row, "text")] ? `error-${factKey(row, "text")}` : undefined)} />,
                )}
              </Fragment>
            ))}
            {remove(factKey(row, "remove"), t("profile-editor:form.remove-fact", { n: row + 1 }))}
          </fieldset>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("profile-editor:form.charges")}</legend>
        {Array.from({ length: rows.charges }, (_, row) => (
          <fieldset key={row} className="profile-editor__row" data-charge-row={row}>
            <legend>{t("profile-editor:form.charge-n", { n: row + 1 })}</legend>
            {labelled(
              chargeKey(row, "type"),
              t("profile-editor:form.charge-type"),
              <select {...props(chargeKey(row, "type"))}>
                <option value="">{t("profile-editor:form.choose")}</option>
                {values[chargeKey(row, "type")] && !chargeTypes.some((type) => type.slug === values[chargeKey(row, "type")]) ? (
                  <option value={values[chargeKey(row, "type")]}>{values[chargeKey(row, "type")]}</option>
                ) : null}
                {chargeTypes.map((type) => (
                  <option key={type.slug} value={type.slug}>
                    {type.label}
                  </option>
                ))}
              </select>,
            )}
            {sourceSelect(chargeKey(row, "source"))}
            {remove(chargeKey(row, "remove"), t("profile-editor:form.remove-charge", { n: row + 1 }))}
          </fieldset>
        ))}
      </fieldset>
    </>
  );
}

/** The fields of one change, before and after, as text. */
export function ChangeLines({ change }: { change: { lines: { field: string; before: string | null; after: string | null; list?: { before: number; after: number; added: string[]; removed: string[] } }[] } }) {
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
        {change.lines.map((line) =>
          line.list ? (
            <tr key={line.field}>
              <th scope="row">{label(line.field)}</th>
              <td className="profile-change__value">{t("profile-editor:change.items", { count: line.list.before })}</td>
              <td className="profile-change__value">
                {t("profile-editor:change.items", { count: line.list.after })}
                {line.list.added.length > 0 ? (
                  <>
                    <br />
                    {t("profile-editor:change.added")}
                    <ul>
                      {line.list.added.map((item, index) => (
                        <li key={index}>{item}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {line.list.removed.length > 0 ? (
                  <>
                    {t("profile-editor:change.removed")}
                    <ul>
                      {line.list.removed.map((item, index) => (
                        <li key={index}>{item}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </td>
            </tr>
          ) : (
            <tr key={line.field}>
              <th scope="row">{label(line.field)}</th>
              <td className="profile-change__value">{value(line.field, line.before)}</td>
              <td className="profile-change__value">{value(line.field, line.after)}</td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}


/**
 * The status, letter status and facility filters that the staff list and "Review drafts" share
 * (inside their GET forms): each says "any" when empty.
 */
export function ProfileStateFilters({
  status,
  letterStatus,
  facility,
  facilities,
  draftState,
}: {
  status: string | null;
  letterStatus: string | null;
  facility: string | null;
  facilities: { slug: string; label: string }[];
  /** On the review page: drafts to review (null) or those returned to their authors. */
  draftState?: "returned" | null;
}) {
  const { t } = useTranslation();
  const valueText = useValueText();
  const draftStates =
    draftState === undefined
      ? []
      : [{ id: "state", label: "profile-editor:review.filter-state", value: draftState, any: "profile-editor:review.state-to-review", options: [{ value: "returned", label: t("profile-editor:review.state-returned") }] }];
  const filters = [
    ...draftStates,
    { id: "status", label: "profile-editor:list.filter-status", value: status, options: PRISONER_STATUSES.map((value) => ({ value, label: valueText("status", value) })) },
    { id: "letters", label: "profile-editor:list.filter-letters", value: letterStatus, options: LETTER_STATUSES.map((value) => ({ value, label: valueText("letterStatus", value) })) },
    { id: "facility", label: "profile-editor:list.filter-facility", value: facility, options: facilities.map((option) => ({ value: option.slug, label: option.label })) },
  ];
  return (
    <>
      {filters.map((filter) => (
        <div className="staff-field" key={filter.id}>
          <label htmlFor={filter.id}>{t(filter.label)}</label>
          <select id={filter.id} name={filter.id} defaultValue={filter.value ?? ""}>
            <option value="">{t("any" in filter ? filter.any : "profile-editor:list.any")}</option>
            {filter.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ))}
    </>
  );
}
