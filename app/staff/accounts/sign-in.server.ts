// Signing in without passwords: an emailed six-digit code, then (for roles that require it)
// a TOTP code. Every answer about the address is the same whether it belongs to staff or
// not, and is given before the address is looked at; the limits (attempts per code, codes
// per trusted browser, per address and overall per hour) need no IP address.
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";

import { isLanguage, sourceLanguage, type Language } from "~/i18n";
import { enqueueMail, randomMessageId } from "~/mail/outbox.server";
import { audit } from "~/staff/audit.server";
import type { StaffRole } from "~/staff/permissions";
import { getPrisma } from "~/utils/database.server";

import { acceptSecondFactor, recordWrongSecondFactor, reserveSecondFactorAttempt, SecondFactorRefused, upgradePendingSession } from "./second-factor-attempt.server";
import { openSecret, sealSecret } from "./secret-box.server";
import { createStaffSession, hashToken, newToken, revokeStaffSession, rolesRequireTotp } from "./session.server";
import { renderSignInCodeMail } from "./staff-mails.server";
import { derivedKey, getStaffSettings } from "./staff-settings.server";
import { newTotpSecret, totpUri, verifyTotp } from "./totp";
import { qrDrawing, type QrDrawing } from "./totp-qr.server";
import { trustBrowser, trustedBrowserKey } from "./trusted-browser.server";

const HOUR_MS = 3_600_000;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function codeHash(attemptHash: string, code: string): string {
  return createHmac("sha256", derivedKey("sign-in-code")).update(`${attemptHash}:${code}`).digest("hex");
}

export function languageOr(value: string | null | undefined, fallback: Language = sourceLanguage): Language {
  return isLanguage(value) ? value : fallback;
}

/** Stands in for the member when the address is unknown: the same queries find nothing. */
const NOBODY = "unknown-address";
/** One lock for everybody's code budgets: the counts and the new code are one atomic step. */
const CODE_BUDGET_LOCK = 0x6c69_7374;

/** What is still being done behind answers already sent (tests wait for it). */
const FOLLOW_UPS = Symbol.for("listy.signInFollowUps");
function followUps(): Set<Promise<void>> {
  const global = globalThis as typeof globalThis & { [FOLLOW_UPS]?: Set<Promise<void>> };
  global[FOLLOW_UPS] ??= new Set();
  return global[FOLLOW_UPS];
}

/** Resolves once every code request answered so far has been dealt with. */
export async function signInRequestsSettled(): Promise<void> {
  while (followUps().size > 0) await Promise.all([...followUps()]);
}

/**
 * Starts a sign-in attempt for an address: returns a fresh attempt token (the new cookie
 * value) at once, without looking at the address, so the answer is the same in content and
 * time for every address. Behind the answer, a code is emailed only if the address belongs
 * to an active staff member and the budget allows (see sendSignInCode).
 */
export function requestSignInCode({
  email,
  trustedBrowser = null,
  afterResponse = setImmediate,
  now = new Date(),
}: {
  email: string;
  trustedBrowser?: string | null;
  /** Where the server offers it: once the answer is sent, so none of this delays it. */
  afterResponse?: (work: () => void) => void;
  now?: Date;
}): { token: string } {
  const token = newToken();
  const attemptHash = hashToken(token);
  const followUp = new Promise<void>((resolve) => afterResponse(() => resolve()))
    .then(() => sendSignInCode({ email, attemptHash, trustedBrowser, now }))
    // Never the address or the error's text in the log (it may quote the query).
    .catch((error: unknown) => console.error(`a sign-in code could not be prepared (${error instanceof Error ? error.name : "error"})`))
    .finally(() => followUps().delete(followUp));
  followUps().add(followUp);
  return { token };
}

/**
 * The work behind a code request, the same for known and unknown addresses up to the
 * writes: look the address up, check the trusted-browser mark, render the email, count the
 * budget under one lock. Budgets: a browser the member signed in with before has its own
 * (codesPerTrustedBrowserPerHour); every other request shares the address's
 * (codesPerAddressPerHour) and everybody's (codesPerHour).
 */
