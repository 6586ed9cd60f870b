// "Export my data" and "erase me" through a link sent to the address, and the scheduled
// purge. After erasure the address (and its keyed hash) is in no column of any table.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { submitAppeal } from "~/appeals/appeal.server";
import type { MailWorker } from "~/jobs.server";
import { addressHash } from "~/mail/outbox.server";
import { configurePledges } from "~/pledges/pledge-settings.server";
import { confirmPledge, makePledge, pledgeCounts } from "~/pledges/pledge.server";
import { eraseMe, exportPersonalData, purgePledgePersonalData, requestPrivacyLink, RETENTION, retentionFromEnv } from "~/privacy/privacy.server";
import { parseEnv } from "~/utils/env.server";

import { useFreshDatabase, type TestDatabase } from "../../scripts/support/scratch-database";
import { configureTestMail, createMailWorkerWithJobs, drainOutbox } from "../support/outbox";
import { createCampaign, createPrisoner, linkToken } from "../support/pledge-fixtures";
import { createAppealFixture, startSmtpServer, textOf, type TestSmtpServer } from "../support/smtp";

const DAY = 86_400_000;
const ORIGIN = "https://listy.example.org";
let database: TestDatabase;
let smtp: TestSmtpServer;
let worker: MailWorker;
let clock = new Date("2026-11-23T10:00:00Z");

beforeAll(async () => {
  database = await useFreshDatabase();
  smtp = await startSmtpServer();
  configureTestMail(smtp, { caps: { perSenderPerDay: 100, perCampaignPerDay: 1_000, perHour: 1_000 } });
  configurePledges({ maxPerEmailPerDay: 50, maxConfirmationsPerHour: 10_000, privacyMaxPerEmailPerDay: 3 });
  worker = createMailWorkerWithJobs({ id: "privacy", now: () => clock, log: () => undefined, jobsEveryMs: 60 * 60_000 });
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
});

const drain = () => drainOutbox(worker, database.prisma);

