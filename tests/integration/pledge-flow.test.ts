// Pledges from submission to withdrawal, through the outbox and a real SMTP server:
// anonymous pledges, double opt-in, duplicates, forged and replayed tokens, caps, closed and
// unknown targets, stopping reminders, withdrawal, and counters under concurrent writes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { MailWorker } from "~/jobs.server";
import { configurePledges } from "~/pledges/pledge-settings.server";
import {
  confirmPledge,
  findPledgeByManageToken,
  makePledge,
  pledgeCounts,
  recordPostedSelfReport,
  stopReminders,
  withdrawPledge,
  type MakePledgeInput,
} from "~/pledges/pledge.server";
import { purgePledgePersonalData } from "~/privacy/privacy.server";

import { useFreshDatabase, type TestDatabase } from "../../scripts/support/scratch-database";
import { configureTestMail, createMailWorkerWithJobs, drainOutbox } from "../support/outbox";
import { createCampaign, createEvent, createPrisoner, linkToken } from "../support/pledge-fixtures";
import { startSmtpServer, textOf, type TestSmtpServer } from "../support/smtp";

const DAY = 86_400_000;
let database: TestDatabase;
let smtp: TestSmtpServer;
let worker: MailWorker;
let clock = new Date("2026-11-23T10:00:00Z");
let prisonerId: string;
let campaignId: string;

beforeAll(async () => {
  database = await useFreshDatabase();
  smtp = await startSmtpServer();
  configureTestMail(smtp);
  configurePledges({ maxPerEmailPerDay: 5, maxConfirmationsPerHour: 10_000 });
  worker = createMailWorkerWithJobs({ id: "pledge-flow", now: () => clock, log: () => undefined });
});

afterAll(async () => {
  worker?.close();
  await smtp?.close();
  await database?.destroy();
});

beforeEach(async () => {
  await drain();
  smtp.messages.length = 0;
  clock = new Date(clock.getTime() + 2 * DAY);
  prisonerId = await createPrisoner(database.prisma, { birthDate: "1990-05-17" });
  campaignId = await createCampaign(database.prisma);
});

const drain = () => drainOutbox(worker, database.prisma);

const input = (overrides: Partial<MakePledgeInput> = {}): MakePledgeInput => ({
  target: { kind: "WRITE_MONTHLY", prisonerId },
  language: "en",
  publicOrigin: "https://listy.example.org",
  now: clock,
  ...overrides,
});

const rowCount = (where: Record<string, unknown>) => database.prisma.pledge.count({ where });

