// Censor-risk check for a letter draft: which passages are likely to make a prison censor
// destroy the letter, and why. Runs on the server only (the lexicon is not sent to browsers).
//
// How it works (docs/decisions/0014-censor-morphology.md)
//  1. The text is cut into words and sentences; every word is folded (censor/fold.ts).
//  2. Russian and Belarusian letters (people mix the two) are checked against the lexicon
//     (censor/lexicon/{ru,be}/<topic>.json): Russian words by their Snowball stem, Belarusian
//     words by every form of their paradigm, word families by their root (censor/compile.ts).
//  3. Phrases: risky ones (измена государству, вы не одни) are flagged as a whole; safe ones
//     (площадь Свободы, свободное время, Великая Отечественная война) switch off their words.
//     Context rules (censor/lexicon/safe-*.json) make a word safe beside certain words
//     (суда beside a ship, освободилась beside «пораньше») or risky only beside them
//     (выпустят beside a person).
//  4. Hidden content: runs of five or more digits (censor/hidden-content.ts).
//  5. Names (censor/people.ts): the public figures of lexicon/names.json and, when the caller
//     passes `people`, everyone with a published profile or an official's entry on Listy,
//     except `exceptPersonId` (the recipient). `allowNames` lists word forms never flagged.
//  6. In Russian and Belarusian letters any run of two or more Latin letters is a foreign word
//     (Roman numerals in capitals excepted). Ukrainian, Polish, Lithuanian and English drafts
//     are checked against their own lists (lexicon/{uk,pl,lt,en}.json).
//  7. Overlapping flags are merged (the most serious topic first) and sorted by position.
import {
  compileLexicon,
  compileSpec,
  sensesOf,
  specMatches,
  type CompiledContext,
  type CompiledLexicon,
  type Sense,
  type WordKeys,
  type WordSpec,
} from "./censor/compile";
import { foldChar, foldTaraskievica, foldWord, isCapitalised } from "./censor/fold";
import { findDigitRuns } from "./censor/hidden-content";
import { commonSurnames, patternLexicons, publicFigures, safeFiles, topicFiles } from "./censor/lexicon";
import { buildPeopleIndex, findPeople, mergePeopleIndexes, type PeopleIndex } from "./censor/people";
import { stemRussian } from "./censor/stemmer-ru";
import { censorCategories, censorExplanationKeys, censorSuggestionKeys, type CensorCategory } from "./censor/topics";

export { censorCategories, censorExplanationKeys, censorSuggestionKeys, foldWord };
export type { CensorCategory, PeopleIndex };

export type LetterLanguage = "ru" | "be" | "uk" | "pl" | "lt" | "en";

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
  /** Everyone Listy knows (censor-people.server.ts); the public figures of names.json are always checked. */
  people?: PeopleIndex;
  /** The recipient: their names, in every script and form, are no risk. */
  exceptPersonId?: string | null;
}

/** Plural key ("{{count}} passage may stop this letter"), for t(key, { count }). */
export const censorSummaryKey = "letters:censor.summary";
/** "You can still send it, but it is likely to be destroyed." */
export const censorWarningKey = "letters:censor.warning";

// ---------------------------------------------------------------------------
// Compiled lists, on first use

let compiledLexicon: CompiledLexicon | null = null;
function lexicon(): CompiledLexicon {
  compiledLexicon ??= compileLexicon(topicFiles, safeFiles);
  return compiledLexicon;
}

/** Entries the compiler refused (for the lexicon test). */
export function lexiconProblems(): string[] {
  return lexicon().problems;
}

let builtInPeople: PeopleIndex | null = null;
function publicFigureIndex(): PeopleIndex {
  builtInPeople ??= buildPeopleIndex(
    publicFigures.people.flatMap((person) =>
      person.names.map(([givenName, familyName]) => ({ personId: person.id, kind: person.kind, givenName, familyName, gender: person.gender })),
    ),
    commonSurnames,
  );
  return builtInPeople;
}

const mergedPeople = new WeakMap<PeopleIndex, PeopleIndex>();
function peopleFor(options: CheckLetterOptions): PeopleIndex {
  const extra = options.people;
  if (!extra) return publicFigureIndex();
  let merged = mergedPeople.get(extra);
  if (!merged) {
    merged = mergePeopleIndexes(publicFigureIndex(), extra);
    mergedPeople.set(extra, merged);
  }
  return merged;
}

interface PatternCompiled {
  topics: RegExp;
  groups: string[];
  exceptions: RegExp;
  phrases: { words: RegExp[]; category: string }[];
}

const patternCache = new Map<string, PatternCompiled>();

