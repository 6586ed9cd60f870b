// Issue 13, "done when": no public page states a status without its report. This walks every
// public page that names a demo person, in all six languages, over real HTTP: every status
// badge sits in a data-status-report wrapper that names the source and the date; today every
// demo report is too old to state as true (only a death, which is final, stays "fresh"); and
// no stale letter status decides where a letter goes. Then one person's report is dated 30
// days back (stated "as reported by") and 213 days back ("last reported", letters "not known").
import type { DatePrecision } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { supportedLanguages, type Language } from "~/i18n";
import { todayInMinsk } from "~/prisoners/birthdays.server";
import { configureListLimits } from "~/prisoners/list-limits.server";
import { formatDate } from "~/utils/format";
import { getLocaleBundle } from "~/utils/locales.server";

import { startTestServer, type TestServer } from "../support/server";
import { daysAgo, reportStatus } from "../support/status-fixture";

type Strings = Record<string, unknown>;
/** A string from the real locale files, e.g. text("be", "prisoners", "status-report.as-reported"). */
function text(language: Language, namespace: string, path: string): string {
  const tree = getLocaleBundle().resources[language]?.[namespace] as Strings | undefined;
  const value = path.split(".").reduce<unknown>((node, key) => (node as Strings | undefined)?.[key], tree);
  if (typeof value !== "string") throw new Error(`no string ${language}/${namespace}:${path}`);
  return value;
}
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? `{{${name}}}`);

/** Visible text of an HTML fragment: no tags, no React's text separators, entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

interface Stated {
  freshness: string;
  /** The badge's class suffix (in-custody …), or null for a letter status's report. */
  badge: string | null;
  note: string;
}

/** Every status-report wrapper on a page (StatusWithReport and LetterAnswerReport). */
function statedStatuses(html: string): Stated[] {
  return [...html.matchAll(/<span class="status-report" data-status-report="([a-z]+)">(.*?)<\/span><\/span>/gs)].map(([, freshness, inner]) => ({
    freshness: freshness!,
    badge: /^<span class="status status--([a-z-]+)">/.exec(inner!)?.[1] ?? null,
    note: textOf(/<span class="status-report__note">(.*)$/s.exec(inner!)?.[1] ?? ""),
  }));
}

const badgeCount = (html: string) => html.split('class="status status--').length - 1;

interface PersonReport {
  slug: string;
  status: string;
  letterStatus: string;
  statusReport: { publication: string; iso: string; precision: DatePrecision } | null;
  letterStatusReport: { publication: string; iso: string; precision: DatePrecision } | null;
}

