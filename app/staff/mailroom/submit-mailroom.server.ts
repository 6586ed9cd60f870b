// The mailroom's POSTs. The page's: the button's intent names one move of the letter lifecycle
// (MAILROOM_INTENTS), made with the letters it applies to, all or none, and audited; the batch
// PDF's: which letters to print.
import type { Language } from "~/i18n";
import { formatNumber } from "~/utils/format";

import { ENVELOPE_FORMATS, MAILROOM_INTENTS, REJECT_REASONS, type MailroomDone, type MailroomIntent } from "./mailroom-options";
import { cleanIds, moveLetters, printBatch, type MoveError, type MoveResult, type PrintBatch } from "./mailroom.server";

export type MailroomError = MoveError | "unknown" | "invalid-reason";
export type MailroomResult = { ok: true; done: MailroomDone; count: string } | { ok: false; error: MailroomError; letterId?: string; prisonerId?: string };

export async function submitMailroom(staff: { id: string }, form: FormData, language: Language): Promise<{ status: number; body: MailroomResult }> {
  const name = (Object.keys(MAILROOM_INTENTS) as MailroomIntent[]).find((key) => key === form.get("intent"));
  if (!name) return { status: 400, body: { ok: false, error: "unknown" } };
  const intent = MAILROOM_INTENTS[name];
  const selected = cleanIds(form.getAll("letterId"));
  const shown = cleanIds(form.getAll("shown"));

  let result: MoveResult;
  let extra: { letterId?: string; prisonerId?: string } = {};
  if (intent.letters === "one") {
    // Rejecting one letter, with a reason from the list, from the state its row showed.
    const letterId = selected[0] ?? "";
    extra = { letterId };
    const reason = REJECT_REASONS.find((value) => value === form.get("reason"));
    if (!reason) return { status: 400, body: { ok: false, error: "invalid-reason", letterId } };
    result = await moveLetters(staff, letterId ? [letterId] : [], intent.move, { from: String(form.get("from") ?? ""), reason });
  } else if (intent.letters === "person") {
    const prisonerId = cleanIds([form.get("prisonerId") ?? ""])[0] ?? "";
    extra = { prisonerId };
    result = await moveLetters(staff, shown, intent.move, { prisonerId });
  } else {
    result = await moveLetters(staff, intent.letters === "shown" ? shown : selected, intent.move);
  }
  if (result.ok) return { status: 200, body: { ok: true, done: intent.done, count: formatNumber(result.count, language) } };
  // A concurrent change is not the operator's mistake, but the request did nothing: 409.
  return { status: result.error === "conflict" ? 409 : 400, body: { ok: false, error: result.error, ...extra } };
}

/** The batch PDF's form: the envelope format, and the ticked letters or every queued one ("all"). */
export async function printBatchFromForm(form: FormData): Promise<PrintBatch> {
  const format = ENVELOPE_FORMATS.find((value) => value === form.get("format")) ?? "c6";
  const ids = form.get("scope") === "all" ? "all" : cleanIds(form.getAll("letterId"));
  return ids === "all" || ids.length > 0 ? printBatch(ids, format) : { letters: [], withoutAddress: [] };
}
