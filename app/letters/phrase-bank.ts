// The censor-safe phrase bank for the letter builder (issue 4).
//
// Every phrase is written in the two letter languages (Russian, Belarusian) and read in every
// interface language, so a supporter chooses in their own language and the letter is produced in
// the prisoner's. The texts live in locales/<language>/phrases.json (translators' files; see
// docs/translators.md); this module keeps the structure: sections, the order of phrases, ids. Topics are everyday life only: prison censors destroy letters that touch
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

import be from "../../locales/be/phrases.json";
import en from "../../locales/en/phrases.json";
import lt from "../../locales/lt/phrases.json";
import pl from "../../locales/pl/phrases.json";
import ru from "../../locales/ru/phrases.json";
import uk from "../../locales/uk/phrases.json";

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
  be: be.season, ru: ru.season, uk: uk.season, pl: pl.season, lt: lt.season, en: en.season,
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
  be: be.holiday, ru: ru.holiday, uk: uk.holiday, pl: pl.holiday, lt: lt.holiday, en: en.holiday,
};

/**
 * Every phrase's slug, section by section, in the order the builder offers them.
 * holidays.women-day: 8 March is a public holiday in Belarus, and every woman in a colony knows
 * the day: a card for it is among the most ordinary letters there are (written with digits).
 * closing.signature: always the letter's last line (letter-text.ts). A first name only: it is
 * printed in the letter and, for letters Listy posts or keeps, stored with its text.
 */
const PHRASE_ORDER: Record<PhraseSection, readonly string[]> = {
  greeting: ["dear-first-name", "respected", "good-day", "good-day-respectful", "warm-hello", "first-letter", "writing-again", "hope-well", "many-greetings"],
  "about-me": ["introduction", "big-city", "small-town", "village", "school", "retired", "student", "cat", "dog", "learning-language", "family", "guitar"],
  "daily-life": ["cooking", "grandma-recipe", "garden", "tomatoes", "cat-says-hello", "evening-walks", "morning-run", "football", "lakes-memory", "bicycle", "mushrooms", "knitting", "cup-of-tea", "as-usual", "neighbours-children", "new-language"],
  "books-and-culture": ["reading-now", "what-are-you-reading", "poems", "comedy", "classical-music", "concert", "favourite-book", "museum", "library", "song-on-radio", "theatre"],
  "nature-and-seasons": ["season-in-full-swing", "love-this-season", "forest-in-season", "weather-there", "favourite-season", "birds", "storks", "first-snow", "golden-leaves", "starry-sky", "warm-rain", "early-dawns"],
  wishes: ["health", "good-mood", "warm-days", "small-joy", "books-and-letters", "restful-sleep", "warm-thoughts", "sunshine", "inspiration", "peace-of-mind", "kind-people", "we-think-of-you", "people-remember-you", "reasons-to-smile"],
  birthday: ["happy-birthday", "congratulations", "health-warmth-light", "many-cards", "cake-in-your-honour", "new-year-of-life", "we-remember-your-day", "wishes-come-true"],
  holidays: ["congratulations", "warmth-and-joy", "family-gathers", "festive-table", "new-year", "christmas", "two-christmases", "easter", "kupalle", "spring-arrives", "maslenitsa", "women-day", "women-day-spring"],
  closing: ["write-back", "will-write-again", "warm-regards", "hug", "take-care", "waiting-for-news", "until-next-letter", "all-the-best", "all-the-best-respectful", "respect-and-warmth", "signature"],
};

const texts: Record<Language, { phrase: Record<string, Record<string, string>> }> = { be, ru, uk, pl, lt, en };

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

export const phrases: readonly Phrase[] = phraseSections.flatMap((section) =>
  PHRASE_ORDER[section].map((slug) => {
    const raw = {} as RawTexts;
    for (const language of Object.keys(texts) as Language[]) {
      const text = texts[language].phrase[section]?.[slug];
      // The locale check keeps every language complete; a gap here is a broken file, not a choice.
      if (typeof text !== "string") throw new Error(`phrases.json (${language}) has no phrase.${section}.${slug}`);
      raw[language] = text;
    }
    return phrase(section, slug, raw);
  }),
);

/** The signature line, filled with the supporter's first name. */
export const SIGNATURE_PHRASE_ID = "closing.signature";

export const phraseById: ReadonlyMap<string, Phrase> = new Map(phrases.map((p) => [p.id, p]));

export function phrasesInSection(section: PhraseSection): Phrase[] {
  return phrases.filter((p) => p.section === section);
}
