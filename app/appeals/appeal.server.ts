// Appeals sent through Listy: submission, confirmation by email, cancellation, the
// follow-up question, and the housekeeping the outbox worker runs (expiry, the one
// reminder, follow-ups, erasing personal data). The appeal row and its outbox row are
// always written in one transaction. States: app/appeals/appeal-state.ts.
import { createHash, randomBytes, randomUUID } from "node:crypto";

import type { Appeal, AppealState, OutboxMessage, Prisma } from "@prisma/client";

import { isLanguage, type Language } from "~/i18n";
import { checkEmailAddress, singleLine } from "~/mail/address";
import { getMailSettings } from "~/mail/mail-settings.server";
import { renderAppealMail, renderConfirmationMail, renderFollowUpMail, renderGaveUpMail, type RenderedMail } from "~/mail/messages.server";
import { addressHash, enqueueMail, isSuppressed, randomMessageId } from "~/mail/outbox.server";
import { getPrisma } from "~/utils/database.server";

import { addresseeLines, letterLanguageAmong } from "./addressee";
import { appealLifecycle, FINAL_APPEAL_STATES } from "./appeal-state";

export type { AppealState };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const utcDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

export type AppealSignature = { mode: "named"; name: string; town?: string | null } | { mode: "campaign" };

export interface SubmitAppealInput {
  campaignId: string;
  officialId: string;
  prisonerId: string | null;
  /** Interface language of the supporter (emails to them use it). */
  language: Language;
  /** As the supporter finally edited them. */
  subject: string;
  body: string;
  signature: AppealSignature;
  /** The raw form field; checked here (one address, no CR/LF, no lists). */
  senderEmail: string;
  followUpConsent: boolean;
  /** Replies from the official go to the supporter: only honoured for a named signature. */
  replyToSupporter?: boolean;
  /** For links in the confirmation email, e.g. https://listy.example.org */
  publicOrigin: string;
  now?: Date;
}

export type SubmitAppealResult =
  | { ok: true; appealId: string }
  | {
      ok: false;
      reason: "invalid-email" | "suppressed" | "near-duplicate" | "rate-limited" | "target-unreachable" | "campaign-closed";
    };

export interface AppealConfirmationView {
  state: AppealState;
  expired: boolean;
  language: Language;
  campaignSlug: string;
  officialName: string;
  /** The addressee block the letter goes to (office, then name), in the letter's language. */
  addressee: string[];
  subject: string;
  body: string;
  signatureMode: "named" | "campaign";
}

export const MAX_SUBJECT_LENGTH = 200;
export const MAX_BODY_LENGTH = 20_000;

/** A fresh token for a link (32 random bytes) and the only thing stored about it. */
function newToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const isTokenShaped = (token: unknown): token is string => typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);

function originOf(publicOrigin: string): string {
  const url = new URL(publicOrigin);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("publicOrigin must be an http(s) URL");
  return url.origin;
}

/** A named move of the appeal lifecycle as an UPDATE needs it: the guard on the state, and the new state. */
function appealMove(move: keyof typeof appealLifecycle.moves) {
  return { from: { in: appealLifecycle.fromStates(move) }, to: appealLifecycle.moves[move].to };
}
const CONFIRM = appealMove("confirm");
const FAIL = appealMove("fail");
const CANCEL = appealMove("cancel");
const SEND = appealMove("send");
const EXPIRE = appealMove("expire");

export const confirmLink = (origin: string, language: string, token: string) => `${origin}/${language}/appeals/confirm/${token}`;
export const followUpLink = (origin: string, language: string, token: string) => `${origin}/${language}/appeals/follow-up/${token}`;

// ---------------------------------------------------------------------------
// Near-duplicates: word 3-shingles and their Jaccard similarity (as WriteToThem compares
// letters). Cheap enough for the few hundred recent appeals to one official.

