// Staff members and invitations: the first admin from the command line, invitations by
// email, role changes and deactivation. Every change writes an audit entry in the same
// transaction. Permission checks happen in the routes (requireStaff); the rules that
// protect the team itself (no self-demotion, no self-deactivation) are here.
import { randomBytes } from "node:crypto";

import type { StaffMember } from "@prisma/client";

import type { Language } from "~/i18n";
import { enqueueMail, randomMessageId } from "~/mail/outbox.server";
import { audit } from "~/staff/audit.server";
import { staffRoles, type StaffRole } from "~/staff/permissions";
import { getPrisma } from "~/utils/database.server";

import { createStaffSession, hashToken, revokeAllSessionsOf, rolesRequireTotp } from "./session.server";
import { languageOr, normaliseEmail } from "./sign-in.server";
import { renderInvitationMail } from "./staff-mails.server";
import { getStaffSettings } from "./staff-settings.server";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DAY_MS = 86_400_000;

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === "string" && (staffRoles as readonly string[]).includes(value);
}

/** Roles in the table's order, without duplicates. */
export function cleanRoles(values: readonly unknown[]): StaffRole[] {
  return staffRoles.filter((role) => values.includes(role));
}

export function isPlausibleEmail(email: string): boolean {
  return email.length <= 254 && EMAIL.test(email.trim());
}

export type CreateAdminResult = { ok: true; staff: StaffMember } | { ok: false; reason: "invalid-email" | "invalid-name" | "exists" };

/** `npm run admin:create`: an admin with no password (there are none); they sign in by email code. */
export async function createAdminFromCommandLine({ email, displayName, language = "en", now = new Date() }: { email: string; displayName: string; language?: string; now?: Date }): Promise<CreateAdminResult> {
  if (!isPlausibleEmail(email)) return { ok: false, reason: "invalid-email" };
  const name = displayName.trim();
  if (name.length === 0 || name.length > 100) return { ok: false, reason: "invalid-name" };
  const prisma = getPrisma();
  return prisma.$transaction(async (tx) => {
    if (await tx.staffMember.findUnique({ where: { email: normaliseEmail(email) } })) return { ok: false as const, reason: "exists" as const };
    const staff = await tx.staffMember.create({ data: { email: normaliseEmail(email), displayName: name, roles: ["admin"], language: languageOr(language), createdAt: now } });
    await audit(tx, staff, "staff.created-from-command-line", { type: "StaffMember", id: staff.id }, { roles: ["admin"] }, now);
    return { ok: true as const, staff };
  });
}

export interface StaffListItem {
  id: string;
  email: string;
  displayName: string;
  roles: StaffRole[];
  active: boolean;
  totpEnrolled: boolean;
  createdAt: Date;
}

export async function listStaff(): Promise<StaffListItem[]> {
  const rows = await getPrisma().staffMember.findMany({ orderBy: [{ active: "desc" }, { displayName: "asc" }] });
  return rows.map((row) => ({ id: row.id, email: row.email, displayName: row.displayName, roles: row.roles as StaffRole[], active: row.active, totpEnrolled: row.totpEnrolledAt !== null, createdAt: row.createdAt }));
}

export async function listOpenInvitations(now: Date = new Date()) {
  return getPrisma().staffInvitation.findMany({
    where: { acceptedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, roles: true, expiresAt: true },
  });
}

export type InviteResult = { ok: true; invitationId: string } | { ok: false; error: "invalid-email" | "no-roles" | "already-staff" };

export async function inviteStaff(
  inviter: { id: string; displayName: string },
  { email, roles, language, origin, now = new Date() }: { email: string; roles: readonly StaffRole[]; language: Language; origin: string; now?: Date },
): Promise<InviteResult> {
  if (!isPlausibleEmail(email)) return { ok: false, error: "invalid-email" };
  if (roles.length === 0) return { ok: false, error: "no-roles" };
  const address = normaliseEmail(email);
  const prisma = getPrisma();
  if (await prisma.staffMember.findUnique({ where: { email: address } })) return { ok: false, error: "already-staff" };
  const token = randomBytes(32).toString("base64url");
  const ttl = getStaffSettings().invitationTtlMs;
  const mail = await renderInvitationMail(language, { link: `${origin}/${language}/staff/invitation/${token}`, days: Math.round(ttl / DAY_MS), inviter: inviter.displayName, roles });
  const invitation = await prisma.$transaction(async (tx) => {
    const row = await tx.staffInvitation.create({
      data: { email: address, roles: [...roles], language, tokenHash: hashToken(token), invitedById: inviter.id, expiresAt: new Date(now.getTime() + ttl), createdAt: now },
    });
    await enqueueMail(tx, { kind: "STAFF", appealId: null, to: address, subject: mail.subject, text: mail.text, html: mail.html, messageId: randomMessageId(), nextAttemptAt: now, createdAt: now });
    await audit(tx, inviter, "staff.invited", { type: "StaffInvitation", id: row.id }, { roles: [...roles], language }, now);
    return row;
  });
  return { ok: true, invitationId: invitation.id };
}

