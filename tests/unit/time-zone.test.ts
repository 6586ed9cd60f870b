// Local wall-clock time in a named zone ↔ UTC (app/utils/time-zone.ts), checked against Intl's
// own reading of the result: summer and winter offsets, the night the clocks change, and dates
// that do not exist.
import { describe, expect, it } from "vitest";

import { utcToZoned, zonedToUtc } from "~/utils/time-zone";

const wallClock = (instant: Date, zone: string) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);

describe("zoned times", () => {
  it("turns a local time into the instant that reads as that time in the zone, summer and winter", () => {
    for (const [date, time, zone] of [
      ["2027-07-10", "18:30", "Europe/Vilnius"],
      ["2027-01-10", "18:30", "Europe/Vilnius"],
      ["2027-03-28", "12:00", "Europe/Warsaw"],
      ["2027-10-31", "23:45", "Europe/Kyiv"],
      ["2027-06-01", "00:05", "America/New_York"],
      ["2027-06-01", "09:00", "UTC"],
    ] as const) {
      const instant = zonedToUtc(date, time, zone);
      expect(instant, `${date} ${time} ${zone}`).not.toBeNull();
      expect(wallClock(instant!, zone)).toBe(`${date} ${time}`);
      expect(utcToZoned(instant!, zone)).toEqual({ date, time });
    }
  });

  it("moves a time skipped by the clock change forward, and refuses dates and times that do not exist", () => {
    // Warsaw skips 02:00–03:00 on 28 March 2027.
    const skipped = zonedToUtc("2027-03-28", "02:30", "Europe/Warsaw");
    expect(wallClock(skipped!, "Europe/Warsaw")).toBe("2027-03-28 03:30");
    expect(zonedToUtc("2027-02-29", "10:00", "Europe/Vilnius")).toBeNull();
    expect(zonedToUtc("2027-13-01", "10:00", "Europe/Vilnius")).toBeNull();
    expect(zonedToUtc("2027-01-01", "24:00", "Europe/Vilnius")).toBeNull();
    expect(zonedToUtc("1 May", "10:00", "Europe/Vilnius")).toBeNull();
  });
});
