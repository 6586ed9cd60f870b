// An appeal from submission to the official's mailbox, through a real SMTP server:
// confirmation email, confirmation (idempotent), pacing, the one reminder, expiry,
// replayed and made-up tokens, cancellation, the follow-up and the purge.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import {
  cancelAppeal,
  confirmAppeal,
  expireAppeals,
  findAppealByToken,
  listTargetResponseStats,
  purgeAppealPersonalData,
  queueFollowUps,
  queueReminders,
  recordFollowUp,
  submitAppeal,
  type SubmitAppealInput,
} from "~/appeals/appeal.server";
import type { MailWorker } from "~/jobs.server";
import { addressHash } from "~/mail/outbox.server";

import { useFreshDatabase, type TestDatabase } from "../../scripts/support/scratch-database";
import { configureTestMail, createMailWorkerWithJobs, drainOutbox } from "../support/outbox";
import { createAppealFixture, startSmtpServer, textOf, tokenIn, type AppealFixture, type TestSmtpServer } from "../support/smtp";

const DAY = 86_400_000;
let database: TestDatabase;
let smtp: TestSmtpServer;
let fixture: AppealFixture;
let clock = new Date("2026-11-23T10:00:00Z");
let worker: MailWorker;

beforeAll(async () => {
  database = await useFreshDatabase();
  smtp = await startSmtpServer();
  configureTestMail(smtp, { caps: { perSenderPerDay: 3, perCampaignPerDay: 1_000, perHour: 1_000 } });
  worker = createMailWorkerWithJobs({ id: "flow", now: () => clock, log: () => undefined });
});

afterAll(async () => {
  worker?.close();
  await smtp?.close();
  await database?.destroy();
});

beforeEach(async () => {
  await drain();
  fixture = await createAppealFixture(database.prisma);
  smtp.messages.length = 0;
  smtp.respond(null);
  clock = new Date(clock.getTime() + 2 * DAY);
});

let counter = 0;
function input(overrides: Partial<SubmitAppealInput> = {}): SubmitAppealInput {
  counter++;
  return {
    campaignId: fixture.campaignId,
    officialId: fixture.officialIds[0]!,
    prisonerId: null,
    language: "en",
    subject: `Please release the prisoners (${counter})`,
    body: `Dear Minister,\n\nThis is appeal number ${counter}, written in its own words: ${"word".repeat(counter % 7)} ${counter * 7919}.\n\nRespectfully`,
    signature: { mode: "campaign" },
    senderEmail: `supporter${counter}@mail.example.net`,
    followUpConsent: false,
    publicOrigin: "https://listy.example.org",
    now: clock,
    ...overrides,
  };
}

/** Runs the worker until the outbox is empty, letting paced rows come due (5 s a pass). */
const drain = () =>
  drainOutbox(worker, database.prisma, { maxPasses: 200, betweenPasses: () => void (clock = new Date(clock.getTime() + 5_000)) });

