// The censor lexicon as data (app/letters/censor/lexicon): every file compiles, names its own
// topic and language, refuses nothing; the advice it leads to is safe; and envelope texts,
// which must pass the check, are never caught by it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { checkLetter, lexiconProblems, type LetterLanguage } from "~/letters/censor-check";
import { lexiconTopics } from "~/letters/censor/topics";

const lexiconDir = path.join(process.cwd(), "app/letters/censor/lexicon");
const locales = (language: string) =>
  JSON.parse(readFileSync(path.join(process.cwd(), `locales/${language}/letters.json`), "utf8")) as { censor: Record<string, { why?: string; instead?: string }> };

describe("the censor lexicon files", () => {
  it("compile without a refused entry (no stem under 4 letters, no root under 5, no unknown context)", () => {
    expect(lexiconProblems()).toEqual([]);
  });

  it.each(["ru", "be"])("%s has one file per topic, each naming its own topic and language", (language) => {
    const files = readdirSync(path.join(lexiconDir, language)).filter((file) => file.endsWith(".json"));
    expect(files.sort()).toEqual(lexiconTopics.map((topic) => `${topic}.json`).sort());
    for (const file of files) {
      const data = JSON.parse(readFileSync(path.join(lexiconDir, language, file), "utf8")) as { topic: string; language: string; about: string };
      expect({ topic: data.topic, language: data.language }).toEqual({ topic: file.replace(/\.json$/, ""), language });
      expect(data.about.length).toBeGreaterThan(20);
    }
  });
});

describe("the advice", () => {
  it.each(["ru", "be"] as const)("every %s «write instead» text passes the check", (language) => {
    const flagged = Object.entries(locales(language).censor)
      .filter(([, value]) => typeof value === "object" && value.instead)
      .flatMap(([topic, value]) => checkLetter(value.instead!, language as LetterLanguage).map((flag) => `${topic}: ${flag.match}`));
    expect(flagged).toEqual([]);
  });

  it.each(["en", "ru", "be", "uk", "pl", "lt"])("no %s «write instead» text quotes an example or a solidarity slogan", (language) => {
    const texts = Object.values(locales(language).censor).flatMap((value) => (typeof value === "object" && value.instead ? [value.instead] : []));
    expect(texts.length).toBe(13);
    expect(texts.filter((text) => /[«»“”„"]/u.test(text))).toEqual([]);
    expect(texts.filter((text) => /не одни|не адны|not alone|nie jesteś sam|ne vieni|не самі/iu.test(text))).toEqual([]);
  });
});

describe("what the check leaves alone", () => {
  it.each([
    ["ru", "Республика Беларусь, 211322, пос. Витьба, ИК-3, Тюрьма № 1, СИЗО-1, Витебская обл., Витебский р-н"],
    ["be", "Рэспубліка Беларусь, ІК-3, Турма № 1, СІЗА-1, Віцебская вобл."],
  ] as const)("envelope designations in %s", (language, text) => {
    expect(checkLetter(text, language).map((flag) => `${flag.category}:${flag.match}`)).toEqual([]);
  });
});
