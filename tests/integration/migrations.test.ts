import { execFile } from "node:child_process";
import { appendFile, cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";

import { defaultMigrationsDir, migrateDatabase } from "~/utils/database.server";

import { createTestDatabase, usingPostgres, type TestDatabase } from "../../scripts/support/scratch-database";

const run = promisify(execFile);
let database: TestDatabase | undefined;

afterEach(async () => {
  await database?.destroy();
  database = undefined;
});

async function tableNames(db: TestDatabase) {
  const rows = await db.sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

describe("migrations", () => {
  it("create every table on an empty database, then have nothing left to do", async () => {
    database = await createTestDatabase({ migrate: false });
    const first = await migrateDatabase(database);
    expect(first.applied.length).toBeGreaterThan(0);
    expect(await tableNames(database)).toEqual(
      expect.arrayContaining(["Prisoner", "PrisonerName", "PrisonerTranslation", "PrisonerFact", "Source", "Facility", "Campaign", "Official", "_prisma_migrations"]),
    );
    const second = await migrateDatabase(database);
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length });
  });

  it("refuse to run when an applied migration was edited afterwards", async () => {
    database = await createTestDatabase({ migrate: false });
    const dir = await mkdtemp(path.join(tmpdir(), "listy-migrations-"));
    try {
      await cp(defaultMigrationsDir, dir, { recursive: true });
      await migrateDatabase(database, dir);
      const [firstMigration] = (await import("node:fs")).readdirSync(dir).filter((name) => /^\d{14}_/.test(name)).sort();
      await appendFile(path.join(dir, firstMigration!, "migration.sql"), "\n-- edited\n");
      await expect(migrateDatabase(database, dir)).rejects.toThrow(/was changed after it was applied/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("roll back a failing migration completely and record nothing", async () => {
    database = await createTestDatabase({ migrate: false });
    const dir = await mkdtemp(path.join(tmpdir(), "listy-migrations-"));
    try {
      await cp(defaultMigrationsDir, dir, { recursive: true });
      const broken = path.join(dir, "29991231000000_broken");
      await mkdir(broken);
      await writeFile(
        path.join(broken, "migration.sql"),
        `CREATE TABLE "Half" ("id" TEXT);\nSELECT * FROM "no_such_table";`,
      );
      await expect(migrateDatabase(database, dir)).rejects.toThrow(/29991231000000_broken failed/);
      expect(await tableNames(database)).not.toContain("Half");
      const recorded = await database.sql.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations"`);
      expect(recorded.map((row) => row.migration_name)).not.toContain("29991231000000_broken");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  // The Prisma CLI can read what the runner records, so `prisma migrate status` works for
  // operators. (On PGlite the CLI is not pointed at app data; see docs/decisions.)
  it.runIf(usingPostgres)(
    "are reported as applied by `prisma migrate status`",
    async () => {
      database = await createTestDatabase();
      const { stdout } = await run("npx", ["prisma", "migrate", "status"], {
        env: { ...process.env, DATABASE_URL: (database.target as { url: string }).url },
      });
      expect(stdout).toContain("Database schema is up to date");
    },
    120_000,
  );

  it("credit an existing status to the newest report among the person's facts that states it, and invent none", async () => {
    database = await createTestDatabase({ migrate: false });
    const dir = await mkdtemp(path.join(tmpdir(), "listy-migrations-"));
    try {
      await cp(defaultMigrationsDir, dir, { recursive: true });
      const datedStatuses = "20261207110000_dated_statuses";
      await rm(path.join(dir, datedStatuses), { recursive: true });
      await migrateDatabase(database, dir);
      const statements = `
        INSERT INTO "Source" (id, key, publication, "publishedOn", "datePrecision") VALUES
          ('s-old', 'old', 'Essay', '2024-01-01', 'YEAR'), ('s-new', 'new', 'Viasna', '2026-11-20', 'DAY');
        INSERT INTO "Prisoner" (id, slug, status, "letterStatus", "lastVerifiedOn", "updatedAt") VALUES
          ('p-held', 'held', 'INCOMMUNICADO', 'INCOMMUNICADO', '2026-11-20', now()),
          ('p-custody', 'custody', 'IN_CUSTODY', 'CAN_RECEIVE', '2026-11-20', now()),
          ('p-bare', 'bare', 'IN_CUSTODY', 'UNKNOWN', '2026-11-20', now());
        INSERT INTO "PrisonerFact" (id, "prisonerId", kind, "sourceId") VALUES
          ('f1', 'p-held', 'INCOMMUNICADO', 's-old'), ('f2', 'p-held', 'INCOMMUNICADO', 's-new'), ('f3', 'p-held', 'ROLE', 's-new'),
          ('f4', 'p-custody', 'SENTENCE', 's-old'), ('f5', 'p-custody', 'OTHER', 's-new'), ('f6', 'p-bare', 'ROLE', 's-new')`;
      for (const statement of statements.split(";")) await database.sql.query(statement);
      await cp(path.join(defaultMigrationsDir, datedStatuses), path.join(dir, datedStatuses), { recursive: true });
      await migrateDatabase(database, dir);
      const rows = await database.sql.query<Record<string, string | null>>(
        `SELECT slug, "statusSourceId", to_char("statusReportedOn", 'YYYY-MM-DD') AS "statusOn", "statusReportedPrecision"::text AS "statusPrecision",
                "letterStatusSourceId", to_char("letterStatusReportedOn", 'YYYY-MM-DD') AS "letterOn"
           FROM "Prisoner" ORDER BY slug`,
      );
      expect(rows).toEqual([
        // Nothing states "in custody" for this one: unreported, not dated by a guess.
        { slug: "bare", statusSourceId: null, statusOn: null, statusPrecision: null, letterStatusSourceId: null, letterOn: null },
        // "Can receive" does not follow from a sentence: the letter status stays unreported.
        { slug: "custody", statusSourceId: "s-old", statusOn: "2024-01-01", statusPrecision: "YEAR", letterStatusSourceId: null, letterOn: null },
        { slug: "held", statusSourceId: "s-new", statusOn: "2026-11-20", statusPrecision: "DAY", letterStatusSourceId: "s-new", letterOn: "2026-11-20" },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("record each migration the way Prisma does: name, SHA-256 checksum, finish time", async () => {
    database = await createTestDatabase();
    const rows = await database.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const { createHash } = await import("node:crypto");
    const { readFileSync, readdirSync } = await import("node:fs");
    const names = readdirSync(defaultMigrationsDir).filter((name) => /^\d{14}_/.test(name)).sort();
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = readFileSync(path.join(defaultMigrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });
});

describe("a PostgreSQL connection cut by the server", () => {
  afterEach(async () => {
    await database?.destroy();
    database = undefined;
  });

  // Restarts, failovers and pg_terminate_backend end idle pooled connections. The app must
  // log it and open new ones, not die of an unhandled "error" event.
  it.runIf(usingPostgres)("does not stop the process, and later queries get a new connection", async () => {
    database = await createTestDatabase();
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", onUncaught);
    try {
      // Open several pooled connections and leave them idle.
      await Promise.all(Array.from({ length: 3 }, () => database!.sql.query("SELECT pg_sleep(0.05)")));
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      try {
        const { rows } = await admin.query<{ terminated: boolean }>(
          `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
           WHERE datname = $1`,
          [new URL((database.target as { url: string }).url).pathname.slice(1)],
        );
        expect(rows.length).toBeGreaterThanOrEqual(1);
      } finally {
        await admin.end();
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(uncaught).toEqual([]);
      const [row] = await database.sql.query<{ answer: number }>("SELECT 42 AS answer");
      expect(row?.answer).toBe(42);
      expect(await database.prisma.prisoner.count()).toBe(0);
    } finally {
      process.off("uncaughtException", onUncaught);
    }
  });
});
