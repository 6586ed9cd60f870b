// Production runs what `npm run build` compiled, with plain node: no tsx loader, no
// TypeScript at run time. The compiled migration command prepares a fresh embedded database,
// then the compiled server serves it. Needs `npm run build` first (as `npm test` and CI do);
// without build/server/ the children cannot start and this fails.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { freePort, waitForHealth } from "../support/spawn-listy";

const dataDir = mkdtempSync(path.join(tmpdir(), "listy-runtime-"));
let server: ChildProcess | undefined;

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (server.exitCode === null) server.kill("SIGKILL");
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** The environment of an operator's shell: nothing from this test runner (no NODE_OPTIONS, no loaders). */
function operatorEnv(port: number): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    PGLITE_DATA_DIR: path.join(dataDir, "pg"),
    SESSION_SECRET: "a-test-secret-that-is-long-enough-for-production-use",
    LOG_LEVEL: "warn",
  };
}

/** `node <file>` as `npm run …` runs it: node alone, with the entry compiled into build/server/. */
function runNode(file: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [path.join("build", "server", file)], { env, stdio: ["ignore", "pipe", "pipe"] });
}

describe("the compiled production runtime", () => {
  it("migrates with `node build/server/db-migrate.js`, then serves pages with `node build/server/index.js`", async () => {
    const port = await freePort();
    const env = operatorEnv(port);

    const migrate = runNode("db-migrate.js", env);
    let migrateOutput = "";
    migrate.stdout?.on("data", (chunk: Buffer) => (migrateOutput += chunk.toString()));
    migrate.stderr?.on("data", (chunk: Buffer) => (migrateOutput += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => migrate.once("exit", resolve));
    expect(code, migrateOutput).toBe(0);
    expect(migrateOutput).toMatch(/^applied: \d{14}_init,/m);

    let output = "";
    server = runNode("index.js", env);
    server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, server, () => output);

    const response = await fetch(`${url}/en/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<html lang="en"');
    // The migrations were already applied by the compiled command: the server found none to do.
    expect(output).not.toContain("applied");
  }, 120_000);
});
