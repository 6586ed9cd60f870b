import { createCookie } from "@remix-run/node";
import { createInstance, type i18n } from "i18next";

import { i18nConfig, isLanguage, sourceLanguage, type Language } from "~/i18n";

import { getLocaleBundle } from "./locales.server";

/**
 * Remembers the language of the last page read, for "/", and nothing else. A session
 * cookie: it ends with the browser session, so it leaves no lasting trace on a device.
 */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
});

/** The language named by the first path segment, e.g. "be" in /be/prisoners. */
export function languageFromPath(pathname: string): Language | null {
  const first = pathname.split("/")[1];
  return isLanguage(first) ? first : null;
}

/**
 * The best supported language in an Accept-Language header, honouring q-values and
 * matching by primary subtag ("be-BY" → be). Null when nothing matches.
 */
export function negotiateLanguage(header: string | null): Language | null {
  if (!header) return null;
  const ranked = header
    .slice(0, 1_000)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/i.exec(param)?.[1]).find(Boolean);
      return { primary: tag.trim().toLowerCase().split("-")[0] ?? "", quality: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.quality > 0 && !Number.isNaN(entry.quality))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.primary).find(isLanguage) ?? null;
}

/** URL first, then the remembered choice, then the browser's preference, then English. */
export async function detectLanguage(request: Request): Promise<Language> {
  const fromPath = languageFromPath(new URL(request.url).pathname);
  if (fromPath) return fromPath;
  const fromCookie: unknown = await languageCookie.parse(request.headers.get("Cookie"));
  if (isLanguage(fromCookie)) return fromCookie;
  return negotiateLanguage(request.headers.get("Accept-Language")) ?? sourceLanguage;
}

let shared: Promise<i18n> | undefined;
let sharedVersion: string | undefined;

/** After a translation was saved (here or on another instance): the shared store takes the new strings. */
function syncResources(instance: i18n) {
  const bundle = getLocaleBundle();
  if (bundle.version === sharedVersion) return;
  for (const [lng, byNamespace] of Object.entries(bundle.resources)) {
    for (const [ns, resources] of Object.entries(byNamespace)) {
      if (instance.getResourceBundle(lng, ns) === resources) continue;
      // Replaced, not merged: a key the commit no longer has must not linger.
      instance.removeResourceBundle(lng, ns);
      instance.addResourceBundle(lng, ns, resources, false, true);
    }
  }
  sharedVersion = bundle.version;
}

/**
 * One i18next instance, initialised once with every language and namespace. Safe to share:
 * nothing changes its language; translations are taken with getFixedT(language, …).
 * (Building and initialising a new instance on every call would cost each request.)
 */
export async function getSharedI18n(): Promise<i18n> {
  shared ??= (async () => {
    const instance = createInstance();
    const bundle = getLocaleBundle();
    await instance.init({ ...i18nConfig, lng: sourceLanguage, resources: bundle.resources, initAsync: false });
    sharedVersion = bundle.version;
    return instance;
  })();
  const instance = await shared;
  // Clones made per request (entry.server.tsx) share this store, so they see the new strings too.
  syncResources(instance);
  return instance;
}

/** A translate function for one language and namespace(s), for loaders and meta. */
export async function getFixedT(language: Language, namespaces: string | readonly string[]) {
  return (await getSharedI18n()).getFixedT(language, namespaces as string | string[]);
}
