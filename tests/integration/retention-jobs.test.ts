// Retention purges are a privacy promise (docs/operators.md), so they must not depend on mail:
// the production server is started in the configurations where the outbox worker does not run
// (embedded with MAIL_WORKER=off; PostgreSQL without SMTP_URL, two instances at once), with
// personal data past its retention in the database, and must erase it on schedule, say so
// on /healthz, and run each tick once however many instances share the database.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import type { PrismaClient } from "@prisma/client";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { createJobScheduler } from "~/jobs.server";
import { migrateDatabase, openDatabase, type Database } from "~/utils/database.server";
import { PERIODIC_JOBS } from "~/utils/job-runs.server";

import { useFreshDatabase } from "../../scripts/support/scratch-database";
import { createPrisoner } from "../support/pledge-fixtures";
import { freePort } from "../support/spawn-listy";

const INTERVAL_SECONDS = 1;
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

interface Expired {
  letterId: string;
  pledgeId: string;
  requestId: string;
}

/** A posted letter, an unconfirmed pledge with an address, and an "erase me" request, all past their retention. */
async function insertExpiredData(prisma: PrismaClient): Promise<Expired> {
  const past = new Date(Date.now() - 60_000);
  const prisonerId = await createPrisoner(prisma);
  const letter = await prisma.letter.create({
    data: {
      prisonerId,
      route: "MAILROOM",
      state: "POSTED",
      language: "be",
      body: "Тэкст, які трэба сцерці",
      returnAddress: "Vulica Kanarejki 1",
      purgeAfter: past,
      createdOn: past,
    },
  });
  const pledge = await prisma.pledge.create({
    data: { kind: "WRITE_MONTHLY", prisonerId, state: "PENDING_CONFIRMATION", language: "be", email: "kanarejka@mail.example.net", emailHash: randomBytes(8).toString("hex"), expiresAt: past },
  });
  const request = await prisma.privacyRequest.create({
    data: { kind: "ERASE", emailHash: randomBytes(8).toString("hex"), tokenHash: randomBytes(16).toString("hex"), language: "be", expiresAt: past },
  });
  return { letterId: letter.id, pledgeId: pledge.id, requestId: request.id };
}

async function isErased(prisma: PrismaClient, expired: Expired): Promise<boolean> {
  const [letter, pledge, request] = await Promise.all([
    prisma.letter.findUnique({ where: { id: expired.letterId } }),
    prisma.pledge.findUnique({ where: { id: expired.pledgeId } }),
    prisma.privacyRequest.findUnique({ where: { id: expired.requestId } }),
  ]);
  return letter?.body === null && letter.returnAddress === null && pledge === null && request === null;
}

interface RunningListy {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** The production server (server/index.ts) as operators start it, with `env` on top. */
async function startListy(env: Record<string, string>): Promise<RunningListy> {
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join("server", "index.ts")], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "warn",
      SEED_DEMO_DATA: "false",
      JOBS_INTERVAL_SECONDS: String(INTERVAL_SECONDS),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  cleanups.push(stop);
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Listy exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Listy did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, output: () => output, stop };
}

/** The last run /healthz reports, polled until it is later than `after` (the jobs ran again since). */
async function healthzRunAfter(listy: RunningListy, after: Date | null, timeoutMs = 30_000): Promise<Date> {
  const deadline = Date.now() + timeoutMs;
  let body = "";
  while (Date.now() < deadline) {
    const response = await fetch(`${listy.url}/healthz`);
    body = await response.text();
    expect(response.status).toBe(200);
    expect(body.startsWith("ok\n")).toBe(true);
    const match = /^jobs: ok, last run (\S+)$/m.exec(body);
    if (match && (!after || new Date(match[1]!) > after)) return new Date(match[1]!);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`/healthz never reported a run after ${after?.toISOString() ?? "start"}; last answer:\n${body}\nserver output:\n${listy.output()}`);
}

