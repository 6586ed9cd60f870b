// Folding: the form of a word used for matching (never shown). Lower case, ё→е, ў→у, і→и,
// apostrophes dropped, Polish and Lithuanian diacritics dropped; in a word that mixes Cyrillic
// and Latin letters the Latin look-alikes become Cyrillic ("Пyтин" typed with a Latin y).

const FOLD: Record<string, string> = {
  ё: "е", ў: "у", і: "и", ї: "и", є: "е", ґ: "г",
  "'": "", "’": "", "ʼ": "", "`": "",
  ą: "a", ć: "c", ę: "e", ł: "l", ń: "n", ó: "o", ś: "s", ź: "z", ż: "z",
  č: "c", ė: "e", į: "i", š: "s", ų: "u", ū: "u", ž: "z",
};

const LOOKALIKE: Record<string, string> = {
  a: "а", c: "с", e: "е", i: "и", o: "о", p: "р", x: "х", y: "у", k: "к", m: "м", t: "т", h: "н", b: "в",
};

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

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

/** Folds one character of a pattern source: only letters change, regular-expression syntax survives. */
export function foldChar(ch: string): string {
  return FOLD[ch] ?? ch;
}

const SOFT_SIGN_BEFORE_CONSONANT = /ь(?=[бвгджзйклмнпрстфхцчшщ])/gu;

/**
 * Taraškievica marks softness with ь where the official spelling does not (сьвабода,
 * зьняволены): dropping ь before a consonant gives the official form. Applied to folded words.
 */
export function foldTaraskievica(folded: string): string {
  return folded.replace(SOFT_SIGN_BEFORE_CONSONANT, "");
}

const CAPITAL_FIRST = /^\p{Lu}/u;

export function isCapitalised(word: string): boolean {
  return CAPITAL_FIRST.test(word);
}

export function isCyrillic(word: string): boolean {
  return CYRILLIC.test(word);
}
