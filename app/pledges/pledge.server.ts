// Pledges: "I will write every month", "I will send a birthday card", "I sign this pledge",
// "I will come". Anonymous pledges hold no personal data and count at once; a pledge with an
// email address (only for reminders) counts once confirmed from that address. The pledge,
// its Action and its counter change are written in one transaction; so is the confirmation
// email (through the outbox). States: app/pledges/pledge-state.ts; every change goes through
// transitionPledge(), a named move of pledgeLifecycle in an update guarded by the state it expects.
import { randomUUID } from "node:crypto";

import type { Pledge, PledgeKind, Prisma } from "@prisma/client";

import { isLanguage, type Language } from "~/i18n";
import { checkEmailAddress } from "~/mail/address";
import { getMailSettings } from "~/mail/mail-settings.server";
import { renderPledgeAlreadyMadeMail, renderPledgeConfirmationMail } from "~/mail/messages.server";
import { addressHash, isSuppressed } from "~/mail/outbox.server";
import { displayName } from "~/prisoners/person-name";
import { getCurrentDatabase, getPrisma } from "~/utils/database.server";
import { TransitionError } from "~/utils/lifecycle";
import { pickTranslation } from "~/utils/localized";

import { bumpCounter, counterDelta, counterScopeOf } from "./counters.server";
import { getPledgeSettings } from "./pledge-settings.server";
import { COUNTED_STATES, initialPledgeState, pledgeLifecycle, type PledgeState } from "./pledge-state";
import { nextBirthdayReminderAt, nextMonthlyReminderAt } from "./schedule.server";
import { enqueueSupporterMail } from "./supporter-mail.server";
import { hashToken, isTokenShaped, pledgeConfirmLink, pledgeManageLink, pledgeToken } from "./tokens.server";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** SQL timestamps are stored as UTC without a zone; this is how a Date is passed to raw SQL. */
const sqlTime = (date: Date) => date.toISOString().replace("T", " ").replace("Z", "");
const utcDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

export type PledgeTarget =
  | { kind: "WRITE_MONTHLY" | "BIRTHDAY_CARD"; prisonerId: string }
  | { kind: "CAMPAIGN_PLEDGE"; campaignId: string }
  | { kind: "EVENT"; campaignId: string; eventId: string };

export interface MakePledgeInput {
  target: PledgeTarget;
  language: Language;
  /** Self-declared ISO 3166 code; anything else is dropped. */
  country?: string | null;
  /** The raw form field; empty means an anonymous pledge. */
  email?: string | null;
  /** For links in emails, e.g. https://listy.example.org */
  publicOrigin: string;
  now?: Date;
}

export type MakePledgeResult =
  | { ok: true; pledgeId: string; state: "ACTIVE" | "PENDING_CONFIRMATION" }
  | { ok: true; duplicate: true }
  | { ok: false; reason: "invalid-email" | "suppressed" | "rate-limited" | "target-closed" | "unknown-target" };

export interface ManagedPledgeView {
  kind: PledgeKind;
  state: PledgeState;
  language: Language;
  /** Prisoner's name, campaign title or event title, in the pledge's language. */
  targetName: string;
  remindersOn: boolean;
  /** Reminders exist for this kind (monthly letters, birthday cards). */
  hasReminders: boolean;
  /** Path of the letter builder (prisoner pledges) or the campaign page, without the language. */
  targetPath: string;
}

export const PLEDGE_KINDS = ["WRITE_MONTHLY", "BIRTHDAY_CARD", "CAMPAIGN_PLEDGE", "EVENT"] as const satisfies readonly PledgeKind[];
export const REMINDER_KINDS: readonly PledgeKind[] = ["WRITE_MONTHLY", "BIRTHDAY_CARD"];
/** Prisoners for whom a letter or a card still matters. */
const HELPABLE = ["IN_CUSTODY", "INCOMMUNICADO"] as const;

type Tx = Prisma.TransactionClient;

function originOf(publicOrigin: string): string {
  const url = new URL(publicOrigin);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("publicOrigin must be an http(s) URL");
  return url.origin;
}

const idShaped = (value: unknown): value is string => typeof value === "string" && value.length > 0 && value.length <= 64;

function cleanCountry(value: string | null | undefined): string | null {
  const code = (value ?? "").trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? code : null;
}

// ---------------------------------------------------------------------------
// State changes: the one place a pledge's state is written.

type PledgeRef = Pick<Pledge, "id" | "state" | "kind" | "campaignId" | "prisonerId">;

/**
 * Makes a named move of the pledge lifecycle if it may start from the pledge's current state
 * and nobody changed it meanwhile (`WHERE state = from`), adjusting its counter in the same
 * transaction. False when the row had already moved on (a double click, a parallel worker).
 */