/** Every row of every table whose text (any text, varchar or array column) contains `needle`. */
async function rowsContaining(needle: string): Promise<string[]> {
  const columns = await database.sql.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'ARRAY', 'USER-DEFINED', 'jsonb', 'json')`,
  );
  expect(columns.length).toBeGreaterThan(50);
  const hits: string[] = [];
  for (const { table_name, column_name } of columns) {
    const rows = await database.sql.query<{ hits: number }>(
      `SELECT count(*)::int AS hits FROM "${table_name}" WHERE lower("${column_name}"::text) LIKE '%' || lower($1) || '%'`,
      [needle],
    );
    if ((rows[0]?.hits ?? 0) > 0) hits.push(`${table_name}.${column_name}`);
  }
  return hits;
}

async function pledgeAndConfirm(email: string, target: Parameters<typeof makePledge>[0]["target"]) {
  const result = await makePledge({ target, language: "en", email, publicOrigin: ORIGIN, now: clock });
  await drain();
  const message = smtp.messages.filter((m) => m.rcptTo[0]?.toLowerCase() === email.toLowerCase()).at(-1)!;
  expect(await confirmPledge(linkToken(message, "pledges/confirm"), clock)).toBe("confirmed");
  return result;
}

describe("export and erasure", () => {
  it("erase leaves the address and its hash in no row of any table, and keeps anonymous counts", async () => {
    const email = "Erase.Me@Mail.Example.net";
    const normalised = "Erase.Me@mail.example.net";
    const prisonerId = await createPrisoner(database.prisma, { birthDate: "1979-11-30" });
    const campaignId = await createCampaign(database.prisma);
    await pledgeAndConfirm(email, { kind: "WRITE_MONTHLY", prisonerId });
    await pledgeAndConfirm(email, { kind: "CAMPAIGN_PLEDGE", campaignId });
    // One still unconfirmed, with its confirmation email still queued.
    await makePledge({ target: { kind: "BIRTHDAY_CARD", prisonerId }, language: "en", email, publicOrigin: ORIGIN, now: clock });
    // An appeal signed with a name and replies to the supporter, still waiting for confirmation.
    const fixture = await createAppealFixture(database.prisma);
    const appeal = await submitAppeal({
      campaignId: fixture.campaignId,
      officialId: fixture.officialIds[0]!,
      prisonerId: null,
      language: "en",
      subject: "Please release them",
      body: "Dear Minister,\n\nRelease them. Signed by Erase Me, write to Erase.Me@mail.example.net",
      signature: { mode: "named", name: "Erase Me", town: "Gdańsk" },
      senderEmail: email,
      followUpConsent: true,
      replyToSupporter: true,
      publicOrigin: ORIGIN,
      now: clock,
    });
    expect(appeal.ok).toBe(true);
    const hash = addressHash(normalised);
    expect((await rowsContaining(normalised)).length).toBeGreaterThan(0);
    expect((await rowsContaining(hash)).length).toBeGreaterThan(0);

    expect(await requestPrivacyLink({ email, kind: "EXPORT", language: "uk", publicOrigin: ORIGIN, now: clock })).toEqual({ ok: true });
    expect(await requestPrivacyLink({ email, kind: "ERASE", language: "uk", publicOrigin: ORIGIN, now: clock })).toEqual({ ok: true });
    smtp.messages.length = 0;
    await drain();
    const exportMail = smtp.messages.find((m) => textOf(m).includes("/privacy/export/"))!;
    const eraseMail = smtp.messages.find((m) => textOf(m).includes("/privacy/erase/"))!;
    expect(exportMail.subject).toBe("Ваш запит до Listy");
    expect(textOf(eraseMail)).toContain(`${ORIGIN}/uk/privacy/erase/`);

    const exported = await exportPersonalData(linkToken(exportMail, "privacy/export"), clock);
    expect(exported.ok).toBe(true);
    const data = (exported as { data: { pledges: unknown[]; appeals: { signerName: string }[] } }).data;
    expect(data.pledges).toHaveLength(3);
    expect(data.appeals).toHaveLength(1);
    expect(data.appeals[0]!.signerName).toBe("Erase Me");
    expect(JSON.stringify(data)).toContain(normalised);
    // An export link cannot erase, nor the other way round.
    expect(await eraseMe(linkToken(exportMail, "privacy/export"), clock)).toEqual({ ok: false, reason: "invalid" });
    expect(await exportPersonalData(linkToken(eraseMail, "privacy/erase"), clock)).toEqual({ ok: false, reason: "invalid" });

    const erased = await eraseMe(linkToken(eraseMail, "privacy/erase"), clock);
    expect(erased).toMatchObject({ ok: true, erased: { pledges: 3, appeals: 1 } });
    expect(await rowsContaining(normalised)).toEqual([]);
    expect(await rowsContaining("erase.me@")).toEqual([]);
    expect(await rowsContaining(hash)).toEqual([]);
    expect(await rowsContaining("Erase Me")).toEqual([]);
    // The counts stay (no personal data): two confirmed pledges still count.
    expect((await pledgeCounts({ prisonerId })).total).toBe(1);
    expect((await pledgeCounts({ campaignId })).total).toBe(1);
    // A replay erases nothing more; the export link now finds nothing.
    expect(await eraseMe(linkToken(eraseMail, "privacy/erase"), clock)).toEqual({ ok: true, erased: { pledges: 0, appeals: 0, outbox: 0 } });
    expect(await exportPersonalData(linkToken(exportMail, "privacy/export"), clock)).toEqual({ ok: false, reason: "invalid" });
    // The worker sends nothing more to the address.
    smtp.messages.length = 0;
    await drain();
    expect(smtp.messages).toHaveLength(0);
  });

  it("answers unknown addresses the same way and sends them nothing", async () => {
    expect(await requestPrivacyLink({ email: "nobody@mail.example.net", kind: "ERASE", language: "en", publicOrigin: ORIGIN, now: clock })).toEqual({ ok: true });
    await drain();
    expect(smtp.messages).toHaveLength(0);
    expect(await database.prisma.privacyRequest.count({ where: { emailHash: addressHash("nobody@mail.example.net") } })).toBe(0);
    expect(await requestPrivacyLink({ email: "not an address", kind: "ERASE", language: "en", publicOrigin: ORIGIN, now: clock })).toEqual({ ok: false, reason: "invalid-email" });
  });

  it("caps requests per address, and refuses forged and expired links", async () => {
    const email = "asker@mail.example.net";
    await pledgeAndConfirm(email, { kind: "WRITE_MONTHLY", prisonerId: await createPrisoner(database.prisma) });
    smtp.messages.length = 0;
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await requestPrivacyLink({ email, kind: "EXPORT", language: "en", publicOrigin: ORIGIN, now: clock }));
    expect(answers.slice(0, 3).every((answer) => answer.ok)).toBe(true);
    expect(answers[3]).toEqual({ ok: false, reason: "rate-limited" });
    await drain();
    expect(smtp.messages).toHaveLength(3);
    const token = linkToken(smtp.messages[0]!, "privacy/export");
    const forged = (token[5] === "A" ? "B" : "A").padStart(6, token.slice(0, 5)) + token.slice(6);
    expect(await exportPersonalData(forged, clock)).toEqual({ ok: false, reason: "invalid" });
    expect(await exportPersonalData("../../etc/passwd", clock)).toEqual({ ok: false, reason: "invalid" });
    const later = new Date(clock.getTime() + DAY + 1);
    expect(await exportPersonalData(token, later)).toEqual({ ok: false, reason: "expired" });
    // The purge deletes expired requests.
    expect((await purgePledgePersonalData(later)).requests).toBeGreaterThanOrEqual(3);
    expect(await exportPersonalData(token, later)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("retention", () => {
  it("lists every kind of personal data, from the settings", () => {
    expect(RETENTION.map((entry) => entry.data)).toEqual([
      "pledge-unconfirmed",
      "pledge-email",
      "appeal-email",
      "appeal-text",
      "letter-text",
      "outbox",
      "privacy-request",
    ]);
    const custom = retentionFromEnv(parseEnv({ PLEDGE_UNCONFIRMED_DAYS: "3", PRIVACY_REQUEST_RETENTION_DAYS: "2", PLEDGE_EMAIL_RETENTION_DAYS: "10" }));
    expect(custom.find((entry) => entry.data === "pledge-unconfirmed")?.days).toBe(3);
    expect(custom.find((entry) => entry.data === "privacy-request")?.days).toBe(2);
    expect(custom.find((entry) => entry.data === "pledge-email")?.days).toBe(10);
    expect(() => parseEnv({ PLEDGE_UNCONFIRMED_DAYS: "0" })).toThrow(/PLEDGE_UNCONFIRMED_DAYS/);
  });

  it("the purge erases addresses no reminder needs, and hashes once the pledge ended long enough ago", async () => {
    const prisonerId = await createPrisoner(database.prisma);
    const result = await pledgeAndConfirm("ended@mail.example.net", { kind: "CAMPAIGN_PLEDGE", campaignId: await createCampaign(database.prisma) });
    const pledgeId = (result as { pledgeId: string }).pledgeId;
    // A campaign pledge needs no reminders: the address went at confirmation, the hash stays for now.
    expect(await database.prisma.pledge.findUniqueOrThrow({ where: { id: pledgeId } })).toMatchObject({ email: null, emailHash: addressHash("ended@mail.example.net") });
    // A row left with an address it no longer needs (written directly, as an older version might have).
    const stale = await database.prisma.pledge.create({
      data: { kind: "WRITE_MONTHLY", prisonerId, state: "WITHDRAWN", language: "en", email: "stale@mail.example.net", emailHash: "h", remindersOn: false, stateChangedAt: clock },
    });
    const first = await purgePledgePersonalData(clock);
    expect(first.addresses).toBeGreaterThanOrEqual(1);
    expect(await database.prisma.pledge.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ email: null, emailHash: "h" });
    await purgePledgePersonalData(new Date(clock.getTime() + 31 * DAY));
    expect(await database.prisma.pledge.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ emailHash: null });
    expect(await database.prisma.pledge.findUniqueOrThrow({ where: { id: pledgeId } })).toMatchObject({ emailHash: null, state: "ACTIVE" });
  });
});