function shingles(text: string): Set<string> {
  const words = text.toLowerCase().normalize("NFKC").split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const set = new Set<string>();
  if (words.length < 3) {
    if (words.length) set.add(words.join(" "));
    return set;
  }
  for (let i = 0; i + 3 <= words.length; i++) set.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return set;
}

export function similarity(a: string, b: string): number {
  const left = shingles(a);
  const right = shingles(b);
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const shingle of left) if (right.has(shingle)) shared++;
  return shared / (left.size + right.size - shared);
}

// ---------------------------------------------------------------------------

export async function submitAppeal(input: SubmitAppealInput): Promise<SubmitAppealResult> {
  const settings = getMailSettings();
  const now = input.now ?? new Date();
  const prisma = getPrisma();

  const email = checkEmailAddress(input.senderEmail);
  if (!email.ok) return { ok: false, reason: "invalid-email" };

  const campaign = await prisma.campaign.findUnique({ where: { id: input.campaignId }, select: { status: true } });
  if (!campaign || campaign.status !== "PUBLISHED") return { ok: false, reason: "campaign-closed" };
  const target = await prisma.campaignTarget.findUnique({
    where: { campaignId_officialId: { campaignId: input.campaignId, officialId: input.officialId } },
    select: { official: { select: { email: true } } },
  });
  const officialAddress = target?.official.email ? checkEmailAddress(target.official.email) : null;
  if (!officialAddress?.ok || (await isSuppressed(prisma, officialAddress.address))) {
    return { ok: false, reason: "target-unreachable" };
  }

  if (await isSuppressed(prisma, email.address)) return { ok: false, reason: "suppressed" };
  const senderHash = addressHash(email.address, settings.hashKey);

  // Caps, counted on submissions: each one costs a confirmation email to someone.
  const [bySender, byCampaign, overall] = await Promise.all([
    prisma.appeal.count({ where: { senderHash, createdAt: { gt: new Date(now.getTime() - DAY_MS) } } }),
    prisma.appeal.count({ where: { campaignId: input.campaignId, createdAt: { gt: new Date(now.getTime() - DAY_MS) } } }),
    prisma.appeal.count({ where: { createdAt: { gt: new Date(now.getTime() - HOUR_MS) } } }),
  ]);
  if (bySender >= settings.caps.perSenderPerDay || byCampaign >= settings.caps.perCampaignPerDay || overall >= settings.caps.perHour) {
    return { ok: false, reason: "rate-limited" };
  }

  const subject = singleLine(input.subject, MAX_SUBJECT_LENGTH);
  const body = input.body.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim().slice(0, MAX_BODY_LENGTH);
  if (!subject || !body) throw new Error("submitAppeal needs a subject and a body");
  const named = input.signature.mode === "named";
  const signerName = input.signature.mode === "named" ? singleLine(input.signature.name, 120) || null : null;
  const signerTown = input.signature.mode === "named" ? singleLine(input.signature.town ?? "", 120) || null : null;
  const language: Language = isLanguage(input.language) ? input.language : "en";
  const linkOrigin = originOf(input.publicOrigin);

  const common = {
    campaignId: input.campaignId,
    officialId: input.officialId,
    prisonerId: input.prisonerId,
    language,
    linkOrigin,
    subject,
    body,
    signatureMode: named ? ("NAMED" as const) : ("CAMPAIGN" as const),
    signerName,
    signerTown,
    senderHash,
    replyToSupporter: named && Boolean(input.replyToSupporter),
    followUpConsent: input.followUpConsent,
    expiresAt: new Date(now.getTime() + settings.confirmationTtlMs),
    idempotencyKey: randomUUID(),
    createdAt: now,
    stateChangedAt: now,
  };
  common.prisonerId ??= null;

  // Near-identical to a recent live appeal to the same official: held, and no email sent.
  const recent = await prisma.appeal.findMany({
    where: {
      officialId: input.officialId,
      state: { in: ["PENDING_CONFIRMATION", "CONFIRMED", "SENT"] },
      createdAt: { gt: new Date(now.getTime() - settings.duplicateWindowMs) },
      body: { not: null },
    },
    select: { body: true },
    orderBy: { createdAt: "desc" },
    take: 500,
  });
  if (recent.some((other) => similarity(other.body ?? "", body) >= settings.duplicateThreshold)) {
    await prisma.appeal.create({
      data: {
        ...common,
        state: "HELD_DUPLICATE",
        senderEmail: null,
        tokenHash: newToken().hash,
        messageId: `<appeal.${common.idempotencyKey}@${settings.messageIdDomain}>`,
      },
    });
    return { ok: false, reason: "near-duplicate" };
  }

  const { token, hash } = newToken();
  const mail = await renderConfirmationMail(language, {
    link: confirmLink(linkOrigin, language, token),
    expiresAt: common.expiresAt,
    reminder: false,
  });
  const appeal = await prisma.$transaction(async (tx) => {
    const created = await tx.appeal.create({
      data: {
        ...common,
        state: "PENDING_CONFIRMATION",
        senderEmail: email.address,
        tokenHash: hash,
        messageId: `<appeal.${common.idempotencyKey}@${settings.messageIdDomain}>`,
      },
    });
    await enqueueMail(tx, {
      kind: "CONFIRMATION",
      appealId: created.id,
      to: email.address,
      ...mail,
      messageId: randomMessageId(settings.messageIdDomain),
      nextAttemptAt: now,
      createdAt: now,
    });
    return created;
  });
  return { ok: true, appealId: appeal.id };
}

