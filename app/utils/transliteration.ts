// Search keys for people's names, whatever the spelling.
//
// A Belarusian name reaches readers in many forms: Belarusian and Russian Cyrillic
// (Калеснікава, Колесникова), the official Latin transliteration (Kalesnikava), English
// press spellings (Kolesnikova, Tsikhanouski, Tikhanovsky), Polish and Łacinka (Kalesnikawa,
// Statkiewicz, Łosik, Cichanouski) and Lithuanian (Beliackis, Lukašenka). Each word is
// turned into a rough sound skeleton that erases the differences these spellings make:
//
//   1. letters of every script become one set of sounds (ш, sh, sz, š → one symbol);
//   2. what separates Belarusian from Russian pronunciation is neutralised: г/h ↔ g,
//      ў ↔ в (and -au/-ou ↔ -ov), дзь ↔ дь and ць ↔ ть (Dziadok ↔ Dedok), unstressed
//      а ↔ о and я ↔ е (Kalesnikava ↔ Kolesnikova, Bialiatski ↔ Беляцкий);
//   3. iotation and soft signs are dropped (Maryia, Maria, Мария, Марыя all end in "a").
//
// What is left is compared exactly, as a prefix (someone still typing), or with a small
// edit distance for the spellings no rule foresaw. Keys are never shown to anyone.

/** Internal sound symbols: š, č, ž, дз, дж and х get one character each. */
const SH = "S";
const CH = "C";
const ZH = "Z";
const DZ = "Q";
const DZH = "J";
const KH = "x";
const SHORT_U = "w";
const SOFT = "'";

const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "h", ґ: "g", д: "d", е: "e", ё: "jo", є: "je", ж: ZH, з: "z",
  и: "i", і: "i", ї: "ji", й: "j", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r",
  с: "s", т: "t", у: "u", ў: SHORT_U, ф: "f", х: KH, ц: "c", ч: CH, ш: SH, щ: SH + CH, ъ: "",
  ы: "y", ь: SOFT, э: "e", ю: "ju", я: "ja",
};

/** Latin letters with diacritics that change the sound; others just lose their marks. */
const LATIN_LETTERS: Record<string, string> = {
  ł: "l", ŭ: SHORT_U, ś: "s" + SOFT, ź: "z" + SOFT, ć: "c" + SOFT, ń: "n" + SOFT, ľ: "l", ĺ: "l",
  ż: ZH, ž: ZH, š: SH, č: CH, ŕ: "r", ř: "r" + ZH, ė: "e", ę: "e", ą: "a", ų: "u", ū: "u", į: "i",
  ß: "ss", æ: "ae", ø: "o", đ: "d",
};

/** Multi-letter Latin spellings of one sound, longest first. "ch" is decided per word. */
const LATIN_CLUSTERS: [string, string][] = [
  ["shch", SH + CH],
  ["szcz", SH + CH],
  ["tsch", CH],
  ["dzh", DZH],
  ["d" + ZH, DZH],
  ["sch", SH],
  ["tch", CH],
  ["zh", ZH],
  ["kh", KH],
  ["sh", SH],
  ["cz", CH],
  ["sz", SH],
  ["ts", "c"],
  ["tz", "c"],
  ["dz", DZ],
  ["ph", "f"],
  ["th", "t"],
  ["gh", "h"],
  ["x", "ks"],
  ["q", "k"],
  ["w", "v"],
];

const VOWELS = new Set(["a", "e", "i", "o", "u", "y", "j"]);
const FULL_VOWELS = new Set(["a", "e", "o", "u"]);
/** Sounds after which ц and дз are soft, i.e. Russian т and д. */
const SOFTENING = new Set(["i", "e", "j", SOFT]);

/**
 * Letters that mark a Polish, Łacinka, Lithuanian or Czech spelling, where "ch" is х
 * (Chrasko). Without them "ch" is English ч (Statkevich); both readings are kept then.
 */
const CENTRAL_EUROPEAN = /[łŭśźćńżžščėęąųūįw]|cz|sz/;

