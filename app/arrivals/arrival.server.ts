// Reads and writes of arrival reports. A report is stored only as +1 on a count per facility,
// posting month, outcome and reporting month (see ArrivalReportCount in the schema): there is
// no row per report, no prisoner, no address and no time finer than a month, so no report can
// be tied to a person or told apart from another about the same facility.
import type { ArrivalOutcome, Prisma } from "@prisma/client";

import type { Language } from "~/i18n";
import { cachedUntilContentChanges } from "~/utils/content-revision.server";
import { getPrisma } from "~/utils/database.server";
import { parseEnv } from "~/utils/env.server";
import { localizedField } from "~/utils/localized";

import type { ArrivalOutcomeChoice, ParsedArrival } from "./arrival-form";

const DAY_MS = 86_400_000;
/** The reply rate covers letters posted this month and the five before. */
export const RATE_MONTHS = 6;

const OUTCOMES: Record<ArrivalOutcomeChoice, ArrivalOutcome> = { replied: "REPLIED", returned: "RETURNED", "no-answer": "NO_ANSWER" };

let minimum: number | undefined;
/** ARRIVAL_REPORTS_MIN, read once: below it a facility's figures are shown to nobody. */
export function arrivalReportsMinimum(): number {
  minimum ??= parseEnv().ARRIVAL_REPORTS_MIN;
  return minimum;
}

let monthlyCap: number | undefined;
function reportsPerFacilityMonth(): number {
  monthlyCap ??= parseEnv().ARRIVAL_REPORTS_MAX_PER_FACILITY_MONTH;
  return monthlyCap;
}

let keepMonths: number | undefined;
function arrivalCountsKeptMonths(): number {
  keepMonths ??= parseEnv().ARRIVAL_REPORTS_KEEP_MONTHS;
  return keepMonths;
}

const monthStart = (date: Date, back = 0) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - back, 1));
const utcDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));

/** The first month the reply rate covers (YYYY-MM-01). */
export function rateWindowStart(now: Date): string {
  return monthStart(now, RATE_MONTHS - 1).toISOString().slice(0, 10);
}

export interface ReportFacility {
  id: string;
  /** The designation the post knows («ИК-3»), else the facility's name in this language. */
  label: string;
}

type FacilityRow = { id: string; designation: string | null; slug: string; translations: { locale: string; name: string }[] };
const FACILITY_SELECT = { id: true, designation: true, slug: true, translations: { select: { locale: true, name: true } } } as const;

function facilityLabel(row: FacilityRow, language: Language): string {
  return row.designation?.trim() || localizedField(row.translations, language, "name")?.text || row.slug;
}

/** The approved facility of a public profile, which a report about that prisoner counts for; null when none. */
export const findReportFacility = cachedUntilContentChanges(readReportFacility, { countersShown: false });

async function readReportFacility(prisonerSlug: string, language: Language): Promise<ReportFacility | null> {
  const row = await getPrisma().prisoner.findFirst({
    where: { slug: prisonerSlug, draft: false },
    select: { facility: { select: { ...FACILITY_SELECT, reviewState: true } } },
  });
  const facility = row?.facility;
  if (!facility || facility.reviewState !== "APPROVED") return null;
  return { id: facility.id, label: facilityLabel(facility, language) };
}

export type RecordOutcome = "counted" | "ticket-used";

/**
 * Adds one report, once per form ticket: the ticket's use (a hash and the day) is written in
 * the same transaction, and a second report with the same ticket adds nothing.
 */
export async function recordArrivalReport(
  input: { facilityId: string; report: ParsedArrival; ticket: { key: string; day: string } },
  now: Date = new Date(),
): Promise<RecordOutcome> {
  const prisma = getPrisma();
  const reportedMonth = monthStart(now);
  const postedMonth = new Date(`${input.report.posted}-01T00:00:00.000Z`);
  const outcome = OUTCOMES[input.report.outcome];
  return prisma.$transaction(async (tx) => {
    // Ticket uses matter only while a ticket is valid (the day it was issued and the next).
    await tx.arrivalTicketUse.deleteMany({ where: { day: { lt: new Date(utcDay(now).getTime() - DAY_MS) } } });
    const used = await tx.arrivalTicketUse.createMany({ data: [{ key: input.ticket.key, day: new Date(`${input.ticket.day}T00:00:00.000Z`) }], skipDuplicates: true });
    if (used.count === 0) return "ticket-used";
    // Past the month's cap a report is thanked for as usual but not counted: a loop of fresh
    // forms can skew a facility's figure only so far, and learns nothing from the answer.
    const counted = await tx.arrivalReportCount.aggregate({ where: { facilityId: input.facilityId, reportedMonth }, _sum: { reports: true } });
    if ((counted._sum.reports ?? 0) >= reportsPerFacilityMonth()) return "counted";
    const key: Prisma.ArrivalReportCountFacilityIdPostedMonthOutcomeWeeksWithoutAnswerReportedMonthCompoundUniqueInput = {
      facilityId: input.facilityId,
      postedMonth,
      outcome,
      weeksWithoutAnswer: input.report.weeks,
      reportedMonth,
    };
    await tx.arrivalReportCount.upsert({
      where: { facilityId_postedMonth_outcome_weeksWithoutAnswer_reportedMonth: key },
      create: { ...key, reports: 1 },
      update: { reports: { increment: 1 } },
    });
    return "counted";
  });
}

