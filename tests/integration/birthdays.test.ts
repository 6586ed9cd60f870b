// The birthdays page and the iCalendar feed over real HTTP, on the seeded demo database
// plus birth dates given here (the demo sources give none).
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";

import { supportedLanguages } from "~/i18n";
import { formatCivilDate, isLeapYear, parseCivilDate, todayInMinsk } from "~/prisoners/birthdays.server";
import { configureListLimits } from "~/prisoners/list-limits.server";
import { setCurrentDatabase } from "~/utils/database.server";

import { startTestServer, type TestServer } from "../support/server";
import { reportStatus } from "../support/status-fixture";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

// Tests change the database directly: read the content revision first, as a later visitor would.
const get = async (path: string, init: RequestInit = {}) => {
  await server.contentRevision.refresh();
  return fetch(`${server.url}${path}`, { redirect: "manual", ...init });
};
const page = async (path: string) => {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  return response.text();
};

/** The date `days` after today (Minsk), and a birth date `age` years before it. */
function birthdayIn(days: number, age: number): { birthDate: string; month: number; age: number } {
  const today = parseCivilDate(todayInMinsk())!;
  const target = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
  const [year, month, day] = [target.getUTCFullYear(), target.getUTCMonth() + 1, target.getUTCDate()];
  // Someone celebrating on 29 February was born in a leap year: pick the nearest older age that fits.
  let birthYear = year - age;
  while (month === 2 && day === 29 && !isLeapYear(birthYear)) birthYear--;
  return { birthDate: formatCivilDate({ year: birthYear, month, day }), month, age: year - birthYear };
}

describe("with no known birthdays (the demo data)", () => {
  it.each(supportedLanguages)("explains the empty page in %s and links to the prisoners directory", async (language) => {
    const html = await page(`/${language}/birthdays`);
    expect(html).toContain(`<html lang="${language}"`);
    expect(html).toContain(`href="/${language}/prisoners"`);
    expect(html).toContain(`href="/${language}/birthdays.ics"`);
    expect(html).not.toContain('class="birthday-list"');
    expect(html).toContain('class="birthday-empty"');
  });

  it("says plainly in English and Belarusian that the sources give no birthdays", async () => {
    expect(await page("/en/birthdays")).toContain("do not give the birth dates");
    expect(await page("/be/birthdays")).toContain("не названыя даты нараджэння");
  });

  it("serves an empty but valid calendar", async () => {
    const response = await get("/en/birthdays.ics");
    expect(response.status).toBe(200);
    const calendar = parseCalendar(await response.text());
    expect(calendar.events).toEqual([]);
    expect(calendar.properties.get("X-WR-CALNAME")).toBe("Listy: birthdays of political prisoners");
  });
});

