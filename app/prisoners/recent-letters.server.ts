// How many letters people wrote to each prisoner lately: the directory's "needs letters"
// order, the profile's count and the "who needs a letter" pick all read it from here.
import { getPrisma } from "~/utils/database.server";

/** How far back letters are counted, today included. */
export const LETTER_WINDOW_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

function utcDay(date: Date) {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/**
 * LETTER_WRITTEN actions per prisoner over the last LETTER_WINDOW_DAYS days, today included;
 * `null` counts for everyone (one grouped query instead of a list of thousands of ids).
 */
export async function countRecentLetters(prisonerIds: string[] | null, today: Date): Promise<Map<string, number>> {
  if (prisonerIds?.length === 0) return new Map();
  const end = utcDay(today);
  const groups = await getPrisma().action.groupBy({
    by: ["prisonerId"],
    where: {
      kind: "LETTER_WRITTEN",
      prisonerId: prisonerIds ? { in: prisonerIds } : { not: null },
      day: { gte: new Date(end - (LETTER_WINDOW_DAYS - 1) * DAY_MS), lte: new Date(end) },
    },
    _count: { _all: true },
  });
  return new Map(groups.flatMap((group) => (group.prisonerId ? [[group.prisonerId, group._count._all] as const] : [])));
}
