// Staff sessions: a random 32-byte cookie value, stored in the database only as its SHA-256.
// One cookie (`__Host-listy_staff` over HTTPS) carries first the pending sign-in attempt,
// then the session; its value changes at each step (sign-in, second factor), so a value
// seen before sign-in is worthless after. Idle and absolute timeouts are checked on every
// read; sign-out revokes the row.
import { createHash, randomBytes } from "node:crypto";

import type { Prisma, PrismaClient, StaffMember } from "@prisma/client";
import { redirect } from "@remix-run/node";

import { sourceLanguage } from "~/i18n";
import { can, ROLES_REQUIRING_TOTP, type Actor, type Permission, type StaffRole } from "~/staff/permissions";
import { getPrisma } from "~/utils/database.server";
import { parseEnv } from "~/utils/env.server";
import { languageFromPath } from "~/utils/i18next.server";

import { getStaffSettings } from "./staff-settings.server";

type Tx = Prisma.TransactionClient | PrismaClient;

export const SECURE_COOKIE_NAME = "__Host-listy_staff";
/** Browsers refuse __Host- cookies without Secure, so plain-HTTP set-ups (tests, local) use this. */
export const PLAIN_COOKIE_NAME = "listy_staff";
/** lastSeenAt is written at most this often per session (a write a minute, not one per request). */
const LAST_SEEN_RESOLUTION_MS = 60_000;

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

let publicUrlIsHttps: boolean | undefined;

/** HTTPS if the request came over it, or if PUBLIC_URL says so (TLS ended at a proxy). */
function isSecure(request: Request): boolean {
  if (new URL(request.url).protocol === "https:") return true;
  if (publicUrlIsHttps === undefined) {
    try {
      publicUrlIsHttps = parseEnv().PUBLIC_URL?.startsWith("https://") ?? false;
    } catch {
      publicUrlIsHttps = false;
    }
  }
  return publicUrlIsHttps;
}

export function staffCookieName(request: Request): string {
  return isSecure(request) ? SECURE_COOKIE_NAME : PLAIN_COOKIE_NAME;
}

/** The staff cookie's value from the request, if it looks like one of ours. */
export function readStaffToken(request: Request): string | null {
  const name = staffCookieName(request);
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    const value = rest.join("=");
    return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
  }
  return null;
}

/** Set-Cookie for a new value, or for removing the cookie (null). A browser-session cookie. */
export function staffCookie(request: Request, token: string | null): string {
  const parts = [`${staffCookieName(request)}=${token ?? ""}`, "Path=/", "HttpOnly", "SameSite=Lax"];
  if (isSecure(request)) parts.push("Secure");
  if (token === null) parts.push("Max-Age=0");
  return parts.join("; ");
}

export const SECURE_TRUSTED_BROWSER_COOKIE = "__Host-listy_staff_browser";
export const PLAIN_TRUSTED_BROWSER_COOKIE = "listy_staff_browser";

function trustedBrowserCookieName(request: Request): string {
  return isSecure(request) ? SECURE_TRUSTED_BROWSER_COOKIE : PLAIN_TRUSTED_BROWSER_COOKIE;
}

/** The trusted-browser cookie's value (see trusted-browser.server.ts), if it looks like one. */
export function readTrustedBrowser(request: Request): string | null {
  const name = trustedBrowserCookieName(request);
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    const value = rest.join("=");
    return /^[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
  }
  return null;
}

/**
 * Set-Cookie for the trusted-browser mark. Unlike the session it outlives the browser
 * session (that is its point); it opens nothing, it only gives this browser its own budget
 * of sign-in codes.
 */
export function trustedBrowserCookie(request: Request, value: string): string {
  const parts = [`${trustedBrowserCookieName(request)}=${value}`, "Path=/", "HttpOnly", "SameSite=Strict", `Max-Age=${Math.round(getStaffSettings().trustedBrowserTtlMs / 1000)}`];
  if (isSecure(request)) parts.push("Secure");
  return parts.join("; ");
}

export function rolesRequireTotp(roles: readonly StaffRole[]): boolean {
  return roles.some((role) => ROLES_REQUIRING_TOTP.includes(role));
}

/** Creates a session row and returns the cookie value (the only place it exists in the clear). */
export async function createStaffSession(
  tx: Tx,
  staffId: string,
  { now, secondFactorAt = null, expiresAt }: { now: Date; secondFactorAt?: Date | null; expiresAt?: Date },
): Promise<string> {
  const token = newToken();
  await tx.staffSession.create({
    data: {
      id: hashToken(token),
      staffId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: expiresAt ?? new Date(now.getTime() + getStaffSettings().absoluteTimeoutMs),
      secondFactorAt,
    },
  });
  return token;
}

