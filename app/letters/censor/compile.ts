// Compiles the lexicon files (lexicon/{ru,be}/<topic>.json and lexicon/safe-{ru,be}.json) into
// look-up tables for Russian and Belarusian letters:
//  - Russian words by their Snowball stem (stemmer-ru.ts): "lemma" and "also" are stemmed;
//    a stem shorter than 4 letters is refused (it would catch unrelated words): such words
//    list their forms in "exact" instead.
//  - Belarusian words by every form of their paradigm (belarusian-forms.ts).
//  - "exact": literal forms; "root": every word beginning with it (at least 5 letters), for word
//    families in which every member is risky (оппозиц-: оппозиция, оппозиционного, оппозиционер).
// Phrases and context rules use "word specs": "свобод*" (a prefix), "вас|вам|вами"
// (alternatives), or a plain word, which matches every word with the same Russian stem or any
// form of the same Belarusian paradigm.
import { formsOf, type BelarusianEntry } from "./belarusian-forms";
import { foldWord } from "./fold";
import { stemRussian } from "./stemmer-ru";
import type { LexiconTopic } from "./topics";

export const MIN_STEM = 4;
export const MIN_ROOT = 5;

export interface WordEntry extends Partial<BelarusianEntry> {
  lemma?: string;
  also?: string[];
  exact?: string[];
  root?: string;
  /** Flagged only when written with a capital letter (Погоня the emblem, not a chase). */
  capital?: boolean;
  /** Flagged only as a proper name: capitalised inside a sentence, or in quotes («Весна», not the season). */
  proper?: boolean;
  /** Context rules (by name) that make this word safe. */
  unless?: string[];
  /** Context rules (by name) without which this word is not flagged. */
  only?: string[];
  note?: string;
}

export interface PhraseEntry {
  words: string[];
  /** "first": flag the first word only (a request to pass something on, not the name after it). */
  flag?: "first" | "all";
  /** How many other words may stand between two words of the phrase (default 0). */
  within?: number;
  /** The phrase must end its clause (punctuation or the end of the text after it): «Мы вместе!», not «мы вместе ходили». */
  end?: boolean;
  unless?: string[];
  only?: string[];
  note?: string;
}

export interface TopicFile {
  topic: LexiconTopic;
  language: "ru" | "be";
  about: string;
  words: (string | WordEntry)[];
  phrases?: PhraseEntry[];
}

export interface ContextRule {
  /** Words within `window` words on either side (same sentence). */
  near?: string[];
  /** Words within `window` words after the flagged word. */
  after?: string[];
  /** Words within `window` words before the flagged word. */
  before?: string[];
  window?: number;
  /** Anywhere in the same sentence. */
  sentence?: string[];
  /** The rule does not apply when any of these is in the sentence. */
  except?: string[];
  note?: string;
}

export interface SafeFile {
  language: "ru" | "be";
  about: string;
  /** Folded whole words never flagged (судно, посуда, протестант). */
  exceptions: string[];
  /** Phrases whose words are never flagged (площадь Свободы, свободное время). */
  phrases: PhraseEntry[];
  contexts: Record<string, ContextRule>;
}

/** What a matched word or phrase means. */
export interface Sense {
  topic: LexiconTopic;
  capital: boolean;
  proper: boolean;
  unless: readonly string[];
  only: readonly string[];
  /** For messages: the entry it came from. */
  source: string;
}

export interface CompiledPhrase {
  words: WordSpec[];
  flagFirst: boolean;
  within: number;
  endsClause: boolean;
  /** null: a safe phrase. */
  sense: Sense | null;
}

export interface CompiledContext {
  near: WordSpec[];
  after: WordSpec[];
  before: WordSpec[];
  window: number;
  sentence: WordSpec[];
  except: WordSpec[];
}