export async function transitionPledge(
  tx: Tx,
  pledge: PledgeRef,
  move: keyof typeof pledgeLifecycle.moves,
  data: Prisma.PledgeUpdateManyMutationInput,
  now: Date,
): Promise<boolean> {
  const from = pledge.state;
  const to = pledgeLifecycle.moves[move].to;
  if (!pledgeLifecycle.allows(move, from)) throw new TransitionError("pledge", from, to);
  const { count } = await tx.pledge.updateMany({
    where: { id: pledge.id, state: from },
    data: { ...data, state: to, stateChangedAt: now },
  });
  if (count !== 1) return false;
  const scope = counterScopeOf(pledge);
  if (scope) await bumpCounter(tx, scope, pledge.kind, counterDelta(from, to));
  return true;
}

// ---------------------------------------------------------------------------
// Making a pledge

type ResolvedTarget = { campaignId: string | null; prisonerId: string | null; eventId: string | null };

/** Plain SQL: one cheap round trip on the hot path (Prisma adds about a millisecond a query). */
async function sqlRow<Row>(text: string, params: unknown[]): Promise<Row | undefined> {
  return (await getCurrentDatabase().sql.query<Row>(text, params))[0];
}

/** The ids a target names, in the shape of a row; null when they cannot be ids at all. */
function targetIds(target: PledgeTarget): ResolvedTarget | null {
  if (target.kind === "WRITE_MONTHLY" || target.kind === "BIRTHDAY_CARD") {
    return idShaped(target.prisonerId) ? { campaignId: null, prisonerId: target.prisonerId, eventId: null } : null;
  }
  if (target.kind === "CAMPAIGN_PLEDGE") return idShaped(target.campaignId) ? { campaignId: target.campaignId, prisonerId: null, eventId: null } : null;
  if (target.kind === "EVENT") {
    return idShaped(target.campaignId) && idShaped(target.eventId) ? { campaignId: target.campaignId, prisonerId: null, eventId: target.eventId } : null;
  }
  return null;
}

async function resolveTarget(target: PledgeTarget, now: Date): Promise<ResolvedTarget | "unknown-target" | "target-closed"> {
  if (target.kind === "WRITE_MONTHLY" || target.kind === "BIRTHDAY_CARD") {
    if (!idShaped(target.prisonerId)) return "unknown-target";
    const prisoner = await sqlRow<{ status: string; letterStatus: string; hasBirthDate: boolean }>(
      `SELECT "status"::text AS "status", "letterStatus"::text AS "letterStatus", ("birthDate" IS NOT NULL) AS "hasBirthDate"
       FROM "Prisoner" WHERE "id" = $1 AND NOT "draft"`,
      [target.prisonerId],
    );
    if (!prisoner) return "unknown-target";
    if (!(HELPABLE as readonly string[]).includes(prisoner.status) || prisoner.letterStatus === "NOT_APPLICABLE") return "target-closed";
    // A birthday card needs a known birthday: without one, the pledge is not on offer.
    if (target.kind === "BIRTHDAY_CARD" && !prisoner.hasBirthDate) return "unknown-target";
    return { campaignId: null, prisonerId: target.prisonerId, eventId: null };
  }
  if (target.kind !== "CAMPAIGN_PLEDGE" && target.kind !== "EVENT") return "unknown-target";
  if (!idShaped(target.campaignId)) return "unknown-target";
  const campaign = await sqlRow<{ status: string; ended: boolean }>(
    `SELECT "status"::text AS "status", ("deadline" IS NOT NULL AND ("deadline" + 1)::timestamp <= $2::timestamp) AS "ended"
     FROM "Campaign" WHERE "id" = $1`,
    [target.campaignId, sqlTime(now)],
  );
  if (!campaign || campaign.status === "DRAFT" || campaign.status === "IN_REVIEW") return "unknown-target";
  if (campaign.status !== "PUBLISHED" || campaign.ended) return "target-closed";
  if (target.kind === "CAMPAIGN_PLEDGE") return { campaignId: target.campaignId, prisonerId: null, eventId: null };
  if (!idShaped(target.eventId)) return "unknown-target";
  const event = await sqlRow<{ campaignId: string; started: boolean }>(
    `SELECT "campaignId", ("startsAt" <= $2::timestamp OR "cancelledAt" IS NOT NULL) AS "started" FROM "CampaignEvent" WHERE "id" = $1`,
    [target.eventId, sqlTime(now)],
  );
  if (!event || event.campaignId !== target.campaignId) return "unknown-target";
  if (event.started) return "target-closed";
  return { campaignId: target.campaignId, prisonerId: null, eventId: target.eventId };
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  const message = String((error as { message?: unknown })?.message ?? "");
  return code === "P2002" || code === "23505" || /Unique constraint|duplicate key/i.test(message);
}

