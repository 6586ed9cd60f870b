// The fields of the two kinds of reference data (facilities and charge types) and the parsing
// of their forms. Browser-safe: no database. Errors are codes; values come back as typed.
import { supportedLanguages, type Language } from "~/i18n";
import { formFields, type FormFields, type FormSource } from "~/utils/form-fields";

export const REFERENCE_KINDS = ["facility", "charge"] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export const FACILITY_KINDS = ["PENAL_COLONY", "PRISON", "PRE_TRIAL_DETENTION", "OTHER"] as const;
export type FacilityKindValue = (typeof FACILITY_KINDS)[number];

/** A facility's postal and descriptive parts, as a form and a change store them (all text). */
export const FACILITY_TEXT_FIELDS = [
  "designation",
  "street",
  "locality",
  "town",
  "district",
  "region",
  "postcode",
  "postalAddressCyrillic",
  "postalAddressLatin",
  "sources",
] as const;
export type FacilityTextField = (typeof FACILITY_TEXT_FIELDS)[number];

export interface FacilityValues {
  kind: string;
  designation: string;
  street: string;
  locality: string;
  town: string;
  district: string;
  region: string;
  postcode: string;
  postalAddressCyrillic: string;
  postalAddressLatin: string;
  sources: string;
  /** The descriptive name in each language ("" when not given). */
  names: Record<Language, string>;
}

export interface ChargeValues {
  article: string;
  names: Record<Language, string>;
  explanations: Record<Language, string>;
}

export type ReferenceErrorCode = "required" | "too-long" | "choice-invalid" | "postcode-invalid" | "name-required" | "duplicate";
export type ReferenceErrors = Partial<Record<string, ReferenceErrorCode>>;

const LIMITS: Record<string, number> = { designation: 80, postcode: 12, sources: 2000, postalAddressCyrillic: 500, postalAddressLatin: 500, article: 40, explanation: 2000 };
const limitOf = (field: string) => LIMITS[field] ?? 200;

export const emptyNames = (): Record<Language, string> => Object.fromEntries(supportedLanguages.map((language) => [language, ""])) as Record<Language, string>;

export function emptyFacilityValues(): FacilityValues {
  return {
    kind: "PENAL_COLONY",
    ...(Object.fromEntries(FACILITY_TEXT_FIELDS.map((field) => [field, ""])) as Record<FacilityTextField, string>),
    names: emptyNames(),
  };
}

export const emptyChargeValues = (): ChargeValues => ({ article: "", names: emptyNames(), explanations: emptyNames() });

// Cut above the field's limit, so that "too long" is still told and the text kept.
const text = (fields: FormFields, name: string, limitField: string) => fields.text(name, limitOf(limitField) + 1_000).trim();

/** A posted facility form: the values as typed and the errors by field name. */
export function parseFacilityForm(form: FormSource): { values: FacilityValues; errors: ReferenceErrors } {
  const fields = formFields(form);
  const values = emptyFacilityValues();
  values.kind = text(fields, "kind", "kind");
  for (const field of FACILITY_TEXT_FIELDS) values[field] = text(fields, field, field);
  for (const language of supportedLanguages) values.names[language] = text(fields, `name.${language}`, "name");
  return { values, errors: facilityErrors(values) };
}

export function facilityErrors(values: FacilityValues): ReferenceErrors {
  const errors: ReferenceErrors = {};
  if (!(FACILITY_KINDS as readonly string[]).includes(values.kind)) errors.kind = "choice-invalid";
  for (const field of FACILITY_TEXT_FIELDS) if (values[field].length > limitOf(field)) errors[field] = "too-long";
  if (!values.designation) errors.designation = "required";
  if (values.postcode && !/^\d{6}$/.test(values.postcode)) errors.postcode = "postcode-invalid";
  for (const language of supportedLanguages) if (values.names[language].length > limitOf("name")) errors[`name.${language}`] = "too-long";
  if (supportedLanguages.every((language) => !values.names[language])) errors["name.ru"] = "name-required";
  return errors;
}

export function parseChargeForm(form: FormSource): { values: ChargeValues; errors: ReferenceErrors } {
  const fields = formFields(form);
  const values = emptyChargeValues();
  values.article = text(fields, "article", "article");
  for (const language of supportedLanguages) {
    values.names[language] = text(fields, `name.${language}`, "name");
    values.explanations[language] = text(fields, `explanation.${language}`, "explanation");
  }
  const errors: ReferenceErrors = {};
  if (values.article.length > limitOf("article")) errors.article = "too-long";
  for (const language of supportedLanguages) {
    if (values.names[language].length > limitOf("name")) errors[`name.${language}`] = "too-long";
    if (values.explanations[language].length > limitOf("explanation")) errors[`explanation.${language}`] = "too-long";
  }
  if (supportedLanguages.every((language) => !values.names[language])) errors["name.ru"] = "name-required";
  return { values, errors };
}

/** Translation keys for the error codes (literal, for the locale check). */
export const REFERENCE_ERROR_KEYS: Record<ReferenceErrorCode, string> = {
  required: "reference-data:errors.required",
  "too-long": "reference-data:errors.too-long",
  "choice-invalid": "reference-data:errors.choice-invalid",
  "postcode-invalid": "reference-data:errors.postcode-invalid",
  "name-required": "reference-data:errors.name-required",
  duplicate: "reference-data:errors.duplicate",
};

export const FACILITY_KIND_KEYS: Record<FacilityKindValue, string> = {
  PENAL_COLONY: "reference-data:facility.kind.PENAL_COLONY",
  PRISON: "reference-data:facility.kind.PRISON",
  PRE_TRIAL_DETENTION: "reference-data:facility.kind.PRE_TRIAL_DETENTION",
  OTHER: "reference-data:facility.kind.OTHER",
};

export const FACILITY_FIELD_KEYS: Record<FacilityTextField | "kind", string> = {
  kind: "reference-data:facility.field.kind",
  designation: "reference-data:facility.field.designation",
  street: "reference-data:facility.field.street",
  locality: "reference-data:facility.field.locality",
  town: "reference-data:facility.field.town",
  district: "reference-data:facility.field.district",
  region: "reference-data:facility.field.region",
  postcode: "reference-data:facility.field.postcode",
  postalAddressCyrillic: "reference-data:facility.field.postalAddressCyrillic",
  postalAddressLatin: "reference-data:facility.field.postalAddressLatin",
  sources: "reference-data:facility.field.sources",
};

export const REFERENCE_STATE_KEYS = {
  DRAFT: "reference-data:state.DRAFT",
  APPROVED: "reference-data:state.APPROVED",
} as const;

export const CHANGE_STATE_KEYS = {
  PENDING: "reference-data:change.PENDING",
  APPLIED: "reference-data:change.APPLIED",
  REJECTED: "reference-data:change.REJECTED",
} as const;

/** The names of the fields that differ between two stored value sets ("name.be", "postcode" …). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const flat = (values: Record<string, unknown>) => {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(values)) {
      if (value && typeof value === "object") for (const [inner, innerValue] of Object.entries(value)) out[`${key}.${inner}`] = String(innerValue ?? "");
      else out[key] = String(value ?? "");
    }
    return out;
  };
  const a = flat(before);
  const b = flat(after);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => (a[key] ?? "") !== (b[key] ?? "")).sort();
}
