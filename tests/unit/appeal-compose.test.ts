import { describe, expect, it } from "vitest";

import {
  composeAppeal,
  fillTemplate,
  letterText,
  parseSeed,
  seededRandom,
  signatureText,
  SUBJECT_MAX_LENGTH,
  type AppealFacts,
} from "~/appeals/appeal-text";
import { isSingleAddress, mailtoHref } from "~/appeals/mailto";
import { prisonerFactsLine } from "~/appeals/prisoner-facts";
import { supportedLanguages } from "~/i18n";
import type { StatusReport, StatusReportView } from "~/prisoners/status-report";

import { demoAppealArgumentSources, demoAppealTemplates } from "../../prisma/demo-appeals";
import { demoSources } from "../../prisma/demo-data";

const template = {
  subjects: ["Free {prisonerName}", "About the campaign {campaignTitle}", "A letter"],
  openings: ["Dear {officialName},\n\nI write about {prisonerName}. {prisonerFacts}", "Hello.\n\nI support {campaignTitle}."],
  arguments: ["Nobody should be in prison for words.", "Release is not a bargaining chip."],
  closings: ["Please release them all.\n\nYours sincerely,\n{signature}", "Thank you.\n\nRespectfully,"],
};

const facts: AppealFacts = {
  prisonerName: "Ihar Ilyash",
  prisonerFacts: "Status: in custody. Sentence: 4 years in prison.",
  officialName: "Alyaksandr Lukashenka",
  officialPosition: "Head of state of Belarus",
  campaignTitle: "Free them all",
};

const compose = (seed: number, overrides: Partial<Parameters<typeof composeAppeal>[0]> = {}) =>
  composeAppeal({ template, facts, signature: { mode: "campaign" }, onBehalfLine: "On behalf of “{campaignTitle}”", seed, ...overrides });

