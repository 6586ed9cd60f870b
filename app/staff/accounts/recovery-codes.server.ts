// Recovery codes: ten one-time codes that stand in for the TOTP code when the phone is lost,
// and an admin's reset of someone else's second factor. The codes exist in the clear only in
// the one answer that shows them; the database keeps an HMAC (key derived from
// SESSION_SECRET, bound to the staff member), so a copy of the database gives no code.
// A code counts as a second-factor attempt (the same per-session limit as TOTP codes,
// reserved before checking); a right one is claimed with a guarded UPDATE, so two requests
// with the same code give one winner.
import { createHmac, randomInt } from "node:crypto";

import type { Prisma, PrismaClient } from "@prisma/client";

import { audit } from "~/staff/audit.server";
import { getPrisma } from "~/utils/database.server";

import { acceptSecondFactor, recordWrongSecondFactor, reserveSecondFactorAttempt, SecondFactorRefused, upgradePendingSession } from "./second-factor-attempt.server";
import { revokeAllSessionsOf } from "./session.server";
import { derivedKey } from "./staff-settings.server";

type Tx = Prisma.TransactionClient | PrismaClient;

export const RECOVERY_CODE_COUNT = 10;
/** At or below this many unused codes the member is told to make a new set. */
export const RECOVERY_CODES_LOW = 3;
/** No 0/o, 1/l/i: easy to read off paper and type. 31 symbols × 12 ≈ 59 bits per code. */
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** A new code, `xxxx-xxxx-xxxx`, from the operating system's random source. */
export function newRecoveryCode(): string {
  const groups: string[] = [];
  for (let group = 0; group < GROUPS; group++) {
    let text = "";
    for (let index = 0; index < GROUP_LENGTH; index++) text += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(text);
  }
  return groups.join("-");
}

/** What people type: any case, spaces or dashes anywhere. Null if it cannot be a code. */
export function normaliseRecoveryCode(input: string): string | null {
  const clean = input.toLowerCase().replace(/[\s-]/g, "");
  if (clean.length !== GROUPS * GROUP_LENGTH) return null;
  for (const char of clean) if (!ALPHABET.includes(char)) return null;
  return clean;
}

function recoveryCodeHash(staffId: string, normalised: string): string {
  return createHmac("sha256", derivedKey("recovery-code")).update(`${staffId}:${normalised}`).digest("hex");
}

export interface RecoveryCodeStatus {
  /** Unused codes left. */
  remaining: number;
  /** When the current set was made; null if there never was one. */
  generatedAt: Date | null;
  low: boolean;
}

export async function recoveryCodeStatus(staffId: string, tx: Tx = getPrisma()): Promise<RecoveryCodeStatus> {
  const [remaining, staff] = await Promise.all([
    tx.staffRecoveryCode.count({ where: { staffId, usedAt: null } }),
    tx.staffMember.findUnique({ where: { id: staffId }, select: { recoveryCodesGeneratedAt: true } }),
  ]);
  return { remaining, generatedAt: staff?.recoveryCodesGeneratedAt ?? null, low: remaining <= RECOVERY_CODES_LOW };
}

export type GenerateResult = { ok: true; codes: string[] } | { ok: false; error: "no-second-factor" };

/**
 * A new set of codes for a member with a second factor; the old set (used or not) stops
 * working in the same transaction. The codes are returned once, to be shown once.
 */
