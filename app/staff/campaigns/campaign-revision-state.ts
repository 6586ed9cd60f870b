// The life of a proposed edit of a published campaign (a CampaignRevision), in the shape of
// app/utils/lifecycle.ts:
//   PENDING → APPLIED     another moderator, only if the campaign has not changed since
//   PENDING → REJECTED    another moderator, with a reason
//   PENDING → WITHDRAWN   its author
// Anything not listed is refused. The writes are in campaign-revision.server.ts.
import type { CampaignRevisionState, CampaignStatus } from "@prisma/client";

import type { AuditAction } from "~/staff/audit.server";
import { can, type Actor } from "~/staff/permissions";
import { defineLifecycle, type Move } from "~/utils/lifecycle";

const REVISION_MOVES = {
  apply: { from: "PENDING", to: "APPLIED", audit: "campaign.revision.apply" },
  reject: { from: "PENDING", to: "REJECTED", audit: "campaign.revision.reject" },
  withdraw: { from: "PENDING", to: "WITHDRAWN", audit: "campaign.revision.withdraw" },
} as const satisfies Record<string, Move<CampaignRevisionState> & { audit: AuditAction }>;

export type RevisionDecision = keyof typeof REVISION_MOVES;

export const revisionLifecycle = defineLifecycle<CampaignRevisionState, typeof REVISION_MOVES>("campaign revision", REVISION_MOVES);

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

/**
 * A revision made from an older version of the campaign (or of a campaign no longer
 * published) would overwrite newer text: it is never applied, only rejected or withdrawn.
 * `version` is the campaign's updatedAt in milliseconds, as the editor's form carries it.
 */
export function isRevisionStale(revision: { baseVersion: string }, campaign: { status: CampaignStatus; version: string }): boolean {
  return revision.baseVersion !== campaign.version || campaign.status !== "PUBLISHED";
}
