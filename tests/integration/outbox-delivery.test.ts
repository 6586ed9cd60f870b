// The outbox against a real SMTP server that misbehaves: a temporary 451, a permanent 550
// (for the official and for the supporter), the server gone for a while, and seven days of
// failures. Then header and recipient fuzzing: one recipient per message, or a refusal.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { confirmAppeal, submitAppeal, type SubmitAppealInput } from "~/appeals/appeal.server";
import { createMailWorker, type MailWorker } from "~/jobs.server";

import { useFreshDatabase, type TestDatabase } from "../../scripts/support/scratch-database";
import { configureTestMail, drainOutbox } from "../support/outbox";
import { createAppealFixture, startSmtpServer, tokenIn, type AppealFixture, type TestSmtpServer } from "../support/smtp";

const DAY = 86_400_000;
let database: TestDatabase;
let smtp: TestSmtpServer;
let fixture: AppealFixture;
let clock = new Date("2026-11-23T10:00:00Z");
let worker: MailWorker;

beforeAll(async () => {
  database = await useFreshDatabase();
  smtp = await startSmtpServer();
  configureTestMail(smtp, {
    retryBaseMs: 1_000,
    retryMaxMs: 3_600_000,
    timeoutMs: 3_000,
    caps: { perSenderPerDay: 1_000, perCampaignPerDay: 100_000, perHour: 100_000 },
  });
  worker = createMailWorker({ id: "delivery", now: () => clock, log: () => undefined });
});

afterAll(async () => {
  worker?.close();
  await smtp?.close();
  await database?.destroy();
});

beforeEach(async () => {
  smtp.respond(null);
  await drain();
  fixture = await createAppealFixture(database.prisma);
  smtp.messages.length = 0;
  smtp.attempts.clear();
});

let counter = 0;
function input(overrides: Partial<SubmitAppealInput> = {}): SubmitAppealInput {
  counter++;
  return {
    campaignId: fixture.campaignId,
    officialId: fixture.officialIds[0]!,
    prisonerId: null,
    language: "en",
    subject: `Appeal ${counter}`,
    body: `Appeal ${counter}: ${Array.from({ length: 12 }, (_, i) => `w${(counter * 31 + i * 17) % 997}`).join(" ")}`,
    signature: { mode: "campaign" },
    senderEmail: `s${counter}@mail.example.net`,
    followUpConsent: false,
    publicOrigin: "https://listy.example.org",
    now: clock,
    ...overrides,
  };
}

/** Runs the worker until the outbox is empty, moving the clock on a minute when nothing is due. */
const drain = (maxPasses = 400) =>
  drainOutbox(worker, database.prisma, { maxPasses, betweenPasses: () => void (clock = new Date(clock.getTime() + 60_000)) });

/** Submits and confirms `count` appeals; returns their Message-IDs. */
async function confirmedAppeals(count: number, overrides: Partial<SubmitAppealInput> = {}): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const result = await submitAppeal(input({ ...overrides, now: clock }));
    if (!result.ok) throw new Error(result.reason);
    ids.push((await database.prisma.appeal.findUniqueOrThrow({ where: { id: result.appealId } })).messageId);
  }
  await drain();
  for (const message of smtp.messages.splice(0)) expect(await confirmAppeal(tokenIn(message), clock)).toBe("confirmed");
  return ids;
}

const official = () => database.prisma.official.findUniqueOrThrow({ where: { id: fixture.officialIds[0]! } }).then((row) => row.email!);

