import { describe, expect, it } from "vitest";

import {
  allowedEdits,
  editDistance,
  matchQuery,
  matchWord,
  MAX_QUERY_WORDS,
  nameWords,
  parseQuery,
  patronymicKind,
  searchKey,
  splitWords,
  wordKeys,
} from "~/utils/transliteration";

import { demoPrisoners } from "../../prisma/demo-data";

/** The demo people as the search sees them: every stored spelling, in every script. */
const people = demoPrisoners.map((prisoner) => ({
  slug: prisoner.slug,
  names: prisoner.names,
  words: prisoner.names.flatMap((name) => nameWords(name)),
}));

/** Ranked like the search model: more exact words first, then the better score. */
function search(query: string): string[] {
  const words = parseQuery(query);
  return people
    .flatMap((person) => {
      const match = matchQuery(words, person.words);
      return match ? [{ slug: person.slug, ...match }] : [];
    })
    .sort((a, b) => b.exact - a.exact || b.score - a.score)
    .map((hit) => hit.slug);
}

const isCyrillic = (text: string) => /[\u0400-\u04ff]/.test(text);

describe("search keys", () => {
  it.each([
    ["the Kalesnikava family name", ["Kalesnikava", "Kolesnikova", "Калеснікава", "Колесникова", "KALESNIKAWA", "Kolesnikowa", "Калеснікова"]],
    ["the Maryia given name", ["Maryia", "Maria", "Мария", "Марыя", "Marija", "Maryja", "МАРІЯ"]],
    ["Bialiatski", ["Bialiatski", "Бяляцкі", "Беляцкий", "Bialacki", "Białacki", "Byalyatski", "Beliatskii"]],
    ["Tsikhanouski", ["Tsikhanouski", "Ціханоўскі", "Тихановский", "Tikhanovsky", "Tichanowski", "Cichanoŭski", "Tsikhanovskiy"]],
    ["Dziadok", ["Dziadok", "Дзядок", "Дедок", "Dedok"]],
    ["Ihar", ["Ihar", "Igor", "Игорь", "Ігар", "IHAR"]],
    ["Statkevich", ["Statkevich", "Статкевіч", "Статкевич", "Statkiewicz", "Statkevič"]],
  ])("gives one key to every spelling of %s", (_label, spellings) => {
    const keys = spellings.map((spelling) => wordKeys(spelling).keys);
    const shared = keys.reduce((common, current) => common.filter((key) => current.includes(key)));
    expect(shared, spellings.join(", ")).not.toEqual([]);
  });

  it("ignores case, diacritics that do not change the sound, apostrophes and punctuation", () => {
    expect(searchKey("ALEŚ  BIALACKI")).toBe(searchKey("ales bialacki"));
    expect(searchKey("Дар'я")).toBe(searchKey("Дарья"));
    expect(searchKey("Dar’ja")).toBe(searchKey("Дарья"));
    expect(searchKey("Kalesnikava, Maryia!")).toBe(searchKey("Калеснікава Марыя"));
    expect(searchKey("Sérgei")).toBe(searchKey("Sergei"));
  });

  it("keeps different names apart", () => {
    expect(searchKey("Babaryka")).not.toBe(searchKey("Kalesnikava"));
    expect(searchKey("Losik")).not.toBe(searchKey("Lednik"));
    expect(searchKey("Ales")).not.toBe(searchKey("Ilyash"));
    expect(searchKey("Vadzim")).not.toBe(searchKey("Vitold"));
  });

  it("reads ch as ч in English spellings and as х in Polish or Lithuanian ones", () => {
    expect(wordKeys("Statkevich").keys).toContain(wordKeys("Статкевич").keys[0]);
    expect(wordKeys("Chrasko").keys).toContain(wordKeys("Храсько").keys[0]);
    expect(wordKeys("Bachwałowa").keys).toEqual(wordKeys("Бахвалова").keys);
  });

  it("also reads Lithuanian names without their added endings", () => {
    expect(wordKeys("Beliackis").stemmed).toContain(wordKeys("Бяляцкі").keys[0]);
    expect(wordKeys("Losikas").stemmed).toContain(wordKeys("Лосік").keys[0]);
    expect(wordKeys("Ales").stemmed).toEqual([]);
  });

  it("splits text into words of letters only", () => {
    expect(splitWords("  Maria-Kalesnikava,\t<script>alert(1)</script> ")).toEqual(["maria", "kalesnikava", "script", "alert", "script"]);
    expect(splitWords("\u0000%00 123 !!")).toEqual([]);
  });
});

