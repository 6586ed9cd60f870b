// The life of an appeal sent through Listy, written down in one place (as WriteToThem does
// for its messages). Anything not listed here is refused.
import type { AppealState, OutboxState } from "@prisma/client";

export type { AppealState };

/** Allowed moves: from → to. */
export const APPEAL_TRANSITIONS: Partial<Record<AppealState, readonly AppealState[]>> = {
  // Waiting for the sender to press Confirm on the page the email links to.
  PENDING_CONFIRMATION: ["CONFIRMED", "CANCELLED", "EXPIRED"],
  // Queued in the outbox; the worker sends it or gives up after 7 days.
  // Cancelling is still possible until the worker has sent it.
  CONFIRMED: ["SENT", "FAILED", "CANCELLED"],
  // Nearly identical to a recent appeal to the same official: never sent on its own; a
  // moderator may release it (→ CONFIRMED) or it expires with the other pending ones.
  HELD_DUPLICATE: ["CONFIRMED", "CANCELLED", "EXPIRED"],
};

/** States in which nothing more happens to the appeal (apart from the follow-up question). */
export const FINAL_APPEAL_STATES: readonly AppealState[] = ["SENT", "FAILED", "EXPIRED", "CANCELLED"];

export function canTransition(from: AppealState, to: AppealState): boolean {
  return APPEAL_TRANSITIONS[from]?.includes(to) ?? false;
}

/** All states from which `to` may be reached, for "update … where state in (…)" guards. */
export function statesLeadingTo(to: AppealState): AppealState[] {
  return (Object.keys(APPEAL_TRANSITIONS) as AppealState[]).filter((from) => canTransition(from, to));
}

export class AppealTransitionError extends Error {
  constructor(
    readonly from: AppealState,
    readonly to: AppealState,
  ) {
    super(`An appeal cannot go from ${from} to ${to}`);
    this.name = "AppealTransitionError";
  }
}

/** An outbox row: QUEUED → SENDING (claimed) → SENT | FAILED, or back to QUEUED for a retry. */
export const OUTBOX_TRANSITIONS: Partial<Record<OutboxState, readonly OutboxState[]>> = {
  QUEUED: ["SENDING", "FAILED"],
  // A row whose worker died stays SENDING until its lease runs out; then it is claimed again.
  SENDING: ["SENT", "QUEUED", "FAILED", "SENDING"],
};

export function canTransitionOutbox(from: OutboxState, to: OutboxState): boolean {
  return OUTBOX_TRANSITIONS[from]?.includes(to) ?? false;
}
