// The vocative tables, one per language: every demo person's given name and twenty-odd common
// Belarusian given names, men's and women's, plus Russian spellings and the fallbacks.
import { describe, expect, it } from "vitest";

import { renderPhrase } from "~/letters/letter-text";
import { phraseById, type Gender } from "~/letters/phrase-bank";
import {
  belarusianVocative,
  lithuanianVocative,
  polishVocative,
  respellFor,
  ukrainianPatronymicVocative,
  ukrainianVocative,
  vocative,
} from "~/letters/vocative";

import { demoPrisoners } from "../../prisma/demo-data";

/**
 * Belarusian given name, gender, then the expected Ukrainian, Polish and Lithuanian vocatives;
 * "" where Lithuanian's vocative is the nominative the reader already sees (Marija!).
 */
const TABLE: [string, Gender, string, string, string][] = [
  // the demo people
  ["Алесь", "m", "Алесю", "Alesiu", "Alesi"],
  ["Віктар", "m", "Віктаре", "Wiktarze", "Viktarai"],
  ["Мікалай", "m", "Мікалаю", "Mikałaju", "Mikalajau"],
  ["Ігар", "m", "Ігаре", "Iharze", "Iharai"],
  ["Сяргей", "m", "Сяргею", "Siarhieju", "Siarhejau"],
  ["Мікола", "m", "Міколо", "Mikoło", ""],
  ["Вітольд", "m", "Вітольде", "Witoldzie", "Vitoldai"],
  ["Вадзім", "m", "Вадзіме", "Wadzimie", "Vadzimai"],
  ["Марыя", "f", "Марыє", "Maryjo", ""],
  ["Кацярына", "f", "Кацярыно", "Kaciaryno", ""],
  // common men's names
  ["Аляксандр", "m", "Аляксандре", "Alaksandrze", "Aliaksandrai"],
  ["Андрэй", "m", "Андрэю", "Andreju", "Andrejau"],
  ["Дзмітрый", "m", "Дзмітрыю", "Dzmitryju", "Dzmitryjau"],
  ["Уладзімір", "m", "Уладзіміре", "Uładzimirze", "Uladzimirai"],
  ["Аляксей", "m", "Аляксею", "Alaksieju", "Aliaksejau"],
  ["Павел", "m", "Павле", "Pawle", "Pavelai"],
  ["Максім", "m", "Максіме", "Maksimie", "Maksimai"],
  ["Яўген", "m", "Яўгене", "Jauhienie", "Jauhenai"],
  ["Іван", "m", "Іване", "Iwanie", "Ivanai"],
  ["Раман", "m", "Рамане", "Ramanie", "Ramanai"],
  ["Дзяніс", "m", "Дзянісе", "Dzianisie", "Dzianisai"],
  ["Юрый", "m", "Юрыю", "Juryju", "Juryjau"],
  ["Алег", "m", "Алегу", "Alehu", "Alehai"],
  ["Віталь", "m", "Віталю", "Witalu", "Vitali"],
  ["Антон", "m", "Антоне", "Antonie", "Antonai"],
  ["Кірыл", "m", "Кірыле", "Kiryle", "Kirylai"],
  ["Глеб", "m", "Глебе", "Hlebie", "Hlebai"],
  // common women's names
  ["Вольга", "f", "Вольго", "Wolho", ""],
  ["Таццяна", "f", "Таццяно", "Tacciano", ""],
  ["Наталля", "f", "Наталлю", "Natallo", ""],
  ["Ірына", "f", "Ірыно", "Iryno", ""],
  ["Алена", "f", "Алено", "Aleno", ""],
  ["Святлана", "f", "Святлано", "Swiatłano", ""],
  ["Ганна", "f", "Ганно", "Hanno", ""],
  ["Юлія", "f", "Юліє", "Julijo", ""],
  ["Марына", "f", "Марыно", "Maryno", ""],
  ["Людміла", "f", "Людміло", "Ludmiło", ""],
  ["Вераніка", "f", "Вераніко", "Wieraniko", ""],
  ["Ксенія", "f", "Ксеніє", "Ksienijo", ""],
  ["Надзея", "f", "Надзеє", "Nadziejo", ""],
  ["Дар’я", "f", "Дар’є", "Darjo", ""],
  ["Алеся", "f", "Алесю", "Alesiu", ""],
  ["Ларыса", "f", "Ларысо", "Łaryso", ""],
];