describe("with birthdays", () => {
  // Who is given which birthday: days from today and the age turned.
  const plan = {
    "ihar-ilyash": birthdayIn(3, 40),
    "ales-bialiatski": birthdayIn(20, 63),
    "katsiaryna-bakhvalava": birthdayIn(45, 21),
    "maryia-kalesnikava": birthdayIn(90, 43),
    // Released and dead people are never listed, however near their birthday.
    "siarhei-tsikhanouski": birthdayIn(5, 47),
    "vitold-ashurak": birthdayIn(6, 50),
  };
  const leapDay = "1992-02-29";

  beforeAll(async () => {
    const prisma = server.database.prisma;
    for (const [slug, { birthDate }] of Object.entries(plan)) {
      await prisma.prisoner.update({ where: { slug }, data: { birthDate: new Date(`${birthDate}T00:00:00Z`) } });
    }
    // An invented person born on 29 February, with characters iCalendar must escape.
    await prisma.prisoner.create({
      data: {
        slug: "test-leap-day",
        status: "IN_CUSTODY",
        letterStatus: "CAN_RECEIVE",
        birthDate: new Date(`${leapDay}T00:00:00Z`),
        lastVerifiedOn: new Date("2026-01-01T00:00:00Z"),
        names: {
          create: [
            { script: "BE_CYRILLIC", givenName: "Янка", familyName: "Тэставы; Васільевіч, \\ Працяглае-Прозвішча-Для-Згортвання" },
            { script: "LATIN", givenName: "Janka", familyName: "Testavy; Vasilievich, \\ Long-Name-For-Folding" },
          ],
        },
      },
    });
  });

  it("lists the coming birthdays soonest first, with the age turned, leaving out released and dead people", async () => {
    const html = await page("/en/birthdays");
    const positions = ["Ihar Ilyash", "Ales Bialiatski", "Katsiaryna Bakhvalava"].map((name) => html.indexOf(`>${name}</h3>`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain(`turns ${plan["ihar-ilyash"].age}`);
    expect(html).toContain(`turns ${plan["ales-bialiatski"].age}`);
    expect(html).not.toContain(">Maryia Kalesnikava</h3>");
    expect(html).not.toContain("Tsikhanouski");
    expect(html).not.toContain("Ashurak");
    expect(html).toContain('href="/en/prisoners/ihar-ilyash"');
    expect(html).toContain("Send a card to Ihar Ilyash");
    expect(html).not.toContain('class="birthday-empty"');
  });

  it("says whether post arrives only on a recent report: an old “held incommunicado” is “not known”", async () => {
    const stale = await page("/en/birthdays");
    expect(stale).not.toContain("Held incommunicado: no post is delivered now.");
    expect(stale).toContain("Not known whether post arrives.");
    const publication = await reportStatus(server.database.prisma, "ales-bialiatski", { daysAgo: 30, letterStatus: "INCOMMUNICADO", only: "letterStatus" });
    const fresh = await page("/en/birthdays");
    expect(fresh).toContain("Held incommunicado: no post is delivered now.");
    expect(fresh.replaceAll("<!-- -->", "")).toContain(`as reported by ${publication}`);
  });

  it("writes names in the reader's script and ages with the language's plural forms", async () => {
    const be = await page("/be/birthdays");
    expect(be).toContain(">Ігар Ільяш</h3>");
    const ru = await page("/ru/birthdays");
    expect(ru).toContain(">Игорь Ильяш</h3>");
    const pluralRu = (age: number) => {
      const category = new Intl.PluralRules("ru").select(age);
      return category === "one" ? "год" : category === "few" ? "года" : "лет";
    };
    for (const slug of ["ihar-ilyash", "ales-bialiatski", "katsiaryna-bakhvalava"] as const) {
      const { age } = plan[slug];
      expect(ru).toContain(`исполняется ${age} ${pluralRu(age)}`);
    }
    // Planned as 40 ("many" in Belarusian), 21 ("one") and 63 ("few").
    const pluralBe = (age: number) => ({ one: "год", few: "гады", many: "гадоў" })[new Intl.PluralRules("be").select(age) as "one"];
    const forms = new Set<string>();
    for (const slug of ["ihar-ilyash", "ales-bialiatski", "katsiaryna-bakhvalava"] as const) {
      const { age } = plan[slug];
      expect(be).toContain(`спаўняецца ${age} ${pluralBe(age)}`);
      forms.add(pluralBe(age));
    }
    expect(forms.size).toBe(3);
  });

  it("shows everyone with a known birthday in the chosen month, whatever the 60-day window", async () => {
    const month = plan["maryia-kalesnikava"].month;
    const html = await page(`/en/birthdays?month=${month}`);
    const monthName = new Intl.DateTimeFormat("en", { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2000, month - 1, 1)));
    expect(html).toContain(`Birthdays in ${monthName}`);
    expect(html).toContain(">Maryia Kalesnikava</h3>");
    const names: Record<string, string> = {
      "ihar-ilyash": "Ihar Ilyash",
      "ales-bialiatski": "Ales Bialiatski",
      "katsiaryna-bakhvalava": "Katsiaryna Bakhvalava",
    };
    for (const [slug, name] of Object.entries(names)) {
      const inMonth = plan[slug as keyof typeof plan].month === month;
      expect(html.includes(`>${name}</h3>`), name).toBe(inMonth);
    }
    expect(html).not.toContain("Tsikhanouski");
    // The form keeps the choice.
    expect(html).toMatch(new RegExp(`<option value="${month}" selected=""`));
  });

  it("puts the 29 February birthday in February", async () => {
    const html = await page("/en/birthdays?month=2");
    expect(html).toContain("Janka Testavy; Vasilievich, \\ Long-Name-For-Folding");
    const march = await page("/en/birthdays?month=3");
    expect(march).not.toContain("Janka");
  });

  it.each(["13", "abc", "0", "-1", "%3Cscript%3E", "9".repeat(3000), "2%00"])(
    "answers ?month=%s with the upcoming list and a note, never an error",
    async (value) => {
      const html = await page(`/en/birthdays?month=${value}`);
      expect(html).toContain("The month in the address is not one we know");
      expect(html).toContain(">Ihar Ilyash</h3>");
      expect(html).toContain("Birthdays in the next 60 days");
    },
  );

  it("treats an empty ?month= as the upcoming list, without a note", async () => {
    const html = await page("/en/birthdays?month=");
    expect(html).not.toContain("The month in the address is not one we know");
    expect(html).toContain(">Ihar Ilyash</h3>");
    expect(html).toMatch(/<option value="" selected=""/);
  });

  it("serves the feed as RFC 5545 text: CRLF, folded lines, one event per person who can still be helped", async () => {
    // A year ahead here, so that every planned birthday (and 29 February) is in the feed;
    // the 60-day bound itself is tested in scale.test.ts.
    const previous = configureListLimits({ birthdayFeedDays: 366 });
    onTestFinished(() => void configureListLimits(previous));
    const response = await get("/be/birthdays.ics");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
    const text = await response.text();
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    const rawLines = text.split("\r\n");
    for (const line of rawLines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(rawLines.some((line) => line.startsWith(" ")), "some line was folded").toBe(true);

    const calendar = parseCalendar(text);
    expect(calendar.properties.get("X-WR-CALNAME")).toBe("Listy: дні нараджэння палітвязняў");
    const uids = calendar.events.map((event) => event.get("UID"));
    expect(new Set(uids).size).toBe(uids.length);
    // Stable UIDs qualified by the site's host: the profile's id, not its editable slug.
    const slugs = ["ales-bialiatski", "ihar-ilyash", "katsiaryna-bakhvalava", "maryia-kalesnikava", "test-leap-day"];
    const profiles = await server.database.prisma.prisoner.findMany({ where: { slug: { in: slugs } }, select: { id: true } });
    const host = new URL(server.url).hostname;
    expect([...uids].sort()).toEqual(profiles.map((profile) => `birthday-${profile.id}@${host}`).sort());

    const ilyash = calendar.events.find((event) => event.get("URL") === `${server.url}/be/prisoners/ihar-ilyash`)!;
    expect(ilyash.get("SUMMARY")).toBe("Дзень нараджэння: Ігар Ільяш");
    expect(ilyash.get("DTSTART;VALUE=DATE")).toBe(plan["ihar-ilyash"].birthDate.replaceAll("-", ""));
    expect(ilyash.get("RRULE")).toBe("FREQ=YEARLY");
    expect(ilyash.get("DTSTAMP")).toMatch(/^\d{8}T\d{6}Z$/);
    expect(ilyash.get("DESCRIPTION")).toContain(`${server.url}/be/prisoners/ihar-ilyash`);

    const leap = calendar.events.find((event) => event.get("URL") === `${server.url}/be/prisoners/test-leap-day`)!;
    expect(leap.get("RRULE")).toBe("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1");
    expect(leap.get("DTSTART;VALUE=DATE")).toBe("19920229");
    expect(leap.get("SUMMARY")).toBe("Дзень нараджэння: Янка Тэставы\\; Васільевіч\\, \\\\ Працяглае-Прозвішча-Для-Згортвання");
    expect(unescapeText(leap.get("SUMMARY")!)).toBe("Дзень нараджэння: Янка Тэставы; Васільевіч, \\ Працяглае-Прозвішча-Для-Згортвання");
  });

  it("writes the feed in the URL's language", async () => {
    const calendar = parseCalendar(await (await get("/en/birthdays.ics")).text());
    const ilyash = calendar.events.find((event) => event.get("URL") === `${server.url}/en/prisoners/ihar-ilyash`)!;
    expect(ilyash.get("SUMMARY")).toBe("Birthday: Ihar Ilyash");
    expect(calendar.properties.get("X-WR-CALNAME")).toBe("Listy: birthdays of political prisoners");
    const ru = parseCalendar(await (await get("/ru/birthdays.ics")).text());
    expect(ru.events.find((event) => event.get("URL") === `${server.url}/ru/prisoners/ihar-ilyash`)!.get("SUMMARY")).toBe("День рождения: Игорь Ильяш");
  });

  it("links profiles under PUBLIC_URL when it is set", async () => {
    const configured = await startTestServer({ PUBLIC_URL: "https://listy.example.org" });
    try {
      await configured.database.prisma.prisoner.update({
        where: { slug: "ihar-ilyash" },
        // Soon, whatever today is: the feed holds the next 60 days.
        data: { birthDate: new Date(`${birthdayIn(3, 49).birthDate}T00:00:00Z`) },
      });
      const text = await (await fetch(`${configured.url}/en/birthdays.ics`)).text();
      const ilyash = parseCalendar(text).events.find((event) => event.get("URL") === "https://listy.example.org/en/prisoners/ihar-ilyash")!;
      expect(ilyash.get("URL")).toBe("https://listy.example.org/en/prisoners/ihar-ilyash");
      expect(ilyash.get("UID")).toMatch(/^birthday-[a-z0-9]+@listy\.example\.org$/);
      expect(text).not.toContain(configured.url);
    } finally {
      await configured.close();
      // startTestServer made its database the current one; hand it back to this file's server.
      setCurrentDatabase(server.database);
    }
  });

  it("answers a repeated poll with 304 when nothing changed", async () => {
    const first = await get("/pl/birthdays.ics");
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await get("/pl/birthdays.ics", { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const other = await get("/lt/birthdays.ics", { headers: { "If-None-Match": etag! } });
    expect(other.status).toBe(200);
  });

  it("answers an unknown language with 404", async () => {
    expect((await get("/xx/birthdays.ics")).status).toBe(404);
    expect((await get("/xx/birthdays")).status).toBe(404);
  });
});

// ---------------------------------------------------------------------------
// A tiny iCalendar reader: unfolds lines, checks BEGIN/END pairs, collects properties.

interface ParsedCalendar {
  properties: Map<string, string>;
  events: Map<string, string>[];
}

function parseCalendar(text: string): ParsedCalendar {
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n");
  expect(lines.pop()).toBe("");
  const stack: string[] = [];
  const properties = new Map<string, string>();
  const events: Map<string, string>[] = [];
  let current: Map<string, string> | null = null;
  for (const line of lines) {
    const colon = line.indexOf(":");
    expect(colon, `no colon in ${line}`).toBeGreaterThan(0);
    const [name, value] = [line.slice(0, colon), line.slice(colon + 1)];
    if (name === "BEGIN") {
      stack.push(value);
      if (value === "VEVENT") {
        current = new Map();
        events.push(current);
      }
    } else if (name === "END") {
      expect(stack.pop(), `END:${value} without its BEGIN`).toBe(value);
      if (value === "VEVENT") current = null;
    } else {
      expect(stack.length, `${name} outside any component`).toBeGreaterThan(0);
      const target = current ?? properties;
      expect(target.has(name), `${name} twice`).toBe(false);
      target.set(name, value);
    }
  }
  expect(stack).toEqual([]);
  expect(lines[0]).toBe("BEGIN:VCALENDAR");
  expect(properties.get("VERSION")).toBe("2.0");
  for (const event of events) {
    for (const required of ["UID", "DTSTAMP", "DTSTART;VALUE=DATE", "SUMMARY"]) expect(event.has(required), required).toBe(true);
  }
  return { properties, events };
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char.toLowerCase() === "n" ? "\n" : char));
}
