// The life of a pledge, written down in one place. Anything not listed here is refused.
//
//   PENDING_CONFIRMATION ──confirm──▶ ACTIVE ──fulfil──▶ FULFILLED
//            │                          │ ├──lapse───▶ LAPSED
//            └──expire/withdraw─────────┴─┴─withdraw─▶ WITHDRAWN
//
// Anonymous pledges start ACTIVE (nothing to confirm); pledges with an email address start
// PENDING_CONFIRMATION and count only once confirmed (double opt-in). The table has the
// shape of every lifecycle in Listy (app/utils/lifecycle.ts).
import { defineLifecycle, type Move } from "~/utils/lifecycle";

export const pledgeStates = ["PENDING_CONFIRMATION", "ACTIVE", "FULFILLED", "LAPSED", "WITHDRAWN"] as const;
export type PledgeState = (typeof pledgeStates)[number];

const PLEDGE_MOVES = {
  confirm: { from: "PENDING_CONFIRMATION", to: "ACTIVE" },
  fulfil: { from: "ACTIVE", to: "FULFILLED" },
  lapse: { from: "ACTIVE", to: "LAPSED" },
  // "I am writing again": a lapsed monthly pledge can be renewed.
  renew: { from: "LAPSED", to: "ACTIVE" },
  withdraw: { from: ["PENDING_CONFIRMATION", "ACTIVE"], to: "WITHDRAWN" },
} as const satisfies Record<string, Move<PledgeState>>;

export const pledgeLifecycle = defineLifecycle<PledgeState, typeof PLEDGE_MOVES>("pledge", PLEDGE_MOVES);

/** States in which a pledge counts towards a goal. */
export const COUNTED_STATES: readonly PledgeState[] = ["ACTIVE", "FULFILLED", "LAPSED"];

export function initialPledgeState({ withEmail }: { withEmail: boolean }): PledgeState {
  return withEmail ? "PENDING_CONFIRMATION" : "ACTIVE";
}

export function canTransitionPledge(from: PledgeState, to: PledgeState): boolean {
  return pledgeLifecycle.can(from, to);
}
