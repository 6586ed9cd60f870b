import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { pickPrisonerToWrite } from "~/letters/letter-pick.server";

import { seedDemoData } from "../../prisma/seed";
import { useFreshDatabase, type TestDatabase } from "../../scripts/support/scratch-database";
import { daysAgo, reportStatus } from "../support/status-fixture";

let database: TestDatabase;
const NOW = new Date("2026-11-23T10:00:00Z");

beforeAll(async () => {
  database = await useFreshDatabase();
  await seedDemoData(database.prisma);
});

afterAll(async () => {
  await database.destroy();
});

beforeEach(async () => {
  await database.prisma.action.deleteMany({});
  await database.prisma.prisoner.updateMany({
    where: { letterStatus: "CAN_RECEIVE" },
    data: { letterStatus: "UNKNOWN", letterStatusSourceId: null, letterStatusReportedOn: null, letterStatusReportedPrecision: null },
  });
  await database.prisma.prisoner.updateMany({ data: { birthDate: null } });
});

async function writeLetters(slug: string, count: number, day = "2026-11-20") {
  const prisoner = await database.prisma.prisoner.findUniqueOrThrow({ where: { slug } });
  await database.prisma.action.createMany({
    data: Array.from({ length: count }, () => ({ kind: "LETTER_WRITTEN" as const, prisonerId: prisoner.id, language: "en", day: new Date(`${day}T00:00:00Z`) })),
  });
}

