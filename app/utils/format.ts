import type { Language } from "~/i18n";

export type Precision = "DAY" | "MONTH" | "YEAR";

const DATE_OPTIONS: Record<Precision, Intl.DateTimeFormatOptions> = {
  DAY: { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" },
  MONTH: { month: "long", year: "numeric", timeZone: "UTC" },
  YEAR: { year: "numeric", timeZone: "UTC" },
};

// Building an Intl formatter costs far more than using one: keep one per language and kind.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** Formats an ISO date only as exactly as it is known: "September 2025", not "1 September 2025". */
export function formatDate(isoDate: string, precision: Precision | null, language: Language): string {
  const key = `${language}:${precision ?? "DAY"}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, DATE_OPTIONS[precision ?? "DAY"]);
    dateFormats.set(key, format);
  }
  return format.format(new Date(`${isoDate}T00:00:00.000Z`));
}

export function formatNumber(value: number, language: Language): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language);
    numberFormats.set(language, format);
  }
  return format.format(value);
}

/**
 * Dates and numbers are formatted on the server only and sent as text: browsers ship
 * other ICU data than Node, and a different space or month form breaks hydration.
 */
export function withDisplayDate<T extends { publishedOn: string; datePrecision: Precision }>(source: T, language: Language) {
  return { ...source, displayDate: formatDate(source.publishedOn, source.datePrecision, language) };
}

/** Whole years between a birth date and a day, both ISO dates (YYYY-MM-DD). */
export function ageOn(birthIsoDate: string, onIsoDate: string): number {
  const [by, bm, bd] = birthIsoDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = onIsoDate.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function formatPersonName(name: { givenName: string; patronymic: string | null; familyName: string }) {
  return [name.givenName, name.patronymic, name.familyName].filter(Boolean).join(" ");
}