export async function generateRecoveryCodes(staffId: string, now: Date = new Date()): Promise<GenerateResult> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  return getPrisma().$transaction(async (tx) => {
    // Written first: the row lock makes two regenerations at once run one after the other,
    // so the second removes the first's codes and exactly one set of ten is left.
    const { count } = await tx.staffMember.updateMany({ where: { id: staffId, active: true, totpEnrolledAt: { not: null } }, data: { recoveryCodesGeneratedAt: now } });
    if (count !== 1) return { ok: false as const, error: "no-second-factor" as const };
    const removed = await tx.staffRecoveryCode.deleteMany({ where: { staffId } });
    await tx.staffRecoveryCode.createMany({
      data: codes.map((code) => ({ staffId, codeHash: recoveryCodeHash(staffId, normaliseRecoveryCode(code)!), createdAt: now })),
    });
    await audit(tx, { id: staffId }, "staff.recovery-codes.generate", { type: "StaffMember", id: staffId }, { count: codes.length, replaced: removed.count }, now);
    return { ok: true as const, codes };
  });
}

export type RecoveryResult = { ok: true; sessionToken: string; remaining: number } | { ok: false; locked: boolean };

/**
 * A recovery code in place of the TOTP code for the session `sessionId`. Only for members
 * who have enrolled (a recovery code cannot replace enrolment). It counts as an attempt on
 * the same per-session limit as TOTP codes, reserved before it is checked; on success the
 * session is replaced by one with the second factor done, like verifySecondFactor.
 */
export async function redeemRecoveryCode({ sessionId, code, now = new Date() }: { sessionId: string; code: string; now?: Date }): Promise<RecoveryResult> {
  const attempt = await reserveSecondFactorAttempt(sessionId, now);
  if (!attempt) return { ok: false, locked: true };
  const staff = await getPrisma().staffMember.findUniqueOrThrow({ where: { id: attempt.staffId } });
  const normalised = normaliseRecoveryCode(code);
  const result =
    normalised && staff.totpEnrolledAt
      ? await acceptSecondFactor(async (tx) => {
          const sessionToken = await upgradePendingSession(tx, attempt, now);
          // The claim: of two requests with the same code, only one finds it unused.
          const claimed = await tx.staffRecoveryCode.updateMany({ where: { staffId: staff.id, codeHash: recoveryCodeHash(staff.id, normalised), usedAt: null }, data: { usedAt: now } });
          if (claimed.count !== 1) throw new SecondFactorRefused();
          const remaining = await tx.staffRecoveryCode.count({ where: { staffId: staff.id, usedAt: null } });
          await audit(tx, { id: staff.id }, "staff.recovery-code.use", { type: "StaffMember", id: staff.id }, { remaining }, now);
          return { sessionToken, remaining };
        })
      : null;
  if (result) return { ok: true, ...result };
  // Wrong, used, or not a code at all: the attempt counted already; the last one locks.
  return { ok: false, ...(await recordWrongSecondFactor(attempt, now)) };
}

export type ResetResult = { ok: true } | { ok: false; error: "own-account" | "not-found" };

/**
 * An admin clears someone else's second factor (lost phone and no codes left): the secret
 * and the recovery codes go, all their sessions end, and the next sign-in enrols again.
 * Not one's own: that would let a stolen admin session remove the second factor.
 */
export async function resetSecondFactor(actor: { id: string }, staffId: string, now: Date = new Date()): Promise<ResetResult> {
  if (staffId === actor.id) return { ok: false, error: "own-account" };
  return getPrisma().$transaction(async (tx) => {
    const staff = await tx.staffMember.findUnique({ where: { id: staffId }, select: { id: true, totpEnrolledAt: true } });
    if (!staff) return { ok: false as const, error: "not-found" as const };
    await tx.staffMember.update({ where: { id: staffId }, data: { totpSecret: null, totpEnrolledAt: null, totpLastUsedStep: null, recoveryCodesGeneratedAt: null } });
    const codes = await tx.staffRecoveryCode.deleteMany({ where: { staffId } });
    const sessions = await revokeAllSessionsOf(tx, staffId, now);
    await audit(tx, actor, "staff.totp.reset", { type: "StaffMember", id: staffId }, { wasEnrolled: staff.totpEnrolledAt !== null, recoveryCodesRemoved: codes.count, sessionsRevoked: sessions }, now);
    return { ok: true as const };
  });
}