describe("temporary and permanent failures", () => {
  it("451 then 250: delivered once, after a retry", async () => {
    const address = await official();
    smtp.respond((phase, recipient, attempt) => (phase === "rcpt" && recipient === address && attempt === 1 ? { code: 451, message: "4.7.1 try again later" } : null));
    const [messageId] = await confirmedAppeals(1);
    await drain();
    const delivered = smtp.messages.filter((message) => message.messageId === messageId);
    expect(delivered).toHaveLength(1);
    expect(smtp.attempts.get(address)).toBe(2);
    const row = await database.prisma.outboxMessage.findUniqueOrThrow({ where: { messageId: messageId! } });
    expect(row).toMatchObject({ state: "SENT", attempts: 2 });
    expect((await database.prisma.appeal.findUniqueOrThrow({ where: { messageId: messageId! } })).state).toBe("SENT");
  });

  it("550 for the official: FAILED, the sender told in a neutral email, the address suppressed", async () => {
    const address = await official();
    smtp.respond((phase, recipient) => (phase === "rcpt" && recipient === address ? { code: 550, message: "5.1.1 no such user" } : null));
    const [messageId] = await confirmedAppeals(1, { senderEmail: "told@mail.example.net", language: "uk" });
    await drain();
    expect(smtp.messages.filter((message) => message.messageId === messageId)).toHaveLength(0);
    const appeal = await database.prisma.appeal.findUniqueOrThrow({ where: { messageId: messageId! } });
    expect(appeal.state).toBe("FAILED");
    const notice = smtp.messages.filter((message) => message.rcptTo[0] === "told@mail.example.net");
    expect(notice).toHaveLength(1);
    expect(notice[0]!.subject).toBe("Ваше повідомлення не вдалося доставити");
    expect(smtp.attempts.get(address)).toBe(1);
    const row = await database.prisma.outboxMessage.findUniqueOrThrow({ where: { messageId: messageId! } });
    expect(row.state).toBe("FAILED");
    expect(row.lastError).toContain("550");
    expect(row.lastError).not.toContain("@");
    expect(await submitAppeal(input())).toEqual({ ok: false, reason: "target-unreachable" });
  });

  it("550 for the supporter's address: suppressed, and never mailed again", async () => {
    smtp.respond((phase, recipient) => (recipient === "gone@mail.example.net" ? { code: 550, message: "5.1.1 mailbox unavailable" } : null));
    expect((await submitAppeal(input({ senderEmail: "gone@mail.example.net" }))).ok).toBe(true);
    await drain();
    expect(smtp.messages).toHaveLength(0);
    expect(await submitAppeal(input({ senderEmail: "GONE@mail.example.net" }))).toEqual({ ok: false, reason: "suppressed" });
    expect(smtp.attempts.get("gone@mail.example.net")).toBe(1);
  });

  it("the server down for hours: everything delivered once it is back", async () => {
    const ids = await confirmedAppeals(6);
    await smtp.stop();
    try {
      for (let i = 0; i < 30; i++) {
        await worker.runOnce();
        clock = new Date(clock.getTime() + 10 * 60_000);
      }
      const waiting = await database.prisma.outboxMessage.findMany({ where: { messageId: { in: ids } } });
      expect(waiting.every((row) => row.state === "QUEUED" && row.attempts >= 2)).toBe(true);
      // Backoff: the delays grow (with jitter) rather than hammering the server.
      // (30 passes ten minutes apart; without backoff each pass would have tried again.)
      expect(Math.max(...waiting.map((row) => row.attempts))).toBeLessThan(20);
    } finally {
      await smtp.start();
    }
    await drain();
    const received = smtp.messages.map((message) => message.messageId);
    for (const id of ids) expect(received.filter((candidate) => candidate === id)).toHaveLength(1);
  });

  it("gives up after seven days of temporary failures and tells the sender", async () => {
    const address = await official();
    const [messageId] = await confirmedAppeals(1, { senderEmail: "patient@mail.example.net" });
    smtp.respond((phase, recipient) => (recipient === address ? { code: 421, message: "4.3.2 busy" } : null));
    const start = clock.getTime();
    for (let i = 0; i < 100 && clock.getTime() - start < 8 * DAY; i++) {
      await worker.runOnce();
      clock = new Date(clock.getTime() + 6 * 3_600_000);
    }
    smtp.respond(null);
    await drain();
    expect((await database.prisma.appeal.findUniqueOrThrow({ where: { messageId: messageId! } })).state).toBe("FAILED");
    expect(smtp.messages.filter((message) => message.messageId === messageId)).toHaveLength(0);
    expect(smtp.messages.filter((message) => message.rcptTo[0] === "patient@mail.example.net")).toHaveLength(1);
  });
});

