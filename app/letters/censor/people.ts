// The names part of the censor check: every person Listy knows (published profiles and
// officials, read by censor-people.server.ts) and the public figures of lexicon/names.json.
// Pure: buildPeopleIndex turns name rows into a look-up of every declined form.
//  - Family names are declined with Russian and Belarusian surname paradigms (-ов/-аў,
//    -ский/-скі, -ич, -енко/-ка, fleeting о in -ок/-ак…), Latin spellings take the usual
//    Polish and Lithuanian endings.
//  - A family name alone counts when it is capitalised (an official's in any case); a family name
//    that is also an ordinary word or a very common surname (lexicon/names-common.json: Знак,
//    Пушкин) counts only beside that person's given name.
//  - Given names never count alone.
import { foldWord } from "./fold";

export type PersonKind = "prisoner" | "official" | "public-figure";

export interface PersonNameRow {
  /** The person's id: the letter's recipient is excluded by it. */
  personId: string;
  kind: PersonKind;
  givenName: string;
  familyName: string;
  patronymic?: string | null;
  /** "m" or "f" when known: only that gender's surname forms are generated. */
  gender?: "m" | "f" | null;
}

interface PersonForms {
  personId: string;
  /** The family name alone is not enough (a common word or surname). */
  pairOnly: boolean;
  /** Officials: flagged in any case. */
  anyCase: boolean;
}

