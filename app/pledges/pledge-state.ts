// The life of a pledge, written down in one place. Anything not listed here is refused.
//
//   PENDING_CONFIRMATION ──confirm──▶ ACTIVE ──fulfil──▶ FULFILLED
//            │                          │ ├──lapse───▶ LAPSED
//            └──expire/withdraw─────────┴─┴─withdraw─▶ WITHDRAWN
//
// Anonymous pledges start ACTIVE (nothing to confirm); pledges with an email address start
// PENDING_CONFIRMATION and count only once confirmed (double opt-in).

export const pledgeStates = ["PENDING_CONFIRMATION", "ACTIVE", "FULFILLED", "LAPSED", "WITHDRAWN"] as const;
export type PledgeState = (typeof pledgeStates)[number];

export const PLEDGE_TRANSITIONS: Record<PledgeState, readonly PledgeState[]> = {
  PENDING_CONFIRMATION: ["ACTIVE", "WITHDRAWN"],
  ACTIVE: ["FULFILLED", "LAPSED", "WITHDRAWN"],
  FULFILLED: [],
  LAPSED: ["ACTIVE"], // "I am writing again": a lapsed monthly pledge can be renewed
  WITHDRAWN: [],
};

/** States in which a pledge counts towards a goal. */
export const COUNTED_STATES: readonly PledgeState[] = ["ACTIVE", "FULFILLED", "LAPSED"];

export function initialPledgeState({ withEmail }: { withEmail: boolean }): PledgeState {
  return withEmail ? "PENDING_CONFIRMATION" : "ACTIVE";
}

export function canTransitionPledge(from: PledgeState, to: PledgeState): boolean {
  return PLEDGE_TRANSITIONS[from].includes(to);
}

export class PledgeTransitionError extends Error {
  constructor(
    readonly from: PledgeState,
    readonly to: PledgeState,
  ) {
    super(`A pledge cannot go from ${from} to ${to}`);
    this.name = "PledgeTransitionError";
  }
}
