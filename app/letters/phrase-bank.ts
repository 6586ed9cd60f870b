// The censor-safe phrase bank for the letter builder (issue 4).
//
// Every phrase is written in the two letter languages (Russian, Belarusian) and read in every
// interface language, so a supporter chooses in their own language and the letter is produced in
// the prisoner's. Topics are everyday life only: prison censors destroy letters that touch
// politics, the case, the war, protest, "freedom" or "struggle", or that contain foreign words
// (see docs and /shared/reference/field-notes.md). Keep it that way when adding phrases, and run
// tests/unit/phrase-bank.test.ts: it checks a list of risky stems and Latin letters.
//
// Register: the letters use the respectful «Вы» (ru, be, uk), «Jūs» (lt) and «Pan/Pani» (pl),
// because most supporters write to someone they have never met. The writer's own gender is never
// needed: first-person past tense singular is avoided on purpose («мы» or present tense instead).
//
// Placeholders, filled by letter-text.ts:
//   {firstName}               the recipient's first name, nominative
//   {firstName:voc}           the vocative (vocative.ts): Алесю (be, uk), Alesiu (pl), Alesi (lt);
//                             Russian and English have none and keep the nominative. Every
//                             greeting that addresses the person by name uses it.
//   {firstNameAndPatronymic}  first name + patronymic; the first name alone when it is unknown
//   {firstNameAndPatronymic:voc}  be: with a patronymic the nominative (formal letters), without
//                             one the first name's vocative; uk: both in the vocative (Алесю
//                             Віктаравічу); pl, lt: the first name's vocative (no patronymics)
//   {season[:form]}           see SEASON_FORMS (nom, acc, when, gen)
//   {holiday[:form]}          see HOLIDAY_FORMS (nom, with, on, gen)
//   {signature}               the supporter's first name, typed on the builder; may be empty, so
//                             it only ever ends the signature line («С теплом,»)
// Gender variants for the recipient are written inline as [masculine|feminine] and expanded into
// { m, f } objects when this module loads.

import type { Language } from "~/i18n";

export const phraseSections = [
  "greeting",
  "about-me",
  "daily-life",
  "books-and-culture",
  "nature-and-seasons",
  "wishes",
  "birthday",
  "holidays",
  "closing",
] as const;
export type PhraseSection = (typeof phraseSections)[number];

export type LetterLanguage = "ru" | "be";
export const letterLanguages: readonly LetterLanguage[] = ["ru", "be"];

/** Grammatical gender of the recipient (Дорогой/Дорогая, Drogi/Droga, Pan/Pani). */
export type Gender = "m" | "f";

/** A text that is either the same for both genders or has one form for each. */
export type GenderedText = string | { m: string; f: string };

export interface Phrase {
  /** Stable id, "<section>.<slug>"; stored in drafts, so never rename one. */
  id: string;
  section: PhraseSection;
  /** ru and be are the letter texts; every language is also a reading for the supporter. */
  text: Record<Language, GenderedText>;
}

export const seasons = ["winter", "spring", "summer", "autumn"] as const;
export type Season = (typeof seasons)[number];

export const holidays = ["new-year", "christmas", "easter", "kupalle", "maslenitsa", "women-day"] as const;
export type Holiday = (typeof holidays)[number];

/** Case forms of the season words. `when` is the adverbial "in spring" form. */
export type SeasonForm = "nom" | "acc" | "when" | "gen";
export const SEASON_FORMS: Record<Language, Record<Season, Record<SeasonForm, string>>> = {
  ru: {
    winter: { nom: "зима", acc: "зиму", when: "зимой", gen: "зимы" },
    spring: { nom: "весна", acc: "весну", when: "весной", gen: "весны" },
    summer: { nom: "лето", acc: "лето", when: "летом", gen: "лета" },
    autumn: { nom: "осень", acc: "осень", when: "осенью", gen: "осени" },
  },
  be: {
    winter: { nom: "зіма", acc: "зіму", when: "зімой", gen: "зімы" },
    spring: { nom: "вясна", acc: "вясну", when: "вясной", gen: "вясны" },
    summer: { nom: "лета", acc: "лета", when: "летам", gen: "лета" },
    autumn: { nom: "восень", acc: "восень", when: "восенню", gen: "восені" },
  },
  uk: {
    winter: { nom: "зима", acc: "зиму", when: "взимку", gen: "зими" },
    spring: { nom: "весна", acc: "весну", when: "навесні", gen: "весни" },
    summer: { nom: "літо", acc: "літо", when: "влітку", gen: "літа" },
    autumn: { nom: "осінь", acc: "осінь", when: "восени", gen: "осені" },
  },
  pl: {
    winter: { nom: "zima", acc: "zimę", when: "zimą", gen: "zimy" },
    spring: { nom: "wiosna", acc: "wiosnę", when: "wiosną", gen: "wiosny" },
    summer: { nom: "lato", acc: "lato", when: "latem", gen: "lata" },
    autumn: { nom: "jesień", acc: "jesień", when: "jesienią", gen: "jesieni" },
  },
  lt: {
    winter: { nom: "žiema", acc: "žiemą", when: "žiemą", gen: "žiemos" },
    spring: { nom: "pavasaris", acc: "pavasarį", when: "pavasarį", gen: "pavasario" },
    summer: { nom: "vasara", acc: "vasarą", when: "vasarą", gen: "vasaros" },
    autumn: { nom: "ruduo", acc: "rudenį", when: "rudenį", gen: "rudens" },
  },
  en: {
    winter: { nom: "winter", acc: "winter", when: "in winter", gen: "winter" },
    spring: { nom: "spring", acc: "spring", when: "in spring", gen: "spring" },
    summer: { nom: "summer", acc: "summer", when: "in summer", gen: "summer" },
    autumn: { nom: "autumn", acc: "autumn", when: "in autumn", gen: "autumn" },
  },
};

/**
 * Forms of the holiday names. `with` includes the preposition of a congratulation
 * ("с Новым годом", "са святам", "Merry Christmas"), `on` the one for "at the holiday"
 * ("на Пасху", "per Kalėdas"), `gen` the Polish "z okazji …" form.
 * `generic` is used when a phrase needs a holiday and none was chosen ("с праздником").
 */
