// "No personal data in logs" (docs/decisions/0005-security-baseline.md): the production
// server, at its most talkative log level and with the outbox worker sending to a real SMTP
// server that refuses some recipients, is fed canary values (a name, an email address, an IP
// address, a user agent, a postal address) through every supporter form, a forged request, a
// 404 and the staff sign-in. Everything it prints is then searched: no canary may appear.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { freePort } from "../support/spawn-listy";

const CANARY_EMAIL = "kanarejka.7731@mail.example.net";
const CANARY_LOCAL_PART = "kanarejka.7731";
const CANARY_NAME = "Kanarejka Sietkina";
const CANARY_IP = "203.0.113.77";
const CANARY_AGENT = "CanaryBrowser/7731";
const CANARY_ADDRESS = "Kanarejkina vulica 7731";
const CANARIES = [CANARY_LOCAL_PART, CANARY_NAME, "Sietkina", CANARY_IP, CANARY_AGENT, "7731"];

let smtp: TestSmtpServer;
let child: ChildProcess;
let url = "";
let output = "";
const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "listy-log-privacy-")), "pg");

beforeAll(async () => {
  smtp = await startSmtpServer();
  // The canary's mailbox refuses mail, and its server names the address in the refusal, as
  // Postfix does: the worker's failure path must not print either.
  smtp.respond((phase, recipient) =>
    phase === "rcpt" && recipient.includes(CANARY_LOCAL_PART) ? { code: 550, message: `5.1.1 <${recipient}>: Recipient address rejected: User unknown` } : null,
  );
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ["--import", "tsx", path.join("server", "index.ts")], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      PGLITE_DATA_DIR: dataDir,
      LOG_LEVEL: "debug",
      SMTP_URL: smtp.url,
      MAIL_FROM: "listy@listy.example.org",
      MAIL_WORKER: "on",
      MAIL_WORKER_POLL_MS: "200",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
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
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }
  await smtp?.close();
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

/** Every request carries the canary IP (as a proxy would add it) and user agent. */
const canaryHeaders = { "X-Forwarded-For": CANARY_IP, "X-Real-IP": CANARY_IP, "User-Agent": CANARY_AGENT };

function post(pathname: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${url}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url, ...canaryHeaders, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

const get = (pathname: string) => fetch(`${url}${pathname}`, { redirect: "manual", headers: canaryHeaders });

function fieldValue(html: string, name: string): string {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0];
  if (input) return / value="([^"]*)"/.exec(input)?.[1] ?? "";
  return new RegExp(`<textarea[^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html)?.[1] ?? "";
}

describe("the server's output", () => {
  it("names no token of an emailed link, and gives a flood of malformed requests one short line each at most", async () => {
    // A token as Listy makes them (43 base64url characters), easy to find in the output.
    const token = `TokCanary${"x7Q_".repeat(8)}Ab`;
    const refused = await post(`/en/privacy/export/${token}/download`, {}, { Origin: "https://evil.example" });
    expect(refused.status).toBe(403);
    expect((await post(`/en/pledges/manage/${token}`, { intent: "stop" }, { Origin: "https://evil.example" })).status).toBe(403);

    const before = output.length;
    const malformed: Promise<Response>[] = [];
    for (let i = 0; i < 50; i++) {
      const shapes = [
        () => get(`/en/nothing-${i}?_data=routes/nothing`),
        () => get(`/en/privacy/export/${token}?_data=routes%2F%24lang.privacy_.export.%24token`),
        () => get(`/en/prisoners?_data=root&x=%ZZ`),
        () => get(`/en/unknown-${i}/${token}.data`),
        () => post(`/en/privacy/request`, {}, { "Content-Type": "text/plain" }),
        () => get(`/en/appeals/confirm/${token}.data?_routes=routes%2Fnothing`),
      ];
      malformed.push(shapes[i % shapes.length]!());
    }
    const answers = await Promise.all(malformed);
    for (const [index, answer] of answers.entries()) expect(answer.status, `shape ${index % 6}`).toBeLessThan(500);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const logged = output.slice(before);
    const lines = logged.split("\n").filter((line) => line.trim() !== "");
    expect(lines.length, logged).toBeLessThanOrEqual(50);
    for (const line of lines) expect(line.length, line).toBeLessThan(300);
    expect(logged, "a stack trace").not.toMatch(/^\s+at /m);
    expect(output).not.toContain(token);
    expect(output).not.toContain("TokCanary");
    expect(output).toContain("refused a cross-origin POST /en/privacy/export/:token/download");
  }, 60_000);

  it("holds none of the canary values a supporter, a forger or a proxy sent", async () => {
    // Pledges: with the canary address (confirmation mail refused by its server), and invalid.
    expect((await post("/en/pledge", { pledge: "CAMPAIGN_PLEDGE", campaign: "free-them-all", email: CANARY_EMAIL, country: "PL" })).status).toBe(303);
    expect((await post("/en/pledge", { pledge: "CAMPAIGN_PLEDGE", campaign: "free-them-all", email: `${CANARY_NAME} <${CANARY_EMAIL}>` })).status).toBe(400);
    // Privacy: "send me my data" for the canary address.
    expect((await post("/en/privacy/request", { email: CANARY_EMAIL, kind: "EXPORT" })).status).toBeLessThan(500);
    // An appeal sent in the canary's name, town and address.
    const appeal = await get("/pl/campaigns/free-them-all/appeal");
    const appealPath = appeal.headers.get("location") ?? "/pl/campaigns/free-them-all/appeal";
    const appealHtml = await (await get(appealPath)).text();
    const appealFields = Object.fromEntries(["target", "prisoner", "seed", "subject", "body"].map((name) => [name, fieldValue(appealHtml, name)]));
    const sent = await post(appealPath, { ...appealFields, intent: "send", signature: "named", name: CANARY_NAME, town: "Kanarejkin", email: CANARY_EMAIL });
    expect(sent.status).toBeLessThan(500);
    // A letter PDF with the canary's return address.
    const pdf = await post("/en/prisoners/ihar-ilyash/letter.pdf", { letterLanguage: "be", phrase: "greeting-hello", returnAddress: `${CANARY_NAME}\n${CANARY_ADDRESS}` });
    expect(pdf.status).toBeLessThan(500);
    // A forged cross-site post, a 404 with the canary in the address, a staff sign-in attempt.
    expect((await post("/en/pledge", { pledge: "CAMPAIGN_PLEDGE", campaign: "free-them-all", email: CANARY_EMAIL }, { Origin: "https://evil.example" })).status).toBe(403);
    expect((await get(`/en/prisoners/${CANARY_LOCAL_PART}?email=${encodeURIComponent(CANARY_EMAIL)}`)).status).toBe(404);
    expect((await post("/en/staff/sign-in", { email: CANARY_EMAIL })).status).toBeLessThan(500);

    // The worker tried the canary's mailbox (and was refused) before the output is read.
    await smtp.waitFor(() => [...smtp.attempts.keys()].some((recipient) => recipient.includes(CANARY_LOCAL_PART)), 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;

    // The server did talk (start-up, the refused delivery), so silence is not what passes.
    expect(output).toContain("Listy is listening");
    expect(output.length).toBeGreaterThan(100);
    const found = CANARIES.filter((canary) => output.includes(canary));
    expect(found, `canary values in the server's output:\n${output}`).toEqual([]);
  }, 120_000);
});
