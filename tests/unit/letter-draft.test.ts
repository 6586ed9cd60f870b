import { describe, expect, it } from "vitest";

import { draftLanguage, finishingProblems, mixedScriptWords, readLetterDraft, reviewLetterDraft } from "~/letters/letter-draft.server";
import { FREE_TEXT_MAX_CHARS } from "~/letters/letter-options";
import { ROUTE_FOR_STATUS, type LetterRecipientView } from "~/letters/letter-recipient.server";
import { letterStatusToActOn, type Freshness, type StatusReportView } from "~/prisoners/status-report";

// A fresh report of "incommunicado" (a stale one would route as "unknown", see status-report.ts).
const report: StatusReportView = {
  freshness: "fresh",
  report: { source: { publication: "Viasna", title: null, url: null }, reportedOn: "2026-11-02", precision: "DAY", displayDate: "2 November 2026" },
};

const maryia: LetterRecipientView = {
  id: "p1",
  slug: "maryia-kalesnikava",
  status: "IN_CUSTODY",
  statusReport: report,
  letterStatus: "INCOMMUNICADO",
  letterStatusReport: report,
  letterStatusToActOn: "INCOMMUNICADO",
  route: "letter-bank",
  gender: "f",
  defaultLetterLanguage: "ru",
  names: {
    display: { givenName: "Maryia", patronymic: null, familyName: "Kalesnikava" },
    belarusian: { givenName: "Марыя", patronymic: null, familyName: "Калеснікава" },
    russian: { givenName: "Мария", patronymic: null, familyName: "Колесникова" },
    latin: { givenName: "Maryia", patronymic: null, familyName: "Kalesnikava" },
  },
  letterNames: { ru: { firstName: "Мария", patronymic: null }, be: { firstName: "Марыя", patronymic: null } },
  birthYear: null,
  facilityName: null,
  envelope: null,
  envelopeWarnings: ["patronymic-missing", "birth-year-missing"],
};

const unknownGender: LetterRecipientView = { ...maryia, gender: null };

function form(fields: [string, string][]) {
  return new URLSearchParams(fields);
}

function review(fields: [string, string][], recipient = maryia, reader: "en" | "pl" | "uk" | "be" = "en") {
  const read = readLetterDraft(form(fields), { letterLanguage: recipient.defaultLetterLanguage, gender: recipient.gender });
  return { read, review: reviewLetterDraft(read, recipient, reader, new Date("2026-11-23T12:00:00Z")) };
}

describe("readLetterDraft", () => {
  it("reads every field and falls back to safe defaults for tampered ones", () => {
    const { read } = review([
      ["phrase", "greeting.dear-first-name"],
      ["phrase", "wishes.health"],
      ["letterLanguage", "xx"],
      ["envelope", "a0"],
      ["holiday", "halloween"],
      ["intent", "launch"],
      ["acknowledgeRisk", "on"],
    ]);
    expect(read.draft).toMatchObject({
      phraseIds: ["greeting.dear-first-name", "wishes.health"],
      letterLanguage: "ru",
      envelope: "c6",
      holiday: null,
      acknowledgeRisk: true,
      bankConsent: false,
      gender: "f",
    });
    expect(read.intent).toBe("preview");
  });

  it("keeps the person's known gender even if the form says otherwise", () => {
    expect(review([["gender", "m"]]).read.draft.gender).toBe("f");
    expect(review([["gender", "m"]], unknownGender).read.draft.gender).toBe("m");
  });

  it("removes control characters (and says so) but keeps line breaks and the text", () => {
    const { read } = review([["freeText", "Добры\u0000 дзень\r\nЯк ты?\u202E"]]);
    expect(read.draft.freeText).toBe("Добры дзень\nЯк ты?");
    expect(read.messages.map((m) => m.code)).toContain("control-characters-removed");
  });

  it("cuts a gigantic paste before doing any work, and says so", () => {
    const { read } = review([["freeText", "а".repeat(100_000)]]);
    expect(read.draft.freeText.length).toBe(20_000);
    expect(read.messages.map((m) => m.code)).toContain("input-cut");
  });
});

