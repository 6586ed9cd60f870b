// The Belarusian paradigm tables (app/letters/censor/belarusian-endings.ts) against paradigms
// from a grammar (tests/support/belarusian-paradigms.json): every form listed there is
// generated, and no look-alike is.
import { describe, expect, it } from "vitest";

import { analyseLemma, formsOf, type BelarusianEntry } from "~/letters/censor/belarusian-forms";
import { foldTaraskievica, foldWord } from "~/letters/censor/fold";

import fixture from "../support/belarusian-paradigms.json";

const entries = fixture.entries as { entry: BelarusianEntry; forms: string[]; lookalikes?: string[] }[];

describe("Belarusian forms from the endings tables", () => {
  it.each(entries.map((row) => [row.entry.lemma, row] as const))("%s: every form of the grammar's paradigm", (_lemma, row) => {
    const forms = formsOf(row.entry);
    expect(row.forms.filter((form) => !forms.has(foldWord(form)))).toEqual([]);
    expect((row.lookalikes ?? []).filter((word) => forms.has(foldWord(word)))).toEqual([]);
  });

  it("generates none of the look-alikes for any entry", () => {
    const all = new Set(entries.flatMap((row) => [...formsOf(row.entry)]));
    expect(fixture.lookalikes.filter((word) => all.has(foldWord(word)))).toEqual([]);
  });

  it("reads the paradigm from the lemma's ending", () => {
    expect(analyseLemma("вайна").paradigm).toBe("noun-f-a");
    expect(analyseLemma("амністыя").paradigm).toBe("noun-f-ija");
    expect(analyseLemma("вызваленне").paradigm).toBe("noun-n-nne");
    expect(analyseLemma("незалежнасць").paradigm).toBe("noun-f-3");
    expect(analyseLemma("тэрарыстычны").paradigm).toBe("adj-long");
    expect(analyseLemma("памілаваць").paradigm).toBe("verb-1-uj");
    expect(analyseLemma("вызваліць").paradigm).toBe("verb-2");
    expect(analyseLemma("змагацца")).toMatchObject({ paradigm: "verb-1", reflexive: true });
    expect(analyseLemma("ШІЗА").paradigm).toBe("indeclinable");
  });

  it("folds taraškievica's soft sign between consonants to the official spelling", () => {
    expect(foldTaraskievica(foldWord("сьвабода"))).toBe(foldWord("свабода"));
    expect(foldTaraskievica(foldWord("зьняволены"))).toBe(foldWord("зняволены"));
    expect(foldTaraskievica(foldWord("соль"))).toBe("соль");
  });
});
