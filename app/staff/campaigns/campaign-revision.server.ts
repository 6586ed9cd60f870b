// Edits of a published campaign, held for review. The four-eyes rule of publication holds for
// every later change to what is public: an edit of a PUBLISHED campaign is stored as a
// revision (the whole edited form, and the campaign version it was made from) and the public
// page does not change until a moderator other than the revision's author applies it. The
// moves are those of campaign-revision-state.ts; each is a guarded UPDATE … WHERE state IN
// (its from states) (two moderators at once: one winner), and the apply is also guarded on
// the campaign's version, in one transaction with the content write and the audit entry.
import { Prisma } from "@prisma/client";

import type { Language } from "~/i18n";
import { audit } from "~/staff/audit.server";
import { unreachableTargets } from "~/staff/officials/officials.server";
import type { Actor } from "~/staff/permissions";
import { getPrisma } from "~/utils/database.server";

import { writeContent } from "./campaign-editor.server";
import { formDataFromValues, readCampaignForm, valuesFromJson, type CampaignFormValues, type FieldError, type ParsedCampaign } from "./campaign-form";
import { isRevisionStale, mayDecideRevision, mayWithdrawRevision, revisionLifecycle, type RevisionDecision } from "./campaign-revision-state";
import { editNeedsReview, mayEdit, mayView } from "./campaign-state";

type StaffActor = Extract<Actor, { kind: "staff" }>;

export type ProposeResult = { ok: true; revisionId: string } | { ok: false; error: "not-found" | "forbidden" | "conflict" } | { ok: false; fieldErrors: Record<string, FieldError> };

/**
 * A pending revision of a published campaign, made from `baseVersion` (the campaign's
 * updatedAt in ms); the caller has checked who may propose it. Audited. Also used by the
 * translation workspace, so that a translated text reaches the public page only through the
 * same review.
 */
export async function createRevision(
  tx: Prisma.TransactionClient,
  staff: { id: string },
  campaignId: string,
  baseVersion: string,
  values: CampaignFormValues,
  now: Date,
  details: Record<string, string> = {},
): Promise<string> {
  const revision = await tx.campaignRevision.create({
    data: { campaignId, values: values as unknown as Prisma.InputJsonObject, baseVersion, authorId: staff.id, createdAt: now },
    select: { id: true },
  });
  await audit(tx, staff, "campaign.revision.propose", { type: "Campaign", id: campaignId }, { revision: revision.id, ...details }, now);
  return revision.id;
}

/** Stores an edit of a published campaign as a pending revision; refused if the form is stale. */
export async function proposeRevision(
  staff: { id: string },
  actor: StaffActor,
  campaignId: string,
  version: string,
  values: CampaignFormValues,
  campaign: ParsedCampaign,
  now: Date = new Date(),
): Promise<ProposeResult> {
  return getPrisma().$transaction(async (tx) => {
    const row = await tx.campaign.findUnique({ where: { id: campaignId }, select: { id: true, status: true, createdById: true, submittedById: true, contributorIds: true, updatedAt: true } });
    if (!row || !mayView(actor, row)) return { ok: false, error: "not-found" } as const;
    if (!mayEdit(actor, row) || !editNeedsReview(row)) return { ok: false, error: "forbidden" } as const;
    // Made from an older state: the editor gets their text back and reloads.
    if (String(row.updatedAt.getTime()) !== version) return { ok: false, error: "conflict" } as const;
    if (campaign.slug && (await tx.campaign.findFirst({ where: { slug: campaign.slug, id: { not: campaignId } }, select: { id: true } }))) {
      return { ok: false, fieldErrors: { slug: { code: "slug-taken" } } } as const;
    }
    const revisionId = await createRevision(tx, staff, campaignId, version, values, now);
    return { ok: true, revisionId } as const;
  });
}

export interface PendingRevision {
  id: string;
  authorId: string | null;
  author: string | null;
  createdAt: Date;
  baseVersion: string;
  values: CampaignFormValues;
}

export async function listPendingRevisions(campaignId: string): Promise<PendingRevision[]> {
  const rows = await getPrisma().campaignRevision.findMany({
    where: { campaignId, state: "PENDING" },
    include: { author: { select: { displayName: true } } },
    orderBy: { createdAt: "asc" },
    take: 20,
  });
  return rows.flatMap((row) => {
    const values = valuesFromJson(row.values);
    return values ? [{ id: row.id, authorId: row.authorId, author: row.author?.displayName ?? null, createdAt: row.createdAt, baseVersion: row.baseVersion, values }] : [];
  });
}

export type DecideResult =
  | { ok: true }
  | { ok: false; error: "not-found" | "forbidden" | "decided" | "stale" | "invalid" }
  | { ok: false; fieldErrors: Record<string, FieldError> }
  /** Targets no appeal could reach (no approved channel): the revision stays pending. */
  | { ok: false; error: "unreachable"; targets: string[] };

/** Thrown inside the transaction to undo the revision's claim when the campaign moved on. */
class Stale extends Error {}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** The claim: the revision leaves PENDING by this move, unless someone decided first (false). */
async function claim(tx: Prisma.TransactionClient, revisionId: string, decision: RevisionDecision, data: Omit<Prisma.CampaignRevisionUncheckedUpdateManyInput, "state">): Promise<boolean> {
  const { count } = await tx.campaignRevision.updateMany({
    where: { id: revisionId, state: { in: revisionLifecycle.fromStates(decision) } },
    data: { ...data, state: revisionLifecycle.moves[decision].to },
  });
  return count === 1;
}

