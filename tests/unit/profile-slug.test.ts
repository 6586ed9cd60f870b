// A profile's address from the person's name (decision 0017): Belarusian passports'
// transliteration of the Belarusian name, the Russian passports' one when that is all there
// is, the Latin name last; namesakes told apart by birth year, then patronymic initial.
import { describe, expect, it } from "vitest";

import { firstFreeSlug, slugCandidates } from "~/prisoners/profile-slug";
import { romanize } from "~/utils/romanize";

describe("romanize", () => {
  it.each([
    // The spellings these people are known by in human-rights reports.
    ["Ціханоўскі", "tsikhanouski"],
    ["Бяляцкі", "bialiatski"],
    ["Калеснікава", "kalesnikava"],
    ["Марыя", "maryia"],
    ["Сяргей", "siarhei"],
    ["Дзядок", "dziadok"],
    ["Ільяш", "ilyash"],
    ["Кацярына", "katsiaryna"],
    ["Яўген", "yauhen"],
    ["Шаўчэнка", "shauchenka"],
    ["Ігар", "ihar"],
    ["Храско", "khrasko"],
    ["Аляксандр", "aliaksandr"],
    ["Мікалай", "mikalai"],
    ["Вольга", "volha"],
    ["Аб'ядналі", "abyadnali"],
  ])("be %s → %s", (cyrillic, latin) => {
    expect(romanize(cyrillic, "be")).toBe(latin);
  });

  it.each([
    ["Илья", "ilya"],
    ["Петров", "petrov"],
    ["Екатерина", "ekaterina"],
    ["Попова", "popova"],
    ["Игорь", "igor"],
    ["Щукин", "shchukin"],
    ["Юлия", "yuliia"],
  ])("ru %s → %s", (cyrillic, latin) => {
    expect(romanize(cyrillic, "ru")).toBe(latin);
  });

  it("drops the marks of Łacinka, Polish and Lithuanian letters", () => {
    expect(romanize("Łukašenka-Žmieĺ", "be")).toBe("lukasenka-zmiel");
  });
});

describe("slugCandidates", () => {
  const yauhen = { givenName: "Яўген", patronymic: "Сяргеевіч", familyName: "Шаўчэнка" };

  it("makes the address from the Belarusian name, not from a search key (issue 16: avhan-av-anka)", () => {
    expect(slugCandidates({ belarusian: yauhen })[0]).toBe("yauhen-shauchenka");
  });

  it("uses the Russian name when there is no Belarusian one, and the Latin name last", () => {
    expect(slugCandidates({ russian: { givenName: "Екатерина", familyName: "Попова" } })[0]).toBe("ekaterina-popova");
    expect(slugCandidates({ russian: { givenName: "Илья", familyName: "Петров" } })[0]).toBe("ilya-petrov");
    expect(slugCandidates({ latin: { givenName: "Aleś", familyName: "Bialacki" } })[0]).toBe("ales-bialacki");
    expect(slugCandidates({ belarusian: { givenName: "—", familyName: "!" } })).toEqual(["prisoner"]);
  });

  it("tells namesakes apart by birth year, then patronymic initial, and numbers only true twins", () => {
    expect(slugCandidates({ belarusian: yauhen, birthYear: 1985 })).toEqual([
      "yauhen-shauchenka",
      "yauhen-shauchenka-1985",
      "yauhen-shauchenka-s",
      "yauhen-shauchenka-1985-s",
    ]);
    const taken = new Set(["yauhen-shauchenka", "yauhen-shauchenka-1985"]);
    expect(firstFreeSlug({ belarusian: yauhen, birthYear: 1985 }, (slug) => taken.has(slug))).toBe("yauhen-shauchenka-s");
    taken.add("yauhen-shauchenka-s").add("yauhen-shauchenka-1985-s");
    expect(firstFreeSlug({ belarusian: yauhen, birthYear: 1985 }, (slug) => taken.has(slug))).toBe("yauhen-shauchenka-1985-s-2");
  });
});
