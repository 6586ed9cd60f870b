// Censor-risk check for a letter draft: which passages are likely to make a prison censor
// destroy the letter, and why. Pure TypeScript, no server-only imports: the server checks
// every draft, and the browser can run the same code for a live preview.
//
// How it works
//  1. The text is cut into words (letters, digits, apostrophes inside a word). Every word is
//     folded for matching only: lower case, ё→е, ў→у, і→и, Polish and Lithuanian diacritics
//     dropped, and in a word that mixes Cyrillic and Latin letters the Latin look-alikes
//     (a, c, e, i, o, p, x, y…) become Cyrillic, so "Пyтин" typed with a Latin y is still
//     found. Offsets always point into the original text.
//  2. Each word is matched whole against the topic lists (censor-lexicon.ts): stems with a
//     controlled list of endings, so word forms are found (свобода, свободы, свабодзе) but
//     not look-alikes (судно, судьба, посуда). Exceptions are never flagged.
//  3. Phrases: "на волю / на воле" (to freedom) and "Жыве Беларусь" are flagged as a whole;
//     "свободное время", "у вольны час" (free time), "Война и мир", "Великая Отечественная
//     война" and "срок годности" are safe and switch off the flags of their words. Plain
//     "воля" (по своей воле, сила воли) and plain "мир" (peace and world) are never flagged.
//  4. Russian and Belarusian drafts are checked against both lists (people mix the two),
//     and for Latin-script words: any run of two or more Latin letters is a foreign word,
//     except Roman numerals written in capitals (XX, XXI, XIV). Unit abbreviations are NOT
//     exempt: a Russian or Belarusian letter writes км, кг, °С in Cyrillic, and a censor
//     has no reason to tell "kg" from any other foreign word.
//  5. Names of officials and opposition figures are checked in every language and script.
//     `allowNames` lists word forms that are never flagged (the recipient's own name in the
//     greeting); they are compared whole and folded, so pass every form the letter uses
//     (Марыя, Марыі, Калеснікава, Калеснікавай). They do not exempt Latin letters.
//  6. Overlapping flags are merged (the union of their spans, the most serious category
//     first) and the result is sorted by position.
import {
  belarusian,
  english,
  lithuanian,
  names,
  polish,
  russian,
  ukrainian,
  type Lexicon,
  type TopicCategory,
} from "./censor-lexicon";

export type LetterLanguage = "ru" | "be" | "uk" | "pl" | "lt" | "en";

export type CensorCategory = TopicCategory | "names" | "foreign-words";

export interface CensorFlag {
  /** The most serious category of this passage. */
  category: CensorCategory;
  /** Every category found in this passage (after merging), most serious first. */
  categories: CensorCategory[];
  /** Offsets into the original text, in UTF-16 code units: text.slice(start, end) === match. */
  start: number;
  end: number;
  match: string;
  /** "letters:censor.<category>.why": why the passage is risky. */
  explanationKey: string;
  /** "letters:censor.<category>.instead": what to write instead. */
  suggestionKey: string;
}

export interface CheckLetterOptions {
  /** Word forms that are never flagged, e.g. the recipient's own names. */
  allowNames?: readonly string[];
}

/** Most serious first: decides the category of merged passages. */
export const censorCategories: readonly CensorCategory[] = [
  "names",
  "case-and-court",
  "war",
  "protest",
  "politics",
  "freedom-and-struggle",
  "foreign-words",
];

// Literal keys, so that the translation check finds every one of them in code.
export const censorExplanationKeys: Record<CensorCategory, string> = {
  politics: "letters:censor.politics.why",
  "case-and-court": "letters:censor.case-and-court.why",
  war: "letters:censor.war.why",
  protest: "letters:censor.protest.why",
  "freedom-and-struggle": "letters:censor.freedom-and-struggle.why",
  names: "letters:censor.names.why",
  "foreign-words": "letters:censor.foreign-words.why",
};

export const censorSuggestionKeys: Record<CensorCategory, string> = {
  politics: "letters:censor.politics.instead",
  "case-and-court": "letters:censor.case-and-court.instead",
  war: "letters:censor.war.instead",
  protest: "letters:censor.protest.instead",
  "freedom-and-struggle": "letters:censor.freedom-and-struggle.instead",
  names: "letters:censor.names.instead",
  "foreign-words": "letters:censor.foreign-words.instead",
};

/** Plural key ("{{count}} passage may stop this letter"), for t(key, { count }). */
export const censorSummaryKey = "letters:censor.summary";
/** "You can still send it, but it is likely to be destroyed." */
export const censorWarningKey = "letters:censor.warning";

// ---------------------------------------------------------------------------
// Folding

