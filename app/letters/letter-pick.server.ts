// "Write to someone who needs it": spreads letters across prisoners by real signals, as the
// volunteer letter services do, so that nobody is forgotten. The page says why this person.
import type { LetterStatus } from "@prisma/client";

import type { Language } from "~/i18n";
import { daysUntilBirthday, minskToday } from "~/prisoners/directory.server";
import { toNames, type PrisonerNames } from "~/prisoners/person-name";
import { countRecentLetters } from "~/prisoners/recent-letters.server";
import type { StatusReportView } from "~/prisoners/status-report";
import { STATUS_REPORT_SELECT, toStatusReports } from "~/prisoners/status-report.server";
import { cachedUntilContentChanges } from "~/utils/content-revision.server";
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

interface RankedCandidate {
  slug: string;
  row: { birthDate: Date | null; names: Parameters<typeof toNames>[0] };
  reports: ReturnType<typeof toStatusReports>;
  tier: number;
  birthdaySoon: boolean;
  daysUntil: number;
  letters: number;
}

/** Equal keys are equally good: the random tie-break chooses among them. */
const sameRank = (a: RankedCandidate, b: RankedCandidate) =>
  a.tier === b.tier && a.birthdaySoon === b.birthdaySoon && a.letters === b.letters && (!a.birthdaySoon || a.daysUntil === b.daysUntil);

/**
 * Everyone who could be picked, best first, without the random tie-break. Made once per
 * content revision and day (a letter written is an Action row, which moves the revision): with
 * a thousand people in custody each visit then costs a walk down this list, not a query of
 * everyone with their letters.
 */
const rankCandidates = cachedUntilContentChanges(async (language: Language, utcDay: string, minskDay: string): Promise<RankedCandidate[]> => {
  const now = new Date(`${utcDay}T12:00:00.000Z`);
  const rows = await getPrisma().prisoner.findMany({
    where: { draft: false, status: { in: ["IN_CUSTODY", "INCOMMUNICADO"] }, letterStatus: { not: "NOT_APPLICABLE" } },
    select: { id: true, slug: true, birthDate: true, names: true, ...STATUS_REPORT_SELECT },
  });
  const today = new Date(`${minskDay}T00:00:00.000Z`);
  const letters = await countRecentLetters(rows.map((row) => row.id), today);
  const ranked = rows.map((row): RankedCandidate => {
    const daysUntil = row.birthDate ? daysUntilBirthday(row.birthDate, today) : Number.POSITIVE_INFINITY;
    const reports = toStatusReports(row, language, now);
    return {
      slug: row.slug,
      row,
      reports,
      tier: TIER[reports.letterStatusToActOn] ?? 3,
      birthdaySoon: daysUntil <= BIRTHDAY_SOON_DAYS,
      daysUntil,
      letters: letters.get(row.id) ?? 0,
    };
  });
  return ranked.sort(
    (a, b) =>
      a.tier - b.tier ||
      Number(b.birthdaySoon) - Number(a.birthdaySoon) ||
      a.letters - b.letters ||
      (a.birthdaySoon && b.birthdaySoon ? a.daysUntil - b.daysUntil : 0),
  );
});

export async function pickPrisonerToWrite(language: Language, { now = new Date(), skip = [], random = Math.random }: PickOptions = {}): Promise<LetterPick | null> {
  const ranked = await rankCandidates(language, now.toISOString().slice(0, 10), minskToday(now).toISOString().slice(0, 10));
  const skipped = new Set(skip);
  // When everyone has been skipped, start again rather than show nothing.
  const first = ranked.findIndex((candidate) => !skipped.has(candidate.slug));
  const candidates = first === -1 ? ranked : ranked.slice(first).filter((candidate) => !skipped.has(candidate.slug));
  if (candidates.length === 0) return null;
  // The best rank, and among the people sharing it one at random.
  const leader = candidates[0]!;
  let tied = 1;
  while (tied < candidates.length && sameRank(leader, candidates[tied]!)) tied++;
  const best = candidates[Math.min(tied - 1, Math.floor(random() * tied))]!;

  return toLetterPick(best, language);
}

/** The pick page of one person (its address names them), or null when they are not among those the pick chooses from. */
export async function findPickFor(language: Language, slug: string, { now = new Date() }: { now?: Date } = {}): Promise<LetterPick | null> {
  const ranked = await rankCandidates(language, now.toISOString().slice(0, 10), minskToday(now).toISOString().slice(0, 10));
  const candidate = ranked.find((entry) => entry.slug === slug);
  return candidate ? toLetterPick(candidate, language) : null;
}

function toLetterPick(best: RankedCandidate, language: Language): LetterPick {
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
  return { slug: best.slug, names: toNames(best.row.names, language), reasons, letterStatus, letterStatusReport };
}