async function findByAnyToken(token: string) {
  if (!isTokenShaped(token)) return null;
  const hash = hashToken(token);
  return getPrisma().appeal.findFirst({
    where: { OR: [{ tokenHash: hash }, { reminderTokenHash: hash }] },
    include: {
      campaign: { select: { slug: true, appealTemplates: { select: { locale: true } } } },
      official: { select: { translations: true, slug: true, language: true } },
    },
  });
}

type FoundAppeal = NonNullable<Awaited<ReturnType<typeof findByAnyToken>>>;

/** The official's translation in the supporter's language, else English, else any. */
function officialTranslation(appeal: FoundAppeal, language: string) {
  const translations = appeal.official.translations;
  return translations.find((row) => row.locale === language) ?? translations.find((row) => row.locale === "en") ?? translations[0];
}

/** The addressee block as the appeal page printed it: in the language the letter was written in. */
function addresseeOf(appeal: FoundAppeal): string[] {
  const templates = new Set(appeal.campaign.appealTemplates.map((template) => template.locale));
  const letterLanguage = letterLanguageAmong(appeal.official.language, appeal.language, templates) ?? appeal.language;
  const fallback = officialTranslation(appeal, appeal.language);
  return addresseeLines(appeal.official.translations, letterLanguage, { name: fallback?.name ?? appeal.official.slug, position: fallback?.position });
}

export async function findAppealByToken(token: string, now: Date = new Date()): Promise<AppealConfirmationView | null> {
  const appeal = await findByAnyToken(token);
  if (!appeal || appeal.state === "HELD_DUPLICATE") return null;
  const language = isLanguage(appeal.language) ? appeal.language : "en";
  const translation = officialTranslation(appeal, language);
  return {
    state: appeal.state,
    expired: appeal.state === "EXPIRED" || (appeal.state === "PENDING_CONFIRMATION" && appeal.expiresAt <= now),
    language,
    campaignSlug: appeal.campaign.slug,
    officialName: translation?.name ?? appeal.official.slug,
    addressee: addresseeOf(appeal),
    subject: appeal.subject ?? "",
    body: appeal.body ?? "",
    signatureMode: appeal.signatureMode === "NAMED" ? "named" : "campaign",
  };
}

/**
 * Spreads appeals to one official over time: no more than maxPerHour, evenly apart. Runs
 * inside the confirming transaction with the official's row locked, so two confirmations
 * at once on PostgreSQL do not take the same slot.
 */
