import type { NameScript } from "@prisma/client";

import type { Language } from "~/i18n";

export interface PersonName {
  givenName: string;
  patronymic: string | null;
  familyName: string;
}

export interface NameRow extends PersonName {
  script: NameScript;
}

export interface PrisonerNames {
  /** The form to show in the reader's language. */
  display: PersonName;
  belarusian: PersonName | null;
  russian: PersonName | null;
  latin: PersonName | null;
}

/** Cyrillic readers see the Cyrillic form; everyone else the Latin transliteration. */
export const DISPLAY_SCRIPTS: Record<Language, readonly NameScript[]> = {
  be: ["BE_CYRILLIC", "RU_CYRILLIC", "LATIN"],
  uk: ["BE_CYRILLIC", "RU_CYRILLIC", "LATIN"],
  ru: ["RU_CYRILLIC", "BE_CYRILLIC", "LATIN"],
  en: ["LATIN", "BE_CYRILLIC", "RU_CYRILLIC"],
  pl: ["LATIN", "BE_CYRILLIC", "RU_CYRILLIC"],
  lt: ["LATIN", "BE_CYRILLIC", "RU_CYRILLIC"],
};

const plain = (row: NameRow): PersonName => ({ givenName: row.givenName, patronymic: row.patronymic, familyName: row.familyName });

/** The name to show a reader of `language`; any stored form rather than nothing. */
export function displayName(rows: readonly NameRow[], language: Language): PersonName {
  for (const script of DISPLAY_SCRIPTS[language]) {
    const row = rows.find((name) => name.script === script);
    if (row) return plain(row);
  }
  return rows[0] ? plain(rows[0]) : { givenName: "", patronymic: null, familyName: "" };
}

/** The display name plus the three standard forms, for profiles and lists. */
export function toNames(rows: readonly NameRow[], language: Language): PrisonerNames {
  const byScript = (script: NameScript) => {
    const row = rows.find((name) => name.script === script);
    return row ? plain(row) : null;
  };
  return {
    display: displayName(rows, language),
    belarusian: byScript("BE_CYRILLIC"),
    russian: byScript("RU_CYRILLIC"),
    latin: byScript("LATIN"),
  };
}
