// A supporter's own data: "export my data" and "erase me" through a link sent to their
// address, the retention settings the privacy page shows, and the scheduled purge that
// enforces them for pledges and privacy requests (appeals and letters have their own purges).
// Unknown addresses get the same answer as known ones, and no email: no account enumeration.
import type { Prisma } from "@prisma/client";

import { appealLifecycle } from "~/appeals/appeal-state";
import { isLanguage, type Language } from "~/i18n";
import { checkEmailAddress } from "~/mail/address";
import { mailSettingsFromEnv } from "~/mail/mail-settings.server";
import { renderPrivacyLinkMail } from "~/mail/messages.server";
import { addressHash, isSuppressed } from "~/mail/outbox.server";
import { getPledgeSettings, pledgeSettingsFromEnv } from "~/pledges/pledge-settings.server";
import { enqueueSupporterMail } from "~/pledges/supporter-mail.server";
import { hashToken, isTokenShaped, privacyLink, randomToken } from "~/pledges/tokens.server";
import { getPrisma } from "~/utils/database.server";
import { parseEnv, type Env } from "~/utils/env.server";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const days = (ms: number) => Math.round(ms / DAY_MS);
/** Appeals an erasure cancels: not confirmed yet, so nothing has gone to the official. */
const UNCONFIRMED_CANCELLABLE = appealLifecycle.fromStates("expire").filter((state) => appealLifecycle.allows("cancel", state));

// ---------------------------------------------------------------------------
// Retention: one entry per kind of personal data. `data` is a stable id (the privacy page
// maps it to translated text); `why` is the reason in English, for operators and fallbacks.

export interface RetentionEntry {
  data: string;
  days: number;
  why: string;
}

export function retentionFromEnv(env: Env): RetentionEntry[] {
  const mail = mailSettingsFromEnv(env);
  const pledges = pledgeSettingsFromEnv(env);
  return [
    {
      data: "pledge-unconfirmed",
      days: days(pledges.unconfirmedMs),
      why: "An address given with a pledge but never confirmed is deleted with the pledge after this many days.",
    },
    {
      data: "pledge-email",
      days: days(pledges.endedRetentionMs),
      why:
        "A confirmed address is used only for reminders. It is erased at once when reminders are stopped or the pledge is withdrawn; " +
        "its keyed hash (one pledge per address) goes at the latest this many days after the pledge ended or its reminders stopped.",
    },
    {
      data: "appeal-email",
      days: days(mail.confirmationTtlMs + mail.giveUpAfterMs + mail.followUpAfterMs),
      why: "The sender's address is kept until the appeal is confirmed and delivered and, if agreed, the one follow-up question was asked.",
    },
    {
      data: "appeal-text",
      days: days(mail.textRetentionMs),
      why: "Appeal texts and signers' names are kept after the appeal's final state to hold back near-identical copies, then erased.",
    },
    {
      data: "letter-text",
      days: env.LETTER_RETENTION_DAYS,
      why: "Letters the mailroom posts are kept until posted, then erased after this many days.",
    },
    {
      data: "outbox",
      days: days(mail.giveUpAfterMs),
      why: "An email waiting to be sent holds the recipient's address; it is erased as soon as the email has gone, or when sending is given up.",
    },
    {
      data: "privacy-request",
      days: days(pledges.privacyRequestMs),
      why: "An export or erase request (a hash of the address and of the link) lasts as long as its link works.",
    },
  ];
}

/** What the privacy page lists, from the settings in force when the app started. */
export const RETENTION: readonly RetentionEntry[] = Object.freeze(retentionFromEnv(parseEnv()));

// ---------------------------------------------------------------------------
// Asking for a link

export interface PrivacyLinkInput {
  email: string;
  kind: "EXPORT" | "ERASE";
  language: Language;
  publicOrigin: string;
  now?: Date;
}

/** Every row that holds the address or its keyed hash (and so is this person's data). */
async function holdsData(tx: Prisma.TransactionClient, address: string, hash: string): Promise<boolean> {
  const [pledges, appeals, outbox] = await Promise.all([
    tx.pledge.count({ where: { OR: [{ emailHash: hash }, { email: address }] } }),
    tx.appeal.count({ where: { OR: [{ senderHash: hash }, { senderEmail: address }] } }),
    tx.outboxMessage.count({ where: { OR: [{ toHash: hash, to: { not: null } }, { to: address }, { replyTo: address }] } }),
  ]);
  return pledges + appeals + outbox > 0;
}

