// The official editor's form, read from a POST and checked. Pure (no database). Errors are
// codes (the page maps each to a literal key) and every value comes back verbatim, so nothing
// typed is lost. Sources named by key are checked against the database by the caller.
import { supportedLanguages, type Language } from "~/i18n";
import { safeUrl } from "~/staff/profiles/profile-form";
import { formFields, type FormSource } from "~/utils/form-fields";

export const CONTACT_CHANNELS = ["email", "web-form", "postal"] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
/** The form's channel names as the database spells them. */
export const CHANNEL_OF = { email: "EMAIL", "web-form": "WEB_FORM", postal: "POSTAL" } as const satisfies Record<ContactChannel, string>;

export const OFFICIAL_LIMITS = { name: 200, institution: 300, email: 254, url: 2000, postal: 500, publication: 200, sourceTitle: 500 } as const;
/** The source select's value for "the new source described below". */
export const NEW_SOURCE = "new";

export type OfficialFieldError = "required" | "too-long" | "invalid" | "date-invalid" | "source-required" | "names-required";

export const translationKey = (part: "name" | "position" | "addressee" | "addresseeName", language: string) => `${part}-${language}`;
export const contactKey = (channel: ContactChannel, part?: "source" | "reported-on") => (part ? `${channel}-${part}` : channel);
export const newSourceKey = (part: "publication" | "title" | "url" | "date") => `source-${part}`;

export type OfficialFormValues = Record<string, string>;

export interface OfficialTranslationFields {
  locale: Language;
  name: string;
  position: string;
  addressee: string | null;
  addresseeName: string | null;
}

/** One contact as the form gives it: no value means "none" (or "remove it"). */
export interface ContactFields {
  value: string | null;
  /** A Source key, or NEW_SOURCE. */
  source: string | null;
  /** yyyy-mm-dd: the day the source reported it. */
  reportedOn: string | null;
}

export interface NewOfficialSource {
  publication: string;
  title: string | null;
  url: string | null;
  publishedOn: string;
}

export interface OfficialFields {
  country: string;
  language: Language;
  institution: string | null;
  translations: OfficialTranslationFields[];
  contacts: Record<ContactChannel, ContactFields>;
  newSource: NewOfficialSource | null;
}

export function officialFormKeys(): string[] {
  const keys = ["country", "language", "institution"];
  for (const language of supportedLanguages) for (const part of ["name", "position", "addressee", "addresseeName"] as const) keys.push(translationKey(part, language));
  for (const channel of CONTACT_CHANNELS) keys.push(contactKey(channel), contactKey(channel, "source"), contactKey(channel, "reported-on"));
  for (const part of ["publication", "title", "url", "date"] as const) keys.push(newSourceKey(part));
  return keys;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function validDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && date.getUTCFullYear() >= 1900;
}

/** A rough shape check; the server checks the address properly (app/mail/address.ts). */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type ReadOfficialForm = { ok: true; fields: OfficialFields; values: OfficialFormValues } | { ok: false; values: OfficialFormValues; errors: Record<string, OfficialFieldError> };

// Every field is cut well above the longest limit, so that "too long" is still told.
const READ_MAX = OFFICIAL_LIMITS.url + 1_000;

