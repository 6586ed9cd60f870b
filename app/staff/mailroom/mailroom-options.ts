// Choices the mailroom page offers, shared by the server and the browser bundle.
import type { LetterState } from "@prisma/client";

import type { EnvelopeFormat } from "~/letters/letter-pdf.server";
import type { LetterMove } from "~/letters/letter-state";

/** The state filter as it appears in the address (?state=handed-over), one per state, in the page's order. */
export const STATE_PARAMS = {
  QUEUED: "queued",
  PRINTED: "printed",
  POSTED: "posted",
  BANKED: "banked",
  HANDED_OVER: "handed-over",
  REJECTED: "rejected",
} as const satisfies Record<LetterState, string>;

export const LETTER_STATES = Object.keys(STATE_PARAMS) as (keyof typeof STATE_PARAMS)[];

/** Why a letter is not sent. Kept in the audit log only, never on the letter. */
export const REJECT_REASONS = ["endangers-someone", "abusive", "not-a-letter", "duplicate", "other"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const ENVELOPE_FORMATS = ["c6", "dl", "label"] as const satisfies readonly EnvelopeFormat[];

/** What the page says once a move is done. */
export type MailroomDone = "rejected" | "printed" | "posted" | "back-to-queue" | "handed-over" | "moved-to-queue";

/**
 * The page's buttons (name="intent"), each one named move of the letter lifecycle, applied to
 * the ticked letters, every letter shown, the one letter of its row, or one person's banked letters.
 */
export const MAILROOM_INTENTS = {
  printed: { move: "print", letters: "selected", done: "printed" },
  "printed-all": { move: "print", letters: "shown", done: "printed" },
  posted: { move: "post", letters: "selected", done: "posted" },
  "posted-all": { move: "post", letters: "shown", done: "posted" },
  "back-to-queue": { move: "requeue", letters: "selected", done: "back-to-queue" },
  reject: { move: "reject", letters: "one", done: "rejected" },
  "hand-over": { move: "hand-over", letters: "person", done: "handed-over" },
  "bank-to-queue": { move: "move-to-queue", letters: "person", done: "moved-to-queue" },
} as const satisfies Record<string, { move: LetterMove; letters: "selected" | "shown" | "one" | "person"; done: MailroomDone }>;
export type MailroomIntent = keyof typeof MAILROOM_INTENTS;
