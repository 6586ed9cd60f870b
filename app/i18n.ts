// Languages and namespaces shared by the server, the browser and the translator tooling.
export const supportedLanguages = ["be", "ru", "uk", "pl", "lt", "en"] as const;
export type Language = (typeof supportedLanguages)[number];

/** The source language: every key exists here first. */
export const sourceLanguage: Language = "en";

/** One namespace per feature area; a page loads only the ones it needs. */
export const namespaces = [
  "common",
  "home",
  "prisoners",
  "directory",
  "campaigns",
  "birthdays",
  "numbers",
  "letters",
  "errors",
  "mail",
  "appeals",
  "pledges",
  "privacy",
  "staff",
  "campaign-editor",
  "dashboards",
  "mailroom",
  "translations",
  "prisoner-import",
  "profile-editor",
  "officials",
  "reference-data",
  "reach",
  "phrases",
  "arrivals",
] as const;

/**
 * What the in-app translation workspace edits: everything but the letter phrases (phrases.json),
 * which reach a prisoner's censor, so they change only through the locale files and CI, where
 * tests/unit/phrase-bank-censor.test.ts checks every text before it can go into a letter.
 */
export const workspaceNamespaces = namespaces.filter((namespace) => namespace !== "phrases");
export type Namespace = (typeof namespaces)[number];
export const defaultNamespace: Namespace = "common";

/** Each language's name written in that language, for the switcher. */
export const languageAutonyms: Record<Language, string> = {
  be: "Беларуская",
  ru: "Русский",
  uk: "Українська",
  pl: "Polski",
  lt: "Lietuvių",
  en: "English",
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

export const i18nConfig = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: sourceLanguage,
  defaultNS: defaultNamespace,
  ns: [...namespaces],
  // React escapes output itself; keys never carry HTML.
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;

/** The namespaces a route asks for in its `handle.i18n`: one name or a list of names. */
export function namespacesOfHandle(handle: unknown): string[] {
  const asked = (handle as { i18n?: unknown } | null | undefined)?.i18n;
  if (typeof asked === "string") return [asked];
  return Array.isArray(asked) ? asked.filter((name): name is string => typeof name === "string") : [];
}

/** The same page in another language: swap the first path segment, keep the rest. */
export function pathInLanguage(pathname: string, search: string, language: Language) {
  const segments = pathname.split("/");
  const rest = supportedLanguages.includes(segments[1] as Language) ? segments.slice(2) : [];
  const tail = rest.join("/");
  return `/${language}/${tail}${search}`;
}
