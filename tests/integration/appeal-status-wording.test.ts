// An appeal is read as saying what is true now: it may state a prisoner's status only while
// the report behind it is fresh, and then names the report and its date. Drafted here with the
// demo campaign's own templates, in every language, for every person the campaign names.
import { readFileSync } from "node:fs";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { draftAppeal, findAppealCampaign, type AppealCampaign } from "~/appeals/appeal-draft.server";
import { supportedLanguages, type Language } from "~/i18n";
import { formatDate } from "~/utils/format";

import { seedDemoData } from "../../prisma/seed";
import { useFreshDatabase, type TestDatabase } from "../../scripts/support/scratch-database";
import { daysAgo, reportStatus } from "../support/status-fixture";

let database: TestDatabase;
const SEEDS = [0, 7919, 104729];

beforeAll(async () => {
  database = await useFreshDatabase();
  await seedDemoData(database.prisma);
});

afterAll(async () => {
  await database?.destroy();
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The status sentences of `language`, as patterns; and the undated labels appeals used to print. */
function statusPatterns(language: Language): RegExp[] {
  const facts = (JSON.parse(readFileSync(`locales/${language}/appeals.json`, "utf8")) as { "prisoner-facts": Record<string, string> })["prisoner-facts"];
  const sentences = [facts["in-custody"]!, facts.incommunicado!].map(
    (text) => new RegExp(escape(text).replace(/\\\{\\\{(source|date)\\\}\\\}/g, ".*?")),
  );
  const undated = { ru: "Положение:", be: "Становішча:", uk: "Становище:", pl: "Sytuacja:", lt: "Padėtis:", en: "Status:" }[language];
  return [...sentences, new RegExp(escape(undated))];
}

async function campaign(): Promise<AppealCampaign> {
  return (await findAppealCampaign("free-them-all", "en"))!;
}

/** Every draft: language × person × seed. */
async function drafts() {
  const current = await campaign();
  const target = current.targets[0]!;
  const result: { language: Language; slug: string; body: string }[] = [];
  for (const language of supportedLanguages) {
    for (const prisoner of current.prisoners) {
      for (const seed of SEEDS) {
        const draft = await draftAppeal(current, { target, prisoner, seed, signature: { mode: "campaign" }, letterLanguage: language });
        expect(draft, `${language} ${prisoner.slug}`).not.toBeNull();
        result.push({ language, slug: prisoner.slug, body: draft!.body });
      }
    }
  }
  return result;
}

function statusSentencesIn({ language, body }: { language: Language; body: string }) {
  return statusPatterns(language).filter((pattern) => pattern.test(body));
}

describe("the status line of an appeal", () => {
  it("is absent from every draft today: every demo status report is older than the allowed age", async () => {
    const all = await drafts();
    expect(all).toHaveLength(supportedLanguages.length * 7 * SEEDS.length);
    for (const draft of all) expect(statusSentencesIn(draft), `${draft.language} ${draft.slug}`).toEqual([]);
  });

  it("names the source and the date when the report is 30 days old, and disappears when it is 213 days old", async () => {
    const slugs = (await campaign()).prisoners.map((prisoner) => prisoner.slug);
    const publications = new Map<string, string>();
    for (const slug of slugs) publications.set(slug, await reportStatus(database.prisma, slug, { daysAgo: 30 }));
    const reportedOn = daysAgo(30).toISOString().slice(0, 10);

    for (const draft of await drafts()) {
      const label = `${draft.language} ${draft.slug}`;
      expect(statusSentencesIn(draft).length, label).toBeGreaterThan(0);
      expect(draft.body, label).toContain(publications.get(draft.slug)!);
      expect(draft.body, label).toContain(formatDate(reportedOn, "DAY", draft.language));
    }

    // Seven months back: too old to state as true now, so no status sentence at all.
    for (const slug of slugs) await reportStatus(database.prisma, slug, { daysAgo: 213 });
    for (const draft of await drafts()) {
      expect(statusSentencesIn(draft), `${draft.language} ${draft.slug}`).toEqual([]);
      expect(draft.body).not.toContain("Test Monitor");
    }
  });

  it("states a sentence only with the date it was handed down, and the arrest with its date", async () => {
    const current = await campaign();
    const ilyash = current.prisoners.find((prisoner) => prisoner.slug === "ihar-ilyash")!;
    const draft = await draftAppeal(current, { target: current.targets[0]!, prisoner: ilyash, seed: 0, signature: { mode: "campaign" }, letterLanguage: "ru" });
    // Per the Guardian (September 2025): four years, arrested in October 2024.
    expect(draft!.body).toContain(`Приговор (${formatDate("2025-09-01", "MONTH", "ru")}): 4 года лишения свободы.`);
    // «октябрь 2024 г.» already ends the sentence: no second full stop.
    const arrested = formatDate("2024-10-01", "MONTH", "ru");
    expect(draft!.body).toContain(`Дата ареста: ${arrested.endsWith(".") ? arrested : `${arrested}.`}`);
    expect(draft!.body).not.toContain("..");
  });
});
