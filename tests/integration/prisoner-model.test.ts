import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { findPrisonerProfile, listPrisoners } from "~/prisoners/prisoner.server";
import { findLatestPrisonerCount } from "~/prisoners/source.server";
import { formatPersonName } from "~/utils/format";

import { seedDemoData } from "../../prisma/seed";
import { useFreshDatabase, type TestDatabase } from "../../scripts/support/scratch-database";

let database: TestDatabase;

beforeAll(async () => {
  database = await useFreshDatabase();
  await seedDemoData(database.prisma);
});

afterAll(async () => {
  await database.destroy();
});

describe("listPrisoners", () => {
  it("shows names in the reader's script: Belarusian Cyrillic, Russian Cyrillic or Latin", async () => {
    const name = async (language: "be" | "ru" | "en" | "uk") =>
      formatPersonName((await listPrisoners(language)).find((p) => p.slug === "maryia-kalesnikava")!.names.display);
    expect(await name("be")).toBe("Марыя Калеснікава");
    expect(await name("uk")).toBe("Марыя Калеснікава");
    expect(await name("ru")).toBe("Мария Колесникова");
    expect(await name("en")).toBe("Maryia Kalesnikava");
  });

  it("lists people behind bars first, then the released, then those who died", async () => {
    const statuses = (await listPrisoners("en")).map((prisoner) => prisoner.status);
    const rank = (status: string) => (["IN_CUSTODY", "INCOMMUNICADO"].includes(status) ? 0 : status === "DIED_IN_CUSTODY" ? 2 : 1);
    const ranks = statuses.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});

describe("findPrisonerProfile", () => {
  it("returns the sourced facts in the reader's language", async () => {
    const profile = await findPrisonerProfile("mikalai-statkevich", "ru");
    expect(profile).not.toBeNull();
    expect(profile!.facts.length).toBeGreaterThanOrEqual(3);
    for (const fact of profile!.facts) {
      expect(fact.text?.locale).toBe("ru");
      expect(fact.source.publication).toBeTruthy();
    }
    expect(profile!.lastVerified).toEqual({ date: "2025-10-07", precision: "DAY" });
  });

  it("falls back to English and marks it when a translation is missing", async () => {
    const prisoner = await database.prisma.prisoner.findUniqueOrThrow({ where: { slug: "ihar-losik" } });
    await database.prisma.prisonerTranslation.delete({ where: { prisonerId_locale: { prisonerId: prisoner.id, locale: "lt" } } });
    const profile = await findPrisonerProfile("ihar-losik", "lt");
    expect(profile!.summary).toEqual({ text: "Blogger", locale: "en", isFallback: true });
  });

  it("returns null for an unknown person", async () => {
    expect(await findPrisonerProfile("nobody-at-all", "en")).toBeNull();
  });
});

describe("findLatestPrisonerCount", () => {
  it("is Viasna's count from the newest report: 1,184 on 18 September 2025", async () => {
    const figure = await findLatestPrisonerCount();
    expect(figure).toMatchObject({ value: 1184, countedBy: "Viasna", observedOn: "2025-09-18", observedPrecision: "DAY" });
    expect(figure!.source).toMatchObject({ publication: "Inter Press Service", publishedOn: "2025-10-07" });
  });
});
