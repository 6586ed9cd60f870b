// A real SMTP server (the npm smtp-server) in this process, on a free port, that records
// every message it accepts and answers as a test scripts it: "451 at the first attempt",
// "550 for this recipient", or not at all while it is down.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import path from "node:path";

import type { PrismaClient } from "@prisma/client";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

export interface ReceivedMessage {
  /** The envelope: what the server was actually asked to deliver to. */
  mailFrom: string;
  rcptTo: string[];
  raw: string;
  headers: Map<string, string>;
  messageId: string | null;
  subject: string | null;
}

/** Null accepts; otherwise the SMTP reply to give. */
export type Responder = (phase: "rcpt" | "data", recipient: string, attempt: number) => { code: number; message: string } | null;

export interface TestSmtpServer {
  readonly port: number;
  readonly url: string;
  readonly messages: ReceivedMessage[];
  /** How many times each recipient was offered (RCPT TO), whatever the answer. */
  readonly attempts: Map<string, number>;
  respond(responder: Responder | null): void;
  /** Holds each DATA reply this long (so a worker can be killed mid-send). */
  delayData(ms: number): void;
  /** Stops listening (connections are refused) until start() is called again. */
  stop(): Promise<void>;
  start(): Promise<void>;
  waitFor(predicate: (messages: ReceivedMessage[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

function parseHeaders(raw: string): Map<string, string> {
  const head = (raw.split(/\r?\n\r?\n/, 1)[0] ?? "").replace(/\r?\n[ \t]+/g, " ");
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

export function decodeHeader(value: string | null | undefined): string | null {
  if (value == null) return null;
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, kind: string, data: string) =>
    kind.toLowerCase() === "b"
      ? Buffer.from(data, "base64").toString("utf8")
      : Buffer.from(data.replace(/_/g, " ").replace(/=([0-9a-f]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8"),
  );
}

/** The decoded text/plain part of a message nodemailer built. */
export function textOf(message: ReceivedMessage): string {
  const match = /Content-Type: text\/plain[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*?Content-Transfer-Encoding: ([^\r\n]+)\r?\n(?:[^\r\n]+\r?\n)*\r?\n([\s\S]*?)\r?\n--/i.exec(message.raw);
  if (!match) return message.raw;
  const encoding = (match[1] ?? "").trim().toLowerCase();
  const body = match[2] ?? "";
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    return Buffer.from(body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8");
  }
  return body;
}

export async function startSmtpServer({ port = 0 }: { port?: number } = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMessage[] = [];
  const attempts = new Map<string, number>();
  let responder: Responder | null = null;
  let dataDelayMs = 0;
  let server: SMTPServer | undefined;
  let boundPort = port;

  const reject = (reply: { code: number; message: string }) => Object.assign(new Error(reply.message), { responseCode: reply.code });

  const create = () =>
    new SMTPServer({
      // Plain SMTP on localhost: no TLS upgrade, no login.
      disabledCommands: ["STARTTLS", "AUTH"],
      authOptional: true,
      logger: false,
      banner: "listy test smtp",
      closeTimeout: 200,
      onRcptTo(address, _session, callback) {
        const count = (attempts.get(address.address) ?? 0) + 1;
        attempts.set(address.address, count);
        const reply = responder?.("rcpt", address.address, count) ?? null;
        callback(reply ? reject(reply) : undefined);
      },
      onData(stream, session: SMTPServerSession, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const rcptTo = session.envelope.rcptTo.map((entry) => entry.address);
          const reply = responder?.("data", rcptTo[0] ?? "", attempts.get(rcptTo[0] ?? "") ?? 1) ?? null;
          if (reply) return callback(reject(reply));
          const raw = Buffer.concat(chunks).toString("utf8");
          const headers = parseHeaders(raw);
          const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
          const accept = () => {
            messages.push({ mailFrom, rcptTo, raw, headers, messageId: headers.get("message-id") ?? null, subject: decodeHeader(headers.get("subject")) });
            callback();
          };
          if (dataDelayMs > 0) setTimeout(accept, dataDelayMs);
          else accept();
        });
      },
    });

  const start = async () => {
    server = create();
    server.on("error", () => undefined);
    await new Promise<void>((resolve, reject) => {
      server!.server.once("error", reject);
      server!.listen(boundPort, "127.0.0.1", () => resolve());
    });
    boundPort = (server.server.address() as AddressInfo).port;
  };
  const stop = async () => {
    const current = server;
    server = undefined;
    if (!current) return;
    // Drop open connections too: "down" means down.
    await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  await start();
  return {
    get port() {
      return boundPort;
    },
    get url() {
      return `smtp://127.0.0.1:${boundPort}`;
    },
    messages,
    attempts,
    respond(next) {
      responder = next;
    },
    delayData(ms) {
      dataDelayMs = ms;
    },
    stop,
    start,
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(messages)) {
        if (Date.now() > deadline) throw new Error(`SMTP server: condition not met within ${timeoutMs} ms (${messages.length} messages)`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: stop,
  };
}

// ---------------------------------------------------------------------------
// A published campaign with officials that have addresses, for the appeal and outbox tests.

export interface AppealFixture {
  campaignId: string;
  officialIds: string[];
}

let fixtureCounter = 0;

export async function createAppealFixture(
  prisma: PrismaClient,
  { officials = 1, maxPerHour = 1_000, status = "PUBLISHED" as const }: { officials?: number; maxPerHour?: number; status?: "PUBLISHED" | "CLOSED" } = {},
): Promise<AppealFixture> {
  const n = ++fixtureCounter;
  const campaign = await prisma.campaign.create({
    data: {
      slug: `appeal-test-${n}-${Date.now()}`,
      status,
      translations: { create: { locale: "en", title: "Test campaign", summary: "For tests", ask: "Release them" } },
    },
  });
  const officialIds: string[] = [];
  for (let i = 0; i < officials; i++) {
    const official = await prisma.official.create({
      data: {
        slug: `official-${n}-${i}-${Date.now()}`,
        country: "PL",
        language: "pl",
        email: `official${i}.c${n}@gov.example.org`,
        maxPerHour,
        translations: { create: [{ locale: "en", name: `Official ${i}`, position: "Minister" }, { locale: "pl", name: `Urzędnik ${i}`, position: "Minister" }] },
      },
    });
    await prisma.campaignTarget.create({ data: { campaignId: campaign.id, officialId: official.id } });
    officialIds.push(official.id);
  }
  return { campaignId: campaign.id, officialIds };
}

/** Pulls the confirmation (or follow-up) token out of an email to a supporter. */
export function tokenIn(message: ReceivedMessage, kind: "confirm" | "follow-up" = "confirm"): string {
  const match = new RegExp(`/appeals/${kind}/([A-Za-z0-9_-]{43})`).exec(textOf(message));
  if (!match?.[1]) throw new Error(`no ${kind} link in the message`);
  return match[1];
}

// ---------------------------------------------------------------------------
// Outbox rows in bulk, and the worker as a child process (`tsx scripts/worker.ts`).


/** Confirmed appeals with their queued APPEAL rows, written directly; returns the Message-IDs. */
export async function queueConfirmedAppeals(prisma: PrismaClient, fixture: AppealFixture, count: number, now = new Date()): Promise<string[]> {
  const appeals = Array.from({ length: count }, (_, i) => {
    const key = randomUUID();
    return {
      id: `bulk-${key}`,
      campaignId: fixture.campaignId,
      officialId: fixture.officialIds[i % fixture.officialIds.length]!,
      language: "en",
      linkOrigin: "https://listy.example.org",
      subject: `Bulk appeal ${i}`,
      body: `Bulk appeal number ${i}`,
      signatureMode: "CAMPAIGN" as const,
      senderHash: `bulk-${i}`,
      state: "CONFIRMED" as const,
      tokenHash: `bulk-token-${key}`,
      expiresAt: new Date(now.getTime() + 7 * 86_400_000),
      confirmedAt: now,
      idempotencyKey: key,
      messageId: `<appeal.${key}@listy.example.org>`,
      createdAt: now,
    };
  });
  await prisma.appeal.createMany({ data: appeals });
  const officials = await prisma.official.findMany({ where: { id: { in: fixture.officialIds } } });
  const emailOf = new Map(officials.map((official) => [official.id, official.email!]));
  await prisma.outboxMessage.createMany({
    data: appeals.map((appeal) => ({
      kind: "APPEAL" as const,
      appealId: appeal.id,
      to: emailOf.get(appeal.officialId)!,
      toHash: "bulk",
      subject: appeal.subject,
      text: appeal.body,
      html: `<p>${appeal.body}</p>`,
      messageId: appeal.messageId,
      nextAttemptAt: now,
      createdAt: now,
    })),
  });
  return appeals.map((appeal) => appeal.messageId);
}

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `tsx scripts/worker.ts` with the given environment (database, SMTP_URL, timings). */
export function spawnWorker(env: Record<string, string>): WorkerProcess {
  // node itself with tsx as a loader: the `tsx` command would put a second process in
  // between, and a SIGKILL to it would leave the real worker running as an orphan.
  const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "worker.ts")], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "test",
      MAIL_FROM: "listy@listy.example.org",
      MAIL_WORKER_POLL_MS: "50",
      MAIL_LEASE_SECONDS: "2",
      MAIL_RETRY_BASE_SECONDS: "0.05",
      MAIL_TIMEOUT_SECONDS: "5",
      MAIL_MAX_PER_HOUR: "100000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** How many messages `smtp` has received for `address`. */
export const mailCount = (smtp: TestSmtpServer, address: string) => smtp.messages.filter((message) => message.rcptTo.includes(address)).length;

/** The newest message for `address` once there are more than `already` (waits up to 20 s). */
export async function nextMailTo(smtp: TestSmtpServer, address: string, already: number): Promise<ReceivedMessage> {
  await smtp.waitFor((messages) => messages.filter((message) => message.rcptTo.includes(address)).length > already, 20_000);
  return smtp.messages.filter((message) => message.rcptTo.includes(address)).at(-1)!;
}
