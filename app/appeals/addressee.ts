// The addressee block of an appeal in official style: the office first (in the dative where
// the language has one: «Главе белорусского государства»), then the name in the form an
// address uses («А. Г. Лукашенко»). Where a translation has no address forms yet, the plain
// position and name stand in. Pure: the printed letter, the PDF, the email and the pages share it.
import { isLanguage, sourceLanguage, supportedLanguages, type Language } from "~/i18n";

export interface AddresseeRow {
  locale: string;
  name: string;
  position: string;
  addressee?: string | null;
  addresseeName?: string | null;
}

/** [office, name] in `language`, each line left out when the translation has neither form. */
export function addresseeLines(rows: readonly AddresseeRow[], language: string, fallback: { name?: string | null; position?: string | null } = {}): string[] {
  const row = rows.find((candidate) => candidate.locale === language);
  const office = row?.addressee?.trim() || row?.position.trim() || fallback.position?.trim() || "";
  const name = row?.addresseeName?.trim() || row?.name.trim() || fallback.name?.trim() || "";
  return [office, name].filter(Boolean);
}

/**
 * The language a letter to an official is written in: the official's own language when the
 * campaign has a template for it, else the supporter's, else English, else any there is.
 */
export function letterLanguageAmong(officialLanguage: string, interfaceLanguage: string, templateLocales: ReadonlySet<string>): Language | null {
  const candidates = [officialLanguage, interfaceLanguage, sourceLanguage, ...supportedLanguages];
  return (candidates.find((locale) => isLanguage(locale) && templateLocales.has(locale)) as Language | undefined) ?? null;
}
