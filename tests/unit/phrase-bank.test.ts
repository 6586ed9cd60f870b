import { describe, expect, it } from "vitest";

import { supportedLanguages, type Language } from "~/i18n";
import {
  adjustBelarusianU,
  belarusianVocative,
  composeLetter,
  MAX_PHRASES,
  placeholdersIn,
  renderPhrase,
  respectfulName,
  seasonFor,
  seasonForMonth,
  variantsOf,
  type ComposeInput,
} from "~/letters/letter-text";
import {
  expandGenderVariants,
  holidays,
  phraseById,
  phrases,
  phraseSections,
  seasons,
  type Gender,
  type Holiday,
} from "~/letters/phrase-bank";

import { demoPrisoners } from "../../prisma/demo-data";

/** Stems a prison censor reacts to (politics, the court, war, protest, freedom, struggle, names). */
const FORBIDDEN_STEMS = [
  "свобод", "свабод", "суд", "суда", "войн", "вайн", "палітык", "политик", "протест", "пратэст",
  "борьб", "барацьб", "лукашэнк", "лукашенк", "воля", "волі", "воли",
  // a few more of the same kind
  "тюрьм", "турм", "арест", "приговор", "прысуд", "заключ", "зняволен", "оппозиц", "апазіцы",
  "держись", "трымайся", "освобожд", "вызвал", "режим", "рэжым",
];

const allTexts = (language: Language) => phrases.flatMap((phrase) => variantsOf(phrase.text[language]).map((text) => ({ id: phrase.id, text })));

describe("phrase bank contents", () => {
  it("has at least 84 phrases, at least 6 per section and more in daily life and wishes", () => {
    expect(phrases.length).toBeGreaterThanOrEqual(84);
    for (const section of phraseSections) {
      const count = phrases.filter((p) => p.section === section).length;
      expect(count, section).toBeGreaterThanOrEqual(6);
    }
    expect(phrases.filter((p) => p.section === "daily-life").length).toBeGreaterThan(10);
    expect(phrases.filter((p) => p.section === "wishes").length).toBeGreaterThan(10);
  });

  it("has unique ids of the form <section>.<slug>", () => {
    const ids = phrases.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const phrase of phrases) {
      expect(phrase.id).toMatch(/^[a-z-]+\.[a-z0-9-]+$/);
      expect(phrase.id.startsWith(`${phrase.section}.`), phrase.id).toBe(true);
      expect(phraseById.get(phrase.id)).toBe(phrase);
    }
  });

  it("has a non-empty text in every language, and two different forms wherever it has gender variants", () => {
    for (const phrase of phrases) {
      for (const language of supportedLanguages) {
        const text = phrase.text[language];
        expect(text, `${phrase.id} ${language}`).toBeDefined();
        for (const variant of variantsOf(text)) expect(variant.trim(), `${phrase.id} ${language}`).not.toBe("");
        if (typeof text !== "string") expect(text.m, `${phrase.id} ${language}`).not.toBe(text.f);
        expect(JSON.stringify(text), `${phrase.id} ${language}: unexpanded [m|f]`).not.toMatch(/[[\]|]/);
      }
      // The two letter languages agree on whether the recipient's gender matters.
      expect(typeof phrase.text.ru === "string", phrase.id).toBe(typeof phrase.text.be === "string");
    }
  });

  it("uses the same placeholders in every language of a phrase, in both gender forms", () => {
    const names = (text: string) => [...new Set(placeholdersIn(text).map((use) => use.name))].sort();
    for (const phrase of phrases) {
      const expected = names(variantsOf(phrase.text.ru)[0] ?? "");
      for (const language of supportedLanguages) {
        for (const variant of variantsOf(phrase.text[language])) {
          expect(names(variant), `${phrase.id} ${language}: ${variant}`).toEqual(expected);
        }
      }
    }
  });

  it("fills every placeholder in every language, gender, season and holiday", () => {
    for (const phrase of phrases) {
      for (const language of supportedLanguages) {
        for (const gender of ["m", "f"] as const) {
          for (const season of seasons) {
            for (const holiday of [...holidays, null]) {
              const text = renderPhrase(phrase, language, { firstName: "Алесь", patronymic: null, gender, season, holiday });
              expect(text, `${phrase.id} ${language}`).not.toMatch(/[{}]|undefined|null/);
              expect(text.charAt(0), `${phrase.id} ${language}`).toBe(text.charAt(0).toUpperCase());
            }
          }
        }
      }
    }
  });

  it("has no Latin letters in any Russian or Belarusian text", () => {
    for (const language of ["ru", "be"] as const) {
      for (const { id, text } of allTexts(language)) {
        const withoutPlaceholders = text.replace(/\{[^}]*\}/g, "");
        expect(withoutPlaceholders, `${id} ${language}`).not.toMatch(/[A-Za-z]/);
      }
    }
  });

  it("keeps Russian letters out of Belarusian texts and Belarusian letters out of Russian ones", () => {
    for (const { id, text } of allTexts("be")) expect(text, id).not.toMatch(/[иъщ]/i);
    for (const { id, text } of allTexts("ru")) expect(text, id).not.toMatch(/[іў’]/i);
  });

  it("contains no word a censor would stop, in any language", () => {
    for (const language of supportedLanguages) {
      for (const { id, text } of allTexts(language)) {
        const lower = text.toLowerCase();
        for (const stem of FORBIDDEN_STEMS) expect(lower.includes(stem), `${id} ${language} contains "${stem}": ${text}`).toBe(false);
      }
    }
  });

  it("writes Belarusian у/ў correctly in the static texts", () => {
    for (const { id, text } of allTexts("be")) expect(adjustBelarusianU(text), id).toBe(text);
  });

  it("expands [m|f] gender variants", () => {
    expect(expandGenderVariants("[Дорогой|Дорогая] {firstName}!")).toEqual({ m: "Дорогой {firstName}!", f: "Дорогая {firstName}!" });
    expect(expandGenderVariants("Życzę [Panu|Pani] zdrowia, [Pana|Pani] zdrowie.")).toEqual({ m: "Życzę Panu zdrowia, Pana zdrowie.", f: "Życzę Pani zdrowia, Pani zdrowie." });
    expect(expandGenderVariants("Берегите себя!")).toBe("Берегите себя!");
  });
});

