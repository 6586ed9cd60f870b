// The life of a proposed facility or charge type, in the shape of app/utils/lifecycle.ts:
//   PENDING → APPLIED    a second staff member with reference:approve who neither proposed it
//                        nor edited it while it waited (four eyes); the row becomes APPROVED
//   PENDING → REJECTED   the same kind of reviewer, with a reason; a draft row stays a draft
// Anything else is refused. Each move is one guarded UPDATE … WHERE state IN (its from states).
import type { ReferenceChangeState } from "@prisma/client";

import type { AuditAction } from "~/staff/audit.server";
import { can, type Actor } from "~/staff/permissions";
import { defineLifecycle, type Move } from "~/utils/lifecycle";

const REFERENCE_MOVES = {
  apply: { from: "PENDING", to: "APPLIED", audit: "reference.apply" },
  reject: { from: "PENDING", to: "REJECTED", audit: "reference.reject" },
} as const satisfies Record<string, Move<ReferenceChangeState> & { audit: AuditAction }>;

export type ReferenceDecision = keyof typeof REFERENCE_MOVES;

export const referenceChangeLifecycle = defineLifecycle<ReferenceChangeState, typeof REFERENCE_MOVES>("reference change", REFERENCE_MOVES);

export function referenceDecisionOf(intent: string): ReferenceDecision | null {
  return Object.prototype.hasOwnProperty.call(REFERENCE_MOVES, intent) ? (intent as ReferenceDecision) : null;
}

/** Whether this actor may decide this pending change: a reviewer who wrote none of it. */
export function mayDecideReferenceChange(actor: Actor, change: { state: ReferenceChangeState; authorId: string | null; contributorIds: readonly string[] }): boolean {
  return change.state === "PENDING" && can(actor, "reference:approve", { authorId: change.authorId, contributorIds: change.contributorIds });
}
