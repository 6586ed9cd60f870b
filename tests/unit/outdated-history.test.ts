// "Outdated" from git history: in a real git repository in a temp folder, English and Polish are
// committed, a translation platform commits Polish alone, English changes later, and the record
// `npm run i18n:history` writes says which translations are outdated, whichever came first. A
// shallow clone and a folder without git keep the committed record.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { listSourceUnits } from "~/staff/translations/locale-check.server";
import { isOutdated, readSourceRecord, serializeSourceRecord, sourceHash, unitId } from "~/staff/translations/source-record.server";

import { compareWithHistory, deriveSourceRecord, updateRecordFromHistory } from "../../scripts/support/locale-history";

const scratch = mkdtempSync(path.join(tmpdir(), "listy-outdated-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let repo: string;
let locales: string;
let count = 0;
const options = () => ({ localesDir: locales, languages: ["en", "pl"], namespaces: ["home"], sourceLanguage: "en" });

function git(cwd: string, ...args: string[]) {
  const result = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

function write(language: string, tree: Record<string, string>) {
  mkdirSync(path.join(locales, language), { recursive: true });
  writeFileSync(path.join(locales, language, "home.json"), `${JSON.stringify(tree, null, 2)}\n`);
}

function commit(message: string, author = "Team <team@example.org>") {
  git(repo, "add", "-A");
  git(repo, "-c", "user.name=x", "-c", "user.email=x@example.org", "commit", "-q", "--author", author, "-m", message);
}

const platform = "Weblate <noreply@weblate.org>";

/** Polish statuses as the workspace computes them, from the record file `npm run i18n:history` wrote. */
function statuses(): Record<string, "translated" | "outdated"> {
  updateRecordFromHistory(locales);
  const record = readSourceRecord(locales).pl?.home ?? {};
  const english: unknown = JSON.parse(readFileSync(path.join(locales, "en", "home.json"), "utf8"));
  return Object.fromEntries(listSourceUnits(english).map((unit) => [unitId(unit), isOutdated(record[unitId(unit)], unit) ? "outdated" : "translated"]));
}

beforeEach(() => {
  repo = path.join(scratch, `repo-${++count}`);
  locales = path.join(repo, "locales");
  mkdirSync(locales, { recursive: true });
  git(repo, "init", "-q", "-b", "main");
  write("en", { greeting: "Hello", farewell: "Goodbye", letters_one: "{{count}} letter", letters_other: "{{count}} letters" });
  write("pl", { greeting: "Cześć", farewell: "Do widzenia", letters_one: "{{count}} list", letters_few: "{{count}} listy", letters_many: "{{count}} listów", letters_other: "{{count}} listu" });
  commit("English and Polish");
});

describe("outdated translations from git history", () => {
  it("a platform's commit makes a translation current; English changed afterwards makes one outdated", () => {
    expect(statuses()).toEqual({ greeting: "translated", farewell: "translated", letters: "translated" });

    write("en", { greeting: "Hello there", farewell: "Goodbye", letters_one: "{{count}} letter", letters_other: "{{count}} letters written" });
    commit("English changes");
    expect(statuses()).toEqual({ greeting: "outdated", farewell: "translated", letters: "outdated" });

    // The platform translates the new English (Polish only, no record in its commit).
    write("pl", { greeting: "Dzień dobry", farewell: "Do widzenia", letters_one: "{{count}} list", letters_few: "{{count}} listy napisane", letters_many: "{{count}} listów napisanych", letters_other: "{{count}} listu" });
    commit("Translated using Weblate (Polish)", platform);
    expect(statuses()).toEqual({ greeting: "translated", farewell: "translated", letters: "translated" });

    // English changes again later: only that key is outdated, the platform's work stays current.
    write("en", { greeting: "Hello there", farewell: "See you", letters_one: "{{count}} letter", letters_other: "{{count}} letters written" });
    commit("English: farewell");
    expect(statuses()).toEqual({ greeting: "translated", farewell: "outdated", letters: "translated" });
    expect(readSourceRecord(locales).pl?.home).toEqual({ farewell: sourceHash({ type: "single", key: "farewell", text: "Goodbye" }) });

    // The platform's next commit touches another key of the file: "farewell" stays outdated.
    write("pl", { greeting: "Dzień dobry!", farewell: "Do widzenia", letters_one: "{{count}} list", letters_few: "{{count}} listy napisane", letters_many: "{{count}} listów napisanych", letters_other: "{{count}} listu" });
    commit("Translated using Weblate (Polish)", platform);
    expect(statuses()).toEqual({ greeting: "translated", farewell: "outdated", letters: "translated" });
  });

  it("corrects a record that a platform's commit left behind, and the check notices until it is rewritten", () => {
    write("en", { greeting: "Hi", farewell: "Goodbye", letters_one: "{{count}} letter", letters_other: "{{count}} letters" });
    commit("English: greeting");
    updateRecordFromHistory(locales);
    commit("record");
    expect(compareWithHistory(options())).toMatchObject({ ok: true, same: true });

    write("pl", { greeting: "Hej", farewell: "Do widzenia", letters_one: "{{count}} list", letters_few: "{{count}} listy", letters_many: "{{count}} listów", letters_other: "{{count}} listu" });
    commit("Translated using Weblate (Polish)", platform);
    const before = compareWithHistory(options());
    expect(before).toMatchObject({ ok: true, same: false, unknown: [expect.stringContaining("pl/home:greeting=")] });
    expect(statuses().greeting).toBe("translated");
    expect(compareWithHistory(options())).toMatchObject({ ok: true, same: true });
  });

  it("follows a merge, and counts uncommitted files as the newest change", () => {
    git(repo, "checkout", "-q", "-b", "platform");
    write("pl", { greeting: "Witaj", farewell: "Do widzenia", letters_one: "{{count}} list", letters_few: "{{count}} listy", letters_many: "{{count}} listów", letters_other: "{{count}} listu" });
    commit("Translated using Weblate (Polish)", platform);
    git(repo, "checkout", "-q", "main");
    write("en", { greeting: "Hello", farewell: "Bye", letters_one: "{{count}} letter", letters_other: "{{count}} letters" });
    commit("English: farewell");
    git(repo, "-c", "user.name=x", "-c", "user.email=x@example.org", "merge", "-q", "--no-ff", "-m", "Merge platform", "platform");
    expect(statuses()).toEqual({ greeting: "translated", farewell: "outdated", letters: "translated" });

    write("pl", { greeting: "Witaj", farewell: "Pa", letters_one: "{{count}} list", letters_few: "{{count}} listy", letters_many: "{{count}} listów", letters_other: "{{count}} listu" });
    expect(statuses()).toEqual({ greeting: "translated", farewell: "translated", letters: "translated" });
  });

  it("keeps the committed record in a shallow clone and without git", () => {
    write("en", { greeting: "Hi", farewell: "Goodbye", letters_one: "{{count}} letter", letters_other: "{{count}} letters" });
    commit("English: greeting");
    updateRecordFromHistory(locales);
    commit("record");
    const committed = readFileSync(path.join(locales, ".source-hashes.json"), "utf8");
    expect(committed).toBe(serializeSourceRecord({ pl: { home: { greeting: sourceHash({ type: "single", key: "greeting", text: "Hello" }) } } }));

    const shallow = path.join(scratch, `shallow-${count}`);
    git(scratch, "clone", "-q", "--depth", "1", `file://${repo}`, shallow);
    expect(deriveSourceRecord({ ...options(), localesDir: path.join(shallow, "locales") })).toMatchObject({ ok: false, reason: "shallow" });
    expect(updateRecordFromHistory(path.join(shallow, "locales"))).toContain("shallow");
    expect(readFileSync(path.join(shallow, "locales", ".source-hashes.json"), "utf8")).toBe(committed);

    const plain = path.join(scratch, `plain-${count}`);
    cpSync(locales, plain, { recursive: true });
    expect(deriveSourceRecord({ ...options(), localesDir: plain })).toMatchObject({ ok: false, reason: "not-a-repository" });
    expect(readSourceRecord(plain)).toEqual(readSourceRecord(locales));
  });
});
