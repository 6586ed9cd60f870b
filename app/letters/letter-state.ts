// The life of a stored letter, written down in one place (as WriteToThem does for its
// messages), in the shape of app/utils/lifecycle.ts. Anything not listed here is refused.
import type { LetterRoute, LetterState } from "@prisma/client";

import { defineLifecycle, type Move } from "~/utils/lifecycle";

/** Where each route starts. */
export const INITIAL_STATE: Record<LetterRoute, LetterState> = {
  MAILROOM: "QUEUED",
  LETTER_BANK: "BANKED",
};

// The mailroom: the organisation reviews, prints and posts; a moderator may reject (e.g. a
// risky text). A printed letter can go back to the queue (a misprint).
const MAILROOM_MOVES = {
  print: { from: "QUEUED", to: "PRINTED" },
  post: { from: "PRINTED", to: "POSTED" },
  requeue: { from: "PRINTED", to: "QUEUED" },
  reject: { from: "QUEUED", to: "REJECTED" },
} as const satisfies Record<string, Move<LetterState>>;

// The letter bank: kept until the person is released, then handed over; a person who can
// receive letters again moves the letter to the mailroom queue instead.
const LETTER_BANK_MOVES = {
  ...MAILROOM_MOVES,
  "hand-over": { from: "BANKED", to: "HANDED_OVER" },
  "move-to-queue": { from: "BANKED", to: "QUEUED" },
  reject: { from: ["QUEUED", "BANKED"], to: "REJECTED" },
} as const satisfies Record<string, Move<LetterState>>;

export type LetterMove = keyof typeof LETTER_BANK_MOVES;
type LetterMoves = Partial<Record<LetterMove, Move<LetterState>>>;

/** The lifecycle of a letter on each route. */
export const LETTER_LIFECYCLES = {
  MAILROOM: defineLifecycle<LetterState, LetterMoves>("letter (mailroom)", MAILROOM_MOVES, (from, to) => new LetterTransitionError("MAILROOM", from, to)),
  LETTER_BANK: defineLifecycle<LetterState, LetterMoves>("letter (letter bank)", LETTER_BANK_MOVES, (from, to) => new LetterTransitionError("LETTER_BANK", from, to)),
} satisfies Record<LetterRoute, unknown>;

/** Allowed moves by state: from → to, per route. */
export const LETTER_TRANSITIONS: Record<LetterRoute, Partial<Record<LetterState, readonly LetterState[]>>> = {
  MAILROOM: LETTER_LIFECYCLES.MAILROOM.byState,
  LETTER_BANK: LETTER_LIFECYCLES.LETTER_BANK.byState,
};

/** States after which the text has done its job and is erased once the retention ends. */
export const FINAL_STATES: readonly LetterState[] = ["POSTED", "HANDED_OVER", "REJECTED"];

/** Where a named move leads; the same on every route that has it (the letter bank's table holds every move). */
export function letterMoveTarget(move: LetterMove): LetterState {
  return LETTER_BANK_MOVES[move].to;
}

/** The states a named move may start from on some route. */
export function letterMoveStarts(move: LetterMove): LetterState[] {
  return [...new Set(Object.values(LETTER_LIFECYCLES).flatMap((lifecycle) => lifecycle.fromStates(move)))];
}

export function canTransition(route: LetterRoute, from: LetterState, to: LetterState): boolean {
  return LETTER_LIFECYCLES[route].can(from, to);
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