describe("anonymous pledges", () => {
  it("count at once, with an Action that holds no personal data", async () => {
    const result = await makePledge(input({ country: "pl", language: "be" }));
    expect(result).toMatchObject({ ok: true, state: "ACTIVE" });
    expect(await pledgeCounts({ prisonerId })).toMatchObject({ total: 1, byKind: { WRITE_MONTHLY: 1, BIRTHDAY_CARD: 0 } });
    const pledge = await database.prisma.pledge.findFirstOrThrow({ where: { prisonerId } });
    expect(pledge).toMatchObject({ email: null, emailHash: null, confirmTokenHash: null, manageTokenHash: null, country: "PL", language: "be" });
    const actions = await database.prisma.action.findMany({ where: { prisonerId, kind: "PLEDGE_MADE" } });
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ language: "be", country: "PL", campaignId: null });
    await drain();
    expect(smtp.messages).toHaveLength(0);
  });

  it("campaign pledges and event pledges count for the campaign; bad countries are dropped", async () => {
    const eventId = await createEvent(database.prisma, campaignId, new Date(clock.getTime() + 10 * DAY));
    expect((await makePledge(input({ target: { kind: "CAMPAIGN_PLEDGE", campaignId }, country: "Poland" }))).ok).toBe(true);
    expect((await makePledge(input({ target: { kind: "EVENT", campaignId, eventId } }))).ok).toBe(true);
    expect(await pledgeCounts({ campaignId })).toMatchObject({ total: 2, byKind: { CAMPAIGN_PLEDGE: 1, EVENT: 1 } });
    expect((await database.prisma.pledge.findFirstOrThrow({ where: { campaignId, kind: "CAMPAIGN_PLEDGE" } })).country).toBeNull();
  });

  it("refuses unknown and closed targets without writing anything", async () => {
    const released = await createPrisoner(database.prisma, { status: "RELEASED" });
    const closed = await createCampaign(database.prisma, { status: "CLOSED" });
    const draft = await createCampaign(database.prisma, { status: "DRAFT" });
    const pastEvent = await createEvent(database.prisma, campaignId, new Date(clock.getTime() - DAY));
    const otherCampaign = await createCampaign(database.prisma);
    const otherEvent = await createEvent(database.prisma, otherCampaign, new Date(clock.getTime() + DAY));
    const before = await database.prisma.pledge.count();
    expect(await makePledge(input({ target: { kind: "WRITE_MONTHLY", prisonerId: "nope" } }))).toEqual({ ok: false, reason: "unknown-target" });
    expect(await makePledge(input({ target: { kind: "WRITE_MONTHLY", prisonerId: "x".repeat(10_000) } }))).toEqual({ ok: false, reason: "unknown-target" });
    expect(await makePledge(input({ target: { kind: "BIRTHDAY_CARD", prisonerId: released } }))).toEqual({ ok: false, reason: "target-closed" });
    expect(await makePledge(input({ target: { kind: "CAMPAIGN_PLEDGE", campaignId: closed } }))).toEqual({ ok: false, reason: "target-closed" });
    expect(await makePledge(input({ target: { kind: "CAMPAIGN_PLEDGE", campaignId: draft } }))).toEqual({ ok: false, reason: "unknown-target" });
    expect(await makePledge(input({ target: { kind: "EVENT", campaignId, eventId: pastEvent } }))).toEqual({ ok: false, reason: "target-closed" });
    expect(await makePledge(input({ target: { kind: "EVENT", campaignId, eventId: otherEvent } }))).toEqual({ ok: false, reason: "unknown-target" });
    expect(await makePledge(input({ target: { kind: "NONSENSE", campaignId } as never }))).toEqual({ ok: false, reason: "unknown-target" });
    expect(await database.prisma.pledge.count()).toBe(before);
  });

  it("keep the counter equal to the rows under many concurrent submissions", async () => {
    const results = await Promise.all(Array.from({ length: 150 }, (_, i) => makePledge(input({ target: { kind: i % 2 ? "WRITE_MONTHLY" : "BIRTHDAY_CARD", prisonerId } }))));
    expect(results.every((result) => result.ok)).toBe(true);
    const counts = await pledgeCounts({ prisonerId });
    expect(counts).toMatchObject({ total: 150, byKind: { WRITE_MONTHLY: 75, BIRTHDAY_CARD: 75 } });
    expect(await rowCount({ prisonerId, state: "ACTIVE" })).toBe(150);
    expect(await database.prisma.action.count({ where: { prisonerId, kind: "PLEDGE_MADE" } })).toBe(150);
  });

  it("write the open targets of one burst and refuse the closed ones, counting only what was written", async () => {
    const released = await createPrisoner(database.prisma, { status: "RELEASED" });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => makePledge(input({ target: { kind: "WRITE_MONTHLY", prisonerId: i % 4 === 0 ? released : prisonerId } }))),
    );
    expect(results.filter((result) => !result.ok)).toEqual(Array.from({ length: 10 }, () => ({ ok: false, reason: "target-closed" })));
    expect(await pledgeCounts({ prisonerId })).toMatchObject({ total: 30 });
    expect(await pledgeCounts({ prisonerId: released })).toMatchObject({ total: 0 });
    expect(await rowCount({ prisonerId: released })).toBe(0);
    expect(await database.prisma.action.count({ where: { prisonerId: released } })).toBe(0);
  });
});