async function nextSlotFor(tx: Prisma.TransactionClient, officialId: string, now: Date): Promise<Date> {
  const rows = await tx.$queryRaw<{ maxPerHour: number }[]>`
    SELECT "maxPerHour" FROM "Official" WHERE "id" = ${officialId} FOR UPDATE`;
  const perHour = Math.max(1, rows[0]?.maxPerHour ?? 20);
  const last = await tx.outboxMessage.findFirst({
    where: {
      kind: "APPEAL",
      appeal: { officialId },
      OR: [{ state: { in: ["QUEUED", "SENDING"] } }, { sentAt: { gt: new Date(now.getTime() - HOUR_MS) } }],
    },
    orderBy: { nextAttemptAt: "desc" },
    select: { nextAttemptAt: true, sentAt: true },
  });
  if (!last) return now;
  const lastSlot = last.sentAt && last.sentAt > last.nextAttemptAt ? last.sentAt : last.nextAttemptAt;
  const next = new Date(lastSlot.getTime() + Math.ceil(HOUR_MS / perHour));
  return next > now ? next : now;
}

export async function confirmAppeal(
  token: string,
  now: Date = new Date(),
): Promise<"confirmed" | "already-confirmed" | "expired" | "cancelled" | "invalid"> {
  const appeal = await findByAnyToken(token);
  if (!appeal) return "invalid";
  const settled = settledAnswer(appeal, now);
  if (settled) return settled;

  const recipient = await getPrisma().official.findUnique({ where: { id: appeal.officialId }, select: { email: true } });
  const official = recipient?.email ? checkEmailAddress(recipient.email) : null;
  const mail = renderAppealMail(appeal.language, appeal.subject ?? "", appeal.body ?? "", addresseeOf(appeal));
  const result = await getPrisma().$transaction(async (tx) => {
    // Guarded by the state: a double click's second request changes nothing.
    const { count } = await tx.appeal.updateMany({
      where: { id: appeal.id, state: CONFIRM.from, expiresAt: { gt: now } },
      data: { state: CONFIRM.to, confirmedAt: now, stateChangedAt: now },
    });
    if (count !== 1) return "raced" as const;
    if (!official?.ok) {
      // The official's address was removed or broken after submission: nothing to send to.
      await tx.appeal.updateMany({ where: { id: appeal.id, state: FAIL.from }, data: { state: FAIL.to, stateChangedAt: now } });
      await queueGaveUpNotice(tx, appeal, now);
      return "confirmed" as const;
    }
    await tx.outboxMessage.deleteMany({ where: { appealId: appeal.id, kind: { in: ["REMINDER"] }, state: "QUEUED" } });
    await enqueueMail(tx, {
      kind: "APPEAL",
      appealId: appeal.id,
      to: official.address,
      replyTo: appeal.replyToSupporter && appeal.signatureMode === "NAMED" ? appeal.senderEmail : null,
      ...mail,
      messageId: appeal.messageId,
      nextAttemptAt: await nextSlotFor(tx, appeal.officialId, now),
      createdAt: now,
    });
    // Counted without personal data: what, for whom, in which language, which day.
    await tx.action.create({
      data: {
        kind: "APPEAL_SENT",
        campaignId: appeal.campaignId,
        prisonerId: appeal.prisonerId,
        language: appeal.language,
        day: utcDay(now),
      },
    });
    return "confirmed" as const;
  });
  if (result === "raced") {
    const again = await getPrisma().appeal.findUniqueOrThrow({ where: { id: appeal.id } });
    return settledAnswer(again, now) ?? "invalid";
  }
  return result;
}

/** The answer for an appeal that is no longer waiting for confirmation, or null if it is. */
function settledAnswer(appeal: Appeal, now: Date): "already-confirmed" | "expired" | "cancelled" | "invalid" | null {
  switch (appeal.state) {
    case "CONFIRMED":
    case "SENT":
    case "FAILED":
      return "already-confirmed";
    case "CANCELLED":
      return "cancelled";
    case "EXPIRED":
      return "expired";
    case "HELD_DUPLICATE":
      return "invalid";
    case "PENDING_CONFIRMATION":
      return appeal.expiresAt <= now ? "expired" : null;
  }
}