describe("pickPrisonerToWrite", () => {
  it("prefers someone a letter can reach, per a fresh report, over someone whose status is unknown or held incommunicado", async () => {
    const publication = await reportStatus(database.prisma, "katsiaryna-bakhvalava", { daysAgo: 30, letterStatus: "CAN_RECEIVE", only: "letterStatus" });
    await writeLetters("katsiaryna-bakhvalava", 5);
    const pick = await pickPrisonerToWrite("en", { now: NOW });
    expect(pick?.slug).toBe("katsiaryna-bakhvalava");
    expect(pick?.reasons).toEqual([{ kind: "can-receive" }, { kind: "letters-last-30-days", count: 5 }]);
    // The page names the report the reason rests on.
    expect(pick?.letterStatusReport.freshness).toBe("fresh");
    expect(pick?.letterStatusReport.report?.source.publication).toBe(publication);
  });

  it("ranks a stale “can receive” as unknown and says the report is too old, not that letters arrive", async () => {
    await reportStatus(database.prisma, "katsiaryna-bakhvalava", { daysAgo: 213, letterStatus: "CAN_RECEIVE", only: "letterStatus" });
    // Bakhvalava has had no letters and Ilyash many: with a fresh report she would come first
    // whatever the counts; with a stale one she is one "unknown" among others, so the counts decide.
    // Dated relative to today: freshness is judged against the real clock here.
    await writeLetters("katsiaryna-bakhvalava", 6, daysAgo(3).toISOString().slice(0, 10));
    const skipOthers = { skip: ["ales-bialiatski", "maryia-kalesnikava", "viktar-babaryka", "ihar-losik", "mikalai-statkevich"] };
    const pick = await pickPrisonerToWrite("en", skipOthers);
    expect(pick?.slug).toBe("ihar-ilyash");
    const stale = await pickPrisonerToWrite("en", { skip: [...skipOthers.skip, "ihar-ilyash"] });
    expect(stale?.slug).toBe("katsiaryna-bakhvalava");
    expect(stale?.reasons[0]).toEqual({ kind: "status-stale" });
    expect(stale?.letterStatus).toBe("CAN_RECEIVE");
    expect(stale?.letterStatusReport.freshness).toBe("stale");
  });

  it("sends nobody to the letter bank on the demo's 2024 “incommunicado”, only on a fresh one", async () => {
    const demoIncommunicado = ["ales-bialiatski", "maryia-kalesnikava", "viktar-babaryka", "ihar-losik", "mikalai-statkevich"];
    const others = ["ihar-ilyash", "katsiaryna-bakhvalava"];
    for (const slug of demoIncommunicado) {
      const pick = await pickPrisonerToWrite("en", { skip: [...demoIncommunicado, ...others].filter((other) => other !== slug) });
      expect(pick?.slug).toBe(slug);
      expect(pick?.reasons[0], slug).toEqual({ kind: "status-stale" });
    }
    await reportStatus(database.prisma, "ihar-losik", { daysAgo: 30, letterStatus: "INCOMMUNICADO", only: "letterStatus" });
    const fresh = await pickPrisonerToWrite("en", { skip: [...demoIncommunicado, ...others].filter((other) => other !== "ihar-losik") });
    expect(fresh?.reasons[0]).toEqual({ kind: "letter-bank" });
    // Ranked last: anyone whose letters might arrive comes first.
    expect((await pickPrisonerToWrite("en", { skip: demoIncommunicado.filter((other) => other !== "ihar-losik") }))?.slug).not.toBe("ihar-losik");
  });

  it("among equals, picks the one with the fewest letters in the last 30 days (older letters do not count)", async () => {
    // Both demo people whose letter status is unknown are in custody. The others' 2024–2025
    // "incommunicado" is stale, so they rank as unknown too: leave them out here.
    await writeLetters("katsiaryna-bakhvalava", 3);
    await writeLetters("ihar-ilyash", 1);
    await writeLetters("ihar-ilyash", 9, "2026-09-01");
    const pick = await pickPrisonerToWrite("en", { now: NOW, skip: ["ales-bialiatski", "maryia-kalesnikava", "viktar-babaryka", "ihar-losik", "mikalai-statkevich"] });
    expect(pick?.slug).toBe("ihar-ilyash");
    expect(pick?.reasons).toContainEqual({ kind: "status-unknown" });
    expect(pick?.reasons).toContainEqual({ kind: "letters-last-30-days", count: 1 });
  });

  it("puts a birthday in the next two weeks first, and says when", async () => {
    await writeLetters("ihar-ilyash", 0);
    await writeLetters("katsiaryna-bakhvalava", 4);
    await database.prisma.prisoner.update({ where: { slug: "katsiaryna-bakhvalava" }, data: { birthDate: new Date("1970-11-30T00:00:00Z") } });
    const pick = await pickPrisonerToWrite("en", { now: NOW });
    expect(pick?.slug).toBe("katsiaryna-bakhvalava");
    expect(pick?.reasons).toContainEqual({ kind: "birthday-soon", birthDate: "1970-11-30", daysUntil: 7 });
  });

  it("never suggests someone who is free, in exile or dead, and moves on when asked for someone else", async () => {
    const seen = new Set<string>();
    let skip: string[] = [];
    for (let i = 0; i < 12; i++) {
      const pick = await pickPrisonerToWrite("en", { now: NOW, skip });
      expect(pick).not.toBeNull();
      seen.add(pick!.slug);
      skip = [...skip, pick!.slug];
    }
    const statuses = await database.prisma.prisoner.findMany({ where: { slug: { in: [...seen] } }, select: { status: true } });
    expect(new Set(statuses.map((row) => row.status))).toEqual(new Set(["IN_CUSTODY", "INCOMMUNICADO"]));
    // Seven demo people are behind bars; skipping each in turn shows every one of them.
    expect(seen.size).toBe(7);
  });

  it("shows names in the reader's script", async () => {
    await reportStatus(database.prisma, "ihar-ilyash", { daysAgo: 30, letterStatus: "CAN_RECEIVE", only: "letterStatus" });
    expect((await pickPrisonerToWrite("be", { now: NOW }))?.names.display.givenName).toBe("Ігар");
    expect((await pickPrisonerToWrite("ru", { now: NOW }))?.names.display.givenName).toBe("Игорь");
  });
});
