import type { Language } from "~/i18n";

export type Precision = "DAY" | "MONTH" | "YEAR";

const DATE_OPTIONS: Record<Precision, Intl.DateTimeFormatOptions> = {
  DAY: { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" },
  MONTH: { month: "long", year: "numeric", timeZone: "UTC" },
  YEAR: { year: "numeric", timeZone: "UTC" },
};

/** Formats an ISO date only as exactly as it is known: "September 2025", not "1 September 2025". */
export function formatDate(isoDate: string, precision: Precision | null, language: Language): string {
  const date = new Date(`${isoDate}T00:00:00.000Z`);
  return new Intl.DateTimeFormat(language, DATE_OPTIONS[precision ?? "DAY"]).format(date);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(language).format(value);
}

/**
 * Dates and numbers are formatted on the server only and sent as text: browsers ship
 * other ICU data than Node, and a different space or month form breaks hydration.
 */
export function withDisplayDate<T extends { publishedOn: string; datePrecision: Precision }>(source: T, language: Language) {
  return { ...source, displayDate: formatDate(source.publishedOn, source.datePrecision, language) };
}

export function formatPersonName(name: { givenName: string; patronymic: string | null; familyName: string }) {
  return [name.givenName, name.patronymic, name.familyName].filter(Boolean).join(" ");
}
