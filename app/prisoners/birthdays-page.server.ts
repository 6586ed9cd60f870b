// The birthdays page's view-model (the upcoming birthdays, or those of one month, with names,
// dates, month names and "in 3 days" formatted for the page's language) and its calendar feed.
import { createHash } from "node:crypto";

import type { Language } from "~/i18n";
import { cachedUntilContentChanges } from "~/utils/content-revision.server";
import { formatDate, formatPersonName } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";

import { BIRTHDAY_WINDOW_DAYS, birthdaysInMonth, buildBirthdayCalendar, listKnownBirthdays, parseMonthParam, todayInMinsk, upcomingBirthdays } from "./birthdays.server";
import { listLimits } from "./list-limits.server";

export async function loadBirthdaysPage(language: Language, url: URL) {
  // A month outside 1–12 (or not a number) falls back to the upcoming list, with a note.
  const { month, invalid } = parseMonthParam(url.searchParams.get("month"));
  const today = todayInMinsk();
  const [t, people] = await Promise.all([getFixedT(language, "birthdays"), listKnownBirthdays(language)]);
  const entries = month
    ? birthdaysInMonth(people, { month, today, language })
    : upcomingBirthdays(people, { today, language });

  // Month names and dates are formatted here: browsers' ICU data differs from Node's.
  const monthFormat = new Intl.DateTimeFormat(language, { month: "long", timeZone: "UTC" });
  const monthName = (value: number) => monthFormat.format(new Date(Date.UTC(2000, value - 1, 1)));
  const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
  const relative = new Intl.RelativeTimeFormat(language, { numeric: "auto" });

  return {
    language,
    month,
    invalidMonth: invalid,
    windowDays: BIRTHDAY_WINDOW_DAYS,
    feedDays: listLimits().birthdayFeedDays,
    knownCount: people.length,
    monthName: month ? monthName(month) : null,
    months: Array.from({ length: 12 }, (_, index) => ({ value: index + 1, label: capitalised(monthName(index + 1)) })),
    birthdays: entries.map((entry) => ({
      slug: entry.slug,
      name: formatPersonName(entry.name),
      status: entry.status,
      statusReport: entry.statusReport,
      letterStatus: entry.letterStatus,
      letterStatusReport: entry.letterStatusReport,
      // Cards follow what the site acts on: a stale report says "not known", never "no post".
      letterStatusToActOn: entry.letterStatusToActOn,
      age: entry.age,
      date: entry.date,
      displayDate: formatDate(entry.date, "DAY", language),
      displayWhen: relative.format(entry.daysUntil, "day"),
    })),
    meta: { title: t("birthdays:meta.title"), description: t("birthdays:meta.description"), calendar: t("birthdays:calendar.link") },
  };
}

/**
 * The calendar feed (.ics) of the birthdays coming in the next `birthdayFeedDays` days, in
 * the page's language, with its ETag; profile links start with `origin`. Bounded, so that it
 * does not grow with the whole list, and made once per content revision and day.
 */
export function birthdayCalendarFeed(language: Language, origin: string): Promise<{ body: string; etag: string }> {
  return readBirthdayCalendarFeed(language, origin, listLimits().birthdayFeedDays, todayInMinsk());
}

// Keyed by the day in Minsk, so the window moves at midnight; no counters in it (decision 0015).
const readBirthdayCalendarFeed = cachedUntilContentChanges(async (language: Language, origin: string, days: number, today: string) => {
  const [t, known] = await Promise.all([getFixedT(language, "birthdays"), listKnownBirthdays(language)]);
  // The people themselves, in the known order; each keeps their yearly event while near.
  const soon = new Set(upcomingBirthdays(known, { today, language, days }).map((person) => person.slug));
  const body = buildBirthdayCalendar({
    people: known.filter((person) => soon.has(person.slug)),
    language,
    origin,
    formatName: formatPersonName,
    strings: {
      name: t("birthdays:calendar.name"),
      description: t("birthdays:calendar.description"),
      summary: (name) => t("birthdays:calendar.summary", { name }),
      eventDescription: (name, url) => t("birthdays:calendar.event-description", { name, url }),
    },
  });
  return { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
}, { countersShown: false });