const FOLD: Record<string, string> = {
  ё: "е", ў: "у", і: "и", ї: "и", є: "е", ґ: "г",
  "'": "", "’": "", "ʼ": "", "`": "",
  ą: "a", ć: "c", ę: "e", ł: "l", ń: "n", ó: "o", ś: "s", ź: "z", ż: "z",
  č: "c", ė: "e", į: "i", š: "s", ų: "u", ū: "u", ž: "z",
};

// Latin letters that look like Cyrillic ones (after lower-casing), for mixed-script words.
const LOOKALIKE: Record<string, string> = {
  a: "а", c: "с", e: "е", i: "и", o: "о", p: "р", x: "х", y: "у", k: "к", m: "м", t: "т", h: "н", b: "в",
};

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/** The form of a word used for matching (never shown). */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  const mixed = CYRILLIC.test(lower) && LATIN.test(lower);
  let out = "";
  for (const ch of lower) {
    const folded = FOLD[ch] ?? ch;
    out += mixed ? (LOOKALIKE[folded] ?? folded) : folded;
  }
  return out;
}

/** Folds a pattern source: only letters change, so the regular-expression syntax survives. */
function foldPattern(source: string): string {
  let out = "";
  for (const ch of source) out += FOLD[ch] ?? ch;
  // Plain groups become non-capturing, so the category groups below keep their numbers.
  // "\p{L}" becomes ".": a pattern only ever sees one word, which holds nothing but letters
  // (and digits), and a Unicode letter class repeated in hundreds of patterns would make the
  // first check take a quarter of a second to compile.
  return out.replace(/\((?!\?)/g, "(?:").replaceAll("\\p{L}", ".");
}

function wholeWord(patterns: readonly string[]): RegExp {
  return new RegExp(`^(?:${patterns.map(foldPattern).join("|")})$`, "u");
}

// ---------------------------------------------------------------------------
// Compiled lists

const topicCategories: readonly TopicCategory[] = ["case-and-court", "war", "protest", "politics", "freedom-and-struggle"];

interface CompiledPhrase {
  words: RegExp[];
  category: TopicCategory | "safe";
}

interface Compiled {
  /** One group per topic category, in `topicCategories` order. */
  topics: RegExp;
  exceptions: RegExp;
  phrases: CompiledPhrase[];
  /** Any phrase's first word: a quick test before trying the phrases. */
  phraseStart: RegExp;
  foreignWords: boolean;
}

function compile(lexicons: readonly Lexicon[], foreignWords: boolean): Compiled {
  const groups = topicCategories.map(
    (category) => `(${lexicons.flatMap((lexicon) => lexicon.words[category]).map(foldPattern).join("|")})`,
  );
  const phrases = lexicons.flatMap((lexicon) =>
    lexicon.phrases.map((phrase) => ({ words: phrase.words.map((word) => wholeWord([word])), category: phrase.category })),
  );
  const exceptions = lexicons.flatMap((lexicon) => lexicon.exceptions);
  return {
    topics: new RegExp(`^(?:${groups.join("|")})$`, "u"),
    // An empty alternation would match the empty string only, which no word is.
    exceptions: wholeWord(exceptions.length > 0 ? exceptions : ["(?!)"]),
    phrases,
    phraseStart: wholeWord(lexicons.flatMap((lexicon) => lexicon.phrases.map((phrase) => phrase.words[0] ?? "(?!)"))),
    foreignWords,
  };
}

let compiledNamesCache: { any: RegExp; capitalOnly: RegExp } | null = null;

function compiledNames(): { any: RegExp; capitalOnly: RegExp } {
  compiledNamesCache ??= {
    any: wholeWord(names.filter((entry) => !entry.capitalOnly).flatMap((entry) => entry.patterns)),
    capitalOnly: wholeWord(names.filter((entry) => entry.capitalOnly).flatMap((entry) => entry.patterns)),
  };
  return compiledNamesCache;
}

const compiledByLanguage = new Map<LetterLanguage, Compiled>();

/** Compiled on first use for each language, so that importing the module costs nothing. */
function compiledFor(language: LetterLanguage): Compiled {
  let compiled = compiledByLanguage.get(language);
  if (!compiled) {
    compiled =
      language === "ru" || language === "be"
        ? (compiledByLanguage.get(language === "ru" ? "be" : "ru") ?? compile([russian, belarusian], true))
        : compile([{ uk: ukrainian, pl: polish, lt: lithuanian, en: english }[language]], false);
    compiledByLanguage.set(language, compiled);
  }
  return compiled;
}

// ---------------------------------------------------------------------------
// The check

const WORD = /[\p{L}\p{M}\p{Nd}]+(?:['’ʼ][\p{L}\p{M}\p{Nd}]+)*/gu;
/** What may separate the words of a phrase: spaces, hyphens and dashes, a dot ("ст. 342"), "№". */
const PHRASE_GAP = /^[\s\-‐‑–—.№]{1,5}$/u;
const LATIN_RUN = /\p{Script=Latin}{2,}/gu;
const ROMAN_NUMERAL = /^(?=[MDCLXVI])M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

interface Word {
  start: number;
  end: number;
  raw: string;
  folded: string;
}

interface Span {
  start: number;
  end: number;
  category: CensorCategory;
}

const allCategories = new Set<string>(censorCategories);

function isLetterLanguage(value: unknown): value is LetterLanguage {
  return value === "ru" || value === "be" || value === "uk" || value === "pl" || value === "lt" || value === "en";
}

function isCapitalised(word: string): boolean {
  const first = String.fromCodePoint(word.codePointAt(0) ?? 32);
  return first !== first.toLowerCase();
}

/**
 * Passages of a letter draft that a prison censor is likely to object to, sorted by
 * position. `language` is the language the draft is written in; an unknown value is
 * treated as Russian. Never throws.
 */
export function checkLetter(text: string, language: LetterLanguage, options: CheckLetterOptions = {}): CensorFlag[] {
  if (typeof text !== "string" || text.length === 0) return [];
  try {
    return findFlags(text, isLetterLanguage(language) ? language : "ru", options);
  } catch {
    // A bug here must not stop anyone from writing a letter: the check is advice.
    return [];
  }
}

function findFlags(text: string, language: LetterLanguage, options: CheckLetterOptions): CensorFlag[] {
  const lists = compiledFor(language);
  const allowed = new Set<string>();
  for (const name of options.allowNames ?? []) {
    if (typeof name !== "string") continue;
    for (const match of name.matchAll(WORD)) allowed.add(foldWord(match[0]));
  }

  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    words.push({ start, end: start + match[0].length, raw: match[0], folded: foldWord(match[0]) });
  }

  const spans: Span[] = [];
  const safe = new Uint8Array(words.length);

  // Phrases first: safe ones switch off the flags of their words.
  for (let i = 0; i < words.length; i++) {
    if (!lists.phraseStart.test(words[i]?.folded ?? "")) continue;
    for (const phrase of lists.phrases) {
      const length = phraseLengthAt(words, i, phrase, text);
      if (length === 0) continue;
      if (phrase.category === "safe") safe.fill(1, i, i + length);
      else spans.push({ start: words[i]?.start ?? 0, end: words[i + length - 1]?.end ?? 0, category: phrase.category });
    }
  }

  // Then every word on its own; the same word is usually met many times, so remember it.
  const seen = new Map<string, CensorCategory | null>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word || safe[i] || allowed.has(word.folded)) continue;
    const key = isCapitalised(word.raw) ? `^${word.folded}` : word.folded;
    let category = seen.get(key);
    if (category === undefined) {
      category = classify(word, lists);
      seen.set(key, category);
    }
    if (category) spans.push({ start: word.start, end: word.end, category });
  }

  if (lists.foreignWords) {
    for (const match of text.matchAll(LATIN_RUN)) {
      if (ROMAN_NUMERAL.test(match[0])) continue;
      const start = match.index ?? 0;
      spans.push({ start, end: start + match[0].length, category: "foreign-words" });
    }
  }

  return merge(spans, text);
}