describe("reviewLetterDraft", () => {
  it("composes the Russian letter, the English reading and no problems for a clean draft", () => {
    const { review: result } = review([
      ["phrase", "greeting.dear-first-name"],
      ["phrase", "wishes.health"],
    ]);
    expect(result.composed.letterText).toContain("Дорогая Мария!");
    expect(result.composed.readerText).toContain("Dear Maryia!");
    expect(result.flags).toEqual([]);
    expect(result.messages.filter((m) => m.severity === "error")).toEqual([]);
  });

  it("flags inflected risky words in free text and never the recipient's own name", () => {
    const { review: result } = review([["freeText", "Мария, после суда все ждут тебя на свободе. Колесникова — красивая фамилия."]]);
    const matches = result.flags.map((flag) => flag.match);
    expect(matches).toEqual(expect.arrayContaining(["суда", "свободе"]));
    expect(matches).not.toContain("Мария");
    expect(matches).not.toContain("Колесникова");
  });

  it("checks a draft written in Latin letters as the reader's language", () => {
    const { review: result } = review([["freeText", "Trzymaj się, wolność jest blisko!"]], maryia, "pl");
    expect(result.checkedAs).toBe("pl");
    expect(result.flags.length).toBeGreaterThan(0);
  });

  it("refuses markup, mixed-script words and over-long text, as errors on the free text", () => {
    const markup = review([["freeText", "Привет <b>Мария</b>"]]).review.messages.map((m) => m.code);
    expect(markup).toContain("free-text-markup");
    const mixed = review([["freeText", "Пpивет"]]).review.messages.find((m) => m.code === "free-text-mixed-script");
    expect(mixed?.values?.words).toBe("Пpивет");
    const long = review([["freeText", "б".repeat(FREE_TEXT_MAX_CHARS + 1)]]).review.messages.find((m) => m.code === "free-text-too-long");
    expect(long).toMatchObject({ severity: "error", field: "freeText", values: { limit: FREE_TEXT_MAX_CHARS, count: FREE_TEXT_MAX_CHARS + 1 } });
  });

  it("asks for the form of address only when a chosen phrase depends on it", () => {
    const gendered = review([["phrase", "greeting.dear-first-name"]], unknownGender).review.messages.map((m) => m.code);
    expect(gendered).toContain("gender-required");
    const neutral = review([["phrase", "wishes.health"]], unknownGender).review.messages.map((m) => m.code);
    expect(neutral).not.toContain("gender-required");
  });
});

describe("finishingProblems", () => {
  it("needs consent for the letter bank, an acknowledged risk, and a route that allows the intent", () => {
    const risky = review([["phrase", "greeting.dear-first-name"], ["freeText", "Скоро суд."]]).review;
    expect(finishingProblems(risky, "bank", ["bank"]).map((p) => p.code).sort()).toEqual(["bank-consent-required", "risk-not-acknowledged"]);
    expect(finishingProblems(risky, "download", ["bank"]).map((p) => p.code)).toContain("route-not-available");
    const fine = review([["phrase", "greeting.dear-first-name"], ["bankConsent", "on"]]).review;
    expect(finishingProblems(fine, "bank", ["bank"])).toEqual([]);
  });

  it("refuses an empty letter", () => {
    const empty = review([]).review;
    expect(finishingProblems(empty, "bank", ["bank"]).map((p) => p.code)).toContain("empty-letter");
  });
});

describe("helpers", () => {
  it("finds words that mix Latin and Cyrillic letters, once each", () => {
    expect(mixedScriptWords("Пpивет, пpивет! Hello мир. Пpивет")).toEqual(["Пpивет", "пpивет"]);
    expect(mixedScriptWords("Обычный текст and plain English")).toEqual([]);
  });

  it("tells a Cyrillic draft from a Latin one", () => {
    expect(draftLanguage("Добры дзень", "be", "en")).toBe("be");
    expect(draftLanguage("Good morning", "be", "en")).toBe("en");
    expect(draftLanguage("Dzień dobry", "ru", "pl")).toBe("pl");
    expect(draftLanguage("Labas rytas", "ru", "lt")).toBe("lt");
    expect(draftLanguage("Доброго ранку, їжачку", "ru", "uk")).toBe("uk");
    expect(draftLanguage("Good morning", "ru", "be")).toBe("en");
  });
});

describe("the letter route", () => {
  type Status = "CAN_RECEIVE" | "RELATIVES_ONLY" | "INCOMMUNICADO" | "UNKNOWN" | "NOT_APPLICABLE";
  const routeFor = (status: Status, freshness: Freshness) => ROUTE_FOR_STATUS[letterStatusToActOn(status, freshness)];

  it("sends a letter to the bank, or promises that it arrives, only on a fresh report", () => {
    expect(routeFor("INCOMMUNICADO", "fresh")).toBe("letter-bank");
    expect(routeFor("RELATIVES_ONLY", "fresh")).toBe("letter-bank");
    expect(routeFor("CAN_RECEIVE", "fresh")).toBe("print");
    for (const freshness of ["stale", "unreported"] as const) {
      for (const status of ["CAN_RECEIVE", "RELATIVES_ONLY", "INCOMMUNICADO", "UNKNOWN"] as const) {
        expect(routeFor(status, freshness), `${status} ${freshness}`).toBe("print-uncertain");
      }
    }
  });

  it("offers no letter to someone no longer in prison, however old the report", () => {
    for (const freshness of ["fresh", "stale", "unreported"] as const) expect(routeFor("NOT_APPLICABLE", freshness)).toBe("none");
  });
});