describe("pledges with an email address (double opt-in)", () => {
  it("count only once confirmed from the address, in the supporter's language", async () => {
    const result = await makePledge(input({ email: " Ala.Kot@Poczta.Example.net ", language: "pl" }));
    expect(result).toMatchObject({ ok: true, state: "PENDING_CONFIRMATION" });
    expect(await pledgeCounts({ prisonerId })).toMatchObject({ total: 0 });
    expect(await database.prisma.action.count({ where: { prisonerId } })).toBe(0);
    await drain();
    expect(smtp.messages).toHaveLength(1);
    const message = smtp.messages[0]!;
    expect(message.rcptTo).toEqual(["Ala.Kot@poczta.example.net"]);
    expect(message.subject).toBe("Potwierdź, proszę, adres e-mail");
    // Neutral: no prisoner's name, no country, no slug in the email.
    expect(textOf(message)).not.toMatch(/Prisonerka|Belarus|Беларус|pledge-test-prisoner/i);
    expect(textOf(message)).toContain("https://listy.example.org/pl/pledges/confirm/");
    const token = linkToken(message, "pledges/confirm");
    // The outbox keeps neither the address nor the token once sent.
    expect(await database.prisma.outboxMessage.count({ where: { OR: [{ to: { not: null } }, { text: { contains: token } }] } })).toBe(0);

    expect(await confirmPledge(token, clock)).toBe("confirmed");
    expect(await confirmPledge(token, clock)).toBe("already-confirmed");
    expect(await pledgeCounts({ prisonerId })).toMatchObject({ total: 1, byKind: { WRITE_MONTHLY: 1 } });
    expect(await database.prisma.action.count({ where: { prisonerId, kind: "PLEDGE_MADE" } })).toBe(1);
    const pledge = await database.prisma.pledge.findFirstOrThrow({ where: { prisonerId } });
    expect(pledge.state).toBe("ACTIVE");
    expect(pledge.nextReminderAt?.getTime()).toBe(clock.getTime() + 30 * DAY);
  });

  it("refuses forged, malformed and expired tokens", async () => {
    await makePledge(input({ email: "forger@mail.example.net" }));
    await drain();
    const token = linkToken(smtp.messages[0]!, "pledges/confirm");
    const forged = (token[0] === "A" ? "B" : "A") + token.slice(1);
    expect(await confirmPledge(forged, clock)).toBe("invalid");
    expect(await confirmPledge("short", clock)).toBe("invalid");
    expect(await confirmPledge("x".repeat(100_000), clock)).toBe("invalid");
    expect(await confirmPledge("' OR 1=1 --".padEnd(43, "a"), clock)).toBe("invalid");
    expect(await findPledgeByManageToken(forged)).toBeNull();
    expect(await stopReminders(forged, clock)).toBe("invalid");
    expect(await withdrawPledge(forged, clock)).toBe("invalid");
    // A week later the link has expired, and the purge deletes the pledge with its address.
    const later = new Date(clock.getTime() + 7 * DAY + 1);
    expect(await confirmPledge(token, later)).toBe("expired");
    expect((await purgePledgePersonalData(later)).unconfirmed).toBeGreaterThanOrEqual(1);
    expect(await rowCount({ prisonerId })).toBe(0);
    expect(await confirmPledge(token, later)).toBe("invalid");
  });

  it("keep one pledge per address and target; the confirmation is re-sent at most once a day", async () => {
    const first = await makePledge(input({ email: "twice@mail.example.net" }));
    expect(first).toMatchObject({ ok: true, state: "PENDING_CONFIRMATION" });
    expect(await makePledge(input({ email: "TWICE@mail.example.net" }))).toEqual({ ok: true, duplicate: true });
    await drain();
    expect(smtp.messages).toHaveLength(1);
    // The next day: one more confirmation, with the same working link.
    clock = new Date(clock.getTime() + DAY + 1);
    const nextDay = clock;
    expect(await makePledge(input({ email: "twice@mail.example.net", now: nextDay }))).toEqual({ ok: true, duplicate: true });
    expect(await makePledge(input({ email: "twice@mail.example.net", now: nextDay }))).toEqual({ ok: true, duplicate: true });
    await drain();
    expect(smtp.messages).toHaveLength(2);
    expect(linkToken(smtp.messages[1]!, "pledges/confirm")).toBe(linkToken(smtp.messages[0]!, "pledges/confirm"));
    expect(await confirmPledge(linkToken(smtp.messages[1]!, "pledges/confirm"), nextDay)).toBe("confirmed");
    // Confirmed: a duplicate counts nothing; the owner is told once a day that it exists, with
    // its manage link (the form's answer may not say so: anyone could be asking).
    expect(await makePledge(input({ email: "twice@mail.example.net", now: nextDay }))).toEqual({ ok: true, duplicate: true });
    expect(await makePledge(input({ email: "twice@mail.example.net", now: nextDay }))).toEqual({ ok: true, duplicate: true });
    await drain();
    expect(smtp.messages).toHaveLength(3);
    expect(linkToken(smtp.messages[2]!, "pledges/manage")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await rowCount({ prisonerId })).toBe(1);
    expect(await pledgeCounts({ prisonerId })).toMatchObject({ total: 1 });
    // Another kind for the same prisoner is another pledge.
    expect(await makePledge(input({ email: "twice@mail.example.net", target: { kind: "BIRTHDAY_CARD", prisonerId }, now: nextDay }))).toMatchObject({ ok: true, state: "PENDING_CONFIRMATION" });
  });

  it("makes one pledge from identical submissions at the same moment", async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => makePledge(input({ email: "racer@mail.example.net" }))));
    expect(results.filter((result) => "pledgeId" in result)).toHaveLength(1);
    expect(results.filter((result) => "duplicate" in result)).toHaveLength(11);
    expect(await rowCount({ prisonerId })).toBe(1);
    expect(await database.prisma.outboxMessage.count({ where: { kind: "PLEDGE_CONFIRMATION", state: "QUEUED" } })).toBe(1);
  });

  it("caps floods from one address and refuses malformed or throwaway addresses", async () => {
    const targets = await Promise.all(Array.from({ length: 7 }, () => createPrisoner(database.prisma)));
    const answers = [];
    for (const target of targets) answers.push(await makePledge(input({ email: "flood@mail.example.net", target: { kind: "WRITE_MONTHLY", prisonerId: target } })));
    expect(answers.slice(0, 5).every((answer) => answer.ok)).toBe(true);
    expect(answers.slice(5)).toEqual([{ ok: false, reason: "rate-limited" }, { ok: false, reason: "rate-limited" }]);
    for (const bad of ["a@b", "x@mailinator.com", "a@example.org\r\nBcc: b@example.org", "a@example.org, b@example.org", "@".repeat(500)]) {
      expect(await makePledge(input({ email: bad }))).toEqual({ ok: false, reason: "invalid-email" });
    }
    expect(await rowCount({ prisonerId })).toBe(0);
  });

  it("refuses a suppressed (bounced) address", async () => {
    const { addressHash } = await import("~/mail/outbox.server");
    await database.prisma.suppression.create({ data: { addressHash: addressHash("bounced@mail.example.net"), reason: "test" } });
    expect(await makePledge(input({ email: "bounced@mail.example.net" }))).toEqual({ ok: false, reason: "suppressed" });
  });
});