async function sendSignInCode({ email, attemptHash, trustedBrowser, now }: { email: string; attemptHash: string; trustedBrowser: string | null; now: Date }): Promise<void> {
  const settings = getStaffSettings();
  const prisma = getPrisma();
  const found = await prisma.staffMember.findUnique({ where: { email: normaliseEmail(email) } });
  const staff = found?.active ? found : null;
  const staffId = staff?.id ?? NOBODY;
  const browserHash = trustedBrowserKey(trustedBrowser, staffId);
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const mail = await renderSignInCodeMail(languageOr(staff?.language), { code, minutes: Math.round(settings.codeTtlMs / 60_000) });
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(${CODE_BUDGET_LOCK})::text AS "locked"`;
    const within = browserHash
      ? (await tx.signInCode.count({ where: { browserHash, createdAt: { gt: hourAgo } } })) < settings.codesPerTrustedBrowserPerHour
      : (await tx.signInCode.count({ where: { staffId, browserHash: null, createdAt: { gt: hourAgo } } })) < settings.codesPerAddressPerHour &&
        (await tx.signInCode.count({ where: { browserHash: null, createdAt: { gt: hourAgo } } })) < settings.codesPerHour;
    if (!staff || !within) return;
    await tx.signInCode.create({
      data: { staffId: staff.id, attemptHash, codeHash: codeHash(attemptHash, code), browserHash, expiresAt: new Date(now.getTime() + settings.codeTtlMs), createdAt: now },
    });
    await enqueueMail(tx, { kind: "STAFF", appealId: null, to: staff.email, subject: mail.subject, text: mail.text, html: mail.html, messageId: randomMessageId(), nextAttemptAt: now, createdAt: now });
  });
}

export type CodeResult =
  /** `trustedBrowser`: the mark this browser keeps for its own budget of later codes. */
  | { ok: true; sessionToken: string; needsSecondFactor: boolean; staffId: string; trustedBrowser: string }
  /** Wrong, expired, used up or unknown: one answer for all, so nothing is learnt from it. */
  | { ok: false };

/** Checks the code typed in the browser that holds `attemptToken`. */
export async function verifySignInCode({ attemptToken, code, now = new Date() }: { attemptToken: string | null; code: string; now?: Date }): Promise<CodeResult> {
  if (!attemptToken) return { ok: false };
  const digits = code.replace(/\s/g, "");
  const attemptHash = hashToken(attemptToken);
  const settings = getStaffSettings();
  const prisma = getPrisma();
  // Count the attempt first, atomically: parallel guesses cannot exceed the limit.
  const { count } = await prisma.signInCode.updateMany({
    where: { attemptHash, usedAt: null, expiresAt: { gt: now }, attempts: { lt: settings.codeMaxAttempts } },
    data: { attempts: { increment: 1 } },
  });
  if (count !== 1 || !/^\d{6}$/.test(digits)) return { ok: false };
  const row = await prisma.signInCode.findUnique({ where: { attemptHash }, include: { staff: true } });
  if (!row || !row.staff.active) return { ok: false };
  const expected = Buffer.from(row.codeHash, "hex");
  const actual = Buffer.from(codeHash(attemptHash, digits), "hex");
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return { ok: false };

  return prisma.$transaction(async (tx) => {
    const used = await tx.signInCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (used.count !== 1) return { ok: false as const };
    const sessionToken = await createStaffSession(tx, row.staffId, { now });
    const needsSecondFactor = rolesRequireTotp(row.staff.roles as StaffRole[]);
    await audit(tx, { id: row.staffId }, "staff.signed-in", { type: "StaffMember", id: row.staffId }, { secondFactorRequired: needsSecondFactor }, now);
    return { ok: true as const, sessionToken, needsSecondFactor, staffId: row.staffId, trustedBrowser: trustBrowser(row.staffId) };
  });
}

export interface EnrolmentView {
  secret: string;
  uri: string;
  qr: QrDrawing;
}

/**
 * The secret to type into an authenticator app, while enrolment is not confirmed; null once
 * it is (the secret is never shown again). The same proposed secret is shown on reload.
 */
export async function proposeTotpSecret(staffId: string): Promise<EnrolmentView | null> {
  const prisma = getPrisma();
  const staff = await prisma.staffMember.findUniqueOrThrow({ where: { id: staffId } });
  if (staff.totpEnrolledAt) return null;
  let secret = staff.totpSecret ? openSecret(staff.totpSecret) : null;
  if (!secret) {
    secret = newTotpSecret();
    const sealed = sealSecret(secret);
    // Only if nobody proposed one in between (two tabs): then show theirs.
    const { count } = await prisma.staffMember.updateMany({ where: { id: staffId, totpEnrolledAt: null, totpSecret: staff.totpSecret }, data: { totpSecret: sealed, totpLastUsedStep: null } });
    if (count !== 1) return proposeTotpSecret(staffId);
  }
  const uri = totpUri({ secret, account: staff.email });
  return { secret, uri, qr: qrDrawing(uri) };
}

export type SecondFactorResult = { ok: true; sessionToken: string } | { ok: false; locked: boolean };

/**
 * Checks a TOTP code for the session `sessionId` (enrolment or an ordinary sign-in). The
 * attempt is counted before the code is checked; a right code replaces the session by a new
 * one (new cookie value) with the second factor recorded, only if the pending session is
 * still live; the step is stored so the same code never works twice.
 */
export async function verifySecondFactor({ sessionId, code, now = new Date() }: { sessionId: string; code: string; now?: Date }): Promise<SecondFactorResult> {
  const attempt = await reserveSecondFactorAttempt(sessionId, now);
  // Locked, upgraded or ended by another request meanwhile: this attempt is not checked.
  if (!attempt) return { ok: false, locked: true };
  const staff = await getPrisma().staffMember.findUniqueOrThrow({ where: { id: attempt.staffId } });
  const secret = staff.totpSecret ? openSecret(staff.totpSecret) : null;
  const step = secret ? verifyTotp(secret, code, { now, lastUsedStep: staff.totpLastUsedStep ?? -1 }) : null;
  if (step === null) return { ok: false, ...(await recordWrongSecondFactor(attempt, now)) };
  const enrolling = staff.totpEnrolledAt === null;
  const sessionToken = await acceptSecondFactor(async (tx) => {
    const token = await upgradePendingSession(tx, attempt, now);
    // Compare-and-set on the last step: two requests with the same code cannot both pass.
    const claimed = await tx.staffMember.updateMany({
      where: { id: staff.id, totpLastUsedStep: staff.totpLastUsedStep, totpSecret: staff.totpSecret },
      data: { totpLastUsedStep: step, ...(enrolling ? { totpEnrolledAt: now } : {}) },
    });
    if (claimed.count !== 1) throw new SecondFactorRefused();
    await audit(tx, { id: staff.id }, enrolling ? "staff.second-factor-enrolled" : "staff.second-factor-verified", { type: "StaffMember", id: staff.id }, {}, now);
    return token;
  });
  return sessionToken ? { ok: true, sessionToken } : { ok: false, locked: false };
}

/** Sign-out: the session is revoked in the database, not only forgotten by the browser. */
export async function signOut(sessionId: string, staffId: string, now: Date = new Date()): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    await revokeStaffSession(tx, sessionId, now);
    await audit(tx, { id: staffId }, "staff.signed-out", { type: "StaffMember", id: staffId }, {}, now);
  });
}

