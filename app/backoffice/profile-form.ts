// The profile editor's form, read from a POST and checked. Pure (no database). Errors are
// codes (the page maps each to a literal key) and every value comes back verbatim, so nothing
// typed is lost. Everything is plain text: React escapes it on every page.
import { supportedLanguages } from "~/i18n";

import { NAME_SCRIPTS, type EditableNameScript, type ProfileFields } from "./prisoner-fields";

export const PRISONER_STATUSES = ["IN_CUSTODY", "INCOMMUNICADO", "RELEASED", "IN_EXILE", "DIED_IN_CUSTODY"] as const;
export const LETTER_STATUSES = ["CAN_RECEIVE", "RELATIVES_ONLY", "INCOMMUNICADO", "UNKNOWN", "NOT_APPLICABLE"] as const;
export const GENDERS = ["MASCULINE", "FEMININE"] as const;
export const LETTER_LANGUAGES = ["RU", "BE"] as const;
export const DATE_FIELDS = ["birthDate", "arrestedOn", "statusSince", "lastVerifiedOn"] as const;
export const LIMITS = { name: 100, summary: 1000, biography: 20_000, note: 2000, credit: 300, sentenceMonths: 1200 } as const;

export type ProfileFieldErrorCode = "required" | "too-long" | "date-invalid" | "number-invalid" | "choice-invalid";
export type ProfileFormValues = Record<string, string>;

export const nameKey = (script: EditableNameScript, part: "given" | "patronymic" | "family") => `${part}-${script}`;
export const textKey = (kind: "summary" | "biography", language: string) => `${kind}-${language}`;

/** Every form field the editor sends (besides the photo file). */
export function profileFormKeys(): string[] {
  const keys: string[] = [];
  for (const script of NAME_SCRIPTS) for (const part of ["given", "patronymic", "family"] as const) keys.push(nameKey(script, part));
  keys.push("status", "letterStatus", "grammaticalGender", "letterLanguage", ...DATE_FIELDS, "sentenceMonths", "facility", "note", "photoCredit");
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

/** Reads the fields; facilities are checked against the database by the caller. */
export function readProfileForm(form: FormData): ReadProfileForm {
  const values: ProfileFormValues = {};
  for (const key of profileFormKeys()) {
    const value = form.get(key);
    values[key] = typeof value === "string" ? value.replace(/\r\n/g, "\n") : "";
  }
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
  const note = text("note", LIMITS.note);
  const credit = text("photoCredit", LIMITS.credit);
  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  return { ok: true, fields, note, credit, values };
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
  values.grammaticalGender = fields.grammaticalGender ?? "";
  values.letterLanguage = fields.letterLanguage ?? "";
  for (const key of DATE_FIELDS) values[key] = fields[key] ?? "";
  values.sentenceMonths = fields.sentenceMonths == null ? "" : String(fields.sentenceMonths);
  values.facility = fields.facility ?? "";
  for (const language of supportedLanguages) {
    values[textKey("summary", language)] = fields[`summary.${language}`] ?? "";
    values[textKey("biography", language)] = fields[`biography.${language}`] ?? "";
  }
  return values;
}

/** A slug from the Latin name: lower-case ASCII words joined by hyphens. */
export function slugFromLatinName(name: { givenName: string; familyName: string }): string {
  const base = `${name.givenName} ${name.familyName}`
    // Letters that NFKD does not take apart (Belarusian Łacinka ł).
    .replace(/[łŁ]/g, "l")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .split("-")
    .slice(0, 6)
    .join("-");
  return base || "prisoner";
}
