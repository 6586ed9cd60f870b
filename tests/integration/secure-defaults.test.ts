// What a forgotten setting turns on (security review, finding 6). The real server is started
// the way an operator might start it by mistake: no NODE_ENV, no HOST, no SESSION_SECRET, the
// embedded database. The development mailbox (which lists sign-in codes and private links)
// must stay shut, and the install must key its address hashes with a random secret of its own,
// kept beside the data (mode 0600) and found again after a restart, never a public constant.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { addressHash } from "~/mail/outbox.server";
import { openDatabase } from "~/utils/database.server";

import { freePort, tsxCli, waitForHealth } from "../support/spawn-listy";

const folder = mkdtempSync(path.join(tmpdir(), "listy-defaults-"));
const dataDir = path.join(folder, "pg");
const secretFile = path.join(folder, "session-secret");
let child: ChildProcess | undefined;

afterAll(async () => {
  await stop();
  rmSync(folder, { recursive: true, force: true });
});

/** Starts Listy with only what a careless operator would set: a port and a data folder. */
async function start(extra: Record<string, string> = {}): Promise<{ url: string; output: () => string }> {
  const port = await freePort();
  let output = "";
  // Deliberately not process.env: NODE_ENV, HOST and SESSION_SECRET must be absent.
  const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: String(port), PGLITE_DATA_DIR: dataDir, MAIL_DIR: path.join(folder, "mail"), ...extra };
  const running = spawn(process.execPath, [tsxCli, path.join("server", "index.ts")], { env: env as Partial<NodeJS.ProcessEnv> as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  child = running;
  running.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  running.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // HOST is unset too: reaching it on 127.0.0.1 is reaching the default.
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, running, () => output);
  return { url, output: () => output };
}

async function stop() {
  const running = child;
  child = undefined;
  if (!running || running.exitCode !== null) return;
  const exited = new Promise((resolve) => running.once("exit", resolve));
  running.kill("SIGTERM");
  await exited;
}

function pledge(url: string, email: string) {
  return fetch(`${url}/en/pledge`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url },
    body: new URLSearchParams({ pledge: "WRITE_MONTHLY", prisoner: "ihar-ilyash", email }).toString(),
  });
}

/** An email pledge is decided just after its answer (within 250 ms: app/pledges/email-pledge.server.ts). */
const decidedAfterTheAnswer = () => new Promise((resolve) => setTimeout(resolve, 2_000));

async function storedHashes(): Promise<Map<string, string | null>> {
  const database = await openDatabase({ kind: "pglite", dataDir });
  try {
    const rows = await database.prisma.pledge.findMany({ where: { email: { not: null } }, select: { email: true, emailHash: true } });
    return new Map(rows.map((row) => [row.email!, row.emailHash]));
  } finally {
    await database.close();
  }
}

describe("a server started without NODE_ENV, HOST or SESSION_SECRET", () => {
  it("keeps /dev/mail shut and keys address hashes with its own secret, kept 0600 and reused after a restart", async () => {
    const first = await start();
    expect((await fetch(`${first.url}/dev/mail`)).status).toBe(404);
    expect((await pledge(first.url, "first.run@mail.example.net")).status).toBe(303);
    await decidedAfterTheAnswer();
    expect(first.output()).toContain("session-secret");
    await stop();

    const secret = readFileSync(secretFile, "utf8").trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    // The secret itself is never printed.
    expect(first.output()).not.toContain(secret);

    // Development mode alone does not open the mailbox either: it takes DEV_MAILBOX=on.
    const second = await start({ NODE_ENV: "development" });
    expect((await fetch(`${second.url}/dev/mail`)).status).toBe(404);
    expect((await pledge(second.url, "second.run@mail.example.net")).status).toBe(303);
    await decidedAfterTheAnswer();
    expect(second.output()).not.toContain("session-secret");
    await stop();
    expect(readFileSync(secretFile, "utf8").trim()).toBe(secret);

    // Both runs keyed the hashes with the file's secret: not the public constant, and the same after the restart.
    const hashes = await storedHashes();
    for (const address of ["first.run@mail.example.net", "second.run@mail.example.net"]) {
      expect(hashes.get(address)).toBe(addressHash(address, secret));
      expect(hashes.get(address)).not.toBe(addressHash(address, "listy-address-hash-v1"));
    }
  }, 180_000);
});