describe("Belarusian vocative", () => {
  it.each([
    ["Алесь", "m", "Алесю"],
    ["Марыя", "f", "Марыя"],
    ["Віктар", "m", "Віктару"],
    ["Мікалай", "m", "Мікалаю"],
    ["Ігар", "m", "Ігару"],
    ["Кацярына", "f", "Кацярына"],
    ["Сяргей", "m", "Сяргею"],
    ["Мікола", "m", "Мікола"],
    ["Вітольд", "m", "Вітольдзе"],
    ["Вадзім", "m", "Вадзіме"],
    ["Раман", "m", "Рамане"],
    ["Павел", "m", "Паўле"],
    ["Марат", "m", "Мараце"],
    ["Андрэй", "m", "Андрэю"],
    ["  Алесь ", "m", "Алесю"],
    ["АЛЕСЬ", "m", "АЛЕСЮ"],
    ["Ales", "m", "Ales"],
    ["", "m", ""],
  ] as const)("%s (%s) → %s", (name, gender, expected) => {
    expect(belarusianVocative(name, gender)).toBe(expected);
  });

  it("covers every masculine Belarusian given name in the demo data", () => {
    const expected: Record<string, string> = {
      Алесь: "Алесю", Віктар: "Віктару", Мікалай: "Мікалаю", Ігар: "Ігару", Сяргей: "Сяргею",
      Мікола: "Мікола", Вітольд: "Вітольдзе", Вадзім: "Вадзіме", Марыя: "Марыя", Кацярына: "Кацярына",
    };
    const demoNames = new Set(demoPrisoners.flatMap((p) => p.names.filter((n) => n.script === "BE_CYRILLIC").map((n) => n.givenName)));
    expect(demoNames.size).toBeGreaterThanOrEqual(10);
    for (const name of demoNames) {
      expect(expected[name], `no expectation for demo name ${name}`).toBeDefined();
      const gender: Gender = name.endsWith("а") || name.endsWith("я") ? (name === "Мікола" ? "m" : "f") : "m";
      expect(belarusianVocative(name, gender), name).toBe(expected[name]);
    }
  });
});

describe("respectful name", () => {
  it("uses the patronymic when known and falls back to the first name", () => {
    expect(respectfulName({ firstName: "Алесь", patronymic: "Віктаравіч" })).toEqual({ text: "Алесь Віктаравіч", patronymicUsed: true });
    expect(respectfulName({ firstName: "Алесь", patronymic: null })).toEqual({ text: "Алесь", patronymicUsed: false });
    expect(respectfulName({ firstName: "Алесь", patronymic: "  " })).toEqual({ text: "Алесь", patronymicUsed: false });
  });
});

