// Turns a list of phrase ids into a letter in the prisoner's letter language (Russian or
// Belarusian) and the same letter in the supporter's language, for the side-by-side view.
// Pure functions, no I/O; it never throws: every problem with the input comes back as a typed
// ComposeProblem so a no-JavaScript form can show it next to the draft.
import { isLanguage, type Language } from "~/i18n";

import {
  HOLIDAY_FORMS,
  SIGNATURE_PHRASE_ID,
  SEASON_FORMS,
  holidays,
  letterLanguages,
  phraseById,
  phraseSections,
  seasons,
  type Gender,
  type GenderedText,
  type Holiday,
  type HolidayForm,
  type HolidayKey,
  type LetterLanguage,
  type Phrase,
  type PhraseSection,
  type Season,
  type SeasonForm,
} from "./phrase-bank";
import { ukrainianPatronymicVocative, vocative, type VocativeSource } from "./vocative";

/** More than this reads like a form letter, and a long letter waits longer at the censor. */
export const MAX_PHRASES = 40;

export interface Recipient {
  /** First name as written in the letter language (Алесь / Алесь, Марыя / Мария). */
  firstName: string;
  /** Patronymic in the letter language, or null when unknown (as for all demo people). */
  patronymic: string | null;
  gender: Gender;
}

/** The name as the supporter should read it, e.g. the Latin spelling for an English reader. */
export interface ReaderName {
  firstName: string;
  patronymic: string | null;
  /** The Cyrillic first name the Polish and Lithuanian vocatives are derived from (Алесь → Alesiu). */
  vocativeSource?: VocativeSource | null;
}

export interface ComposeInput {
  phraseIds: readonly string[];
  letterLanguage: LetterLanguage;
  readerLanguage: Language;
  recipient: Recipient;
  /** Defaults to the season of `today` in Belarus. */
  season?: Season;
  /** Needed only by phrases with {holiday}; without it they say "the holiday" (с праздником). */
  holiday?: Holiday;
  /** The supporter's own words in Russian or Belarusian; validated by the caller, kept verbatim. */
  freeText?: string | null;
  /** Name forms for readerText; defaults to the recipient's letter-language name. */
  readerName?: ReaderName;
  /** Used only to pick the default season; defaults to now. */
  today?: Date;
  /**
   * The supporter's first name for the signature line («С теплом, Аня»), validated by the caller.
   * Given, it adds the signature line to the closing; empty, the line ends at the comma.
   */
  signature?: string | null;
}

export type ComposeProblemCode =
  | "unknown-phrase"
  | "duplicate-phrase"
  | "too-many-phrases"
  | "empty-letter"
  | "missing-first-name"
  | "name-not-cyrillic"
  | "patronymic-unknown"
  | "missing-holiday"
  | "unsupported-letter-language";

export interface ComposeProblem {
  code: ComposeProblemCode;
  /** error: do not send this draft; warning: something was left out or guessed; info: FYI. */
  severity: "error" | "warning" | "info";
  phraseId?: string;
}

export interface ComposedParagraph {
  /** A phrase section, or "free-text" for the supporter's own words (not translated). */
  kind: PhraseSection | "free-text";
  phraseIds: string[];
  letterText: string;
  readerText: string;
}

export interface ComposeResult {
  /** The letter in the letter language: paragraphs separated by a blank line. */
  letterText: string;
  /**
   * The same letter in the reader's language. The free text is included unchanged, in the same
   * place; the paragraph with kind "free-text" in `paragraphs` tells the view which one to label
   * as the supporter's own, untranslated words. Equal to letterText when the languages match.
   */
  readerText: string;
  paragraphs: ComposedParagraph[];
  problems: ComposeProblem[];
  /** The phrase ids actually used, in letter order. */
  usedPhraseIds: string[];
  season: Season;
  /** True when the letter contains the patronymic; false when the first name stood in for it (or none was asked for). */
  patronymicUsed: boolean;
}

// ── seasons ────────────────────────────────────────────────────────────────

