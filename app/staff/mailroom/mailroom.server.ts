// The mailroom: letters supporters left with Listy (printed and posted by volunteers) and the
// letter bank (kept until the person is released or can receive letters again). Every move
// goes through the state machine in app/letters/letter-state.ts, only from the state the
// operator saw, and is audited in the same transaction. Letters carry no supporter data, and
// nothing here reads or shows the (never filled) return address.
import type { LetterRoute, LetterState, PrisonerStatus, LetterStatus } from "@prisma/client";

import type { Language } from "~/i18n";
import type { EnvelopeFormat, LetterPdfInput } from "~/letters/letter-pdf.server";
import { readLetterRecipient, type EnvelopeWarning, type LetterRecipientView } from "~/letters/letter-recipient.server";
import { LETTER_LIFECYCLES, letterMoveStarts, letterMoveTarget, LetterTransitionError, type LetterMove } from "~/letters/letter-state";
import { moveLetter } from "~/letters/letter.server";
import type { StatusReportView } from "~/prisoners/status-report";
import { STATUS_REPORT_SELECT, toStatusReports } from "~/prisoners/status-report.server";
import { audit, type AuditAction } from "~/staff/audit.server";
import { getPrisma } from "~/utils/database.server";
import { formatPersonName } from "~/utils/format";

import { LETTER_STATES, type RejectReason } from "./mailroom-options";

export { ENVELOPE_FORMATS, LETTER_STATES, REJECT_REASONS, type RejectReason } from "./mailroom-options";
export type { EnvelopeWarning };

/** A person who is free: their banked letters can be handed over. */
const FREE: readonly PrisonerStatus[] = ["RELEASED", "IN_EXILE"];

// More than a day's work; the page says when there are more.
export const PAGE_LIMIT = 300;

export interface MailroomPrisoner {
  id: string;
  slug: string;
  name: string;
  facility: string | null;
  status: PrisonerStatus;
  statusReport: StatusReportView;
  /** The letter status as last reported, with its report (the rows show both). */
  letterStatus: LetterStatus;
  letterStatusReport: StatusReportView;
  /** Released or in exile, as recorded: banked letters can be handed over. */
  isFree: boolean;
  /** Released or in exile per a fresh report; otherwise the page warns before the hand-over. */
  freedomConfirmed: boolean;
  /** The facility's postal address is known, so the batch PDF can print the envelope. */
  hasAddress: boolean;
  /** The envelope will lack a patronymic or a year of birth, which tell namesakes apart. */
  envelopeWarnings: EnvelopeWarning[];
  /** A fresh report says letters can arrive: banked letters can go to the queue. */
  canReceive: boolean;
  /** The last report said letters can arrive, but it is too old to act on. */
  canReceiveStale: boolean;
}

export interface MailroomLetter {
  id: string;
  route: LetterRoute;
  state: LetterState;
  language: "ru" | "be";
  /** Null once erased after the retention period. */
  body: string | null;
  /** ISO day the letter was written. */
  createdOn: string;
  prisoner: MailroomPrisoner;
}

function toPrisoner(view: LetterRecipientView): MailroomPrisoner {
  return {
    id: view.id,
    slug: view.slug,
    name: formatPersonName(view.names.display),
    facility: view.facilityName,
    status: view.status,
    statusReport: view.statusReport,
    letterStatus: view.letterStatus,
    letterStatusReport: view.letterStatusReport,
    hasAddress: view.envelope !== null,
    envelopeWarnings: view.envelopeWarnings,
    isFree: FREE.includes(view.status),
    freedomConfirmed: FREE.includes(view.status) && view.statusReport.freshness === "fresh",
    canReceive: view.letterStatusToActOn === "CAN_RECEIVE",
    canReceiveStale: view.letterStatus === "CAN_RECEIVE" && view.letterStatusToActOn !== "CAN_RECEIVE",
  };
}

async function recipients(slugs: Iterable<string>, language: Language) {
  const views = new Map<string, LetterRecipientView>();
  for (const slug of new Set(slugs)) {
    const view = await readLetterRecipient(slug, language);
    if (view) views.set(slug, view);
  }
  return views;
}

