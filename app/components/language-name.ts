// A language's name in the page's language ("angielski" on a Polish page), for notes such as
// "shown in: …". The language switcher names each language in itself; a sentence must not.
import { useTranslation } from "react-i18next";

// Literal keys, so the translator tooling sees every one.
const LANGUAGE_NAME_KEYS: Record<string, string> = {
  be: "common:language-name.be",
  ru: "common:language-name.ru",
  uk: "common:language-name.uk",
  pl: "common:language-name.pl",
  lt: "common:language-name.lt",
  en: "common:language-name.en",
};

export function useLanguageNames() {
  const { t } = useTranslation();
  return (codes: Iterable<string>) => [...codes].map((code) => (LANGUAGE_NAME_KEYS[code] ? t(LANGUAGE_NAME_KEYS[code]!) : code)).join(", ");
}