/** Belarus keeps UTC+3 all year (no daylight saving since 2011). */
const MINSK_OFFSET_MS = 3 * 60 * 60 * 1000;

/** Meteorological seasons as Belarusians count them: Dec–Feb winter, Mar–May spring, … */
export function seasonForMonth(month: number): Season {
  if (month === 12 || month === 1 || month === 2) return "winter";
  if (month >= 3 && month <= 5) return "spring";
  if (month >= 6 && month <= 8) return "summer";
  return "autumn";
}

/** The season on the calendar in Minsk at `date` (so 28 Feb 22:00 UTC is already spring). */
export function seasonFor(date: Date): Season {
  const minsk = new Date(date.getTime() + MINSK_OFFSET_MS);
  return seasonForMonth(minsk.getUTCMonth() + 1);
}

export function isSeason(value: unknown): value is Season {
  return typeof value === "string" && (seasons as readonly string[]).includes(value);
}

export function isHoliday(value: unknown): value is Holiday {
  return typeof value === "string" && (holidays as readonly string[]).includes(value);
}

/** The holiday's name for a chooser ("Каляды", "Christmas"). */
export function holidayName(holiday: Holiday, language: Language): string {
  return HOLIDAY_FORMS[language][holiday].nom;
}

/** The season's name for a chooser ("вясна", "spring"). */
export function seasonName(season: Season, language: Language): string {
  return SEASON_FORMS[language][season].nom;
}

// ── names ──────────────────────────────────────────────────────────────────

const BELARUSIAN_VOWELS = "аеёіоуыэюя";

export { belarusianVocative } from "./vocative";

/**
 * The respectful form of address: first name and patronymic, or the first name alone when the
 * patronymic is unknown. `patronymicUsed` says which one it was, so the UI can tell the supporter.
 */
export function respectfulName(name: { firstName: string; patronymic: string | null }): { text: string; patronymicUsed: boolean } {
  const first = name.firstName.trim();
  const patronymic = name.patronymic?.trim() ?? "";
  return patronymic ? { text: `${first} ${patronymic}`, patronymicUsed: true } : { text: first, patronymicUsed: false };
}

// ── placeholders ───────────────────────────────────────────────────────────

export const placeholderNames = ["firstName", "firstNameAndPatronymic", "season", "holiday", "signature"] as const;
export type PlaceholderName = (typeof placeholderNames)[number];

const PLACEHOLDER = /\{([A-Za-z]+)(?::([A-Za-z]+))?\}/g;

export interface PlaceholderUse {
  name: string;
  form: string | null;
}

export function placeholdersIn(text: string): PlaceholderUse[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => ({ name: match[1] ?? "", form: match[2] ?? null }));
}

/** Every text of a phrase in one language (both gender forms if it has them). */
export function variantsOf(text: GenderedText): string[] {
  return typeof text === "string" ? [text] : [text.m, text.f];
}

export function phraseUses(phrase: Phrase, name: PlaceholderName): boolean {
  return variantsOf(phrase.text.ru).some((text) => placeholdersIn(text).some((use) => use.name === name));
}

/** The raw text of a phrase for one language and recipient gender, placeholders unfilled. */
export function phraseText(phrase: Phrase, language: Language, gender: Gender): string {
  const text = phrase.text[language];
  return typeof text === "string" ? text : text[gender];
}

export interface RenderContext {
  firstName: string;
  patronymic: string | null;
  gender: Gender;
  season: Season;
  holiday: Holiday | null;
  /** Where the Polish and Lithuanian vocatives come from when `firstName` is a Latin spelling. */
  vocativeSource?: VocativeSource | null;
  /** The supporter's first name for the signature line; empty or absent leaves it unsigned. */
  signature?: string | null;
}

/**
 * Belarusian writes ў for the non-syllabic у after a word ending in a vowel («і ўсё», «вясна ў
 * самым разгары») and у elsewhere. Placeholders change the word before, so the rule is applied
 * after filling them. Only word-initial lower-case у/ў after a plain space are touched.
 */