/** First reminder for a newly active pledge (null for kinds without reminders). */
function firstReminderAt(kind: PledgeKind, birthDate: Date | null, now: Date): Date | null {
  const settings = getPledgeSettings();
  if (kind === "WRITE_MONTHLY") return nextMonthlyReminderAt(now, settings.monthlyIntervalMs);
  if (kind === "BIRTHDAY_CARD") return nextBirthdayReminderAt(birthDate, now, settings.birthdayLeadDays);
  return null;
}

async function queueConfirmation(tx: Tx, pledge: { id: string; language: string; linkOrigin: string | null; expiresAt: Date | null }, to: string, now: Date) {
  const language: Language = isLanguage(pledge.language) ? pledge.language : "en";
  const origin = pledge.linkOrigin ?? "";
  const mail = await renderPledgeConfirmationMail(language, {
    link: pledgeConfirmLink(origin, language, pledgeToken(pledge.id, "confirm")),
    expiresAt: pledge.expiresAt ?? new Date(now.getTime() + getPledgeSettings().unconfirmedMs),
  });
  await enqueueSupporterMail(tx, { kind: "PLEDGE_CONFIRMATION", pledgeId: pledge.id, to, ...mail, now });
}

const ANONYMOUS_STATE = initialPledgeState({ withEmail: false });
if (counterDelta(null, ANONYMOUS_STATE) !== 1) throw new Error("anonymous pledges must count at once");

interface AnonymousRow {
  id: string;
  kind: PledgeKind;
  /** Either the ids (checked) or the slugs (looked up and checked) of the target. */
  campaignId: string | null;
  prisonerId: string | null;
  campaignSlug?: string | null;
  prisonerSlug?: string | null;
  eventId: string | null;
  language: string;
  country: string | null;
  now: Date;
  /** The form ticket's use (form-ticket.server.ts): counted once; null where no form is involved. */
  ticket?: { key: string; day: string } | null;
  /** The partner site whose embed the pledge came through, as the embed wrote it; counted only if the campaign lists it. */
  embedOrigin?: string | null;
}

/** Written; not written because its form ticket was already used for this target; refused. */
export type AnonymousOutcome = "written" | "ticket-used" | "refused";

/**
 * Pledges, their Actions and their counters in ONE statement (data-modifying CTEs over the
 * rows given as arrays): atomic without a BEGIN/COMMIT round trip. A target named by slug is
 * looked up here too, so the pledge form's hot path costs one statement and no other query.
 * A row with a form ticket is written only if that ticket's use for this target and kind is
 * new (one of several in the same statement). Counters get one upsert per (target, kind)
 * adding the number of new rows, so concurrent pledges never lose an increment. Returns the
 * outcome of each row whose target is open; a row whose target is unknown, a draft, closed,
 * or does not offer that kind of pledge is not written and not returned.
 */
