import { isLanguage, type Language } from "~/i18n";

/** The :lang URL parameter, or a 404 for anything that is not a supported language. */
export function requireLanguage(params: { lang?: string }): Language {
  if (!isLanguage(params.lang)) throw new Response("Not Found", { status: 404 });
  return params.lang;
}

/** Throws a 404 response when a looked-up thing does not exist. */
export function requireFound<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Response("Not Found", { status: 404 });
  return value;
}
