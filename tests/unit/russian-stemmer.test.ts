// The Russian Snowball stemmer the censor check relies on (@orama/stemmers, pinned): what it
// unifies, and the limits the lexicon makes up for (stem alternations and short stems).
import { describe, expect, it } from "vitest";

import { checkLetter } from "~/letters/censor-check";
import { stemRussian } from "~/letters/censor/stemmer-ru";

describe("the Russian stemmer", () => {
  it.each([
    ["демократического", "демократический"],
    ["оппозиционного", "оппозиционный"],
    ["террористической", "террористический"],
    ["протестовавших", "протестовать"],
    ["беженцев", "беженцы"],
    ["голодовку", "голодовка"],
    ["ёлка", "елка"],
  ])("gives %s the stem of %s", (form, lemma) => {
    expect(stemRussian(form.replace("ё", "е"))).toBe(stemRussian(lemma.replace("ё", "е")));
  });

  it("does not unify stem alternations: the lexicon lists them", () => {
    expect(stemRussian("освобожусь")).not.toBe(stemRussian("освободишься"));
    // …and the check still finds both, because the entry lists «освобожусь».
    for (const word of ["освобожусь", "освободишься", "освободится"]) {
      expect(checkLetter(`Когда ${word}, позвоню.`, "ru").map((flag) => flag.match)).toEqual([word]);
    }
  });

  it("over-stems short words, which is why «суд» and «измена» are listed as forms", () => {
    expect(stemRussian("суда")).toBe(stemRussian("судить"));
    expect(stemRussian("измена").length).toBeLessThan(4);
  });

  it("leaves words that are not Russian letters alone", () => {
    expect(stemRussian("342")).toBe("342");
    expect(stemRussian("hello")).toBe("hello");
  });
});