export interface CompiledLexicon {
  exact: Map<string, Sense[]>;
  stems: Map<string, Sense[]>;
  roots: Map<string, Sense[]>;
  exceptions: Set<string>;
  phrases: CompiledPhrase[];
  contexts: Map<string, CompiledContext>;
  /** Entries refused when compiling (a short stem, an unknown context): the lexicon test lists them. */
  problems: string[];
}

/** A word as the matcher sees it. */
export interface WordKeys {
  folded: string;
  stem: string;
  /** Capitalised, and not the first word of a sentence. */
  nameLike?: boolean;
}

/** A phrase or context word: matches a word by prefix, by alternatives, by stem or by form. */
export interface WordSpec {
  /** "^": any capitalised word that does not start a sentence (a name: «передай Коле»). */
  capitalised: boolean;
  /** "#": any number. */
  number: boolean;
  prefixes: string[];
  words: Set<string>;
  stems: Set<string>;
}

export function compileSpec(spec: string): WordSpec {
  const compiled: WordSpec = { capitalised: false, number: false, prefixes: [], words: new Set(), stems: new Set() };
  for (const alternative of spec.split("|")) {
    if (alternative.trim() === "^") {
      compiled.capitalised = true;
      continue;
    }
    if (alternative.trim() === "#") {
      compiled.number = true;
      continue;
    }
    if (alternative.trim().startsWith("=")) {
      compiled.words.add(foldWord(alternative.trim().slice(1)));
      continue;
    }
    const folded = foldWord(alternative.trim());
    if (folded.endsWith("*")) {
      compiled.prefixes.push(folded.slice(0, -1));
    } else if (/^\d+$/u.test(folded) || folded.length <= 3) {
      compiled.words.add(folded);
    } else {
      compiled.words.add(folded);
      compiled.stems.add(stemRussian(folded));
      // A word with и, щ or ъ is Russian only; any other may be Belarusian: add its paradigm.
      if (!/[иъщ]/u.test(alternative.toLowerCase())) {
        for (const form of formsOf({ lemma: alternative.trim().toLowerCase() })) compiled.words.add(form);
      }
    }
  }
  return compiled;
}

export function specMatches(spec: WordSpec, word: WordKeys): boolean {
  if (spec.words.has(word.folded) || spec.stems.has(word.stem)) return true;
  if (spec.capitalised && word.nameLike) return true;
  if (spec.number && /^\d+$/u.test(word.folded)) return true;
  for (const prefix of spec.prefixes) if (word.folded.startsWith(prefix)) return true;
  return false;
}

function push<K>(map: Map<K, Sense[]>, key: K, sense: Sense): void {
  const list = map.get(key);
  if (list) {
    if (!list.some((known) => known.topic === sense.topic && known.source === sense.source)) list.push(sense);
  } else map.set(key, [sense]);
}