const CYRILLIC_LETTER = /[\u0400-\u04ff]/;
const WORD = /[\p{L}\p{M}'’ʼ`]+/gu;
const APOSTROPHES = /['’ʼ`]/g;

export type ChReading = "ch" | "kh";

/** Splits text into words: letters only, apostrophes inside words dropped. */
export function splitWords(text: string): string[] {
  const words = text.normalize("NFC").toLowerCase().match(WORD) ?? [];
  return words.map((word) => word.replace(APOSTROPHES, "")).filter((word) => word.length > 0);
}

/** The raw sound sequence of one lower-case word, before the Belarusian/Russian merges. */
function toSounds(word: string, ch: ChReading): string {
  let out = "";
  let latin = "";
  const flushLatin = () => {
    if (latin) out += latinSounds(latin, ch);
    latin = "";
  };
  for (const letter of word) {
    const cyrillic = CYRILLIC[letter];
    if (cyrillic !== undefined) {
      flushLatin();
      out += cyrillic;
    } else if (CYRILLIC_LETTER.test(letter)) {
      flushLatin(); // a Cyrillic letter of another language: ignored rather than guessed
    } else {
      latin += letter;
    }
  }
  flushLatin();
  return out;
}

function latinSounds(word: string, ch: ChReading): string {
  let text = "";
  for (const letter of word) text += LATIN_LETTERS[letter] ?? letter;
  // é, ü, ö… carry no sound that matters here.
  text = text.normalize("NFD").replace(/\p{M}/gu, "");
  let out = "";
  for (let i = 0; i < text.length; ) {
    if (text.startsWith("ch", i)) {
      out += ch === "kh" ? KH : CH;
      i += 2;
      continue;
    }
    const cluster = LATIN_CLUSTERS.find(([spelling]) => text.startsWith(spelling, i));
    if (cluster) {
      out += cluster[1];
      i += cluster[0].length;
      continue;
    }
    const letter = text[i]!;
    // y before a vowel is й or a softening mark (Byalyatski, Katsyaryna); elsewhere ы.
    if (letter === "y" && /[aeiou]/.test(text[i + 1] ?? "")) out += "j";
    else if (/[a-z']/.test(letter) || letter === SH || letter === CH || letter === ZH) out += letter;
    i += 1;
  }
  return out;
}

/** Belarusian and Russian pronunciations brought together; then vowels reduced. */
function toKey(sounds: string): string {
  let s = sounds;
  // д+з, д+ж and т+с written in Cyrillic are the same sounds as Latin dz, dzh and ts.
  s = s.replaceAll("d" + ZH, DZH).replaceAll("dz", DZ).replaceAll("ts", "c");
  // ў, and a Latin u closing a syllable after a, e or o (Tsikhanouski, Yauhen), is Russian в.
  s = s.replaceAll(SHORT_U, "v").replace(/(?<=[aeo])u(?![aeiouy])/g, "v");
  // Soft ц and дз (ці, ця, ць, дзе) are Russian т and д.
  let merged = "";
  for (let i = 0; i < s.length; i++) {
    const sound = s[i]!;
    const soft = SOFTENING.has(s[i + 1] ?? "");
    if (sound === "c" && soft) merged += "t";
    else if (sound === DZ && soft) merged += "d";
    else merged += sound;
  }
  s = merged.replaceAll(DZ, "dz").replaceAll(SOFT, "").replaceAll("g", "h");

  let key = "";
  let run = "";
  const flushRun = () => {
    if (!run) return;
    const sounds = [...run.replaceAll("j", "")];
    // In a run like "ia", "ija", "ei", "ыя" the i/y is a glide: only the full vowel counts.
    const kept = sounds.some((sound) => FULL_VOWELS.has(sound)) ? sounds.filter((sound) => FULL_VOWELS.has(sound)) : sounds;
    for (const sound of kept) {
      const reduced = sound === "o" || sound === "e" ? "a" : sound === "y" ? "i" : sound;
      if (!key.endsWith(reduced)) key += reduced;
    }
    run = "";
  };
  for (const sound of s) {
    if (VOWELS.has(sound)) {
      run += sound;
      continue;
    }
    flushRun();
    // Doubled consonants (Alla, Anna) are spelled single in other scripts.
    if (!key.endsWith(sound)) key += sound;
  }
  flushRun();
  return key;
}

export interface WordKeys {
  /** Keys for the word as written: one, or two when "ch" could be ч or х. */
  keys: string[];
  /** Keys without a Lithuanian ending (Beliackis → Beliacki, Losikas → Losik); exact use only. */
  stemmed: string[];
}

/** All search keys of one word. */
export function wordKeys(word: string): WordKeys {
  const lower = word.normalize("NFC").toLowerCase().replace(APOSTROPHES, "");
  const readings: ChReading[] = !lower.includes("ch") ? ["ch"] : CENTRAL_EUROPEAN.test(lower) ? ["kh"] : ["ch", "kh"];
  const keys = unique(readings.map((reading) => toKey(toSounds(lower, reading))).filter(Boolean));
  const stemmed: string[] = [];
  // Lithuanian adds -as, -is, -us, -ys to men's names; only long Latin words are tried.
  if (lower.length >= 6 && /^[\p{Script=Latin}]+$/u.test(lower) && /[aeiouyė]s$/.test(lower)) {
    for (const key of keys) {
      for (const stem of [key.slice(0, -1), key.slice(0, -2)]) if (stem.length >= 3) stemmed.push(stem);
    }
  }
  return { keys, stemmed: unique(stemmed).filter((stem) => !keys.includes(stem)) };
}

/** The search key of a whole text, word by word (for tests and debugging). */
export function searchKey(text: string): string {
  return splitWords(text)
    .map((word) => wordKeys(word).keys[0] ?? "")
    .filter(Boolean)
    .join(" ");
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

// ---------------------------------------------------------------------------
// Comparing words

/** Damerau-Levenshtein distance (optimal string alignment), giving up above max. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...Array.from({ length: b.length }, (_, j) => (i === 0 ? j + 1 : 0))]);
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i]!;
    const previous = rows[i - 1]!;
    let best = row[0]!;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      row[j] = value;
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** Edits allowed between two keys: none for short words, one up to 7 sounds, two from 8. */
export function allowedEdits(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

export type WordMatch = "exact" | "prefix" | "fuzzy";

/** How a word typed in a search relates to a word of a stored name, or null. */
export function matchWord(query: WordKeys, stored: WordKeys): WordMatch | null {
  const storedAll = [...stored.keys, ...stored.stemmed];
  const queryAll = [...query.keys, ...query.stemmed];
  if (queryAll.some((key) => storedAll.includes(key))) return "exact";
  if (query.keys.some((key) => stored.keys.some((candidate) => candidate.length > key.length && candidate.startsWith(key)))) {
    return "prefix";
  }
  for (const a of queryAll) {
    for (const b of storedAll) {
      const max = allowedEdits(a, b);
      if (max > 0 && editDistance(a, b, max) <= max) return "fuzzy";
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// Patronymics: people type them (Мария Александровна Колесникова), sources rarely have them.

export type PatronymicKind = "female" | "male";

/**
 * Whether a word looks like a patronymic: -овна/-евна/-аўна/-івна/-ічна for women,
 * -овіч/-евич/-авіч/-ович for men (which is also a common surname ending).
 */
export function patronymicKind(word: string): PatronymicKind | null {
  const { keys } = wordKeys(word);
  for (const key of keys) {
    if (key.length < 7) continue;
    if (/(avna|ivna|i[CS]na)$/.test(key)) return "female";
    if (/aviC$/.test(key)) return "male";
  }
  return null;
}

export interface QueryWord {
  text: string;
  keys: WordKeys;
  patronymic: PatronymicKind | null;
}

/** No name has more words; the cap keeps a pasted paragraph from costing seconds. */
export const MAX_QUERY_WORDS = 8;

export function parseQuery(query: string): QueryWord[] {
  return splitWords(query)
    .slice(0, MAX_QUERY_WORDS)
    .map((text) => ({ text, keys: wordKeys(text), patronymic: patronymicKind(text) }))
    .filter((word) => word.keys.keys.length > 0);
}

export interface NameMatch {
  /** Query words that matched a stored word exactly. */
  exact: number;
  /** Higher is better: exact 3, prefix 2, close spelling 1 per word. */
  score: number;
}

const WORD_SCORE: Record<WordMatch, number> = { exact: 3, prefix: 2, fuzzy: 1 };

/**
 * Whether a person whose names consist of `storedWords` answers the query. Every word
 * typed must match one of the person's words, in any script, except a patronymic the
 * sources do not have: a woman's (-овна) may be left over when another word matched, a
 * man's (-овіч, also a surname ending) only when two others did (given name and surname).
 */
export function matchQuery(query: readonly QueryWord[], storedWords: readonly WordKeys[]): NameMatch | null {
  return matchQueryBy(query, (word) => {
    let best: WordMatch | null = null;
    for (const stored of storedWords) {
      const match = matchWord(word.keys, stored);
      if (match && (!best || WORD_SCORE[match] > WORD_SCORE[best])) best = match;
      if (best === "exact") break;
    }
    return best;
  });
}

/**
 * matchQuery with the best match of each query word given: a search over thousands of
 * people compares each distinct stored word once and looks the results up per person.
 */
export function matchQueryBy(query: readonly QueryWord[], bestMatch: (word: QueryWord, index: number) => WordMatch | null): NameMatch | null {
  if (query.length === 0) return null;
  let exact = 0;
  let score = 0;
  let matched = 0;
  const leftOver: PatronymicKind[] = [];
  for (const [index, word] of query.entries()) {
    const best = bestMatch(word, index);
    if (best) {
      matched++;
      score += WORD_SCORE[best];
      if (best === "exact") exact++;
    } else if (word.patronymic) {
      leftOver.push(word.patronymic);
    } else {
      return null;
    }
  }
  for (const kind of leftOver) {
    if (matched < (kind === "female" ? 1 : 2)) return null;
  }
  return { exact, score };
}

/** Keys for every word of a stored name (given name, patronymic, surname). */
export function nameWords(name: { givenName: string; patronymic?: string | null; familyName: string }): WordKeys[] {
  return splitWords([name.givenName, name.patronymic ?? "", name.familyName].join(" ")).map(wordKeys);
}
