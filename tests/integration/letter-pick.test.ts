import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { pickPrisonerToWrite } from "~/letters/letter-pick.server";

import { seedDemoData } from "../../prisma/seed";
import { useFreshDatabase, type TestDatabase } from "../../scripts/support/scratch-database";

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
  await database.prisma.prisoner.updateMany({ where: { letterStatus: "CAN_RECEIVE" }, data: { letterStatus: "UNKNOWN" } });
  await database.prisma.prisoner.updateMany({ data: { birthDate: null } });
});

async function writeLetters(slug: string, count: number, day = "2026-11-20") {
  const prisoner = await database.prisma.prisoner.findUniqueOrThrow({ where: { slug } });
  await database.prisma.action.createMany({
    data: Array.from({ length: count }, () => ({ kind: "LETTER_WRITTEN" as const, prisonerId: prisoner.id, language: "en", day: new Date(`${day}T00:00:00Z`) })),
  });
}

describe("pickPrisonerToWrite", () => {
  it("prefers someone a letter can reach over someone whose status is unknown or held incommunicado", async () => {
    await database.prisma.prisoner.update({ where: { slug: "katsiaryna-bakhvalava" }, data: { letterStatus: "CAN_RECEIVE" } });
    await writeLetters("katsiaryna-bakhvalava", 5);
    const pick = await pickPrisonerToWrite("en", { now: NOW });
    expect(pick?.slug).toBe("katsiaryna-bakhvalava");
    expect(pick?.reasons).toEqual([{ kind: "can-receive" }, { kind: "letters-last-30-days", count: 5 }]);
  });

  it("among equals, picks the one with the fewest letters in the last 30 days (older letters do not count)", async () => {
    // Both demo people whose letter status is unknown are in custody.
    await writeLetters("katsiaryna-bakhvalava", 3);
    await writeLetters("ihar-ilyash", 1);
    await writeLetters("ihar-ilyash", 9, "2026-09-01");
    const pick = await pickPrisonerToWrite("en", { now: NOW });
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
    await database.prisma.prisoner.update({ where: { slug: "ihar-ilyash" }, data: { letterStatus: "CAN_RECEIVE" } });
    expect((await pickPrisonerToWrite("be", { now: NOW }))?.names.display.givenName).toBe("Ігар");
    expect((await pickPrisonerToWrite("ru", { now: NOW }))?.names.display.givenName).toBe("Игорь");
  });
});
