import type { AppLoadContext } from "@remix-run/node";

import { isLanguage, type Language } from "~/i18n";

import { SLUG_PATTERN } from "./slug";

/** The origin for absolute links: PUBLIC_URL when configured, else the address the request used. */
export function publicOrigin(request: Request, context: AppLoadContext): string {
  return context.publicUrl ? new URL(context.publicUrl).origin : new URL(request.url).origin;
}

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

/** The slug of a prisoner or a campaign from the address: a malformed one cannot name anyone, so 404 without asking the database. */
export function requirePublicSlug(slug: string | undefined): string {
  if (!slug || slug.length > 120 || !SLUG_PATTERN.test(slug)) throw new Response("Not Found", { status: 404 });
  return slug;
}
