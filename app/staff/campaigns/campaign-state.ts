// The life of a campaign, written down in one place, in the shape of app/utils/lifecycle.ts:
//   DRAFT → IN_REVIEW      the author (or a moderator) sends it for review
//   IN_REVIEW → PUBLISHED  a moderator who wrote no part of it and did not submit it (four
//                          eyes), exactly as they saw it (the form carries the version)
//   IN_REVIEW → DRAFT      a moderator sends it back with a note
//   PUBLISHED → CLOSED     the author or a moderator
// Anything not listed is refused. Who may make a move is decided by the functions beside the
// table; the writes (one guarded UPDATE per move) are in campaign-workflow.server.ts.
import type { CampaignStatus } from "@prisma/client";

import type { AuditAction } from "~/staff/audit.server";
import { can, type Actor } from "~/staff/permissions";
import { defineLifecycle, type Move } from "~/utils/lifecycle";

/** Where every campaign starts. */
export const INITIAL_CAMPAIGN_STATUS: CampaignStatus = "DRAFT";

const CAMPAIGN_MOVES = {
  submit: { from: "DRAFT", to: "IN_REVIEW", audit: "campaign.submitted" },
  publish: { from: "IN_REVIEW", to: "PUBLISHED", audit: "campaign.published" },
  return: { from: "IN_REVIEW", to: "DRAFT", audit: "campaign.returned" },
  close: { from: "PUBLISHED", to: "CLOSED", audit: "campaign.closed" },
} as const satisfies Record<string, Move<CampaignStatus> & { audit: AuditAction }>;

export type CampaignTransition = keyof typeof CAMPAIGN_MOVES;

export const campaignLifecycle = defineLifecycle<CampaignStatus, typeof CAMPAIGN_MOVES>("campaign", CAMPAIGN_MOVES);

/** The named moves, each with its audit action. */
export const CAMPAIGN_TRANSITIONS = campaignLifecycle.moves;

/** What a move needs to know about the campaign. */
export interface WorkflowCampaign {
  status: CampaignStatus;
  createdById: string | null;
  submittedById: string | null;
  /** Everyone who wrote to it before publication: creator, editors, translators, submitters. */
  contributorIds: readonly string[];
}

/** Whoever changed this campaign while it was not yet public: none of them may publish it. */
export function contributorsOf(campaign: WorkflowCampaign): string[] {
  const ids = [campaign.createdById, campaign.submittedById, ...campaign.contributorIds].filter((id): id is string => id !== null);
  return [...new Set(ids)];
}

/** The write that records one more contributor (Postgres appends atomically; never removed before publication). */
export function contributorUpdate(campaign: Pick<WorkflowCampaign, "contributorIds">, staffId: string): { contributorIds?: { push: string } } {
  return campaign.contributorIds.includes(staffId) ? {} : { contributorIds: { push: staffId } };
}

/** Statuses whose content may still be edited, and by whom (see mayEdit). */
export const EDITABLE_STATUSES: readonly CampaignStatus[] = ["DRAFT", "IN_REVIEW", "PUBLISHED"];

const isModerator = (actor: Actor) => actor.kind === "staff" && (actor.roles.includes("moderator") || actor.roles.includes("admin"));

/** Who works with campaigns in the back office at all: whoever may create or edit one. */
export function mayWorkOnCampaigns(actor: Actor): boolean {
  return can(actor, "campaign:create") || can(actor, "campaign:edit");
}

/**
 * Campaigners edit their own drafts; moderators edit drafts and campaigns in review (small
 * fixes while reviewing, which make them contributors: someone else then publishes). A published campaign is never changed by an edit: the edit becomes
 * a revision that another moderator applies (see campaign-revision-state.ts); its author
 * (campaigner) and moderators may propose one. Closed campaigns are history.
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

/** Who may see a campaign in the back office: moderators all, campaigners their own and public ones. */
export function mayView(actor: Actor, campaign: WorkflowCampaign): boolean {
  if (actor.kind !== "staff") return false;
  if (isModerator(actor)) return true;
  if (!mayWorkOnCampaigns(actor)) return false;
  return campaign.createdById === actor.id || campaign.status === "PUBLISHED" || campaign.status === "CLOSED";
}

/** Whether this actor may make this move now (the status is checked too). */
export function mayTransition(actor: Actor, campaign: WorkflowCampaign, transition: CampaignTransition): boolean {
  if (!campaignLifecycle.allows(transition, campaign.status)) return false;
  switch (transition) {
    case "submit":
      return can(actor, "campaign:submit-for-review") && can(actor, "campaign:edit", { authorId: campaign.createdById });
    case "publish":
      // Nobody who wrote any of it, nor whoever submitted it, may approve it: a moderator who
      // fixes a campaign in review becomes one of its contributors and leaves it to another.
      return can(actor, "campaign:publish", { authorId: campaign.createdById, contributorIds: contributorsOf(campaign) });
    case "return":
      return can(actor, "campaign:publish");
    case "close":
      return can(actor, "campaign:close") && (isModerator(actor) || campaign.createdById === (actor.kind === "staff" ? actor.id : undefined));
  }
}

/** The moves this actor may make now, one flag per move (the buttons the page shows). */
export function allowedTransitions(actor: Actor, campaign: WorkflowCampaign): Record<CampaignTransition, boolean> {
  return {
    submit: mayTransition(actor, campaign, "submit"),
    publish: mayTransition(actor, campaign, "publish"),
    return: mayTransition(actor, campaign, "return"),
    close: mayTransition(actor, campaign, "close"),
  };
}

/** A form's intent read as a move, or null when it names none. */
export function campaignTransitionOf(intent: string): CampaignTransition | null {
  return Object.prototype.hasOwnProperty.call(CAMPAIGN_MOVES, intent) ? (intent as CampaignTransition) : null;
}

/**
 * Who may change the partner sites that may frame the campaign's embed. Before publication,
 * whoever may edit it (the list is then seen by the moderator who publishes). Once public, a
 * moderator or admin (campaign:publish) changes it at once, audited, without a revision: it
 * changes no text anyone reads, only which sites may show the reviewed embed, and a partner
 * waiting for a second person would be left with a refused frame.
 */
export function mayChangeEmbedOrigins(actor: Actor, campaign: WorkflowCampaign): boolean {
  if (campaign.status === "PUBLISHED" || campaign.status === "CLOSED") return can(actor, "campaign:publish");
  return mayEdit(actor, campaign);
}