describe("vocative tables", () => {
  it.each(TABLE)("%s (%s): uk %s, pl %s, lt %s", (name, gender, uk, pl, lt) => {
    expect(ukrainianVocative(name, gender)).toBe(uk);
    expect(vocative("uk", name, gender)).toBe(uk);
    expect(vocative("pl", "Latin as shown", gender, { firstName: name, language: "be" })).toBe(pl);
    expect(vocative("lt", "Latin as shown", gender, { firstName: name, language: "be" })).toBe(lt || "Latin as shown");
  });

  it("has an expectation for every demo person's Belarusian given name", () => {
    const demo = demoPrisoners.map((p) => ({ name: p.names.find((n) => n.script === "BE_CYRILLIC")?.givenName ?? "", gender: p.grammaticalGender }));
    expect(demo.length).toBeGreaterThanOrEqual(10);
    for (const { name, gender } of demo) {
      const row = TABLE.find(([given]) => given === name);
      expect(row, `no row for ${name}`).toBeDefined();
      if (gender === "FEMININE" || gender === "MASCULINE") expect(row?.[1], name).toBe(gender === "FEMININE" ? "f" : "m");
    }
  });

  it("covers at least twenty common names besides the demo people, men's and women's", () => {
    const demoNames = new Set(demoPrisoners.flatMap((p) => p.names.map((n) => n.givenName)));
    const common = TABLE.filter(([name]) => !demoNames.has(name));
    expect(common.length).toBeGreaterThanOrEqual(20);
    expect(common.filter(([, gender]) => gender === "m").length).toBeGreaterThanOrEqual(10);
    expect(common.filter(([, gender]) => gender === "f").length).toBeGreaterThanOrEqual(10);
  });
});

describe("Russian spellings", () => {
  it.each([
    ["Сергей", "m", "Siergieju", "Sergejau"],
    ["Николай", "m", "Nikołaju", "Nikolajau"],
    ["Игорь", "m", "Igorze", "Igori"],
    ["Пётр", "m", "Piotrze", "Piotrai"],
    ["Дмитрий", "m", "Dmitriju", "Dmitrijau"],
    ["Евгений", "m", "Jewgieniju", "Jevgenijau"],
    ["Андрей", "m", "Andrieju", "Andrejau"],
    ["Павел", "m", "Pawle", "Pavelai"],
    ["Мария", "f", "Marijo", "shown"],
    ["Наталья", "f", "Nataljo", "shown"],
    ["Татьяна", "f", "Tatjano", "shown"],
  ] as const)("%s → pl %s, lt %s", (name, gender, pl, lt) => {
    expect(vocative("pl", "shown", gender, { firstName: name, language: "ru" })).toBe(pl);
    expect(vocative("lt", "shown", gender, { firstName: name, language: "ru" })).toBe(lt);
  });
});

describe("respelling", () => {
  it("writes Belarusian names the way Polish and Lithuanian do", () => {
    const source = (firstName: string) => ({ firstName, language: "be" as const });
    expect(respellFor("pl", source("Алесь"))).toBe("Aleś");
    expect(respellFor("pl", source("Мікалай"))).toBe("Mikałaj");
    expect(respellFor("pl", source("Наталля"))).toBe("Natalla");
    expect(respellFor("pl", source("Ганна-Марыя"))).toBe("Hanna-Maryja");
    expect(respellFor("lt", source("Аляксандр"))).toBe("Aliaksandr");
    expect(respellFor("lt", source("Кацярына"))).toBe("Kaciaryna");
    expect(respellFor("lt", source("Жанна"))).toBe("Žanna");
  });
});

