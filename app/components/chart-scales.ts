// The scales of the server-drawn charts (figure-chart.tsx) and the ticks a loader builds for
// them, labelled in the page's language. No JSX, so that view-models on the server use it.
import type { Language } from "~/i18n";
import { formatDate, formatNumber, type Precision } from "~/utils/format";

export type ChartQualifier = "EXACT" | "AT_LEAST" | "MORE_THAN";
export type ChartPrecision = "DAY" | "MONTH" | "YEAR";

export interface ChartTick {
  /** Position on the axis: a value, or milliseconds since 1970 (UTC) on a time axis. */
  at: number;
  label: string;
  /** Drawn below the label on a time axis, e.g. the year under the month. */
  secondLine?: string;
}

// ---------------------------------------------------------------------------------------
// Scales

const DAY_MS = 86_400_000;

/** Nice round steps for the value axis, always starting at 0 (a count never starts elsewhere). */
export function valueTicks(maxValue: number, maxTicks = 5): number[] {
  const max = Number.isFinite(maxValue) && maxValue > 0 ? maxValue : 1;
  const rough = max / Math.max(1, maxTicks - 1);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, ([1, 2, 2.5, 5, 10].find((factor) => factor * magnitude >= rough) ?? 10) * magnitude);
  const count = Math.ceil(max / step);
  return Array.from({ length: count + 1 }, (_, index) => index * step);
}

/**
 * Where a date sits on a time axis. A figure known only to the month or the year is
 * placed in the middle of that month or year, the least misleading single position.
 */
export function periodMidpoint(isoDate: string, precision: ChartPrecision): number {
  const day = Date.parse(`${isoDate.slice(0, 10)}T00:00:00.000Z`);
  if (!Number.isFinite(day) || precision === "DAY") return day;
  const date = new Date(day);
  const month = date.getUTCFullYear() * 12 + (precision === "MONTH" ? date.getUTCMonth() : 0);
  const start = monthStart(month);
  const end = monthStart(month + (precision === "MONTH" ? 1 : 12));
  return start + (end - start) / 2;
}

/**
 * The span of time a date stands for, as a half-open interval [start, end) in milliseconds:
 * the whole day, month or year the report gave. Two figures are in a known order only when
 * one span ends before the other starts.
 */
export function periodRange(isoDate: string, precision: ChartPrecision): { start: number; end: number } {
  const day = Date.parse(`${isoDate.slice(0, 10)}T00:00:00.000Z`);
  if (!Number.isFinite(day)) return { start: Number.NaN, end: Number.NaN };
  if (precision === "DAY") return { start: day, end: day + DAY_MS };
  const date = new Date(day);
  const month = date.getUTCFullYear() * 12 + (precision === "MONTH" ? date.getUTCMonth() : 0);
  return { start: monthStart(month), end: monthStart(month + (precision === "MONTH" ? 1 : 12)) };
}

/**
 * The pairs of points that a line may join: a before b for certain (a's span ends before
 * b's starts), with nothing known to lie between them. A month figure is never joined to
 * a day inside that month, whichever of the two the midpoints put first.
 * Returns indexes into `spans`, each pair [earlier, later], ordered by the later point.
 */
export function knownOrderLinks(spans: readonly { start: number; end: number }[]): [number, number][] {
  const indexes = spans.map((_, index) => index);
  const byStart = [...indexes].sort((a, b) => spans[a]!.start - spans[b]!.start || a - b);
  const byEnd = [...indexes].sort((a, b) => spans[a]!.end - spans[b]!.end || a - b);
  const links: [number, number][] = [];
  // The points that end before the current one starts grow as the start moves on: byEnd[0, ended).
  let ended = 0;
  let lastStart = -Infinity;
  for (const later of byStart) {
    const start = spans[later]!.start;
    for (; ended < byEnd.length && spans[byEnd[ended]!]!.end <= start; ended++) lastStart = Math.max(lastStart, spans[byEnd[ended]!]!.start);
    // An earlier point that ends by lastStart has another point (the one starting there)
    // between it and this one; those ending after lastStart are the nearest, in byEnd's tail.
    for (let index = ended - 1; index >= 0 && spans[byEnd[index]!]!.end > lastStart; index--) links.push([byEnd[index]!, later]);
  }
  return links;
}

