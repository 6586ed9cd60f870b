// Writes every locale file the way the translation workspace writes it (English key order,
// plural forms together, two spaces, final newline), so that a file edited by hand and one
// saved in the workspace never differ by formatting alone. Run: npm run i18n:format
// Then it writes the record of outdated translations from git history (npm run i18n:history).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { supportedLanguages, namespaces } from "~/i18n";
import { serializeLocale } from "~/staff/translations/interface-translations.server";

import { updateRecordFromHistory } from "./support/locale-history";

const dir = process.env.LOCALES_DIR ?? "locales";
let changed = 0;
for (const namespace of namespaces) {
  const source: unknown = JSON.parse(readFileSync(path.join(dir, "en", `${namespace}.json`), "utf8"));
  for (const language of supportedLanguages) {
    const file = path.join(dir, language, `${namespace}.json`);
    const text = readFileSync(file, "utf8");
    const formatted = serializeLocale(JSON.parse(text) as Record<string, unknown>, source);
    if (formatted !== text) {
      writeFileSync(file, formatted);
      changed++;
      console.log(`formatted ${file}`);
    }
  }
}
console.log(changed === 0 ? "All locale files were already formatted." : `${changed} file(s) formatted.`);
console.log(updateRecordFromHistory(dir));