describe("every public page states each status with its report", () => {
  let server: TestServer;
  let people: PersonReport[];
  // Tests change the database directly: read the revision first, as a later visitor would.
  const page = async (path: string) => {
    await server.contentRevision.refresh();
    let response = await fetch(`${server.url}${path}`, { redirect: "manual" });
    // "Who needs a letter" chooses, then redirects to the chosen person's page (issue 15).
    const location = response.headers.get("location");
    if (response.status === 302 && location?.startsWith("/")) response = await fetch(`${server.url}${location}`, { redirect: "manual" });
    expect(response.status, path).toBe(200);
    return (await response.text()).replaceAll("\0", "");
  };
  /** Every URL the sitemap lists: the index, then each of its files. */
  const sitemapUrls = async () => {
    const index = await page("/sitemap.xml");
    const files = [...index.matchAll(/<sitemap><loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
    expect(files.length).toBeGreaterThan(0);
    return (await Promise.all(files.map(page))).join("\n");
  };

  beforeAll(async () => {
    server = await startTestServer();
    // Every demo birthday is set to the 1st of this month below: the feed looks a year ahead
    // so that it has events to check (its 60-day bound is tested in scale.test.ts).
    configureListLimits({ birthdayFeedDays: 366 });
    const prisma = server.database.prisma;
    // The demo sources give no birth dates; without them the birthdays page names nobody.
    const month = todayInMinsk().slice(5, 7);
    await prisma.prisoner.updateMany({ data: { birthDate: new Date(`1980-${month}-01T00:00:00.000Z`) } });
    const report = (source: { publication: string } | null, on: Date | null, precision: DatePrecision | null) =>
      source && on ? { publication: source.publication, iso: on.toISOString().slice(0, 10), precision: precision ?? "DAY" } : null;
    people = (
      await prisma.prisoner.findMany({
        where: { draft: false },
        select: {
          slug: true,
          status: true,
          letterStatus: true,
          statusSource: { select: { publication: true } },
          statusReportedOn: true,
          statusReportedPrecision: true,
          letterStatusSource: { select: { publication: true } },
          letterStatusReportedOn: true,
          letterStatusReportedPrecision: true,
        },
      })
    ).map((row) => ({
      slug: row.slug,
      status: row.status,
      letterStatus: row.letterStatus,
      statusReport: report(row.statusSource, row.statusReportedOn, row.statusReportedPrecision),
      letterStatusReport: report(row.letterStatusSource, row.letterStatusReportedOn, row.letterStatusReportedPrecision),
    }));
  });

  afterAll(async () => {
    await server?.close();
  });

  /** The note a report gets in a language: "as reported by …" or "last reported by …". */
  const noteFor = (language: Language, freshness: string, report: { publication: string; iso: string; precision: DatePrecision }) =>
    fill(text(language, "prisoners", freshness === "fresh" ? "status-report.as-reported" : "status-report.last-reported"), {
      source: report.publication,
      date: formatDate(report.iso, report.precision, language),
    });

  const publicPaths = (month: string) => [
    "",
    "prisoners",
    "prisoners?sort=name",
    "prisoners?sort=verified",
    "prisoners?q=Ihar",
    "prisoners?letters=1",
    `prisoners?month=${Number(month)}`,
    ...["IN_CUSTODY", "INCOMMUNICADO", "RELEASED", "IN_EXILE", "DIED_IN_CUSTODY"].map((status) => `prisoners?status=${status}`),
    "campaigns",
    "campaigns/free-them-all",
    "birthdays",
    `birthdays?month=${Number(month)}`,
    "about/numbers",
    "about/translate",
    "write",
  ];

  it.each(supportedLanguages)("in %s: no status without its source and date, none stated as current, no stale letter status acted on", async (language) => {
    const month = todayInMinsk().slice(5, 7);
    const paths = [...publicPaths(month), ...people.map((person) => `prisoners/${person.slug}`)];
    // The sitemap lists every public page: the walk must cover each of them.
    const sitemap = await sitemapUrls();
    const listed = [...sitemap.matchAll(new RegExp(`<loc>[^<]*?/${language}/([^<]*)</loc>`, "g"))].map((match) => match[1]!);
    expect(listed.filter((path) => !paths.includes(path))).toEqual([]);

    const knownNotes = new Set(
      people.flatMap((person) =>
        [person.statusReport, person.letterStatusReport].flatMap((report) =>
          report ? [noteFor(language, "fresh", report), noteFor(language, "stale", report)] : [],
        ),
      ),
    );
    let badgesSeen = 0;
    for (const path of paths) {
      const html = await page(`/${language}/${path}`);
      const stated = statedStatuses(html);
      // Every badge is inside a wrapper that carries its report.
      expect(stated.filter((status) => status.badge).length, path).toBe(badgeCount(html));
      badgesSeen += badgeCount(html);
      for (const status of stated) {
        // Every demo status has a dated source, and only a death (final) is stated as current.
        expect(status.freshness, `${path}: ${status.note}`).not.toBe("unreported");
        if (status.freshness === "fresh") expect(status.badge, `${path}: ${status.note}`).toBe("died-in-custody");
        expect(knownNotes.has(status.note), `${path}: “${status.note}” names a demo report and its date`).toBe(true);
      }
    }
    // Home, directory, campaign, birthdays and profiles together show many.
    expect(badgesSeen).toBeGreaterThan(people.length * 5);

    for (const person of people) {
      const html = await page(`/${language}/prisoners/${person.slug}`);
      const [profileStatus] = statedStatuses(/<p class="profile__status">(.*?)<\/p>/s.exec(html)![1]!);
      const freshness = person.status === "DIED_IN_CUSTODY" ? "fresh" : "stale";
      expect(profileStatus, person.slug).toMatchObject({ freshness, note: noteFor(language, freshness, person.statusReport!) });
      // The letter answer never rests on a stale report.
      const panel = /<section class="letter-status letter-status--([a-z-]+)"[^>]*>(.*?)<\/section>/s.exec(html)!;
      expect(["unknown", "not-applicable"], person.slug).toContain(panel[1]);
      if (["INCOMMUNICADO", "CAN_RECEIVE", "RELATIVES_ONLY"].includes(person.letterStatus)) {
        expect(panel[1]).toBe("unknown");
        expect(panel[2]).toContain('class="letter-status__outdated" data-status-report="stale"');
        expect(textOf(panel[2]!)).toContain(noteFor(language, "stale", person.letterStatusReport!));
        expect(textOf(panel[2]!)).toContain(text(language, "prisoners", "letters.check-before-posting"));
      }
    }
  });

  it("states nothing about status in the birthday calendar feed", async () => {
    const feed = await page("/en/birthdays.ics");
    expect(feed).toContain("BEGIN:VEVENT");
    for (const key of ["in-custody", "incommunicado", "released", "in-exile"]) expect(feed).not.toContain(text("en", "prisoners", `status.${key}`));
  });

  it("states a report from 30 days ago as current, and one from 213 days ago as 'last reported', wherever the person appears", async () => {
    const prisma = server.database.prisma;
    const fresh = await reportStatus(prisma, "viktar-babaryka", { daysAgo: 30, status: "INCOMMUNICADO", letterStatus: "INCOMMUNICADO" });
    for (const language of supportedLanguages) {
      const freshNote = fill(text(language, "prisoners", "status-report.as-reported"), {
        source: fresh,
        date: formatDate(daysAgo(30).toISOString().slice(0, 10), "DAY", language),
      });
      const profile = await page(`/${language}/prisoners/viktar-babaryka`);
      expect(statedStatuses(/<p class="profile__status">(.*?)<\/p>/s.exec(profile)![1]!)).toEqual([
        { freshness: "fresh", badge: "incommunicado", note: freshNote },
      ]);
      // A fresh "incommunicado" is acted on: the panel says so, with its report.
      expect(profile).toContain('class="letter-status letter-status--incommunicado"');
      expect(profile).toContain(text(language, "prisoners", "letters.incommunicado.answer"));
      expect(profile).toContain('class="letter-status__report" data-status-report="fresh"');
      expect(profile).not.toContain('class="letter-status__outdated"');
      // (The home page shows a bounded selection that need not include him: the directory does.)
      for (const path of ["prisoners", "prisoners?q=Babaryka", "campaigns/free-them-all", `birthdays?month=${Number(todayInMinsk().slice(5, 7))}`]) {
        const stated = statedStatuses(await page(`/${language}/${path}`));
        expect(stated.filter((status) => status.freshness === "fresh" && status.badge === "incommunicado"), path).toEqual([
          { freshness: "fresh", badge: "incommunicado", note: freshNote },
        ]);
      }
      const campaign = await page(`/${language}/campaigns/free-them-all`);
      expect(campaign).toContain(text(language, "prisoners", "letters.incommunicado.answer"));
    }

    const stale = await reportStatus(prisma, "viktar-babaryka", { daysAgo: 213 });
    for (const language of supportedLanguages) {
      const staleNote = fill(text(language, "prisoners", "status-report.last-reported"), {
        source: stale,
        date: formatDate(daysAgo(213).toISOString().slice(0, 10), "DAY", language),
      });
      const profile = await page(`/${language}/prisoners/viktar-babaryka`);
      expect(statedStatuses(/<p class="profile__status">(.*?)<\/p>/s.exec(profile)![1]!)).toEqual([
        { freshness: "stale", badge: "incommunicado", note: staleNote },
      ]);
      expect(profile).toContain('class="letter-status letter-status--unknown"');
      expect(profile).toContain('class="letter-status__outdated" data-status-report="stale"');
      expect(textOf(profile)).toContain(text(language, "prisoners", "letters.check-before-posting"));
      // Not sent to the letter bank on the strength of an old report.
      expect(profile).not.toContain(text(language, "prisoners", "actions.write-letter-bank"));
      const campaign = await page(`/${language}/campaigns/free-them-all`);
      expect(campaign).not.toContain(text(language, "prisoners", "letters.incommunicado.answer"));
    }
  });

  it("lists under 'can receive letters' only a recent report that says so", async () => {
    const prisma = server.database.prisma;
    const noOne = text("en", "directory", "results.empty-filters");
    expect(await page("/en/prisoners?letters=1")).toContain(noOne);
    await reportStatus(prisma, "ihar-ilyash", { daysAgo: 30, letterStatus: "CAN_RECEIVE" });
    const fresh = await page("/en/prisoners?letters=1");
    expect(fresh).toContain('href="/en/prisoners/ihar-ilyash"');
    expect(fresh).not.toContain(noOne);
    await reportStatus(prisma, "ihar-ilyash", { daysAgo: 213, letterStatus: "CAN_RECEIVE" });
    const stale = await page("/en/prisoners?letters=1");
    expect(stale).not.toContain('href="/en/prisoners/ihar-ilyash"');
    expect(stale).toContain(noOne);
  });
});
