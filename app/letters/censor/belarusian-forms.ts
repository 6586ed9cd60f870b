// Every form of a Belarusian lexicon entry, from the endings tables (belarusian-endings.ts).
// The check then matches a word by exact look-up in the set of forms: nothing is guessed
// beyond what the paradigm gives. The paradigm is read from the lemma's ending unless the
// entry names one; stems that alternate (вайна → войны, выпусціць → выпушчу) are given
// by the entry, and the usual 1sg mutations (сц→шч, дз→дж, з→ж, с→ш, ц→ч) are added.
import {
  DATIVE_MUTATIONS,
  DERIVATIONS,
  PARADIGMS,
  REFLEXIVE,
  type BelarusianParadigm,
  type EndingSlot,
} from "./belarusian-endings";
import { foldWord } from "./fold";

export interface BelarusianEntry {
  lemma: string;
  paradigm?: BelarusianParadigm;
  /** Stem variants: "pl" (вайна → войн-), "1sg" (выпусціць → выпушч-), "part" (participle stem). */
  stems?: { pl?: string; "1sg"?: string; part?: string };
  /** Literal forms the paradigm does not give. */
  also?: readonly string[];
}

interface Analysis {
  paradigm: BelarusianParadigm;
  base: string;
  reflexive: boolean;
}

const CONSONANT = /[бвгджзйклмнпрстфхцчшщў]$/u;

/** The paradigm a lemma's ending implies (the entry may override it). */
export function analyseLemma(lemma: string): Analysis {
  const word = lemma.toLowerCase();
  if (lemma.length > 1 && lemma === lemma.toUpperCase()) return { paradigm: "indeclinable", base: word, reflexive: false };
  if (word.endsWith("цца")) {
    const plain = analyseLemma(`${word.slice(0, -3)}ць`);
    return { ...plain, reflexive: true };
  }
  if (/[ая]ваць$/u.test(word)) return { paradigm: "verb-1-uj", base: word.slice(0, -2), reflexive: false };
  if (/[ыі]ць$/u.test(word)) return { paradigm: "verb-2", base: word.slice(0, -3), reflexive: false };
  if (/[аяеэ]ць$/u.test(word)) return { paradigm: "verb-1", base: word.slice(0, -2), reflexive: false };
  if (word.endsWith("сць")) return { paradigm: "noun-f-3", base: word.slice(0, -2), reflexive: false };
  if (/[ыі]я$/u.test(word)) return { paradigm: "noun-f-ija", base: word.slice(0, -1), reflexive: false };
  if (word.endsWith("я")) return { paradigm: "noun-f-soft", base: word.slice(0, -1), reflexive: false };
  if (word.endsWith("а")) return { paradigm: "noun-f-a", base: word.slice(0, -1), reflexive: false };
  if (/([бвгджзклмнпрстфхцчш])\1[её]$/u.test(word) || /(ддз|ццё)[её]?$/u.test(word)) return { paradigm: "noun-n-nne", base: word.slice(0, -1), reflexive: false };
  if (/[ыі]$/u.test(word)) return { paradigm: "adj-long", base: word.slice(0, -1), reflexive: false };
  if (/[ьй]$/u.test(word)) return { paradigm: "noun-m-soft", base: word.slice(0, -1), reflexive: false };
  if (/[оеё]$/u.test(word)) return { paradigm: "noun-m-zero", base: word.slice(0, -1), reflexive: false };
  return { paradigm: "noun-m-zero", base: word, reflexive: false };
}

/** The 1sg stems of a second-conjugation verb: the stem itself and its mutation (выпусц → выпушч). */
function firstPersonStems(base: string): string[] {
  const stems = [base];
  const rules: [RegExp, string][] = [
    [/сц$/u, "шч"],
    [/зд$/u, "ждж"],
    [/дз$/u, "дж"],
    [/ц$/u, "ч"],
    [/з$/u, "ж"],
    [/с$/u, "ш"],
    [/([бпвмф])$/u, "$1л"],
  ];
  for (const [pattern, replacement] of rules) {
    if (pattern.test(base)) {
      stems.push(base.replace(pattern, replacement));
      break;
    }
  }
  return stems;
}

function mutate(stem: string): string {
  const last = stem.slice(-1);
  const mutation = DATIVE_MUTATIONS[last];
  return mutation ? stem.slice(0, -1) + mutation : stem;
}

function addSlots(forms: Set<string>, slots: readonly EndingSlot[], stems: Record<EndingSlot["stem"], readonly string[]>): void {
  for (const slot of slots) {
    for (const stem of stems[slot.stem]) {
      for (const ending of slot.endings) forms.add(foldWord(stem + ending));
    }
  }
}

/** Every folded form of the entry (the lemma included). */
export function formsOf(entry: BelarusianEntry): Set<string> {
  const analysis = analyseLemma(entry.lemma);
  const paradigm = entry.paradigm ?? analysis.paradigm;
  const base = analysis.base;
  const given = entry.stems ?? {};
  const firstPerson = given["1sg"] ? [given["1sg"]] : paradigm === "verb-1-uj" ? [base.replace(/[ая]ва$/u, (m) => (m[0] === "я" ? "ю" : "у"))] : firstPersonStems(base);
  const stems: Record<EndingSlot["stem"], readonly string[]> = {
    base: [base],
    pl: [given.pl ?? base],
    "1sg": firstPerson,
    // Masculine nouns on г, к, х take -у in the locative (у танку, у палку), never the
    // mutation: without this «танк» would give «танцы» (dances).
    mutated: paradigm === "noun-m-zero" && /[гкх]$/u.test(base) ? [] : [mutate(base), base],
  };
  const forms = new Set<string>([foldWord(entry.lemma)]);
  if (paradigm === "verb-1" || paradigm === "verb-1-uj" || paradigm === "verb-2") {
    addSlots(forms, analysis.reflexive ? REFLEXIVE[paradigm] : PARADIGMS[paradigm], stems);
    const participleStems = given.part ? [given.part] : firstPerson;
    for (const derivation of DERIVATIONS[paradigm]) {
      for (const stem of derivation.stem === "base" ? [base] : participleStems) {
        const derived = stem + derivation.suffix;
        addSlots(forms, PARADIGMS[derivation.paradigm], { base: [derived], pl: [derived], "1sg": [derived], mutated: [derived] });
      }
    }
  } else {
    addSlots(forms, PARADIGMS[paradigm], stems);
  }
  for (const form of entry.also ?? []) forms.add(foldWord(form));
  forms.delete("");
  return forms;
}

/** True when the word (any case) ends like a consonant: for tests of the tables. */
export function endsInConsonant(word: string): boolean {
  return CONSONANT.test(word.toLowerCase());
}