export interface FacilityReplyRate {
  facilityId: string;
  label: string;
  /** Reports about letters posted in the window, every outcome. */
  reports: number;
  replied: number;
  returned: number;
  noAnswer: number;
}

/**
 * Per facility, the reports about letters posted in the last RATE_MONTHS months, only for
 * facilities with at least ARRIVAL_REPORTS_MIN of them: the same rule for the public and for
 * staff, so no one sees a figure a single report could be read from.
 * Only reports made before this month count, so a figure changes once a month, all of a
 * month's reports at once: watching it cannot tell when one report was made, or which.
 */
export function listFacilityReplyRates(language: Language, now: Date = new Date()): Promise<FacilityReplyRate[]> {
  return cachedReplyRates(language, rateWindowStart(now), monthStart(now).toISOString().slice(0, 10));
}

const cachedReplyRates = cachedUntilContentChanges(readFacilityReplyRates, { maxEntries: 50, countersShown: false });

async function readFacilityReplyRates(language: Language, windowStart: string, reportedBefore: string): Promise<FacilityReplyRate[]> {
  const prisma = getPrisma();
  const minimumReports = arrivalReportsMinimum();
  const grouped = await prisma.arrivalReportCount.groupBy({
    by: ["facilityId", "outcome"],
    where: { postedMonth: { gte: new Date(`${windowStart}T00:00:00.000Z`) }, reportedMonth: { lt: new Date(`${reportedBefore}T00:00:00.000Z`) } },
    _sum: { reports: true },
  });
  const byFacility = new Map<string, { replied: number; returned: number; noAnswer: number }>();
  for (const row of grouped) {
    const entry = byFacility.get(row.facilityId) ?? { replied: 0, returned: 0, noAnswer: 0 };
    const count = row._sum.reports ?? 0;
    if (row.outcome === "REPLIED") entry.replied += count;
    else if (row.outcome === "RETURNED") entry.returned += count;
    else entry.noAnswer += count;
    byFacility.set(row.facilityId, entry);
  }
  const shown = [...byFacility].filter(([, entry]) => entry.replied + entry.returned + entry.noAnswer >= minimumReports);
  if (shown.length === 0) return [];
  const facilities = await prisma.facility.findMany({
    where: { id: { in: shown.map(([id]) => id) }, reviewState: "APPROVED" },
    select: FACILITY_SELECT,
  });
  const labels = new Map(facilities.map((row) => [row.id, facilityLabel(row, language)]));
  const collator = new Intl.Collator(language);
  return shown
    .filter(([id]) => labels.has(id))
    .map(([facilityId, entry]) => ({ facilityId, label: labels.get(facilityId)!, reports: entry.replied + entry.returned + entry.noAnswer, ...entry }))
    .sort((a, b) => b.reports - a.reports || collator.compare(a.label, b.label));
}

/** The reply rate of one facility, or null below the minimum. */
export async function findFacilityReplyRate(facilityId: string, language: Language, now: Date = new Date()): Promise<FacilityReplyRate | null> {
  const rates = await listFacilityReplyRates(language, now);
  return rates.find((rate) => rate.facilityId === facilityId) ?? null;
}

/** The facility of each public profile named (by id), for the dashboard's per-prisoner figures. */
export async function facilityIdsOfPrisoners(prisonerIds: string[]): Promise<Map<string, string>> {
  if (prisonerIds.length === 0) return new Map();
  const rows = await getPrisma().prisoner.findMany({ where: { id: { in: prisonerIds } }, select: { id: true, facilityId: true } });
  return new Map(rows.filter((row) => row.facilityId).map((row) => [row.id, row.facilityId!]));
}

/**
 * Retention (ARRIVAL_REPORTS_KEEP_MONTHS): counts about letters posted before the kept months
 * are deleted; the reply rate reads only the last RATE_MONTHS. Returns how many rows went.
 */
export async function purgeOldArrivalCounts(now: Date = new Date()): Promise<number> {
  const { count } = await getPrisma().arrivalReportCount.deleteMany({ where: { postedMonth: { lt: monthStart(now, arrivalCountsKeptMonths() - 1) } } });
  return count;
}
