// When pledge reminders fall due, and how state changes move the counters.
import { describe, expect, it } from "vitest";

import { counterDelta, counterScopeOf } from "~/pledges/counters.server";
import { pledgeStates } from "~/pledges/pledge-state";
import { nextBirthdayReminderAt, nextMonthlyReminderAt } from "~/pledges/schedule.server";
import { isTokenShaped, pledgeToken } from "~/pledges/tokens.server";

const birth = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("birthday reminders", () => {
  it("fall a week before the birthday, in the Minsk morning", () => {
    expect(nextBirthdayReminderAt(birth("1980-12-20"), new Date("2026-11-23T10:00:00Z"))?.toISOString()).toBe("2026-12-13T06:00:00.000Z");
  });

  it("go at once when the week has begun but the birthday is still two or more days away", () => {
    const now = new Date("2026-12-16T10:00:00Z");
    expect(nextBirthdayReminderAt(birth("1980-12-20"), now)).toEqual(now);
  });

  it("wait for next year when the birthday is tomorrow or today", () => {
    expect(nextBirthdayReminderAt(birth("1980-12-20"), new Date("2026-12-19T10:00:00Z"))?.toISOString()).toBe("2027-12-13T06:00:00.000Z");
    expect(nextBirthdayReminderAt(birth("1980-12-20"), new Date("2026-12-20T10:00:00Z"))?.toISOString()).toBe("2027-12-13T06:00:00.000Z");
  });

  it("use the Minsk date: 23:30 UTC on 12 Dec is already 13 Dec in Minsk", () => {
    // Birthday on 20 Dec; in Minsk it is 13 Dec 02:30, and the reminder moment (06:00 UTC on 13 Dec) is ahead.
    expect(nextBirthdayReminderAt(birth("1980-12-20"), new Date("2026-12-12T23:30:00Z"))?.toISOString()).toBe("2026-12-13T06:00:00.000Z");
  });

  it("cross the new year, and handle 29 February", () => {
    expect(nextBirthdayReminderAt(birth("1990-01-03"), new Date("2026-12-01T00:00:00Z"))?.toISOString()).toBe("2026-12-27T06:00:00.000Z");
    // 2027 is not a leap year: the birthday is kept on 28 February.
    expect(nextBirthdayReminderAt(birth("1988-02-29"), new Date("2027-01-10T00:00:00Z"))?.toISOString()).toBe("2027-02-21T06:00:00.000Z");
  });

  it("never fall without a birth date", () => {
    expect(nextBirthdayReminderAt(null, new Date())).toBeNull();
  });
});

describe("monthly reminders", () => {
  it("come 30 days apart", () => {
    expect(nextMonthlyReminderAt(new Date("2026-11-23T10:00:00Z")).toISOString()).toBe("2026-12-23T10:00:00.000Z");
  });
});

describe("counters", () => {
  it("move by one when a pledge starts or stops counting, and by nothing otherwise", () => {
    expect(counterDelta(null, "ACTIVE")).toBe(1);
    expect(counterDelta(null, "PENDING_CONFIRMATION")).toBe(0);
    expect(counterDelta("PENDING_CONFIRMATION", "ACTIVE")).toBe(1);
    expect(counterDelta("ACTIVE", "WITHDRAWN")).toBe(-1);
    expect(counterDelta("ACTIVE", "FULFILLED")).toBe(0);
    expect(counterDelta("ACTIVE", "LAPSED")).toBe(0);
    expect(counterDelta("LAPSED", "ACTIVE")).toBe(0);
    expect(counterDelta("PENDING_CONFIRMATION", "WITHDRAWN")).toBe(0);
    for (const from of pledgeStates) for (const to of pledgeStates) expect(Math.abs(counterDelta(from, to))).toBeLessThanOrEqual(1);
  });

  it("count prisoner pledges for the prisoner and campaign pledges for the campaign", () => {
    expect(counterScopeOf({ kind: "BIRTHDAY_CARD", prisonerId: "p", campaignId: null })).toEqual({ scope: "prisoner", scopeId: "p" });
    expect(counterScopeOf({ kind: "EVENT", prisonerId: null, campaignId: "c" })).toEqual({ scope: "campaign", scopeId: "c" });
  });
});

describe("pledge tokens", () => {
  it("are link-shaped, differ by purpose and pledge, and depend on the key", () => {
    const confirm = pledgeToken("p1", "confirm", "k".repeat(32));
    expect(isTokenShaped(confirm)).toBe(true);
    expect(pledgeToken("p1", "manage", "k".repeat(32))).not.toBe(confirm);
    expect(pledgeToken("p2", "confirm", "k".repeat(32))).not.toBe(confirm);
    expect(pledgeToken("p1", "confirm", "j".repeat(32))).not.toBe(confirm);
  });
});
