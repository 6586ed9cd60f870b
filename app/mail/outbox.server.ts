// The outbox: every email Listy sends is first a row here, written in the same transaction
// as the change that calls for it, then sent by a worker (app/mail/outbox-worker.server.ts).
// Workers claim rows with FOR UPDATE SKIP LOCKED, so several of them never take the same
// row; a row whose worker died is claimed again once its lease has run out.
import { createHmac, randomBytes } from "node:crypto";

import type { OutboxKind, OutboxMessage, Prisma, PrismaClient } from "@prisma/client";

import { getPrisma } from "~/utils/database.server";

import { getMailSettings } from "./mail-settings.server";

type Tx = Prisma.TransactionClient | PrismaClient;

/** Keyed hash of a normalised address: caps and suppression without keeping the address. */
export function addressHash(address: string, key: string = getMailSettings().hashKey): string {
  return createHmac("sha256", key).update(address.trim().toLowerCase()).digest("hex");
}

/** A Message-ID that says nothing: random, fixed when the row is written. */
export function randomMessageId(domain: string = getMailSettings().messageIdDomain): string {
  return `<${randomBytes(16).toString("hex")}@${domain}>`;
}

export interface NewOutboxMessage {
  kind: OutboxKind;
  appealId: string | null;
  to: string;
  replyTo?: string | null;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  nextAttemptAt: Date;
  createdAt: Date;
}

export async function enqueueMail(tx: Tx, message: NewOutboxMessage): Promise<OutboxMessage> {
  return tx.outboxMessage.create({
    data: { ...message, toHash: addressHash(message.to), replyTo: message.replyTo ?? null, state: "QUEUED" },
  });
}

export async function isSuppressed(tx: Tx, address: string): Promise<boolean> {
  return (await tx.suppression.count({ where: { addressHash: addressHash(address) } })) > 0;
}

/** SQL timestamps are stored as UTC without a zone; this is how a Date is passed to raw SQL. */
const sqlTime = (date: Date) => date.toISOString().replace("T", " ").replace("Z", "");

const HOUR_MS = 3_600_000;

/**
 * Held while a worker counts the hour's mail and claims within what is left, so that two
 * workers never both see the same room (arbitrary, constant across releases, beside the
 * migrations' 72_201_905 and the periodic jobs' 72_201_906). A transaction lock: it ends
 * with the claim, on PostgreSQL and PGlite alike.
 */
const MAIL_CAP_LOCK_ID = 72_201_907;

/**
 * Claims up to `limit` due rows for this worker, and no more than the global brake leaves:
 * `maxPerHour` less the messages sent in the last hour and those other workers hold (claimed,
 * lease running, about to go out). The count and the claim are one transaction under
 * MAIL_CAP_LOCK_ID, so N workers together never pass the cap.
 */
export async function claimDueMessagesWithinCap(
  workerId: string,
  { now, limit, leaseMs, maxPerHour }: { now: Date; limit: number; leaseMs: number; maxPerHour: number },
): Promise<OutboxMessage[]> {
  const leaseEnded = new Date(now.getTime() - leaseMs);
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  // Most passes find nothing due: they answer with one cheap read, without the lock.
  const due = await getPrisma().outboxMessage.findFirst({ where: dueRows(now, leaseEnded), select: { id: true } });
  if (!due) return [];
  const ids = await getPrisma().$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${MAIL_CAP_LOCK_ID})`);
    const [used] = await tx.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS "count" FROM "OutboxMessage"
      WHERE ("state" = 'SENT' AND "sentAt" > ${sqlTime(hourAgo)}::timestamp)
         OR ("state" = 'SENDING' AND "claimedAt" >= ${sqlTime(leaseEnded)}::timestamp)`;
    const room = Math.min(limit, maxPerHour - (used?.count ?? 0));
    return room > 0 ? claimDueRows(tx, workerId, { now, limit: room, leaseMs }) : [];
  });
  if (ids.length === 0) return [];
  return getPrisma().outboxMessage.findMany({
    where: { id: { in: ids }, claimedBy: workerId },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
  });
}

