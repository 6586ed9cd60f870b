// Two workers on one database: each Message-ID is sent once. On PostgreSQL
// (TEST_DATABASE_URL) they are two processes, each with its own connections, so FOR UPDATE
// SKIP LOCKED is what keeps them apart; on PGlite (one connection, one owner process) they
// are two workers in this process sharing the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createMailWorker } from "~/jobs.server";
import { configureMail } from "~/mail/mail-settings.server";

import { usingPostgres, useFreshDatabase, type TestDatabase } from "../../scripts/support/scratch-database";
import { createAppealFixture, queueConfirmedAppeals, spawnWorker, startSmtpServer, type TestSmtpServer } from "../support/smtp";

let database: TestDatabase;
let smtp: TestSmtpServer;

beforeAll(async () => {
  database = await useFreshDatabase();
  smtp = await startSmtpServer();
  configureMail({
    transport: { kind: "smtp", url: smtp.url },
    from: "listy@listy.example.org",
    messageIdDomain: "listy.example.org",
    retryBaseMs: 50,
    maxPerHour: 100_000,
  });
});

afterAll(async () => {
  await smtp?.close();
  await database?.destroy();
});

describe("two workers on the same database", () => {
  it("send each Message-ID exactly once", async () => {
    const fixture = await createAppealFixture(database.prisma, { officials: 4 });
    const ids = await queueConfirmedAppeals(database.prisma, fixture, 120);
    const claimedBy = new Set<string>();

    if (usingPostgres && database.target.kind === "postgres") {
      // No worker dies here, so the lease is long: a slow machine must not look like a crash.
      const env = { DATABASE_URL: database.target.url, SMTP_URL: smtp.url, MAIL_LEASE_SECONDS: "60" };
      const workers = [spawnWorker(env), spawnWorker(env)];
      try {
        await smtp.waitFor((messages) => messages.length >= ids.length, 60_000);
        // Give a duplicate, if there were one, the time to arrive.
        await new Promise((resolve) => setTimeout(resolve, 500));
      } finally {
        for (const worker of workers) worker.child.kill("SIGTERM");
        await Promise.all(workers.map((worker) => worker.exited));
      }
      for (const worker of workers) expect(worker.output()).toContain("started");
    } else {
      const workers = ["one", "two"].map((id) => createMailWorker({ id, log: () => undefined }));
      const counts = await Promise.all(
        workers.map(async (worker) => {
          let total = 0;
          for (let idle = 0; idle < 3; ) {
            const claimed = await worker.runOnce();
            total += claimed;
            idle = claimed === 0 ? idle + 1 : 0;
            if (claimed > 0) claimedBy.add(worker.id);
          }
          worker.close();
          return total;
        }),
      );
      expect(counts.reduce((a, b) => a + b, 0)).toBe(ids.length);
      // Both took part.
      expect(claimedBy.size).toBe(2);
    }

    const received = smtp.messages.map((message) => message.messageId);
    expect(received).toHaveLength(ids.length);
    expect(new Set(received)).toEqual(new Set(ids));
    expect(await database.prisma.outboxMessage.count({ where: { messageId: { in: ids }, state: "SENT" } })).toBe(ids.length);
    expect(await database.prisma.appeal.count({ where: { messageId: { in: ids }, state: "SENT" } })).toBe(ids.length);
  });
});