export async function requestPrivacyLink(input: PrivacyLinkInput): Promise<{ ok: true } | { ok: false; reason: "invalid-email" | "rate-limited" }> {
  const now = input.now ?? new Date();
  const settings = getPledgeSettings();
  const checked = checkEmailAddress(input.email);
  if (!checked.ok) return { ok: false, reason: "invalid-email" };
  const kind = input.kind === "ERASE" ? "ERASE" : "EXPORT";
  const language: Language = isLanguage(input.language) ? input.language : "en";
  const origin = new URL(input.publicOrigin).origin;
  const address = checked.address;
  const hash = addressHash(address);
  const prisma = getPrisma();

  const [mine, overall] = await Promise.all([
    prisma.privacyRequest.count({ where: { emailHash: hash, createdAt: { gt: new Date(now.getTime() - DAY_MS) } } }),
    prisma.outboxMessage.count({ where: { kind: "PRIVACY_LINK", createdAt: { gt: new Date(now.getTime() - HOUR_MS) } } }),
  ]);
  if (mine >= settings.privacyMaxPerEmailPerDay || overall >= settings.maxConfirmationsPerHour) return { ok: false, reason: "rate-limited" };
  if (await isSuppressed(prisma, address)) return { ok: true };

  const { token, hash: tokenHash } = randomToken();
  const expiresAt = new Date(now.getTime() + settings.privacyRequestMs);
  const mail = await renderPrivacyLinkMail(language, { kind, link: privacyLink(origin, language, kind, token), expiresAt });
  await prisma.$transaction(async (tx) => {
    // Nothing stored, nothing sent: the same answer either way.
    if (!(await holdsData(tx, address, hash))) return;
    await tx.privacyRequest.create({ data: { kind, emailHash: hash, tokenHash, language, expiresAt, createdAt: now } });
    await enqueueSupporterMail(tx, { kind: "PRIVACY_LINK", pledgeId: null, to: address, ...mail, now });
  });
  return { ok: true };
}

async function findRequest(token: string, kind: "EXPORT" | "ERASE") {
  if (!isTokenShaped(token)) return null;
  const request = await getPrisma().privacyRequest.findUnique({ where: { tokenHash: hashToken(token) } });
  return request?.kind === kind ? request : null;
}

// ---------------------------------------------------------------------------
// Export

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

/**
 * The data for an export link, once: the link is claimed (atomically, so two clicks at once
 * cannot both win) before anything is read. A link forwarded, left in a shared mailbox or
 * found in a history later gives nothing more.
 */
export async function exportPersonalData(token: string, now: Date = new Date()): Promise<{ ok: true; data: unknown } | { ok: false; reason: "expired" | "invalid" | "used" }> {
  const request = await findRequest(token, "EXPORT");
  if (!request) return { ok: false, reason: "invalid" };
  if (request.expiresAt <= now) return { ok: false, reason: "expired" };
  if (!request.emailHash) return { ok: false, reason: "invalid" };
  const hash = request.emailHash;
  const prisma = getPrisma();
  const claimed = await prisma.privacyRequest.updateMany({ where: { id: request.id, usedAt: null }, data: { usedAt: now } });
  if (claimed.count !== 1) return { ok: false, reason: "used" };
  const [pledges, appeals, outbox, suppressed, requests] = await Promise.all([
    prisma.pledge.findMany({
      where: { emailHash: hash },
      include: { prisoner: { select: { slug: true } }, campaign: { select: { slug: true } }, event: { select: { startsAt: true } } },
      orderBy: { createdAt: "asc" },
    }),
    prisma.appeal.findMany({
      where: { senderHash: hash },
      include: { campaign: { select: { slug: true } }, official: { select: { slug: true } } },
      orderBy: { createdAt: "asc" },
    }),
    prisma.outboxMessage.findMany({ where: { toHash: hash }, orderBy: { createdAt: "asc" } }),
    prisma.suppression.findUnique({ where: { addressHash: hash } }),
    prisma.privacyRequest.findMany({ where: { emailHash: hash }, orderBy: { createdAt: "asc" } }),
  ]);
  return {
    ok: true,
    data: {
      exportedAt: now.toISOString(),
      about:
        "Everything Listy stores about this email address. Counts of actions (letters, appeals, pledges) hold no personal data and are not linked to you.",
      pledges: pledges.map((pledge) => ({
        kind: pledge.kind,
        state: pledge.state,
        prisoner: pledge.prisoner?.slug ?? null,
        campaign: pledge.campaign?.slug ?? null,
        eventStartsAt: iso(pledge.event?.startsAt),
        language: pledge.language,
        country: pledge.country,
        email: pledge.email,
        remindersOn: pledge.remindersOn,
        createdAt: iso(pledge.createdAt),
        confirmedAt: iso(pledge.confirmedAt),
        lastReminderAt: iso(pledge.lastReminderAt),
        nextReminderAt: iso(pledge.nextReminderAt),
      })),
      appeals: appeals.map((appeal) => ({
        campaign: appeal.campaign.slug,
        official: appeal.official.slug,
        state: appeal.state,
        language: appeal.language,
        senderEmail: appeal.senderEmail,
        signatureMode: appeal.signatureMode,
        signerName: appeal.signerName,
        signerTown: appeal.signerTown,
        subject: appeal.subject,
        body: appeal.body,
        followUpConsent: appeal.followUpConsent,
        followUpAnswer: appeal.followUpAnswer,
        createdAt: iso(appeal.createdAt),
        sentAt: iso(appeal.sentAt),
      })),
      emails: outbox.map((message) => ({
        kind: message.kind,
        state: message.state,
        to: message.to,
        subject: message.subject,
        createdAt: iso(message.createdAt),
        sentAt: iso(message.sentAt),
      })),
      bounced: suppressed ? { since: iso(suppressed.createdAt) } : null,
      requests: requests.map((row) => ({ kind: row.kind, createdAt: iso(row.createdAt), usedAt: iso(row.id === request.id ? now : row.usedAt) })),
    },
  };
}

