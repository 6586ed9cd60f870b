// The life of a proposed interface string (an InterfaceProposal), in the shape of
// app/utils/lifecycle.ts:
//   PENDING → APPLIED     someone with translation:review who neither wrote nor edited it
//   PENDING → REJECTED    someone with translation:review
// Editing a pending proposal keeps it PENDING and raises its version. Anything else is refused.
import type { InterfaceProposalState } from "@prisma/client";

import type { AuditAction } from "~/staff/audit.server";
import { can, type Actor } from "~/staff/permissions";
import { defineLifecycle, type Move } from "~/utils/lifecycle";

const PROPOSAL_MOVES = {
  approve: { from: "PENDING", to: "APPLIED", audit: "translation.key.approve" },
  reject: { from: "PENDING", to: "REJECTED", audit: "translation.key.reject" },
} as const satisfies Record<string, Move<InterfaceProposalState> & { audit: AuditAction }>;

export type ProposalDecision = keyof typeof PROPOSAL_MOVES;
export const PROPOSAL_DECISIONS = Object.keys(PROPOSAL_MOVES) as ProposalDecision[];

export const proposalLifecycle = defineLifecycle<InterfaceProposalState, typeof PROPOSAL_MOVES>("interface proposal", PROPOSAL_MOVES);

/** Four eyes: a reviewer, and nobody who wrote any version of the text. */
export function mayApproveProposal(actor: Actor, proposal: { authorId: string | null; editorIds: readonly string[] }): boolean {
  if (actor.kind !== "staff" || proposal.editorIds.includes(actor.id)) return false;
  return can(actor, "translation:review", { authorId: proposal.authorId });
}

/** Rejecting leaves the live text as it is, so any reviewer may do it. */
export function mayRejectProposal(actor: Actor): boolean {
  return can(actor, "translation:review");
}
