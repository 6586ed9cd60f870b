// Several instances on one database do the once-only work once: the periodic jobs never run
// two at a time (an advisory lock, beside the per-tick claim), and the mail workers together
// stay within the hourly cap (they count and claim under one lock). On PostgreSQL
// (TEST_DATABASE_URL) the instances here each use their own pooled connections, which are
// separate sessions as another process's would be; on PGlite (one owner process) they share it.
import type { PrismaClient } from "@prisma/client";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createJobScheduler, createMailWorker } from "~/jobs.server";
import { configureMail } from "~/mail/mail-settings.server";
import { PERIODIC_JOBS, PERIODIC_JOBS_LOCK_ID } from "~/utils/job-runs.server";

import { usingPostgres, useFreshDatabase, type TestDatabase } from "../../scripts/support/scratch-database";
import { createPrisoner } from "../support/pledge-fixtures";
import { createAppealFixture, queueConfirmedAppeals, startSmtpServer, type TestSmtpServer } from "../support/smtp";

const INTERVAL_MS = 60_000;

let database: TestDatabase;
let smtp: TestSmtpServer;

beforeAll(async () => {
  database = await useFreshDatabase();
  smtp = await startSmtpServer();
});

afterAll(async () => {
  await smtp?.close();
  await database?.destroy();
});

/** A posted letter whose text is past its retention: the purge's effect, counted once. */
async function insertExpiredLetter(prisma: PrismaClient): Promise<string> {
  const past = new Date(Date.now() - 60_000);
  const letter = await prisma.letter.create({
    data: { prisonerId: await createPrisoner(prisma), route: "MAILROOM", state: "POSTED", language: "be", body: "Тэкст", returnAddress: "Vulica 1", purgeAfter: past, createdOn: past },
  });
  return letter.id;
}

/** Just after the start of the next tick by the real clock, so the data above is already past. */
const nextTickStart = () => new Date(Math.ceil(Date.now() / INTERVAL_MS) * INTERVAL_MS + 500);

describe("the periodic jobs on two instances", () => {
  it("never run twice at once: a run that outlasts its tick keeps the next tick's instance out, and the purge happens once", async () => {
    await database.prisma.jobRun.deleteMany({});
    const letterId = await insertExpiredLetter(database.prisma);
    const tick = nextTickStart();
    // Instance A is still in its tick when instance B's clock has reached the next one: without
    // the lock each claims its own tick and both run the jobs side by side.
    const late = createJobScheduler({ intervalMs: INTERVAL_MS, instance: "instance-a", now: () => tick, log: () => undefined });
    const next = createJobScheduler({ intervalMs: INTERVAL_MS, instance: "instance-b", now: () => new Date(tick.getTime() + INTERVAL_MS), log: () => undefined });
    const results = await Promise.all([late.runDue(), next.runDue()]);

    const ran = results.filter((result) => result !== null);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({ letterTextsErased: 1 });
    expect(await database.prisma.jobRun.count({ where: { job: PERIODIC_JOBS } })).toBe(1);
    expect((await database.prisma.letter.findUniqueOrThrow({ where: { id: letterId } })).body).toBeNull();

    // The instance that was kept out left its tick unclaimed: with the lock free, it runs it.
    const keptOut = results[0] === null ? late : next;
    expect(await keptOut.runDue()).toMatchObject({ letterTextsErased: 0 });
    expect(await database.prisma.jobRun.count({ where: { job: PERIODIC_JOBS } })).toBe(2);
  });

  it.skipIf(!usingPostgres)("skip their tick while another process's session holds the lock, and run it once the lock is free", async () => {
    if (database.target.kind !== "postgres") throw new Error("PostgreSQL expected");
    await database.prisma.jobRun.deleteMany({});
    const letterId = await insertExpiredLetter(database.prisma);
    const scheduler = createJobScheduler({ intervalMs: INTERVAL_MS, instance: "instance-c", now: nextTickStart, log: () => undefined });
    const otherInstance = new pg.Client({ connectionString: database.target.url });
    await otherInstance.connect();
    try {
      await otherInstance.query("SELECT pg_advisory_lock($1)", [PERIODIC_JOBS_LOCK_ID]);
      expect(await scheduler.runDue()).toBeNull();
      expect(await database.prisma.jobRun.count({ where: { job: PERIODIC_JOBS } })).toBe(0);
      expect((await database.prisma.letter.findUniqueOrThrow({ where: { id: letterId } })).body).not.toBeNull();
      await otherInstance.query("SELECT pg_advisory_unlock($1)", [PERIODIC_JOBS_LOCK_ID]);
      expect(await scheduler.runDue()).toMatchObject({ letterTextsErased: 1 });
    } finally {
      await otherInstance.end();
    }
  });
});

describe("mail workers on several instances", () => {
  it("send exactly the hourly cap between them, however their passes interleave", async () => {
    const CAP = 7;
    // A batch larger than the cap: each worker alone could take the whole hour's room.
    configureMail({
      transport: { kind: "smtp", url: smtp.url },
      from: "listy@listy.example.org",
      messageIdDomain: "listy.example.org",
      retryBaseMs: 50,
      batchSize: 10,
      maxPerHour: CAP,
    });
    const fixture = await createAppealFixture(database.prisma, { officials: 3 });
    const ids = await queueConfirmedAppeals(database.prisma, fixture, 30);
    const workers = ["one", "two", "three"].map((id) => createMailWorker({ id, log: () => undefined }));
    try {
      await Promise.all(
        workers.map(async (worker) => {
          for (let idle = 0; idle < 3; ) idle = (await worker.runOnce()) === 0 ? idle + 1 : 0;
        }),
      );
    } finally {
      for (const worker of workers) worker.close();
    }

    expect(smtp.messages).toHaveLength(CAP);
    expect(await database.prisma.outboxMessage.count({ where: { messageId: { in: ids }, state: "SENT" } })).toBe(CAP);
    expect(await database.prisma.outboxMessage.count({ where: { messageId: { in: ids }, state: "QUEUED" } })).toBe(ids.length - CAP);
  });
});
