// The "did your letter arrive?" form, read from a POST and checked. Pure (no database, no
// clock of its own), shared by the server and the page. Field errors are codes; values come
// back as typed so the page can show them again.
import { formFields, type FormSource } from "~/utils/form-fields";

export const ARRIVAL_OUTCOMES = ["replied", "returned", "no-answer"] as const;
export type ArrivalOutcomeChoice = (typeof ARRIVAL_OUTCOMES)[number];

/** "No answer after N weeks": the choices offered (a short list, so a report says little). */
export const NO_ANSWER_WEEKS = [4, 8, 12] as const;

/** How far back a posting month may be chosen (this month included). */
export const POSTED_MONTHS_BACK = 12;

/** The hidden field with the form ticket (app/pledges/form-ticket.server.ts). */
export const ARRIVAL_TICKET_FIELD = "ticket";

export interface ArrivalFormValues {
  outcome: string;
  weeks: string;
  /** YYYY-MM */
  posted: string;
}

export type ArrivalFieldError = "required" | "invalid" | "too-soon";
export type ArrivalFieldErrors = Partial<Record<keyof ArrivalFormValues, ArrivalFieldError>>;

export interface ParsedArrival {
  outcome: ArrivalOutcomeChoice;
  /** 0 unless the outcome is "no-answer". */
  weeks: number;
  /** YYYY-MM */
  posted: string;
}

const WEEK_MS = 7 * 86_400_000;

/** The months a letter may have been posted in, newest first (YYYY-MM, UTC): this one and the 11 before. */
export function postedMonthChoices(now: Date): string[] {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  return Array.from({ length: POSTED_MONTHS_BACK }, (_, back) => new Date(Date.UTC(year, month - back, 1)).toISOString().slice(0, 7));
}

export function readArrivalForm(form: FormSource, now: Date): { values: ArrivalFormValues; ticket: string; errors: ArrivalFieldErrors; parsed: ParsedArrival | null } {
  const fields = formFields(form);
  const values: ArrivalFormValues = { outcome: fields.line("outcome", 20), weeks: fields.line("weeks", 4), posted: fields.line("posted", 10) };
  const ticket = fields.line(ARRIVAL_TICKET_FIELD, 100);
  const errors: ArrivalFieldErrors = {};

  const outcome = (ARRIVAL_OUTCOMES as readonly string[]).includes(values.outcome) ? (values.outcome as ArrivalOutcomeChoice) : null;
  if (!outcome) errors.outcome = values.outcome ? "invalid" : "required";

  if (!values.posted) errors.posted = "required";
  else if (!postedMonthChoices(now).includes(values.posted)) errors.posted = "invalid";

  let weeks = 0;
  if (outcome === "no-answer") {
    const chosen = Number(values.weeks);
    if (!values.weeks) errors.weeks = "required";
    else if (!(NO_ANSWER_WEEKS as readonly number[]).includes(chosen)) errors.weeks = "invalid";
    // "No answer after 12 weeks" about a letter posted this month cannot be true yet.
    else if (!errors.posted && Date.parse(`${values.posted}-01T00:00:00Z`) + chosen * WEEK_MS > now.getTime()) errors.weeks = "too-soon";
    else weeks = chosen;
  }

  const ok = outcome !== null && Object.keys(errors).length === 0;
  return { values, ticket, errors, parsed: ok ? { outcome, weeks, posted: values.posted } : null };
}

/** A facility's reply rate as a page shows it (formatted on the server). */
export interface ArrivalRateView {
  facility: string;
  replied: number;
  reports: number;
  repliedText: string;
  reportsText: string;
  /** The first day the rate covers, formatted ("1 June 2026"). */
  since: string;
}