async function insertAnonymousRows(rows: AnonymousRow[]): Promise<Map<string, AnonymousOutcome>> {
  const answered = await getCurrentDatabase().sql.query<{ id: string; written: boolean }>(
    `WITH "input" AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $14::text[], $15::text[], $16::text[])
         AS t("id", "kind", "campaignId", "prisonerId", "campaignSlug", "prisonerSlug", "eventId", "language", "country", "at", "day", "actionId", "ticketKey", "ticketDay", "embedOrigin")
     ), "r" AS (
       SELECT i."id", i."kind", i."eventId", i."language", i."country", i."at", i."day", i."actionId", i."ticketKey", i."ticketDay", i."embedOrigin",
              coalesce(i."campaignId", (SELECT c."id" FROM "Campaign" c WHERE c."slug" = i."campaignSlug")) AS "campaignId",
              coalesce(i."prisonerId", (SELECT pr."id" FROM "Prisoner" pr WHERE pr."slug" = i."prisonerSlug")) AS "prisonerId"
       FROM "input" i
     ), "open" AS (
       -- The same rules as the pledge options on the public pages (pledge-targets.server.ts)
       -- and resolveTarget(), for every row at once: open targets only.
       SELECT r.* FROM "r"
       WHERE CASE WHEN r."kind" IN ('WRITE_MONTHLY', 'BIRTHDAY_CARD') THEN
           EXISTS (SELECT 1 FROM "Prisoner" pr WHERE pr."id" = r."prisonerId" AND NOT pr."draft"
                   AND pr."status" IN ('IN_CUSTODY', 'INCOMMUNICADO') AND pr."letterStatus" <> 'NOT_APPLICABLE'
                   AND (r."kind" = 'WRITE_MONTHLY' OR pr."birthDate" IS NOT NULL))
         WHEN r."kind" IN ('CAMPAIGN_PLEDGE', 'EVENT') THEN
           EXISTS (SELECT 1 FROM "Campaign" c WHERE c."id" = r."campaignId" AND c."status" = 'PUBLISHED'
                   AND (c."deadline" IS NULL OR (c."deadline" + 1)::timestamp > r."at"::timestamp))
           AND (r."kind" = 'CAMPAIGN_PLEDGE' OR EXISTS (SELECT 1 FROM "CampaignEvent" e
                   WHERE e."id" = r."eventId" AND e."campaignId" = r."campaignId" AND e."startsAt" > r."at"::timestamp AND e."cancelledAt" IS NULL))
         ELSE false
         END
     ), "t" AS (
       INSERT INTO "PledgeTicketUse" ("key", "day")
       SELECT DISTINCT "ticketKey", "ticketDay"::date FROM "open" WHERE "ticketKey" IS NOT NULL
       ON CONFLICT DO NOTHING
       RETURNING "key"
     ), "admitted" AS (
       SELECT "id" FROM "open" WHERE "ticketKey" IS NULL
       UNION ALL
       (SELECT DISTINCT ON (o."ticketKey") o."id" FROM "open" o JOIN "t" ON t."key" = o."ticketKey" ORDER BY o."ticketKey", o."id")
     ), "p" AS (
       INSERT INTO "Pledge" ("id", "kind", "campaignId", "prisonerId", "eventId", "state", "language", "country", "remindersOn", "createdAt", "stateChangedAt")
       SELECT r."id", r."kind"::"PledgeKind",
              CASE WHEN r."kind" IN ('WRITE_MONTHLY', 'BIRTHDAY_CARD') THEN NULL ELSE r."campaignId" END,
              CASE WHEN r."kind" IN ('WRITE_MONTHLY', 'BIRTHDAY_CARD') THEN r."prisonerId" ELSE NULL END,
              r."eventId", $13::"PledgeState", r."language", r."country", false, r."at"::timestamp, r."at"::timestamp
       FROM "open" r
       WHERE r."id" IN (SELECT "id" FROM "admitted")
       RETURNING "id", "kind", "campaignId", "prisonerId"
     ), "a" AS (
       INSERT INTO "Action" ("id", "kind", "campaignId", "prisonerId", "language", "country", "day")
       SELECT r."actionId", 'PLEDGE_MADE'::"ActionKind", p."campaignId", p."prisonerId", r."language", r."country", r."day"::date
       FROM "r" JOIN "p" USING ("id")
     ), "c" AS (
       -- Counter scopes as in counterScopeOf(): prisoner pledges count on the prisoner,
       -- campaign and event pledges on the campaign.
       INSERT INTO "PledgeCounter" ("scope", "scopeId", "kind", "count")
       SELECT CASE WHEN p."prisonerId" IS NOT NULL THEN 'prisoner' ELSE 'campaign' END, coalesce(p."prisonerId", p."campaignId"), p."kind", count(*)::int
       FROM "p" GROUP BY 1, 2, 3
       ON CONFLICT ("scope", "scopeId", "kind") DO UPDATE SET "count" = "PledgeCounter"."count" + EXCLUDED."count"
     ), "e" AS (
       -- Pledges through a partner's embed, per campaign and partner: only an origin the
       -- campaign lists counts (a forged one counts as the site itself, i.e. nowhere here).
       INSERT INTO "EmbedPledgeCounter" ("campaignId", "origin", "count")
       SELECT p."campaignId", r."embedOrigin", count(*)::int
       FROM "p" JOIN "r" USING ("id") JOIN "Campaign" c ON c."id" = p."campaignId"
       WHERE r."embedOrigin" IS NOT NULL AND r."embedOrigin" = ANY(c."embedOrigins")
       GROUP BY 1, 2
       ON CONFLICT ("campaignId", "origin") DO UPDATE SET "count" = "EmbedPledgeCounter"."count" + EXCLUDED."count"
     )
     SELECT o."id", (o."id" IN (SELECT "id" FROM "p")) AS "written" FROM "open" o`,
    [
      rows.map((row) => row.id),
      rows.map((row) => row.kind),
      rows.map((row) => row.campaignId),
      rows.map((row) => row.prisonerId),
      rows.map((row) => row.campaignSlug ?? null),
      rows.map((row) => row.prisonerSlug ?? null),
      rows.map((row) => row.eventId),
      rows.map((row) => row.language),
      rows.map((row) => row.country),
      rows.map((row) => sqlTime(row.now)),
      rows.map((row) => utcDay(row.now).toISOString().slice(0, 10)),
      rows.map(() => randomUUID()),
      // ACTIVE: nothing to confirm, so it counts at once (app/pledges/pledge-state.ts).
      ANONYMOUS_STATE,
      rows.map((row) => row.ticket?.key ?? null),
      rows.map((row) => row.ticket?.day ?? null),
      rows.map((row) => row.embedOrigin ?? null),
    ],
  );
  return new Map(answered.map((row) => [row.id, row.written ? "written" : "ticket-used"]));
}