describe("seasons", () => {
  it.each([
    [1, "winter"], [2, "winter"], [3, "spring"], [5, "spring"], [6, "summer"],
    [8, "summer"], [9, "autumn"], [11, "autumn"], [12, "winter"],
  ] as const)("month %i is %s", (month, season) => {
    expect(seasonForMonth(month)).toBe(season);
  });

  it.each([
    ["2025-02-28T12:00:00+03:00", "winter"],
    ["2025-03-01T00:00:00+03:00", "spring"],
    ["2025-02-28T21:30:00Z", "spring"], // already 1 March in Minsk
    ["2025-05-31T23:59:00+03:00", "spring"],
    ["2025-06-01T00:00:00+03:00", "summer"],
    ["2025-08-31T23:59:00+03:00", "summer"],
    ["2025-09-01T00:00:00+03:00", "autumn"],
    ["2025-11-30T23:59:00+03:00", "autumn"],
    ["2025-12-01T00:00:00+03:00", "winter"],
    ["2024-02-29T12:00:00+03:00", "winter"],
    ["2026-01-01T00:00:00+03:00", "winter"],
  ] as const)("%s is %s", (iso, season) => {
    expect(seasonFor(new Date(iso))).toBe(season);
  });
});

const male = { firstName: "Алесь", patronymic: null, gender: "m" } as const;
const female = { firstName: "Марыя", patronymic: null, gender: "f" } as const;
const compose = (input: Partial<ComposeInput> & Pick<ComposeInput, "phraseIds">) =>
  composeLetter({ letterLanguage: "ru", readerLanguage: "en", recipient: male, season: "spring", ...input });

