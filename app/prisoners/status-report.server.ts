// Reads a prisoner's status reports: every reader that shows or acts on a status spreads
// STATUS_REPORT_SELECT into its Prisma select and turns the row into views here.
import type { DatePrecision, LetterStatus, PrisonerStatus } from "@prisma/client";

import type { Language } from "~/i18n";
import { formatDate } from "~/utils/format";

import { letterStatusToActOn, statusReportView, type StatusReport, type StatusReportView } from "./status-report";
import { statusStaleAfterDays } from "./status-settings.server";

const SOURCE_SELECT = { select: { publication: true, title: true, url: true } } as const;

export const STATUS_REPORT_SELECT = {
  status: true,
  letterStatus: true,
  statusSource: SOURCE_SELECT,
  statusReportedOn: true,
  statusReportedPrecision: true,
  letterStatusSource: SOURCE_SELECT,
  letterStatusReportedOn: true,
  letterStatusReportedPrecision: true,
} as const;

type ReportedSourceRow = { publication: string; title: string | null; url: string | null } | null;

export interface StatusReportRow {
  status: PrisonerStatus;
  letterStatus: LetterStatus;
  statusSource: ReportedSourceRow;
  statusReportedOn: Date | null;
  statusReportedPrecision: DatePrecision | null;
  letterStatusSource: ReportedSourceRow;
  letterStatusReportedOn: Date | null;
  letterStatusReportedPrecision: DatePrecision | null;
}

export interface StatusReports {
  status: PrisonerStatus;
  statusReport: StatusReportView;
  /** The letter status as reported (shown with its report). */
  letterStatus: LetterStatus;
  letterStatusReport: StatusReportView;
  /** What letters act on: the reported letter status while fresh, else UNKNOWN (see status-report.ts). */
  letterStatusToActOn: LetterStatus;
}

function toReport(
  source: ReportedSourceRow,
  reportedOn: Date | null,
  precision: DatePrecision | null,
  language: Language,
): StatusReport | null {
  if (!source || !reportedOn) return null;
  const isoDate = reportedOn.toISOString().slice(0, 10);
  return {
    // Only http(s) links are ever rendered as links.
    source: { ...source, url: source.url && /^https?:\/\//.test(source.url) ? source.url : null },
    reportedOn: isoDate,
    precision: precision ?? "DAY",
    displayDate: formatDate(isoDate, precision ?? "DAY", language),
  };
}

export function toStatusReports(row: StatusReportRow, language: Language, now: Date = new Date()): StatusReports {
  const maxAgeDays = statusStaleAfterDays();
  const statusReport = statusReportView(
    toReport(row.statusSource, row.statusReportedOn, row.statusReportedPrecision, language),
    row.status,
    now,
    maxAgeDays,
  );
  const letterStatusReport = statusReportView(
    toReport(row.letterStatusSource, row.letterStatusReportedOn, row.letterStatusReportedPrecision, language),
    row.status,
    now,
    maxAgeDays,
  );
  return {
    status: row.status,
    statusReport,
    letterStatus: row.letterStatus,
    letterStatusReport,
    letterStatusToActOn: letterStatusToActOn(row.letterStatus, letterStatusReport.freshness),
  };
}