export function adjustBelarusianU(text: string): string {
  const tokens = text.split(/( +)/);
  for (let index = 2; index < tokens.length; index += 2) {
    const word = tokens[index] ?? "";
    const first = word[0];
    if (first !== "у" && first !== "ў") continue;
    const previous = tokens[index - 2] ?? "";
    const previousLast = previous.slice(-1).toLowerCase();
    tokens[index] = (previousLast !== "" && BELARUSIAN_VOWELS.includes(previousLast) ? "ў" : "у") + word.slice(1);
  }
  return tokens.join("");
}

/**
 * The respectful address in the vocative: Belarusian keeps the nominative with a patronymic
 * (formal letters) and uses the first name's vocative without one; Ukrainian puts both in the
 * vocative (Алесю Віктаравічу); Polish and Lithuanian do not address people by patronymic
 * (Szanowny Panie Alesiu), so the first name's vocative stands alone.
 */
function respectfulVocative(language: Language, context: RenderContext): string {
  const respectful = respectfulName(context);
  const first = vocative(language, context.firstName, context.gender, context.vocativeSource);
  switch (language) {
    case "be":
      return respectful.patronymicUsed ? respectful.text : first;
    case "uk":
      return respectful.patronymicUsed ? `${first} ${ukrainianPatronymicVocative(context.patronymic ?? "", context.gender)}` : first;
    case "pl":
    case "lt":
      return first;
    default:
      return respectful.text;
  }
}

function fill(use: PlaceholderUse, language: Language, context: RenderContext): string | null {
  switch (use.name) {
    case "firstName":
      return use.form === "voc" ? vocative(language, context.firstName, context.gender, context.vocativeSource) : context.firstName.trim();
    case "firstNameAndPatronymic":
      return use.form === "voc" ? respectfulVocative(language, context) : respectfulName(context).text;
    case "season":
      return SEASON_FORMS[language][context.season][(use.form ?? "nom") as SeasonForm] ?? null;
    case "holiday": {
      const key: HolidayKey = context.holiday ?? "generic";
      return HOLIDAY_FORMS[language][key][(use.form ?? "nom") as HolidayForm] ?? null;
    }
    case "signature":
      return (context.signature ?? "").trim();
    default:
      return null;
  }
}

/** One phrase, filled in, as a sentence: first letter upper-case, Belarusian у/ў adjusted. */
export function renderPhrase(phrase: Phrase, language: Language, context: RenderContext): string {
  const raw = phraseText(phrase, language, context.gender);
  // An unknown placeholder or form stays visible rather than vanishing; the tests forbid both.
  // trimEnd: an unsigned signature line ends at its comma («С теплом,»), not in a space.
  const filled = raw.replace(PLACEHOLDER, (token, name: string, form: string | undefined) => fill({ name, form: form ?? null }, language, context) ?? token).trimEnd();
  const sentence = filled.charAt(0).toUpperCase() + filled.slice(1);
  return language === "be" ? adjustBelarusianU(sentence) : sentence;
}

// ── the letter ─────────────────────────────────────────────────────────────

const LATIN = /[A-Za-z]/;

function normaliseFreeText(text: string | null | undefined): string {
  return (text ?? "").replace(/\r\n?/g, "\n").trim();
}