describe("sending an appeal through Listy", () => {
  it("delivers exactly one correct message, and only after confirmation (in Polish)", async () => {
    const result = await submitAppeal(input({ language: "pl", senderEmail: "Ala.Kot@Poczta.Example.net" }));
    expect(result.ok).toBe(true);
    await drain();
    // Only the confirmation, to the supporter, with a neutral Polish subject.
    expect(smtp.messages).toHaveLength(1);
    const confirmation = smtp.messages[0]!;
    expect(confirmation.rcptTo).toEqual(["Ala.Kot@poczta.example.net"]);
    expect(confirmation.subject).toBe("Potwierdź swoją wiadomość");
    expect(confirmation.raw).not.toMatch(/<img|src=/i);
    expect(textOf(confirmation).match(/https?:\/\/[^/\s]+/g)).toEqual(["https://listy.example.org"]);
    expect(textOf(confirmation)).toContain("https://listy.example.org/pl/appeals/confirm/");
    const token = tokenIn(confirmation);

    const view = await findAppealByToken(token, clock);
    expect(view).toMatchObject({ state: "PENDING_CONFIRMATION", expired: false, language: "pl", officialName: "Urzędnik 0", signatureMode: "campaign" });

    // Nothing reaches the official before the click, however long the worker runs.
    await drain();
    expect(smtp.messages).toHaveLength(1);

    expect(await confirmAppeal(token, clock)).toBe("confirmed");
    expect(await confirmAppeal(token, clock)).toBe("already-confirmed");
    const appeal = await database.prisma.appeal.findFirstOrThrow({ where: { id: (result as { appealId: string }).appealId } });
    expect(await database.prisma.outboxMessage.count({ where: { appealId: appeal.id, kind: "APPEAL" } })).toBe(1);
    const actions = await database.prisma.action.findMany({ where: { campaignId: fixture.campaignId, kind: "APPEAL_SENT" } });
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ language: "pl", country: null, prisonerId: null });

    await drain();
    expect(smtp.messages).toHaveLength(2);
    const sent = smtp.messages[1]!;
    expect(sent.rcptTo).toEqual(["official0.c" + sent.rcptTo[0]!.split(".c")[1]]);
    expect(sent.rcptTo).toHaveLength(1);
    expect(sent.messageId).toBe(appeal.messageId);
    expect(sent.headers.get("from")).toContain("listy@listy.example.org");
    expect(sent.headers.has("reply-to")).toBe(false);
    expect(sent.subject).toBe(appeal.subject);
    expect(textOf(sent)).toContain("This is appeal number");
    // The supporter's address never reaches the official when signing for the campaign.
    expect(sent.raw.toLowerCase()).not.toContain("ala.kot");

    const after = await database.prisma.appeal.findUniqueOrThrow({ where: { id: appeal.id } });
    expect(after.state).toBe("SENT");
    await purgeAppealPersonalData(clock);
    expect((await database.prisma.appeal.findUniqueOrThrow({ where: { id: appeal.id } })).senderEmail).toBeNull();
    // The confirmation email (with the token in the clear) is erased from the outbox once sent.
    const confirmationRow = await database.prisma.outboxMessage.findFirstOrThrow({ where: { appealId: appeal.id, kind: "CONFIRMATION" } });
    expect(confirmationRow).toMatchObject({ state: "SENT", to: null, text: null, html: null });
  });

  it("sets Reply-To only for a named signature with the supporter's consent", async () => {
    const named = await submitAppeal(input({ signature: { mode: "named", name: "Anna Nowak", town: "Kraków" }, replyToSupporter: true, senderEmail: "anna@mail.example.net" }));
    const unnamed = await submitAppeal(input({ signature: { mode: "campaign" }, replyToSupporter: true, senderEmail: "bez@mail.example.net" }));
    expect(named.ok && unnamed.ok).toBe(true);
    await drain();
    for (const message of smtp.messages.splice(0)) expect(await confirmAppeal(tokenIn(message), clock)).toBe("confirmed");
    await drain();
    const [first, second] = smtp.messages;
    const byReply = smtp.messages.filter((message) => message.headers.has("reply-to"));
    expect(byReply).toHaveLength(1);
    expect(byReply[0]!.headers.get("reply-to")).toContain("anna@mail.example.net");
    expect(first && second).toBeTruthy();
  });

  it("refuses made-up, malformed and replayed tokens, and expired links", async () => {
    expect(await confirmAppeal("x".repeat(43), clock)).toBe("invalid");
    expect(await confirmAppeal("../../etc/passwd", clock)).toBe("invalid");
    expect(await findAppealByToken("", clock)).toBeNull();
    expect(await cancelAppeal("nope", clock)).toBe("invalid");

    await submitAppeal(input());
    await drain();
    const token = tokenIn(smtp.messages[0]!);
    const late = new Date(clock.getTime() + 7 * DAY + 1_000);
    expect((await findAppealByToken(token, late))?.expired).toBe(true);
    expect(await confirmAppeal(token, late)).toBe("expired");
    expect(await expireAppeals(late)).toBeGreaterThanOrEqual(1);
    expect(await confirmAppeal(token, late)).toBe("expired");
    expect(await database.prisma.outboxMessage.count({ where: { kind: "APPEAL", appeal: { campaignId: fixture.campaignId } } })).toBe(0);
  });

  it("cancels before sending, and says so after", async () => {
    await submitAppeal(input());
    await submitAppeal(input());
    await drain();
    const [one, two] = smtp.messages.splice(0).map((message) => tokenIn(message));
    expect(await cancelAppeal(one!, clock)).toBe("cancelled");
    expect(await cancelAppeal(one!, clock)).toBe("cancelled");
    expect(await confirmAppeal(one!, clock)).toBe("cancelled");
    expect(await confirmAppeal(two!, clock)).toBe("confirmed");
    await drain();
    expect(smtp.messages).toHaveLength(1);
    expect(await cancelAppeal(two!, clock)).toBe("already-sent");
  });

  it("sends one reminder after three days whose link also works, and no second one", async () => {
    await submitAppeal(input({ language: "be" }));
    await drain();
    const first = tokenIn(smtp.messages.splice(0)[0]!);
    expect(await queueReminders(new Date(clock.getTime() + 2 * DAY))).toBe(0);
    const later = new Date(clock.getTime() + 3 * DAY + 1_000);
    clock = later;
    expect(await queueReminders(later)).toBe(1);
    expect(await queueReminders(later)).toBe(0);
    await drain();
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.subject).toBe("Напамін: калі ласка, пацвердзіце ваша паведамленне");
    const second = tokenIn(smtp.messages[0]!);
    expect(second).not.toBe(first);
    expect(await confirmAppeal(second, later)).toBe("confirmed");
    expect(await confirmAppeal(first, later)).toBe("already-confirmed");
  });

  it("asks the follow-up question two weeks after sending, with consent only, and counts answers", async () => {
    await submitAppeal(input({ followUpConsent: true, senderEmail: "yes@mail.example.net" }));
    await submitAppeal(input({ followUpConsent: false, senderEmail: "no@mail.example.net" }));
    await drain();
    for (const message of smtp.messages.splice(0)) await confirmAppeal(tokenIn(message), clock);
    await drain();
    smtp.messages.length = 0;
    expect(await queueFollowUps(new Date(clock.getTime() + 13 * DAY))).toBe(0);
    const later = new Date(clock.getTime() + 14 * DAY + 1_000);
    clock = later;
    expect(await queueFollowUps(later)).toBe(1);
    await drain();
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.rcptTo).toEqual(["yes@mail.example.net"]);
    expect(smtp.messages[0]!.subject).toBe("A short question about your message");
    const token = tokenIn(smtp.messages[0]!, "follow-up");
    expect(await recordFollowUp(token, "replied", later)).toBe("recorded");
    expect(await recordFollowUp("y".repeat(43), "replied", later)).toBe("invalid");
    const stats = await listTargetResponseStats(fixture.campaignId);
    expect(stats).toEqual([{ officialId: fixture.officialIds[0], sent: 2, replied: 1, noReply: 0 }]);

    // Once asked, the address goes; the texts go some weeks later; the counts stay.
    await purgeAppealPersonalData(later);
    expect(await database.prisma.appeal.count({ where: { campaignId: fixture.campaignId, senderEmail: { not: null } } })).toBe(0);
    await purgeAppealPersonalData(new Date(later.getTime() + 60 * DAY));
    const rows = await database.prisma.appeal.findMany({ where: { campaignId: fixture.campaignId } });
    expect(rows.every((row) => row.body === null && row.subject === null && row.purgedAt !== null && row.followUpTokenHash === null)).toBe(true);
    expect(await recordFollowUp(token, "no-reply", new Date(later.getTime() + 60 * DAY))).toBe("invalid");
    expect((await listTargetResponseStats(fixture.campaignId))[0]).toMatchObject({ sent: 2, replied: 1 });
  });
});