describe("composeLetter", () => {
  const ids = ["closing.take-care", "wishes.health", "greeting.dear-first-name", "nature-and-seasons.season-in-full-swing", "closing.hug"];

  it("writes a Russian letter to a man, read in English", () => {
    const result = compose({ phraseIds: ids, recipient: { firstName: "Алесь", patronymic: null, gender: "m" }, readerName: { firstName: "Ales", patronymic: null } });
    expect(result.problems).toEqual([]);
    expect(result.letterText).toBe("Дорогой Алесь!\n\nУ нас сейчас весна в самом разгаре.\n\nЖелаю Вам крепкого здоровья.\n\nБерегите себя!\nКрепко обнимаю!");
    expect(result.readerText).toBe("Dear Ales!\n\nHere spring is now in full swing.\n\nI wish you good health.\n\nTake care of yourself!\nA big hug!");
    expect(result.usedPhraseIds).toEqual(["greeting.dear-first-name", "nature-and-seasons.season-in-full-swing", "wishes.health", "closing.take-care", "closing.hug"]);
  });

  it("writes a Russian letter to a woman, read in Polish", () => {
    const result = compose({ phraseIds: ids, readerLanguage: "pl", recipient: { firstName: "Мария", patronymic: null, gender: "f" }, season: "summer" });
    expect(result.letterText).toBe("Дорогая Мария!\n\nУ нас сейчас лето в самом разгаре.\n\nЖелаю Вам крепкого здоровья.\n\nБерегите себя!\nКрепко обнимаю!");
    // Polish addresses in the vocative, derived from the Cyrillic name (issue 14).
    expect(result.readerText).toBe("Droga Marijo!\n\nU nas lato jest teraz w pełni.\n\nŻyczę Pani dużo zdrowia.\n\nProszę o siebie dbać!\nMocno ściskam!");
  });

  it("writes a Belarusian letter to a man with the vocative and у/ў after the season", () => {
    const result = compose({ phraseIds: ids, letterLanguage: "be", readerLanguage: "pl", season: "spring" });
    expect(result.letterText).toBe("Дарагі Алесю!\n\nУ нас цяпер вясна ў самым разгары.\n\nЖадаю Вам моцнага здароўя.\n\nБеражыце сябе!\nМоцна абдымаю!");
    expect(result.readerText).toBe("Drogi Alesiu!\n\nU nas wiosna jest teraz w pełni.\n\nŻyczę Panu dużo zdrowia.\n\nProszę o siebie dbać!\nMocno ściskam!");
    const autumn = compose({ phraseIds: ["nature-and-seasons.season-in-full-swing"], letterLanguage: "be", season: "autumn" });
    expect(autumn.letterText).toBe("У нас цяпер восень у самым разгары.");
  });

  it("writes a Belarusian letter to a woman, read in English, with seasons and a holiday", () => {
    const result = compose({
      phraseIds: ["greeting.dear-first-name", "holidays.congratulations", "nature-and-seasons.forest-in-season", "birthday.happy-birthday", "closing.all-the-best"],
      letterLanguage: "be",
      readerLanguage: "en",
      recipient: female,
      readerName: { firstName: "Maryia", patronymic: null },
      season: "winter",
      holiday: "christmas",
    });
    expect(result.problems).toEqual([]);
    expect(result.letterText).toBe(
      "Дарагая Марыя!\n\nЗімой я часта хаджу ў лес — там ціха і спакойна.\n\nЗ днём нараджэння, Марыя!\n\nВіншую Вас з Калядамі!\n\nУсяго Вам добрага, Марыя!",
    );
    expect(result.readerText).toBe(
      "Dear Maryia!\n\nIn winter I often go to the forest — it is quiet and peaceful there.\n\nHappy birthday, Maryia!\n\nMerry Christmas to you!\n\nAll the best to you, Maryia!",
    );
  });

  it("reads the same text when the reader's language is the letter language, and the other letter language otherwise", () => {
    const same = compose({ phraseIds: ids, letterLanguage: "be", readerLanguage: "be" });
    expect(same.readerText).toBe(same.letterText);
    const other = compose({ phraseIds: ["greeting.dear-first-name"], letterLanguage: "ru", readerLanguage: "be", recipient: { firstName: "Николай", patronymic: null, gender: "m" } });
    expect(other.letterText).toBe("Дорогой Николай!");
    expect(other.readerText).toBe("Дарагі Николаю!");
  });

  it("puts the free text, unchanged, before the closing and marks its paragraph", () => {
    const freeText = "  Привет от нашей кошки Муси!\r\nОна спит на батарее.  ";
    const result = compose({ phraseIds: ["closing.hug", "greeting.good-day"], freeText });
    expect(result.letterText).toBe("Добрый день, Алесь!\n\nПривет от нашей кошки Муси!\nОна спит на батарее.\n\nКрепко обнимаю!");
    expect(result.readerText).toBe("Good day, Алесь!\n\nПривет от нашей кошки Муси!\nОна спит на батарее.\n\nA big hug!");
    expect(result.paragraphs.map((p) => p.kind)).toEqual(["greeting", "free-text", "closing"]);
    expect(result.paragraphs[1]?.phraseIds).toEqual([]);
    // Free text alone is a letter.
    expect(compose({ phraseIds: [], freeText: "Добрый день!" }).problems).toEqual([]);
  });

  it("uses the patronymic when known and says when it fell back to the first name", () => {
    const known = compose({ phraseIds: ["greeting.respected"], recipient: { firstName: "Алесь", patronymic: "Викторович", gender: "m" } });
    expect(known.letterText).toBe("Уважаемый Алесь Викторович!");
    expect(known.patronymicUsed).toBe(true);
    expect(known.problems).toEqual([]);

    const unknown = compose({ phraseIds: ["greeting.respected"], letterLanguage: "be", recipient: female });
    expect(unknown.letterText).toBe("Шаноўная Марыя!");
    expect(unknown.patronymicUsed).toBe(false);
    expect(unknown.problems).toEqual([{ code: "patronymic-unknown", severity: "info" }]);

    const beKnown = compose({ phraseIds: ["greeting.respected"], letterLanguage: "be", recipient: { firstName: "Алесь", patronymic: "Віктаравіч", gender: "m" } });
    expect(beKnown.letterText).toBe("Шаноўны Алесь Віктаравіч!");
    const beUnknown = compose({ phraseIds: ["greeting.respected"], letterLanguage: "be" });
    expect(beUnknown.letterText).toBe("Шаноўны Алесю!");
  });

  it("says 'the holiday' and warns when a holiday phrase has no holiday", () => {
    const result = compose({ phraseIds: ["holidays.congratulations"], letterLanguage: "be" });
    expect(result.letterText).toBe("Віншую Вас са святам!");
    expect(result.readerText).toBe("Happy holidays to you!");
    expect(result.problems).toEqual([{ code: "missing-holiday", severity: "warning", phraseId: "holidays.congratulations" }]);
    const easter = compose({ phraseIds: ["holidays.family-gathers"], holiday: "easter" });
    expect(easter.letterText).toBe("На Пасху мы всегда собираемся всей семьёй и вспоминаем Вас добрым словом.");
    expect(easter.readerText).toBe("At Easter we always gather as a whole family and remember you with kind words.");
  });

  it("reports unknown and duplicate ids, and drops them", () => {
    const result = compose({ phraseIds: ["greeting.dear-first-name", "no.such-phrase", "greeting.dear-first-name", "wishes.health"] });
    expect(result.usedPhraseIds).toEqual(["greeting.dear-first-name", "wishes.health"]);
    expect(result.problems).toEqual([
      { code: "unknown-phrase", severity: "warning", phraseId: "no.such-phrase" },
      { code: "duplicate-phrase", severity: "warning", phraseId: "greeting.dear-first-name" },
    ]);
  });

  it("reports an empty letter without throwing", () => {
    for (const input of [{ phraseIds: [] }, { phraseIds: ["nope"], freeText: "   \n " }]) {
      const result = compose(input);
      expect(result.letterText).toBe("");
      expect(result.problems.map((p) => p.code)).toContain("empty-letter");
    }
  });

  it("reports more than the maximum number of phrases and keeps the first ones", () => {
    const many = phrases.slice(0, MAX_PHRASES + 5).map((p) => p.id);
    const result = compose({ phraseIds: many, holiday: "new-year" });
    expect(result.problems).toContainEqual({ code: "too-many-phrases", severity: "error" });
    expect(result.usedPhraseIds).toHaveLength(MAX_PHRASES);
    expect(new Set(result.usedPhraseIds)).toEqual(new Set(many.slice(0, MAX_PHRASES)));
    const exactlyMax = compose({ phraseIds: many.slice(0, MAX_PHRASES), holiday: "new-year", recipient: { ...male, patronymic: "Викторович" } });
    expect(exactlyMax.problems).toEqual([]);
  });

  it("reports a missing or Latin first name", () => {
    expect(compose({ phraseIds: ["greeting.dear-first-name"], recipient: { firstName: " ", patronymic: null, gender: "m" } }).problems).toContainEqual({ code: "missing-first-name", severity: "error" });
    expect(compose({ phraseIds: ["greeting.dear-first-name"], recipient: { firstName: "Ales", patronymic: null, gender: "m" } }).problems).toContainEqual({ code: "name-not-cyrillic", severity: "warning" });
    // A letter without names does not need one.
    expect(compose({ phraseIds: ["wishes.health"], recipient: { firstName: "", patronymic: null, gender: "m" } }).problems).toEqual([]);
  });

  it("falls back safely on values a form could send", () => {
    const result = composeLetter({
      phraseIds: ["wishes.health", 42 as unknown as string],
      letterLanguage: "en" as "ru",
      readerLanguage: "xx" as Language,
      recipient: male,
      season: "monsoon" as "spring",
      holiday: "halloween" as Holiday,
      today: new Date("2025-07-10T12:00:00+03:00"),
    });
    expect(result.letterText).toBe("Желаю Вам крепкого здоровья.");
    expect(result.readerText).toBe(result.letterText);
    expect(result.season).toBe("summer");
    expect(result.problems.map((p) => p.code).sort()).toEqual(["unknown-phrase", "unsupported-letter-language"]);
  });

  it("composes every phrase together in both letter languages, for both genders, without leftovers", () => {
    for (const letterLanguage of ["ru", "be"] as const) {
      for (const recipient of [male, female]) {
        for (let start = 0; start < phrases.length; start += MAX_PHRASES) {
          const chunk = phrases.slice(start, start + MAX_PHRASES).map((p) => p.id);
          const result = compose({ phraseIds: chunk, letterLanguage, readerLanguage: "lt", recipient, holiday: "kupalle" });
          expect(result.problems.filter((p) => p.code !== "patronymic-unknown")).toEqual([]);
          expect(result.letterText).not.toMatch(/[{}[\]A-Za-z]/);
          expect(result.readerText).not.toMatch(/[{}[\]]/);
          expect(result.paragraphs[0]?.kind === "greeting" || !chunk.some((id) => id.startsWith("greeting."))).toBe(true);
        }
      }
    }
  });
});

