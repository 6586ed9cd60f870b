// A fresh, migrated database for one test file or benchmark: in-memory PGlite by default, or a new
// database on the PostgreSQL server named by TEST_DATABASE_URL (CI runs both).
import { randomBytes } from "node:crypto";

import pg from "pg";

import {
  migrateDatabase,
  openDatabase,
  setCurrentDatabase,
  type Database,
} from "~/utils/database.server";

export interface TestDatabase extends Database {
  /** Closes the connection and drops the database (PostgreSQL) or discards it (PGlite). */
  destroy(): Promise<void>;
}

export const usingPostgres = Boolean(process.env.TEST_DATABASE_URL);

export async function createTestDatabase({ migrate = true }: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ kind: "pglite", dataDir: null });
    if (migrate) await migrateDatabase(database);
    return { ...database, destroy: () => database.close() };
  }

  const name = `listy_test_${randomBytes(6).toString("hex")}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString() });
  if (migrate) await migrateDatabase(database);
  return {
    ...database,
    async destroy() {
      await database.close();
      await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdminClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Opens a fresh database and makes it the process-wide one for the models under test. */
export async function useFreshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  setCurrentDatabase(database);
  return database;
}