export async function cancelAppeal(token: string, now: Date = new Date()): Promise<"cancelled" | "already-sent" | "invalid"> {
  const appeal = await findByAnyToken(token);
  if (!appeal || appeal.state === "HELD_DUPLICATE") return "invalid";
  if (appeal.state === "SENT" || appeal.state === "FAILED") return "already-sent";
  if (appeal.state === "CANCELLED" || appeal.state === "EXPIRED") return "cancelled";
  return getPrisma().$transaction(async (tx) => {
    // A queued appeal can still be taken back, unless a worker holds it right now.
    const sending = await tx.outboxMessage.count({ where: { appealId: appeal.id, kind: "APPEAL", state: { in: ["SENDING", "SENT"] } } });
    if (sending > 0) return "already-sent" as const;
    const { count } = await tx.appeal.updateMany({
      where: { id: appeal.id, state: CANCEL.from },
      data: { state: CANCEL.to, stateChangedAt: now, senderEmail: null },
    });
    if (count !== 1) return "already-sent" as const;
    await tx.outboxMessage.deleteMany({ where: { appealId: appeal.id, state: "QUEUED" } });
    return "cancelled" as const;
  });
}

export async function recordFollowUp(token: string, answer: "replied" | "no-reply", now: Date = new Date()): Promise<"recorded" | "invalid"> {
  if (!isTokenShaped(token)) return "invalid";
  const settings = getMailSettings();
  const { count } = await getPrisma().appeal.updateMany({
    where: {
      followUpTokenHash: hashToken(token),
      state: "SENT",
      followUpAskedAt: { gt: new Date(now.getTime() - settings.followUpWindowMs) },
    },
    data: { followUpAnswer: answer === "replied" ? "REPLIED" : "NO_REPLY" },
  });
  return count === 1 ? "recorded" : "invalid";
}

export async function listTargetResponseStats(
  campaignId: string,
): Promise<{ officialId: string; sent: number; replied: number; noReply: number }[]> {
  const groups = await getPrisma().appeal.groupBy({
    by: ["officialId", "followUpAnswer"],
    where: { campaignId, state: "SENT" },
    _count: { _all: true },
  });
  const byOfficial = new Map<string, { officialId: string; sent: number; replied: number; noReply: number }>();
  for (const group of groups) {
    const entry = byOfficial.get(group.officialId) ?? { officialId: group.officialId, sent: 0, replied: 0, noReply: 0 };
    entry.sent += group._count._all;
    if (group.followUpAnswer === "REPLIED") entry.replied += group._count._all;
    if (group.followUpAnswer === "NO_REPLY") entry.noReply += group._count._all;
    byOfficial.set(group.officialId, entry);
  }
  return [...byOfficial.values()].sort((a, b) => a.officialId.localeCompare(b.officialId));
}

// ---------------------------------------------------------------------------
// What the worker calls when an appeal's email has gone out or failed for good.

async function queueGaveUpNotice(tx: Prisma.TransactionClient, appeal: Appeal, now: Date) {
  if (!appeal.senderEmail || (await isSuppressed(tx, appeal.senderEmail))) return;
  const language = isLanguage(appeal.language) ? appeal.language : "en";
  const mail = await renderGaveUpMail(language);
  await enqueueMail(tx, {
    kind: "GAVE_UP_NOTICE",
    appealId: appeal.id,
    to: appeal.senderEmail,
    ...mail,
    messageId: randomMessageId(),
    nextAttemptAt: now,
    createdAt: now,
  });
}

