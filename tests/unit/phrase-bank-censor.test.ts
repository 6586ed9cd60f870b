// Every phrase a supporter can pick must pass the same censor check their own words get: the
// bank is the "safe" way to write, so a risky phrase in it would be the worst kind of bug.
import { describe, expect, it } from "vitest";

import { checkLetter } from "~/letters/censor-check";
import { renderPhrase } from "~/letters/letter-text";
import { holidays, phrases, seasons, type Holiday } from "~/letters/phrase-bank";

const names = { m: { firstName: "Алесь", patronymic: "Віктаравіч" }, f: { firstName: "Марыя", patronymic: "Аляксандраўна" } } as const;

describe("the phrase bank", () => {
  for (const language of ["ru", "be"] as const) {
    it(`has no phrase the censor check flags, in ${language}, for any gender, season or holiday`, () => {
      const flagged: string[] = [];
      for (const phrase of phrases) {
        for (const gender of ["m", "f"] as const) {
          for (const season of seasons) {
            for (const holiday of [...holidays, null] as (Holiday | null)[]) {
              const text = renderPhrase(phrase, language, { ...names[gender], gender, season, holiday });
              const flags = checkLetter(text, language, { allowNames: [names[gender].firstName, names[gender].patronymic] });
              if (flags.length > 0) flagged.push(`${phrase.id}: ${flags.map((flag) => flag.match).join(", ")} in «${text}»`);
            }
          }
        }
      }
      expect([...new Set(flagged)]).toEqual([]);
    });
  }

  it("the check it relies on does flag a risky sentence (so the test above can fail)", () => {
    expect(checkLetter("Желаю скорейшей свободы и справедливого суда.", "ru").length).toBeGreaterThan(0);
  });
});
