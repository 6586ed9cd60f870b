// "Write to someone who needs it": spreads letters across prisoners by real signals, as the
// volunteer letter services do, so that nobody is forgotten. The page says why this person.
import type { LetterStatus } from "@prisma/client";

import type { Language } from "~/i18n";
import { daysUntilBirthday, minskToday } from "~/prisoners/directory.server";
import { toNames, type PrisonerNames } from "~/prisoners/person-name";
import { countRecentLetters } from "~/prisoners/recent-letters.server";
import type { StatusReportView } from "~/prisoners/status-report";
import { STATUS_REPORT_SELECT, toStatusReports } from "~/prisoners/status-report.server";
import { getPrisma } from "~/utils/database.server";

/** A birthday this close gets a card first. */
export const BIRTHDAY_SOON_DAYS = 14;

export type PickReason =
  | { kind: "can-receive" }
  | { kind: "status-unknown" }
  /** A report said something about letters, but it is too old (or undated) to act on. */
  | { kind: "status-stale" }
  | { kind: "letter-bank" }
  | { kind: "birthday-soon"; birthDate: string; daysUntil: number }
  | { kind: "letters-last-30-days"; count: number };

export interface LetterPick {
  slug: string;
  names: PrisonerNames;
  reasons: PickReason[];
  /** The letter status as last reported, and its report: the page names the source and date. */
  letterStatus: LetterStatus;
  letterStatusReport: StatusReportView;
}

/**
 * Whether a letter can arrive decides first; a letter that arrives now helps most. Ranked by
 * the letter status the site acts on: a stale "can receive" is no better than "unknown".
 */
const TIER: Partial<Record<LetterStatus, number>> = { CAN_RECEIVE: 0, UNKNOWN: 1, RELATIVES_ONLY: 2, INCOMMUNICADO: 2 };

export interface PickOptions {
  now?: Date;
  /** Slugs already shown ("someone else, please"). */
  skip?: readonly string[];
  random?: () => number;
}

export async function pickPrisonerToWrite(language: Language, { now = new Date(), skip = [], random = Math.random }: PickOptions = {}): Promise<LetterPick | null> {
  const rows = await getPrisma().prisoner.findMany({
    where: { draft: false, status: { in: ["IN_CUSTODY", "INCOMMUNICADO"] }, letterStatus: { not: "NOT_APPLICABLE" } },
    select: { id: true, slug: true, birthDate: true, names: true, ...STATUS_REPORT_SELECT },
  });
  const skipped = new Set(skip);
  // When everyone has been skipped, start again rather than show nothing.
  const candidates = rows.filter((row) => !skipped.has(row.slug)).length > 0 ? rows.filter((row) => !skipped.has(row.slug)) : rows;
  if (candidates.length === 0) return null;

  const today = minskToday(now);
  const letters = await countRecentLetters(candidates.map((row) => row.id), today);
  const scored = candidates.map((row) => {
    const daysUntil = row.birthDate ? daysUntilBirthday(row.birthDate, today) : Number.POSITIVE_INFINITY;
    const reports = toStatusReports(row, language, now);
    return {
      row,
      reports,
      tier: TIER[reports.letterStatusToActOn] ?? 3,
      birthdaySoon: daysUntil <= BIRTHDAY_SOON_DAYS,
      daysUntil,
      letters: letters.get(row.id) ?? 0,
      tieBreak: random(),
    };
  });
  scored.sort(
    (a, b) =>
      a.tier - b.tier ||
      Number(b.birthdaySoon) - Number(a.birthdaySoon) ||
      a.letters - b.letters ||
      (a.birthdaySoon && b.birthdaySoon ? a.daysUntil - b.daysUntil : 0) ||
      a.tieBreak - b.tieBreak,
  );
  const best = scored[0]!;
  const { letterStatus, letterStatusToActOn, letterStatusReport } = best.reports;
  const reasons: PickReason[] = [
    letterStatusToActOn === "CAN_RECEIVE"
      ? { kind: "can-receive" }
      : letterStatusToActOn !== "UNKNOWN"
        ? { kind: "letter-bank" }
        : letterStatus !== "UNKNOWN"
          ? { kind: "status-stale" }
          : { kind: "status-unknown" },
  ];
  if (best.birthdaySoon && best.row.birthDate) {
    reasons.push({ kind: "birthday-soon", birthDate: best.row.birthDate.toISOString().slice(0, 10), daysUntil: best.daysUntil });
  }
  reasons.push({ kind: "letters-last-30-days", count: best.letters });
  return { slug: best.row.slug, names: toNames(best.row.names, language), reasons, letterStatus, letterStatusReport };
}