export type HolidayForm = "nom" | "with" | "on" | "gen";
export type HolidayKey = Holiday | "generic";
export const HOLIDAY_FORMS: Record<Language, Record<HolidayKey, Record<HolidayForm, string>>> = {
  ru: {
    "new-year": { nom: "Новый год", with: "с Новым годом", on: "на Новый год", gen: "Нового года" },
    christmas: { nom: "Рождество", with: "с Рождеством", on: "на Рождество", gen: "Рождества" },
    easter: { nom: "Пасха", with: "с Пасхой", on: "на Пасху", gen: "Пасхи" },
    kupalle: { nom: "Купалье", with: "с Купальем", on: "на Купалье", gen: "Купалья" },
    maslenitsa: { nom: "Масленица", with: "с Масленицей", on: "на Масленицу", gen: "Масленицы" },
    "women-day": { nom: "8 Марта", with: "с 8 Марта", on: "на 8 Марта", gen: "8 Марта" },
    generic: { nom: "праздник", with: "с праздником", on: "на праздник", gen: "праздника" },
  },
  be: {
    "new-year": { nom: "Новы год", with: "з Новым годам", on: "на Новы год", gen: "Новага года" },
    christmas: { nom: "Каляды", with: "з Калядамі", on: "на Каляды", gen: "Калядаў" },
    easter: { nom: "Вялікдзень", with: "з Вялікаднем", on: "на Вялікдзень", gen: "Вялікадня" },
    kupalle: { nom: "Купалле", with: "з Купаллем", on: "на Купалле", gen: "Купалля" },
    maslenitsa: { nom: "Масленіца", with: "з Масленіцай", on: "на Масленіцу", gen: "Масленіцы" },
    "women-day": { nom: "8 Сакавіка", with: "з 8 Сакавіка", on: "на 8 Сакавіка", gen: "8 Сакавіка" },
    generic: { nom: "свята", with: "са святам", on: "на свята", gen: "свята" },
  },
  uk: {
    "new-year": { nom: "Новий рік", with: "з Новим роком", on: "на Новий рік", gen: "Нового року" },
    christmas: { nom: "Різдво", with: "з Різдвом", on: "на Різдво", gen: "Різдва" },
    easter: { nom: "Великдень", with: "з Великоднем", on: "на Великдень", gen: "Великодня" },
    kupalle: { nom: "Івана Купала", with: "зі святом Івана Купала", on: "на Івана Купала", gen: "Івана Купала" },
    maslenitsa: { nom: "Масляна", with: "з Масляною", on: "на Масляну", gen: "Масляної" },
    "women-day": { nom: "8 Березня", with: "з 8 Березня", on: "на 8 Березня", gen: "8 Березня" },
    generic: { nom: "свято", with: "зі святом", on: "на свято", gen: "свята" },
  },
  pl: {
    "new-year": { nom: "Nowy Rok", with: "Szczęśliwego Nowego Roku", on: "w Nowy Rok", gen: "Nowego Roku" },
    christmas: { nom: "Boże Narodzenie", with: "Wesołych Świąt Bożego Narodzenia", on: "w Boże Narodzenie", gen: "Świąt Bożego Narodzenia" },
    easter: { nom: "Wielkanoc", with: "Wesołych Świąt Wielkanocnych", on: "w Wielkanoc", gen: "Świąt Wielkanocnych" },
    kupalle: { nom: "Noc Kupały", with: "Wesołej Nocy Kupały", on: "w Noc Kupały", gen: "Nocy Kupały" },
    maslenitsa: { nom: "Maślenica", with: "Wesołej Maślenicy", on: "w czasie Maślenicy", gen: "Maślenicy" },
    "women-day": { nom: "Dzień Kobiet (8 marca)", with: "Wszystkiego najlepszego z okazji Dnia Kobiet", on: "w Dzień Kobiet", gen: "Dnia Kobiet" },
    generic: { nom: "święto", with: "Wesołych świąt", on: "w święto", gen: "święta" },
  },
  lt: {
    "new-year": { nom: "Naujieji metai", with: "su Naujaisiais metais", on: "per Naujuosius metus", gen: "Naujųjų metų" },
    christmas: { nom: "Kalėdos", with: "su šv. Kalėdomis", on: "per Kalėdas", gen: "Kalėdų" },
    easter: { nom: "Velykos", with: "su šv. Velykomis", on: "per Velykas", gen: "Velykų" },
    kupalle: { nom: "Joninės", with: "su Joninėmis", on: "per Jonines", gen: "Joninių" },
    maslenitsa: { nom: "Užgavėnės", with: "su Užgavėnėmis", on: "per Užgavėnes", gen: "Užgavėnių" },
    "women-day": { nom: "Kovo 8-oji (Moters diena)", with: "su Kovo 8-ąja", on: "per Kovo 8-ąją", gen: "Kovo 8-osios" },
    generic: { nom: "šventė", with: "su švente", on: "per šventę", gen: "šventės" },
  },
  en: {
    "new-year": { nom: "New Year", with: "Happy New Year", on: "at New Year", gen: "New Year" },
    christmas: { nom: "Christmas", with: "Merry Christmas", on: "at Christmas", gen: "Christmas" },
    easter: { nom: "Easter", with: "Happy Easter", on: "at Easter", gen: "Easter" },
    kupalle: { nom: "Kupalle (Midsummer)", with: "Happy Kupalle", on: "at Kupalle", gen: "Kupalle" },
    maslenitsa: { nom: "Maslenitsa (Shrovetide)", with: "Happy Maslenitsa", on: "at Maslenitsa", gen: "Maslenitsa" },
    "women-day": { nom: "8 March (Women’s Day)", with: "Happy Women’s Day", on: "on 8 March", gen: "Women’s Day" },
    generic: { nom: "the holiday", with: "Happy holidays", on: "on the holiday", gen: "the holiday" },
  },
};

type RawTexts = Record<Language, string>;

/** "[Дорогой|Дорогая] {firstName}!" → { m: "Дорогой {firstName}!", f: "Дорогая {firstName}!" }. */
export function expandGenderVariants(raw: string): GenderedText {
  if (!raw.includes("[")) return raw;
  const pick = (index: 0 | 1) => raw.replace(/\[([^\]|]*)\|([^\]]*)\]/g, (_all, m: string, f: string) => (index === 0 ? m : f));
  return { m: pick(0), f: pick(1) };
}

function phrase(section: PhraseSection, slug: string, raw: RawTexts): Phrase {
  const text = {} as Record<Language, GenderedText>;
  for (const [language, value] of Object.entries(raw) as [Language, string][]) {
    text[language] = expandGenderVariants(value);
  }
  return { id: `${section}.${slug}`, section, text };
}