// Group commit: anonymous pledges that arrive while a write is in flight are written together
// in the next statement, so a burst costs a few commits instead of one per pledge. Nobody is
// answered before the statement holding their pledge has committed; an idle server writes a
// pledge at once (no waiting for company).
const BATCH_LIMIT = 200;
interface Waiting {
  row: AnonymousRow;
  resolve: (outcome: AnonymousOutcome) => void;
  reject: (error: unknown) => void;
}
const waiting: Waiting[] = [];
let writing = false;

function insertAnonymousPledge(row: AnonymousRow): Promise<AnonymousOutcome> {
  return new Promise<AnonymousOutcome>((resolve, reject) => {
    waiting.push({ row, resolve, reject });
    if (!writing) {
      writing = true;
      setImmediate(() => void writeWaiting());
    }
  });
}

async function writeWaiting(): Promise<void> {
  try {
    while (waiting.length > 0) {
      const batch = waiting.splice(0, BATCH_LIMIT);
      try {
        const outcomes = await insertAnonymousRows(batch.map((entry) => entry.row));
        for (const entry of batch) entry.resolve(outcomes.get(entry.row.id) ?? "refused");
      } catch (error) {
        if (batch.length === 1) {
          batch[0]!.reject(error);
          continue;
        }
        // One bad row (a target deleted a moment ago) must not fail the others: one by one.
        for (const entry of batch) {
          await insertAnonymousRows([entry.row]).then((outcomes) => entry.resolve(outcomes.get(entry.row.id) ?? "refused"), entry.reject);
        }
      }
    }
    void purgeTicketUses(new Date());
  } finally {
    writing = false;
    if (waiting.length > 0) {
      writing = true;
      setImmediate(() => void writeWaiting());
    }
  }
}

// Ticket uses are needed only while their ticket is valid (the day it was issued and the
// next): older rows are deleted by the writer itself, at most once an hour.
let lastTicketPurge = 0;
async function purgeTicketUses(now: Date): Promise<void> {
  if (now.getTime() - lastTicketPurge < HOUR_MS) return;
  lastTicketPurge = now.getTime();
  const yesterday = new Date(utcDay(now).getTime() - DAY_MS);
  await getPrisma()
    .pledgeTicketUse.deleteMany({ where: { day: { lt: yesterday } } })
    .catch(() => undefined);
}

/** An anonymous pledge as the form names it: by slug. */
export type AnonymousPledgeRequest =
  | { kind: "WRITE_MONTHLY" | "BIRTHDAY_CARD"; prisonerSlug: string }
  | { kind: "CAMPAIGN_PLEDGE"; campaignSlug: string }
  | { kind: "EVENT"; campaignSlug: string; eventId: string };

/**
 * The pledge form's hot path: an anonymous pledge named by slugs, looked up, checked and
 * written in one statement (with group commit), counted once per form ticket and target.
 * "refused" means an unknown, draft or closed target, or an option the target does not offer;
 * the caller then finds out why through the slower path (resolvePledge), which also gives the
 * form back.
 */
export async function makeAnonymousPledgeBySlug(
  request: AnonymousPledgeRequest,
  input: { language: Language; country?: string | null; now?: Date; ticket: { key: string; day: string } | null; embedOrigin?: string | null },
): Promise<AnonymousOutcome> {
  return insertAnonymousPledge({
    id: randomUUID(),
    kind: request.kind,
    campaignId: null,
    prisonerId: null,
    campaignSlug: "campaignSlug" in request ? request.campaignSlug : null,
    prisonerSlug: "prisonerSlug" in request ? request.prisonerSlug : null,
    eventId: request.kind === "EVENT" ? request.eventId : null,
    language: isLanguage(input.language) ? input.language : "en",
    country: cleanCountry(input.country),
    now: input.now ?? new Date(),
    ticket: input.ticket,
    embedOrigin: input.embedOrigin ?? null,
  });
}

