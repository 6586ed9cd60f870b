// The profile editor's form, read from a POST and checked. Pure (no database). Errors are
// codes (the page maps each to a literal key) and every value comes back verbatim, so nothing
// typed is lost. Everything is plain text: React escapes it on every page.
import { supportedLanguages } from "~/i18n";
import { formFields, type FormSource } from "~/utils/form-fields";

import { DATE_PRECISIONS, FACT_KINDS, NAME_SCRIPTS, STATUS_REPORT_FIELDS, type ChargeFields, type EditableNameScript, type FactFields, type NewSourceFields, type ProfileFields } from "./prisoner-fields";

export const PRISONER_STATUSES = ["IN_CUSTODY", "INCOMMUNICADO", "RELEASED", "IN_EXILE", "DIED_IN_CUSTODY"] as const;
export const LETTER_STATUSES = ["CAN_RECEIVE", "RELATIVES_ONLY", "INCOMMUNICADO", "UNKNOWN", "NOT_APPLICABLE"] as const;
export const GENDERS = ["MASCULINE", "FEMININE"] as const;
export const LETTER_LANGUAGES = ["RU", "BE"] as const;
export const DATE_FIELDS = ["birthDate", "arrestedOn", "statusSince", "lastVerifiedOn"] as const;
/** The form fields of the two status reports: a source select, an optional date and its precision. */
export const STATUS_REPORT_KEYS = STATUS_REPORT_FIELDS.flatMap((report) => [report.source, report.reportedOn, report.precision]);
export const LIMITS = { name: 100, summary: 1000, biography: 20_000, note: 2000, credit: 300, sentenceMonths: 1200, factText: 2000, publication: 200, sourceTitle: 500, url: 2000, rows: 50 } as const;

export type ProfileFieldErrorCode = "required" | "too-long" | "date-invalid" | "number-invalid" | "choice-invalid" | "source-required" | "text-required" | "url-invalid" | "duplicate";

/** How many rows of each list the form shows (existing ones and blank ones to fill in). */
export const BLANK_ROWS = { facts: 2, charges: 2, sources: 1 } as const;
export const ROW_COUNT_KEYS = { facts: "fact-rows", charges: "charge-rows", sources: "source-rows" } as const;
export const factKey = (row: number, part: "kind" | "date" | "precision" | "source" | "remove" | "text") => `fact-${row}-${part}`;
export const factTextKey = (row: number, language: string) => `fact-${row}-text-${language}`;
export const chargeKey = (row: number, part: "type" | "source" | "remove") => `charge-${row}-${part}`;
export const newSourceKey = (row: number, part: "publication" | "title" | "url" | "date" | "precision") => `source-${row}-${part}`;
/** The source select's value for "the new source in row n of this form". */
export const NEW_SOURCE_PREFIX = "new-";

export function rowCounts(values: ProfileFormValues): { facts: number; charges: number; sources: number } {
  const count = (key: string) => {
    const n = Number(values[key] ?? "");
    return Number.isInteger(n) && n >= 0 ? Math.min(n, LIMITS.rows) : 0;
  };
  return { facts: count(ROW_COUNT_KEYS.facts), charges: count(ROW_COUNT_KEYS.charges), sources: count(ROW_COUNT_KEYS.sources) };
}

function listFormKeys(rows: { facts: number; charges: number; sources: number }): string[] {
  const keys: string[] = [];
  for (let row = 0; row < rows.facts; row++) {
    keys.push(factKey(row, "kind"), factKey(row, "date"), factKey(row, "precision"), factKey(row, "source"), factKey(row, "remove"));
    for (const language of supportedLanguages) keys.push(factTextKey(row, language));
  }
  for (let row = 0; row < rows.charges; row++) keys.push(chargeKey(row, "type"), chargeKey(row, "source"), chargeKey(row, "remove"));
  for (let row = 0; row < rows.sources; row++) {
    for (const part of ["publication", "title", "url", "date", "precision"] as const) keys.push(newSourceKey(row, part));
  }
  return keys;
}

