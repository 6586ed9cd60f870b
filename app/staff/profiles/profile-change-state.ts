// The life of a change to a prisoner profile, written down in one place, in the shape of
// app/utils/lifecycle.ts:
//   a draft profile is edited directly: each save is an APPLIED change (history only);
//   a published profile is edited by proposal: PENDING until a moderator decides;
//   PENDING → APPLIED    a moderator who did not write it (four eyes), only while the profile
//                        is still at the version the change was made against (not stale)
//   PENDING → REJECTED   a moderator who did not write it, with a reason
//   PENDING → WITHDRAWN  its author (also the way out for a stale change)
//   draft → published    a moderator who wrote none of the draft (no author of any of its
//                        changes), at the version they looked at
// Anything not listed is refused. Every move is one guarded UPDATE … WHERE state IN (its from
// states) (or draft = true), so two moderators pressing "apply" at once give one winner.
import type { PrisonerChangeState } from "@prisma/client";

import type { AuditAction } from "~/staff/audit.server";
import { can, type Actor } from "~/staff/permissions";
import { defineLifecycle, type Move } from "~/utils/lifecycle";

/** The staff list's filters; "pending" is the review queue, "stale" the statuses to re-check. */
export const PROFILE_FILTERS = ["all", "draft", "published", "pending", "stale"] as const;
export type ProfileFilter = (typeof PROFILE_FILTERS)[number];

const CHANGE_MOVES = {
  apply: { from: "PENDING", to: "APPLIED", audit: "prisoner.change.apply" },
  reject: { from: "PENDING", to: "REJECTED", audit: "prisoner.change.reject" },
  withdraw: { from: "PENDING", to: "WITHDRAWN", audit: "prisoner.change.withdraw" },
} as const satisfies Record<string, Move<PrisonerChangeState> & { audit: AuditAction }>;

export type ChangeDecision = keyof typeof CHANGE_MOVES;

export const changeLifecycle = defineLifecycle<PrisonerChangeState, typeof CHANGE_MOVES>("profile change", CHANGE_MOVES);

/** The named moves, each with its audit action. */
export const CHANGE_DECISIONS = changeLifecycle.moves;

/** A form's intent read as a decision, or null when it names none. */
export function changeDecisionOf(intent: string): ChangeDecision | null {
  return Object.prototype.hasOwnProperty.call(CHANGE_MOVES, intent) ? (intent as ChangeDecision) : null;
}

/**
 * Where a new change starts: a draft profile changes at once (the change is history, already
 * APPLIED); a published one waits for a moderator (PENDING).
 */
export function initialChangeState(profile: { draft: boolean }): PrisonerChangeState {
  return profile.draft ? "APPLIED" : "PENDING";
}

export interface WorkflowChange {
  state: PrisonerChangeState;
  authorId: string | null;
  baseVersion: number;
}

/** Profiles are shared work: whoever may edit prisoners sees and edits every profile. */
export function mayEditProfiles(actor: Actor): boolean {
  return can(actor, "prisoner:edit");
}

/** A pending change made against an older version would overwrite newer facts: never applied. */
export function isStale(change: WorkflowChange, currentVersion: number): boolean {
  return changeLifecycle.allows("apply", change.state) && change.baseVersion !== currentVersion;
}

export function mayDecide(actor: Actor, change: WorkflowChange, decision: ChangeDecision, currentVersion: number): boolean {
  if (!changeLifecycle.allows(decision, change.state)) return false;
  switch (decision) {
    case "apply":
      return !isStale(change, currentVersion) && can(actor, "prisoner:approve-change", { authorId: change.authorId });
    case "reject":
      return can(actor, "prisoner:approve-change", { authorId: change.authorId });
    case "withdraw":
      return actor.kind === "staff" && change.authorId === actor.id && can(actor, "prisoner:edit");
  }
}

/**
 * Publishing a draft: a moderator who wrote none of it. Every write to a draft is a change
 * with its author (the editor, the translation workspace, the import), so the authors of its
 * changes are its contributors: its creator and everyone who edited or translated it since.
 */
export function mayPublish(actor: Actor, profile: { draft: boolean; creatorId: string | null; contributorIds: readonly (string | null)[] }): boolean {
  return profile.draft && can(actor, "prisoner:approve-change", { authorId: profile.creatorId, contributorIds: profile.contributorIds });
}
