// The worker process killed (SIGKILL) mid-batch again and again, then restarted: every
// confirmed appeal is sent, and a message goes out twice only if the worker died between
// handing it to the SMTP server and recording that (at most one per kill).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { migrateDatabase, openDatabase, type Database } from "~/utils/database.server";

import { createTestDatabase, usingPostgres, type TestDatabase } from "../../scripts/support/scratch-database";
import { createAppealFixture, queueConfirmedAppeals, spawnWorker, startSmtpServer, type TestSmtpServer } from "../support/smtp";

const KILLS = 5;
const APPEALS = 50;

let smtp: TestSmtpServer;
let postgres: TestDatabase | undefined;
let pgliteDir: string | undefined;

beforeAll(async () => {
  smtp = await startSmtpServer();
  // Slow replies, so that kills land while a message is being handed over.
  smtp.delayData(40);
});

afterAll(async () => {
  await smtp?.close();
  await postgres?.destroy();
  if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
});

/** The database for the children: a PostgreSQL database, or a PGlite directory only they open. */
async function openTarget(): Promise<{ database: Database; env: Record<string, string>; release(): Promise<void> }> {
  if (usingPostgres) {
    postgres ??= await createTestDatabase();
    const url = postgres.target.kind === "postgres" ? postgres.target.url : "";
    return { database: postgres, env: { DATABASE_URL: url }, release: async () => undefined };
  }
  pgliteDir ??= mkdtempSync(path.join(tmpdir(), "listy-crash-"));
  const dataDir = path.join(pgliteDir, "pg");
  // A killed PGlite leaves its lock file behind; nothing else holds the directory here.
  if (existsSync(path.join(dataDir, "postmaster.pid"))) rmSync(path.join(dataDir, "postmaster.pid"));
  const database = await openDatabase({ kind: "pglite", dataDir });
  await migrateDatabase(database);
  return { database, env: { PGLITE_DATA_DIR: dataDir }, release: () => database.close() };
}

describe("the worker killed mid-batch", () => {
  it("sends every confirmed appeal, with duplicates only inside the crash windows", async () => {
    let target = await openTarget();
    const fixture = await createAppealFixture(target.database.prisma as never, { officials: 3 });
    const ids = await queueConfirmedAppeals(target.database.prisma as never, fixture, APPEALS);
    const env: Record<string, string> = { ...target.env, SMTP_URL: smtp.url };
    await target.release();

    let kills = 0;
    for (let round = 0; round < KILLS; round++) {
      const before = smtp.messages.length;
      const worker = spawnWorker(env);
      // Kill it once it is sending: a moment after the server sees its next message.
      await smtp.waitFor((messages) => messages.length > before || messages.length >= APPEALS, 20_000).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 250));
      worker.child.kill("SIGKILL");
      await worker.exited;
      kills++;
      if (!usingPostgres) {
        const lock = path.join(env.PGLITE_DATA_DIR!, "postmaster.pid");
        if (existsSync(lock)) rmSync(lock);
      }
    }

    const last = spawnWorker(env);
    try {
      await smtp.waitFor((messages) => new Set(messages.map((message) => message.messageId)).size >= APPEALS, 40_000);
    } finally {
      last.child.kill("SIGTERM");
      await last.exited;
    }

    const received = smtp.messages.map((message) => message.messageId ?? "");
    expect(new Set(received)).toEqual(new Set(ids));
    const duplicates = received.length - new Set(received).size;
    expect(duplicates).toBeLessThanOrEqual(kills);
    // Nothing was delivered twice at the same time (no two workers on one row).
    for (const message of smtp.messages) expect(message.rcptTo).toHaveLength(1);

    target = await openTarget();
    try {
      expect(await target.database.prisma.outboxMessage.count({ where: { messageId: { in: ids }, state: "SENT" } })).toBe(APPEALS);
      expect(await target.database.prisma.appeal.count({ where: { messageId: { in: ids }, state: "SENT" } })).toBe(APPEALS);
    } finally {
      await target.release();
    }
    console.info(`crash test: ${kills} kills, ${received.length} messages for ${APPEALS} appeals, ${duplicates} duplicate(s)`);
  }, 90_000);
});
