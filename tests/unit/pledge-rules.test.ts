import { describe, expect, it } from "vitest";

import { goalProgress, nextRoundGoal } from "~/pledges/goal-steps";
import { canTransitionPledge, initialPledgeState, pledgeStates } from "~/pledges/pledge-state";

describe("goal steps", () => {
  it("walks the 1 – 2.5 – 5 series", () => {
    expect([100, 250, 500, 1000, 2500].map(nextRoundGoal)).toEqual([250, 500, 1000, 2500, 5000]);
    expect(nextRoundGoal(120)).toBe(250);
    expect(nextRoundGoal(7)).toBe(10);
    expect(nextRoundGoal(0)).toBe(1);
    expect(nextRoundGoal(Number.NaN)).toBe(1);
  });

  it("steps the goal up once it is reached and never shows more than 100 %", () => {
    expect(goalProgress(0, 100)).toEqual({ goal: 100, reached: [], percent: 0 });
    expect(goalProgress(99, 100)).toEqual({ goal: 100, reached: [], percent: 99 });
    expect(goalProgress(100, 100)).toEqual({ goal: 250, reached: [100], percent: 40 });
    expect(goalProgress(600, 100)).toEqual({ goal: 1000, reached: [100, 250, 500], percent: 60 });
    expect(goalProgress(1200, 1000)).toEqual({ goal: 2500, reached: [1000], percent: 48 });
    // A goal that is not a round number steps to the next round one.
    expect(goalProgress(130, 120)).toEqual({ goal: 250, reached: [120], percent: 52 });
    expect(goalProgress(-5, 0).goal).toBe(1);
  });
});

describe("pledge state machine", () => {
  it("starts anonymous pledges active and email pledges awaiting confirmation", () => {
    expect(initialPledgeState({ withEmail: false })).toBe("ACTIVE");
    expect(initialPledgeState({ withEmail: true })).toBe("PENDING_CONFIRMATION");
  });

  it("allows exactly the listed moves", () => {
    const allowed = pledgeStates.flatMap((from) => pledgeStates.filter((to) => canTransitionPledge(from, to)).map((to) => `${from}→${to}`));
    // Written out by hand: a change to the machine must change this list too.
    expect(allowed.sort()).toEqual(
      [
        "ACTIVE→FULFILLED",
        "ACTIVE→LAPSED",
        "ACTIVE→WITHDRAWN",
        "LAPSED→ACTIVE",
        "PENDING_CONFIRMATION→ACTIVE",
        "PENDING_CONFIRMATION→WITHDRAWN",
      ].sort(),
    );
    expect(canTransitionPledge("WITHDRAWN", "ACTIVE")).toBe(false);
    expect(canTransitionPledge("FULFILLED", "WITHDRAWN")).toBe(false);
    expect(canTransitionPledge("PENDING_CONFIRMATION", "FULFILLED")).toBe(false);
  });
});