export async function markAppealSent(tx: Prisma.TransactionClient, message: OutboxMessage, now: Date): Promise<void> {
  if (!message.appealId) return;
  await tx.appeal.updateMany({
    where: { id: message.appealId, state: SEND.from },
    data: { state: SEND.to, sentAt: now, stateChangedAt: now },
  });
}

/** The appeal could not be delivered: FAILED, and the sender is told in a neutral email. */
export async function markAppealFailed(tx: Prisma.TransactionClient, message: OutboxMessage, now: Date): Promise<void> {
  if (!message.appealId) return;
  const { count } = await tx.appeal.updateMany({
    where: { id: message.appealId, state: FAIL.from },
    data: { state: FAIL.to, stateChangedAt: now },
  });
  if (count !== 1) return;
  const appeal = await tx.appeal.findUniqueOrThrow({ where: { id: message.appealId } });
  await queueGaveUpNotice(tx, appeal, now);
}

// ---------------------------------------------------------------------------
// Housekeeping, run by the worker every minute or so. Each step is guarded by the state it
// expects, so two workers running it at once do no harm.

/** Unconfirmed appeals past their 7 days expire; held ones too. Their addresses go. */
export async function expireAppeals(now: Date = new Date()): Promise<number> {
  const prisma = getPrisma();
  const due = await prisma.appeal.findMany({
    where: { state: EXPIRE.from, expiresAt: { lte: now } },
    select: { id: true },
    take: 1_000,
  });
  if (due.length === 0) return 0;
  const ids = due.map((row) => row.id);
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.appeal.updateMany({
      where: { id: { in: ids }, state: EXPIRE.from, expiresAt: { lte: now } },
      data: { state: EXPIRE.to, stateChangedAt: now, senderEmail: null },
    });
    await tx.outboxMessage.deleteMany({ where: { appealId: { in: ids }, state: "QUEUED", kind: { in: ["CONFIRMATION", "REMINDER"] } } });
    return count;
  });
}

/** One reminder, a few days in, for appeals still waiting; it carries a second token. */
export async function queueReminders(now: Date = new Date()): Promise<number> {
  const settings = getMailSettings();
  const waiting = { state: CONFIRM.from, reminderSentAt: null } satisfies Prisma.AppealWhereInput;
  const due = await getPrisma().appeal.findMany({
    where: {
      ...waiting,
      createdAt: { lte: new Date(now.getTime() - settings.reminderAfterMs) },
      expiresAt: { gt: now },
      senderEmail: { not: null },
    },
    take: 200,
  });
  return queueSenderMails(due, now, {
    kind: "REMINDER",
    claim: { where: waiting, data: (tokenHash) => ({ reminderSentAt: now, reminderTokenHash: tokenHash }) },
    render: (appeal, language, token) =>
      renderConfirmationMail(language, { link: confirmLink(appeal.linkOrigin, language, token), expiresAt: appeal.expiresAt, reminder: true }),
  });
}

/** Two weeks after sending, with the sender's consent, one question: did you get a reply? */
export async function queueFollowUps(now: Date = new Date()): Promise<number> {
  const settings = getMailSettings();
  const notAsked = { state: SEND.to, followUpAskedAt: null } satisfies Prisma.AppealWhereInput;
  const due = await getPrisma().appeal.findMany({
    where: {
      ...notAsked,
      followUpConsent: true,
      sentAt: { lte: new Date(now.getTime() - settings.followUpAfterMs) },
      senderEmail: { not: null },
    },
    take: 200,
  });
  return queueSenderMails(due, now, {
    kind: "FOLLOW_UP",
    claim: { where: notAsked, data: (tokenHash) => ({ followUpAskedAt: now, followUpTokenHash: tokenHash }) },
    render: (appeal, language, token) => renderFollowUpMail(language, { link: followUpLink(appeal.linkOrigin, language, token) }),
  });
}

/**
 * One email with a fresh link token to each due appeal's sender. Each appeal is claimed by an
 * update guarded by what made it due, in the same transaction as its outbox row, so two
 * workers never queue it twice; a suppressed address is claimed but gets nothing.
 */
