import { describe, expect, it } from "vitest";

import { freshnessOf, letterStatusToActOn, type StatusReport } from "~/prisoners/status-report";

const now = new Date("2026-12-07T12:00:00Z");
const report = (reportedOn: string, precision: StatusReport["precision"] = "DAY"): StatusReport => ({
  source: { publication: "Viasna", title: null, url: null },
  reportedOn,
  precision,
  displayDate: reportedOn,
});

describe("status freshness", () => {
  it("is fresh up to the allowed age and stale the day after", () => {
    expect(freshnessOf(report("2026-06-07"), "IN_CUSTODY", now, 183)).toBe("fresh");
    expect(freshnessOf(report("2026-06-06"), "IN_CUSTODY", now, 183)).toBe("stale");
    expect(freshnessOf(report("2026-12-07"), "INCOMMUNICADO", now, 1)).toBe("fresh");
    expect(freshnessOf(report("2026-12-05"), "INCOMMUNICADO", now, 1)).toBe("stale");
  });

  it("counts a month or a year from its start, the cautious reading", () => {
    // "June 2026" may mean 1 June: 189 days back, older than 183.
    expect(freshnessOf(report("2026-06-30", "MONTH"), "IN_CUSTODY", now, 183)).toBe("stale");
    expect(freshnessOf(report("2026-07-01", "MONTH"), "IN_CUSTODY", now, 183)).toBe("fresh");
    expect(freshnessOf(report("2026-12-01", "YEAR"), "IN_CUSTODY", now, 183)).toBe("stale");
    expect(freshnessOf(report("2026-01-01", "YEAR"), "IN_CUSTODY", now, 400)).toBe("fresh");
  });

  it("calls a status without a dated source unreported, and a death in custody never stale", () => {
    expect(freshnessOf(null, "IN_CUSTODY", now, 183)).toBe("unreported");
    expect(freshnessOf(null, "DIED_IN_CUSTODY", now, 183)).toBe("unreported");
    expect(freshnessOf(report("2023-08-01", "MONTH"), "DIED_IN_CUSTODY", now, 183)).toBe("fresh");
    expect(freshnessOf(report("not a date"), "IN_CUSTODY", now, 183)).toBe("unreported");
  });

  it("acts on a letter status only while it is fresh; no prison to post to stays so", () => {
    for (const letterStatus of ["CAN_RECEIVE", "RELATIVES_ONLY", "INCOMMUNICADO"] as const) {
      expect(letterStatusToActOn(letterStatus, "fresh")).toBe(letterStatus);
      expect(letterStatusToActOn(letterStatus, "stale")).toBe("UNKNOWN");
      expect(letterStatusToActOn(letterStatus, "unreported")).toBe("UNKNOWN");
    }
    expect(letterStatusToActOn("NOT_APPLICABLE", "stale")).toBe("NOT_APPLICABLE");
    expect(letterStatusToActOn("UNKNOWN", "fresh")).toBe("UNKNOWN");
  });
});
