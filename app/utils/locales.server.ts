// Interface strings, read once from locales/{lng}/{ns}.json. The server renders with them
// directly; browsers fetch the same files from /locales/… with a content hash in the URL,
// so they can be cached for a year and still change the moment a translation does.
// The translation workspace (app/staff/translations/interface-translations.server.ts) writes these files and
// calls reloadLocaleBundle(): the new version changes the browser's URLs at once.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

import type { Resource } from "i18next";

import { namespaces, supportedLanguages } from "~/i18n";

export interface LocaleBundle {
  resources: Resource;
  /** Short hash of every file's content; part of the browser's URL for the files. */
  version: string;
}

/** LOCALES_DIR (checked in env.server.ts) or ./locales. Tests point it at a copy. */
export function localesDirectory(): string {
  return path.resolve(process.cwd(), process.env.LOCALES_DIR || "locales");
}

export const defaultLocalesDir = localesDirectory();

export function loadLocaleBundle(localesDir: string = localesDirectory()): LocaleBundle {
  const resources: Resource = {};
  const hash = createHash("sha256");
  for (const lng of supportedLanguages) {
    resources[lng] = {};
    for (const ns of namespaces) {
      const file = path.join(localesDir, lng, `${ns}.json`);
      const text = readFileSync(file, "utf8");
      hash.update(`${lng}/${ns}\n${text}\n`);
      try {
        resources[lng][ns] = JSON.parse(text) as Record<string, unknown>;
      } catch (error) {
        throw new Error(`${file} is not valid JSON (run npm run i18n:check): ${(error as Error).message}`);
      }
    }
  }
  return { resources, version: hash.digest("hex").slice(0, 12) };
}

// Shared by the Express layer and the Remix bundle (two module graphs in one process), the
// same way as the database handle, so that a reload reaches both.
const BUNDLE_KEY = Symbol.for("listy.localeBundle");
type GlobalWithBundle = typeof globalThis & { [BUNDLE_KEY]?: LocaleBundle };

/** The bundle for this process, loaded on first use. */
export function getLocaleBundle(): LocaleBundle {
  const store = globalThis as GlobalWithBundle;
  store[BUNDLE_KEY] ??= loadLocaleBundle();
  return store[BUNDLE_KEY];
}

/** Reads the files again (after the workspace wrote one); a broken file keeps the old bundle. */
export function reloadLocaleBundle(localesDir: string = localesDirectory()): LocaleBundle {
  const bundle = loadLocaleBundle(localesDir);
  (globalThis as GlobalWithBundle)[BUNDLE_KEY] = bundle;
  return bundle;
}
