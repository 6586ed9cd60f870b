// Hidden content a censor stops on sight: runs of digits that could be a phone number, a code
// or an account (8 029 765 43 21, 3-7-1-9-0, 80297654321). Years (1941–1945), dates
// (12.03.2024), times, Belarusian postcodes (211322) and numbers of up to 4 digits stay clean.

/** Digit groups joined by spaces, hyphens, dots, slashes or brackets (one separator at a time). */
const DIGIT_RUN = /\+?\(?\d+(?:[ \-.)(/]{1,2}\d+)*/gu;
const YEAR = /^(1[89]\d\d|20\d\d)$/u;
const DATE = /^\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})$/u;
/** A Belarusian postcode (211322): envelopes and return addresses carry one. */
const POSTCODE = /^2\d{5}$/u;
export const MIN_HIDDEN_DIGITS = 5;

export interface DigitRun {
  start: number;
  end: number;
}

export function findDigitRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  for (const match of text.matchAll(DIGIT_RUN)) {
    const run = match[0];
    const groups = run.match(/\d+/gu) ?? [];
    const digits = groups.join("").length;
    if (digits < MIN_HIDDEN_DIGITS) continue;
    if (groups.every((group) => YEAR.test(group))) continue;
    if (groups.length === 1 && POSTCODE.test(run)) continue;
    if (DATE.test(run.trim())) continue;
    // A date range or a year beside a day (12.03.2024–15.03.2024) is still a date.
    if (/^[\d.\s–-]+$/u.test(run) && run.split(/[\s–-]+/u).every((part) => DATE.test(part) || YEAR.test(part))) continue;
    const start = match.index ?? 0;
    runs.push({ start, end: start + run.length });
  }
  return runs;
}