describe("edit distance", () => {
  it("counts insertions, deletions, substitutions and swaps of neighbours as one edit", () => {
    expect(editDistance("kalasnikava", "kalasnikava")).toBe(0);
    expect(editDistance("lasik", "lasiks")).toBe(1);
    expect(editDistance("lasik", "lask")).toBe(1);
    expect(editDistance("lasik", "lasak")).toBe(1);
    expect(editDistance("lasik", "lsaik")).toBe(1);
    expect(editDistance("babarika", "kalasnikava")).toBeGreaterThan(2);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("stops early above the limit", () => {
    expect(editDistance("abcdefgh", "zyxwvuts", 2)).toBe(3);
    expect(editDistance("ab", "abcdefgh", 1)).toBe(2);
  });

  it("allows no edit below four sounds, one up to seven and two from eight", () => {
    expect(allowedEdits("mar", "mara")).toBe(0);
    expect(allowedEdits("lasik", "lasak")).toBe(1);
    expect(allowedEdits("statkaviC", "statkaviCi")).toBe(2);
  });

  it("matches near spellings within those limits only", () => {
    const word = (text: string) => wordKeys(text);
    expect(matchWord(word("Kalesnikava"), word("Калеснікава"))).toBe("exact");
    expect(matchWord(word("Kales"), word("Калеснікава"))).toBe("prefix");
    expect(matchWord(word("Kalesnikvaa"), word("Калеснікава"))).toBe("fuzzy");
    expect(matchWord(word("Kalisnikova"), word("Калеснікава"))).toBe("fuzzy");
    expect(matchWord(word("Losyk"), word("Лосік"))).toBe("exact");
    expect(matchWord(word("Loski"), word("Лосік"))).toBe("fuzzy");
    expect(matchWord(word("Lsoika"), word("Лосік"))).toBeNull();
    expect(matchWord(word("Babaryka"), word("Kalesnikava"))).toBeNull();
    expect(matchWord(word("Ihr"), word("Ihar"))).toBeNull();
  });
});

describe("patronymics", () => {
  it.each([
    ["Александровна", "female"],
    ["Aleksandrovna", "female"],
    ["Аляксандраўна", "female"],
    ["Aliaksandrauna", "female"],
    ["Олександрівна", "female"],
    ["Ильинична", "female"],
    ["Сергеевна", "female"],
    ["Аляксандравіч", "male"],
    ["Александрович", "male"],
    ["Nikolaevich", "male"],
    ["Siarheevič", "male"],
    ["Dmitrievich", "male"],
    ["Anatolyevich", "male"],
  ] as const)("recognises %s as a %s patronymic", (word, kind) => {
    expect(patronymicKind(word)).toBe(kind);
  });

  it.each(["Kalesnikava", "Maryia", "Ihar", "Savič", "Babaryka"])("does not take %s for one", (word) => {
    expect(patronymicKind(word)).toBeNull();
  });

  it.each([
    "Мария Александровна Колесникова",
    "Maria Aleksandrovna Kolesnikova",
    "Марыя Аляксандраўна Калеснікава",
    "Калеснікава Марыя Аляксандраўна",
    "Марія Олександрівна Колеснікова",
    "Maria Aleksandrovna",
  ])("does not let a patronymic the sources lack prevent a match: %s", (query) => {
    expect(search(query)).toEqual(["maryia-kalesnikava"]);
  });

  it("lets a man's patronymic be left over only beside both given name and surname", () => {
    expect(search("Віктар Дзмітрыевіч Бабарыка")).toEqual(["viktar-babaryka"]);
    expect(search("Виктор Дмитриевич Бабарико")).toEqual(["viktar-babaryka"]);
    expect(search("Алесь Віктаравіч Бяляцкі")).toEqual(["ales-bialiatski"]);
    // -ович is also a surname ending: "Mikalai Klimovich" is not Mikalai Statkevich.
    expect(search("Mikalai Klimovich")).toEqual(["mikalai-klimovich"]);
    expect(search("Klimovich")).toEqual(["mikalai-klimovich"]);
  });
});

/**
 * Every demo prisoner under at least four spellings, with at least one Cyrillic and one
 * Latin spelling that is not stored anywhere (checked below, so the table cannot cheat).
 */
const SPELLINGS: Record<string, string[]> = {
  "ales-bialiatski": ["Бяляцкі", "Алесь Беляцкий", "Ales Bialiatski", "Białacki", "Aleś Biełacki", "БЯЛЯЦКИЙ", "Alesis Beliackis", "Ales Beliatsky"],
  "maryia-kalesnikava": ["Kalesnikava", "Kolesnikova", "Калеснікава", "Колесникова", "Maria", "Maryia", "Марія Колеснікова", "Maryja Kalesnikowa"],
  "viktar-babaryka": ["Babaryka", "Бабарико", "Viktor Babariko", "Віктар Бабарыка", "Victor Babarico", "Бабарыко", "Wiktar Babaryka"],
  "mikalai-statkevich": ["Statkevich", "Statkiewicz", "Николай Статкевич", "Статкевіч", "Mikalaj Statkevič", "Микола Статкевич", "Mikola Statkewitsch"],
  "ihar-losik": ["Łosik", "Лосик", "Ігар Лосік", "Igor Losik", "Ihar Losikas", "ЛОСІК ІГАР", "Ігор Лосік"],
  "ihar-ilyash": ["Ilyash", "Iljasz", "Ильяш", "Ігар Ільяш", "Ihar Iljaš", "Ільяш Ігар", "Igor Ilyasch", "Ігор Ільяш"],
  "katsiaryna-bakhvalava": ["Bakhvalava", "Бахвалова", "Екатерина Бахвалова", "Katsiaryna Bachwałava", "Кацярына Бахвалава", "Katarzyna Bachwałowa", "Katsyaryna Bakhvalova", "Катерина Бахвалова"],
  "siarhei-tsikhanouski": ["Tsikhanouski", "Tikhanovsky", "Тихановский", "Cichanoŭski", "Ціханоўскі", "Sergey Tikhanovskiy", "Siarhiej Cichanoŭski", "Сергій Тихановський"],
  "mikola-dziadok": ["Dziadok", "Dedok", "Дедок", "Мікола Дзядок", "Mykola Dziadok", "Микола Дедок", "Mikoła Dziadek"],
  "siarhei-sparysh": ["Sparysh", "Sparysz", "Спарыш", "Sergei Sparysh", "Siarhej Sparyš", "Сергій Спариш", "Siarhei Sparysch"],
  "vitold-ashurak": ["Ashurak", "Ашурок", "Witold Aszurak", "Vitold Ashurok", "Вітольд Ашурак", "Витольд Ашуракъ", "Vitoldas Ašurakas"],
  "mikalai-klimovich": ["Klimovich", "Климович", "Mikalai Klimovich", "Klimowicz", "Клімовіч", "Mikałaj Klimowicz", "Klimavich", "Микола Климович"],
  "ales-pushkin": ["Pushkin", "Пушкин", "Puszkin", "Aleś Puszkin", "Алесь Пушкін", "Ales Puškin", "Алесь Пушкинъ", "Alies Pushkine"],
  "vadzim-khrasko": ["Khrasko", "Храсько", "Chrasko", "Vadim Khrasko", "Wadzim Chraśko", "Вадзім Храська", "Vadzim Hrasko"],
  "ihar-lednik": ["Lednik", "Ледник", "Игорь Ледник", "Ihar Lednik", "Ігар Леднік", "Igar Ledník", "Іhar Liednik", "Ігор Ледьнік"],
};

describe("every demo prisoner under many spellings", () => {
  it("covers all fifteen demo prisoners", () => {
    expect(Object.keys(SPELLINGS).sort()).toEqual(demoPrisoners.map((prisoner) => prisoner.slug).sort());
  });

  const rows = Object.entries(SPELLINGS).flatMap(([slug, spellings]) => spellings.map((spelling) => [slug, spelling] as const));

  it.each(rows)("finds %s as “%s”, ranked first", (slug, spelling) => {
    const results = search(spelling);
    expect(results).toContain(slug);
    expect(results[0]).toBe(slug);
  });

  it.each(Object.entries(SPELLINGS))("has for %s at least four spellings, one Cyrillic and one Latin not stored", (slug, spellings) => {
    const prisoner = demoPrisoners.find((candidate) => candidate.slug === slug)!;
    const stored = new Set(
      prisoner.names.flatMap((name) => [name.givenName, name.familyName, `${name.givenName} ${name.familyName}`, `${name.familyName} ${name.givenName}`]),
    );
    expect(new Set(spellings).size).toBeGreaterThanOrEqual(4);
    const unstored = spellings.filter((spelling) => !stored.has(spelling));
    expect(unstored.filter(isCyrillic).length, "unstored Cyrillic spellings").toBeGreaterThanOrEqual(1);
    expect(unstored.filter((spelling) => !isCyrillic(spelling)).length, "unstored Latin spellings").toBeGreaterThanOrEqual(1);
  });

  it("finds Kalesnikava as Kalesnikava, Kolesnikova, Калеснікава, Колесникова, Maria and Maryia", () => {
    for (const spelling of ["Kalesnikava", "Kolesnikova", "Калеснікава", "Колесникова", "Maria", "Maryia"]) {
      expect(search(spelling), spelling).toEqual(["maryia-kalesnikava"]);
    }
  });
});

describe("precision", () => {
  it("does not return Kalesnikava for Babaryka, nor the other way round", () => {
    expect(search("Babaryka")).toEqual(["viktar-babaryka"]);
    expect(search("Kalesnikava")).toEqual(["maryia-kalesnikava"]);
  });

  it.each(demoPrisoners.map((prisoner) => [prisoner.slug, prisoner.names.find((name) => name.script === "LATIN")!.familyName]))(
    "finds only %s by the surname %s",
    (slug, familyName) => {
      expect(search(familyName)).toEqual([slug]);
    },
  );

  it("returns everyone with a shared given name, and no one else", () => {
    expect(search("Ihar").sort()).toEqual(["ihar-ilyash", "ihar-lednik", "ihar-losik"]);
    expect(search("Ales").sort()).toEqual(["ales-bialiatski", "ales-pushkin"]);
  });

  it.each(["Smith", "Лукашэнка", "Łukaszenka", "Navalny", "Смирнов", "Maria Babaryka", "Ihar Pushkin"])("finds no one for %s", (query) => {
    expect(search(query)).toEqual([]);
  });

  it("reads only the first words of a very long query", () => {
    expect(parseQuery("Maria ".repeat(50))).toHaveLength(MAX_QUERY_WORDS);
    expect(search(`Kalesnikava ${"Maria ".repeat(50)} Babaryka`)).toEqual(["maryia-kalesnikava"]);
  });

  it("finds no one for a query without letters", () => {
    expect(parseQuery("%00<> 123 ...")).toEqual([]);
    expect(search("%00<> 123 ...")).toEqual([]);
  });
});