export function composeLetter(input: ComposeInput): ComposeResult {
  const problems: ComposeProblem[] = [];

  let letterLanguage: LetterLanguage = input.letterLanguage;
  if (!letterLanguages.includes(letterLanguage)) {
    problems.push({ code: "unsupported-letter-language", severity: "error" });
    letterLanguage = "ru";
  }
  const readerLanguage: Language = isLanguage(input.readerLanguage) ? input.readerLanguage : letterLanguage;
  const season = isSeason(input.season) ? input.season : seasonFor(input.today ?? new Date());
  const holiday = isHoliday(input.holiday) ? input.holiday : null;

  // Keep the first occurrence of each known id, in the caller's order.
  const chosen: Phrase[] = [];
  const seen = new Set<string>();
  for (const id of input.phraseIds) {
    const phrase = typeof id === "string" ? phraseById.get(id) : undefined;
    if (!phrase) {
      problems.push({ code: "unknown-phrase", severity: "warning", phraseId: String(id) });
    } else if (seen.has(id)) {
      problems.push({ code: "duplicate-phrase", severity: "warning", phraseId: id });
    } else {
      seen.add(id);
      chosen.push(phrase);
    }
  }
  if (chosen.length > MAX_PHRASES) {
    problems.push({ code: "too-many-phrases", severity: "error" });
    chosen.length = MAX_PHRASES;
  }

  const freeText = normaliseFreeText(input.freeText);
  if (chosen.length === 0 && freeText === "") problems.push({ code: "empty-letter", severity: "error" });

  // A typed first name means the writer wants to sign: the signature line is added if it was not
  // picked, and it always ends the letter, whatever order the phrases came in.
  const signature = (input.signature ?? "").trim();
  const signatureLine = phraseById.get(SIGNATURE_PHRASE_ID);
  if (signature !== "" && signatureLine && !seen.has(SIGNATURE_PHRASE_ID) && (chosen.length > 0 || freeText !== "")) chosen.push(signatureLine);
  const signatureIndex = chosen.findIndex((p) => p.id === SIGNATURE_PHRASE_ID);
  if (signatureIndex >= 0) chosen.push(...chosen.splice(signatureIndex, 1));

  const usesName = chosen.some((p) => phraseUses(p, "firstName") || phraseUses(p, "firstNameAndPatronymic"));
  if (usesName && input.recipient.firstName.trim() === "") problems.push({ code: "missing-first-name", severity: "error" });
  if (usesName && LATIN.test(input.recipient.firstName)) problems.push({ code: "name-not-cyrillic", severity: "warning" });
  const wantsPatronymic = chosen.some((p) => phraseUses(p, "firstNameAndPatronymic"));
  const patronymicUsed = respectfulName(input.recipient).patronymicUsed;
  if (wantsPatronymic && !patronymicUsed) problems.push({ code: "patronymic-unknown", severity: "info" });
  if (!holiday) {
    for (const p of chosen) if (phraseUses(p, "holiday")) problems.push({ code: "missing-holiday", severity: "warning", phraseId: p.id });
  }

  // The letter-language name is also where the reader's Polish and Lithuanian vocatives come
  // from, unless the caller names a better source (the Belarusian spelling).
  const vocativeSource: VocativeSource = { firstName: input.recipient.firstName, language: letterLanguage };
  const letterContext: RenderContext = { ...input.recipient, season, holiday, vocativeSource, signature };
  const readerNames = readerLanguage === letterLanguage ? null : input.readerName;
  const readerContext: RenderContext = readerNames
    ? { ...letterContext, firstName: readerNames.firstName, patronymic: readerNames.patronymic, vocativeSource: readerNames.vocativeSource ?? vocativeSource }
    : letterContext;

  const paragraphs: ComposedParagraph[] = [];
  for (const section of phraseSections) {
    if (section === "closing" && freeText !== "") {
      paragraphs.push({ kind: "free-text", phraseIds: [], letterText: freeText, readerText: freeText });
    }
    const inSection = chosen.filter((p) => p.section === section);
    if (inSection.length === 0) continue;
    // Sign-off lines stand one per line; other sections read as one paragraph.
    const separator = section === "closing" ? "\n" : " ";
    paragraphs.push({
      kind: section,
      phraseIds: inSection.map((p) => p.id),
      letterText: inSection.map((p) => renderPhrase(p, letterLanguage, letterContext)).join(separator),
      readerText: inSection.map((p) => renderPhrase(p, readerLanguage, readerContext)).join(separator),
    });
  }

  return {
    letterText: paragraphs.map((p) => p.letterText).join("\n\n"),
    readerText: paragraphs.map((p) => p.readerText).join("\n\n"),
    paragraphs,
    problems,
    usedPhraseIds: paragraphs.flatMap((p) => p.phraseIds),
    season,
    patronymicUsed: wantsPatronymic && patronymicUsed,
  };
}
