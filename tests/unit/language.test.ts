import { describe, expect, it } from "vitest";

import { pathInLanguage } from "~/i18n";
import { detectLanguage, languageCookie, languageFromPath, negotiateLanguage } from "~/utils/i18next.server";

describe("negotiateLanguage", () => {
  it.each([
    ["be-BY,be;q=0.9,ru;q=0.8", "be"],
    ["de-DE,de;q=0.9,lt;q=0.3", "lt"],
    ["ru;q=0.5,uk;q=0.8", "uk"],
    ["en-GB, pl;q=1", "en"],
    ["PL-pl", "pl"],
    ["fr-FR,de;q=0.8", null],
    ["ru;q=0, en;q=0.1", "en"],
    ["", null],
    [";;;,,,q=abc", null],
    ["x".repeat(100_000), null],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });
});

describe("detectLanguage", () => {
  it("prefers the URL, then the cookie, then Accept-Language, then English", async () => {
    const cookie = await languageCookie.serialize("lt");
    const request = (path: string, headers: Record<string, string> = {}) => new Request(`http://x${path}`, { headers });
    expect(await detectLanguage(request("/ru/prisoners", { Cookie: cookie, "Accept-Language": "pl" }))).toBe("ru");
    expect(await detectLanguage(request("/", { Cookie: cookie, "Accept-Language": "pl" }))).toBe("lt");
    expect(await detectLanguage(request("/", { "Accept-Language": "pl" }))).toBe("pl");
    expect(await detectLanguage(request("/", { Cookie: "lng=garbage" }))).toBe("en");
  });

  it("reads the language segment only when it is a supported language", () => {
    expect(languageFromPath("/be/prisoners")).toBe("be");
    expect(languageFromPath("/bel/prisoners")).toBeNull();
    expect(languageFromPath("/")).toBeNull();
  });

  it("links the same page in another language", () => {
    expect(pathInLanguage("/be/prisoners/ales-bialiatski", "?q=1", "pl")).toBe("/pl/prisoners/ales-bialiatski?q=1");
    expect(pathInLanguage("/", "", "uk")).toBe("/uk/");
  });
});