describe("seeded variants", () => {
  it("gives the same text for the same seed, so a form without JavaScript is stable between submits", () => {
    expect(compose(12345)).toEqual(compose(12345));
  });

  it("varies the wording across seeds: over 200 seeds every variant of every part is used", () => {
    const seen = { subject: new Set<number>(), opening: new Set<number>(), argument: new Set<number>(), closing: new Set<number>() };
    const bodies = new Set<string>();
    for (let seed = 0; seed < 200; seed += 1) {
      const result = compose(seed * 7919);
      for (const part of Object.keys(seen) as (keyof typeof seen)[]) seen[part].add(result.picked[part]);
      bodies.add(result.body);
    }
    expect(seen.subject.size).toBe(3);
    expect(seen.opening.size).toBe(2);
    expect(seen.argument.size).toBe(2);
    expect(seen.closing.size).toBe(2);
    expect(bodies.size).toBe(8);
  });

  it("draws numbers in [0, 1) spread over the range", () => {
    const random = seededRandom(42);
    const values = Array.from({ length: 10_000 }, random);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it("accepts only whole seeds in range from a form field", () => {
    expect(parseSeed("0")).toBe(0);
    expect(parseSeed("2147483647")).toBe(2147483647);
    for (const bad of ["", "-1", "1.5", "2147483648", "12abc", " 1", null, undefined, 5]) expect(parseSeed(bad)).toBeNull();
  });
});

describe("placeholders", () => {
  it("fills every known placeholder", () => {
    const body = fillTemplate("Dear {officialName} ({officialPosition}). {prisonerName}: {prisonerFacts} — {campaignTitle}.", {
      officialName: "A",
      officialPosition: "B",
      prisonerName: "C",
      prisonerFacts: "D.",
      campaignTitle: "E",
    });
    expect(body).toBe("Dear A (B). C: D. — E.");
  });

  it("drops a sentence whose fact is missing instead of printing a hole or 'undefined'", () => {
    const body = fillTemplate("I write about {prisonerName}. {prisonerFacts} Please act.", { prisonerName: "Ihar Ilyash" });
    expect(body).toBe("I write about Ihar Ilyash. Please act.");
    expect(body).not.toMatch(/undefined|null|\{|\}/);
  });

  it("drops a line left empty, so a missing name does not leave a bare greeting", () => {
    const body = fillTemplate("Dear {officialName},\n\nI write to you.", {});
    expect(body).toBe("I write to you.");
  });

  it("never lets an unknown placeholder or stray braces leak into the output", () => {
    const values = { prisonerName: "Ihar Ilyash" };
    expect(fillTemplate("Hello {prisonerNmae}. Second sentence.", values)).toBe("Second sentence.");
    expect(fillTemplate("Hello {{prisonerName}}. Second.", values)).toBe("Second.");
    expect(fillTemplate("Hello { prisonerName }. Second.", values)).toBe("Second.");
    expect(fillTemplate("Broken {prisonerName. Fine.", values)).toBe("Fine.");
  });

  it("does not expand a value that itself looks like a placeholder", () => {
    expect(fillTemplate("To {officialName}.", { officialName: "{prisonerName}", prisonerName: "X" })).toBe("To {prisonerName}.");
  });

  it("removes {signature} from the body: the signature always goes at the end", () => {
    const result = compose(1, { template: { ...template, closings: ["Yours sincerely,\n{signature}"] } });
    expect(result.body).not.toContain("{signature}");
    expect(result.body.endsWith("Yours sincerely,")).toBe(true);
  });

  it("collapses line breaks and control characters inside facts to one line", () => {
    const result = compose(3, { facts: { ...facts, prisonerName: "Ihar\r\nBcc: x@y\u0000 Ilyash" } });
    expect(result.subject).not.toMatch(/[\r\n\u0000]/);
    expect(result.body).not.toMatch(/\r|\u0000|Bcc: x@y\n/);
  });

  it("falls back to another subject, then to the campaign title, when a subject loses its only sentence", () => {
    const onlyNamed = { ...template, subjects: ["Free {prisonerName}"] };
    expect(compose(1, { template: onlyNamed, facts: { ...facts, prisonerName: null } }).subject).toBe("Free them all");
    const long = { ...template, subjects: ["x".repeat(500)] };
    expect(compose(1, { template: long }).subject).toHaveLength(SUBJECT_MAX_LENGTH);
  });

  it("ignores empty variants and copes with a template that has none", () => {
    const empty = composeAppeal({
      template: { subjects: [], openings: ["  "], arguments: [], closings: [] },
      facts: {},
      signature: { mode: "campaign" },
      onBehalfLine: "On behalf of Listy supporters",
      seed: 9,
    });
    expect(empty).toMatchObject({ subject: "", body: "", signature: "On behalf of Listy supporters" });
  });
});

describe("signature", () => {
  it("signs with the name and town on separate lines, cleaned to one line each", () => {
    expect(signatureText({ mode: "named", name: " Anna\nKowalska ", town: "Kraków" }, "", null)).toBe("Anna Kowalska\nKraków");
    expect(signatureText({ mode: "named", name: "Anna", town: "  " }, "", null)).toBe("Anna");
    expect(signatureText({ mode: "named", name: "" }, "", null)).toBe("");
  });

  it("signs on behalf of the campaign without any name of the supporter", () => {
    const result = compose(5, { signature: { mode: "campaign" } });
    expect(result.signature).toBe("On behalf of “Free them all”");
    // A title with braces in it is still printed as it is.
    expect(signatureText({ mode: "campaign" }, "For {campaignTitle}", "A {b} c")).toBe("For A {b} c");
  });

  it("puts the signature after the closing, separated by a blank line", () => {
    expect(letterText("Text.\r\n\r\nYours,\n", "Anna\nKraków")).toBe("Text.\n\nYours,\n\nAnna\nKraków");
    expect(letterText("Text.", "")).toBe("Text.");
  });
});

describe("prisoner facts", () => {
  const t = (key: string, options?: Record<string, unknown>) => `${key}${options ? JSON.stringify(options) : ""}`;
  const report: StatusReport = {
    source: { publication: "Test Monitor", title: null, url: null },
    reportedOn: "2026-11-01",
    precision: "DAY",
    displayDate: "1 November 2026",
  };
  const fresh: StatusReportView = { freshness: "fresh", report };
  const stale: StatusReportView = { freshness: "stale", report };
  const unreported: StatusReportView = { freshness: "unreported", report: null };
  const none = { sentenceMonths: null, sentencedOn: null, arrestedOn: null };

  it("states a status only while its report is fresh, naming the report and its date", () => {
    expect(prisonerFactsLine(t, { status: "IN_CUSTODY", statusReport: fresh, ...none })).toBe(
      'appeals:prisoner-facts.in-custody{"source":"Test Monitor","date":"1 November 2026"}',
    );
    expect(prisonerFactsLine(t, { status: "INCOMMUNICADO", statusReport: fresh, ...none })).toContain("incommunicado");
    // Too old to state as true now, or never reported: no status sentence at all.
    expect(prisonerFactsLine(t, { status: "IN_CUSTODY", statusReport: stale, ...none })).toBe("");
    expect(prisonerFactsLine(t, { status: "INCOMMUNICADO", statusReport: stale, ...none })).toBe("");
    expect(prisonerFactsLine(t, { status: "IN_CUSTODY", statusReport: unreported, ...none })).toBe("");
    expect(prisonerFactsLine(t, { status: "RELEASED", statusReport: fresh, ...none })).toBe("");
  });

  it("states the sentence with the date it was handed down, in years or months, and the arrest date", () => {
    expect(
      prisonerFactsLine(t, { status: "IN_CUSTODY", statusReport: stale, sentenceMonths: 48, sentencedOn: "September 2025", arrestedOn: "October 2024" }),
    ).toBe(
      'appeals:prisoner-facts.sentence{"duration":"appeals:prisoner-facts.years{\\"count\\":4}","date":"September 2025"} appeals:prisoner-facts.arrested{"date":"October 2024"}',
    );
    expect(prisonerFactsLine(t, { status: "IN_CUSTODY", statusReport: stale, sentenceMonths: 18, sentencedOn: "2025", arrestedOn: null })).toContain(
      'months{\\"count\\":18}',
    );
    // A sentence with no known date is not stated: it could not say when.
    expect(prisonerFactsLine(t, { status: "IN_CUSTODY", statusReport: stale, sentenceMonths: 48, sentencedOn: null, arrestedOn: null })).toBe("");
    expect(prisonerFactsLine(t, { status: "IN_CUSTODY", statusReport: stale, sentenceMonths: 0, sentencedOn: "2025", arrestedOn: null })).toBe("");
    // A date ending in an abbreviation does not get a second full stop.
    const russian = (key: string, options?: Record<string, unknown>) => (key.endsWith("arrested") ? `Дата ареста: ${String(options?.date)}.` : key);
    expect(prisonerFactsLine(russian, { status: "IN_CUSTODY", statusReport: stale, ...none, arrestedOn: "октябрь 2024 г." })).toBe("Дата ареста: октябрь 2024 г.");
  });
});

describe("the demo templates", () => {
  it.each(supportedLanguages)("in %s: three variants of each part, only known placeholders, every combination fills", (language) => {
    const demo = demoAppealTemplates[language];
    for (const part of [demo.subjects, demo.openings, demo.arguments, demo.closings]) expect(part).toHaveLength(3);
    const all = [...demo.subjects, ...demo.openings, ...demo.arguments, ...demo.closings].join("\n");
    for (const [, name] of all.matchAll(/\{([^{}]*)\}/g)) {
      expect(["prisonerName", "prisonerFacts", "officialName", "officialPosition", "campaignTitle", "signature"]).toContain(name);
    }
    const bodies = new Set<string>();
    for (let seed = 0; seed < 300; seed += 1) {
      const result = composeAppeal({ template: demo, facts, signature: { mode: "campaign" }, onBehalfLine: "x", seed: seed * 104729 });
      expect(result.subject.length).toBeGreaterThan(10);
      expect(`${result.subject}\n${result.body}`).not.toMatch(/\{|\}|undefined|null/);
      bodies.add(result.body);
    }
    expect(bodies.size).toBe(27);
  });
});

describe("the demo templates state only sourced facts, in the style of an official appeal", () => {
  // Greetings of everyday letters; a formal salutation ("Szanowni Państwo,", "Dear …,") is not one.
  const GREETING = /^(Добрый день|Здравствуйте|Привет|Добры дзень|Вітаю|Прывітанне|Добрий день|Привіт|Dzień dobry|Witam|Cześć|Laba diena|Sveiki|Labas|Hello|Hi|Good (morning|afternoon|day))(?=[\s.,!]|$)/i;
  // A treaty and its ratification are in none of the seed reports.
  const UNSOURCED_CLAIM = /ратиф|ратыф|ratif|covenant|пакт|pakt/i;
  // A count, or the group that counts, is a fact and needs its report.
  const FACTUAL = /\d|тысяч|тисяч|thousand|tysiąc|tūkstan|Весн|Вясн|Viasna|Wiasna/i;

  it.each(supportedLanguages)("in %s: no opening begins with a greeting", (language) => {
    for (const opening of demoAppealTemplates[language].openings) expect(opening.trimStart(), opening).not.toMatch(GREETING);
  });

  it.each(supportedLanguages)("in %s: no part claims that Belarus ratified a covenant", (language) => {
    const demo = demoAppealTemplates[language];
    for (const text of [...demo.subjects, ...demo.openings, ...demo.arguments, ...demo.closings]) expect(text).not.toMatch(UNSOURCED_CLAIM);
  });

  it.each(supportedLanguages)("in %s: each argument names its report and date, or is a principle that states no fact", (language) => {
    const { arguments: texts } = demoAppealTemplates[language];
    const sources = demoAppealArgumentSources[language];
    expect(sources).toHaveLength(texts.length);
    texts.forEach((text, index) => {
      const key = sources[index];
      if (key === null) {
        expect(text, `argument ${index} is a principle`).not.toMatch(FACTUAL);
        return;
      }
      const source = demoSources.find((candidate) => candidate.key === key);
      expect(source, `argument ${index} cites "${key}"`).toBeDefined();
      expect(text, `argument ${index} names its report`).toContain(source!.publication);
      expect(text, `argument ${index} gives the report's year`).toContain(source!.publishedOn.slice(0, 4));
    });
    expect(sources.some((key) => key !== null)).toBe(true);
  });
});

describe("mailto links", () => {
  it("percent-encodes subject and body, with CRLF line breaks, so nothing can add a header or a recipient", () => {
    const href = mailtoHref("office@example.org", "Free them & all? #1", "Line one\nLine two: 100% «ok»\n\nBcc: evil@example.com");
    expect(href).toBe(
      "mailto:office@example.org?subject=Free%20them%20%26%20all%3F%20%231&body=Line%20one%0D%0ALine%20two%3A%20100%25%20%C2%ABok%C2%BB%0D%0A%0D%0ABcc%3A%20evil%40example.com",
    );
    const url = new URL(href!);
    expect(url.searchParams.get("subject")).toBe("Free them & all? #1");
    expect(url.searchParams.get("body")).toBe("Line one\r\nLine two: 100% «ok»\r\n\r\nBcc: evil@example.com");
    expect([...url.searchParams.keys()]).toEqual(["subject", "body"]);
  });

  it("encodes Cyrillic and the characters encodeURIComponent leaves alone", () => {
    const href = mailtoHref("a@example.org", "Освободите (всех)!", "It's *done*");
    expect(href).toBe("mailto:a@example.org?subject=%D0%9E%D1%81%D0%B2%D0%BE%D0%B1%D0%BE%D0%B4%D0%B8%D1%82%D0%B5%20%28%D0%B2%D1%81%D0%B5%D1%85%29%21&body=It%27s%20%2Adone%2A");
  });

  it("refuses anything but one plain address", () => {
    for (const bad of ["a@x.org, b@y.org", "a@x.org;b@y.org", "a@x.org?cc=b@y.org", "a b@x.org", "a@x.org\r\nBcc: b@y.org", "nobody", "a@localhost", ""]) {
      expect(isSingleAddress(bad), bad).toBe(false);
      expect(mailtoHref(bad, "s", "b"), bad).toBeNull();
    }
    expect(isSingleAddress("first.last+tag@mail.example.org")).toBe(true);
  });
});
