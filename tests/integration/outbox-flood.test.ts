// A flood of submissions with random addresses, with the worker running as in production:
// the SMTP server receives no more than the caps allow, the official nothing unconfirmed,
// and the official's copies arrive no faster than its hourly pace.
import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { confirmAppeal, submitAppeal } from "~/appeals/appeal.server";
import { startMailWorker, type RunningMailWorker } from "~/jobs.server";
import { configureMail } from "~/mail/mail-settings.server";

import { useFreshDatabase, type TestDatabase } from "../../scripts/support/scratch-database";
import { createAppealFixture, startSmtpServer, tokenIn, type TestSmtpServer } from "../support/smtp";

const CAPS = { perSenderPerDay: 2, perCampaignPerDay: 40, perHour: 16 };
const OFFICIAL_PER_HOUR = 6;
const FLOOD_MS = 4_000;

let database: TestDatabase;
let smtp: TestSmtpServer;
let worker: RunningMailWorker;

beforeAll(async () => {
  database = await useFreshDatabase();
  smtp = await startSmtpServer();
  const settings = configureMail({
    transport: { kind: "smtp", url: smtp.url },
    from: "listy@listy.example.org",
    messageIdDomain: "listy.example.org",
    pollMs: 20,
    retryBaseMs: 50,
    maxPerHour: 10_000,
    caps: CAPS,
  });
  worker = startMailWorker({ settings, log: () => undefined });
});

afterAll(async () => {
  await worker?.stop();
  await smtp?.close();
  await database?.destroy();
});

describe("a flood of submissions", () => {
  it("stays within the caps and sends nothing unconfirmed", async () => {
    const fixture = await createAppealFixture(database.prisma, { officials: 2, maxPerHour: OFFICIAL_PER_HOUR });
    const officialAddresses = new Set(
      (await database.prisma.official.findMany({ where: { id: { in: fixture.officialIds } } })).map((official) => official.email!),
    );
    const outcomes = new Map<string, number>();
    const submittedAddresses = new Set<string>();
    const started = Date.now();
    let i = 0;
    while (Date.now() - started < FLOOD_MS) {
      // Mostly fresh random addresses, some repeated ones (one sender trying many times).
      const senderEmail = i % 5 === 0 ? "repeat@flood.example.net" : `${randomBytes(6).toString("hex")}@flood.example.net`;
      submittedAddresses.add(senderEmail);
      const result = await submitAppeal({
        campaignId: fixture.campaignId,
        officialId: fixture.officialIds[i % 2]!,
        prisonerId: null,
        language: "en",
        subject: "Flood",
        body: `Flood ${i} ${randomBytes(24).toString("hex")} ${randomBytes(24).toString("base64")}`,
        signature: { mode: "campaign" },
        senderEmail,
        followUpConsent: false,
        publicOrigin: "https://listy.example.org",
      });
      const key = result.ok ? "ok" : result.reason;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      i++;
    }
    const accepted = outcomes.get("ok") ?? 0;
    expect(i).toBeGreaterThan(CAPS.perHour + 5);
    expect(accepted).toBe(CAPS.perHour);
    expect(outcomes.get("rate-limited")).toBe(i - accepted);

    await smtp.waitFor((messages) => messages.length >= accepted, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const confirmations = smtp.messages.splice(0);
    // One confirmation per accepted submission, nothing to the officials, each to one submitted address.
    expect(confirmations).toHaveLength(accepted);
    for (const message of confirmations) {
      expect(message.rcptTo).toHaveLength(1);
      expect(submittedAddresses.has(message.rcptTo[0]!)).toBe(true);
      expect(officialAddresses.has(message.rcptTo[0]!)).toBe(false);
    }
    expect(confirmations.filter((message) => message.rcptTo[0] === "repeat@flood.example.net").length).toBeLessThanOrEqual(CAPS.perSenderPerDay);

    // Half are confirmed; the rest never are.
    const confirmedIds = new Set<string>();
    for (const message of confirmations.slice(0, Math.floor(confirmations.length / 2))) {
      expect(await confirmAppeal(tokenIn(message))).toBe("confirmed");
    }
    for (const appeal of await database.prisma.appeal.findMany({ where: { campaignId: fixture.campaignId, state: { in: ["CONFIRMED", "SENT"] } } })) {
      confirmedIds.add(appeal.messageId);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const toOfficials = smtp.messages.filter((message) => officialAddresses.has(message.rcptTo[0]!));
    // Pacing: at most one slot per official has come due in these seconds (6 an hour = 10 minutes apart).
    expect(toOfficials.length).toBeGreaterThanOrEqual(1);
    expect(toOfficials.length).toBeLessThanOrEqual(fixture.officialIds.length);
    for (const message of toOfficials) expect(confirmedIds.has(message.messageId!)).toBe(true);
    // The rest wait in the outbox, spread over the coming hours, not dropped.
    const queued = await database.prisma.outboxMessage.findMany({ where: { kind: "APPEAL", state: "QUEUED" }, orderBy: { nextAttemptAt: "asc" } });
    expect(queued.length + toOfficials.length).toBe(confirmedIds.size);
    const spread = (queued.at(-1)!.nextAttemptAt.getTime() - Date.now()) / 60_000;
    expect(spread).toBeGreaterThan(20);
  });
});
