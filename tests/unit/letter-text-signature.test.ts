// The signature line: the supporter's first name ends the letter («С теплом, Аня»). It is typed
// on the builder, checked like the letter it becomes part of, and optional.
import { describe, expect, it } from "vitest";

import { readLetterDraft, reviewLetterDraft } from "~/letters/letter-draft.server";
import { SIGNATURE_MAX_CHARS } from "~/letters/letter-options";
import type { LetterRecipientView } from "~/letters/letter-recipient.server";
import { composeLetter, type ComposeInput } from "~/letters/letter-text";
import type { StatusReportView } from "~/prisoners/status-report";

const compose = (input: Partial<ComposeInput> & Pick<ComposeInput, "phraseIds">) =>
  composeLetter({ letterLanguage: "ru", readerLanguage: "en", recipient: { firstName: "Алесь", patronymic: null, gender: "m" }, season: "spring", ...input });

describe("the signature line in a composed letter", () => {
  it("signs with the typed first name as the letter's last line, in both letter languages and the reading", () => {
    const ru = compose({ phraseIds: ["greeting.good-day", "closing.hug"], signature: " Аня " });
    expect(ru.letterText).toBe("Добрый день, Алесь!\n\nКрепко обнимаю!\nС теплом, Аня");
    expect(ru.readerText).toBe("Good day, Алесь!\n\nA big hug!\nWith warmth, Аня");
    expect(ru.usedPhraseIds).toEqual(["greeting.good-day", "closing.hug", "closing.signature"]);
    const be = compose({ phraseIds: ["closing.signature", "closing.hug"], letterLanguage: "be", signature: "Ганна" });
    expect(be.letterText).toBe("Моцна абдымаю!\nЗ цеплынёй, Ганна");
  });

  it("ends cleanly at the comma when the line is chosen but no name is given", () => {
    for (const signature of [undefined, null, "", "   "]) {
      const result = compose({ phraseIds: ["closing.signature", "wishes.health"], signature });
      expect(result.letterText).toBe("Желаю Вам крепкого здоровья.\n\nС теплом,");
      expect(result.readerText.endsWith("With warmth,")).toBe(true);
      expect(result.problems).toEqual([]);
    }
  });

  it("adds nothing when no name is typed and the line is not chosen", () => {
    expect(compose({ phraseIds: ["wishes.health"] }).letterText).toBe("Желаю Вам крепкого здоровья.");
  });

  it("signs a letter of the writer's own words too, but does not make an empty letter non-empty", () => {
    expect(compose({ phraseIds: [], freeText: "Добрый день!", signature: "Аня" }).letterText).toBe("Добрый день!\n\nС теплом, Аня");
    const empty = compose({ phraseIds: [], signature: "Аня" });
    expect(empty.letterText).toBe("");
    expect(empty.problems.map((p) => p.code)).toEqual(["empty-letter"]);
  });
});

const report: StatusReportView = {
  freshness: "fresh",
  report: { source: { publication: "Viasna", title: null, url: null }, reportedOn: "2026-11-02", precision: "DAY", displayDate: "2 November 2026" },
};

const ihar: LetterRecipientView = {
  id: "p2",
  slug: "ihar-losik",
  status: "IN_CUSTODY",
  statusReport: report,
  letterStatus: "CAN_RECEIVE",
  letterStatusReport: report,
  letterStatusToActOn: "CAN_RECEIVE",
  route: "print",
  gender: "m",
  defaultLetterLanguage: "ru",
  names: {
    display: { givenName: "Ihar", patronymic: null, familyName: "Losik" },
    belarusian: { givenName: "Ігар", patronymic: null, familyName: "Лосік" },
    russian: { givenName: "Игорь", patronymic: null, familyName: "Лосик" },
    latin: { givenName: "Ihar", patronymic: null, familyName: "Losik" },
  },
  letterNames: { ru: { firstName: "Игорь", patronymic: null }, be: { firstName: "Ігар", patronymic: null } },
  birthYear: null,
  facilityName: null,
  envelope: null,
  envelopeWarnings: ["patronymic-missing", "birth-year-missing"],
};

function review(fields: [string, string][], reader: "en" | "pl" = "en") {
  const read = readLetterDraft(new URLSearchParams(fields), { letterLanguage: "ru", gender: "m" });
  return reviewLetterDraft(read, ihar, reader, new Date("2026-11-23T12:00:00Z"));
}

describe("the signature field on the builder", () => {
  const base: [string, string][] = [["phrase", "greeting.dear-first-name"], ["phrase", "closing.hug"]];

  it("puts a first name into the letter and keeps it in the draft", () => {
    const result = review([...base, ["signature", "  Аня\n"]]);
    expect(result.draft.signature).toBe("Аня");
    expect(result.composed.letterText).toBe("Дорогой Игорь!\n\nКрепко обнимаю!\nС теплом, Аня");
    expect(result.messages).toEqual([]);
  });

  it("refuses a name that is too long or is not a name, keeps what was typed, and leaves the letter unsigned", () => {
    const long = "Анна".repeat(11);
    const tooLong = review([...base, ["signature", long]]);
    expect(tooLong.messages).toContainEqual({ code: "signature-too-long", severity: "error", field: "signature", values: { limit: SIGNATURE_MAX_CHARS, count: long.length } });
    expect(tooLong.draft.signature).toBe(long);
    expect(tooLong.composed.letterText).toBe("Дорогой Игорь!\n\nКрепко обнимаю!");

    for (const notAName of ["Аня 80297654321", "<b>Аня</b>", "Аня, Минск, ул. Ленина", "Aня"]) {
      const result = review([...base, ["signature", notAName]]);
      expect(result.messages.map((m) => m.code), notAName).toContain("signature-not-a-name");
      expect(result.draft.signature).toBe(notAName);
      expect(result.composed.letterText, notAName).not.toContain(notAName);
    }
  });

  it("warns about a Latin name and about a name the censor check flags, and still signs", () => {
    const latin = review([...base, ["signature", "Anna"]]);
    expect(latin.messages).toEqual([{ code: "signature-latin", severity: "warning", field: "signature" }]);
    expect(latin.composed.letterText.endsWith("С теплом, Anna")).toBe(true);
    const risky = review([...base, ["signature", "Свобода"]]);
    expect(risky.messages.map((m) => m.code)).toEqual(["signature-risky"]);
    expect(risky.messages[0]?.values?.words).toBe("Свобода");
  });

  it("addresses the Polish reader in the vocative, derived from the Belarusian name", () => {
    const result = review(base, "pl");
    expect(result.composed.readerText.split("\n")[0]).toBe("Drogi Iharze!");
  });
});
