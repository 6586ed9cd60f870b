// Stored letters: the mailroom queue and the letter bank. A letter and the Action that
// counts it are written in one transaction; the text is erased once it has done its job.
import type { Letter, LetterRoute, LetterState, Prisma } from "@prisma/client";

import { getPrisma } from "~/utils/database.server";

import { FINAL_STATES, INITIAL_STATE, LETTER_LIFECYCLES, letterMoveTarget, LetterTransitionError, type LetterMove } from "./letter-state";

/** How long a posted or handed-over letter's text is kept (e.g. for a reprint), by default. */
export const DEFAULT_RETENTION_DAYS = 30;

// LETTER_RETENTION_DAYS, set once at start-up; transitions to a final state use it.
let retentionDaysSetting = DEFAULT_RETENTION_DAYS;

export function setLetterRetentionDays(days: number) {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`Letter retention must be a whole number of days ≥ 1, got ${days}`);
  retentionDaysSetting = days;
}

const DAY_MS = 86_400_000;
const utcDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

export interface StoreLetterInput {
  prisonerId: string;
  route: LetterRoute;
  /** "ru" or "be": the language the letter is written in. */
  language: "ru" | "be";
  body: string;
  returnAddress?: string | null;
  /** The interface language the supporter used, for the Action. */
  interfaceLanguage: string;
  campaignId?: string | null;
  now?: Date;
}

export async function storeLetter(input: StoreLetterInput): Promise<Letter> {
  const now = input.now ?? new Date();
  return getPrisma().$transaction(async (tx) => {
    const letter = await tx.letter.create({
      data: {
        prisonerId: input.prisonerId,
        route: input.route,
        state: INITIAL_STATE[input.route],
        language: input.language,
        body: input.body,
        returnAddress: input.returnAddress ?? null,
        createdOn: utcDay(now),
        stateChangedAt: now,
      },
    });
    await tx.action.create({
      data: {
        kind: "LETTER_WRITTEN",
        prisonerId: input.prisonerId,
        campaignId: input.campaignId ?? null,
        language: input.interfaceLanguage,
        day: utcDay(now),
      },
    });
    return letter;
  });
}

type TransitionOptions = {
  now?: Date;
  retentionDays?: number;
  /** To move it inside a larger transaction (the mailroom audits in the same one). */
  tx?: Prisma.TransactionClient;
};

/**
 * Moves a letter to another state if the state machine allows it, and only from the state
 * the caller saw (a concurrent change makes this fail rather than overwrite it).
 */
export async function transitionLetter(letterId: string, from: LetterState, to: LetterState, options: TransitionOptions = {}): Promise<Letter> {
  return writeLetterState(letterId, from, to, (route) => LETTER_LIFECYCLES[route].can(from, to), options);
}

/** Makes a named move of the letter's lifecycle (print, post, reject…), only from `from`, the state the caller saw. */
export async function moveLetter(letterId: string, move: LetterMove, from: LetterState, options: TransitionOptions = {}): Promise<Letter> {
  return writeLetterState(letterId, from, letterMoveTarget(move), (route) => LETTER_LIFECYCLES[route].allows(move, from), options);
}

async function writeLetterState(
  letterId: string,
  from: LetterState,
  to: LetterState,
  allowed: (route: LetterRoute) => boolean,
  { now = new Date(), retentionDays = retentionDaysSetting, tx }: TransitionOptions,
): Promise<Letter> {
  const prisma = tx ?? getPrisma();
  const letter = await prisma.letter.findUniqueOrThrow({ where: { id: letterId } });
  if (!allowed(letter.route)) throw new LetterTransitionError(letter.route, from, to);
  const purgeAfter = FINAL_STATES.includes(to) ? new Date(now.getTime() + retentionDays * DAY_MS) : null;
  const { count } = await prisma.letter.updateMany({
    where: { id: letterId, state: from },
    data: { state: to, stateChangedAt: now, purgeAfter },
  });
  if (count !== 1) throw new LetterTransitionError(letter.route, letter.state, to);
  return prisma.letter.findUniqueOrThrow({ where: { id: letterId } });
}

/** Erases the text and return address of every letter whose retention has ended. */
export async function purgeExpiredLetters(now: Date = new Date()): Promise<number> {
  const { count } = await getPrisma().letter.updateMany({
    where: { purgeAfter: { lte: now }, purgedAt: null },
    data: { body: null, returnAddress: null, purgedAt: now },
  });
  return count;
}

/**
 * Counts a letter the supporter prints and posts themselves. Its text is never stored; only
 * the Action (prisoner, interface language, day) is.
 */
export async function recordLetterWritten(input: { prisonerId: string; interfaceLanguage: string; campaignId?: string | null; now?: Date }) {
  const now = input.now ?? new Date();
  await getPrisma().action.create({
    data: {
      kind: "LETTER_WRITTEN",
      prisonerId: input.prisonerId,
      campaignId: input.campaignId ?? null,
      language: input.interfaceLanguage,
      day: utcDay(now),
    },
  });
}