describe("Polish vocative of a spelled name", () => {
  it.each([
    ["Oleg", "m", "Olegu"],
    ["Tomasz", "m", "Tomaszu"],
    ["Marat", "m", "Maracie"],
    ["Jerzy", "m", "Jerzy"],
    ["Kasia", "f", "Kasiu"],
  ] as const)("%s → %s", (name, gender, expected) => {
    expect(polishVocative(name, gender)).toBe(expected);
  });
});

describe("Ukrainian patronymics", () => {
  it("puts the patronymic in the vocative too", () => {
    expect(ukrainianPatronymicVocative("Віктаравіч", "m")).toBe("Віктаравічу");
    expect(ukrainianPatronymicVocative("Аляксандраўна", "f")).toBe("Аляксандраўно");
    expect(ukrainianPatronymicVocative("", "m")).toBe("");
  });
});

describe("fallbacks", () => {
  it("keeps the nominative where there is no vocative or no rule", () => {
    expect(vocative("ru", "Алесь", "m")).toBe("Алесь");
    expect(vocative("en", "Ales", "m")).toBe("Ales");
    // A Latin name with no Cyrillic source: Polish and Lithuanian keep what the reader sees.
    expect(vocative("pl", "Ales", "m")).toBe("Ales");
    expect(vocative("lt", "Ales", "m")).toBe("Ales");
    expect(vocative("uk", "Ales", "m")).toBe("Ales");
    expect(vocative("pl", "", "m")).toBe("");
    expect(lithuanianVocative({ firstName: "Марыя", language: "be" }, "f")).toBeNull();
    expect(belarusianVocative("Марыя", "f")).toBe("Марыя");
    // Capitals follow the name.
    expect(ukrainianVocative("АЛЕСЬ", "m")).toBe("АЛЕСЮ");
  });
});

describe("greetings the supporter reads", () => {
  const render = (id: string, language: "uk" | "pl" | "lt", name: { firstName: string; patronymic: string | null }, gender: Gender, source: string) =>
    renderPhrase(phraseById.get(id)!, language, { ...name, gender, season: "spring", holiday: null, vocativeSource: { firstName: source, language: "be" } });

  it("addresses Ales in the vocative in Ukrainian, Polish and Lithuanian", () => {
    expect(render("greeting.dear-first-name", "uk", { firstName: "Алесь", patronymic: null }, "m", "Алесь")).toBe("Дорогий Алесю!");
    expect(render("greeting.dear-first-name", "pl", { firstName: "Ales", patronymic: null }, "m", "Алесь")).toBe("Drogi Alesiu!");
    expect(render("greeting.dear-first-name", "lt", { firstName: "Ales", patronymic: null }, "m", "Алесь")).toBe("Mielas Alesi!");
  });

  it("says «Szanowny Panie …» and «Dzień dobry», with the patronymic only in Ukrainian", () => {
    expect(render("greeting.respected", "pl", { firstName: "Ales", patronymic: "Viktaravich" }, "m", "Алесь")).toBe("Szanowny Panie Alesiu!");
    expect(render("greeting.respected", "pl", { firstName: "Maryia", patronymic: null }, "f", "Марыя")).toBe("Szanowna Pani Maryjo!");
    expect(render("greeting.good-day", "pl", { firstName: "Ihar", patronymic: null }, "m", "Ігар")).toBe("Dzień dobry, Panie Iharze!");
    expect(render("greeting.warm-hello", "pl", { firstName: "Ihar", patronymic: null }, "m", "Ігар")).toBe("Dzień dobry, Panie Iharze! Przesyłam Panu ciepłe pozdrowienia.");
    expect(render("greeting.respected", "uk", { firstName: "Алесь", patronymic: "Віктаравіч" }, "m", "Алесь")).toBe("Шановний Алесю Віктаравічу!");
    expect(render("greeting.respected", "uk", { firstName: "Марыя", patronymic: null }, "f", "Марыя")).toBe("Шановна Марыє!");
    expect(render("greeting.respected", "lt", { firstName: "Ihar", patronymic: "Ivanavich" }, "m", "Ігар")).toBe("Gerbiamas Iharai!");
  });
});