const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000];

/**
 * Ticks at the start of months (short spans) or years (long spans) covering
 * [minTime, maxTime], at most maxTicks of them.
 */
export function timeTicks(
  minTime: number,
  maxTime: number,
  maxTicks = 6,
): { iso: string; precision: "MONTH" | "YEAR"; at: number }[] {
  if (!Number.isFinite(minTime) || !Number.isFinite(maxTime)) return [];
  const [low, high] = minTime <= maxTime ? [minTime, maxTime] : [maxTime, minTime];
  const monthOf = (time: number) => {
    const date = new Date(time);
    return date.getUTCFullYear() * 12 + date.getUTCMonth();
  };
  const first = monthOf(low);
  const highMonth = monthOf(high);
  const last = high > monthStart(highMonth) ? highMonth + 1 : highMonth;
  const step =
    MONTH_STEPS.find((candidate) => Math.ceil(last / candidate) - Math.floor(first / candidate) <= maxTicks - 1) ??
    MONTH_STEPS[MONTH_STEPS.length - 1]!;
  const start = Math.floor(first / step);
  const end = Math.max(Math.ceil(last / step), start + 1);
  const ticks = [];
  for (let index = start; index <= end; index++) {
    const month = index * step;
    const at = monthStart(month);
    const date = new Date(at);
    const iso = `${String(date.getUTCFullYear()).padStart(4, "0")}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-01`;
    ticks.push({ iso, precision: step >= 12 ? ("YEAR" as const) : ("MONTH" as const), at });
  }
  return ticks;
}

/** Midnight UTC on the first of a month counted from January of year 0 (setUTCFullYear, unlike Date.UTC, keeps years below 100). */
function monthStart(monthIndex: number): number {
  const date = new Date(0);
  date.setUTCFullYear(Math.floor(monthIndex / 12), ((monthIndex % 12) + 12) % 12, 1);
  date.setUTCHours(0, 0, 0, 0);
  return date.getTime();
}

// ---------------------------------------------------------------------------------------
// Labelled ticks, as the pages' view-models hand them to the charts

/** Value-axis ticks from 0 to past the largest value, labelled as the page prints numbers. */
export function labelledValueTicks(values: readonly number[], language: Language): ChartTick[] {
  return valueTicks(Math.max(0, ...values)).map((at) => ({ at, label: formatNumber(at, language) }));
}

/** Whether the date at `index` of an ordered run starts a year there: the year is printed under the first label and under each new year. */
export function startsYear(isoDates: readonly string[], index: number): boolean {
  return index === 0 || isoDates[index - 1]?.slice(0, 4) !== isoDates[index]?.slice(0, 4);
}

const SHORT_DATE: Record<Precision, Intl.DateTimeFormatOptions> = {
  DAY: { day: "numeric", month: "short", timeZone: "UTC" },
  MONTH: { month: "short", timeZone: "UTC" },
  YEAR: { year: "numeric", timeZone: "UTC" },
};

/** "11 Sep", "Sep" or "2025": a date as short as its precision allows, for an axis. */
export function shortDate(isoDate: string, precision: Precision, language: Language): string {
  return new Intl.DateTimeFormat(language, SHORT_DATE[precision]).format(new Date(`${isoDate}T00:00:00.000Z`));
}

/**
 * Axis labels must be short to fit a phone: "11 Sep" or "Sep" on one line, the year on a
 * second ("сент. 2025 г." in one piece would overlap its neighbours).
 */
export function dateTickLabel(isoDate: string, precision: Precision, language: Language, withYear = true): { label: string; secondLine?: string } {
  const label = shortDate(isoDate, precision, language);
  return precision === "YEAR" || !withYear ? { label } : { label, secondLine: formatDate(isoDate, "YEAR", language) };
}