function foldPattern(source: string): string {
  let out = "";
  for (const ch of source) out += foldChar(ch);
  return out.replace(/\((?!\?)/g, "(?:").replaceAll("\\p{L}", ".");
}

function wholeWord(patterns: readonly string[]): RegExp {
  return new RegExp(`^(?:${patterns.length > 0 ? patterns.map(foldPattern).join("|") : "(?!)"})$`, "u");
}

function patternsFor(language: "uk" | "pl" | "lt" | "en"): PatternCompiled {
  let compiled = patternCache.get(language);
  if (!compiled) {
    const source = patternLexicons[language];
    const groups = Object.keys(source.patterns);
    compiled = {
      topics: new RegExp(`^(?:${groups.map((group) => `(${(source.patterns[group] ?? []).map(foldPattern).join("|") || "(?!)"})`).join("|")})$`, "u"),
      groups,
      exceptions: wholeWord(source.exceptions),
      phrases: source.phrases.map((phrase) => ({ words: phrase.words.map((word) => wholeWord([word])), category: phrase.category })),
    };
    patternCache.set(language, compiled);
  }
  return compiled;
}

// ---------------------------------------------------------------------------
// The check

const WORD = /[\p{L}\p{M}\p{Nd}]+(?:['’ʼ][\p{L}\p{M}\p{Nd}]+)*/gu;
/** What may separate adjacent words of a phrase: spaces, hyphens and dashes, a dot ("ст. 342"), "№", a comma. */
const PHRASE_GAP = /^[\s\-‐‑–—.,№:«»"„“”]{1,6}$/u;
const SENTENCE_END = /[.!?…;\n]/u;
/** What may follow a phrase that must end its clause: punctuation, a dash, or nothing. */
const CLAUSE_END = /^\s*(?:$|[.,!?…;:—–)»"”\n-])/u;
const LATIN_RUN = /\p{Script=Latin}{2,}/gu;
const ROMAN_NUMERAL = /^(?=[MDCLXVI])M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

interface Word extends WordKeys {
  start: number;
  end: number;
  raw: string;
  capitalised: boolean;
  sentence: number;
}

interface Span {
  start: number;
  end: number;
  category: CensorCategory;
}

function isLetterLanguage(value: unknown): value is LetterLanguage {
  return value === "ru" || value === "be" || value === "uk" || value === "pl" || value === "lt" || value === "en";
}

/**
 * Passages of a letter draft that a prison censor is likely to object to, sorted by
 * position. `language` is the language the draft is written in; an unknown value is
 * treated as Russian. Never throws.
 */
export function checkLetter(text: string, language: LetterLanguage, options: CheckLetterOptions = {}): CensorFlag[] {
  if (typeof text !== "string" || text.length === 0) return [];
  try {
    return findFlags(text, isLetterLanguage(language) ? language : "ru", options ?? {});
  } catch {
    // A bug here must not stop anyone from writing a letter: the check is advice.
    return [];
  }
}

const foldCache = new Map<string, { folded: string; stem: string }>();

function foldAndStem(raw: string): { folded: string; stem: string } {
  let keys = foldCache.get(raw);
  if (!keys) {
    const folded = foldWord(raw);
    keys = { folded, stem: stemRussian(folded) };
    if (foldCache.size > 100_000) foldCache.clear();
    foldCache.set(raw, keys);
  }
  return keys;
}

function splitWords(text: string): Word[] {
  const words: Word[] = [];
  let sentence = 0;
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    const raw = match[0];
    const capitalised = isCapitalised(raw);
    let quoted = false;
    // Most gaps are one space: nothing to learn from them.
    if (words.length === 0 || start - previousEnd !== 1 || text[previousEnd] !== " ") {
      const gap = text.slice(previousEnd, start);
      // A sentence ends at . ! ? … ; or a line break, unless a dot is followed by a lower-case word or a number ("ст. 342").
      if (words.length > 0 && SENTENCE_END.test(gap) && !(/^[^!?…;\n]*\.[^!?…;\n]*$/u.test(gap) && !capitalised)) sentence++;
      quoted = /[«"„“]\s*$/u.test(gap);
    }
    const startsSentence = words.length === 0 || words[words.length - 1]!.sentence !== sentence;
    const { folded, stem } = foldAndStem(raw);
    words.push({ start, end: start + raw.length, raw, folded, stem, capitalised, nameLike: capitalised && (!startsSentence || quoted), sentence });
    previousEnd = start + raw.length;
  }
  return words;
}

/** Whether any of the specs matches the word, remembered per word form (contexts are asked often). */
const specCache = new WeakMap<readonly WordSpec[], Map<string, boolean>>();
function anySpecMatches(specs: readonly WordSpec[], word: Word): boolean {
  let cache = specCache.get(specs);
  if (!cache) {
    cache = new Map();
    specCache.set(specs, cache);
  }
  const key = word.nameLike ? `^${word.folded}` : word.folded;
  let result = cache.get(key);
  if (result === undefined) {
    result = specs.some((spec) => specMatches(spec, word));
    if (cache.size > 50_000) cache.clear();
    cache.set(key, result);
  }
  return result;
}

function findFlags(text: string, language: LetterLanguage, options: CheckLetterOptions): CensorFlag[] {
  const allowed = new Set<string>();
  for (const name of options.allowNames ?? []) {
    if (typeof name !== "string") continue;
    for (const match of name.matchAll(WORD)) allowed.add(foldWord(match[0]));
  }
  const words = splitWords(text);
  const spans: Span[] = [];

  // Names, in every language.
  for (const i of findPeople(words, peopleFor(options), options.exceptPersonId ?? null)) {
    const word = words[i];
    if (word && !allowed.has(word.folded)) spans.push({ start: word.start, end: word.end, category: "names" });
  }

  if (language === "ru" || language === "be") {
    checkRussianOrBelarusian(text, words, allowed, spans);
    for (const run of findDigitRuns(text)) spans.push({ start: run.start, end: run.end, category: "hidden-messages" });
    for (const match of text.matchAll(LATIN_RUN)) {
      if (ROMAN_NUMERAL.test(match[0])) continue;
      const start = match.index ?? 0;
      spans.push({ start, end: start + match[0].length, category: "foreign-words" });
    }
  } else {
    checkByPatterns(text, words, allowed, language, spans);
  }
  return merge(spans, text);
}

/** Where each word's sentence starts and ends (word indexes), computed once per check. */
interface Sentences {
  start: Int32Array;
  end: Int32Array;
}

function sentenceBounds(words: readonly Word[]): Sentences {
  const start = new Int32Array(words.length);
  const end = new Int32Array(words.length);
  let first = 0;
  for (let i = 0; i <= words.length; i++) {
    if (i === words.length || (i > 0 && words[i]!.sentence !== words[i - 1]!.sentence)) {
      for (let j = first; j < i; j++) {
        start[j] = first;
        end[j] = i - 1;
      }
      first = i;
    }
  }
  return { start, end };
}

function contextHolds(context: CompiledContext, words: readonly Word[], sentences: Sentences, i: number, length: number): boolean {
  const sentenceStart = sentences.start[i] ?? i;
  const sentenceEnd = Math.max(sentences.end[i + length - 1] ?? i, i);
  const any = (specs: readonly WordSpec[], from: number, to: number) => {
    for (let j = Math.max(from, sentenceStart); j <= Math.min(to, sentenceEnd); j++) {
      if (j >= i && j < i + length) continue;
      const word = words[j];
      if (word && anySpecMatches(specs, word)) return true;
    }
    return false;
  };
  if (context.except.length > 0 && any(context.except, sentenceStart, sentenceEnd)) return false;
  const w = context.window;
  return (
    (context.near.length > 0 && any(context.near, i - w, i + length - 1 + w)) ||
    (context.after.length > 0 && any(context.after, i + length, i + length - 1 + w)) ||
    (context.before.length > 0 && any(context.before, i - w, i - 1)) ||
    (context.sentence.length > 0 && any(context.sentence, sentenceStart, sentenceEnd))
  );
}

/** Whether a sense applies at words[i … i+length-1], given its context rules. */
function applies(sense: Sense, lists: CompiledLexicon, words: readonly Word[], sentences: Sentences, i: number, length: number): boolean {
  for (const name of sense.unless) {
    const context = lists.contexts.get(name);
    if (context && contextHolds(context, words, sentences, i, length)) return false;
  }
  for (const name of sense.only) {
    const context = lists.contexts.get(name);
    if (!context || !contextHolds(context, words, sentences, i, length)) return false;
  }
  return true;
}

/** How many words a phrase covers starting at word i (0: it does not match), and the word indexes. */
function phraseAt(words: readonly Word[], i: number, phrase: { words: WordSpec[]; within: number; endsClause: boolean }, text: string): number[] | null {
  const matched: number[] = [];
  let j = i;
  for (let k = 0; k < phrase.words.length; k++) {
    const spec = phrase.words[k]!;
    let found = -1;
    const last = k === 0 ? j : Math.min(j + phrase.within, words.length - 1);
    for (let candidate = j; candidate <= last; candidate++) {
      const word = words[candidate];
      if (!word) break;
      if (k > 0) {
        const previous = words[candidate - 1]!;
        if (word.sentence !== words[i]!.sentence) break;
        if (phrase.within === 0 && !PHRASE_GAP.test(text.slice(previous.end, word.start))) break;
      }
      if (specMatches(spec, word)) {
        found = candidate;
        break;
      }
    }
    if (found < 0) return null;
    matched.push(found);
    j = found + 1;
  }
  if (phrase.endsClause) {
    const end = words[matched[matched.length - 1]!]!.end;
    if (!CLAUSE_END.test(text.slice(end, end + 3))) return null;
  }
  return matched;
}

/** Per folded word: the phrases it can start, and its senses (words repeat: a letter is checked once). */
interface WordInfo {
  phrases: number[];
  senses: Sense[];
}
const wordInfoCache = new Map<string, WordInfo>();

function wordInfo(lists: CompiledLexicon, word: Word): WordInfo {
  const key = word.nameLike ? `^${word.folded}` : word.folded;
  let info = wordInfoCache.get(key);
  if (!info) {
    const phrases: number[] = [];
    lists.phrases.forEach((phrase, p) => {
      if (specMatches(phrase.words[0]!, word)) phrases.push(p);
    });
    const alternative = word.folded.includes("ь") ? foldTaraskievica(word.folded) : null;
    info = { phrases, senses: sensesOf(lists, word, alternative) };
    if (wordInfoCache.size > 100_000) wordInfoCache.clear();
    wordInfoCache.set(key, info);
  }
  return info;
}

function checkRussianOrBelarusian(text: string, words: readonly Word[], allowed: ReadonlySet<string>, spans: Span[]): void {
  const lists = lexicon();
  const safe = new Uint8Array(words.length);
  const sentences = sentenceBounds(words);
  const infos = words.map((word) => wordInfo(lists, word));

  // Safe phrases first: a word in one («срок годности», «фронт работ») starts or joins no risky phrase.
  const risky: { i: number; matched: number[]; sense: Sense; flagFirst: boolean }[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const p of infos[i]!.phrases) {
      const phrase = lists.phrases[p]!;
      const matched = phraseAt(words, i, phrase, text);
      if (!matched) continue;
      if (phrase.sense === null) for (const index of matched) safe[index] = 1;
      else risky.push({ i, matched, sense: phrase.sense, flagFirst: phrase.flagFirst });
    }
  }
  for (const { i, matched, sense, flagFirst } of risky) {
    if (matched.some((index) => safe[index])) continue;
    const last = matched[matched.length - 1]!;
    if (!applies(sense, lists, words, sentences, i, last - i + 1)) continue;
    spans.push({ start: words[i]!.start, end: flagFirst ? words[i]!.end : words[last]!.end, category: sense.topic });
  }

  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (safe[i] || allowed.has(word.folded) || lists.exceptions.has(word.folded)) continue;
    for (const sense of infos[i]!.senses) {
      if (sense.capital && !word.capitalised) continue;
      if (sense.proper && !word.nameLike) continue;
      if (!applies(sense, lists, words, sentences, i, 1)) continue;
      spans.push({ start: word.start, end: word.end, category: sense.topic });
    }
  }
}

function checkByPatterns(text: string, words: readonly Word[], allowed: ReadonlySet<string>, language: "uk" | "pl" | "lt" | "en", spans: Span[]): void {
  const lists = patternsFor(language);
  const safe = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i++) {
    for (const phrase of lists.phrases) {
      let length = 0;
      for (let k = 0; k < phrase.words.length; k++) {
        const word = words[i + k];
        if (!word || !phrase.words[k]!.test(word.folded)) break;
        if (k > 0 && !PHRASE_GAP.test(text.slice(words[i + k - 1]!.end, word.start))) break;
        length = k + 1;
      }
      if (length !== phrase.words.length) continue;
      if (phrase.category === "safe") safe.fill(1, i, i + length);
      else if (isCategory(phrase.category)) spans.push({ start: words[i]!.start, end: words[i + length - 1]!.end, category: phrase.category });
    }
  }
  const seen = new Map<string, CensorCategory | null>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (safe[i] || allowed.has(word.folded)) continue;
    let category = seen.get(word.folded);
    if (category === undefined) {
      category = null;
      if (!lists.exceptions.test(word.folded)) {
        const match = lists.topics.exec(word.folded);
        if (match) {
          for (let group = 1; group < match.length; group++) {
            const name = lists.groups[group - 1];
            if (match[group] !== undefined && name && isCategory(name)) {
              category = name;
              break;
            }
          }
        }
      }
      seen.set(word.folded, category);
    }
    if (category) spans.push({ start: word.start, end: word.end, category });
  }
}

const allCategories = new Set<string>(censorCategories);
function isCategory(value: string): value is CensorCategory {
  return allCategories.has(value);
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
    const sorted = [...categories].sort((a, b) => rank(a) - rank(b));
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

/** A phrase or context word spec, compiled: exported for the lexicon tests. */
export { compileSpec };