describe("8 March", () => {
  it("is a holiday with every form in every language", () => {
    expect(holidays).toContain("women-day");
    const congratulations = (language: Language, gender: Gender = "f") =>
      renderPhrase(phraseById.get("holidays.congratulations")!, language, { firstName: "Марыя", patronymic: null, gender, season: "spring", holiday: "women-day" });
    expect(congratulations("ru")).toBe("Поздравляю Вас с 8 Марта!");
    expect(congratulations("be")).toBe("Віншую Вас з 8 Сакавіка!");
    expect(congratulations("uk")).toBe("Вітаю Вас з 8 Березня!");
    expect(congratulations("pl")).toBe("Składam Pani serdeczne życzenia z okazji Dnia Kobiet!");
    expect(congratulations("lt")).toBe("Sveikinu Jus su Kovo 8-ąja!");
    expect(congratulations("en")).toBe("Happy Women’s Day to you!");
  });

  it("has its own phrases, which compose into a Russian and a Belarusian card", () => {
    const ids = ["greeting.dear-first-name", "holidays.women-day", "holidays.women-day-spring", "closing.hug"];
    const ru = compose({ phraseIds: ids, recipient: female, holiday: "women-day", readerLanguage: "pl", readerName: { firstName: "Maryia", patronymic: null } });
    expect(ru.problems).toEqual([]);
    expect(ru.letterText).toBe(
      "Дорогая Марыя!\n\nС 8 Марта! Пусть весна принесёт Вам тепло, цветы и хорошее настроение. К 8 Марта у нас повсюду продают тюльпаны и мимозу, и город сразу становится весенним.\n\nКрепко обнимаю!",
    );
    expect(ru.readerText.split("\n")[0]).toBe("Droga Maryjo!");
    const be = compose({ phraseIds: ids, letterLanguage: "be", recipient: female, holiday: "women-day" });
    expect(be.letterText).toContain("З 8 Сакавіка! Няхай вясна прынясе Вам цяпло, кветкі і добры настрой.");
    expect(be.letterText).toContain("Да 8 Сакавіка ў нас усюды прадаюць цюльпаны і мімозу");
  });
});

