// The translation workspace's pure parts: the plural sets it asks for per language (the same
// function `npm run i18n:check` uses), the examples shown beside each form, the units it lists,
// the file layout it writes (identical to the committed files), the "outdated" hash, and the
// checks on content translations.
import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { namespaces, supportedLanguages } from "~/i18n";
import { validateContent } from "~/staff/translations/content-translations.server";
import { examplesFor, serializeLocale, sourceHash } from "~/staff/translations/interface-translations.server";
import { analyzeNamespace, listSourceUnits, pluralCategoriesFor } from "~/staff/translations/locale-check.server";

describe("plural sets", () => {
  it("asks each supported language for exactly its forms", () => {
    expect(pluralCategoriesFor("be")).toEqual(["one", "few", "many", "other"]);
    expect(pluralCategoriesFor("ru")).toEqual(["one", "few", "many", "other"]);
    expect(pluralCategoriesFor("uk")).toEqual(["one", "few", "many", "other"]);
    expect(pluralCategoriesFor("pl")).toEqual(["one", "few", "many", "other"]);
    expect(pluralCategoriesFor("lt")).toEqual(["one", "few", "many", "other"]);
    expect(pluralCategoriesFor("en")).toEqual(["one", "other"]);
  });

  it("shows numbers that take each form, so translators can say them aloud", () => {
    expect(examplesFor("ru").one).toBe("1, 21, 31, 41, 51…");
    expect(examplesFor("ru").few).toBe("2, 3, 4, 22, 23…");
    expect(examplesFor("ru").other).toBe("1.5…");
    expect(examplesFor("pl").one).toBe("1…");
    expect(examplesFor("pl").many).toBe("0, 5, 6, 7, 8…");
    expect(examplesFor("lt").few).toBe("2, 3, 4, 5, 6…");
    expect(examplesFor("lt").many).toBe("1.5…");
    expect(examplesFor("en").other).toBe("0, 2, 3, 4, 5, 1.5…");
  });
});

describe("the units a file must provide", () => {
  it("lists single keys and plural groups once, in file order", () => {
    const units = listSourceUnits({ a: "A", b: { count_one: "{{count}} x", count_other: "{{count}} xs", c: "C" } });
    expect(units.map((unit) => (unit.type === "single" ? unit.key : `${unit.base}[]`))).toEqual(["a", "b.count[]", "b.c"]);
  });

  it("refuses a Polish plural group saved with the English set of forms", () => {
    const en = { n_one: "{{count}} letter", n_other: "{{count}} letters" };
    const { problems } = analyzeNamespace("pl", "x", JSON.stringify({ n_one: "{{count}} list", n_other: "{{count}} listu" }), en);
    expect(problems.map((problem) => `${problem.kind} ${problem.key}`)).toEqual(["missing-plural-form n_few", "missing-plural-form n_many"]);
  });
});

describe("the files the workspace writes", () => {
  it("writes every committed locale file byte for byte as it is (English key order, two spaces, final newline)", () => {
    for (const lng of supportedLanguages) {
      for (const ns of namespaces) {
        const text = readFileSync(`locales/${lng}/${ns}.json`, "utf8");
        const en: unknown = JSON.parse(readFileSync(`locales/en/${ns}.json`, "utf8"));
        expect(serializeLocale(JSON.parse(text) as Record<string, unknown>, en), `${lng}/${ns}.json`).toBe(text);
      }
    }
  });

  it("puts a completed key back in its English place, and plural forms together", () => {
    const en = { a: "A", n_one: "x", n_other: "y", z: "Z" };
    const written = serializeLocale({ z: "Ź", n_other: "3", a: "Ą", n_many: "2", n_one: "1", n_few: "4" }, en);
    expect(Object.keys(JSON.parse(written) as object)).toEqual(["a", "n_one", "n_few", "n_many", "n_other", "z"]);
  });

  it("changes the source hash when the English text changes, for single keys and plural groups", () => {
    const [before] = listSourceUnits({ k: "As of {{date}}." });
    const [after] = listSourceUnits({ k: "As of {{date}}, counted." });
    expect(sourceHash(before!)).not.toBe(sourceHash(after!));
    const [plural] = listSourceUnits({ n_one: "a", n_other: "b" });
    const [plural2] = listSourceUnits({ n_one: "a", n_other: "c" });
    expect(sourceHash(plural!)).not.toBe(sourceHash(plural2!));
  });
});

describe("content translations", () => {
  it("requires the texts, limits their length and refuses HTML", () => {
    expect(validateContent("campaign", { title: "", summary: "s", ask: "a" })).toEqual({ title: "required" });
    expect(validateContent("campaign", { title: "t", summary: "<p>s</p>", ask: "a" })).toEqual({ summary: "html" });
    expect(validateContent("prisoner", { summary: "x".repeat(301), biography: "" })).toEqual({ summary: "too-long" });
    expect(validateContent("prisoner", { summary: "Дзеяч, 5 < 6", biography: "" })).toEqual({});
  });
});
