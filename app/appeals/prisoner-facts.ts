// The {prisonerFacts} line of an appeal: status, sentence and arrest date as the sources
// give them, in the template's language. Pure; the caller passes a translate function
// for that language and dates already formatted with their precision.
import type { PrisonerStatus } from "@prisma/client";

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface PrisonerFactsInput {
  status: PrisonerStatus;
  sentenceMonths: number | null;
  /** Formatted in the template's language, as exactly as it is known ("October 2024"). */
  arrestedOn: string | null;
}

/** Only facts that support an appeal for release; released, exiled and dead people get no status line. */
export function prisonerFactsLine(t: Translate, input: PrisonerFactsInput): string {
  const sentences: string[] = [];
  // Labelled facts rather than sentences about "he" or "she": no grammatical gender to get wrong.
  if (input.status === "IN_CUSTODY") sentences.push(t("appeals:prisoner-facts.in-custody"));
  if (input.status === "INCOMMUNICADO") sentences.push(t("appeals:prisoner-facts.incommunicado"));
  const months = input.sentenceMonths;
  if (months !== null && Number.isInteger(months) && months > 0) {
    const duration =
      months % 12 === 0
        ? t("appeals:prisoner-facts.years", { count: months / 12 })
        : t("appeals:prisoner-facts.months", { count: months });
    sentences.push(t("appeals:prisoner-facts.sentence", { duration }));
  }
  if (input.arrestedOn) sentences.push(t("appeals:prisoner-facts.arrested", { date: input.arrestedOn }));
  return sentences.join(" ");
}
