// The {prisonerFacts} line of an appeal: status, sentence and arrest date as the sources
// give them, in the template's language. Pure; the caller passes a translate function
// for that language and dates already formatted with their precision.
//
// An appeal is read as saying what is true now, so it states a status only while its report
// is fresh (see prisoners/status-report.ts), and then names the report and its date. The
// sentence and the arrest are past events: each is stated with the date it happened.
import type { PrisonerStatus } from "@prisma/client";

import type { StatusReportView } from "~/prisoners/status-report";

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface PrisonerFactsInput {
  status: PrisonerStatus;
  /** The status's report, dates formatted in the template's language. */
  statusReport: StatusReportView;
  sentenceMonths: number | null;
  /** When the sentence was handed down, formatted as exactly as it is known; without it the sentence is left out. */
  sentencedOn: string | null;
  /** Formatted in the template's language, as exactly as it is known ("October 2024"). */
  arrestedOn: string | null;
}

/** Only facts that support an appeal for release; released, exiled and dead people get no status line. */
export function prisonerFactsLine(t: Translate, input: PrisonerFactsInput): string {
  const sentences: string[] = [];
  const { freshness, report } = input.statusReport;
  // Labelled facts rather than sentences about "he" or "she": no grammatical gender to get wrong.
  if (freshness === "fresh" && report) {
    const reported = { source: report.source.publication, date: report.displayDate };
    if (input.status === "IN_CUSTODY") sentences.push(t("appeals:prisoner-facts.in-custody", reported));
    if (input.status === "INCOMMUNICADO") sentences.push(t("appeals:prisoner-facts.incommunicado", reported));
  }
  const months = input.sentenceMonths;
  if (input.sentencedOn && months !== null && Number.isInteger(months) && months > 0) {
    const duration =
      months % 12 === 0
        ? t("appeals:prisoner-facts.years", { count: months / 12 })
        : t("appeals:prisoner-facts.months", { count: months });
    sentences.push(t("appeals:prisoner-facts.sentence", { duration, date: input.sentencedOn }));
  }
  if (input.arrestedOn) sentences.push(t("appeals:prisoner-facts.arrested", { date: input.arrestedOn }));
  // A date that ends in an abbreviation ("октябрь 2024 г.") already ends the sentence.
  return sentences.map((sentence) => sentence.replace(/\.\.$/, ".")).join(" ");
}