export function readOfficialForm(form: FormSource, { checkEmail = (value: string) => EMAIL_SHAPE.test(value) }: { checkEmail?: (value: string) => boolean } = {}): ReadOfficialForm {
  const posted = formFields(form);
  const values: OfficialFormValues = {};
  for (const key of officialFormKeys()) values[key] = posted.text(key, READ_MAX);
  const errors: Record<string, OfficialFieldError> = {};
  const get = (key: string) => values[key]!.trim();
  const text = (key: string, limit: number) => {
    const value = get(key);
    if (value.length > limit) errors[key] = "too-long";
    return value === "" ? null : value;
  };

  const country = get("country").toUpperCase();
  if (!country) errors.country = "required";
  else if (!/^[A-Z]{2}$/.test(country)) errors.country = "invalid";
  const language = get("language");
  if (!language) errors.language = "required";
  else if (!(supportedLanguages as readonly string[]).includes(language)) errors.language = "invalid";
  const institution = text("institution", OFFICIAL_LIMITS.institution);

  const translations: OfficialTranslationFields[] = [];
  for (const locale of supportedLanguages) {
    const name = text(translationKey("name", locale), OFFICIAL_LIMITS.name);
    const position = text(translationKey("position", locale), OFFICIAL_LIMITS.name);
    const addressee = text(translationKey("addressee", locale), OFFICIAL_LIMITS.name);
    const addresseeName = text(translationKey("addresseeName", locale), OFFICIAL_LIMITS.name);
    if (!name && !position && !addressee && !addresseeName) continue;
    if (!name) errors[translationKey("name", locale)] = "required";
    if (!position) errors[translationKey("position", locale)] = "required";
    if (name && position) translations.push({ locale, name, position, addressee, addresseeName });
  }
  if (translations.length === 0 && !Object.keys(errors).some((key) => key.startsWith("name-") || key.startsWith("position-"))) errors.names = "names-required";

  let newSourceNamed = false;
  const contacts = {} as Record<ContactChannel, ContactFields>;
  for (const channel of CONTACT_CHANNELS) {
    const limit = channel === "email" ? OFFICIAL_LIMITS.email : channel === "web-form" ? OFFICIAL_LIMITS.url : OFFICIAL_LIMITS.postal;
    let value = text(contactKey(channel), limit);
    if (value && !errors[contactKey(channel)]) {
      if (channel === "email" && !checkEmail(value)) errors[contactKey(channel)] = "invalid";
      if (channel === "web-form") {
        const href = safeUrl(value);
        if (!href) errors[contactKey(channel)] = "invalid";
        else value = href;
      }
    }
    // Nothing to source when there is no contact (or it is being removed).
    if (!value) {
      contacts[channel] = { value: null, source: null, reportedOn: null };
      continue;
    }
    const source = get(contactKey(channel, "source")) || null;
    if (!source) errors[contactKey(channel, "source")] = "source-required";
    if (source === NEW_SOURCE) newSourceNamed = true;
    const reportedOn = get(contactKey(channel, "reported-on")) || null;
    if (!reportedOn) errors[contactKey(channel, "reported-on")] = "required";
    else if (!validDate(reportedOn)) errors[contactKey(channel, "reported-on")] = "date-invalid";
    contacts[channel] = { value, source, reportedOn };
  }

  let newSource: NewOfficialSource | null = null;
  if (newSourceNamed) {
    const publication = text(newSourceKey("publication"), OFFICIAL_LIMITS.publication);
    const title = text(newSourceKey("title"), OFFICIAL_LIMITS.sourceTitle);
    const url = get(newSourceKey("url"));
    const href = url ? safeUrl(url) : null;
    const date = get(newSourceKey("date"));
    if (!publication) errors[newSourceKey("publication")] = "required";
    if (url && !href) errors[newSourceKey("url")] = "invalid";
    if (!date) errors[newSourceKey("date")] = "required";
    else if (!validDate(date)) errors[newSourceKey("date")] = "date-invalid";
    if (publication && date && validDate(date)) newSource = { publication, title, url: href, publishedOn: date };
  }

  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  return { ok: true, values, fields: { country, language: language as Language, institution, translations, contacts, newSource } };
}

export interface OfficialFormSource {
  country: string;
  language: string;
  institution: string | null;
  translations: { locale: string; name: string; position: string; addressee: string | null; addresseeName: string | null }[];
  contacts: Record<ContactChannel, ContactFields>;
}

/** The form's values for an official as it is now. */
export function officialFormValues(official: OfficialFormSource): OfficialFormValues {
  const values: OfficialFormValues = {};
  for (const key of officialFormKeys()) values[key] = "";
  values.country = official.country;
  values.language = official.language;
  values.institution = official.institution ?? "";
  for (const row of official.translations) {
    values[translationKey("name", row.locale)] = row.name;
    values[translationKey("position", row.locale)] = row.position;
    values[translationKey("addressee", row.locale)] = row.addressee ?? "";
    values[translationKey("addresseeName", row.locale)] = row.addresseeName ?? "";
  }
  for (const channel of CONTACT_CHANNELS) {
    const contact = official.contacts[channel];
    values[contactKey(channel)] = contact.value ?? "";
    values[contactKey(channel, "source")] = contact.source ?? "";
    values[contactKey(channel, "reported-on")] = contact.reportedOn ?? "";
  }
  return values;
}

export const EMPTY_OFFICIAL_VALUES: OfficialFormValues = officialFormValues({
  country: "BY",
  language: "ru",
  institution: null,
  translations: [],
  contacts: { email: { value: null, source: null, reportedOn: null }, "web-form": { value: null, source: null, reportedOn: null }, postal: { value: null, source: null, reportedOn: null } },
});
