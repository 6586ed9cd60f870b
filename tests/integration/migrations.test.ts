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
