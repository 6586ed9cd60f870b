// `npx prisma db seed` is the command people who know Prisma reach for first. It must load
// the demo data into the embedded database the app would open, as `npm run db:seed` does,
// and not exit 0 having done nothing (as it did when the config named a module that only
// exports functions).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { openDatabase } from "~/utils/database.server";

const dataDir = mkdtempSync(path.join(tmpdir(), "listy-prisma-seed-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("npx prisma db seed", () => {
  it("loads the demo data into the embedded database named by PGLITE_DATA_DIR", async () => {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", PGLITE_DATA_DIR: path.join(dataDir, "pg") };
    const seed = spawn("npx", ["prisma", "db", "seed"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    seed.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    seed.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => seed.once("exit", resolve));
    expect(code, output).toBe(0);
    expect(output).toContain("demo data loaded");

    const database = await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pg") });
    try {
      expect(await database.prisma.prisoner.count({ where: { draft: false } })).toBeGreaterThan(10);
      expect(await database.prisma.campaign.count()).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  }, 120_000);
});
