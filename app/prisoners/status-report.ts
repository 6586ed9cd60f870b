// A status is a reported fact: which report said it, and when. How old a report may be before
// the site stops treating it as true now is a setting (STATUS_STALE_AFTER_DAYS). Browser-safe:
// the views and the appeal wording share these rules.
import type { LetterStatus, PrisonerStatus } from "@prisma/client";

import type { Precision } from "~/utils/format";

/** The statuses in which a person may still get a letter; anyone else is never "needing letters". */
export const HELD_STATUSES: ReadonlySet<PrisonerStatus> = new Set<PrisonerStatus>(["IN_CUSTODY", "INCOMMUNICADO"]);

/**
 * fresh: reported within the allowed age, so it may be stated ("as reported by …").
 * stale: too old to act on ("last reported …"); it routes no letter and no appeal states it.
 * unreported: no dated source at all; shown as such, treated like stale.
 */
export type Freshness = "fresh" | "stale" | "unreported";

export interface ReportedSource {
  publication: string;
  title: string | null;
  url: string | null;
}

/** A status as one report gave it. `reportedOn` is an ISO date at `precision`. */
export interface StatusReport {
  source: ReportedSource;
  reportedOn: string;
  precision: Precision;
  /** The date in the page's language, formatted on the server (see utils/format.ts). */
  displayDate: string;
}

export interface StatusReportView {
  freshness: Freshness;
  report: StatusReport | null;
}

const DAY_MS = 86_400_000;

/**
 * Whether a report is recent enough to state as true now. The age is counted from the start
 * of the reported period ("September 2025" counts from 1 September): the cautious reading.
 * A death in custody is final and never goes stale.
 */
export function freshnessOf(
  report: StatusReport | null,
  status: PrisonerStatus,
  now: Date,
  maxAgeDays: number,
): Freshness {
  if (!report) return "unreported";
  if (status === "DIED_IN_CUSTODY") return "fresh";
  const start = Date.parse(`${periodStart(report.reportedOn, report.precision)}T00:00:00.000Z`);
  if (!Number.isFinite(start)) return "unreported";
  // Whole calendar days (UTC): a report is as fresh all day long.
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return today - start <= maxAgeDays * DAY_MS ? "fresh" : "stale";
}

function periodStart(isoDate: string, precision: Precision): string {
  if (precision === "YEAR") return `${isoDate.slice(0, 4)}-01-01`;
  if (precision === "MONTH") return `${isoDate.slice(0, 7)}-01`;
  return isoDate.slice(0, 10);
}

// A letter status only decides where a letter goes while its report is fresh. An old
// "can receive" must not send a letter to a prison the person may have left; an old
// "incommunicado" must not keep letters from someone who may receive them now.
const NEEDS_FRESH_REPORT: ReadonlySet<LetterStatus> = new Set(["CAN_RECEIVE", "RELATIVES_ONLY", "INCOMMUNICADO"]);

/**
 * The letter status the site acts on: the reported one while fresh, otherwise "unknown:
 * check before you post". NOT_APPLICABLE (released, in exile, died) stays: there is no
 * prison to post to, however old the report.
 */
export function letterStatusToActOn(letterStatus: LetterStatus, freshness: Freshness): LetterStatus {
  return freshness !== "fresh" && NEEDS_FRESH_REPORT.has(letterStatus) ? "UNKNOWN" : letterStatus;
}

export function statusReportView(
  report: StatusReport | null,
  status: PrisonerStatus,
  now: Date,
  maxAgeDays: number,
): StatusReportView {
  return { freshness: freshnessOf(report, status, now, maxAgeDays), report };
}