describe("what the bank never says", () => {
  it("greets in Polish with «Dzień dobry», never «Witam» (which talks down to the reader)", () => {
    for (const { id, text } of allTexts("pl")) expect(text, id).not.toMatch(/\bWitam\b/i);
    expect(phraseById.get("greeting.warm-hello")!.text.pl).toEqual({
      m: "Dzień dobry, Panie {firstName:voc}! Przesyłam Panu ciepłe pozdrowienia.",
      f: "Dzień dobry, Pani {firstName:voc}! Przesyłam Pani ciepłe pozdrowienia.",
    });
  });

  it("uses no solidarity slogan or campaign signal, in any language", () => {
    const slogans = [
      /вы не одни/i, /вы не адны/i, /ви не одні/i, /ви не самі/i, /nie jest Pan(i)? sam/i, /jūs ne vien/i, /you are not alone/i,
      /все, кто о Вас помнит/i, /многие люди помнят/i, /мысленно с Вами/i, /думкамі з Вамі/i,
    ];
    for (const language of supportedLanguages) {
      for (const { id, text } of allTexts(language)) for (const slogan of slogans) expect(text, `${id} ${language}`).not.toMatch(slogan);
    }
  });

  it("addresses the person in the vocative in every Ukrainian, Polish and Lithuanian greeting", () => {
    for (const phrase of phrases) {
      for (const language of ["be", "uk", "pl", "lt"] as const) {
        for (const text of variantsOf(phrase.text[language])) {
          const bare = placeholdersIn(text).filter((use) => (use.name === "firstName" || use.name === "firstNameAndPatronymic") && use.form !== "voc");
          expect(bare, `${phrase.id} ${language}: ${text}`).toEqual([]);
        }
      }
    }
  });
});

describe("the phrase bank's texts in the locale files", () => {
  it("offers exactly the phrases locales/<language>/phrases.json holds, in every language", async () => {
    const { readFileSync } = await import("node:fs");
    const offered = phrases.map((phrase) => phrase.id).sort();
    for (const language of supportedLanguages) {
      const file = JSON.parse(readFileSync(`locales/${language}/phrases.json`, "utf8")) as { phrase: Record<string, Record<string, string>> };
      const inFile = Object.entries(file.phrase)
        .flatMap(([section, texts]) => Object.keys(texts).map((slug) => `${section}.${slug}`))
        .sort();
      // A phrase written in the file but missing from the structure would never be offered.
      expect(inFile, language).toEqual(offered);
      for (const phrase of phrases) {
        const [section, slug] = phrase.id.split(".") as [string, string];
        expect(expandGenderVariants(file.phrase[section]![slug]!), phrase.id).toEqual(phrase.text[language]);
      }
    }
  });
});
