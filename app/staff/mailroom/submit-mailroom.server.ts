// The mailroom's POSTs. The page's: the button's intent names one move of the letter lifecycle
// (MAILROOM_INTENTS), made with the letters it applies to, all or none, and audited; the batch
// PDF's: which letters to print.
import type { Language } from "~/i18n";
import { formatNumber } from "~/utils/format";
import { formFields, type FormSource } from "~/utils/form-fields";

import { ENVELOPE_FORMATS, MAILROOM_INTENTS, REJECT_REASONS, type MailroomDone, type MailroomIntent } from "./mailroom-options";
import { cleanIds, moveLetters, printBatch, type MoveError, type MoveResult, type PrintBatch } from "./mailroom.server";

export type MailroomError = MoveError | "unknown" | "invalid-reason";
export type MailroomResult = { ok: true; done: MailroomDone; count: string } | { ok: false; error: MailroomError; letterId?: string; prisonerId?: string };

export async function submitMailroom(staff: { id: string }, form: FormSource, language: Language): Promise<{ status: number; body: MailroomResult }> {
  const fields = formFields(form);
  const name = fields.choice("intent", Object.keys(MAILROOM_INTENTS) as MailroomIntent[]);
  if (!name) return { status: 400, body: { ok: false, error: "unknown" } };
  const intent = MAILROOM_INTENTS[name];
  const selected = cleanIds(fields.lines("letterId", 100));
  const shown = cleanIds(fields.lines("shown", 100));

  let result: MoveResult;
  let extra: { letterId?: string; prisonerId?: string } = {};
  if (intent.letters === "one") {
    // Rejecting one letter, with a reason from the list, from the state its row showed.
    const letterId = selected[0] ?? "";
    extra = { letterId };
    const reason = fields.choice("reason", REJECT_REASONS);
    if (!reason) return { status: 400, body: { ok: false, error: "invalid-reason", letterId } };
    result = await moveLetters(staff, letterId ? [letterId] : [], intent.move, { from: fields.line("from", 40), reason });
  } else if (intent.letters === "person") {
    const prisonerId = cleanIds([fields.line("prisonerId", 100)])[0] ?? "";
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
export async function printBatchFromForm(form: FormSource): Promise<PrintBatch> {
  const fields = formFields(form);
  const format = fields.choice("format", ENVELOPE_FORMATS) ?? "c6";
  const ids = fields.choice("scope", ["all"] as const) ?? cleanIds(fields.lines("letterId", 100));
  return ids === "all" || ids.length > 0 ? printBatch(ids, format) : { letters: [], withoutAddress: [] };
}
