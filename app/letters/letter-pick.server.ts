// "Write to someone who needs it": spreads letters across prisoners by real signals, as the
// volunteer letter services do, so that nobody is forgotten. The page says why this person.
import type { LetterStatus } from "@prisma/client";

import type { Language } from "~/i18n";
import { daysUntilBirthday, minskToday } from "~/prisoners/directory.server";
import { toNames, type PrisonerNames } from "~/prisoners/person-name";
import { countRecentLetters } from "~/prisoners/recent-letters.server";
import { getPrisma } from "~/utils/database.server";

/** A birthday this close gets a card first. */
export const BIRTHDAY_SOON_DAYS = 14;

export type PickReason =
  | { kind: "can-receive" }
  | { kind: "status-unknown" }
  | { kind: "letter-bank" }
  | { kind: "birthday-soon"; birthDate: string; daysUntil: number }
  | { kind: "letters-last-30-days"; count: number };

export interface LetterPick {
  slug: string;
  names: PrisonerNames;
  reasons: PickReason[];
}

/** Whether a letter can arrive decides first; a letter that arrives now helps most. */
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
    select: { id: true, slug: true, letterStatus: true, birthDate: true, names: true },
  });
  const skipped = new Set(skip);
  // When everyone has been skipped, start again rather than show nothing.
  const candidates = rows.filter((row) => !skipped.has(row.slug)).length > 0 ? rows.filter((row) => !skipped.has(row.slug)) : rows;
  if (candidates.length === 0) return null;

  const today = minskToday(now);
  const letters = await countRecentLetters(candidates.map((row) => row.id), today);
  const scored = candidates.map((row) => {
    const daysUntil = row.birthDate ? daysUntilBirthday(row.birthDate, today) : Number.POSITIVE_INFINITY;
    return {
      row,
      tier: TIER[row.letterStatus] ?? 3,
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
  const reasons: PickReason[] = [
    best.row.letterStatus === "CAN_RECEIVE"
      ? { kind: "can-receive" }
      : best.row.letterStatus === "UNKNOWN"
        ? { kind: "status-unknown" }
        : { kind: "letter-bank" },
  ];
  if (best.birthdaySoon && best.row.birthDate) {
    reasons.push({ kind: "birthday-soon", birthDate: best.row.birthDate.toISOString().slice(0, 10), daysUntil: best.daysUntil });
  }
  reasons.push({ kind: "letters-last-30-days", count: best.letters });
  return { slug: best.row.slug, names: toNames(best.row.names, language), reasons };
}