export interface PeopleIndex {
  family: Map<string, PersonForms[]>;
  given: Map<string, Set<string>>;
  size: number;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

const ADJECTIVAL_RU = ["ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ие", "их", "ими", "ый", "ые", "ым", "ых"];
const ADJECTIVAL_BE = ["и", "ы", "ага", "аму", "им", "ым", "ая", "ай", "ую", "ия", "ыя", "их", "ых", "ими", "ыми"];
const NOUN_A = ["а", "я", "ы", "и", "е", "у", "ю", "ой", "ою", "ай", "аю", "ей", "ам"];
const MASCULINE = ["", "а", "у", "ом", "ем", "е", "ы", "и", "ам", "ами", "ах", "ов", "ей", "ым"];
const LATIN_ENDINGS = ["", "a", "u", "e", "y", "i", "o", "em", "om", "owi", "ie", "as", "ai", "ui", "us", "ego", "emu", "ej", "oj", "ij", "ovi", "ovoj", "ovy", "im", "iego", "iemu", "iej", "ich", "imi"];

/** Every folded form of a family name, in its own script. */
export function surnameForms(familyName: string, gender: "m" | "f" | null = null): Set<string> {
  const base = foldWord(familyName.trim());
  const forms = new Set<string>([base]);
  if (base.length < 2) return forms;
  const add = (stem: string, endings: readonly string[]) => {
    for (const ending of endings) forms.add(stem + ending);
  };
  if (!CYRILLIC.test(base)) {
    add(base, LATIN_ENDINGS);
    const stripped = base.replace(/(a|as|is|ys|us|y|i|e|o)$/u, "");
    if (stripped !== base && stripped.length > 2) add(stripped, LATIN_ENDINGS);
    // Polish dative and locative: Łukaszenka → Łukaszence, Kalesnikawa → Kalesnikawie.
    if (/ka$/u.test(base)) forms.add(`${base.slice(0, -2)}ce`);
    if (/ga$/u.test(base)) forms.add(`${base.slice(0, -2)}dze`);
    return forms;
  }
  const masculine = gender !== "f";
  const feminine = gender !== "m";
  let match: RegExpMatchArray | null;
  if ((match = base.match(/^(.+[сц]ьк)(ий|а)$/u))) {
    // Ukrainian: Тихановський, Тихановська.
    add(match[1]!, ["ий", "ого", "ому", "им", "ім", "а", "ої", "ій", "у", "ою", "і", "их", "ими"]);
  } else if ((match = base.match(/^(.+[сц]к)(ий|ой|и|ая)$/u))) {
    // Беляцкий, Тихановская, Бяляцкі, Ціханоўская.
    add(match[1]!, ADJECTIVAL_RU);
    add(match[1]!, ADJECTIVAL_BE);
  } else if ((match = base.match(/^(.+)(ов|ев|ин|ын|ова|ева|ина|ына|оу|ау|еу|ава|ева)$/u))) {
    // Колесников/Колесникова, Калеснікаў/Калеснікава: the -в- stem takes the noun endings.
    const ending = match[2]!;
    const stem = match[1]! + (/у$/u.test(ending) ? ending.slice(0, -1) + "в" : ending.replace(/а$/u, ""));
    if (masculine) add(stem, ["", "а", "у", "ым", "ом", "е", "ы", "ых", "ыми"]);
    if (feminine) add(stem, ["а", "ой", "ою", "у", "ай", "аю", "ы", "ых"]);
    if (/у$/u.test(ending)) forms.add(base);
  } else if ((match = base.match(/^(.+)([ая])$/u))) {
    // Бабарыка, Лукашэнка, Бахвалава (handled above), Почобута? no: nouns in -а/-я.
    const stem = match[1]!;
    add(stem, NOUN_A);
    const mutated = stem.replace(/к$/u, "ц").replace(/г$/u, "з").replace(/х$/u, "с");
    if (mutated !== stem) add(mutated, ["е", "ы", "э"]);
  } else if (/[оеиую]$/u.test(base)) {
    // Лукашенко, Бабарико, Храсько: indeclinable in Russian.
  } else if (masculine) {
    const stem = base.replace(/ь$/u, "");
    add(stem, base.endsWith("ь") ? ["ь", "я", "ю", "ем", "е", "и", "ей", "ям"] : MASCULINE);
    // Fleeting vowel: Дедок → Дедка, Ашурак → Ашурка.
    const fleeting = base.match(/^(.+[^аеиоуыэюя])[оеа]к$/u);
    if (fleeting) add(`${fleeting[1]}к`, ["а", "у", "ом", "ем", "е", "и", "ам", "ов"]);
    // And in -ец: Северинец → Северинца, Севярынец → Севярынца.
    const fleetingE = base.match(/^(.+[^аеиоуыэюяі])ец$/u);
    if (fleetingE) add(`${fleetingE[1]}ц`, ["а", "у", "ом", "ем", "е", "ы", "ам", "ов", "аў"]);
  }
  return forms;
}

/** Every folded form of a given name or patronymic. */
export function givenNameForms(name: string): Set<string> {
  const base = foldWord(name.trim());
  const forms = new Set<string>([base]);
  if (!CYRILLIC.test(base)) {
    for (const ending of ["", "a", "u", "e", "y", "i", "o", "em", "om", "owi", "ie", "as", "ai", "ui", "us"]) forms.add(base + ending);
    return forms;
  }
  const stem = base.replace(/(а|я|ь|й|ий)$/u, "");
  for (const ending of ["", "а", "я", "у", "ю", "е", "и", "ы", "ой", "ей", "ем", "ом", "ам", "ай", "аю", "ию", "ия", "ии", "ием", "ь", "й"]) forms.add(stem + ending);
  return forms;
}

/** Builds the look-up. `common` lists family names (any script) that count only beside a given name. */
export function buildPeopleIndex(rows: readonly PersonNameRow[], common: readonly string[] = []): PeopleIndex {
  const commonFolded = new Set(common.map((name) => foldWord(name)));
  const index: PeopleIndex = { family: new Map(), given: new Map(), size: 0 };
  const people = new Set<string>();
  for (const row of rows) {
    if (typeof row.familyName !== "string" || row.familyName.trim().length < 2) continue;
    people.add(row.personId);
    const entry: PersonForms = {
      personId: row.personId,
      pairOnly: commonFolded.has(foldWord(row.familyName.trim())),
      anyCase: row.kind === "official",
    };
    for (const form of surnameForms(row.familyName, row.gender ?? null)) {
      const list = index.family.get(form) ?? [];
      if (!list.some((known) => known.personId === row.personId)) list.push(entry);
      index.family.set(form, list);
    }
    for (const name of [row.givenName, row.patronymic ?? ""]) {
      if (typeof name !== "string" || name.trim().length < 2) continue;
      for (const form of givenNameForms(name)) {
        const set = index.given.get(form) ?? new Set<string>();
        set.add(row.personId);
        index.given.set(form, set);
      }
    }
  }
  index.size = people.size;
  return index;
}

/** Two indexes as one (the built-in public figures and Listy's own people). */
export function mergePeopleIndexes(...indexes: readonly (PeopleIndex | undefined)[]): PeopleIndex {
  const merged: PeopleIndex = { family: new Map(), given: new Map(), size: 0 };
  for (const index of indexes) {
    if (!index) continue;
    merged.size += index.size;
    for (const [form, list] of index.family) merged.family.set(form, [...(merged.family.get(form) ?? []), ...list]);
    for (const [form, set] of index.given) merged.given.set(form, new Set([...(merged.given.get(form) ?? []), ...set]));
  }
  return merged;
}

export interface NameWord {
  folded: string;
  capitalised: boolean;
}

/**
 * Which words of a letter name a person other than `exceptPersonId`: returns the indexes of
 * the words to flag. A family name counts alone when capitalised (or an official's), a common
 * one only beside the same person's given name or patronymic (one word between is allowed).
 */
export function findPeople(words: readonly NameWord[], index: PeopleIndex, exceptPersonId?: string | null): number[] {
  const flagged = new Set<number>();
  const givenOf = (i: number, personId: string) => {
    const word = words[i];
    return word !== undefined && word.capitalised && (index.given.get(word.folded)?.has(personId) ?? false);
  };
  words.forEach((word, i) => {
    const people = index.family.get(word.folded);
    if (!people) return;
    for (const person of people) {
      if (person.personId === exceptPersonId) continue;
      if (!word.capitalised && !person.anyCase) continue;
      if (person.pairOnly) {
        const partner = [i - 1, i - 2, i + 1, i + 2].find((j) => givenOf(j, person.personId));
        if (partner === undefined) continue;
        flagged.add(partner);
      }
      flagged.add(i);
      return;
    }
  });
  return [...flagged].sort((a, b) => a - b);
}

/** "Александр Лукашенко" → given and family name; "А. Г. Лукашенко" → initials dropped. */
export function splitFullName(fullName: string): { givenName: string; familyName: string } | null {
  const words = fullName.trim().split(/\s+/u).filter((word) => !/^\p{L}\.$/u.test(word) && !/^(Mr|Mrs|Ms|Pan|Pani)$/u.test(word));
  const familyName = words[words.length - 1];
  if (!familyName || familyName.length < 2) return null;
  return { givenName: words.length > 1 ? (words[0] ?? "") : "", familyName };
}
