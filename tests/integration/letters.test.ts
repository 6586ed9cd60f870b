import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { canTransition, LETTER_TRANSITIONS, LetterTransitionError } from "~/letters/letter-state";
import { purgeExpiredLetters, storeLetter, transitionLetter } from "~/letters/letter.server";

import { seedDemoData } from "../../prisma/seed";
import { useFreshDatabase, type TestDatabase } from "../../scripts/support/scratch-database";

let database: TestDatabase;
let prisonerId: string;

beforeAll(async () => {
  database = await useFreshDatabase();
  await seedDemoData(database.prisma);
  prisonerId = (await database.prisma.prisoner.findUniqueOrThrow({ where: { slug: "maryia-kalesnikava" } })).id;
});

afterAll(async () => {
  await database.destroy();
});

const now = new Date("2026-11-23T10:00:00Z");

describe("the letter state machine", () => {
  it("allows only the written-down moves", () => {
    expect(canTransition("MAILROOM", "QUEUED", "PRINTED")).toBe(true);
    expect(canTransition("MAILROOM", "QUEUED", "POSTED")).toBe(false);
    expect(canTransition("MAILROOM", "POSTED", "QUEUED")).toBe(false);
    expect(canTransition("LETTER_BANK", "BANKED", "HANDED_OVER")).toBe(true);
    expect(canTransition("MAILROOM", "BANKED", "HANDED_OVER")).toBe(false);
    // Final states lead nowhere.
    for (const route of ["MAILROOM", "LETTER_BANK"] as const) {
      for (const final of ["POSTED", "HANDED_OVER", "REJECTED"] as const) expect(LETTER_TRANSITIONS[route][final]).toBeUndefined();
    }
  });
});

describe("stored letters", () => {
  it("writes the letter and its action together, without personal data in the action", async () => {
    const before = await database.prisma.action.count({ where: { prisonerId } });
    const letter = await storeLetter({ prisonerId, route: "LETTER_BANK", language: "be", body: "Дарагая Марыя!", interfaceLanguage: "pl", now });
    expect(letter.state).toBe("BANKED");
    const actions = await database.prisma.action.findMany({ where: { prisonerId } });
    expect(actions).toHaveLength(before + 1);
    expect(actions.at(-1)).toMatchObject({ kind: "LETTER_WRITTEN", language: "pl", country: null });
    expect(actions.at(-1)!.day.toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("writes nothing when the letter cannot be stored", async () => {
    const before = await database.prisma.action.count();
    await expect(
      storeLetter({ prisonerId: "no-such-prisoner", route: "MAILROOM", language: "ru", body: "…", interfaceLanguage: "en", now }),
    ).rejects.toThrow();
    expect(await database.prisma.action.count()).toBe(before);
  });

  it("moves through the mailroom and refuses moves that skip a step or race", async () => {
    const letter = await storeLetter({ prisonerId, route: "MAILROOM", language: "ru", body: "Дорогая Мария!", interfaceLanguage: "en", now });
    await expect(transitionLetter(letter.id, "QUEUED", "POSTED", { now })).rejects.toBeInstanceOf(LetterTransitionError);
    const printed = await transitionLetter(letter.id, "QUEUED", "PRINTED", { now });
    expect(printed.state).toBe("PRINTED");
    expect(printed.purgeAfter).toBeNull();
    // Someone else already printed it: the stale "from" is refused.
    await expect(transitionLetter(letter.id, "QUEUED", "PRINTED", { now })).rejects.toBeInstanceOf(LetterTransitionError);
    const posted = await transitionLetter(letter.id, "PRINTED", "POSTED", { now, retentionDays: 7 });
    expect(posted.purgeAfter?.toISOString()).toBe("2026-11-30T10:00:00.000Z");
  });

  it("erases the text and return address once the retention has ended, and only then", async () => {
    const letter = await storeLetter({
      prisonerId,
      route: "LETTER_BANK",
      language: "ru",
      body: "Текст для банка писем",
      returnAddress: "Canary Street 1",
      interfaceLanguage: "en",
      now,
    });
    await transitionLetter(letter.id, "BANKED", "HANDED_OVER", { now, retentionDays: 30 });
    await purgeExpiredLetters(new Date("2026-12-22T10:00:00Z"));
    expect((await database.prisma.letter.findUniqueOrThrow({ where: { id: letter.id } })).body).toBe("Текст для банка писем");
    const purged = await purgeExpiredLetters(new Date("2026-12-23T10:00:01Z"));
    expect(purged).toBeGreaterThanOrEqual(1);
    const after = await database.prisma.letter.findUniqueOrThrow({ where: { id: letter.id } });
    expect(after).toMatchObject({ body: null, returnAddress: null, state: "HANDED_OVER" });
    const rows = await database.sql.query<{ hits: number }>(
      `SELECT count(*)::int AS hits FROM "Letter" WHERE body LIKE '%банка писем%' OR "returnAddress" LIKE '%Canary%'`,
    );
    expect(rows[0]?.hits).toBe(0);
  });
});

describe("the retention setting and the scheduled purge", () => {
  it("uses LETTER_RETENTION_DAYS for new final states, and the purge job erases what is due", async () => {
    const { setLetterRetentionDays, DEFAULT_RETENTION_DAYS } = await import("~/letters/letter.server");
    const { startJobScheduler } = await import("~/jobs.server");
    expect(() => setLetterRetentionDays(0)).toThrow(RangeError);
    setLetterRetentionDays(2);
    try {
      const start = new Date(Date.now() - 3 * 86_400_000);
      const letter = await storeLetter({ prisonerId, route: "MAILROOM", language: "be", body: "Тэкст для пошты", interfaceLanguage: "pl", now: start });
      await transitionLetter(letter.id, "QUEUED", "PRINTED", { now: start });
      const posted = await transitionLetter(letter.id, "PRINTED", "POSTED", { now: start });
      expect(posted.purgeAfter?.getTime()).toBe(start.getTime() + 2 * 86_400_000);
      const logged: string[] = [];
      const scheduler = startJobScheduler({ intervalMs: 60_000, log: (line) => logged.push(line) });
      try {
        await expect.poll(async () => (await database.prisma.letter.findUniqueOrThrow({ where: { id: letter.id } })).body, { timeout: 5_000 }).toBeNull();
        await expect.poll(() => logged.join("\n")).toMatch(/letterTextsErased \d+/);
      } finally {
        await scheduler.stop();
      }
    } finally {
      setLetterRetentionDays(DEFAULT_RETENTION_DAYS);
    }
  });
});