export type StaffMemberView = Pick<StaffMember, "id" | "email" | "displayName" | "language" | "totpEnrolledAt"> & {
  roles: StaffRole[];
};

export interface StaffSessionState {
  sessionId: string;
  staff: StaffMemberView;
  actor: Extract<Actor, { kind: "staff" }>;
  /** The role needs TOTP and this session has not passed it yet. */
  needsSecondFactor: boolean;
  expiresAt: Date;
}

/**
 * The live session behind a cookie value, or null if there is none: unknown, revoked,
 * past its absolute end, idle too long, or its staff member deactivated.
 */
export async function findStaffSession(token: string | null, now: Date = new Date()): Promise<StaffSessionState | null> {
  if (!token) return null;
  const prisma = getPrisma();
  const settings = getStaffSettings();
  const session = await prisma.staffSession.findUnique({ where: { id: hashToken(token) }, include: { staff: true } });
  if (!session || session.revokedAt) return null;
  if (session.expiresAt.getTime() <= now.getTime()) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= settings.idleTimeoutMs) return null;
  if (!session.staff.active) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    await prisma.staffSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { staff } = session;
  const roles = staff.roles as StaffRole[];
  return {
    sessionId: session.id,
    staff: { id: staff.id, email: staff.email, displayName: staff.displayName, language: staff.language, totpEnrolledAt: staff.totpEnrolledAt, roles },
    actor: { kind: "staff", id: staff.id, roles },
    needsSecondFactor: rolesRequireTotp(roles) && session.secondFactorAt === null,
    expiresAt: session.expiresAt,
  };
}

export function staffPath(request: Request, rest: string): string {
  const language = languageFromPath(new URL(request.url).pathname) ?? sourceLanguage;
  return `/${language}/staff${rest}`;
}

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * For every staff loader and action. No live session: a redirect to the sign-in page.
 * A role that needs TOTP without it in this session: a redirect to the TOTP step.
 * Signed in without the permission: a 403 page.
 */
export async function requireStaff(
  request: Request,
  permission?: Permission,
  { now = new Date(), allowPendingSecondFactor = false }: { now?: Date; allowPendingSecondFactor?: boolean } = {},
): Promise<StaffSessionState> {
  const state = await findStaffSession(readStaffToken(request), now);
  if (!state) {
    const headers = new Headers(NO_STORE);
    // A cookie that no longer opens anything is removed.
    if (readStaffToken(request)) headers.append("Set-Cookie", staffCookie(request, null));
    throw redirect(staffPath(request, "/sign-in"), { headers });
  }
  if (state.needsSecondFactor && !allowPendingSecondFactor) throw redirect(staffPath(request, "/totp"), { headers: NO_STORE });
  if (permission && !can(state.actor, permission)) throw new Response("Forbidden", { status: 403, headers: NO_STORE });
  return state;
}

/** Ends a session for good (sign-out, deactivation, too many wrong TOTP codes). */
export async function revokeStaffSession(tx: Tx, sessionId: string, now: Date): Promise<void> {
  await tx.staffSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

export async function revokeAllSessionsOf(tx: Tx, staffId: string, now: Date): Promise<number> {
  const { count } = await tx.staffSession.updateMany({ where: { staffId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}

/** What the staff navigation shows for this member. */
export function staffNavFor(state: StaffSessionState, language: string) {
  return {
    language,
    displayName: state.staff.displayName,
    team: can(state.actor, "team:manage"),
    audit: can(state.actor, "audit:view"),
    campaigns: can(state.actor, "campaign:create") || can(state.actor, "campaign:edit"),
    statistics: can(state.actor, "dashboard:view"),
    mailroom: can(state.actor, "mailroom:work"),
    prisoners: can(state.actor, "prisoner:edit"),
    imports: can(state.actor, "prisoner:import"),
    translations: can(state.actor, "translation:edit"),
    recoveryCodes: state.staff.totpEnrolledAt !== null,
    officials: can(state.actor, "official:edit"),
    reference: can(state.actor, "reference:edit"),
  };
}

/** Revokes the session behind an old cookie value, if it is one (signing in again in the same browser). */
export async function forgetStaffToken(token: string | null, now: Date = new Date()): Promise<void> {
  if (!token) return;
  await getPrisma().staffSession.updateMany({ where: { id: hashToken(token), revokedAt: null }, data: { revokedAt: now } });
}

export const noStore = { "Cache-Control": "no-store" } as const;