function classify(word: Word, lists: Compiled): CensorCategory | null {
  const folded = word.folded;
  if (lists.exceptions.test(folded)) return null;
  const people = compiledNames();
  if (people.any.test(folded)) return "names";
  if (isCapitalised(word.raw) && people.capitalOnly.test(folded)) return "names";
  const match = lists.topics.exec(folded);
  if (!match) return null;
  for (let group = 1; group < match.length; group++) {
    if (match[group] !== undefined) return topicCategories[group - 1] ?? null;
  }
  return null;
}

/** How many words the phrase covers when it starts at word i (0: it does not). */
function phraseLengthAt(words: readonly Word[], i: number, phrase: CompiledPhrase, text: string): number {
  for (let k = 0; k < phrase.words.length; k++) {
    const word = words[i + k];
    if (!word || !phrase.words[k]?.test(word.folded)) return 0;
    if (k > 0) {
      const previous = words[i + k - 1];
      if (!previous || !PHRASE_GAP.test(text.slice(previous.end, word.start))) return 0;
    }
  }
  return phrase.words.length;
}

function rank(category: CensorCategory): number {
  return censorCategories.indexOf(category);
}

function merge(spans: Span[], text: string): CensorFlag[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number; categories: Set<CensorCategory> }[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      last.categories.add(span.category);
    } else {
      merged.push({ start: span.start, end: span.end, categories: new Set([span.category]) });
    }
  }
  return merged.map(({ start, end, categories }) => {
    const sorted = [...categories].filter((category) => allCategories.has(category)).sort((a, b) => rank(a) - rank(b));
    const category = sorted[0] ?? "politics";
    return {
      category,
      categories: sorted,
      start,
      end,
      match: text.slice(start, end),
      explanationKey: censorExplanationKeys[category],
      suggestionKey: censorSuggestionKeys[category],
    };
  });
}
