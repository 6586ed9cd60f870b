// Everything Listy prints on an envelope or label in Cyrillic passes the censor check in both
// letter languages, with the recipient's own names excluded as the letter builder does: the
// designations («Тюрьма № 1», «СИЗО-1»), the place words and the handwriting label must never
// make the check warn about the envelope itself.
import { describe, expect, it } from "vitest";

import { checkLetter } from "~/letters/censor-check";
import { commonSurnames } from "~/letters/censor/lexicon";
import { buildPeopleIndex } from "~/letters/censor/people";
import { COUNTRY_LINES, HANDWRITTEN_ADDRESS_LABEL, recipientLines, type LetterRecipient } from "~/letters/letter-pdf.server";

import { demoPeopleRows } from "../../scripts/support/censor-evaluation";
import { VILLAGE_COLONY } from "../support/envelope-fixtures";

const people = buildPeopleIndex(demoPeopleRows(), commonSurnames);

const base: LetterRecipient = VILLAGE_COLONY;

// The kinds of institution and place the envelope names (fictional addresses).
const ENVELOPES: Record<string, LetterRecipient> = {
  "village colony": base,
  "town colony": { ...base, designation: "ИК-15", streetLines: ["Славгородское шоссе, 183"], locality: "", district: "", region: "", postcode: "212013", town: "г. Могилёв" },
  "pre-trial detention": { ...base, designation: "СИЗО-1", streetLines: ["ул. Володарского, 2"], locality: "", district: "", region: "", postcode: "220030", town: "г. Минск" },
  prison: { ...base, designation: "Тюрьма № 1", streetLines: ["ул. Кирова, 1"], locality: "", district: "", region: "Гродненская обл.", postcode: "230023", town: "г. Гродно" },
  "women's colony": { ...base, fullNameCyrillic: "Иванова Мария Ивановна", designation: "ИК-4", streetLines: ["ул. Антошкина, 3"], locality: "", district: "", region: "", postcode: "246035", town: "г. Гомель" },
  "address unknown": { ...base, addressKnown: false },
};

// The recipient is excluded as in letter-draft.server.ts: their own names are never a risk.
const allowNames = ["Иванов", "Иван", "Иванович", "Иванова", "Мария", "Ивановна"];

describe("envelope texts and the censor check", () => {
  it.each(Object.entries(ENVELOPES))("the %s envelope passes in ru and be", (_, recipient) => {
    const cyrillic = recipientLines(recipient)
      .map((line) => line.text)
      .filter((text) => text !== COUNTRY_LINES[1]); // the Latin country line is for the sending post office
    // The block really holds the parts (or the handwriting label), not an empty envelope.
    expect(cyrillic).toContain(recipient.addressKnown ? recipient.designation : HANDWRITTEN_ADDRESS_LABEL);
    expect(cyrillic.length).toBeGreaterThan(2);
    for (const language of ["ru", "be"] as const) {
      // Line by line and as one block, as a censor reads it.
      for (const text of [...cyrillic, cyrillic.join("\n")]) {
        expect(checkLetter(text, language, { allowNames, people, exceptPersonId: "envelope-recipient" }), `${language}: ${text}`).toEqual([]);
      }
    }
  });

  it("checks the handwriting label and the country line on their own", () => {
    for (const language of ["ru", "be"] as const) {
      expect(HANDWRITTEN_ADDRESS_LABEL).toMatch(/^Адрес/);
      expect(checkLetter(HANDWRITTEN_ADDRESS_LABEL, language)).toEqual([]);
      expect(checkLetter(COUNTRY_LINES[0], language)).toEqual([]);
    }
  });

  it("still flags another person's name on the envelope (the check is not switched off)", () => {
    const flags = checkLetter(recipientLines({ ...base, fullNameCyrillic: "Бабарико Виктор Дмитриевич" }).map((line) => line.text).join("\n"), "ru", { allowNames, people });
    expect(flags.map((flag) => flag.category)).toContain("names");
  });
});