export type InvitationView = { state: "open"; email: string; roles: StaffRole[] } | { state: "expired" | "accepted" };

export async function findInvitation(token: string, now: Date = new Date()): Promise<InvitationView | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await getPrisma().staffInvitation.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row) return null;
  if (row.acceptedAt) return { state: "accepted" };
  if (row.expiresAt.getTime() <= now.getTime()) return { state: "expired" };
  return { state: "open", email: row.email, roles: row.roles as StaffRole[] };
}

export type AcceptResult =
  | { ok: true; sessionToken: string; needsSecondFactor: boolean }
  | { ok: false; error: "invalid-name" | "gone" | "already-staff" };

/** Accepting proves the address (the link came by email): a staff member and a session are created. */
export async function acceptInvitation(token: string, { displayName, now = new Date() }: { displayName: string; now?: Date }): Promise<AcceptResult> {
  const name = displayName.trim();
  if (name.length === 0 || name.length > 100) return { ok: false, error: "invalid-name" };
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { ok: false, error: "gone" };
  return getPrisma().$transaction(async (tx) => {
    const invitation = await tx.staffInvitation.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() <= now.getTime()) return { ok: false as const, error: "gone" as const };
    const claimed = await tx.staffInvitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: now } });
    if (claimed.count !== 1) return { ok: false as const, error: "gone" as const };
    if (await tx.staffMember.findUnique({ where: { email: invitation.email } })) return { ok: false as const, error: "already-staff" as const };
    const roles = invitation.roles as StaffRole[];
    const staff = await tx.staffMember.create({
      data: { email: invitation.email, displayName: name, roles, language: invitation.language, invitedById: invitation.invitedById, createdAt: now },
    });
    const sessionToken = await createStaffSession(tx, staff.id, { now });
    await audit(tx, staff, "staff.invitation-accepted", { type: "StaffInvitation", id: invitation.id }, { roles }, now);
    return { ok: true as const, sessionToken, needsSecondFactor: rolesRequireTotp(roles) };
  });
}

export type TeamChangeResult = { ok: true } | { ok: false; error: "not-found" | "no-roles" | "own-admin-role" | "own-account" };

export async function changeRoles(actor: { id: string }, staffId: string, roles: readonly StaffRole[], now: Date = new Date()): Promise<TeamChangeResult> {
  if (roles.length === 0) return { ok: false, error: "no-roles" };
  // An admin cannot lock the team out by removing their own admin role.
  if (staffId === actor.id && !roles.includes("admin")) return { ok: false, error: "own-admin-role" };
  return getPrisma().$transaction(async (tx) => {
    const staff = await tx.staffMember.findUnique({ where: { id: staffId } });
    if (!staff) return { ok: false as const, error: "not-found" as const };
    await tx.staffMember.update({ where: { id: staffId }, data: { roles: [...roles] } });
    await audit(tx, actor, "staff.roles-changed", { type: "StaffMember", id: staffId }, { from: staff.roles, to: [...roles] }, now);
    return { ok: true as const };
  });
}

export async function setStaffActive(actor: { id: string }, staffId: string, active: boolean, now: Date = new Date()): Promise<TeamChangeResult> {
  if (staffId === actor.id) return { ok: false, error: "own-account" };
  return getPrisma().$transaction(async (tx) => {
    const staff = await tx.staffMember.findUnique({ where: { id: staffId } });
    if (!staff) return { ok: false as const, error: "not-found" as const };
    await tx.staffMember.update({ where: { id: staffId }, data: { active } });
    const revoked = active ? 0 : await revokeAllSessionsOf(tx, staffId, now);
    await audit(tx, actor, active ? "staff.reactivated" : "staff.deactivated", { type: "StaffMember", id: staffId }, active ? {} : { sessionsRevoked: revoked }, now);
    return { ok: true as const };
  });
}
