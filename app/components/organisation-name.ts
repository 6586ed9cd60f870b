import type { TFunction } from "i18next";

// Organisations that count political prisoners are stored by their English name; the ones
// Listy knows are shown in the reader's language ("Вясна", "Wiasna"), any other as stored.
const ORGANISATION_KEYS: Record<string, string> = {
  Viasna: "common:organisations.viasna",
  "Belarusian Association of Journalists": "common:organisations.baj",
};

export function organisationName(t: TFunction, storedName: string): string {
  const key = ORGANISATION_KEYS[storedName];
  return key ? t(key) : storedName;
}
