import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { supportedLanguages } from "~/i18n";

import { demoCampaign, demoChargeTypes, demoPrisoners, demoSources, type DemoSource } from "../../prisma/demo-data";

// The seed reports the demo data is drawn from sit beside the repository; CI has no copy, so
// the check against their text runs only where they exist.
const seedsFolder = path.resolve(fileURLToPath(new URL("../..", import.meta.url)), "../shared/seeds");

/**
 * Words that characterise a person ("former general", "presidential candidate", "ran for
 * president") in the six languages. The reports use them; Listy may only quote them.
 */
const CHARACTERISATION =
  /general|genera[łl]|generol|генерал|candidat|kandydat|kandydow|kandidat|кандыдат|кандидат|балатав|баллотир|балотув|\bran (?:as|for)\b/i;

/** A quotation in any of the languages' quotation marks: « », “ ”, „ ” and „ “. */
const QUOTATION = /«[^«»]*»|„[^„“”]*[“”]|“[^“”]*”/g;

const sourceByKey = new Map(demoSources.map((source) => [source.key, source]));
const facts = demoPrisoners.flatMap((prisoner) => prisoner.facts.map((fact) => ({ slug: prisoner.slug, ...fact })));

const withoutQuotations = (text: string) => text.replace(QUOTATION, "…");
const normalised = (text: string) => text.replace(/[‘’]/g, "'").replace(/\s+/g, " ").trim();

describe("demo data: every fact is a dated report", () => {
  it("ties every fact and charge to a demo source that has a date and a precision", () => {
    const cited = [
      ...facts.map((fact) => ({ what: `${fact.slug} ${fact.kind}`, key: fact.source })),
      ...demoPrisoners.flatMap((prisoner) => (prisoner.charges ?? []).map((charge) => ({ what: `${prisoner.slug} charge`, key: charge.source }))),
    ];
    for (const { what, key } of cited) {
      const source = sourceByKey.get(key);
      expect(source, `${what} cites "${key}"`).toBeDefined();
      expect(source!.publishedOn, what).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(source!.datePrecision, what).toBeTruthy();
    }
  });

  it("dates no fact after the report that gives it, and gives every date a precision", () => {
    for (const fact of facts) {
      expect(fact.occurredOn === null, `${fact.slug} ${fact.kind}: date and precision together`).toBe(fact.datePrecision === null);
      if (fact.occurredOn) expect(fact.occurredOn <= sourceByKey.get(fact.source)!.publishedOn, `${fact.slug} ${fact.kind}`).toBe(true);
    }
  });

  it("dates each report of being held incommunicado, since it says how things were then, not now", () => {
    const incommunicado = facts.filter((fact) => fact.kind === "INCOMMUNICADO");
    expect(incommunicado.length).toBeGreaterThan(0);
    for (const fact of incommunicado) {
      expect(fact.occurredOn, fact.slug).not.toBeNull();
      // Told in the past tense, as the report's words.
      expect(fact.text.en, fact.slug).toMatch(/ (says|say) (he|she) was “/);
    }
  });
});

describe("demo data: characterisations are quoted and attributed, never asserted", () => {
  it("no summary calls anyone a general or a candidate, in any language", () => {
    const texts = [
      ...demoPrisoners.map((prisoner) => ({ what: `${prisoner.slug} summary`, text: prisoner.summary })),
      { what: "campaign title", text: demoCampaign.title },
      { what: "campaign summary", text: demoCampaign.summary },
      { what: "campaign ask", text: demoCampaign.ask },
    ];
    for (const { what, text } of texts) {
      for (const language of supportedLanguages) expect(text[language], `${what} in ${language}`).not.toMatch(CHARACTERISATION);
    }
  });

  it("a fact uses such a word only inside a quotation, and names the report it quotes", () => {
    let quoted = 0;
    for (const fact of facts) {
      const source = sourceByKey.get(fact.source)!;
      for (const language of supportedLanguages) {
        const text = fact.text[language];
        const what = `${fact.slug} ${fact.kind} in ${language}`;
        expect(withoutQuotations(text), what).not.toMatch(CHARACTERISATION);
        if ((text.match(QUOTATION) ?? []).some((quotation) => CHARACTERISATION.test(quotation))) {
          quoted += 1;
          expect(text, `${what} names ${source.publication}`).toContain(source.publication);
        }
      }
    }
    // Statkevich ("former general"), Babaryka and Tsikhanouski ("presidential candidates").
    expect(quoted).toBeGreaterThanOrEqual(3 * supportedLanguages.length);
  });
});

describe.skipIf(!existsSync(seedsFolder))("demo data: quotations match the seed reports", () => {
  const reports = existsSync(seedsFolder)
    ? readdirSync(seedsFolder)
        .filter((file) => file.endsWith(".txt"))
        .map((file) => normalised(readFileSync(path.join(seedsFolder, file), "utf8")))
    : [];
  // A report is found by its headline, or, when the stored copy has none, by its publisher.
  const reportsOf = (source: DemoSource) => reports.filter((report) => report.includes(normalised(source.title ?? source.publication)));

  it("finds the report behind every cited source", () => {
    for (const key of new Set(facts.map((fact) => fact.source))) {
      expect(reportsOf(sourceByKey.get(key)!).length, key).toBeGreaterThan(0);
    }
  });

  it("each quoted English phrase occurs word for word in the report it is attributed to", () => {
    let checked = 0;
    for (const fact of facts) {
      const candidates = reportsOf(sourceByKey.get(fact.source)!);
      for (const quotation of fact.text.en.match(/“[^“”]*”/g) ?? []) {
        const phrase = normalised(quotation.slice(1, -1));
        expect(
          candidates.some((report) => report.includes(phrase)),
          `${fact.slug} ${fact.kind}: “${phrase}” in ${fact.source}`,
        ).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe("charge explanations", () => {
  // Issue 17: "Zdrada stanu: Zarzut zdrady państwa" told a supporter nothing the name had not.
  it.each(supportedLanguages)("%s: each explanation says more than the charge's name", (language) => {
    for (const charge of demoChargeTypes) {
      const name = charge.name[language]!;
      const explanation = charge.explanation[language]!;
      expect(explanation.length, `${charge.slug}: ${explanation}`).toBeGreaterThan(name.length + 60);
    }
  });
});