export async function makePledge(input: MakePledgeInput): Promise<MakePledgeResult> {
  const now = input.now ?? new Date();
  const prisma = getPrisma();
  const settings = getPledgeSettings();
  const language: Language = isLanguage(input.language) ? input.language : "en";
  const country = cleanCountry(input.country);

  const rawEmail = typeof input.email === "string" ? input.email.trim() : "";
  let address: string | null = null;
  if (rawEmail !== "") {
    const checked = checkEmailAddress(rawEmail);
    if (!checked.ok) return { ok: false, reason: "invalid-email" };
    address = checked.address;
  }

  if (address === null) {
    // Anonymous: active at once, counted at once, nothing personal stored. The target is
    // checked inside the insert; only a refused one is looked at again, for the reason.
    const ids = targetIds(input.target);
    if (!ids) return { ok: false, reason: "unknown-target" };
    const id = randomUUID();
    const kind = input.target.kind;
    if ((await insertAnonymousPledge({ id, kind, ...ids, language, country, now })) === "written") return { ok: true, pledgeId: id, state: "ACTIVE" };
    const resolved = await resolveTarget(input.target, now);
    if (typeof resolved === "string") return { ok: false, reason: resolved };
    // Opened a moment ago: once more.
    if ((await insertAnonymousPledge({ id, kind, ...resolved, language, country, now })) === "written") return { ok: true, pledgeId: id, state: "ACTIVE" };
    return { ok: false, reason: "target-closed" };
  }

  const resolved = await resolveTarget(input.target, now);
  if (typeof resolved === "string") return { ok: false, reason: resolved };
  const kind = input.target.kind;
  const base = { kind, campaignId: resolved.campaignId, prisonerId: resolved.prisonerId, eventId: resolved.eventId };

  if (await isSuppressed(prisma, address)) return { ok: false, reason: "suppressed" };
  const emailHash = addressHash(address);
  const linkOrigin = originOf(input.publicOrigin);

  // Caps: each email pledge costs an email to someone (a confirmation, or the note that the
  // pledge already exists), so every answer by email counts against both.
  const [existing, byAddress, mailsToAddress, confirmations] = await Promise.all([
    prisma.pledge.findFirst({ where: { emailHash, ...base, state: { not: "WITHDRAWN" } } }),
    prisma.pledge.count({ where: { emailHash, createdAt: { gt: new Date(now.getTime() - DAY_MS) } } }),
    prisma.outboxMessage.count({ where: { kind: "PLEDGE_CONFIRMATION", toHash: emailHash, createdAt: { gt: new Date(now.getTime() - DAY_MS) } } }),
    countFormMailsSince(new Date(now.getTime() - HOUR_MS)),
  ]);
  const capped = mailsToAddress >= settings.maxPerEmailPerDay || confirmations >= settings.maxConfirmationsPerHour;
  if (existing) {
    if (!capped) await answerDuplicate(existing, { address, language, linkOrigin }, now);
    return { ok: true, duplicate: true };
  }
  if (capped || byAddress >= settings.maxPerEmailPerDay) return { ok: false, reason: "rate-limited" };

  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + settings.unconfirmedMs);
  try {
    await prisma.$transaction(async (tx) => {
      await tx.pledge.create({
        data: {
          id,
          ...base,
          state: initialPledgeState({ withEmail: true }),
          language,
          country,
          linkOrigin,
          email: address,
          emailHash,
          confirmTokenHash: hashToken(pledgeToken(id, "confirm")),
          manageTokenHash: hashToken(pledgeToken(id, "manage")),
          expiresAt,
          confirmSentAt: now,
          remindersOn: REMINDER_KINDS.includes(kind),
          createdAt: now,
          stateChangedAt: now,
        },
      });
      await queueConfirmation(tx, { id, language, linkOrigin, expiresAt }, address!, now);
    });
  } catch (error) {
    // Two identical submissions at once: the partial unique index let one through.
    if (isUniqueViolation(error)) return { ok: true, duplicate: true };
    throw error;
  }
  return { ok: true, pledgeId: id, state: "PENDING_CONFIRMATION" };
}

/**
 * The same address and target again. The form's answer cannot say so (it would tell anyone
 * holding a list of addresses who pledged for whom), so the owner of the address is told by
 * email: a pledge still waiting gets its confirmation again, a counted one a note with its
 * manage link. Either at most once a day per pledge (confirmSentAt: the last email sent in
 * answer to the form).
 */
async function answerDuplicate(existing: Pledge, to: { address: string; language: Language; linkOrigin: string }, now: Date): Promise<void> {
  const waiting = pledgeLifecycle.allows("confirm", existing.state);
  if (waiting && (!existing.email || (existing.expiresAt && existing.expiresAt <= now))) return;
  if (!waiting && !COUNTED_STATES.includes(existing.state)) return;
  const cutoff = new Date(now.getTime() - getPledgeSettings().resendConfirmationMs);
  const mail = waiting
    ? null
    : await renderPledgeAlreadyMadeMail(to.language, { link: pledgeManageLink(to.linkOrigin, to.language, pledgeToken(existing.id, "manage")) });
  await getPrisma().$transaction(async (tx) => {
    const { count } = await tx.pledge.updateMany({
      where: { id: existing.id, state: existing.state, OR: [{ confirmSentAt: null }, { confirmSentAt: { lte: cutoff } }] },
      data: { confirmSentAt: now },
    });
    if (count !== 1) return;
    if (mail) await enqueueSupporterMail(tx, { kind: "PLEDGE_CONFIRMATION", pledgeId: existing.id, to: to.address, ...mail, now });
    else await queueConfirmation(tx, existing, existing.email!, now);
  });
}

