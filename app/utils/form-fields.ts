// The one way to read a submitted form, used by every action (decision 0021). A reader never
// throws and never loses what was typed: a missing field, or a file where text was expected,
// reads as "" (or null); a single-value reader takes the first of repeated values; every value
// is cut to a bound and has its control characters taken out. The feature's own rules then say
// in words (translated codes) what is wrong. Browser-safe: no server imports, no dependencies.

export type FormSource = FormData | URLSearchParams;

// C0 controls and DEL. Line breaks and tabs go too on one line.
const CONTROL = /[\u0000-\u001F\u007F]/g;
// Text of several lines keeps its line breaks and tabs.
const CONTROL_BUT_BREAKS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/** More values of one repeated field than this are not read (no form of Listy sends so many). */
export const REPEATED_FIELD_LIMIT = 1_000;

export interface FormFields {
  /** The field's first value on one line: cut at `max` characters, control characters (breaks too) out. */
  line(name: string, max: number): string;
  /** The field's first value as text of several lines: CR LF and CR → LF, cut at `max`, other control characters out. */
  text(name: string, max: number): string;
  /** Every value of a repeated field (checkboxes, boxes of one list), each read as `line`. */
  lines(name: string, max: number, limit?: number): string[];
  /** Every value of a repeated field, each read as `text`. */
  texts(name: string, max: number, limit?: number): string[];
  /** The first value when it is exactly one of `allowed`, else null. */
  choice<T extends string>(name: string, allowed: readonly T[]): T | null;
  /** A checkbox: sent as "on" (a browser's default value), "true" or "1". */
  checked(name: string): boolean;
  /** Whether the form has the field at all (a hidden field tells an older page from a newer one). */
  sent(name: string): boolean;
  /**
   * The first value exactly as posted, cut at `max`: for a reader that must report what it cuts
   * or cleans itself (the letter builder), or compares a posted token byte for byte.
   */
  posted(name: string, max: number): string;
  /** Every value of a repeated field exactly as posted, each cut at `max`. */
  postedAll(name: string, max: number, limit?: number): string[];
  /** An uploaded file with content, else null (no file chosen posts an empty one). */
  file(name: string): File | null;
  /** A whole number within [min, max], written in digits with an optional minus, else null. */
  integer(name: string, min: number, max: number): number | null;
}

function textOf(value: FormDataEntryValue | null | undefined): string {
  return typeof value === "string" ? value : "";
}

export function formFields(form: FormSource): FormFields {
  const first = (name: string) => textOf(form.get(name));
  const all = (name: string, limit: number) => form.getAll(name).slice(0, limit).map(textOf);
  const asLine = (value: string, max: number) => value.slice(0, max).replace(CONTROL, "");
  const asText = (value: string, max: number) => value.replace(/\r\n?/g, "\n").slice(0, max).replace(CONTROL_BUT_BREAKS, "");
  return {
    line: (name, max) => asLine(first(name), max),
    text: (name, max) => asText(first(name), max),
    lines: (name, max, limit = REPEATED_FIELD_LIMIT) => all(name, limit).map((value) => asLine(value, max)),
    texts: (name, max, limit = REPEATED_FIELD_LIMIT) => all(name, limit).map((value) => asText(value, max)),
    choice<T extends string>(name: string, allowed: readonly T[]): T | null {
      const value = first(name);
      return (allowed as readonly string[]).includes(value) ? (value as T) : null;
    },
    checked: (name) => ["on", "true", "1"].includes(first(name)),
    sent: (name) => form.has(name),
    posted: (name, max) => first(name).slice(0, max),
    postedAll: (name, max, limit = REPEATED_FIELD_LIMIT) => all(name, limit).map((value) => value.slice(0, max)),
    file(name) {
      const value = form.get(name);
      return typeof value === "object" && value !== null && value.size > 0 ? value : null;
    },
    integer(name, min, max) {
      const value = first(name).trim();
      if (!/^-?\d{1,15}$/.test(value)) return null;
      const number = Number(value);
      return number >= min && number <= max ? number : null;
    },
  };
}