/** Only http(s) addresses with a host: anything else (javascript:, data:) is refused. */
export function safeUrl(value: string): string | null {
  if (value.length > LIMITS.url || /\s/.test(value)) return null;
  try {
    const url = new URL(value);
    if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** A fresh, unguessable Source key for a source added in the editor. */
export function newSourceKeyValue(publishedOn: string): string {
  const random = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(6)), (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `editor-${publishedOn}-${random}`;
}
export type ProfileFormValues = Record<string, string>;

export const nameKey = (script: EditableNameScript, part: "given" | "patronymic" | "family") => `${part}-${script}`;
export const textKey = (kind: "summary" | "biography", language: string) => `${kind}-${language}`;

/** Every form field the editor sends (besides the photo file). */
export function profileFormKeys(): string[] {
  const keys: string[] = [];
  for (const script of NAME_SCRIPTS) for (const part of ["given", "patronymic", "family"] as const) keys.push(nameKey(script, part));
  keys.push("status", "letterStatus", ...STATUS_REPORT_KEYS, "grammaticalGender", "letterLanguage", ...DATE_FIELDS, "sentenceMonths", "facility", "note", "photoCredit");
  for (const language of supportedLanguages) keys.push(textKey("summary", language), textKey("biography", language));
  return keys;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function validDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && date.getUTCFullYear() >= 1900;
}

export type ReadProfileForm =
  | { ok: true; fields: ProfileFields; note: string | null; credit: string | null; values: ProfileFormValues }
  | { ok: false; values: ProfileFormValues; errors: Record<string, ProfileFieldErrorCode> };

/**
 * Reads the fields; facilities, source keys and charge types are checked against the database
 * by the caller. The lists (facts, charges) are part of the change only when the form sent
 * their row counts: other forms posting here (and older pages) leave them as they are.
 */
export function readProfileForm(form: FormSource, { sourceKey = newSourceKeyValue }: { sourceKey?: (publishedOn: string) => string } = {}): ReadProfileForm {
  const posted = formFields(form);
  const values: ProfileFormValues = {};
  const sent = { facts: posted.sent(ROW_COUNT_KEYS.facts), charges: posted.sent(ROW_COUNT_KEYS.charges) };
  for (const key of Object.values(ROW_COUNT_KEYS)) values[key] = posted.line(key, 10).trim();
  // Cut well above every limit, so that "too long" is still told (and the text kept to copy).
  for (const key of [...profileFormKeys(), ...listFormKeys(rowCounts(values))]) values[key] = posted.text(key, LIMITS.biography * 2);
  const errors: Record<string, ProfileFieldErrorCode> = {};
  const text = (key: string, limit: number) => {
    const value = values[key]!.trim();
    if (value.length > limit) errors[key] = "too-long";
    return value === "" ? null : value;
  };
  const fields: ProfileFields = {};
  for (const script of NAME_SCRIPTS) {
    const given = text(nameKey(script, "given"), LIMITS.name);
    const patronymic = text(nameKey(script, "patronymic"), LIMITS.name);
    const family = text(nameKey(script, "family"), LIMITS.name);
    if (script === "LATIN") {
      // The Latin name gives the profile its address (slug), so it is always needed.
      if (!given) errors[nameKey(script, "given")] = "required";
      if (!family) errors[nameKey(script, "family")] = "required";
    } else if ((given || patronymic) && !family) errors[nameKey(script, "family")] = "required";
    else if (family && !given) errors[nameKey(script, "given")] = "required";
    fields[`name.${script}`] = given && family ? { givenName: given, patronymic, familyName: family } : null;
  }
  const choice = <T extends string>(key: string, allowed: readonly T[], required: boolean): T | null => {
    const value = values[key]!;
    if (value === "") {
      if (required) errors[key] = "required";
      return null;
    }
    if (!(allowed as readonly string[]).includes(value)) {
      errors[key] = "choice-invalid";
      return null;
    }
    return value as T;
  };
  const status = choice("status", PRISONER_STATUSES, true);
  if (status) fields.status = status;
  const letterStatus = choice("letterStatus", LETTER_STATUSES, true);
  if (letterStatus) fields.letterStatus = letterStatus;
  fields.grammaticalGender = choice("grammaticalGender", GENDERS, false);
  fields.letterLanguage = choice("letterLanguage", LETTER_LANGUAGES, false);
  for (const key of DATE_FIELDS) {
    const value = values[key]!.trim();
    if (value === "") {
      if (key !== "lastVerifiedOn") fields[key] = null;
      continue;
    }
    if (!validDate(value)) errors[key] = "date-invalid";
    else fields[key] = value;
  }
  const months = values.sentenceMonths!.trim();
  if (months === "") fields.sentenceMonths = null;
  else if (!/^\d{1,4}$/.test(months) || Number(months) > LIMITS.sentenceMonths) errors.sentenceMonths = "number-invalid";
  else fields.sentenceMonths = Number(months);
  fields.facility = values.facility!.trim() || null;
  for (const language of supportedLanguages) {
    fields[`summary.${language}`] = text(textKey("summary", language), LIMITS.summary);
    fields[`biography.${language}`] = text(textKey("biography", language), LIMITS.biography);
  }
  readLists(values, errors, fields, sent, sourceKey);
  const note = text("note", LIMITS.note);
  const credit = text("photoCredit", LIMITS.credit);
  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  return { ok: true, fields, note, credit, values };
}

/**
 * Facts, charges and the new sources they name. A row left blank is skipped, a row marked
 * "remove" is dropped, and every other fact or charge needs a source ("a source for every
 * fact"). New sources are only kept when something names them.
 */
function readLists(
  values: ProfileFormValues,
  errors: Record<string, ProfileFieldErrorCode>,
  fields: ProfileFields,
  sent: { facts: boolean; charges: boolean },
  sourceKey: (publishedOn: string) => string,
) {
  const rows = rowCounts(values);
  const get = (key: string) => (values[key] ?? "").trim();
  const newSources = new Map<number, NewSourceFields | null>();
  const referenced = (key: string): string | null => {
    const value = get(key);
    if (value === "") {
      errors[key] = "source-required";
      return null;
    }
    if (!value.startsWith(NEW_SOURCE_PREFIX)) return value;
    const row = Number(value.slice(NEW_SOURCE_PREFIX.length));
    if (!Number.isInteger(row) || row < 0 || row >= rows.sources) {
      errors[key] = "choice-invalid";
      return null;
    }
    if (!newSources.has(row)) newSources.set(row, readNewSource(row));
    const source = newSources.get(row);
    if (!source) {
      errors[key] = "source-required";
      return null;
    }
    return source.key;
  };
  const readNewSource = (row: number): NewSourceFields | null => {
    const publication = get(newSourceKey(row, "publication"));
    const title = get(newSourceKey(row, "title"));
    const url = get(newSourceKey(row, "url"));
    const date = get(newSourceKey(row, "date"));
    const precision = get(newSourceKey(row, "precision")) || "DAY";
    let ok = true;
    const fail = (part: "publication" | "title" | "url" | "date" | "precision", code: ProfileFieldErrorCode) => {
      errors[newSourceKey(row, part)] = code;
      ok = false;
    };
    if (!publication) fail("publication", "required");
    else if (publication.length > LIMITS.publication) fail("publication", "too-long");
    if (title.length > LIMITS.sourceTitle) fail("title", "too-long");
    const href = url ? safeUrl(url) : null;
    if (url && !href) fail("url", "url-invalid");
    if (!date) fail("date", "required");
    else if (!validDate(date)) fail("date", "date-invalid");
    if (!(DATE_PRECISIONS as readonly string[]).includes(precision)) fail("precision", "choice-invalid");
    if (!ok) return null;
    return { key: sourceKey(date), publication, title: title || null, url: href, publishedOn: date, datePrecision: precision as NewSourceFields["datePrecision"] };
  };

  if (sent.facts) {
    const facts: FactFields[] = [];
    for (let row = 0; row < rows.facts; row++) {
      const texts: Record<string, string> = {};
      // In locale order, as readProfileFields gives them: the lists compare as JSON.
      for (const language of [...supportedLanguages].sort()) {
        const value = get(factTextKey(row, language));
        if (value.length > LIMITS.factText) errors[factTextKey(row, language)] = "too-long";
        if (value) texts[language] = value;
      }
      const kind = get(factKey(row, "kind"));
      const date = get(factKey(row, "date"));
      const blank = !kind && !date && !get(factKey(row, "source")) && Object.keys(texts).length === 0;
      if (blank || get(factKey(row, "remove")) !== "") continue;
      if (!kind) errors[factKey(row, "kind")] = "required";
      else if (!(FACT_KINDS as readonly string[]).includes(kind)) errors[factKey(row, "kind")] = "choice-invalid";
      if (date && !validDate(date)) errors[factKey(row, "date")] = "date-invalid";
      const precision = get(factKey(row, "precision"));
      if (precision && !(DATE_PRECISIONS as readonly string[]).includes(precision)) errors[factKey(row, "precision")] = "choice-invalid";
      if (Object.keys(texts).length === 0) errors[factKey(row, "text")] = "text-required";
      const source = referenced(factKey(row, "source"));
      if (!source || !kind) continue;
      facts.push({
        kind: kind as FactFields["kind"],
        occurredOn: date || null,
        datePrecision: date ? ((precision || "DAY") as NonNullable<FactFields["datePrecision"]>) : null,
        source,
        text: texts,
      });
    }
    fields.facts = facts;
  }
  if (sent.charges) {
    const charges: ChargeFields[] = [];
    for (let row = 0; row < rows.charges; row++) {
      const type = get(chargeKey(row, "type"));
      if ((!type && !get(chargeKey(row, "source"))) || get(chargeKey(row, "remove")) !== "") continue;
      if (!type) errors[chargeKey(row, "type")] = "required";
      else if (charges.some((charge) => charge.chargeType === type)) errors[chargeKey(row, "type")] = "duplicate";
      const source = referenced(chargeKey(row, "source"));
      if (type && source) charges.push({ chargeType: type, source });
    }
    // Compared as a whole with the stored list, which is in charge-type order.
    fields.charges = charges.sort((a, b) => (a.chargeType < b.chargeType ? -1 : a.chargeType > b.chargeType ? 1 : 0));
  }
  // A status is a reported fact: it names the report that gives it, like a fact names its
  // source. A blank date means the source's own date (filled in on save, where the sources
  // are known). "Unknown" letter status claims nothing and needs no report.
  for (const report of STATUS_REPORT_FIELDS) {
    const status = fields[report.status];
    if (status === undefined) continue;
    if (report.status === "letterStatus" && status === "UNKNOWN" && get(report.source) === "") {
      fields[report.source] = null;
      fields[report.reportedOn] = null;
      fields[report.precision] = null;
      continue;
    }
    const source = referenced(report.source);
    const date = get(report.reportedOn);
    const precision = get(report.precision) || "DAY";
    if (date && !validDate(date)) errors[report.reportedOn] = "date-invalid";
    if (date && !(DATE_PRECISIONS as readonly string[]).includes(precision)) errors[report.precision] = "choice-invalid";
    fields[report.source] = source;
    fields[report.reportedOn] = date || null;
    fields[report.precision] = date ? (precision as NewSourceFields["datePrecision"]) : null;
  }
  const added = [...newSources.values()].filter((source): source is NewSourceFields => source !== null);
  if (added.length > 0) fields.sources = added;
}

/** The same values with `more` blank rows added to each list (the "more rows" button). */
export function withMoreRows(values: ProfileFormValues, more = 2): ProfileFormValues {
  const rows = rowCounts(values);
  return {
    ...values,
    [ROW_COUNT_KEYS.facts]: String(Math.min(rows.facts + more, LIMITS.rows)),
    [ROW_COUNT_KEYS.charges]: String(Math.min(rows.charges + more, LIMITS.rows)),
    [ROW_COUNT_KEYS.sources]: String(Math.min(rows.sources + 1, LIMITS.rows)),
  };
}

/** The form's values for a profile as it is now. */
export function formValuesOf(fields: ProfileFields): ProfileFormValues {
  const values: ProfileFormValues = {};
  for (const key of profileFormKeys()) values[key] = "";
  for (const script of NAME_SCRIPTS) {
    const name = fields[`name.${script}`];
    if (!name) continue;
    values[nameKey(script, "given")] = name.givenName;
    values[nameKey(script, "patronymic")] = name.patronymic ?? "";
    values[nameKey(script, "family")] = name.familyName;
  }
  values.status = fields.status ?? "";
  values.letterStatus = fields.letterStatus ?? "";
  for (const report of STATUS_REPORT_FIELDS) {
    values[report.source] = fields[report.source] ?? "";
    values[report.reportedOn] = fields[report.reportedOn] ?? "";
    values[report.precision] = fields[report.precision] ?? "";
  }
  values.grammaticalGender = fields.grammaticalGender ?? "";
  values.letterLanguage = fields.letterLanguage ?? "";
  for (const key of DATE_FIELDS) values[key] = fields[key] ?? "";
  values.sentenceMonths = fields.sentenceMonths == null ? "" : String(fields.sentenceMonths);
  values.facility = fields.facility ?? "";
  for (const language of supportedLanguages) {
    values[textKey("summary", language)] = fields[`summary.${language}`] ?? "";
    values[textKey("biography", language)] = fields[`biography.${language}`] ?? "";
  }
  const facts = fields.facts ?? [];
  const charges = fields.charges ?? [];
  values[ROW_COUNT_KEYS.facts] = String(Math.min(facts.length + BLANK_ROWS.facts, LIMITS.rows));
  values[ROW_COUNT_KEYS.charges] = String(Math.min(charges.length + BLANK_ROWS.charges, LIMITS.rows));
  values[ROW_COUNT_KEYS.sources] = String(BLANK_ROWS.sources);
  for (const key of listFormKeys(rowCounts(values))) values[key] = "";
  facts.forEach((fact, row) => {
    values[factKey(row, "kind")] = fact.kind;
    values[factKey(row, "date")] = fact.occurredOn ?? "";
    values[factKey(row, "precision")] = fact.datePrecision ?? "";
    values[factKey(row, "source")] = fact.source;
    for (const language of supportedLanguages) values[factTextKey(row, language)] = fact.text[language] ?? "";
  });
  charges.forEach((charge, row) => {
    values[chargeKey(row, "type")] = charge.chargeType;
    values[chargeKey(row, "source")] = charge.source;
  });
  return values;
}

/** What a new profile's form starts with. */
export const EMPTY_PROFILE_VALUES: ProfileFormValues = { ...formValuesOf({}), status: "IN_CUSTODY", letterStatus: "UNKNOWN" };

/**
 * Puts the database's refusals (`source:<key>`, `charge-type:<slug>`, `facility`) next to the
 * rows that named them, so the page shows each message beside its select.
 */
export function rowErrorsFor<C extends string>(values: ProfileFormValues, fieldErrors: Record<string, C>): Record<string, C> {
  const errors: Record<string, C> = {};
  const rows = rowCounts(values);
  for (const [key, code] of Object.entries(fieldErrors)) {
    if (key === "facility") errors.facility = code;
    for (const report of STATUS_REPORT_FIELDS) if (key === `source:${values[report.source]}`) errors[report.source] = code;
    const source = key.startsWith("source:") ? key.slice("source:".length) : null;
    const type = key.startsWith("charge-type:") ? key.slice("charge-type:".length) : null;
    for (let row = 0; row < rows.facts; row++) if (source && values[factKey(row, "source")] === source) errors[factKey(row, "source")] = code;
    for (let row = 0; row < rows.charges; row++) {
      if (source && values[chargeKey(row, "source")] === source) errors[chargeKey(row, "source")] = code;
      if (type && values[chargeKey(row, "type")] === type) errors[chargeKey(row, "type")] = code;
    }
  }
  return errors;
}