// ---------------------------------------------------------------------------
// Erasure

export async function eraseMe(
  token: string,
  now: Date = new Date(),
): Promise<{ ok: true; erased: { pledges: number; appeals: number; outbox: number } } | { ok: false; reason: "expired" | "invalid" }> {
  const request = await findRequest(token, "ERASE");
  if (!request) return { ok: false, reason: "invalid" };
  // Already done (a double click, a replay): nothing is left to erase.
  if (!request.emailHash) return { ok: true, erased: { pledges: 0, appeals: 0, outbox: 0 } };
  if (request.expiresAt <= now) return { ok: false, reason: "expired" };
  const erased = await erasePersonData(request.emailHash, now);
  await getPrisma().privacyRequest.updateMany({ where: { id: request.id }, data: { usedAt: now } });
  return { ok: true, erased };
}

/**
 * Erases every trace of one address, given its keyed hash: the plain address wherever it is
 * (found through the hash), and the hash itself where it would identify the person. Pledges
 * that count stay as anonymous counts; unconfirmed ones are deleted; appeals keep only what
 * an anonymous count needs.
 */
export async function erasePersonData(hash: string, now: Date = new Date()): Promise<{ pledges: number; appeals: number; outbox: number }> {
  const prisma = getPrisma();
  return prisma.$transaction(async (tx) => {
    const [pledgeRows, appealRows, outboxRows] = await Promise.all([
      tx.pledge.findMany({ where: { emailHash: hash }, select: { id: true, email: true } }),
      tx.appeal.findMany({ where: { senderHash: hash }, select: { id: true, senderEmail: true } }),
      tx.outboxMessage.findMany({ where: { toHash: hash }, select: { to: true } }),
    ]);
    const addresses = [
      ...new Set([...pledgeRows.map((row) => row.email), ...appealRows.map((row) => row.senderEmail), ...outboxRows.map((row) => row.to)].filter((value): value is string => Boolean(value))),
    ];
    const pledgeWhere: Prisma.PledgeWhereInput = { OR: [{ emailHash: hash }, { email: { in: addresses } }] };
    const pledgeIds = (await tx.pledge.findMany({ where: pledgeWhere, select: { id: true } })).map((row) => row.id);

    // Emails about these pledges that have not gone yet are dropped.
    await tx.outboxMessage.deleteMany({ where: { pledgeId: { in: pledgeIds }, state: "QUEUED" } });
    // Never confirmed: never counted, so the row goes.
    const removed = await tx.pledge.deleteMany({ where: { id: { in: pledgeIds }, state: "PENDING_CONFIRMATION" } });
    const anonymised = await tx.pledge.updateMany({
      where: { id: { in: pledgeIds } },
      data: {
        email: null,
        emailHash: null,
        confirmTokenHash: null,
        manageTokenHash: null,
        linkOrigin: null,
        remindersOn: false,
        remindersOffAt: now,
        nextReminderAt: null,
      },
    });

    const appealWhere: Prisma.AppealWhereInput = { OR: [{ senderHash: hash }, { senderEmail: { in: addresses } }] };
    const appealIds = (await tx.appeal.findMany({ where: appealWhere, select: { id: true } })).map((row) => row.id);
    // Not confirmed yet (what would otherwise expire unconfirmed): cancelled, guarded by the
    // state, and its emails go. A confirmed appeal is on its way to the official and stays so.
    await tx.appeal.updateMany({
      where: { id: { in: appealIds }, state: { in: UNCONFIRMED_CANCELLABLE } },
      data: { state: appealLifecycle.moves.cancel.to, stateChangedAt: now },
    });
    const appeals = await tx.appeal.updateMany({
      where: { id: { in: appealIds } },
      data: {
        senderEmail: null,
        // Caps and near-duplicate checks need a value, not this person's.
        senderHash: `erased:${randomToken().hash.slice(0, 32)}`,
        signerName: null,
        signerTown: null,
        subject: null,
        body: null,
        replyToSupporter: false,
        reminderTokenHash: null,
        followUpTokenHash: null,
        purgedAt: now,
      },
    });
    // Emails to this person, and the appeals' copies (which carry the text and perhaps the name).
    await tx.outboxMessage.deleteMany({ where: { OR: [{ toHash: hash }, { to: { in: addresses } }], state: "QUEUED", kind: { not: "APPEAL" } } });
    const outbox = await tx.outboxMessage.updateMany({
      where: { OR: [{ toHash: hash }, { to: { in: addresses } }, { replyTo: { in: addresses } }, { appealId: { in: appealIds } }] },
      data: { replyTo: null, subject: null, text: null, html: null },
    });
    await tx.outboxMessage.updateMany({
      where: { OR: [{ toHash: hash }, { to: { in: addresses } }] },
      data: { to: null, toHash: "erased" },
    });
    await tx.suppression.deleteMany({ where: { addressHash: hash } });
    await tx.privacyRequest.updateMany({ where: { emailHash: hash }, data: { emailHash: null } });
    return { pledges: removed.count + anonymised.count, appeals: appeals.count, outbox: outbox.count };
  });
}