async function pendingFor(tx: Prisma.TransactionClient, actor: StaffActor, campaignId: string, revisionId: string) {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(revisionId)) return null;
  const revision = await tx.campaignRevision.findUnique({
    where: { id: revisionId },
    include: { campaign: { select: { id: true, slug: true, status: true, createdById: true, submittedById: true, contributorIds: true, updatedAt: true } } },
  });
  if (!revision || revision.campaignId !== campaignId || !mayView(actor, revision.campaign)) return null;
  return revision;
}

/** Applies a pending revision: the public campaign changes now, and only if nothing changed since. */
export async function applyRevision(staff: { id: string }, actor: StaffActor, campaignId: string, revisionId: string, now: Date = new Date(), language: Language = "en"): Promise<DecideResult> {
  try {
    return await getPrisma().$transaction(async (tx) => {
      const revision = await pendingFor(tx, actor, campaignId, revisionId);
      if (!revision) return { ok: false, error: "not-found" } as const;
      if (!mayDecideRevision(actor, revision)) return { ok: false, error: "forbidden" } as const;
      if (!revisionLifecycle.allows("apply", revision.state)) return { ok: false, error: "decided" } as const;
      const { campaign } = revision;
      if (isRevisionStale(revision, { status: campaign.status, version: String(campaign.updatedAt.getTime()) })) return { ok: false, error: "stale" } as const;
      const values = valuesFromJson(revision.values);
      // Checked again with today's rules: nothing unchecked reaches the public page.
      const read = values ? readCampaignForm(formDataFromValues(values)) : null;
      if (!read?.ok) return { ok: false, error: "invalid" } as const;
      if (read.campaign.slug !== campaign.slug && (await tx.campaign.findUnique({ where: { slug: read.campaign.slug }, select: { id: true } }))) {
        return { ok: false, fieldErrors: { slug: { code: "slug-taken" } } } as const;
      }
      const unreachable = await unreachableTargets(tx, read.campaign.targetIds, language);
      if (unreachable.length > 0) return { ok: false, error: "unreachable", targets: unreachable } as const;
      // The claim: of two moderators applying it at once, one finds it still pending.
      if (!(await claim(tx, revision.id, "apply", { reviewerId: staff.id, decidedAt: now }))) return { ok: false, error: "decided" } as const;
      // And the campaign must still be the version the revision was made from (another
      // revision applied meanwhile makes this one stale); otherwise the claim is undone.
      const moved = await tx.campaign.updateMany({
        where: { id: campaign.id, status: "PUBLISHED", updatedAt: campaign.updatedAt },
        data: { slug: read.campaign.slug, goal: read.campaign.goal, deadline: read.campaign.deadline, updatedAt: now },
      });
      if (moved.count !== 1) throw new Stale();
      // The revision's author wrote the texts; the moderator applying it only reviewed them.
      const counts = await writeContent(tx, campaign.id, read.campaign, revision.authorId);
      await audit(tx, staff, revisionLifecycle.moves.apply.audit, { type: "Campaign", id: campaign.id }, { revision: revision.id, prisoners: counts.prisoners, targets: counts.targets }, now);
      return { ok: true } as const;
    });
  } catch (error) {
    if (error instanceof Stale) return { ok: false, error: "stale" };
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { slug: { code: "slug-taken" } } };
    throw error;
  }
}

/** Rejects a pending revision with the reviewer's reason (already checked: required, plain text). */
export async function rejectRevision(staff: { id: string }, actor: StaffActor, campaignId: string, revisionId: string, reason: string, now: Date = new Date()): Promise<DecideResult> {
  return getPrisma().$transaction(async (tx) => {
    const revision = await pendingFor(tx, actor, campaignId, revisionId);
    if (!revision) return { ok: false, error: "not-found" } as const;
    if (!mayDecideRevision(actor, revision)) return { ok: false, error: "forbidden" } as const;
    if (!(await claim(tx, revision.id, "reject", { reviewerId: staff.id, reason, decidedAt: now }))) return { ok: false, error: "decided" } as const;
    await audit(tx, staff, revisionLifecycle.moves.reject.audit, { type: "Campaign", id: campaignId }, { revision: revision.id }, now);
    return { ok: true } as const;
  });
}

/** Its author takes a pending revision back. */
export async function withdrawRevision(staff: { id: string }, actor: StaffActor, campaignId: string, revisionId: string, now: Date = new Date()): Promise<DecideResult> {
  return getPrisma().$transaction(async (tx) => {
    const revision = await pendingFor(tx, actor, campaignId, revisionId);
    if (!revision) return { ok: false, error: "not-found" } as const;
    if (!mayWithdrawRevision(actor, revision)) return { ok: false, error: "forbidden" } as const;
    if (!(await claim(tx, revision.id, "withdraw", { decidedAt: now }))) return { ok: false, error: "decided" } as const;
    await audit(tx, staff, revisionLifecycle.moves.withdraw.audit, { type: "Campaign", id: campaignId }, { revision: revision.id }, now);
    return { ok: true } as const;
  });
}

/** The latest decided revisions (for their author: why a proposal was rejected). */
export async function listRecentDecisions(campaignId: string, take = 5) {
  const rows = await getPrisma().campaignRevision.findMany({
    where: { campaignId, state: { not: "PENDING" } },
    orderBy: { decidedAt: "desc" },
    take,
    include: { author: { select: { displayName: true } }, reviewer: { select: { displayName: true } } },
  });
  return rows.map((row) => ({ id: row.id, state: row.state, author: row.author?.displayName ?? null, reviewer: row.reviewer?.displayName ?? null, reason: row.reason, decidedAt: row.decidedAt ?? row.createdAt }));
}
