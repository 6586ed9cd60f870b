// The audit log: who did what, when. Every state-changing staff action writes one entry in
// the same transaction as the change. Never supporter data: subjects are ids, and details
// are small objects of roles, states and counts.
import type { Prisma, PrismaClient } from "@prisma/client";

import { getPrisma } from "~/utils/database.server";

type Tx = Prisma.TransactionClient | PrismaClient;

export const auditActions = [
  "staff.created-from-command-line",
  "staff.signed-in",
  "staff.second-factor-enrolled",
  "staff.second-factor-verified",
  "staff.second-factor-locked",
  "staff.signed-out",
  "staff.invited",
  "staff.invitation-accepted",
  "staff.roles-changed",
  "staff.deactivated",
  "staff.reactivated",
  // Recovery codes and second-factor resets (app/staff/accounts/recovery-codes.server.ts).
  "staff.recovery-codes.generate",
  "staff.recovery-code.use",
  "staff.totp.reset",
  "campaign.created",
  "campaign.edited",
  "campaign.submitted",
  "campaign.published",
  "campaign.returned",
  "campaign.closed",
  // Changes to a published campaign, reviewed like a publication (app/staff/campaigns/campaign-revision.server.ts).
  "campaign.revision.propose",
  "campaign.revision.apply",
  "campaign.revision.reject",
  "campaign.revision.withdraw",
  // CSV exports (app/staff/dashboard/exports.server.ts): which one and its filters, never its content.
  "export.actions",
  "export.appeals",
  "export.pledges",
  "export.pledges-with-contact",
  "mailroom.letter-rejected",
  "mailroom.letter-printed",
  "mailroom.letter-posted",
  "mailroom.letter-back-to-queue",
  "mailroom.letter-handed-over",
  "mailroom.letter-moved-to-queue",
  // The translation workspace: which file and key, never the text.
  "translation.key.save",
  // Interface strings that need a second person (app/staff/translations/reviewed-keys.ts).
  "translation.key.propose",
  "translation.key.approve",
  "translation.key.reject",
  "translation.file.upload",
  "translation.content.save",
  "translation.content.review",
  // CSV import of prisoners (app/staff/imports/prisoner-import.server.ts): counts only.
  "prisoner.import.check",
  "prisoner.import.apply",
  "prisoner.import.fail",
  // Prisoner profiles (app/staff/profiles/prisoner-profile.server.ts): ids and field names, never texts.
  "prisoner.create",
  "prisoner.draft.edit",
  "prisoner.change.propose",
  "prisoner.change.apply",
  "prisoner.change.reject",
  "prisoner.change.withdraw",
  "prisoner.publish",
  // A draft sent back to its authors from the batch review, with the reviewer's reason.
  "prisoner.return",
  "prisoner.photo.replace",
  // Officials and their contacts (app/staff/officials/officials.server.ts): ids and channels, never addresses.
  "official.create",
  "official.edit",
  "official.approve",
  "official.contact.propose",
  "official.contact.approve",
  "official.contact.reject",
  // Facilities and charge types (app/staff/reference/): ids and field names, never texts.
  "reference.propose",
  "reference.apply",
  "reference.reject",
  "reference.import.check",
  "reference.import.apply",
  // The partner sites allowed to frame a campaign's embed (app/staff/campaigns/campaign-embed.server.ts).
  "campaign.embed-origins",
  // Campaign updates (app/staff/campaigns/campaign-update.server.ts).
  "campaign.update.save",
  "campaign.update.submit",
  "campaign.update.publish",
  "campaign.update.return",
  // Campaign events (app/staff/campaigns/campaign-event.server.ts).
  "campaign.event.add",
  "campaign.event.edit",
  "campaign.event.cancel",
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditSubject {
  type:
    | "StaffMember"
    | "StaffInvitation"
    | "StaffSession"
    | "Campaign"
    | "Letter"
    | "Locale"
    | "PrisonerTranslation"
    | "CampaignTranslation"
    | "PrisonerImport"
    | "Prisoner"
    | "PrisonerChange"
    | "Official"
    | "OfficialContact"
    | "Facility"
    | "ChargeType";
  id: string;
}

export type AuditDetails = Record<string, string | number | boolean | null | readonly string[]>;

/** Records one staff action; `staff` is whoever did it (null only for the command line). */
export async function audit(
  tx: Tx,
  staff: { id: string } | null,
  action: AuditAction,
  subject: AuditSubject | null,
  details: AuditDetails = {},
  now: Date = new Date(),
): Promise<void> {
  await tx.auditLogEntry.create({
    data: {
      staffId: staff?.id ?? null,
      action,
      subjectType: subject?.type ?? null,
      subjectId: subject?.id ?? null,
      details: details as Prisma.InputJsonObject,
      createdAt: now,
    },
  });
}

/** One entry per subject, written in one statement (a batch decision audits each profile). */
export async function auditEach(tx: Tx, staff: { id: string }, action: AuditAction, entries: readonly { subject: AuditSubject; details: AuditDetails }[], now: Date = new Date()): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditLogEntry.createMany({
    data: entries.map(({ subject, details }) => ({ staffId: staff.id, action, subjectType: subject.type, subjectId: subject.id, details: details as Prisma.InputJsonObject, createdAt: now })),
  });
}

export interface AuditEntryView {
  id: string;
  createdAt: Date;
  action: string;
  staffName: string | null;
  subjectType: string | null;
  subjectId: string | null;
  details: string;
}

/** The newest entries first, `limit` at a time; `before` is the id of the last one seen. */
export async function listAuditEntries({ limit = 100, before }: { limit?: number; before?: string | null } = {}): Promise<{
  entries: AuditEntryView[];
  nextBefore: string | null;
}> {
  const prisma = getPrisma();
  const cursor = before ? await prisma.auditLogEntry.findUnique({ where: { id: before }, select: { createdAt: true, id: true } }) : null;
  const rows = await prisma.auditLogEntry.findMany({
    where: cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    include: { staff: { select: { displayName: true } } },
  });
  const page = rows.slice(0, limit);
  return {
    entries: page.map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      action: row.action,
      staffName: row.staff?.displayName ?? null,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      details: row.details && typeof row.details === "object" && Object.keys(row.details).length > 0 ? JSON.stringify(row.details) : "",
    })),
    nextBefore: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
