// What a page with the "did your letter arrive?" form needs: the facility's reply rate (when
// enough reports exist), the months to choose from and a fresh form ticket.
import type { Language } from "~/i18n";
import { issueFormTicket } from "~/pledges/form-ticket.server";
import { formatDate, formatNumber } from "~/utils/format";

import { postedMonthChoices, type ArrivalRateView } from "./arrival-form";
import { findFacilityReplyRate, findReportFacility, rateWindowStart } from "./arrival.server";

export interface ArrivalBox {
  /** False when the profile names no (approved) facility: a report would count for nothing. */
  open: boolean;
  rate: ArrivalRateView | null;
  months: { value: string; label: string }[];
  ticket: string;
}

export function monthOptions(language: Language, now: Date) {
  return postedMonthChoices(now).map((value) => ({ value, label: formatDate(`${value}-01`, "MONTH", language) }));
}

export async function loadArrivalBox(prisonerSlug: string, language: Language, now: Date = new Date()): Promise<ArrivalBox> {
  const facility = await findReportFacility(prisonerSlug, language);
  if (!facility) return { open: false, rate: null, months: [], ticket: "" };
  const rate = await findFacilityReplyRate(facility.id, language, now);
  return {
    open: true,
    rate: rate
      ? {
          facility: facility.label,
          replied: rate.replied,
          reports: rate.reports,
          repliedText: formatNumber(rate.replied, language),
          reportsText: formatNumber(rate.reports, language),
          since: formatDate(rateWindowStart(now), "DAY", language),
        }
      : null,
    months: monthOptions(language, now),
    // A fresh ticket for each page; the page cache replaces it in every copy it serves.
    ticket: issueFormTicket(now),
  };
}