describe("what submitAppeal refuses", () => {
  it("holds a near-identical appeal to the same official and sends nothing for it", async () => {
    const body = "Dear Minister,\n\nI ask you to release all political prisoners held in your country without delay and to let their families see them.\n\nRespectfully";
    expect((await submitAppeal(input({ body }))).ok).toBe(true);
    const again = await submitAppeal(input({ body: body.replace("Respectfully", "Respectfully yours"), senderEmail: "other@mail.example.net" }));
    expect(again).toEqual({ ok: false, reason: "near-duplicate" });
    const held = await database.prisma.appeal.findFirstOrThrow({ where: { campaignId: fixture.campaignId, state: "HELD_DUPLICATE" } });
    expect(held.senderEmail).toBeNull();
    await drain();
    expect(smtp.messages).toHaveLength(1);
  });

  it("caps appeals per sender address", async () => {
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await submitAppeal(input({ senderEmail: "busy@mail.example.net" })));
    expect(results.map((result) => result.ok)).toEqual([true, true, true, false, false]);
    expect(results[4]).toEqual({ ok: false, reason: "rate-limited" });
  });

  it("refuses closed campaigns, unknown targets and suppressed addresses", async () => {
    const closed = await createAppealFixture(database.prisma, { status: "CLOSED" });
    expect(await submitAppeal(input({ campaignId: closed.campaignId, officialId: closed.officialIds[0]! }))).toEqual({ ok: false, reason: "campaign-closed" });
    expect(await submitAppeal(input({ officialId: "nobody" }))).toEqual({ ok: false, reason: "target-unreachable" });
    await database.prisma.suppression.create({ data: { addressHash: addressHash("bounced@mail.example.net"), reason: "test" } });
    expect(await submitAppeal(input({ senderEmail: "Bounced@Mail.Example.net" }))).toEqual({ ok: false, reason: "suppressed" });
    expect(await submitAppeal(input({ senderEmail: "someone@mailinator.com" }))).toEqual({ ok: false, reason: "invalid-email" });
  });
});