// ---------------------------------------------------------------------------
// The scheduled purge (run with the mail worker's housekeeping).

export interface PledgePurgeResult {
  unconfirmed: number;
  addresses: number;
  hashes: number;
  requests: number;
}

export async function purgePledgePersonalData(now: Date = new Date()): Promise<PledgePurgeResult> {
  const settings = getPledgeSettings();
  const prisma = getPrisma();
  const endedBefore = new Date(now.getTime() - settings.endedRetentionMs);

  // Never confirmed within the window: the pledge (never counted) and its address go.
  const due = await prisma.pledge.findMany({
    where: { state: "PENDING_CONFIRMATION", expiresAt: { lte: now } },
    select: { id: true },
    take: 1_000,
  });
  let unconfirmed = 0;
  if (due.length > 0) {
    const ids = due.map((row) => row.id);
    unconfirmed = await prisma.$transaction(async (tx) => {
      await tx.outboxMessage.deleteMany({ where: { pledgeId: { in: ids }, state: "QUEUED" } });
      const { count } = await tx.pledge.deleteMany({ where: { id: { in: ids }, state: "PENDING_CONFIRMATION", expiresAt: { lte: now } } });
      return count;
    });
  }

  // An address no reminder needs any more (a safety net: stopping and withdrawing erase it at once).
  const addresses = await prisma.pledge.updateMany({
    where: {
      email: { not: null },
      OR: [{ state: { in: ["FULFILLED", "LAPSED", "WITHDRAWN"] } }, { state: "ACTIVE", remindersOn: false }],
    },
    data: { email: null },
  });

  // The keyed hash, once the pledge has ended or its reminders stopped long enough ago.
  const hashes = await prisma.pledge.updateMany({
    where: {
      emailHash: { not: null },
      OR: [
        { state: { in: ["FULFILLED", "LAPSED", "WITHDRAWN"] }, stateChangedAt: { lte: endedBefore } },
        { state: "ACTIVE", remindersOn: false, remindersOffAt: { lte: endedBefore } },
      ],
    },
    data: { emailHash: null },
  });

  const requests = await prisma.privacyRequest.deleteMany({ where: { expiresAt: { lte: now } } });
  return { unconfirmed, addresses: addresses.count, hashes: hashes.count, requests: requests.count };
}
