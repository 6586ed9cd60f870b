// npm run i18n:export -- <dir>: writes every effective locale file (the committed files overlaid
// by the strings saved in the translation workspace, decision 0022) into <dir>/{lng}/{ns}.json,
// formatted as `npm run i18n:format` writes them, for an operator to review and commit
// (`npm run i18n:export -- locales` writes over the repository's own files). Reads the database
// of DATABASE_URL (or the embedded one: stop the app first, only one process may open it).
// In production: node build/server/i18n-export.js <dir>.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { namespaces, sourceLanguage, supportedLanguages } from "~/i18n";
import { serializeLocale } from "~/staff/translations/interface-translations.server";
import { openDatabase } from "~/utils/database.server";
import { databaseTargetFromEnv, parseEnv } from "~/utils/env.server";
import { effectiveResources, loadCommittedResources, readSavedStrings, stillApplies } from "~/utils/locales.server";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: npm run i18n:export -- <dir>");
  process.exit(2);
}

const env = parseEnv();
const database = await openDatabase(databaseTargetFromEnv(env));
try {
  const { rows } = await readSavedStrings(database);
  const committed = loadCommittedResources();
  const effective = effectiveResources(committed, rows);
  let changed = 0;
  for (const language of supportedLanguages) {
    for (const namespace of namespaces) {
      const tree = effective[language]?.[namespace] as Record<string, unknown>;
      const file = path.join(dir, language, `${namespace}.json`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, serializeLocale(tree, committed[sourceLanguage]?.[namespace]));
      if (tree !== committed[language]?.[namespace]) changed++;
    }
  }
  const retired = rows.filter((row) => !stillApplies(row, committed[row.locale]?.[row.namespace])).length;
  console.info(`wrote ${supportedLanguages.length * namespaces.length} files to ${dir}: ${changed} with saved strings (${rows.length - retired} applied, ${retired} replaced by the committed files)`);
} finally {
  await database.close();
}