export function compileLexicon(files: readonly TopicFile[], safe: readonly SafeFile[]): CompiledLexicon {
  const lexicon: CompiledLexicon = {
    exact: new Map(),
    stems: new Map(),
    roots: new Map(),
    exceptions: new Set(),
    phrases: [],
    contexts: new Map(),
    problems: [],
  };
  const contextNames = new Set(safe.flatMap((file) => Object.keys(file.contexts)));
  const checkContexts = (names: readonly string[] | undefined, where: string) => {
    for (const name of names ?? []) if (!contextNames.has(name)) lexicon.problems.push(`${where}: unknown context "${name}"`);
  };

  for (const file of files) {
    for (const raw of file.words) {
      const entry: WordEntry = typeof raw === "string" ? { lemma: raw } : raw;
      const source = `${file.language}/${file.topic}: ${entry.lemma ?? entry.root ?? entry.exact?.[0] ?? "?"}`;
      checkContexts(entry.unless, source);
      checkContexts(entry.only, source);
      const sense: Sense = { topic: file.topic, capital: entry.capital === true, proper: entry.proper === true, unless: entry.unless ?? [], only: entry.only ?? [], source };
      for (const form of entry.exact ?? []) push(lexicon.exact, foldWord(form), sense);
      if (entry.root !== undefined) {
        const root = foldWord(entry.root);
        if (root.length < MIN_ROOT) lexicon.problems.push(`${source}: root "${root}" is shorter than ${MIN_ROOT} letters`);
        else {
          push(lexicon.roots, root, sense);
          // Belarusian alternates a final т, д or ст before -е (locative, dative): пратэст → на пратэсце.
          if (file.language === "be") for (const alternated of belarusianAlternations(root)) push(lexicon.roots, alternated, sense);
        }
      }
      if (entry.lemma === undefined) continue;
      if (file.language === "ru") {
        for (const word of [entry.lemma, ...(entry.also ?? [])]) {
          const stem = stemRussian(foldWord(word));
          if (stem.length < MIN_STEM) lexicon.problems.push(`${source}: the stem of "${word}" is "${stem}", shorter than ${MIN_STEM} letters: list its forms in "exact"`);
          else push(lexicon.stems, stem, sense);
        }
      } else {
        for (const form of formsOf({ lemma: entry.lemma, paradigm: entry.paradigm, stems: entry.stems, also: entry.also })) push(lexicon.exact, form, sense);
      }
    }
    for (const phrase of file.phrases ?? []) {
      const source = `${file.language}/${file.topic}: «${phrase.words.join(" ")}»`;
      checkContexts(phrase.unless, source);
      checkContexts(phrase.only, source);
      lexicon.phrases.push({
        words: phrase.words.map(compileSpec),
        within: phrase.within ?? 0,
        endsClause: phrase.end === true,
        flagFirst: phrase.flag === "first",
        sense: { topic: file.topic, capital: false, proper: false, unless: phrase.unless ?? [], only: phrase.only ?? [], source },
      });
    }
  }

  for (const file of safe) {
    for (const word of file.exceptions) lexicon.exceptions.add(foldWord(word));
    for (const phrase of file.phrases) lexicon.phrases.push({ words: phrase.words.map(compileSpec), within: phrase.within ?? 0, endsClause: phrase.end === true, flagFirst: false, sense: null });
    for (const [name, rule] of Object.entries(file.contexts)) {
      const specs = (list: string[] | undefined) => (list ?? []).map(compileSpec);
      // The same context may be defined for both languages: their words add up.
      const known = lexicon.contexts.get(name);
      lexicon.contexts.set(name, {
        near: [...(known?.near ?? []), ...specs(rule.near)],
        after: [...(known?.after ?? []), ...specs(rule.after)],
        before: [...(known?.before ?? []), ...specs(rule.before)],
        window: Math.max(known?.window ?? 0, rule.window ?? 3),
        sentence: [...(known?.sentence ?? []), ...specs(rule.sentence)],
        except: [...(known?.except ?? []), ...specs(rule.except)],
      });
    }
  }
  return lexicon;
}

/** The forms a Belarusian root takes before -е: ст → сц, т → ц, д → дз (пратэст- → пратэсце). */
export function belarusianAlternations(root: string): string[] {
  if (root.endsWith("ст")) return [`${root.slice(0, -2)}сц`];
  if (root.endsWith("т")) return [`${root.slice(0, -1)}ц`];
  if (root.endsWith("д")) return [`${root.slice(0, -1)}дз`];
  return [];
}

/** Every sense of one word: by exact form, by Russian stem, by root. */
export function sensesOf(lexicon: CompiledLexicon, word: WordKeys, alternative: string | null): Sense[] {
  const found: Sense[] = [];
  for (const key of alternative && alternative !== word.folded ? [word.folded, alternative] : [word.folded]) {
    found.push(...(lexicon.exact.get(key) ?? []));
  }
  found.push(...(lexicon.stems.get(word.stem) ?? []));
  for (let length = MIN_ROOT; length <= word.folded.length; length++) {
    const senses = lexicon.roots.get(word.folded.slice(0, length));
    if (senses) found.push(...senses);
  }
  return found;
}
