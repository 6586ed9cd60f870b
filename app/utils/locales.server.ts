// Interface strings, read once from locales/{lng}/{ns}.json. The server renders with them
// directly; browsers fetch the same files from /locales/… with a content hash in the URL,
// so they can be cached for a year and still change the moment a translation does.
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

export const defaultLocalesDir = path.resolve(process.cwd(), "locales");

export function loadLocaleBundle(localesDir: string = defaultLocalesDir): LocaleBundle {
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

let cached: LocaleBundle | undefined;

/** The bundle for this process, loaded on first use. */
export function getLocaleBundle(): LocaleBundle {
  cached ??= loadLocaleBundle();
  return cached;
}
