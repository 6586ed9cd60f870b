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
// and the life of the profile itself (PROFILE_MOVES below): DRAFT → PUBLISHED, DRAFT →
// RETURNED (a reviewer who wrote none of it sends it back to its authors with a reason), and
// RETURNED → DRAFT (someone saves it in the editor: back among the drafts to review). A
// returned draft is not published until then.
// Anything not listed is refused. Every move is one guarded UPDATE … WHERE state IN (its from
// states) (or draft = true), so two moderators pressing "apply" at once give one winner.
import type { Prisma, PrisonerChangeState } from "@prisma/client";

import type { AuditAction } from "~/staff/audit.server";
import { can, type Actor } from "~/staff/permissions";
import { defineLifecycle, type Move } from "~/utils/lifecycle";

/** The staff list's filters; "pending" is the review queue, "stale" the statuses to re-check, "returned" drafts sent back to their authors. */
export const PROFILE_FILTERS = ["all", "draft", "returned", "published", "pending", "stale"] as const;
export type ProfileFilter = (typeof PROFILE_FILTERS)[number];

const CHANGE_MOVES = {
  apply: { from: "PENDING", to: "APPLIED", audit: "prisoner.change.apply" },
  reject: { from: "PENDING", to: "REJECTED", audit: "prisoner.change.reject" },
  withdraw: { from: "PENDING", to: "WITHDRAWN", audit: "prisoner.change.withdraw" },
} as const satisfies Record<string, Move<PrisonerChangeState> & { audit: AuditAction }>;

export type ChangeDecision = keyof typeof CHANGE_MOVES;

/** Where a profile stands: a draft to review, a draft returned to its authors, or public. */
export type ProfileState = "DRAFT" | "RETURNED" | "PUBLISHED";

const PROFILE_MOVES = {
  publish: { from: "DRAFT", to: "PUBLISHED", audit: "prisoner.publish" },
  return: { from: "DRAFT", to: "RETURNED", audit: "prisoner.return" },
  // Saving the draft in the editor is the answer to the reason (audited as that edit).
  resubmit: { from: "RETURNED", to: "DRAFT", audit: "prisoner.draft.edit" },
} as const satisfies Record<string, Move<ProfileState> & { audit: AuditAction }>;

export const profileLifecycle = defineLifecycle<ProfileState, typeof PROFILE_MOVES>("profile", PROFILE_MOVES);

/** A profile row's state: `returnedAt` is set only on a draft (a database check says so too). */
export function profileStateOf(profile: { draft: boolean; returnedAt?: Date | string | null }): ProfileState {
  return !profile.draft ? "PUBLISHED" : profile.returnedAt ? "RETURNED" : "DRAFT";
}

/** The rows in any of these states: for guarded UPDATEs and the lists' filters. */
export function profilesIn(states: readonly ProfileState[]): Prisma.PrisonerWhereInput {
  const one = (state: ProfileState): Prisma.PrisonerWhereInput =>
    state === "PUBLISHED" ? { draft: false } : state === "RETURNED" ? { draft: true, NOT: { returnedAt: null } } : { draft: true, returnedAt: null };
  return states.length === 1 ? one(states[0]!) : { OR: states.map(one) };
}

/** The rows a named move may start from, for "UPDATE … WHERE" guards. */
export const profilesReadyFor = (move: keyof typeof PROFILE_MOVES) => profilesIn(profileLifecycle.fromStates(move));

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
export function mayPublish(actor: Actor, profile: ReviewedProfile): boolean {
  return profileLifecycle.allows("publish", profileStateOf(profile)) && can(actor, "prisoner:approve-change", { authorId: profile.creatorId, contributorIds: profile.contributorIds });
}

/** Returning a draft to its authors is a review decision too: the same four eyes as publishing. */
export function mayReturn(actor: Actor, profile: ReviewedProfile): boolean {
  return profileLifecycle.allows("return", profileStateOf(profile)) && can(actor, "prisoner:approve-change", { authorId: profile.creatorId, contributorIds: profile.contributorIds });
}

interface ReviewedProfile {
  draft: boolean;
  returnedAt?: Date | string | null;
  creatorId: string | null;
  contributorIds: readonly (string | null)[];
}
