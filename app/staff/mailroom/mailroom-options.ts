// Choices the mailroom page offers, shared by the server and the browser bundle.
import type { LetterState } from "@prisma/client";

import type { EnvelopeFormat } from "~/letters/letter-pdf.server";

export const LETTER_STATES = ["QUEUED", "PRINTED", "POSTED", "BANKED", "HANDED_OVER", "REJECTED"] as const satisfies readonly LetterState[];

/** Why a letter is not sent. Kept in the audit log only, never on the letter. */
export const REJECT_REASONS = ["endangers-someone", "abusive", "not-a-letter", "duplicate", "other"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const ENVELOPE_FORMATS = ["c6", "dl", "label"] as const satisfies readonly EnvelopeFormat[];
