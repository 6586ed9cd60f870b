// The life of a stored letter, written down in one place (as WriteToThem does for its
// messages). Anything not listed here is refused.
import type { LetterRoute, LetterState } from "@prisma/client";

/** Where each route starts. */
export const INITIAL_STATE: Record<LetterRoute, LetterState> = {
  MAILROOM: "QUEUED",
  LETTER_BANK: "BANKED",
};

/** Allowed moves: from → to. */
export const LETTER_TRANSITIONS: Record<LetterRoute, Partial<Record<LetterState, readonly LetterState[]>>> = {
  // The organisation reviews, prints and posts; a moderator may reject (e.g. a risky text).
  MAILROOM: {
    QUEUED: ["PRINTED", "REJECTED"],
    PRINTED: ["POSTED", "QUEUED"],
  },
  // Kept until the person is released, then handed over; a person who can receive letters
  // again moves the letter to the mailroom queue instead.
  LETTER_BANK: {
    BANKED: ["HANDED_OVER", "QUEUED", "REJECTED"],
    QUEUED: ["PRINTED", "REJECTED"],
    PRINTED: ["POSTED", "QUEUED"],
  },
};

/** States after which the text has done its job and is erased once the retention ends. */
export const FINAL_STATES: readonly LetterState[] = ["POSTED", "HANDED_OVER", "REJECTED"];

export function canTransition(route: LetterRoute, from: LetterState, to: LetterState): boolean {
  return LETTER_TRANSITIONS[route][from]?.includes(to) ?? false;
}

export class LetterTransitionError extends Error {
  constructor(
    readonly route: LetterRoute,
    readonly from: LetterState,
    readonly to: LetterState,
  ) {
    super(`A ${route} letter cannot go from ${from} to ${to}`);
    this.name = "LetterTransitionError";
  }
}
