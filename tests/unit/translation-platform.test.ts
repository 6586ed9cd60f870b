// Translators may work on a platform (Weblate or Crowdin) that commits the locale files back
// in its own JSON style: four-space indentation, keys sorted, non-ASCII escaped, no final
// newline. `npm run i18n:format` must turn such a commit into exactly the committed bytes, so
// that a platform's commit never shows as a diff of formatting, and `npm run i18n:check` must
// pass on it. Both scripts are run as a translator's CI would run them.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { sourceLanguage, supportedLanguages } from "~/i18n";

const committed = path.resolve("locales");
const scratch = mkdtempSync(path.join(tmpdir(), "listy-platform-locales-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Tree = { [key: string]: string | Tree };

function sortKeys(tree: Tree): Tree {
  return Object.fromEntries(
    Object.keys(tree)
      .sort()
      .map((key) => {
        const value = tree[key]!;
        return [key, typeof value === "string" ? value : sortKeys(value)];
      }),
  );
}

const escapeNonAscii = (text: string) => text.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** How the platforms write a file (their defaults and their most common settings). */
const platformStyles: Record<string, (tree: Tree) => string> = {
  "Weblate (indent 4, keys sorted, no final newline)": (tree) => JSON.stringify(sortKeys(tree), null, 4),
  "Crowdin (indent 2, non-ASCII escaped, CRLF)": (tree) => escapeNonAscii(JSON.stringify(tree, null, 2)).replace(/\n/g, "\r\n") + "\r\n",
};

function localeFiles(root: string): string[] {
  return supportedLanguages.flatMap((language) =>
    readdirSync(path.join(root, language))
      .filter((name) => name.endsWith(".json"))
      .map((name) => path.join(language, name)),
  );
}

function run(script: string, args: string[], localesDir: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    env: { ...process.env, LOCALES_DIR: localesDir, NO_COLOR: "1" },
    encoding: "utf8",
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("locale files committed by a translation platform", () => {
  for (const [style, write] of Object.entries(platformStyles)) {
    it(`${style}: i18n:format gives the committed bytes back, and i18n:check passes`, () => {
      const dir = path.join(scratch, style.split(" ")[0]!.toLowerCase());
      cpSync(committed, dir, { recursive: true });
      const files = localeFiles(dir);
      // The platforms write the translations; English, the source, stays as the team wrote it.
      for (const file of files.filter((name) => !name.startsWith(`${sourceLanguage}${path.sep}`))) {
        const tree = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Tree;
        writeFileSync(path.join(dir, file), write(tree));
      }
      // The platform's style really differs: otherwise this test would prove nothing.
      expect(readFileSync(path.join(dir, "be", "common.json"), "utf8")).not.toBe(readFileSync(path.join(committed, "be", "common.json"), "utf8"));

      const formatted = run("scripts/i18n-format.ts", [], dir);
      expect(formatted.code, formatted.output).toBe(0);
      const differing = files.filter((file) => readFileSync(path.join(dir, file), "utf8") !== readFileSync(path.join(committed, file), "utf8"));
      expect(differing).toEqual([]);

      const checked = run("scripts/i18n-check.ts", ["--locales", dir], dir);
      expect(checked.code, checked.output).toBe(0);
    }, 60_000);
  }
});
