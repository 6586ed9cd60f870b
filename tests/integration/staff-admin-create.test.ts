// `npm run admin:create` as an operator runs it: a child process against a real database
// (an embedded one in a temporary folder, or a new PostgreSQL database in CI).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { adminSocketPath } from "~/staff/accounts/admin-channel.server";
import { openDatabase, type Database } from "~/utils/database.server";

import { createTestDatabase, usingPostgres, type TestDatabase } from "../../scripts/support/scratch-database";
import { runToEnd, startOwnListy } from "../support/spawn-listy";

let dataDir: string | null = null;
let postgres: TestDatabase | null = null;
let env: Record<string, string>;

beforeAll(async () => {
  if (usingPostgres) {
    postgres = await createTestDatabase({ migrate: false });
    // Production with PostgreSQL requires SESSION_SECRET (the embedded case below runs without it).
    env = { DATABASE_URL: (postgres.target as { url: string }).url, SESSION_SECRET: "s".repeat(40) };
  } else {
    dataDir = mkdtempSync(path.join(tmpdir(), "listy-admin-create-"));
    env = { PGLITE_DATA_DIR: dataDir };
  }
});

afterAll(async () => {
  await postgres?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "admin-create.ts"), ...args], {
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", PUBLIC_URL: "https://listy.example.org", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/** Reads what the command wrote (the embedded database is opened only after the command has exited). */
async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  if (postgres) return fn(postgres);
  const database = await openDatabase({ kind: "pglite", dataDir: dataDir! });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

describe("npm run admin:create", () => {
  it("creates an administrator without any password and says what to do next", async () => {
    const { code, output } = await run(["--email", "First.Admin@Example.org", "--name", "First Admin", "--language", "be"]);
    expect(code, output).toBe(0);
    expect(output).toContain("Created the administrator First Admin <first.admin@example.org>");
    expect(output).toContain("https://listy.example.org/be/staff/sign-in");
    expect(output).toMatch(/second factor/i);
    expect(output.includes("SESSION_SECRET is not set")).toBe(!usingPostgres);
    const { staff, audit } = await withDatabase(async ({ prisma }) => ({
      staff: await prisma.staffMember.findUniqueOrThrow({ where: { email: "first.admin@example.org" } }),
      audit: await prisma.auditLogEntry.findMany(),
    }));
    expect(staff).toMatchObject({ displayName: "First Admin", roles: ["admin"], language: "be", active: true, totpSecret: null, invitedById: null });
    expect(audit.map((entry) => [entry.action, entry.staffId])).toEqual([["staff.created-from-command-line", staff.id]]);
  });

  it("refuses an address that already has an account, whatever its case", async () => {
    const { code, output } = await run(["--email", "first.admin@EXAMPLE.org", "--name", "Someone Else"]);
    expect(code).toBe(1);
    expect(output).toContain("already exists; nothing was changed");
    const count = await withDatabase(({ prisma }) => prisma.staffMember.count());
    expect(count).toBe(1);
  });

  it("explains wrong usage", async () => {
    expect((await run(["--email", "x@example.org"])).code).toBe(2);
    expect((await run(["--email", "x@example.org", "--name", "X", "--password", "hunter2"])).code).toBe(2);
    const bad = await run(["--email", "not-an-address", "--name", "X"]);
    expect(bad.code).toBe(1);
    expect(bad.output).toContain("is not an email address");
  });
});

// The embedded database has one owner: while Listy runs, the command goes through the server
// (a Unix socket only the server's user can open) instead of opening the files a second time.
describe.skipIf(usingPostgres)("npm run admin:create while Listy runs on the embedded database", () => {
  it("creates the administrator through the running server, which then knows them", async () => {
    const listy = await startOwnListy({ name: "admin-live", env: { SEED_DEMO_DATA: "false", PUBLIC_URL: "https://listy.example.org" } });
    try {
      const socket = adminSocketPath(listy.env.PGLITE_DATA_DIR!)!;
      expect(statSync(socket).mode & 0o777).toBe(0o600);
      const created = await runToEnd(["scripts/admin-create.ts", "--email", "Live.Admin@Example.org", "--name", "Live Admin", "--language", "pl"], listy.env);
      expect(created.code, created.output).toBe(0);
      expect(created.output).toContain("Created the administrator Live Admin <live.admin@example.org>");
      expect(created.output).toContain("Listy is running, so it created the account.");
      expect(created.output).toContain("https://listy.example.org/pl/staff/sign-in");
      // The running server has the account: a second run is refused by it.
      const again = await runToEnd(["scripts/admin-create.ts", "--email", "live.admin@example.org", "--name", "Someone"], listy.env);
      expect(again.code).toBe(1);
      expect(again.output).toContain("already exists; nothing was changed");
      expect(listy.output()).not.toMatch(/error/i);
    } finally {
      await listy.stop();
    }
  }, 150_000);
});
