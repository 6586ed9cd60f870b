import { describe, expect, it } from "vitest";

import { ageOn, formatDate, formatNumber, formatPersonName } from "~/utils/format";
import { localizedField, pickTranslation } from "~/utils/localized";

const rows = [
  { locale: "ru", text: "По-русски" },
  { locale: "en", text: "In English" },
  { locale: "be", text: "" },
];

describe("translation fallback", () => {
  it("prefers the reader's language", () => {
    expect(localizedField(rows, "ru", "text")).toEqual({ text: "По-русски", locale: "ru", isFallback: false });
  });

  it("falls back to English, and says so, when the language is missing or empty", () => {
    expect(localizedField(rows, "be", "text")).toEqual({ text: "In English", locale: "en", isFallback: true });
    expect(localizedField(rows, "pl", "text")).toEqual({ text: "In English", locale: "en", isFallback: true });
  });

  it("falls back to any language when English is missing too", () => {
    expect(localizedField([{ locale: "lt", text: "Lietuviškai" }], "pl", "text")).toMatchObject({ locale: "lt", isFallback: true });
    expect(pickTranslation([], "pl")).toBeUndefined();
    expect(localizedField([], "pl", "text")).toBeNull();
  });
});

describe("formatDate", () => {
  it("shows a date only as exactly as it is known, in the reader's language", () => {
    expect(formatDate("2025-09-18", "DAY", "en")).toBe("September 18, 2025");
    expect(formatDate("2025-09-01", "MONTH", "en")).toBe("September 2025");
    expect(formatDate("2024-01-01", "YEAR", "en")).toBe("2024");
    expect(formatDate("2025-09-18", "DAY", "be")).toMatch(/^18 верасня 2025/);
    expect(formatDate("2025-09-18", "DAY", "ru")).toMatch(/^18 сентября 2025/);
    expect(formatDate("2025-09-18", "DAY", "pl")).toMatch(/^18 września 2025/);
  });

  it("is not shifted by the server's time zone", () => {
    expect(formatDate("2025-01-01", "DAY", "en")).toBe("January 1, 2025");
  });

  it("joins names without gaps for a missing patronymic", () => {
    expect(formatPersonName({ givenName: "Алесь", patronymic: null, familyName: "Бяляцкі" })).toBe("Алесь Бяляцкі");
  });
});

describe("ageOn", () => {
  it("counts whole years, turning on the birthday itself", () => {
    expect(ageOn("1982-04-24", "2025-04-23")).toBe(42);
    expect(ageOn("1982-04-24", "2025-04-24")).toBe(43);
    expect(ageOn("1982-12-31", "2026-01-01")).toBe(43);
  });

  it("handles a 29 February birthday in common years", () => {
    expect(ageOn("2000-02-29", "2025-02-28")).toBe(24);
    expect(ageOn("2000-02-29", "2025-03-01")).toBe(25);
  });
});

describe("formatNumber", () => {
  it("groups digits the way each language does", () => {
    expect(formatNumber(1184, "en")).toBe("1,184");
    expect(formatNumber(1184, "ru")).toMatch(/^1\s184$/u);
  });
});