/** The rows a claim takes (the same as claimDueRows's SQL). */
const dueRows = (now: Date, leaseEnded: Date): Prisma.OutboxMessageWhereInput => ({
  OR: [
    { state: "QUEUED", nextAttemptAt: { lte: now } },
    { state: "SENDING", claimedAt: { lt: leaseEnded } },
  ],
});

/**
 * Claims up to `limit` due rows for this worker: queued rows whose time has come, and rows
 * another worker claimed longer than a lease ago (it died or hung). One statement, so the
 * claim is atomic on PostgreSQL and on PGlite alike.
 */
async function claimDueRows(
  tx: Tx,
  workerId: string,
  { now, limit, leaseMs }: { now: Date; limit: number; leaseMs: number },
): Promise<string[]> {
  const leaseEnded = new Date(now.getTime() - leaseMs);
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "OutboxMessage" SET "state" = 'SENDING', "claimedBy" = ${workerId},
      "claimedAt" = ${sqlTime(now)}::timestamp, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE ("state" = 'QUEUED' AND "nextAttemptAt" <= ${sqlTime(now)}::timestamp)
         OR ("state" = 'SENDING' AND "claimedAt" < ${sqlTime(leaseEnded)}::timestamp)
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id"`;
  return rows.map((row) => row.id);
}

/** Restarts the lease on a row this worker still holds; false if it is no longer ours. */
export async function renewClaim(message: OutboxMessage, now: Date): Promise<boolean> {
  const { count } = await getPrisma().outboxMessage.updateMany({
    where: { id: message.id, state: "SENDING", claimedBy: message.claimedBy },
    data: { claimedAt: now },
  });
  return count === 1;
}

/**
 * Marks a claimed row sent. Recipient and content are erased at once, except for the appeal
 * itself, whose text is kept until the appeal's own purge (the confirmation email holds the
 * token in the clear: it must not outlive its sending).
 */
export async function markMessageSent(tx: Tx, message: OutboxMessage, now: Date): Promise<void> {
  const erase =
    message.kind === "APPEAL" ? { to: null, replyTo: null } : { to: null, replyTo: null, subject: null, text: null, html: null, unsubscribe: null };
  await tx.outboxMessage.update({
    where: { id: message.id },
    data: { state: "SENT", sentAt: now, lastError: null, claimedBy: null, claimedAt: null, ...erase },
  });
}

export async function scheduleRetry(message: OutboxMessage, error: string, nextAttemptAt: Date): Promise<void> {
  // Only if still ours: a row reclaimed after our lease ran out now belongs to another worker.
  await getPrisma().outboxMessage.updateMany({
    where: { id: message.id, state: "SENDING", claimedBy: message.claimedBy },
    data: { state: "QUEUED", lastError: error.slice(0, 500), nextAttemptAt, claimedBy: null, claimedAt: null },
  });
}

export async function markMessageFailed(tx: Tx, message: OutboxMessage, error: string): Promise<void> {
  await tx.outboxMessage.update({
    where: { id: message.id },
    data: {
      state: "FAILED",
      lastError: error.slice(0, 500),
      claimedBy: null,
      claimedAt: null,
      to: null,
      replyTo: null,
      ...(message.kind === "APPEAL" ? {} : { subject: null, text: null, html: null, unsubscribe: null }),
    },
  });
}

export async function suppressAddressHash(tx: Tx, hash: string, reason: string): Promise<void> {
  await tx.suppression.upsert({ where: { addressHash: hash }, create: { addressHash: hash, reason: reason.slice(0, 200) }, update: {} });
}

/** Exponential backoff with jitter: base·2^(attempt−1), capped, then a random 50–100 % of it. */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.5 + random() * 0.5));
}
