import { describe, expect, it } from "vitest";

import {
  birthdaysInMonth,
  buildBirthdayCalendar,
  celebrationIn,
  escapeIcsText,
  foldIcsLine,
  nextBirthday,
  parseMonthParam,
  todayInMinsk,
  upcomingBirthdays,
  type BirthdayPerson,
} from "~/prisoners/birthdays.server";
import { formatPersonName } from "~/utils/format";

const octets = (text: string) => Buffer.byteLength(text, "utf8");

function person(slug: string, birthDate: string, familyName = slug): BirthdayPerson {
  return {
    id: `id-${slug}`,
    slug,
    status: "IN_CUSTODY",
    statusReport: { freshness: "unreported", report: null },
    letterStatus: "UNKNOWN",
    letterStatusReport: { freshness: "unreported", report: null },
    letterStatusToActOn: "UNKNOWN",
    name: { givenName: "Test", patronymic: null, familyName },
    birthDate,
    updatedAt: "2026-01-02T03:04:05.678Z",
  };
}

describe("nextBirthday", () => {
  it("finds a birthday later this year and the age turned", () => {
    expect(nextBirthday("1962-09-25", "2026-09-01")).toEqual({ date: "2026-09-25", age: 64, daysUntil: 24 });
  });

  it("counts a birthday today as today, not next year", () => {
    expect(nextBirthday("1980-11-23", "2026-11-23")).toEqual({ date: "2026-11-23", age: 46, daysUntil: 0 });
  });

  it("wraps from December into January of the next year", () => {
    expect(nextBirthday("1990-01-05", "2026-12-20")).toEqual({ date: "2027-01-05", age: 37, daysUntil: 16 });
    // Yesterday's birthday is a year away.
    expect(nextBirthday("1990-12-19", "2026-12-20")).toEqual({ date: "2027-12-19", age: 37, daysUntil: 364 });
  });

  it("celebrates 29 February on 28 February in non-leap years and on the 29th in leap years", () => {
    expect(celebrationIn({ year: 1988, month: 2, day: 29 }, 2027)).toEqual({ year: 2027, month: 2, day: 28 });
    expect(celebrationIn({ year: 1988, month: 2, day: 29 }, 2028)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(celebrationIn({ year: 1988, month: 2, day: 29 }, 2100)).toEqual({ year: 2100, month: 2, day: 28 });
    expect(nextBirthday("1988-02-29", "2027-02-01")).toEqual({ date: "2027-02-28", age: 39, daysUntil: 27 });
    expect(nextBirthday("1988-02-29", "2028-02-01")).toEqual({ date: "2028-02-29", age: 40, daysUntil: 28 });
    // Already celebrated on the 28th this (non-leap) year: next is the real 29th.
    expect(nextBirthday("1988-02-29", "2027-03-01")).toEqual({ date: "2028-02-29", age: 40, daysUntil: 365 });
  });

  it("gives the first birthday of someone born today a year on, and nothing for birth dates in the future", () => {
    expect(nextBirthday("2026-05-10", "2026-05-10")).toEqual({ date: "2027-05-10", age: 1, daysUntil: 365 });
    expect(nextBirthday("2030-01-01", "2026-05-10")).toBeNull();
    expect(nextBirthday("1990-02-30", "2026-05-10")).toBeNull();
  });
});

describe("upcomingBirthdays", () => {
  const today = "2026-12-01";
  const people = [
    person("day-sixty", "1970-01-30"), // 2026-12-01 + 60 days = 2027-01-30
    person("day-sixty-one", "1970-01-31"),
    person("today", "1985-12-01"),
    person("yesterday", "1985-11-30"),
    person("new-year", "2000-01-01"),
    person("leap", "1992-02-29"),
  ];

  it("includes today and day 60, excludes day 61 and yesterday, soonest first across the year end", () => {
    const list = upcomingBirthdays(people, { today, language: "en" });
    expect(list.map((entry) => [entry.slug, entry.date, entry.age, entry.daysUntil])).toEqual([
      ["today", "2026-12-01", 41, 0],
      ["new-year", "2027-01-01", 27, 31],
      ["day-sixty", "2027-01-30", 57, 60],
    ]);
  });

  it("respects a custom window and sorts people with the same day by name", () => {
    const twins = [person("b", "1980-12-03", "Zhuk"), person("a", "1981-12-03", "Aleksiejeu")];
    expect(upcomingBirthdays(twins, { today, language: "en", days: 1 })).toEqual([]);
    expect(upcomingBirthdays(twins, { today, language: "en", days: 2 }).map((entry) => entry.slug)).toEqual(["a", "b"]);
  });

  it("brings in a leap-day birthday on 28 February in a non-leap year", () => {
    const list = upcomingBirthdays([person("leap", "1992-02-29")], { today: "2027-01-15", language: "en" });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ date: "2027-02-28", age: 35, daysUntil: 44 });
  });
});

describe("birthdaysInMonth", () => {
  it("lists everyone born in the month whatever the window, by next birthday, 29 February in February", () => {
    const people = [person("late-feb", "1975-02-20"), person("leap", "1992-02-29"), person("early-feb", "1960-02-02"), person("march", "1960-03-01")];
    const list = birthdaysInMonth(people, { month: 2, today: "2026-02-10", language: "en" });
    expect(list.map((entry) => [entry.slug, entry.date, entry.age])).toEqual([
      ["late-feb", "2026-02-20", 51],
      ["leap", "2026-02-28", 34],
      ["early-feb", "2027-02-02", 67],
    ]);
    expect(birthdaysInMonth(people, { month: 7, today: "2026-02-10", language: "en" })).toEqual([]);
  });
});

