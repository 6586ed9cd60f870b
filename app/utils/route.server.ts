import type { AppLoadContext } from "@remix-run/node";

import { isLanguage, type Language } from "~/i18n";

import { SLUG_PATTERN } from "./slug";

/**
 * The origin for absolute links (emails, hreflang, sitemap, calendar): PUBLIC_URL's, else the
 * local address the server listens on. Never the request's Host or X-Forwarded-Host: anyone
 * can send those, and a link built from them would send a supporter's token to their site
 * (or poison the page cache). `request` stays in the signature only so callers read alike.
 */
export function publicOrigin(_request: Request, context: AppLoadContext): string {
  return new URL(context.linkOrigin).origin;
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
