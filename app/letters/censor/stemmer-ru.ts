// The Russian Snowball stemmer (@orama/stemmers, pinned), on folded words: ё is already е.
// Snowball removes inflections (демократического → демократическ, помилуют → помил) but does
// not unify stem alternations (освобожусь → освобож, освободишься → освобод): lexicon entries
// list those forms in "also". Stems are cached: a letter repeats its words.
import { stemmer } from "@orama/stemmers/russian";

const cache = new Map<string, string>();

export function stemRussian(folded: string): string {
  let stem = cache.get(folded);
  if (stem === undefined) {
    stem = /^[а-я]+$/u.test(folded) ? stemmer(folded) : folded;
    if (cache.size > 50_000) cache.clear();
    cache.set(folded, stem);
  }
  return stem;
}
