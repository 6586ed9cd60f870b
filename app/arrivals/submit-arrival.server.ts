// The "did your letter arrive?" form's action: parse, check the form ticket, count once.
// Anonymous: nothing about the sender is read or kept (no address, no cookie, no prisoner).
import type { Language } from "~/i18n";
import { checkFormTicket, issueFormTicket, ticketUseKey } from "~/pledges/form-ticket.server";

import { monthOptions } from "./arrival-box.server";
import { readArrivalForm, type ArrivalFieldErrors, type ArrivalFormValues } from "./arrival-form";
import { findReportFacility, recordArrivalReport } from "./arrival.server";

export type SubmitArrivalResult =
  | { kind: "counted" | "ticket-used" }
  | { kind: "no-facility" }
  | {
      kind: "invalid";
      values: ArrivalFormValues;
      errors: ArrivalFieldErrors;
      /** The ticket was missing, forged or too old: the form is shown again with a fresh one. */
      staleTicket: boolean;
      months: { value: string; label: string }[];
      ticket: string;
    };

export async function submitArrivalReport(form: FormData, prisonerSlug: string, language: Language, now: Date = new Date()): Promise<SubmitArrivalResult> {
  const facility = await findReportFacility(prisonerSlug, language);
  if (!facility) return { kind: "no-facility" };
  const read = readArrivalForm(form, now);
  const day = checkFormTicket(read.ticket, now);
  if (!read.parsed || !day) {
    return { kind: "invalid", values: read.values, errors: read.errors, staleTicket: !day, months: monthOptions(language, now), ticket: issueFormTicket(now) };
  }
  // One report per ticket, whatever it is about: the key names neither ticket nor facility.
  const outcome = await recordArrivalReport({ facilityId: facility.id, report: read.parsed, ticket: { key: ticketUseKey(read.ticket, "arrival", ""), day } }, now);
  return { kind: outcome };
}