describe("retention purges without the mail worker", () => {
  it("run on schedule on the embedded database with MAIL_WORKER=off and no SMTP_URL, and /healthz shows the last run", async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "listy-retention-")), "pg");
    cleanups.push(() => rmSync(path.dirname(dataDir), { recursive: true, force: true }));
    // The embedded database has one owner at a time: fill it, close it, start Listy on it.
    let database: Database = await openDatabase({ kind: "pglite", dataDir });
    await migrateDatabase(database);
    const expired = await insertExpiredData(database.prisma);
    await database.close();

    const listy = await startListy({ PGLITE_DATA_DIR: dataDir, MAIL_WORKER: "off", MAIL_DIR: path.join(path.dirname(dataDir), "mail") });
    const first = await healthzRunAfter(listy, null);
    // On schedule, not only at start: a later tick runs too.
    await healthzRunAfter(listy, first);
    await listy.stop();

    database = await openDatabase({ kind: "pglite", dataDir });
    try {
      expect(await isErased(database.prisma, expired)).toBe(true);
      expect(await database.prisma.jobRun.count({ where: { job: PERIODIC_JOBS, outcome: "ok" } })).toBeGreaterThanOrEqual(2);
    } finally {
      await database.close();
    }
  }, 180_000);

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
    "run on schedule on PostgreSQL in production without SMTP_URL, once per tick across two instances",
    async () => {
      const serverUrl = process.env.TEST_DATABASE_URL!;
      const name = `listy_retention_${randomBytes(6).toString("hex")}`;
      await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
      cleanups.push(async () => void (await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))));
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const database = await openDatabase({ kind: "postgres", url: url.toString() });
      cleanups.push(() => database.close());
      await migrateDatabase(database);

      const env = { DATABASE_URL: url.toString(), SESSION_SECRET: randomBytes(32).toString("hex") };
      const [one, two] = [await startListy(env), await startListy(env)];
      const first = await healthzRunAfter(one!, null);
      // Written while both run: only a scheduled tick can erase it.
      const expired = await insertExpiredData(database.prisma);
      await expect.poll(() => isErased(database.prisma, expired), { timeout: 30_000, interval: 200 }).toBe(true);
      await healthzRunAfter(two!, first);
      await Promise.all([one!.stop(), two!.stop()]);

      const runs = await database.prisma.jobRun.findMany({ where: { job: PERIODIC_JOBS }, select: { tick: true } });
      expect(runs.length).toBeGreaterThanOrEqual(2);
      expect(new Set(runs.map((run) => run.tick.getTime())).size).toBe(runs.length);
    },
    240_000,
  );
});

describe("two job runners on one database", () => {
  it("run the purge once per tick: one claims the tick, the other does nothing", async () => {
    const database = await useFreshDatabase();
    cleanups.push(() => database.destroy());
    const intervalMs = 60_000;
    // Just after the start of the next tick: the data below expires by the real clock, so the
    // test clock must not run behind it (a fixed date here stopped erasing anything once passed).
    let clock = new Date(Math.ceil(Date.now() / intervalMs) * intervalMs + 500);
    const runners = ["instance-a", "instance-b"].map((instance) => createJobScheduler({ intervalMs, instance, now: () => clock, log: () => undefined }));

    for (let tick = 0; tick < 5; tick++) {
      const expired = await insertExpiredData(database.prisma);
      const results = await Promise.all(runners.map((runner) => runner.runDue()));
      const ran = results.filter((result) => result !== null);
      expect(ran).toHaveLength(1);
      expect(ran[0]).toMatchObject({ letterTextsErased: 1, unconfirmedPledgesDeleted: 1, privacyRequestsDeleted: 1 });
      expect(await isErased(database.prisma, expired)).toBe(true);
      // Later in the same tick: nobody runs it again.
      clock = new Date(clock.getTime() + 20_000);
      expect(await Promise.all(runners.map((runner) => runner.runDue()))).toEqual([null, null]);
      clock = new Date(clock.getTime() + intervalMs - 20_000);
    }
    const runs = await database.prisma.jobRun.findMany({ where: { job: PERIODIC_JOBS } });
    expect(runs).toHaveLength(5);
    expect(runs.every((run) => run.outcome === "ok" && run.finishedAt !== null)).toBe(true);
  });
});

async function withAdminClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