/**
 * Emails sent in answer to pledge forms in the last hour, for the global cap (all of them are
 * of the kind PLEDGE_CONFIRMATION, the notes about existing pledges included).
 */
export function countFormMailsSince(since: Date): Promise<number> {
  return getPrisma().outboxMessage.count({ where: { kind: "PLEDGE_CONFIRMATION", createdAt: { gt: since } } });
}

// ---------------------------------------------------------------------------
// Confirmation, stopping reminders, withdrawal

export async function confirmPledge(token: string, now: Date = new Date()): Promise<"confirmed" | "already-confirmed" | "expired" | "invalid"> {
  if (!isTokenShaped(token)) return "invalid";
  const prisma = getPrisma();
  const pledge = await prisma.pledge.findUnique({
    where: { confirmTokenHash: hashToken(token) },
    include: { prisoner: { select: { birthDate: true } } },
  });
  if (!pledge) return "invalid";
  if (pledge.state === "WITHDRAWN") return "invalid";
  if (!pledgeLifecycle.allows("confirm", pledge.state)) return "already-confirmed";
  if (pledge.expiresAt && pledge.expiresAt <= now) return "expired";

  const reminders = REMINDER_KINDS.includes(pledge.kind) && pledge.remindersOn;
  const done = await prisma.$transaction(async (tx) => {
    const moved = await transitionPledge(
      tx,
      pledge,
      "confirm",
      {
        confirmedAt: now,
        expiresAt: null,
        // The next email in answer to the form (the note that it exists) may go at once.
        confirmSentAt: null,
        nextReminderAt: reminders ? firstReminderAt(pledge.kind, pledge.prisoner?.birthDate ?? null, now) : null,
        // Kinds without reminders needed the address only to confirm: it goes now.
        ...(reminders ? {} : { email: null, remindersOn: false, remindersOffAt: now }),
      },
      now,
    );
    if (!moved) return false;
    await tx.action.create({
      data: {
        kind: "PLEDGE_MADE",
        campaignId: pledge.campaignId,
        prisonerId: pledge.prisonerId,
        language: pledge.language,
        country: pledge.country,
        day: utcDay(now),
      },
    });
    await tx.outboxMessage.deleteMany({ where: { pledgeId: pledge.id, kind: "PLEDGE_CONFIRMATION", state: "QUEUED" } });
    return true;
  });
  return done ? "confirmed" : "already-confirmed";
}

async function findByManageToken(token: string) {
  if (!isTokenShaped(token)) return null;
  return getPrisma().pledge.findUnique({ where: { manageTokenHash: hashToken(token) } });
}

export async function findPledgeByManageToken(token: string): Promise<ManagedPledgeView | null> {
  if (!isTokenShaped(token)) return null;
  const pledge = await getPrisma().pledge.findUnique({
    where: { manageTokenHash: hashToken(token) },
    include: {
      prisoner: { select: { slug: true, names: { select: { script: true, givenName: true, patronymic: true, familyName: true } } } },
      campaign: { select: { slug: true, translations: { select: { locale: true, title: true } } } },
      event: { select: { translations: { select: { locale: true, title: true } } } },
    },
  });
  if (!pledge) return null;
  const language: Language = isLanguage(pledge.language) ? pledge.language : "en";
  let targetName = "";
  let targetPath = "";
  if (pledge.prisoner) {
    const name = displayName(pledge.prisoner.names, language);
    targetName = [name.givenName, name.familyName].filter(Boolean).join(" ");
    targetPath = `/prisoners/${pledge.prisoner.slug}/write`;
  } else if (pledge.campaign) {
    const eventTitle = pledge.event ? pickTranslation(pledge.event.translations, language)?.title : undefined;
    targetName = eventTitle ?? pickTranslation(pledge.campaign.translations, language)?.title ?? pledge.campaign.slug;
    targetPath = `/campaigns/${pledge.campaign.slug}`;
  }
  return {
    kind: pledge.kind,
    state: pledge.state,
    language,
    targetName,
    remindersOn: pledge.remindersOn && pledge.state === "ACTIVE" && pledge.email !== null,
    hasReminders: REMINDER_KINDS.includes(pledge.kind),
    targetPath,
  };
}

