// The life of an appeal sent through Listy, written down in one place (as WriteToThem does
// for its messages), in the shape of app/utils/lifecycle.ts. Anything not listed is refused.
import type { AppealState } from "@prisma/client";

import { defineLifecycle, type Move } from "~/utils/lifecycle";

export type { AppealState };

const APPEAL_MOVES = {
  // Waiting for the sender to press Confirm on the page the email links to.
  confirm: { from: "PENDING_CONFIRMATION", to: "CONFIRMED" },
  // Nearly identical to a recent appeal to the same official: never sent on its own; a
  // moderator may release it, or it expires with the other pending ones.
  release: { from: "HELD_DUPLICATE", to: "CONFIRMED" },
  expire: { from: ["PENDING_CONFIRMATION", "HELD_DUPLICATE"], to: "EXPIRED" },
  // Cancelling is possible until the worker has sent it.
  cancel: { from: ["PENDING_CONFIRMATION", "CONFIRMED", "HELD_DUPLICATE"], to: "CANCELLED" },
  // Queued in the outbox; the worker sends it or gives up after 7 days.
  send: { from: "CONFIRMED", to: "SENT" },
  fail: { from: "CONFIRMED", to: "FAILED" },
} as const satisfies Record<string, Move<AppealState>>;

export const appealLifecycle = defineLifecycle<AppealState, typeof APPEAL_MOVES>("appeal", APPEAL_MOVES);

/** Allowed moves by state: from → to. */
export const APPEAL_TRANSITIONS = appealLifecycle.byState;

/** States in which nothing more happens to the appeal (apart from the follow-up question). */
export const FINAL_APPEAL_STATES: readonly AppealState[] = ["SENT", "FAILED", "EXPIRED", "CANCELLED"];

export const canTransition = (from: AppealState, to: AppealState): boolean => appealLifecycle.can(from, to);

/** All states from which `to` may be reached, for "update … where state in (…)" guards. */
export const statesLeadingTo = (to: AppealState): AppealState[] => appealLifecycle.statesLeadingTo(to);
