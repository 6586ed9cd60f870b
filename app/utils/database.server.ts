// One way to open the database, whichever engine is behind it:
// PGlite (embedded PostgreSQL in this process) by default, a PostgreSQL server when
// DATABASE_URL is a postgres:// URL. Both speak the same SQL and run the same migrations.
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

export type DatabaseTarget =
  | { kind: "pglite"; /** null keeps the whole database in memory (tests). */ dataDir: string | null }
  | { kind: "postgres"; url: string };

/** Plain SQL access for the few things Prisma does not do: migrations and locks. */
interface SqlRunner {
  /** Runs a script that may hold several statements. */
  exec(script: string): Promise<void>;
  query<Row>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Runs fn while holding a session-level lock, so that two processes never migrate at once. */
  withLock<T>(lockId: number, fn: () => Promise<T>): Promise<T>;
  /**
   * Runs fn only if no one else holds the lock (any process on a PostgreSQL server; any
   * caller in this process on PGlite), holding it until fn ends; null when it was taken.
   */
  tryWithLock<T>(lockId: number, fn: () => Promise<T>): Promise<{ value: T } | null>;
  /** Subscribes to NOTIFY messages on a channel; resolves to an unsubscribe function. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
}

export interface Database {
  target: DatabaseTarget;
  prisma: PrismaClient;
  sql: SqlRunner;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return typeof url === "string" && /^postgres(ql)?:\/\//.test(url);
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "postgres") return openPostgres(target);
  return openPGlite(target);
}

async function openPGlite(target: Extract<DatabaseTarget, { kind: "pglite" }>): Promise<Database> {
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const client = target.dataDir ? await PGlite.create(target.dataDir) : await PGlite.create();
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
  // PGlite's advisory locks work, but every caller shares its one session, in which they are
  // re-entrant: they would exclude no one. Its callers are all in this process, so a set does.
  const heldLocks = new Set<number>();
  const sql: SqlRunner = {
    async exec(script) {
      await client.exec(script);
    },
    async query<Row>(text: string, params: unknown[] = []) {
      const result = await client.query<Row>(text, params);
      return result.rows;
    },
    // PGlite has one connection and a single owner process, so there is nothing to race.
    async withLock(_lockId, fn) {
      return fn();
    },
    async tryWithLock(lockId, fn) {
      if (heldLocks.has(lockId)) return null;
      heldLocks.add(lockId);
      try {
        return { value: await fn() };
      } finally {
        heldLocks.delete(lockId);
      }
    },
    async listen(channel, onMessage) {
      const unlisten = await client.listen(channel, onMessage);
      return async () => {
        if (!client.closed) await unlisten();
      };
    },
  };
  return {
    target,
    prisma,
    sql,
    async close() {
      await prisma.$disconnect();
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(target: Extract<DatabaseTarget, { kind: "postgres" }>): Promise<Database> {
  const pool = new pg.Pool({ connectionString: target.url, max: 10 });
  // An idle pooled connection can be cut by the server (restart, failover, an operator's
  // pg_terminate_backend). pg-pool drops that connection and emits "error" on the pool;
  // with no listener, Node would treat it as uncaught and stop the whole app.
  pool.on("error", (error) => {
    console.warn(`PostgreSQL closed an idle connection; the pool will open a new one (${error.message})`);
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const sql: SqlRunner = {
    async exec(script) {
      // Without parameters pg uses the simple query protocol, which accepts several statements.
      await pool.query(script);
    },
    async query<Row>(text: string, params: unknown[] = []) {
      const result = await pool.query(text, params);
      return result.rows as Row[];
    },
    async withLock(lockId, fn) {
      const connection = await pool.connect();
      try {
        await connection.query("SELECT pg_advisory_lock($1)", [lockId]);
        return await fn();
      } finally {
        await connection.query("SELECT pg_advisory_unlock($1)", [lockId]).catch(() => undefined);
        connection.release();
      }
    },
    async tryWithLock(lockId, fn) {
      // A session lock on a connection kept for the whole of fn: fn's own queries go through
      // the pool. If this connection drops, the server releases the lock with it.
      const connection = await pool.connect();
      let locked = false;
      try {
        const [row] = (await connection.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [lockId])).rows;
        locked = row?.locked === true;
        if (!locked) return null;
        return { value: await fn() };
      } finally {
        // A connection that could not unlock is closed rather than pooled: closing releases it.
        const unlocked = !locked || (await connection.query("SELECT pg_advisory_unlock($1)", [lockId]).then(() => true, () => false));
        connection.release(!unlocked);
      }
    },
    async listen(channel, onMessage) {
      // A dedicated connection: LISTEN belongs to a session, and pooled ones come and go.
      // If it drops, it reconnects; callers also re-read the state periodically.
      let client: pg.Client | undefined;
      let stopped = false;
      let retryDelay = 1_000;
      const reconnectLater = () => {
        if (stopped) return;
        setTimeout(() => void connect().catch(reconnectLater), retryDelay).unref();
        retryDelay = Math.min(retryDelay * 2, 30_000);
      };
      const connect = async () => {
        if (stopped) return;
        const next = new pg.Client({ connectionString: target.url });
        next.on("notification", (message) => {
          if (message.channel === channel) onMessage(message.payload ?? "");
        });
        let lost = false;
        const onLost = () => {
          if (lost) return;
          lost = true;
          void next.end().catch(() => undefined);
          reconnectLater();
        };
        next.on("error", onLost);
        next.on("end", onLost);
        await next.connect();
        await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        client = next;
        retryDelay = 1_000;
      };
      await connect();
      return async () => {
        stopped = true;
        await client?.end().catch(() => undefined);
      };
      // (On a failed first connect the caller sees the error; later losses retry with backoff.)
    },
  };
  return {
    target,
    prisma,
    sql,
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

// ---------------------------------------------------------------------------
// Migrations: the files Prisma writes in prisma/migrations, applied in name order and
// recorded in Prisma's own `_prisma_migrations` table, so `prisma migrate deploy` and this
// runner agree about what has been applied. Used at start-up and by every test database;
// it avoids spawning the Prisma CLI (seconds of WebAssembly start-up) for each of them.

const MIGRATION_LOCK_ID = 72_201_905; // arbitrary, constant across releases

export const defaultMigrationsDir = path.resolve(process.cwd(), "prisma", "migrations");

interface AppliedMigration {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export async function migrateDatabase(
  database: Database,
  migrationsDir: string = defaultMigrationsDir,
): Promise<MigrationResult> {
  const migrations = await readMigrations(migrationsDir);
  return database.sql.withLock(MIGRATION_LOCK_ID, async () => {
    await database.sql.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const rows = await database.sql.query<AppliedMigration>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const done = new Map(
      rows.filter((row) => row.finished_at && !row.rolled_back_at).map((row) => [row.migration_name, row]),
    );
    const failed = rows.find((row) => !row.finished_at && !row.rolled_back_at);
    if (failed) {
      throw new Error(
        `Migration ${failed.migration_name} started earlier and did not finish. ` +
          `Inspect the database, then mark it with "npx prisma migrate resolve" before starting again.`,
      );
    }

    const applied: string[] = [];
    for (const migration of migrations) {
      const previous = done.get(migration.name);
      if (previous) {
        if (previous.checksum !== migration.checksum) {
          throw new Error(
            `Migration ${migration.name} was changed after it was applied. ` +
              `Never edit an applied migration: write a new one (docs/operators.md).`,
          );
        }
        continue;
      }
      const id = randomUUID();
      // The script and its bookkeeping row commit together or not at all.
      await database.sql.exec(
        `BEGIN;\n${migration.sql}\n;INSERT INTO "_prisma_migrations" ` +
          `("id", "checksum", "migration_name", "started_at", "finished_at", "applied_steps_count") ` +
          `VALUES ('${id}', '${migration.checksum}', '${migration.name}', now(), now(), 1);\nCOMMIT;`,
      ).catch(async (error: unknown) => {
        await database.sql.exec("ROLLBACK").catch(() => undefined);
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      });
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: done.size };
  });
}

async function readMigrations(migrationsDir: string) {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory() && /^\d{14}_[a-z0-9_]+$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

// ---------------------------------------------------------------------------
// The process-wide instance. The Express server opens it before serving; the Remix server
// bundle is a separate module graph, so the instance is kept on globalThis to be shared.

const INSTANCE_KEY = Symbol.for("listy.database");
type GlobalWithDatabase = typeof globalThis & { [INSTANCE_KEY]?: Database };

export function setCurrentDatabase(database: Database | undefined) {
  (globalThis as GlobalWithDatabase)[INSTANCE_KEY] = database;
}

export function getCurrentDatabase(): Database {
  const database = (globalThis as GlobalWithDatabase)[INSTANCE_KEY];
  if (!database) throw new Error("The database is not open yet: start the app through server/index.ts.");
  return database;
}

/** The Prisma client of the open database; models call this. */
export function getPrisma(): PrismaClient {
  return getCurrentDatabase().prisma;
}