/** Reminders stop, and the address, needed only for them, is erased at once. */
export async function stopReminders(token: string, now: Date = new Date()): Promise<"stopped" | "already-stopped" | "invalid"> {
  const pledge = await findByManageToken(token);
  if (!pledge) return "invalid";
  return getPrisma().$transaction(async (tx) => {
    const { count } = await tx.pledge.updateMany({
      where: { id: pledge.id, OR: [{ remindersOn: true }, { email: { not: null } }] },
      data: { remindersOn: false, remindersOffAt: now, nextReminderAt: null, email: null },
    });
    await tx.outboxMessage.deleteMany({ where: { pledgeId: pledge.id, kind: "PLEDGE_REMINDER", state: "QUEUED" } });
    return count === 1 ? ("stopped" as const) : ("already-stopped" as const);
  });
}

/** The pledge no longer counts; its address and hash go at once. */
export async function withdrawPledge(token: string, now: Date = new Date()): Promise<"withdrawn" | "invalid"> {
  const pledge = await findByManageToken(token);
  if (!pledge) return "invalid";
  if (pledge.state === "WITHDRAWN") return "withdrawn";
  if (!pledgeLifecycle.allows("withdraw", pledge.state)) return "invalid";
  const done = await getPrisma().$transaction(async (tx) => {
    const moved = await transitionPledge(
      tx,
      pledge,
      "withdraw",
      { email: null, emailHash: null, remindersOn: false, remindersOffAt: now, nextReminderAt: null, expiresAt: null },
      now,
    );
    if (moved) await tx.outboxMessage.deleteMany({ where: { pledgeId: pledge.id, state: "QUEUED" } });
    return moved;
  });
  if (done) return "withdrawn";
  const again = await getPrisma().pledge.findUnique({ where: { id: pledge.id }, select: { state: true } });
  return again?.state === "WITHDRAWN" ? "withdrawn" : "invalid";
}

// ---------------------------------------------------------------------------
// "I posted it", counts, events

/** Records a self-reported posted letter or card: an Action only, nothing personal. Unknown ids are ignored. */
export async function recordPostedSelfReport(input: {
  prisonerId?: string;
  campaignId?: string;
  language: Language;
  country?: string | null;
  now?: Date;
}): Promise<void> {
  const prisma = getPrisma();
  const now = input.now ?? new Date();
  const prisonerId = idShaped(input.prisonerId) && (await prisma.prisoner.count({ where: { id: input.prisonerId, draft: false } })) > 0 ? input.prisonerId : null;
  const campaignId = idShaped(input.campaignId) && (await prisma.campaign.count({ where: { id: input.campaignId } })) > 0 ? input.campaignId : null;
  if (!prisonerId && !campaignId) return;
  await prisma.action.create({
    data: {
      kind: "POSTED_SELF_REPORT",
      prisonerId,
      campaignId,
      language: isLanguage(input.language) ? input.language : "en",
      country: cleanCountry(input.country),
      day: utcDay(now),
    },
  });
}

export async function pledgeCounts(scope: { campaignId: string } | { prisonerId: string }): Promise<{ total: number; byKind: Record<PledgeKind, number> }> {
  const where = "campaignId" in scope ? { scope: "campaign", scopeId: scope.campaignId } : { scope: "prisoner", scopeId: scope.prisonerId };
  const rows = await getPrisma().pledgeCounter.findMany({ where, select: { kind: true, count: true } });
  const byKind = Object.fromEntries(PLEDGE_KINDS.map((kind) => [kind, 0])) as Record<PledgeKind, number>;
  for (const row of rows) byKind[row.kind] = Math.max(0, row.count);
  return { total: Object.values(byKind).reduce((sum, value) => sum + value, 0), byKind };
}

export interface CampaignEventView {
  id: string;
  startsAt: string;
  title: string;
  place: string;
  locale: string;
}

/** Events of a campaign that have not started yet, soonest first. */
export async function listUpcomingEvents(campaignId: string, language: Language, now: Date = new Date()): Promise<CampaignEventView[]> {
  const events = await getPrisma().campaignEvent.findMany({
    // A cancelled event takes no more "I will come" (its pledges are kept).
    where: { campaignId, startsAt: { gt: now }, cancelledAt: null },
    include: { translations: true },
    orderBy: { startsAt: "asc" },
  });
  return events.flatMap((event) => {
    const translation = pickTranslation(event.translations, language);
    return translation
      ? [{ id: event.id, startsAt: event.startsAt.toISOString(), title: translation.title, place: translation.place, locale: translation.locale }]
      : [];
  });
}

/** Hash of an address as pledges store it (for privacy operations). */
export const pledgeEmailHash = (address: string) => addressHash(address, getMailSettings().hashKey);