describe("parseMonthParam and todayInMinsk", () => {
  it.each([
    [null, null, false],
    ["", null, false],
    ["  ", null, false],
    ["1", 1, false],
    ["09", 9, false],
    ["12", 12, false],
    ["13", null, true],
    ["0", null, true],
    ["abc", null, true],
    ["-1", null, true],
    ["1.5", null, true],
    ["9".repeat(500), null, true],
  ])("reads %j as month %j (invalid: %j)", (value, month, invalid) => {
    expect(parseMonthParam(value)).toEqual({ month, invalid });
  });

  it("uses the calendar date in Minsk (UTC+3)", () => {
    expect(todayInMinsk(new Date("2026-12-31T20:59:59Z"))).toBe("2026-12-31");
    expect(todayInMinsk(new Date("2026-12-31T21:00:00Z"))).toBe("2027-01-01");
  });
});

describe("iCalendar text", () => {
  it("escapes backslashes, semicolons, commas and newlines in TEXT values", () => {
    expect(escapeIcsText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
    expect(escapeIcsText("bell\u0007 tab\t")).toBe("bell tab\t");
  });

  it("folds long Cyrillic lines at 75 octets without splitting a character", () => {
    const line = `SUMMARY:${"Дзень нараджэння: Алесь Бяляцкі, ".repeat(6)}😀 end`;
    const folded = foldIcsLine(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(4);
    for (const [index, part] of physical.entries()) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(" ")).toBe(true);
      // A split inside a UTF-8 sequence would leave a replacement character behind.
      expect(Buffer.from(part, "utf8").toString("utf8")).toBe(part);
      expect(part).not.toContain("\uFFFD");
    }
    // Lines are filled: a fold happens only when the next character would not fit.
    for (const part of physical.slice(0, -1)) expect(octets(part)).toBeGreaterThanOrEqual(72);
    expect(physical.map((part, index) => (index === 0 ? part : part.slice(1))).join("")).toBe(line);
  });

  it("leaves short lines alone", () => {
    expect(foldIcsLine("BEGIN:VCALENDAR")).toBe("BEGIN:VCALENDAR");
    const exact = `X:${"a".repeat(73)}`;
    expect(foldIcsLine(exact)).toBe(exact);
    expect(foldIcsLine(`${exact}b`)).toBe(`${exact}\r\n b`);
  });
});

describe("buildBirthdayCalendar", () => {
  const people = [
    { ...person("ales-bialiatski", "1962-09-25"), name: { givenName: "Алесь", patronymic: "Віктаравіч", familyName: "Бяляцкі" } },
    { ...person("leap-person", "1992-02-29"), name: { givenName: "Кацярына", patronymic: null, familyName: "Бахвалава; Ц, \\" } },
  ];
  const calendar = buildBirthdayCalendar({
    people,
    language: "be",
    origin: "https://listy.example.org",
    formatName: formatPersonName,
    strings: {
      name: "Listy: дні нараджэння палітвязняў",
      description: "Дні нараджэння, паводле крыніц",
      summary: (name) => `Дзень нараджэння: ${name}`,
      eventDescription: (name, url) => `${name}: дзень нараджэння. Профіль: ${url}`,
    },
  });

  it("uses CRLF everywhere and keeps every line within 75 octets", () => {
    expect(calendar.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(calendar.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    for (const line of calendar.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it("writes one yearly all-day event per person with stable UIDs and the leap-day rule", () => {
    const unfolded = calendar.replace(/\r\n /g, "");
    expect(unfolded.match(/^BEGIN:VEVENT$/gm)).toHaveLength(2);
    // The profile's id and the site's host: stable when a slug is edited, unique beyond the site.
    expect(unfolded).toContain("UID:birthday-id-ales-bialiatski@listy.example.org\r\n");
    expect(unfolded).toContain("DTSTART;VALUE=DATE:19620925\r\nDTEND;VALUE=DATE:19620926\r\nRRULE:FREQ=YEARLY\r\n");
    expect(unfolded).toContain("DTSTART;VALUE=DATE:19920229\r\nDTEND;VALUE=DATE:19920301\r\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\r\n");
    expect(unfolded).toContain("DTSTAMP:20260102T030405Z\r\n");
    expect(unfolded).toContain("SUMMARY:Дзень нараджэння: Алесь Віктаравіч Бяляцкі\r\n");
    expect(unfolded).toContain("SUMMARY:Дзень нараджэння: Кацярына Бахвалава\\; Ц\\, \\\\\r\n");
    expect(unfolded).toContain("X-WR-CALNAME:Listy: дні нараджэння палітвязняў\r\n");
    expect(unfolded).toContain("X-WR-CALDESC:Дні нараджэння\\, паводле крыніц\r\n");
    expect(unfolded).toContain("URL:https://listy.example.org/be/prisoners/ales-bialiatski\r\n");
    expect(unfolded).toContain("Профіль: https://listy.example.org/be/prisoners/leap-person\r\n");
  });

  it("is a valid empty calendar when no birthday is known", () => {
    const empty = buildBirthdayCalendar({
      people: [],
      language: "en",
      origin: "http://localhost",
      formatName: formatPersonName,
      strings: { name: "N", description: "D", summary: (name) => name, eventDescription: (name) => name },
    });
    expect(empty.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Listy//Birthdays//EN\r\n")).toBe(true);
    expect(empty).not.toContain("VEVENT");
  });
});