export async function countLettersByState(): Promise<Record<LetterState, number>> {
  const counts = Object.fromEntries(LETTER_STATES.map((state) => [state, 0])) as Record<LetterState, number>;
  const rows = await getPrisma().letter.groupBy({ by: ["state"], _count: { _all: true } });
  for (const row of rows) counts[row.state] = row._count._all;
  return counts;
}

/** Letters in one state, oldest first (the queue is worked in order). */
export async function listLetters(state: LetterState, language: Language): Promise<{ letters: MailroomLetter[]; more: boolean }> {
  const rows = await getPrisma().letter.findMany({
    where: { state },
    orderBy: [{ createdOn: "asc" }, { stateChangedAt: "asc" }, { id: "asc" }],
    take: PAGE_LIMIT + 1,
    select: { id: true, route: true, state: true, language: true, body: true, createdOn: true, prisoner: { select: { slug: true } } },
  });
  const views = await recipients(
    rows.map((row) => row.prisoner.slug),
    language,
  );
  const letters: MailroomLetter[] = [];
  for (const row of rows.slice(0, PAGE_LIMIT)) {
    const view = views.get(row.prisoner.slug);
    if (!view) continue;
    letters.push({
      id: row.id,
      route: row.route,
      state: row.state,
      language: row.language === "be" ? "be" : "ru",
      body: row.body,
      createdOn: row.createdOn.toISOString().slice(0, 10),
      prisoner: toPrisoner(view),
    });
  }
  return { letters, more: rows.length > PAGE_LIMIT };
}

/** The letter bank, one group per person, people who can now be helped first. */
export function groupByPrisoner(letters: readonly MailroomLetter[]): { prisoner: MailroomPrisoner; letters: MailroomLetter[] }[] {
  const groups = new Map<string, { prisoner: MailroomPrisoner; letters: MailroomLetter[] }>();
  for (const letter of letters) {
    const group = groups.get(letter.prisoner.id) ?? { prisoner: letter.prisoner, letters: [] };
    group.letters.push(letter);
    groups.set(letter.prisoner.id, group);
  }
  const rank = (prisoner: MailroomPrisoner) => (prisoner.isFree ? 0 : prisoner.canReceive ? 1 : 2);
  return [...groups.values()].sort((a, b) => rank(a.prisoner) - rank(b.prisoner) || a.prisoner.name.localeCompare(b.prisoner.name));
}

/* ------------------------------------------------------------------ moves */

const AUDIT_ACTION = {
  print: "mailroom.letter-printed",
  post: "mailroom.letter-posted",
  requeue: "mailroom.letter-back-to-queue",
  "hand-over": "mailroom.letter-handed-over",
  "move-to-queue": "mailroom.letter-moved-to-queue",
  reject: "mailroom.letter-rejected",
} as const satisfies Record<LetterMove, AuditAction>;

export type MoveError = "nothing-selected" | "not-found" | "not-allowed" | "conflict" | "not-free" | "cannot-receive" | "status-stale";
export type MoveResult = { ok: true; count: number } | { ok: false; error: MoveError };

type PersonReports = ReturnType<typeof toStatusReports>;

/**
 * What the person must be before their banked letters are handed over or queued. Queueing
 * sends a letter to a prison, so it needs a fresh "can receive": an old one is refused
 * ("status-stale"). A hand-over only needs the recorded release (the page warns when its
 * report is old): the letters reach the person through the team, not the prison.
 */
const PERSON_CHECKS: Partial<Record<LetterMove, (prisoner: PersonReports) => MoveError | null>> = {
  "hand-over": (prisoner) => (FREE.includes(prisoner.status) ? null : "not-free"),
  "move-to-queue": (prisoner) =>
    prisoner.letterStatusToActOn === "CAN_RECEIVE" ? null : prisoner.letterStatus === "CAN_RECEIVE" ? "status-stale" : "cannot-receive",
};

const MAX_IDS = 1000;

export function cleanIds(values: readonly FormDataEntryValue[]): string[] {
  return [...new Set(values.map((value) => String(value).trim()).filter((value) => /^[a-z0-9]{1,40}$/i.test(value)))].slice(0, MAX_IDS);
}