export const phrases: readonly Phrase[] = [
  // ── greeting ─────────────────────────────────────────────────────────────
  phrase("greeting", "dear-first-name", {
    ru: "[Дорогой|Дорогая] {firstName}!",
    be: "[Дарагі|Дарагая] {firstName:voc}!",
    uk: "[Дорогий|Дорога] {firstName:voc}!",
    pl: "[Drogi|Droga] {firstName:voc}!",
    lt: "[Mielas|Miela] {firstName:voc}!",
    en: "Dear {firstName}!",
  }),
  phrase("greeting", "respected", {
    ru: "[Уважаемый|Уважаемая] {firstNameAndPatronymic}!",
    be: "[Шаноўны|Шаноўная] {firstNameAndPatronymic:voc}!",
    uk: "[Шановний|Шановна] {firstNameAndPatronymic:voc}!",
    pl: "[Szanowny Panie|Szanowna Pani] {firstNameAndPatronymic:voc}!",
    lt: "[Gerbiamas|Gerbiama] {firstNameAndPatronymic:voc}!",
    en: "Respected {firstNameAndPatronymic}!",
  }),
  phrase("greeting", "good-day", {
    ru: "Добрый день, {firstName}!",
    be: "Добры дзень, {firstName:voc}!",
    uk: "Добрий день, {firstName:voc}!",
    pl: "Dzień dobry, [Panie|Pani] {firstName:voc}!",
    lt: "Laba diena, {firstName:voc}!",
    en: "Good day, {firstName}!",
  }),
  phrase("greeting", "good-day-respectful", {
    ru: "Добрый день, {firstNameAndPatronymic}!",
    be: "Добры дзень, {firstNameAndPatronymic:voc}!",
    uk: "Добрий день, {firstNameAndPatronymic:voc}!",
    pl: "Dzień dobry, [Panie|Pani] {firstNameAndPatronymic:voc}!",
    lt: "Laba diena, {firstNameAndPatronymic:voc}!",
    en: "Good day, {firstNameAndPatronymic}!",
  }),
  phrase("greeting", "warm-hello", {
    ru: "Здравствуйте, {firstName}! Шлю Вам тёплый привет.",
    be: "Вітаю Вас, {firstName:voc}! Дасылаю Вам цёплае прывітанне.",
    uk: "Вітаю, {firstName:voc}! Надсилаю Вам теплий привіт.",
    pl: "Dzień dobry, [Panie|Pani] {firstName:voc}! Przesyłam [Panu|Pani] ciepłe pozdrowienia.",
    lt: "Sveiki, {firstName:voc}! Siunčiu Jums šiltus linkėjimus.",
    en: "Hello, {firstName}! I am sending you warm greetings.",
  }),
  phrase("greeting", "first-letter", {
    ru: "Это моё первое письмо Вам. Надеюсь, оно Вас порадует.",
    be: "Гэта мой першы ліст Вам. Спадзяюся, ён Вас парадуе.",
    uk: "Це мій перший лист до Вас. Сподіваюся, він Вас порадує.",
    pl: "To mój pierwszy list do [Pana|Pani]. Mam nadzieję, że sprawi [Panu|Pani] radość.",
    lt: "Tai mano pirmasis laiškas Jums. Tikiuosi, kad jis Jus pradžiugins.",
    en: "This is my first letter to you. I hope it brings you some joy.",
  }),
  phrase("greeting", "writing-again", {
    ru: "Пишу Вам снова, потому что хочется поделиться новостями.",
    be: "Пішу Вам зноў, бо мне хочацца падзяліцца навінамі.",
    uk: "Пишу Вам знову, бо хочеться поділитися новинами.",
    pl: "Piszę do [Pana|Pani] znowu, bo chcę podzielić się nowinami.",
    lt: "Vėl Jums rašau, nes noriu pasidalyti naujienomis.",
    en: "I am writing to you again, because I want to share some news.",
  }),
  phrase("greeting", "hope-well", {
    ru: "Надеюсь, у Вас всё хорошо и это письмо застанет Вас в добром здравии.",
    be: "Спадзяюся, у Вас усё добра і гэты ліст застане Вас у добрым здароўі.",
    uk: "Сподіваюся, у Вас усе добре і цей лист застане Вас при доброму здоров’ї.",
    pl: "Mam nadzieję, że u [Pana|Pani] wszystko dobrze i że ten list zastanie [Pana|Panią] w dobrym zdrowiu.",
    lt: "Tikiuosi, kad Jums viskas gerai ir kad šis laiškas Jus pasieks sveiką.",
    en: "I hope you are well and that this letter finds you in good health.",
  }),
  phrase("greeting", "many-greetings", {
    ru: "Здравствуйте, {firstName}! Шлю Вам привет из дома.",
    be: "Вітаю, {firstName:voc}! Шлю Вам прывітанне з дому.",
    uk: "Вітаю, {firstName:voc}! Шлю Вам привіт із дому.",
    pl: "Dzień dobry, [Panie|Pani] {firstName:voc}! Przesyłam [Panu|Pani] pozdrowienia z domu.",
    lt: "Sveiki, {firstName:voc}! Siunčiu Jums linkėjimus iš namų.",
    en: "Hello, {firstName}! I send you greetings from home.",
  }),

  // ── about-me ─────────────────────────────────────────────────────────────
  phrase("about-me", "introduction", {
    ru: "Расскажу немного о себе.",
    be: "Раскажу крыху пра сябе.",
    uk: "Розповім трохи про себе.",
    pl: "Opowiem trochę o sobie.",
    lt: "Papasakosiu šiek tiek apie save.",
    en: "Let me tell you a little about myself.",
  }),
  phrase("about-me", "big-city", {
    ru: "Я живу в большом городе, но больше всего люблю тихие парки.",
    be: "Я жыву ў вялікім горадзе, але найбольш люблю ціхія паркі.",
    uk: "Я живу у великому місті, але найбільше люблю тихі парки.",
    pl: "Mieszkam w dużym mieście, ale najbardziej lubię ciche parki.",
    lt: "Gyvenu dideliame mieste, bet labiausiai mėgstu ramius parkus.",
    en: "I live in a big city, but what I love most are quiet parks.",
  }),
  phrase("about-me", "small-town", {
    ru: "Я живу в небольшом городке, где все знают друг друга.",
    be: "Я жыву ў невялікім мястэчку, дзе ўсе ведаюць адзін аднаго.",
    uk: "Я живу в невеликому містечку, де всі знають одне одного.",
    pl: "Mieszkam w małym miasteczku, gdzie wszyscy się znają.",
    lt: "Gyvenu nedideliame miestelyje, kur visi vienas kitą pažįsta.",
    en: "I live in a small town where everyone knows each other.",
  }),
  phrase("about-me", "village", {
    ru: "Я живу в деревне, у меня есть огород и много яблонь.",
    be: "Я жыву ў вёсцы, у мяне ёсць агарод і шмат яблынь.",
    uk: "Я живу в селі, у мене є город і багато яблунь.",
    pl: "Mieszkam na wsi, mam ogródek warzywny i dużo jabłoni.",
    lt: "Gyvenu kaime, turiu daržą ir daug obelų.",
    en: "I live in the countryside; I have a vegetable garden and many apple trees.",
  }),
  phrase("about-me", "school", {
    ru: "Я работаю в школе и очень люблю своих учеников.",
    be: "Я працую ў школе і вельмі люблю сваіх вучняў.",
    uk: "Я працюю в школі й дуже люблю своїх учнів.",
    pl: "Pracuję w szkole i bardzo lubię swoich uczniów.",
    lt: "Dirbu mokykloje ir labai myliu savo mokinius.",
    en: "I work at a school and love my pupils very much.",
  }),
  phrase("about-me", "retired", {
    ru: "Я уже на пенсии, и теперь у меня много времени для книг и прогулок.",
    be: "Я ўжо на пенсіі, і цяпер у мяне шмат часу для кніг і прагулак.",
    uk: "Я вже на пенсії, і тепер у мене багато часу для книжок і прогулянок.",
    pl: "Jestem już na emeryturze i teraz mam dużo czasu na książki i spacery.",
    lt: "Jau esu pensijoje, todėl dabar turiu daug laiko knygoms ir pasivaikščiojimams.",
    en: "I am already retired, and now I have plenty of time for books and walks.",
  }),
  phrase("about-me", "student", {
    ru: "Я учусь в университете и много читаю.",
    be: "Я вучуся ва ўніверсітэце і шмат чытаю.",
    uk: "Я навчаюся в університеті й багато читаю.",
    pl: "Studiuję na uniwersytecie i dużo czytam.",
    lt: "Studijuoju universitete ir daug skaitau.",
    en: "I study at a university and read a lot.",
  }),
  phrase("about-me", "cat", {
    ru: "У меня есть кот, который любит спать на подоконнике.",
    be: "У мяне ёсць кот, які любіць спаць на падаконніку.",
    uk: "У мене є кіт, який любить спати на підвіконні.",
    pl: "Mam kota, który uwielbia spać na parapecie.",
    lt: "Turiu katiną, kuris mėgsta miegoti ant palangės.",
    en: "I have a cat who loves to sleep on the windowsill.",
  }),
  phrase("about-me", "dog", {
    ru: "У меня есть собака, и каждое утро мы гуляем с ней в парке.",
    be: "У мяне ёсць сабака, і кожную раніцу мы гуляем з ім у парку.",
    uk: "У мене є собака, і щоранку ми гуляємо з ним у парку.",
    pl: "Mam psa i każdego ranka chodzimy razem na spacer do parku.",
    lt: "Turiu šunį, ir kiekvieną rytą mes vaikštome parke.",
    en: "I have a dog, and every morning we go for a walk in the park.",
  }),
  phrase("about-me", "learning-language", {
    ru: "Я только учу этот язык, поэтому простите мне ошибки.",
    be: "Я толькі вучу гэтую мову, таму прабачце мне памылкі.",
    uk: "Я тільки вчу цю мову, тож пробачте мені помилки.",
    pl: "Dopiero uczę się tego języka, więc proszę wybaczyć mi błędy.",
    lt: "Šios kalbos dar tik mokausi, todėl atleiskite už klaidas.",
    en: "I am only just learning this language, so please forgive my mistakes.",
  }),
  phrase("about-me", "family", {
    ru: "У меня большая семья, и по выходным мы собираемся вместе за столом.",
    be: "У мяне вялікая сям’я, і па выхадных мы збіраемся разам за сталом.",
    uk: "У мене велика родина, і на вихідних ми збираємося разом за столом.",
    pl: "Mam dużą rodzinę i w weekendy spotykamy się razem przy stole.",
    lt: "Turiu didelę šeimą, ir savaitgaliais susirenkame prie bendro stalo.",
    en: "I have a big family, and at weekends we gather together around the table.",
  }),
  phrase("about-me", "guitar", {
    ru: "По вечерам я играю на гитаре.",
    be: "Вечарамі я іграю на гітары.",
    uk: "Вечорами я граю на гітарі.",
    pl: "Wieczorami gram na gitarze.",
    lt: "Vakarais groju gitara.",
    en: "In the evenings I play the guitar.",
  }),

  // ── daily-life ───────────────────────────────────────────────────────────
  phrase("daily-life", "cooking", {
    ru: "Я люблю готовить, особенно пироги с яблоками.",
    be: "Я люблю гатаваць, асабліва пірагі з яблыкамі.",
    uk: "Я люблю готувати, особливо пироги з яблуками.",
    pl: "Lubię gotować, szczególnie ciasta z jabłkami.",
    lt: "Mėgstu gaminti, ypač obuolių pyragus.",
    en: "I love cooking, especially apple pies.",
  }),
  phrase("daily-life", "grandma-recipe", {
    ru: "На этой неделе мы пекли блины по бабушкиному рецепту.",
    be: "На гэтым тыдні мы пяклі бліны па бабуліным рэцэпце.",
    uk: "Цього тижня ми пекли млинці за бабусиним рецептом.",
    pl: "W tym tygodniu piekliśmy naleśniki według przepisu babci.",
    lt: "Šią savaitę kepėme blynus pagal močiutės receptą.",
    en: "This week we baked pancakes from grandma's recipe.",
  }),
  phrase("daily-life", "garden", {
    ru: "Я много времени провожу в саду: там всегда есть работа.",
    be: "Я шмат часу праводжу ў садзе: там заўсёды ёсць праца.",
    uk: "Я багато часу проводжу в саду: там завжди є робота.",
    pl: "Dużo czasu spędzam w ogrodzie: zawsze jest tam coś do zrobienia.",
    lt: "Daug laiko praleidžiu sode: ten visada yra darbo.",
    en: "I spend a lot of time in the garden: there is always work to do there.",
  }),
  phrase("daily-life", "tomatoes", {
    ru: "В этом году у нас уродились отличные помидоры.",
    be: "Сёлета ў нас урадзіліся выдатныя памідоры.",
    uk: "Цього року в нас уродили чудові помідори.",
    pl: "W tym roku obrodziły nam wspaniałe pomidory.",
    lt: "Šiemet mums užderėjo puikūs pomidorai.",
    en: "This year we have grown excellent tomatoes.",
  }),
  phrase("daily-life", "cat-says-hello", {
    ru: "Наш кот передаёт Вам привет и мурлычет.",
    be: "Наш кот перадае Вам прывітанне і мурлыча.",
    uk: "Наш кіт передає Вам привіт і муркоче.",
    pl: "Nasz kot przesyła [Panu|Pani] pozdrowienia i mruczy.",
    lt: "Mūsų katinas siunčia Jums linkėjimus ir murkia.",
    en: "Our cat sends you greetings and purrs.",
  }),
  phrase("daily-life", "evening-walks", {
    ru: "Каждый вечер я гуляю у реки и смотрю на закат.",
    be: "Кожны вечар я гуляю каля ракі і гляджу на захад сонца.",
    uk: "Щовечора я гуляю біля річки й дивлюся на захід сонця.",
    pl: "Każdego wieczoru spaceruję nad rzeką i patrzę na zachód słońca.",
    lt: "Kiekvieną vakarą vaikštau prie upės ir žiūriu į saulėlydį.",
    en: "Every evening I walk by the river and watch the sunset.",
  }),
  phrase("daily-life", "morning-run", {
    ru: "По утрам я бегаю в парке, это очень бодрит.",
    be: "Раніцамі я бегаю ў парку, гэта вельмі бадзёрыць.",
    uk: "Вранці я бігаю в парку, це дуже бадьорить.",
    pl: "Rano biegam w parku, to bardzo orzeźwia.",
    lt: "Rytais bėgioju parke, tai labai pagyvina.",
    en: "In the mornings I go running in the park; it is very refreshing.",
  }),
  phrase("daily-life", "football", {
    ru: "Вчера мы всей семьёй смотрели футбол и очень переживали за нашу команду.",
    be: "Учора мы ўсёй сям’ёй глядзелі футбол і вельмі хваляваліся за нашу каманду.",
    uk: "Учора ми всією родиною дивилися футбол і дуже вболівали за нашу команду.",
    pl: "Wczoraj całą rodziną oglądaliśmy mecz piłki nożnej i bardzo kibicowaliśmy naszej drużynie.",
    lt: "Vakar visa šeima žiūrėjome futbolą ir labai sirgome už savo komandą.",
    en: "Yesterday the whole family watched football together, and we were really rooting for our team.",
  }),
  phrase("daily-life", "lakes-memory", {
    ru: "Я часто вспоминаю поездку на озёра: вода там была прозрачная, как стекло.",
    be: "Я часта ўспамінаю паездку на азёры: вада там была празрыстая, як шкло.",
    uk: "Я часто згадую поїздку на озера: вода там була прозора, як скло.",
    pl: "Często wspominam wycieczkę nad jeziora: woda była tam przejrzysta jak szkło.",
    lt: "Dažnai prisimenu kelionę prie ežerų: vanduo ten buvo skaidrus kaip stiklas.",
    en: "I often remember a trip to the lakes: the water there was as clear as glass.",
  }),
  phrase("daily-life", "bicycle", {
    ru: "Я люблю кататься на велосипеде по лесным дорожкам.",
    be: "Я люблю катацца на ровары па лясных сцежках.",
    uk: "Я люблю кататися на велосипеді лісовими стежками.",
    pl: "Uwielbiam jeździć na rowerze leśnymi ścieżkami.",
    lt: "Mėgstu važinėtis dviračiu miško takeliais.",
    en: "I love cycling along forest paths.",
  }),
  phrase("daily-life", "mushrooms", {
    ru: "Мы ходили в лес за грибами и набрали полную корзину.",
    be: "Мы хадзілі ў лес па грыбы і назбіралі поўны кошык.",
    uk: "Ми ходили до лісу по гриби й назбирали повний кошик.",
    pl: "Byliśmy w lesie na grzybach i nazbieraliśmy pełny koszyk.",
    lt: "Ėjome į mišką grybauti ir pririnkome pilną krepšį.",
    en: "We went to the forest to pick mushrooms and filled a whole basket.",
  }),
  phrase("daily-life", "knitting", {
    ru: "Я вяжу тёплый шарф — вязание меня очень успокаивает.",
    be: "Я вяжу цёплы шалік — вязанне мяне вельмі супакойвае.",
    uk: "Я в’яжу теплий шарф — в’язання мене дуже заспокоює.",
    pl: "Robię na drutach ciepły szalik — to mnie bardzo uspokaja.",
    lt: "Mezgu šiltą šaliką — mezgimas mane labai ramina.",
    en: "I am knitting a warm scarf — knitting calms me a lot.",
  }),
  phrase("daily-life", "cup-of-tea", {
    ru: "Пишу Вам это письмо за чашкой горячего чая.",
    be: "Пішу Вам гэты ліст за кубкам гарачай гарбаты.",
    uk: "Пишу Вам цього листа за чашкою гарячого чаю.",
    pl: "Piszę do [Pana|Pani] ten list przy filiżance gorącej herbaty.",
    lt: "Rašau Jums šį laišką prie puodelio karštos arbatos.",
    en: "I am writing this letter to you over a cup of hot tea.",
  }),
  phrase("daily-life", "as-usual", {
    ru: "У нас всё по-прежнему: работа, дом, домашние хлопоты.",
    be: "У нас усё па-ранейшаму: праца, дом, хатнія клопаты.",
    uk: "У нас усе по-старому: робота, дім, хатні клопоти.",
    pl: "U nas wszystko po staremu: praca, dom, domowe obowiązki.",
    lt: "Pas mus viskas po senovei: darbas, namai, buities rūpesčiai.",
    en: "Everything is as usual here: work, home, household chores.",
  }),
  phrase("daily-life", "neighbours-children", {
    ru: "Соседские дети каждый день играют во дворе, и от их смеха становится веселее.",
    be: "Суседскія дзеці кожны дзень гуляюць на двары, і ад іх смеху становіцца весялей.",
    uk: "Сусідські діти щодня граються у дворі, і від їхнього сміху стає веселіше.",
    pl: "Dzieci sąsiadów codziennie bawią się na podwórku, a od ich śmiechu robi się weselej.",
    lt: "Kaimynų vaikai kasdien žaidžia kieme, ir nuo jų juoko pasidaro linksmiau.",
    en: "The neighbours' children play in the yard every day, and their laughter makes everything more cheerful.",
  }),
  phrase("daily-life", "new-language", {
    ru: "Сейчас я учу новый язык и каждый день запоминаю по десять слов.",
    be: "Цяпер я вучу новую мову і кожны дзень запамінаю па дзесяць слоў.",
    uk: "Зараз я вчу нову мову й щодня запам’ятовую по десять слів.",
    pl: "Teraz uczę się nowego języka i codziennie zapamiętuję po dziesięć słów.",
    lt: "Dabar mokausi naujos kalbos ir kasdien išmokstu po dešimt žodžių.",
    en: "Right now I am learning a new language and memorise ten words every day.",
  }),

  // ── books-and-culture ────────────────────────────────────────────────────
  phrase("books-and-culture", "reading-now", {
    ru: "Сейчас я читаю интересную книгу о путешествиях.",
    be: "Цяпер я чытаю цікавую кнігу пра падарожжы.",
    uk: "Зараз я читаю цікаву книжку про подорожі.",
    pl: "Czytam teraz ciekawą książkę o podróżach.",
    lt: "Dabar skaitau įdomią knygą apie keliones.",
    en: "Right now I am reading an interesting book about travels.",
  }),
  phrase("books-and-culture", "what-are-you-reading", {
    ru: "Что Вы сейчас читаете? Мне было бы очень интересно узнать.",
    be: "Што Вы цяпер чытаеце? Мне было б вельмі цікава даведацца.",
    uk: "Що Ви зараз читаєте? Мені було б дуже цікаво дізнатися.",
    pl: "Co [Pan|Pani] teraz czyta? Bardzo mnie to ciekawi.",
    lt: "Ką dabar skaitote? Man būtų labai įdomu sužinoti.",
    en: "What are you reading now? I would be very interested to know.",
  }),
  phrase("books-and-culture", "poems", {
    ru: "Я перечитываю свои любимые стихи, и они звучат по-новому.",
    be: "Я перачытваю свае любімыя вершы, і яны гучаць па-новаму.",
    uk: "Я перечитую свої улюблені вірші, і вони звучать по-новому.",
    pl: "Czytam na nowo moje ulubione wiersze i brzmią one inaczej niż kiedyś.",
    lt: "Iš naujo skaitau mėgstamus eilėraščius, ir jie skamba naujai.",
    en: "I am rereading my favourite poems, and they sound new to me.",
  }),
  phrase("books-and-culture", "comedy", {
    ru: "Вчера мы смотрели старую добрую комедию и много смеялись.",
    be: "Учора мы глядзелі старую добрую камедыю і шмат смяяліся.",
    uk: "Учора ми дивилися стару добру комедію й багато сміялися.",
    pl: "Wczoraj oglądaliśmy starą dobrą komedię i dużo się śmialiśmy.",
    lt: "Vakar žiūrėjome seną gerą komediją ir daug juokėmės.",
    en: "Yesterday we watched a good old comedy and laughed a lot.",
  }),
  phrase("books-and-culture", "classical-music", {
    ru: "Я часто слушаю классическую музыку, особенно по вечерам.",
    be: "Я часта слухаю класічную музыку, асабліва вечарамі.",
    uk: "Я часто слухаю класичну музику, особливо вечорами.",
    pl: "Często słucham muzyki klasycznej, zwłaszcza wieczorami.",
    lt: "Dažnai klausausi klasikinės muzikos, ypač vakarais.",
    en: "I often listen to classical music, especially in the evenings.",
  }),
  phrase("books-and-culture", "concert", {
    ru: "Недавно мы были на концерте, и музыка была чудесной.",
    be: "Нядаўна мы былі на канцэрце, і музыка была цудоўная.",
    uk: "Нещодавно ми були на концерті, і музика була чудова.",
    pl: "Niedawno byliśmy na koncercie, a muzyka była cudowna.",
    lt: "Neseniai buvome koncerte, ir muzika buvo nuostabi.",
    en: "Recently we went to a concert, and the music was wonderful.",
  }),
  phrase("books-and-culture", "favourite-book", {
    ru: "Какая Ваша любимая книга? Мне тоже хочется её прочитать.",
    be: "Якая Ваша любімая кніга? Мне таксама хочацца яе прачытаць.",
    uk: "Яка Ваша улюблена книжка? Мені теж хочеться її прочитати.",
    pl: "Jaka jest [Pana|Pani] ulubiona książka? Też chętnie ją przeczytam.",
    lt: "Kokia Jūsų mėgstamiausia knyga? Norėčiau ją taip pat perskaityti.",
    en: "What is your favourite book? I would like to read it too.",
  }),
  phrase("books-and-culture", "museum", {
    ru: "На выходных мы ходили в музей и долго рассматривали старинные картины.",
    be: "На выхадных мы хадзілі ў музей і доўга разглядалі старадаўнія карціны.",
    uk: "На вихідних ми ходили до музею й довго роздивлялися старовинні картини.",
    pl: "W weekend byliśmy w muzeum i długo oglądaliśmy dawne obrazy.",
    lt: "Savaitgalį lankėmės muziejuje ir ilgai žiūrėjome į senovinius paveikslus.",
    en: "At the weekend we went to a museum and spent a long time looking at old paintings.",
  }),
  phrase("books-and-culture", "library", {
    ru: "В нашей библиотеке появилось много новых книг.",
    be: "У нашай бібліятэцы з’явілася шмат новых кніг.",
    uk: "У нашій бібліотеці з’явилося багато нових книжок.",
    pl: "W naszej bibliotece pojawiło się dużo nowych książek.",
    lt: "Mūsų bibliotekoje atsirado daug naujų knygų.",
    en: "Our library has a lot of new books.",
  }),
  phrase("books-and-culture", "song-on-radio", {
    ru: "Сегодня по радио звучала песня, которая напомнила мне о юности.",
    be: "Сёння па радыё гучала песня, якая нагадала мне пра юнацтва.",
    uk: "Сьогодні по радіо звучала пісня, яка нагадала мені про юність.",
    pl: "Dziś w radiu leciała piosenka, która przypomniała mi młodość.",
    lt: "Šiandien per radiją skambėjo daina, kuri man priminė jaunystę.",
    en: "Today a song on the radio reminded me of my youth.",
  }),
  phrase("books-and-culture", "theatre", {
    ru: "Мы ходили в театр, и спектакль всем очень понравился.",
    be: "Мы хадзілі ў тэатр, і спектакль усім вельмі спадабаўся.",
    uk: "Ми ходили до театру, і вистава всім дуже сподобалася.",
    pl: "Byliśmy w teatrze i spektakl bardzo się wszystkim podobał.",
    lt: "Buvome teatre, ir spektaklis visiems labai patiko.",
    en: "We went to the theatre, and everyone really enjoyed the play.",
  }),

  // ── nature-and-seasons ───────────────────────────────────────────────────
  phrase("nature-and-seasons", "season-in-full-swing", {
    ru: "У нас сейчас {season} в самом разгаре.",
    be: "У нас цяпер {season} у самым разгары.",
    uk: "У нас зараз справжній розпал {season:gen}.",
    pl: "U nas {season} jest teraz w pełni.",
    lt: "Pas mus dabar pats {season:gen} įkarštis.",
    en: "Here {season} is now in full swing.",
  }),
  phrase("nature-and-seasons", "love-this-season", {
    ru: "Я очень люблю {season:acc}: в это время года всё вокруг особенно красиво.",
    be: "Я вельмі люблю {season:acc}: у гэтую пару года ўсё вакол асабліва прыгожае.",
    uk: "Я дуже люблю {season:acc}: у цю пору року все довкола особливо гарне.",
    pl: "Bardzo lubię {season:acc}: o tej porze roku wszystko wokół jest wyjątkowo piękne.",
    lt: "Labai mėgstu {season:acc}: šiuo metų laiku viskas aplink ypač gražu.",
    en: "I really love {season:acc}: at this time of year everything around is especially beautiful.",
  }),
  phrase("nature-and-seasons", "forest-in-season", {
    ru: "{season:when} я часто хожу в лес — там тихо и спокойно.",
    be: "{season:when} я часта хаджу ў лес — там ціха і спакойна.",
    uk: "{season:when} я часто ходжу до лісу — там тихо й спокійно.",
    pl: "{season:when} często chodzę do lasu — jest tam cicho i spokojnie.",
    lt: "{season:when} dažnai einu į mišką — ten tylu ir ramu.",
    en: "{season:when} I often go to the forest — it is quiet and peaceful there.",
  }),
  phrase("nature-and-seasons", "weather-there", {
    ru: "Какая у Вас сейчас погода?",
    be: "Якое ў Вас цяпер надвор’е?",
    uk: "Яка зараз у Вас погода?",
    pl: "Jaka jest teraz u [Pana|Pani] pogoda?",
    lt: "Koks pas Jus dabar oras?",
    en: "What is the weather like where you are now?",
  }),
  phrase("nature-and-seasons", "favourite-season", {
    ru: "А какое время года Вы любите больше всего?",
    be: "А якую пару года Вы любіце больш за ўсё?",
    uk: "А яку пору року Ви любите найбільше?",
    pl: "A jaką porę roku [Pan|Pani] lubi najbardziej?",
    lt: "O kurį metų laiką Jūs labiausiai mėgstate?",
    en: "And which season do you love most?",
  }),
  phrase("nature-and-seasons", "birds", {
    ru: "Под окном поют птицы, и от этого на душе светлее.",
    be: "Пад акном спяваюць птушкі, і ад гэтага на душы святлей.",
    uk: "Під вікном співають птахи, і від цього на душі світлішає.",
    pl: "Pod oknem śpiewają ptaki i od razu robi się jaśniej na duszy.",
    lt: "Po langu čiulba paukščiai, ir nuo to sieloje šviesiau.",
    en: "Birds are singing under the window, and it makes my heart lighter.",
  }),
  phrase("nature-and-seasons", "storks", {
    ru: "Прилетели аисты и снова живут в своём гнезде на старом столбе.",
    be: "Прыляцелі буслы і зноў жывуць у сваім гняздзе на старым слупе.",
    uk: "Прилетіли лелеки й знову живуть у своєму гнізді на старому стовпі.",
    pl: "Przyleciały bociany i znów mieszkają w swoim gnieździe na starym słupie.",
    lt: "Parskrido gandrai ir vėl gyvena savo lizde ant seno stulpo.",
    en: "The storks have come back and live in their nest on the old pole again.",
  }),
  phrase("nature-and-seasons", "first-snow", {
    ru: "Выпал первый снег, и всё вокруг стало белым и тихим.",
    be: "Выпаў першы снег, і ўсё вакол стала белым і ціхім.",
    uk: "Випав перший сніг, і все довкола стало білим і тихим.",
    pl: "Spadł pierwszy śnieg i wszystko wokół zrobiło się białe i ciche.",
    lt: "Iškrito pirmasis sniegas, ir viskas aplink tapo balta ir tylu.",
    en: "The first snow has fallen, and everything around has become white and quiet.",
  }),
  phrase("nature-and-seasons", "golden-leaves", {
    ru: "Деревья стоят золотые, а под ногами шуршат листья.",
    be: "Дрэвы стаяць залатыя, а пад нагамі шамаціць лісце.",
    uk: "Дерева стоять золоті, а під ногами шелестить листя.",
    pl: "Drzewa stoją złote, a pod stopami szeleszczą liście.",
    lt: "Medžiai stovi auksiniai, o po kojomis šlama lapai.",
    en: "The trees stand golden, and leaves rustle underfoot.",
  }),
  phrase("nature-and-seasons", "starry-sky", {
    ru: "Вечером небо было такое ясное, что были видны все звёзды.",
    be: "Увечары неба было такое яснае, што было відаць усе зоркі.",
    uk: "Увечері небо було таке ясне, що було видно всі зорі.",
    pl: "Wieczorem niebo było tak czyste, że widać było wszystkie gwiazdy.",
    lt: "Vakare dangus buvo toks giedras, kad matėsi visos žvaigždės.",
    en: "In the evening the sky was so clear that all the stars could be seen.",
  }),
  phrase("nature-and-seasons", "warm-rain", {
    ru: "Сегодня весь день шёл тёплый дождь, и сад сразу позеленел.",
    be: "Сёння ўвесь дзень ішоў цёплы дождж, і сад адразу пазелянеў.",
    uk: "Сьогодні весь день ішов теплий дощ, і сад одразу зазеленів.",
    pl: "Dziś cały dzień padał ciepły deszcz i ogród od razu się zazielenił.",
    lt: "Šiandien visą dieną lijo šiltas lietus, ir sodas iškart sužaliavo.",
    en: "Today a warm rain fell all day, and the garden turned green at once.",
  }),
  phrase("nature-and-seasons", "early-dawns", {
    ru: "Рассветы сейчас ранние, и солнце будит меня раньше будильника.",
    be: "Світанкі цяпер раннія, і сонца будзіць мяне раней за будзільнік.",
    uk: "Світанки зараз ранні, і сонце будить мене раніше за будильник.",
    pl: "Świty są teraz wczesne i słońce budzi mnie przed budzikiem.",
    lt: "Dabar anksti išaušta, ir saulė mane pažadina anksčiau nei žadintuvas.",
    en: "Dawns come early now, and the sun wakes me before the alarm clock.",
  }),

  // ── wishes ───────────────────────────────────────────────────────────────
  phrase("wishes", "health", {
    ru: "Желаю Вам крепкого здоровья.",
    be: "Жадаю Вам моцнага здароўя.",
    uk: "Бажаю Вам міцного здоров’я.",
    pl: "Życzę [Panu|Pani] dużo zdrowia.",
    lt: "Linkiu Jums stiprios sveikatos.",
    en: "I wish you good health.",
  }),
  phrase("wishes", "good-mood", {
    ru: "Пусть у Вас каждый день будет хорошее настроение.",
    be: "Няхай у Вас кожны дзень будзе добры настрой.",
    uk: "Нехай у Вас щодня буде гарний настрій.",
    pl: "Niech każdego dnia ma [Pan|Pani] dobry humor.",
    lt: "Tegul kiekvieną dieną Jūsų nuotaika būna gera.",
    en: "May you be in a good mood every day.",
  }),
  phrase("wishes", "warm-days", {
    ru: "Желаю Вам тёплых и светлых дней.",
    be: "Жадаю Вам цёплых і светлых дзён.",
    uk: "Бажаю Вам теплих і світлих днів.",
    pl: "Życzę [Panu|Pani] ciepłych i jasnych dni.",
    lt: "Linkiu Jums šiltų ir šviesių dienų.",
    en: "I wish you warm and bright days.",
  }),
  phrase("wishes", "small-joy", {
    ru: "Пусть каждый день приносит Вам хоть одну маленькую радость.",
    be: "Няхай кожны дзень прыносіць Вам хоць адну маленькую радасць.",
    uk: "Нехай кожен день приносить Вам хоча б одну маленьку радість.",
    pl: "Niech każdy dzień przynosi [Panu|Pani] choćby jedną małą radość.",
    lt: "Tegul kiekviena diena Jums atneša bent vieną mažą džiaugsmą.",
    en: "May every day bring you at least one small joy.",
  }),
  phrase("wishes", "books-and-letters", {
    ru: "Желаю Вам интересных книг и приятных писем.",
    be: "Жадаю Вам цікавых кніг і прыемных лістоў.",
    uk: "Бажаю Вам цікавих книжок і приємних листів.",
    pl: "Życzę [Panu|Pani] ciekawych książek i miłych listów.",
    lt: "Linkiu Jums įdomių knygų ir malonių laiškų.",
    en: "I wish you interesting books and pleasant letters.",
  }),
  phrase("wishes", "restful-sleep", {
    ru: "Желаю Вам спокойного сна и добрых снов.",
    be: "Жадаю Вам спакойнага сну і добрых сноў.",
    uk: "Бажаю Вам спокійного сну й добрих снів.",
    pl: "Życzę [Panu|Pani] spokojnego snu i dobrych snów.",
    lt: "Linkiu Jums ramaus miego ir gerų sapnų.",
    en: "I wish you restful sleep and good dreams.",
  }),
  phrase("wishes", "warm-thoughts", {
    ru: "Пусть Вас согревают тёплые мысли о близких.",
    be: "Няхай Вас грэюць цёплыя думкі пра блізкіх.",
    uk: "Нехай Вас зігрівають теплі думки про рідних.",
    pl: "Niech ogrzewają [Pana|Panią] ciepłe myśli o bliskich.",
    lt: "Tegul Jus šildo šiltos mintys apie artimuosius.",
    en: "May warm thoughts of your loved ones keep you warm.",
  }),
  phrase("wishes", "sunshine", {
    ru: "Пусть над Вами почаще светит солнце.",
    be: "Няхай над Вамі часцей свеціць сонца.",
    uk: "Нехай над Вами частіше світить сонце.",
    pl: "Niech częściej świeci nad [Panem|Panią] słońce.",
    lt: "Tegul virš Jūsų dažniau šviečia saulė.",
    en: "May the sun shine on you more often.",
  }),
  phrase("wishes", "inspiration", {
    ru: "Желаю Вам вдохновения и новых интересных мыслей.",
    be: "Жадаю Вам натхнення і новых цікавых думак.",
    uk: "Бажаю Вам натхнення і нових цікавих думок.",
    pl: "Życzę [Panu|Pani] natchnienia i nowych ciekawych myśli.",
    lt: "Linkiu Jums įkvėpimo ir naujų įdomių minčių.",
    en: "I wish you inspiration and new interesting thoughts.",
  }),
  phrase("wishes", "peace-of-mind", {
    ru: "Желаю Вам душевного спокойствия.",
    be: "Жадаю Вам душэўнага спакою.",
    uk: "Бажаю Вам душевного спокою.",
    pl: "Życzę [Panu|Pani] spokoju ducha.",
    lt: "Linkiu Jums dvasios ramybės.",
    en: "I wish you peace of mind.",
  }),
  phrase("wishes", "kind-people", {
    ru: "Пусть рядом с Вами всегда будут добрые люди.",
    be: "Няхай побач з Вамі заўсёды будуць добрыя людзі.",
    uk: "Нехай поруч із Вами завжди будуть добрі люди.",
    pl: "Niech obok [Pana|Pani] zawsze będą dobrzy ludzie.",
    lt: "Tegul šalia Jūsų visada būna gerų žmonių.",
    en: "May there always be kind people around you.",
  }),
  phrase("wishes", "we-think-of-you", {
    ru: "Мы часто думаем о Вас и желаем Вам всего самого доброго.",
    be: "Мы часта думаем пра Вас і жадаем Вам усяго найлепшага.",
    uk: "Ми часто думаємо про Вас і бажаємо Вам усього найкращого.",
    pl: "Często o [Panu|Pani] myślimy i życzymy wszystkiego najlepszego.",
    lt: "Dažnai apie Jus galvojame ir linkime Jums visa ko geriausio.",
    en: "We often think of you and wish you all the very best.",
  }),
  phrase("wishes", "people-remember-you", {
    ru: "Знайте: я часто думаю о Вас с теплом.",
    be: "Ведайце: я часта думаю пра Вас з цеплынёй.",
    uk: "Знайте: я часто думаю про Вас із теплом.",
    pl: "Proszę wiedzieć, że często ciepło o [Panu|Pani] myślę.",
    lt: "Žinokite: aš dažnai šiltai apie Jus galvoju.",
    en: "Please know: I often think of you warmly.",
  }),
  phrase("wishes", "reasons-to-smile", {
    ru: "Пусть у Вас будет побольше поводов для улыбки.",
    be: "Няхай у Вас будзе больш нагод для ўсмешкі.",
    uk: "Нехай у Вас буде більше приводів для усмішки.",
    pl: "Niech ma [Pan|Pani] jak najwięcej powodów do uśmiechu.",
    lt: "Tegul turite kuo daugiau progų šypsotis.",
    en: "May you have more reasons to smile.",
  }),

  // ── birthday ─────────────────────────────────────────────────────────────
  phrase("birthday", "happy-birthday", {
    ru: "С днём рождения, {firstName}!",
    be: "З днём нараджэння, {firstName:voc}!",
    uk: "З днем народження, {firstName:voc}!",
    pl: "Wszystkiego najlepszego z okazji urodzin, [Panie|Pani] {firstName:voc}!",
    lt: "Su gimtadieniu, {firstName:voc}!",
    en: "Happy birthday, {firstName}!",
  }),
  phrase("birthday", "congratulations", {
    ru: "Сердечно поздравляю Вас с днём рождения!",
    be: "Сардэчна віншую Вас з днём нараджэння!",
    uk: "Щиро вітаю Вас із днем народження!",
    pl: "Składam [Panu|Pani] serdeczne życzenia urodzinowe!",
    lt: "Nuoširdžiai sveikinu Jus su gimtadieniu!",
    en: "Warmest congratulations on your birthday!",
  }),
  phrase("birthday", "health-warmth-light", {
    ru: "В Ваш день рождения желаю Вам здоровья, тепла и света.",
    be: "У Ваш дзень нараджэння жадаю Вам здароўя, цяпла і святла.",
    uk: "У Ваш день народження бажаю Вам здоров’я, тепла і світла.",
    pl: "W dniu urodzin życzę [Panu|Pani] zdrowia, ciepła i światła.",
    lt: "Jūsų gimtadienio proga linkiu Jums sveikatos, šilumos ir šviesos.",
    en: "On your birthday I wish you health, warmth and light.",
  }),
  phrase("birthday", "many-cards", {
    ru: "Пусть в этот день Вы получите много писем и открыток.",
    be: "Няхай у гэты дзень Вы атрымаеце шмат лістоў і паштовак.",
    uk: "Нехай цього дня Ви отримаєте багато листів і листівок.",
    pl: "Niech w tym dniu dostanie [Pan|Pani] wiele listów i kartek.",
    lt: "Tegul šią dieną gausite daug laiškų ir atvirukų.",
    en: "May you receive many letters and postcards on this day.",
  }),
  phrase("birthday", "cake-in-your-honour", {
    ru: "Сегодня мы испекли торт в Вашу честь и пили чай за Ваше здоровье.",
    be: "Сёння мы спяклі торт у Ваш гонар і пілі гарбату за Ваша здароўе.",
    uk: "Сьогодні ми спекли торт на Вашу честь і пили чай за Ваше здоров’я.",
    pl: "Dziś upiekliśmy tort na [Pana|Pani] cześć i piliśmy herbatę za [Pana|Pani] zdrowie.",
    lt: "Šiandien iškepėme tortą Jūsų garbei ir gėrėme arbatą už Jūsų sveikatą.",
    en: "Today we baked a cake in your honour and drank tea to your health.",
  }),
  phrase("birthday", "new-year-of-life", {
    ru: "Пусть новый год жизни будет добрым и светлым.",
    be: "Няхай новы год жыцця будзе добрым і светлым.",
    uk: "Нехай новий рік життя буде добрим і світлим.",
    pl: "Niech nowy rok życia będzie dobry i jasny.",
    lt: "Tegul nauji gyvenimo metai būna geri ir šviesūs.",
    en: "May the new year of your life be kind and bright.",
  }),
  phrase("birthday", "we-remember-your-day", {
    ru: "Сегодня, в Ваш день рождения, я вспоминаю Вас добрым словом.",
    be: "Сёння, у Ваш дзень нараджэння, я ўспамінаю Вас добрым словам.",
    uk: "Сьогодні, у Ваш день народження, я згадую Вас добрим словом.",
    pl: "Dziś, w [Pana|Pani] urodziny, ciepło [Pana|Panią] wspominam.",
    lt: "Šiandien, per Jūsų gimtadienį, šiltai Jus prisimenu.",
    en: "Today, on your birthday, I remember you fondly.",
  }),
  phrase("birthday", "wishes-come-true", {
    ru: "Пусть сбудутся все Ваши добрые желания.",
    be: "Няхай здзейсняцца ўсе Вашы добрыя жаданні.",
    uk: "Нехай здійсняться всі Ваші добрі бажання.",
    pl: "Niech spełnią się wszystkie [Pana|Pani] dobre pragnienia.",
    lt: "Tegul išsipildo visi Jūsų geri norai.",
    en: "May all your good wishes come true.",
  }),

  // ── holidays ─────────────────────────────────────────────────────────────
  phrase("holidays", "congratulations", {
    ru: "Поздравляю Вас {holiday:with}!",
    be: "Віншую Вас {holiday:with}!",
    uk: "Вітаю Вас {holiday:with}!",
    pl: "Składam [Panu|Pani] serdeczne życzenia z okazji {holiday:gen}!",
    lt: "Sveikinu Jus {holiday:with}!",
    en: "{holiday:with} to you!",
  }),
  phrase("holidays", "warmth-and-joy", {
    ru: "Пусть этот праздник принесёт Вам тепло и радость.",
    be: "Няхай гэтае свята прынясе Вам цяпло і радасць.",
    uk: "Нехай це свято принесе Вам тепло й радість.",
    pl: "Niech to święto przyniesie [Panu|Pani] ciepło i radość.",
    lt: "Tegul ši šventė Jums atneša šilumos ir džiaugsmo.",
    en: "May this holiday bring you warmth and joy.",
  }),
  phrase("holidays", "family-gathers", {
    ru: "{holiday:on} мы всегда собираемся всей семьёй и вспоминаем Вас добрым словом.",
    be: "{holiday:on} мы заўсёды збіраемся ўсёй сям’ёй і згадваем Вас добрым словам.",
    uk: "{holiday:on} ми завжди збираємося всією родиною і згадуємо Вас добрим словом.",
    pl: "{holiday:on} zawsze spotykamy się całą rodziną i ciepło [Pana|Panią] wspominamy.",
    lt: "{holiday:on} visada susirenkame visa šeima ir šiltai Jus prisimename.",
    en: "{holiday:on} we always gather as a whole family and remember you with kind words.",
  }),
  phrase("holidays", "festive-table", {
    ru: "Когда мы сядем за праздничный стол, то обязательно вспомним о Вас.",
    be: "Калі мы сядзем за святочны стол, то абавязкова ўспомнім пра Вас.",
    uk: "Коли ми сядемо за святковий стіл, то обов’язково згадаємо про Вас.",
    pl: "Kiedy usiądziemy przy świątecznym stole, na pewno [Pana|Panią] wspomnimy.",
    lt: "Kai sėsime prie šventinio stalo, būtinai Jus prisiminsime.",
    en: "When we sit down at the festive table, we will be sure to think of you.",
  }),
  phrase("holidays", "new-year", {
    ru: "С Новым годом! Пусть он будет добрым и спокойным.",
    be: "З Новым годам! Няхай ён будзе добрым і спакойным.",
    uk: "З Новим роком! Нехай він буде добрим і спокійним.",
    pl: "Szczęśliwego Nowego Roku! Niech będzie dobry i spokojny.",
    lt: "Laimingų Naujųjų metų! Tegul jie būna geri ir ramūs.",
    en: "Happy New Year! May it be kind and peaceful.",
  }),
  phrase("holidays", "christmas", {
    ru: "С Рождеством! Пусть Ваше сердце наполнится светом и теплом.",
    be: "З Калядамі! Няхай Ваша сэрца напоўніцца святлом і цяплом.",
    uk: "З Різдвом! Нехай Ваше серце наповниться світлом і теплом.",
    pl: "Wesołych Świąt Bożego Narodzenia! Niech [Pana|Pani] serce wypełni się światłem i ciepłem.",
    lt: "Linksmų šv. Kalėdų! Tegul Jūsų širdį pripildo šviesa ir šiluma.",
    en: "Merry Christmas! May your heart be filled with light and warmth.",
  }),
  phrase("holidays", "two-christmases", {
    ru: "Рождество празднуют дважды, 25 декабря и 7 января, а значит, можно дважды пожелать Вам добра.",
    be: "Каляды святкуюць двойчы, 25 снежня і 7 студзеня, а значыць, можна двойчы пажадаць Вам дабра.",
    uk: "Різдво святкують двічі, 25 грудня і 7 січня, а отже, можна двічі побажати Вам добра.",
    pl: "Boże Narodzenie obchodzi się dwa razy, 25 grudnia i 7 stycznia, więc można dwa razy życzyć [Panu|Pani] wszystkiego dobrego.",
    lt: "Kalėdos švenčiamos du kartus, gruodžio 25 ir sausio 7 dieną, todėl galima dukart palinkėti Jums gero.",
    en: "Christmas is celebrated twice, on 25 December and 7 January, so I can wish you well twice.",
  }),
  phrase("holidays", "easter", {
    ru: "Со светлым праздником Пасхи! Пусть на душе будет светло.",
    be: "Са светлым святам Вялікадня! Няхай на душы будзе светла.",
    uk: "Зі світлим святом Великодня! Нехай на душі буде світло.",
    pl: "Wesołych Świąt Wielkanocnych! Niech na duszy będzie jasno.",
    lt: "Šviesių šv. Velykų! Tegul sieloje būna šviesu.",
    en: "Happy Easter, the bright holiday! May your soul be full of light.",
  }),
  phrase("holidays", "kupalle", {
    ru: "С праздником Купалья! Пусть эта короткая ночь будет светлой и волшебной.",
    be: "Са святам Купалля! Няхай гэтая кароткая ноч будзе светлай і чароўнай.",
    uk: "Зі святом Івана Купала! Нехай ця коротка ніч буде світлою і чарівною.",
    pl: "Wesołej Nocy Kupały! Niech ta krótka noc będzie jasna i czarodziejska.",
    lt: "Su Joninėmis! Tegul ši trumpa naktis būna šviesi ir stebuklinga.",
    en: "Happy Kupalle! May this short night be bright and magical.",
  }),
  phrase("holidays", "spring-arrives", {
    ru: "С приходом весны! Скоро всё зацветёт.",
    be: "З прыходам вясны! Хутка ўсё зацвіце.",
    uk: "З приходом весни! Скоро все розквітне.",
    pl: "Z nadejściem wiosny! Wkrótce wszystko zakwitnie.",
    lt: "Sveikinu atėjus pavasariui! Netrukus viskas pražys.",
    en: "Spring is here! Soon everything will be in bloom.",
  }),
  phrase("holidays", "maslenitsa", {
    ru: "С Масленицей! Мы напекли блинов и угостили всех соседей.",
    be: "З Масленіцай! Мы напяклі бліноў і пачаставалі ўсіх суседзяў.",
    uk: "З Масляною! Ми напекли млинців і пригостили всіх сусідів.",
    pl: "Wesołej Maślenicy! Napiekliśmy mnóstwo naleśników i poczęstowaliśmy wszystkich sąsiadów.",
    lt: "Su Užgavėnėmis! Prikepėme blynų ir pavaišinome visus kaimynus.",
    en: "Happy Maslenitsa! We baked lots of pancakes and treated all the neighbours.",
  }),
  // 8 March is a public holiday in Belarus, and every woman in a colony knows the day: a card
  // for it is among the most ordinary letters there are. Written with digits, as everyone does.
  phrase("holidays", "women-day", {
    ru: "С 8 Марта! Пусть весна принесёт Вам тепло, цветы и хорошее настроение.",
    be: "З 8 Сакавіка! Няхай вясна прынясе Вам цяпло, кветкі і добры настрой.",
    uk: "З 8 Березня! Нехай весна принесе Вам тепло, квіти й гарний настрій.",
    pl: "Wszystkiego najlepszego z okazji Dnia Kobiet! Niech wiosna przyniesie [Panu|Pani] ciepło, kwiaty i dobry nastrój.",
    lt: "Su Kovo 8-ąja! Tegul pavasaris Jums atneša šilumos, gėlių ir geros nuotaikos.",
    en: "Happy Women’s Day on 8 March! May spring bring you warmth, flowers and good spirits.",
  }),
  phrase("holidays", "women-day-spring", {
    ru: "К 8 Марта у нас повсюду продают тюльпаны и мимозу, и город сразу становится весенним.",
    be: "Да 8 Сакавіка ў нас усюды прадаюць цюльпаны і мімозу, і горад адразу становіцца вясновым.",
    uk: "До 8 Березня у нас усюди продають тюльпани й мімозу, і місто одразу стає весняним.",
    pl: "Na Dzień Kobiet wszędzie u nas sprzedają tulipany i mimozę, i miasto od razu robi się wiosenne.",
    lt: "Prieš Kovo 8-ąją pas mus visur parduoda tulpes ir mimozas, ir miestas iškart tampa pavasariškas.",
    en: "Before 8 March they sell tulips and mimosa everywhere here, and the town suddenly looks like spring.",
  }),

  // ── closing ──────────────────────────────────────────────────────────────
  phrase("closing", "write-back", {
    ru: "Если будет возможность, напишите мне пару строк.",
    be: "Калі будзе магчымасць, напішыце мне некалькі радкоў.",
    uk: "Якщо буде можливість, напишіть мені кілька рядків.",
    pl: "Jeśli będzie okazja, proszę napisać do mnie kilka słów.",
    lt: "Jei turėsite galimybę, parašykite man kelias eilutes.",
    en: "If you have the chance, write me a few lines.",
  }),
  phrase("closing", "will-write-again", {
    ru: "Я обязательно напишу Вам ещё.",
    be: "Я абавязкова напішу Вам яшчэ.",
    uk: "Я обов’язково напишу Вам ще.",
    pl: "Na pewno jeszcze do [Pana|Pani] napiszę.",
    lt: "Būtinai Jums dar parašysiu.",
    en: "I will definitely write to you again.",
  }),
  phrase("closing", "warm-regards", {
    ru: "С теплом и наилучшими пожеланиями.",
    be: "З цеплынёй і найлепшымі пажаданнямі.",
    uk: "З теплом і найкращими побажаннями.",
    pl: "Z serdecznością i najlepszymi życzeniami.",
    lt: "Su šiluma ir geriausiais linkėjimais.",
    en: "With warmth and best wishes.",
  }),
  phrase("closing", "hug", {
    ru: "Крепко обнимаю!",
    be: "Моцна абдымаю!",
    uk: "Міцно обіймаю!",
    pl: "Mocno ściskam!",
    lt: "Stipriai apkabinu!",
    en: "A big hug!",
  }),
  phrase("closing", "take-care", {
    ru: "Берегите себя!",
    be: "Беражыце сябе!",
    uk: "Бережіть себе!",
    pl: "Proszę o siebie dbać!",
    lt: "Saugokite save!",
    en: "Take care of yourself!",
  }),
  phrase("closing", "waiting-for-news", {
    ru: "Думаю о Вас и жду весточки.",
    be: "Думаю пра Вас і чакаю вестачкі.",
    uk: "Думаю про Вас і чекаю звісточки.",
    pl: "Myślę o [Panu|Pani] i czekam na wiadomość.",
    lt: "Galvoju apie Jus ir laukiu žinutės.",
    en: "I think of you and look forward to hearing from you.",
  }),
  phrase("closing", "until-next-letter", {
    ru: "До следующего письма!",
    be: "Да наступнага ліста!",
    uk: "До наступного листа!",
    pl: "Do następnego listu!",
    lt: "Iki kito laiško!",
    en: "Until the next letter!",
  }),
  phrase("closing", "all-the-best", {
    ru: "Всего Вам доброго, {firstName}!",
    be: "Усяго Вам добрага, {firstName:voc}!",
    uk: "Усього Вам доброго, {firstName:voc}!",
    pl: "Wszystkiego dobrego, [Panie|Pani] {firstName:voc}!",
    lt: "Viso Jums geriausio, {firstName:voc}!",
    en: "All the best to you, {firstName}!",
  }),
  phrase("closing", "all-the-best-respectful", {
    ru: "Всего доброго, {firstNameAndPatronymic}!",
    be: "Усяго найлепшага, {firstNameAndPatronymic:voc}!",
    uk: "Усього найкращого, {firstNameAndPatronymic:voc}!",
    pl: "Wszystkiego najlepszego, [Panie|Pani] {firstNameAndPatronymic:voc}!",
    lt: "Viso geriausio, {firstNameAndPatronymic:voc}!",
    en: "All the best, {firstNameAndPatronymic}!",
  }),
  phrase("closing", "respect-and-warmth", {
    ru: "С уважением и теплом.",
    be: "З павагай і цеплынёй.",
    uk: "З повагою й теплом.",
    pl: "Z szacunkiem i serdecznością.",
    lt: "Su pagarba ir šiluma.",
    en: "With respect and warmth.",
  }),
  // Always the letter's last line (letter-text.ts). A first name only: it is printed in the letter
  // and, for letters Listy posts or keeps, stored with its text.
  phrase("closing", "signature", {
    ru: "С теплом, {signature}",
    be: "З цеплынёй, {signature}",
    uk: "З теплом, {signature}",
    pl: "Z serdecznymi pozdrowieniami, {signature}",
    lt: "Su šiluma, {signature}",
    en: "With warmth, {signature}",
  }),
];

/** The signature line, filled with the supporter's first name. */
export const SIGNATURE_PHRASE_ID = "closing.signature";

export const phraseById: ReadonlyMap<string, Phrase> = new Map(phrases.map((p) => [p.id, p]));

export function phrasesInSection(section: PhraseSection): Phrase[] {
  return phrases.filter((p) => p.section === section);
}
