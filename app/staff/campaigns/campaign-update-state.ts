// The life of a campaign update (a short dated news item of a campaign), in the shape of
// app/utils/lifecycle.ts:
//   DRAFT | RETURNED → IN_REVIEW   its author sends it for review
//   IN_REVIEW → PUBLISHED          a moderator other than its author (four eyes, as for every
//                                  campaign text), exactly the version they read
//   IN_REVIEW → RETURNED           the same reviewer, with a note for the author
// Its author edits it while it is a draft or returned. A published update stays as published.
// Anything not listed is refused; the writes are in campaign-update.server.ts.
import type { CampaignUpdateState } from "@prisma/client";

import type { AuditAction } from "~/staff/audit.server";
import { can, type Actor } from "~/staff/permissions";
import { defineLifecycle, type Move } from "~/utils/lifecycle";

const UPDATE_MOVES = {
  submit: { from: ["DRAFT", "RETURNED"], to: "IN_REVIEW", audit: "campaign.update.submit" },
  publish: { from: "IN_REVIEW", to: "PUBLISHED", audit: "campaign.update.publish" },
  return: { from: "IN_REVIEW", to: "RETURNED", audit: "campaign.update.return" },
} as const satisfies Record<string, Move<CampaignUpdateState> & { audit: AuditAction }>;

export type CampaignUpdateMove = keyof typeof UPDATE_MOVES;

export const campaignUpdateLifecycle = defineLifecycle<CampaignUpdateState, typeof UPDATE_MOVES>("campaign update", UPDATE_MOVES);

/** States in which its author may still change the text. */
export const EDITABLE_UPDATE_STATES: readonly CampaignUpdateState[] = ["DRAFT", "RETURNED"];

/** Who may write updates for a campaign: whoever may edit it (campaigners their own, moderators any). */
export function mayWriteUpdates(actor: Actor, campaign: { createdById: string | null }): boolean {
  return can(actor, "campaign:edit", { authorId: campaign.createdById });
}

/** Only its author edits an update or sends it for review. */
export function mayEditUpdate(actor: Actor, update: { authorId: string | null; state: CampaignUpdateState }): boolean {
  return actor.kind === "staff" && update.authorId === actor.id && EDITABLE_UPDATE_STATES.includes(update.state);
}

/** Publishing or returning: a moderator who did not write it. */
export function mayReviewUpdate(actor: Actor, update: { authorId: string | null }): boolean {
  return can(actor, "campaign:publish", { authorId: update.authorId });
}

/** Whether this actor may make this move on this update now (the state is checked too). */
export function mayMoveUpdate(actor: Actor, update: { authorId: string | null; state: CampaignUpdateState }, move: CampaignUpdateMove): boolean {
  if (!campaignUpdateLifecycle.allows(move, update.state)) return false;
  return move === "submit" ? mayEditUpdate(actor, update) : mayReviewUpdate(actor, update);
}
