import { sourceLanguage, type Language } from "~/i18n";

/** A translated text together with the language it is actually in. */
export interface LocalizedText {
  text: string;
  locale: string;
  /** True when the reader's language was missing and another one is shown. */
  isFallback: boolean;
}

/**
 * Picks the reader's language, then English, then any language there is: a reader always
 * sees something, and is told when it is not in their language.
 */
export function pickTranslation<Row extends { locale: string }>(
  rows: readonly Row[],
  language: Language,
): Row | undefined {
  return (
    rows.find((row) => row.locale === language) ??
    rows.find((row) => row.locale === sourceLanguage) ??
    rows[0]
  );
}

export function localizedField<Row extends { locale: string }>(
  rows: readonly Row[],
  language: Language,
  field: keyof Row & string,
): LocalizedText | null {
  const textOf = (row: Row) => {
    const value: unknown = row[field];
    return typeof value === "string" ? value.trim() : "";
  };
  const row = pickTranslation(rows.filter((candidate) => textOf(candidate) !== ""), language);
  if (!row) return null;
  return { text: textOf(row), locale: row.locale, isFallback: row.locale !== language };
}
