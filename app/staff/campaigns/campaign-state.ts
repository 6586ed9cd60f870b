// The life of a campaign, written down in one place (like app/letters/letter-state.ts):
//   DRAFT → IN_REVIEW      the author (or a moderator) sends it for review
//   IN_REVIEW → PUBLISHED  a moderator who neither wrote nor submitted it (four eyes)
//   IN_REVIEW → DRAFT      a moderator sends it back with a note
//   PUBLISHED → CLOSED     the author or a moderator
// Anything not listed is refused. Every move is one guarded UPDATE … WHERE status = from, so
// two moderators pressing "publish" at once give one winner, and an audit entry in the same
// transaction. The content-revision triggers on "Campaign" refresh the public pages.
import type { CampaignStatus, Prisma, PrismaClient } from "@prisma/client";

import { getPrisma } from "~/utils/database.server";

import { audit, type AuditAction } from "~/staff/audit.server";
import { can, type Actor } from "~/staff/permissions";

export type CampaignTransition = "submit" | "publish" | "return" | "close";

export const CAMPAIGN_TRANSITIONS: Record<CampaignTransition, { from: CampaignStatus; to: CampaignStatus; audit: AuditAction }> = {
  submit: { from: "DRAFT", to: "IN_REVIEW", audit: "campaign.submitted" },
  publish: { from: "IN_REVIEW", to: "PUBLISHED", audit: "campaign.published" },
  return: { from: "IN_REVIEW", to: "DRAFT", audit: "campaign.returned" },
  close: { from: "PUBLISHED", to: "CLOSED", audit: "campaign.closed" },
};

/** What a move needs to know about the campaign. */
export interface WorkflowCampaign {
  status: CampaignStatus;
  createdById: string | null;
  submittedById: string | null;
}

/** Statuses whose content may still be edited, and by whom (see mayEdit). */
export const EDITABLE_STATUSES: readonly CampaignStatus[] = ["DRAFT", "IN_REVIEW", "PUBLISHED"];

const isModerator = (actor: Actor) => actor.kind === "staff" && (actor.roles.includes("moderator") || actor.roles.includes("admin"));

/**
 * Campaigners edit their own drafts; moderators edit drafts and campaigns in review (small
 * fixes while reviewing). A published campaign is never changed by an edit: the edit becomes
 * a revision that another moderator applies (see mayDecideRevision); its author (campaigner)
 * and moderators may propose one. Closed campaigns are history.
 */
export function mayEdit(actor: Actor, campaign: WorkflowCampaign): boolean {
  if (!can(actor, "campaign:edit", { authorId: campaign.createdById })) return false;
  if (isModerator(actor)) return EDITABLE_STATUSES.includes(campaign.status);
  return campaign.status === "DRAFT" || campaign.status === "PUBLISHED";
}

/** Edits of a published campaign are held as revisions for review, not saved. */
export function editNeedsReview(campaign: Pick<WorkflowCampaign, "status">): boolean {
  return campaign.status === "PUBLISHED";
}

/**
 * Applying or rejecting a proposed change to what is public: the same four eyes as
 * publication, i.e. a moderator who did not propose it.
 */
export function mayDecideRevision(actor: Actor, revision: { authorId: string | null }): boolean {
  return can(actor, "campaign:publish", { authorId: revision.authorId });
}

/** Only its author takes a proposal back. */
export function mayWithdrawRevision(actor: Actor, revision: { authorId: string | null }): boolean {
  return actor.kind === "staff" && revision.authorId === actor.id;
}

/** Who may see a campaign in the back office: moderators all, campaigners their own and public ones. */
export function mayView(actor: Actor, campaign: WorkflowCampaign): boolean {
  if (actor.kind !== "staff") return false;
  if (isModerator(actor)) return true;
  if (!can(actor, "campaign:create") && !can(actor, "campaign:edit")) return false;
  return campaign.createdById === actor.id || campaign.status === "PUBLISHED" || campaign.status === "CLOSED";
}

/** Whether this actor may make this move now (the status is checked too). */
export function mayTransition(actor: Actor, campaign: WorkflowCampaign, transition: CampaignTransition): boolean {
  if (campaign.status !== CAMPAIGN_TRANSITIONS[transition].from) return false;
  switch (transition) {
    case "submit":
      return can(actor, "campaign:submit-for-review") && can(actor, "campaign:edit", { authorId: campaign.createdById });
    case "publish":
      // Neither the author nor whoever submitted it may approve it.
      return (
        can(actor, "campaign:publish", { authorId: campaign.submittedById }) &&
        can(actor, "campaign:publish", { authorId: campaign.createdById })
      );
    case "return":
      return can(actor, "campaign:publish");
    case "close":
      return can(actor, "campaign:close") && (isModerator(actor) || campaign.createdById === (actor.kind === "staff" ? actor.id : undefined));
  }
}

export type TransitionResult = { ok: true; status: CampaignStatus } | { ok: false; error: "not-found" | "forbidden" | "conflict" };

/** Guarded move. `note` is the reviewer's note for "return" (already validated). */
export async function transitionCampaign(
  staff: { id: string },
  actor: Actor,
  campaignId: string,
  transition: CampaignTransition,
  { note = null, now = new Date(), prisma = getPrisma() }: { note?: string | null; now?: Date; prisma?: PrismaClient } = {},
): Promise<TransitionResult> {
  const move = CAMPAIGN_TRANSITIONS[transition];
  return prisma.$transaction(async (tx) => {
    const campaign = await tx.campaign.findUnique({ where: { id: campaignId }, select: { status: true, createdById: true, submittedById: true } });
    if (!campaign || !mayView(actor, campaign)) return { ok: false, error: "not-found" } as const;
    if (campaign.status !== move.from) return { ok: false, error: "conflict" } as const;
    if (!mayTransition(actor, campaign, transition)) return { ok: false, error: "forbidden" } as const;
    const data: Prisma.CampaignUpdateManyMutationInput = { status: move.to };
    if (transition === "submit") Object.assign(data, { submittedById: staff.id, submittedAt: now, reviewNote: null });
    if (transition === "publish") Object.assign(data, { publishedById: staff.id, publishedAt: now });
    if (transition === "return") Object.assign(data, { reviewNote: note, returnedAt: now });
    if (transition === "close") Object.assign(data, { closedById: staff.id, closedAt: now });
    // The guard: whoever changed the status first wins; the other gets a conflict.
    const { count } = await tx.campaign.updateMany({ where: { id: campaignId, status: move.from }, data });
    if (count !== 1) return { ok: false, error: "conflict" } as const;
    await audit(tx, staff, move.audit, { type: "Campaign", id: campaignId }, { from: move.from, to: move.to }, now);
    return { ok: true, status: move.to } as const;
  });
}