describe("header and recipient fuzzing", () => {
  const hostile = [
    "a@x.example.org, b@y.example.org; c@z.example.org",
    "a@x.example.org,b@y.example.org",
    "a@x.example.org;b@y.example.org",
    "a@x.example.org\r\nBcc: evil@z.example.org",
    "a@x.example.org\nTo: evil@z.example.org",
    "a@x.example.org%0d%0aBcc:evil@z.example.org",
    '"a@x.example.org" <b@y.example.org>',
    "a@x.example.org (c@z.example.org)",
    "Name <b@y.example.org>",
    "<b@y.example.org>",
    "a@x.example.org <b@y.example.org>",
    "a@x.example.org\u2028b@y.example.org",
    "a@x.example.org\u0000b@y.example.org",
    "a@@x.example.org",
    "a@[127.0.0.1]",
    "a@localhost",
    "ąę@x.example.org",
    "=?utf-8?b?ZXZpbEB6LmV4YW1wbGUub3Jn?=@x.example.org",
    "a@x.example.org ",
    " a@x.example.org\t",
    "a.@x.example.org",
    "a@-x.example.org",
    "undisclosed-recipients:;",
    "group: a@x.example.org, b@y.example.org;",
  ];

  it("gives each hostile address field one recipient or a refusal", async () => {
    const outcomes: string[] = [];
    for (const senderEmail of hostile) {
      const result = await submitAppeal(input({ senderEmail, subject: `Hi\r\nBcc: evil@z.example.org`, signature: { mode: "named", name: "Eve\r\nBcc: evil@z.example.org" }, replyToSupporter: true }));
      outcomes.push(result.ok ? "ok" : result.reason);
    }
    // Random fuzz on top: separators, control characters and unicode around an address.
    const pieces = [",", ";", "\r", "\n", " ", "<", ">", '"', "(", ")", ":", "\u0085", "\u2029", "é", "а", "@", "x.example.org", "b"];
    for (let i = 0; i < 150; i++) {
      let value = "f" + i;
      for (let j = 0; j < 4; j++) value += pieces[(i * 7 + j * 13 + ((i * j) % 5)) % pieces.length];
      const result = await submitAppeal(input({ senderEmail: `${value}@fuzz.example.org` }));
      outcomes.push(result.ok ? "ok" : result.reason);
    }
    expect(outcomes.filter((outcome) => outcome !== "ok" && outcome !== "invalid-email")).toEqual([]);
    await drain();
    for (const message of smtp.messages) {
      expect(message.rcptTo).toHaveLength(1);
      expect(message.rcptTo[0]).toMatch(/^[^\s,;<>"()@]+@[a-z0-9.-]+$/);
      const to = message.headers.get("to") ?? "";
      expect(to.split("@")).toHaveLength(2);
      expect(message.headers.has("bcc")).toBe(false);
      expect(message.headers.has("cc")).toBe(false);
    }
    // The accepted ones were exactly the ordinary addresses (the trimmed and IDN ones).
    expect(smtp.messages.length).toBe(outcomes.filter((outcome) => outcome === "ok").length);

    // Confirm them all: the officials' copies carry the hostile subject and name on one line.
    for (const message of smtp.messages.splice(0)) await confirmAppeal(tokenIn(message), clock);
    await drain();
    expect(smtp.messages.length).toBeGreaterThan(0);
    for (const message of smtp.messages) {
      expect(message.rcptTo).toHaveLength(1);
      expect(message.headers.has("bcc")).toBe(false);
      expect(message.subject).toBe("Hi Bcc: evil@z.example.org");
      expect(message.raw).not.toMatch(/^Bcc:/im);
      expect(message.headers.get("reply-to")?.split("@")).toHaveLength(2);
    }
  });
});
