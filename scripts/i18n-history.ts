// Writes locales/.source-hashes.json, the record of outdated translations, from git history:
// a translation is outdated when English changed after the commit that last changed it
// (scripts/support/locale-history.ts). Run after pulling a translation platform's commit, or
// any change to the locale files: npm run i18n:history (npm run i18n:format runs it too).
//   tsx scripts/i18n-history.ts [--locales DIR]
// Without the full history (a shallow clone, no git) the committed file is kept as it is.
import { updateRecordFromHistory } from "./support/locale-history";

const args = process.argv.slice(2);
const valid = args.length === 0 || (args.length === 2 && args[0] === "--locales");
if (!valid) {
  console.error("Usage: tsx scripts/i18n-history.ts [--locales DIR]");
  process.exitCode = 2;
} else {
  console.log(updateRecordFromHistory(args[1] ?? process.env.LOCALES_DIR ?? "locales"));
}
