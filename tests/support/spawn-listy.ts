// For browser specs that start a Listy of their own (with an SMTP server, or data prepared
// before it starts): startOwnListy() does it all (a free port, a fresh data directory, a tsx
// child for the preparation, the server, waiting for /healthz, stopping).
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export const tsxCli = path.resolve("node_modules", "tsx", "dist", "cli.mjs");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Runs `tsx <args>` to its end; `stdout` alone, and `output` with stderr, for error messages. */
export function runToEnd(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsxCli, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => ((stdout += chunk.toString()), (output += chunk.toString())));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, stdout, output }));
  });
}

export async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Listy exited early:\n${output()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Listy did not start within 90 s:\n${output()}`);
}

export interface OwnListy {
  url: string;
  /** The environment the server runs with (its port, data directory, mail settings). */
  env: NodeJS.ProcessEnv;
  output(): string;
  /** SIGTERM, then SIGKILL after 15 s; removes the data directory. */
  stop(): Promise<void>;
}

/**
 * A production Listy of a spec's own, on a free port with a fresh embedded database in
 * `.cache/e2e-<name>-<port>`. `prepare` runs first with the same environment, while nothing
 * else holds the database (the embedded database has one owner at a time): seeding, staff
 * sessions, `admin:create`. Its result is handed back beside the server.
 */
export async function startOwnListy<Prepared = undefined>({
  name,
  env: extraEnv = {},
  prepare,
}: {
  name: string;
  env?: Record<string, string>;
  prepare?: (env: NodeJS.ProcessEnv) => Promise<Prepared>;
}): Promise<OwnListy & { prepared: Prepared }> {
  const port = await freePort();
  const dataDir = path.resolve(".cache", `e2e-${name}-${port}`);
  rmSync(dataDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    PGLITE_DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    ...extraEnv,
    NODE_ENV: "production",
  };
  const prepared = (prepare ? await prepare(env) : undefined) as Prepared;

  let output = "";
  const child = spawn(process.execPath, [tsxCli, "server/index.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    if (child.exitCode === null) child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, env, output: () => output, stop, prepared };
}

/** The environment that sends Listy's mail to an in-process SMTP server, with a fast worker. */
export const mailToTestServer = (smtpUrl: string): Record<string, string> => ({
  SMTP_URL: smtpUrl,
  MAIL_FROM: "listy@listy.example.org",
  MAIL_WORKER: "on",
  MAIL_WORKER_POLL_MS: "200",
});

/**
 * A `prepare` step for startOwnListy(): staff members with live sessions written into the
 * fresh database by tests/support/e2e-staff-sessions.ts (e.g. "campaigner", "moderator:enrolled").
 * Keyed "<role>-<n>" (n counts from 1 across the list); each value holds the cookie to set.
 */
export function staffSessions<Session>(...roles: string[]): (env: NodeJS.ProcessEnv) => Promise<Record<string, Session>> {
  return async (env) => {
    const made = await runToEnd(["tests/support/e2e-staff-sessions.ts", ...roles], env);
    if (made.code !== 0) throw new Error(`staff sessions failed:\n${made.output}`);
    return JSON.parse(made.stdout.trim().split("\n").at(-1)!) as Record<string, Session>;
  };
}
