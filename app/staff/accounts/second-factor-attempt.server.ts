// One second-factor attempt (a TOTP or a recovery code) on a session still waiting for it.
// The attempt is reserved before the code is checked, in one conditional UPDATE, so parallel
// guesses cannot exceed the limit; the pending session is consumed with a guarded UPDATE
// whose count must be 1, so it gives at most one upgraded session, and none once it was
// locked (revoked) by the last wrong attempt.
import type { Prisma } from "@prisma/client";

import { audit } from "~/staff/audit.server";
import { getPrisma } from "~/utils/database.server";

import { createStaffSession } from "./session.server";
import { getStaffSettings } from "./staff-settings.server";

/** A timestamp as the database stores it (UTC, no zone), for raw SQL. */
const sqlTime = (date: Date) => date.toISOString().replace("T", " ").replace("Z", "");

export interface ReservedAttempt {
  sessionId: string;
  staffId: string;
  expiresAt: Date;
  /** 1 for the first attempt in this session; `last` when no other may follow. */
  number: number;
  last: boolean;
}

/**
 * Counts one attempt on a live session without its second factor, if the limit allows;
 * null when the session was revoked, locked, upgraded or used up meanwhile.
 */
export async function reserveSecondFactorAttempt(sessionId: string, now: Date): Promise<ReservedAttempt | null> {
  const max = getStaffSettings().secondFactorMaxAttempts;
  const prisma = getPrisma();
  const rows = await prisma.$queryRaw<{ secondFactorAttempts: number }[]>`
    UPDATE "StaffSession" SET "secondFactorAttempts" = "secondFactorAttempts" + 1
    WHERE "id" = ${sessionId} AND "revokedAt" IS NULL AND "secondFactorAt" IS NULL
      AND "expiresAt" > ${sqlTime(now)}::timestamp AND "secondFactorAttempts" < ${max}
    RETURNING "secondFactorAttempts"`;
  const number = rows[0]?.secondFactorAttempts;
  if (number === undefined) return null;
  const session = await prisma.staffSession.findUniqueOrThrow({ where: { id: sessionId }, select: { staffId: true, expiresAt: true } });
  return { sessionId, staffId: session.staffId, expiresAt: session.expiresAt, number, last: number >= max };
}

/** A wrong code: the last allowed one ends the session (once, even if several end at once). */
export async function recordWrongSecondFactor(attempt: ReservedAttempt, now: Date): Promise<{ locked: boolean }> {
  if (!attempt.last) return { locked: false };
  await getPrisma().$transaction(async (tx) => {
    const { count } = await tx.staffSession.updateMany({ where: { id: attempt.sessionId, revokedAt: null }, data: { revokedAt: now } });
    if (count === 1) await audit(tx, { id: attempt.staffId }, "staff.second-factor-locked", { type: "StaffMember", id: attempt.staffId }, { attempts: attempt.number }, now);
  });
  return { locked: true };
}

/** Thrown inside a transaction to undo it when the session ended meanwhile or the code was taken. */
export class SecondFactorRefused extends Error {}

/**
 * Inside the transaction that accepts a code: ends the pending session (it must still be live
 * and pending: exactly one row) and returns the new session's cookie value, second factor done.
 */
export async function upgradePendingSession(tx: Prisma.TransactionClient, attempt: ReservedAttempt, now: Date): Promise<string> {
  const consumed = await tx.staffSession.updateMany({
    where: { id: attempt.sessionId, revokedAt: null, secondFactorAt: null, expiresAt: { gt: now } },
    data: { revokedAt: now },
  });
  if (consumed.count !== 1) throw new SecondFactorRefused();
  return createStaffSession(tx, attempt.staffId, { now, secondFactorAt: now, expiresAt: attempt.expiresAt });
}

/** Runs the accepting transaction; null if it was refused (and so rolled back). */
export async function acceptSecondFactor<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T | null> {
  try {
    return await getPrisma().$transaction(work);
  } catch (error) {
    if (error instanceof SecondFactorRefused) return null;
    throw error;
  }
}
