// Birthdays of people who can still be helped: the upcoming list, a month view and the
// iCalendar feed. Dates are civil dates ("YYYY-MM-DD") computed in UTC, so no time zone or
// daylight-saving change can move a birthday by a day.
import type { PrisonerStatus } from "@prisma/client";

import type { Language } from "~/i18n";
import { cachedUntilContentChanges } from "~/utils/content-revision.server";
import { getPrisma } from "~/utils/database.server";
import { compactDate, compactTimestamp, escapeIcsText, foldIcsLine, hostOf } from "~/utils/icalendar";

import { displayName, type PersonName } from "./person-name";
import { STATUS_REPORT_SELECT, toStatusReports, type StatusReports } from "./status-report.server";

/** How far ahead the upcoming list looks: today plus this many days, both ends included. */
export const BIRTHDAY_WINDOW_DAYS = 60;

/** A card still matters to these people; released, exiled and dead people are left out. */
const HELPABLE_STATUSES: PrisonerStatus[] = ["IN_CUSTODY", "INCOMMUNICADO"];


// ---------------------------------------------------------------------------
// Date maths (pure)

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "1962-09-25" → { 1962, 9, 25 }; null for anything that is not a real calendar date. */
export function parseCivilDate(iso: string): CivilDate | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function formatCivilDate({ year, month, day }: CivilDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const dayNumber = ({ year, month, day }: CivilDate) => Date.UTC(year, month - 1, day) / 86_400_000;

/**
 * The day a birthday is celebrated in a given year. People born on 29 February celebrate
 * on 28 February in non-leap years (the day before 1 March, and still in their month).
 */
export function celebrationIn(birth: CivilDate, year: number): CivilDate {
  if (birth.month === 2 && birth.day === 29 && !isLeapYear(year)) return { year, month: 2, day: 28 };
  return { year, month: birth.month, day: birth.day };
}

export interface NextBirthday {
  /** ISO date of the next celebration, today included. */
  date: string;
  /** The age the person turns on that day. */
  age: number;
  /** 0 when the birthday is today. */
  daysUntil: number;
}

/** The next birthday on or after today; null for a birth date after today (bad data). */
export function nextBirthday(birthIso: string, todayIso: string): NextBirthday | null {
  const birth = parseCivilDate(birthIso);
  const today = parseCivilDate(todayIso);
  if (!birth || !today || dayNumber(birth) > dayNumber(today)) return null;
  let next = celebrationIn(birth, today.year);
  // Passed already this year: December's today looks ahead into January of the next year.
  if (dayNumber(next) < dayNumber(today)) next = celebrationIn(birth, today.year + 1);
  // Born today: the first birthday is a year away.
  if (next.year === birth.year) next = celebrationIn(birth, birth.year + 1);
  return { date: formatCivilDate(next), age: next.year - birth.year, daysUntil: dayNumber(next) - dayNumber(today) };
}

/** The calendar date in Minsk, where the birthdays happen, whatever the server's zone. */
export function todayInMinsk(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Minsk", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The ?month= parameter: 1–12, or null. `invalid` says a value was given but made no sense. */
export function parseMonthParam(value: string | null): { month: number | null; invalid: boolean } {
  const text = (value ?? "").trim();
  if (text === "") return { month: null, invalid: false };
  if (!/^\d{1,2}$/.test(text)) return { month: null, invalid: true };
  const month = Number(text);
  return month >= 1 && month <= 12 ? { month, invalid: false } : { month: null, invalid: true };
}

// ---------------------------------------------------------------------------
// People

/** With the reports behind the status and letter status (status-report.server.ts). */
export interface BirthdayPerson extends StatusReports {
  /** The profile's id: what the calendar's UID is made of (a slug can be edited). */
  id: string;
  slug: string;
  name: PersonName;
  birthDate: string;
  /** When the record last changed (ISO timestamp): the feed's DTSTAMP. */
  updatedAt: string;
}

export type UpcomingBirthday = BirthdayPerson & NextBirthday;

/** Everyone who can still be helped and whose birth date a source gives. */
export const listKnownBirthdays = cachedUntilContentChanges(readListKnownBirthdays, { countersShown: false });

async function readListKnownBirthdays(language: Language): Promise<BirthdayPerson[]> {
  const rows = await getPrisma().prisoner.findMany({
    where: { draft: false, birthDate: { not: null }, status: { in: HELPABLE_STATUSES } },
    select: {
      id: true,
      slug: true,
      ...STATUS_REPORT_SELECT,
      birthDate: true,
      updatedAt: true,
      names: { select: { script: true, givenName: true, patronymic: true, familyName: true } },
    },
    orderBy: { slug: "asc" },
  });
  return rows.flatMap((row) =>
    row.birthDate
      ? [
          {
            id: row.id,
            slug: row.slug,
            ...toStatusReports(row, language),
            name: displayName(row.names, language),
            birthDate: row.birthDate.toISOString().slice(0, 10),
            updatedAt: row.updatedAt.toISOString(),
          },
        ]
      : [],
  );
}

function withNext(people: BirthdayPerson[], todayIso: string): UpcomingBirthday[] {
  return people.flatMap((person) => {
    const next = nextBirthday(person.birthDate, todayIso);
    return next ? [{ ...person, ...next }] : [];
  });
}

function byDateThenName(language: Language) {
  const collator = new Intl.Collator(language);
  return (a: UpcomingBirthday, b: UpcomingBirthday) =>
    a.daysUntil - b.daysUntil ||
    collator.compare(a.name.familyName, b.name.familyName) ||
    collator.compare(a.name.givenName, b.name.givenName);
}

/** Birthdays from today to today + `days` (both included), soonest first. */
export function upcomingBirthdays(
  people: BirthdayPerson[],
  { today, language, days = BIRTHDAY_WINDOW_DAYS }: { today: string; language: Language; days?: number },
): UpcomingBirthday[] {
  return withNext(people, today)
    .filter((person) => person.daysUntil <= days)
    .sort(byDateThenName(language));
}

/** Everyone born in a month (29 February counts as February), by their next birthday. */
export function birthdaysInMonth(
  people: BirthdayPerson[],
  { month, today, language }: { month: number; today: string; language: Language },
): UpcomingBirthday[] {
  return withNext(people, today)
    .filter((person) => parseCivilDate(person.birthDate)?.month === month)
    .sort(byDateThenName(language));
}

// ---------------------------------------------------------------------------
// iCalendar (RFC 5545): the primitives are shared with the campaign calendars.

export { escapeIcsText, foldIcsLine } from "~/utils/icalendar";

export interface CalendarStrings {
  name: string;
  description: string;
  summary(name: string): string;
  eventDescription(name: string, url: string): string;
}

export interface BirthdayCalendarInput {
  people: BirthdayPerson[];
  language: Language;
  /** Absolute origin for profile links, e.g. https://listy.example.org */
  origin: string;
  strings: CalendarStrings;
  formatName(name: PersonName): string;
}

/** A whole VCALENDAR: one yearly all-day event per person, lines folded and CRLF-terminated. */
export function buildBirthdayCalendar({ people, language, origin, strings, formatName }: BirthdayCalendarInput): string {
  const text = (property: string, value: string) => `${property}:${escapeIcsText(value)}`;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//Listy//Birthdays//${language.toUpperCase()}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    text("NAME", strings.name),
    text("X-WR-CALNAME", strings.name),
    text("DESCRIPTION", strings.description),
    text("X-WR-CALDESC", strings.description),
    // Calendar apps poll a subscription; twice a day is plenty for birthdays.
    "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
    "X-PUBLISHED-TTL:PT12H",
  ];
  for (const person of people) {
    const birth = parseCivilDate(person.birthDate);
    if (!birth) continue;
    const name = formatName(person.name);
    const url = `${origin}/${language}/prisoners/${person.slug}`;
    const dayAfter = new Date(Date.UTC(birth.year, birth.month - 1, birth.day + 1)).toISOString().slice(0, 10);
    const leapDay = birth.month === 2 && birth.day === 29;
    lines.push(
      "BEGIN:VEVENT",
      // Stable and unique beyond this site: the profile's id and the site's host (RFC 5545 §3.8.4.7).
      `UID:birthday-${person.id}@${hostOf(origin)}`,
      `DTSTAMP:${compactTimestamp(person.updatedAt)}`,
      `DTSTART;VALUE=DATE:${compactDate(person.birthDate)}`,
      `DTEND;VALUE=DATE:${compactDate(dayAfter)}`,
      // The last day of February: the 29th in leap years, the 28th otherwise.
      leapDay ? "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" : "RRULE:FREQ=YEARLY",
      text("SUMMARY", strings.summary(name)),
      text("DESCRIPTION", strings.eventDescription(name, url)),
      `URL:${url}`,
      "TRANSP:TRANSPARENT",
      "CLASS:PUBLIC",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldIcsLine).join("\r\n") + "\r\n";
}