/**
 * Makes the named move with the letters, all or none, from the state the operator saw: `from`
 * for a move that starts from several states (reject), otherwise the one the move starts from.
 * A letter that is no longer there (someone else moved it meanwhile) makes the whole move fail
 * with "conflict". With `prisonerId`, every letter must be that person's (the letter bank).
 */
export async function moveLetters(
  staff: { id: string },
  letterIds: readonly string[],
  move: LetterMove,
  { from: seen, reason, prisonerId, now = new Date() }: { from?: string; reason?: RejectReason; prisonerId?: string; now?: Date } = {},
): Promise<MoveResult> {
  const starts = letterMoveStarts(move);
  const from = starts.length === 1 ? starts[0] : starts.find((state) => state === seen);
  if (!from) return { ok: false, error: "not-allowed" };
  const personCheck = PERSON_CHECKS[move];
  if (personCheck) {
    const prisoner = await getPrisma().prisoner.findUnique({ where: { id: prisonerId ?? "" }, select: STATUS_REPORT_SELECT });
    if (!prisoner) return { ok: false, error: "not-found" };
    // The language only formats report dates, which the check does not read.
    const refused = personCheck(toStatusReports(prisoner, "en", now));
    if (refused) return { ok: false, error: refused };
  }
  if (letterIds.length === 0) return { ok: false, error: "nothing-selected" };
  const to = letterMoveTarget(move);
  try {
    return await getPrisma().$transaction(async (tx) => {
      const letters = await tx.letter.findMany({ where: { id: { in: [...letterIds] } }, select: { id: true, route: true, state: true, prisonerId: true } });
      if (letters.length !== letterIds.length || (prisonerId && letters.some((letter) => letter.prisonerId !== prisonerId))) {
        return { ok: false, error: "not-found" } as const;
      }
      if (letters.some((letter) => !LETTER_LIFECYCLES[letter.route].allows(move, from))) return { ok: false, error: "not-allowed" } as const;
      // Checked again by moveLetter's guarded update, which catches a move made between the two.
      if (letters.some((letter) => letter.state !== from)) throw new LetterTransitionError(letters[0]!.route, from, to);
      for (const letter of letters) {
        await moveLetter(letter.id, move, from, { tx, now });
        await audit(tx, staff, AUDIT_ACTION[move], { type: "Letter", id: letter.id }, { route: letter.route, from, to, ...(reason ? { reason } : {}) }, now);
      }
      return { ok: true, count: letters.length } as const;
    });
  } catch (error) {
    if (error instanceof LetterTransitionError) return { ok: false, error: "conflict" };
    throw error;
  }
}

/* ------------------------------------------------------------------ batch PDF */

export interface PrintBatch {
  letters: (LetterPdfInput & { id: string })[];
  /** Selected queued letters left out because the prisoner's address is not known. */
  withoutAddress: string[];
}

/**
 * The queued letters to print: the selected ones, or every queued one when `ids` is "all".
 * Letters no longer queued are skipped; printing itself changes nothing.
 */
export async function printBatch(ids: readonly string[] | "all", format: EnvelopeFormat): Promise<PrintBatch> {
  const rows = await getPrisma().letter.findMany({
    where: { state: "QUEUED", body: { not: null }, ...(ids === "all" ? {} : { id: { in: [...ids] } }) },
    orderBy: [{ createdOn: "asc" }, { id: "asc" }],
    select: { id: true, language: true, body: true, createdOn: true, prisoner: { select: { slug: true } } },
  });
  const views = await recipients(
    rows.map((row) => row.prisoner.slug),
    "ru",
  );
  const batch: PrintBatch = { letters: [], withoutAddress: [] };
  for (const row of rows) {
    const envelope = views.get(row.prisoner.slug)?.envelope;
    if (!envelope) {
      batch.withoutAddress.push(row.id);
      continue;
    }
    batch.letters.push({
      id: row.id,
      letterText: row.body ?? "",
      recipient: envelope,
      format,
      language: row.language === "be" ? "be" : "ru",
      sender: null,
      // Dated the day it was written, not the day the mailroom prints it.
      writtenOn: row.createdOn,
    });
  }
  return batch;
}