async function queueSenderMails(
  due: Appeal[],
  now: Date,
  {
    kind,
    claim,
    render,
  }: {
    kind: "REMINDER" | "FOLLOW_UP";
    claim: { where: Prisma.AppealWhereInput; data: (tokenHash: string) => Prisma.AppealUpdateManyMutationInput };
    render: (appeal: Appeal, language: Language, token: string) => Promise<RenderedMail>;
  },
): Promise<number> {
  const settings = getMailSettings();
  let queued = 0;
  for (const appeal of due) {
    const language = isLanguage(appeal.language) ? appeal.language : "en";
    const { token, hash } = newToken();
    const mail = await render(appeal, language, token);
    const done = await getPrisma().$transaction(async (tx) => {
      const { count } = await tx.appeal.updateMany({ where: { id: appeal.id, ...claim.where }, data: claim.data(hash) });
      if (count !== 1 || !appeal.senderEmail || (await isSuppressed(tx, appeal.senderEmail))) return false;
      await enqueueMail(tx, {
        kind,
        appealId: appeal.id,
        to: appeal.senderEmail,
        ...mail,
        messageId: randomMessageId(settings.messageIdDomain),
        nextAttemptAt: now,
        createdAt: now,
      });
      return true;
    });
    if (done) queued++;
  }
  return queued;
}

/**
 * Erases what is no longer needed:
 * - the sender's address once no email to them is due any more: the appeal was sent and
 *   either no follow-up was agreed or it has been asked (and its email left the outbox);
 *   or the appeal ended otherwise and no notice is waiting in the outbox;
 * - the follow-up token once its window has closed;
 * - subject, body, signer's name and town, and the appeal email's copy in the outbox,
 *   some weeks after the appeal reached a final state (kept meanwhile for near-duplicate
 *   checks and for the sender to look at).
 * The counts (Action rows, sent/replied figures) stay; they hold no personal data.
 */
export async function purgeAppealPersonalData(now: Date = new Date()): Promise<{ addresses: number; texts: number }> {
  const settings = getMailSettings();
  const prisma = getPrisma();
  const noMailWaiting: Prisma.AppealWhereInput = {
    outbox: { none: { state: { in: ["QUEUED", "SENDING"] }, kind: { not: "APPEAL" } } },
  };
  const addresses = await prisma.appeal.updateMany({
    where: {
      senderEmail: { not: null },
      AND: [
        noMailWaiting,
        {
          OR: [
            { state: "SENT", OR: [{ followUpConsent: false }, { followUpAskedAt: { not: null } }] },
            { state: { in: ["FAILED", "EXPIRED", "CANCELLED", "HELD_DUPLICATE"] } },
          ],
        },
      ],
    },
    data: { senderEmail: null },
  });
  await prisma.appeal.updateMany({
    where: { followUpTokenHash: { not: null }, followUpAskedAt: { lte: new Date(now.getTime() - settings.followUpWindowMs) } },
    data: { followUpTokenHash: null },
  });
  const textCutoff = new Date(now.getTime() - settings.textRetentionMs);
  const old = await prisma.appeal.findMany({
    where: { purgedAt: null, state: { in: [...FINAL_APPEAL_STATES] }, stateChangedAt: { lte: textCutoff } },
    select: { id: true },
    take: 1_000,
  });
  if (old.length > 0) {
    const ids = old.map((row) => row.id);
    await prisma.$transaction([
      prisma.appeal.updateMany({
        where: { id: { in: ids } },
        data: { subject: null, body: null, signerName: null, signerTown: null, senderEmail: null, purgedAt: now },
      }),
      prisma.outboxMessage.updateMany({
        where: { appealId: { in: ids }, state: { in: ["SENT", "FAILED"] } },
        data: { to: null, replyTo: null, subject: null, text: null, html: null },
      }),
    ]);
  }
  return { addresses: addresses.count, texts: old.length };
}