describe("managing a pledge", () => {
  async function confirmedPledge(email: string, language: MakePledgeInput["language"] = "en") {
    const result = await makePledge(input({ email, language }));
    await drain();
    const message = smtp.messages.at(-1)!;
    expect(await confirmPledge(linkToken(message, "pledges/confirm"), clock)).toBe("confirmed");
    return (result as { pledgeId: string }).pledgeId;
  }

  it("stops reminders (erasing the address) and withdraws, each once, with the counter following", async () => {
    const pledgeId = await confirmedPledge("manager@mail.example.net", "be");
    const { pledgeToken } = await import("~/pledges/tokens.server");
    const token = pledgeToken(pledgeId, "manage");
    expect(await findPledgeByManageToken(token)).toMatchObject({
      kind: "WRITE_MONTHLY",
      state: "ACTIVE",
      language: "be",
      targetName: expect.stringMatching(/^Тэста Вязніца\d+$/),
      remindersOn: true,
      hasReminders: true,
      targetPath: expect.stringMatching(/^\/prisoners\/pledge-test-prisoner-.*\/write$/),
    });
    expect(await stopReminders(token, clock)).toBe("stopped");
    expect(await stopReminders(token, clock)).toBe("already-stopped");
    const stopped = await database.prisma.pledge.findUniqueOrThrow({ where: { id: pledgeId } });
    expect(stopped).toMatchObject({ email: null, remindersOn: false, nextReminderAt: null, state: "ACTIVE" });
    expect(await pledgeCounts({ prisonerId })).toMatchObject({ total: 1 });

    expect(await withdrawPledge(token, clock)).toBe("withdrawn");
    expect(await withdrawPledge(token, clock)).toBe("withdrawn");
    expect(await pledgeCounts({ prisonerId })).toMatchObject({ total: 0 });
    expect(await database.prisma.pledge.findUniqueOrThrow({ where: { id: pledgeId } })).toMatchObject({ state: "WITHDRAWN", emailHash: null });
    // Withdrawn: the same address may pledge again.
    expect(await makePledge(input({ email: "manager@mail.example.net" }))).toMatchObject({ ok: true, state: "PENDING_CONFIRMATION" });
  });

  it("counts concurrent withdrawals once", async () => {
    const pledgeId = await confirmedPledge("double-click@mail.example.net");
    const { pledgeToken } = await import("~/pledges/tokens.server");
    const token = pledgeToken(pledgeId, "manage");
    const answers = await Promise.all(Array.from({ length: 8 }, () => withdrawPledge(token, clock)));
    expect(answers.every((answer) => answer === "withdrawn")).toBe(true);
    expect(await pledgeCounts({ prisonerId })).toMatchObject({ total: 0 });
    const counter = await database.prisma.pledgeCounter.findMany({ where: { scopeId: prisonerId } });
    expect(counter.every((row) => row.count === 0)).toBe(true);
  });

  it("records 'I posted it' as an Action only, and ignores unknown ids", async () => {
    await recordPostedSelfReport({ prisonerId, language: "uk", country: "ua", now: clock });
    await recordPostedSelfReport({ prisonerId: "unknown", language: "uk", now: clock });
    const actions = await database.prisma.action.findMany({ where: { kind: "POSTED_SELF_REPORT", prisonerId } });
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ language: "uk", country: "UA" });
    expect(await database.prisma.action.count({ where: { kind: "POSTED_SELF_REPORT", prisonerId: null, campaignId: null } })).toBe(0);
  });
});
