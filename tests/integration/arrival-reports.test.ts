// "Did your letter arrive?" over real HTTP with the real app: reports are kept only as counts
// that cannot be tied to a person, a facility's reply rate appears on its prisoners' profiles
// and on the staff dashboard only from ARRIVAL_REPORTS_MIN reports on, a form ticket counts
// once, and without JavaScript a bad report comes back with what was chosen. Figures count only
// reports made before this month (so no single report can be watched arriving): "a month
// passes" moves this month's counts to the last one. At most 10 a facility and month count.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { runPeriodicJobs } from "~/jobs.server";

import { startTestServer, type TestServer } from "../support/server";
import { Browser, createStaffMember, sessionFor } from "../support/staff";

let server: TestServer;
let prisma: PrismaClient;
let facilityId: string;
let first: { id: string; slug: string };
let second: { id: string; slug: string };
let campaigner: Browser;

const thisMonth = new Date().toISOString().slice(0, 7);
const monthsAgo = (months: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1)).toISOString().slice(0, 7);
};

// Read once by the app when it first counts a report (the lowest cap allowed), and when the
// periodic jobs first purge (the shortest retention allowed).
process.env.ARRIVAL_REPORTS_MAX_PER_FACILITY_MONTH = "10";
process.env.ARRIVAL_REPORTS_KEEP_MONTHS = "7";

beforeAll(async () => {
  server = await startTestServer();
  prisma = server.database.prisma;
  // Two public profiles in one approved facility, which the post knows as «ИК-99».
  const facility = await prisma.facility.findFirstOrThrow({ where: { reviewState: "APPROVED" }, select: { id: true } });
  facilityId = facility.id;
  await prisma.facility.update({ where: { id: facilityId }, data: { designation: "ИК-99" } });
  const prisoners = await prisma.prisoner.findMany({ where: { draft: false }, select: { id: true, slug: true }, orderBy: { slug: "asc" }, take: 2 });
  await prisma.prisoner.updateMany({ where: { id: { in: prisoners.map((row) => row.id) } }, data: { facilityId } });
  [first, second] = prisoners as [typeof first, typeof second];
  // The first prisoner is among the dashboard's "by prisoner" rows: an action today.
  await prisma.action.create({ data: { kind: "LETTER_WRITTEN", prisonerId: first.id, language: "en", day: new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`) } });
  await server.contentRevision.refresh();
  const { staff } = await createStaffMember(prisma, { roles: ["campaigner"] });
  campaigner = new Browser(server.url);
  campaigner.cookie = await sessionFor(prisma, staff.id);
});

afterAll(async () => {
  await server?.close();
});

async function page(path: string): Promise<string> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status, path).toBe(200);
  return response.text();
}

/** The ticket of the arrival form on a page. */
function arrivalTicket(html: string): string {
  const form = html.slice(html.indexOf('id="arrival-report"'));
  const match = /name="ticket" value="([^"]+)"/.exec(form);
  expect(match, "arrival form ticket").not.toBeNull();
  return match![1]!;
}

async function post(slug: string, fields: Record<string, string>, origin = server.url) {
  return fetch(`${server.url}/en/prisoners/${slug}/arrival`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
    body: new URLSearchParams(fields).toString(),
  });
}

/** One report, as a visitor makes it: open the profile, fill in its form, send. */
async function report(slug: string, fields: { outcome: string; posted: string; weeks?: string }) {
  const ticket = arrivalTicket(await page(`/en/prisoners/${slug}`));
  const response = await post(slug, { ticket, weeks: "", ...fields });
  expect(response.status).toBe(303);
  expect(response.headers.get("location")).toContain("sent=counted");
}

async function storedRows() {
  return prisma.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT "facilityId", to_char("postedMonth", 'YYYY-MM-DD') AS "postedMonth", "outcome"::text AS "outcome", "weeksWithoutAnswer", to_char("reportedMonth", 'YYYY-MM-DD') AS "reportedMonth", "reports" FROM "ArrivalReportCount" ORDER BY 1, 2, 3, 4, 5`,
  );
}

/** As if a month passed: this month's counts become last month's, and caches start afresh. */
async function aMonthPasses() {
  const current = `${thisMonth}-01`;
  await prisma.$executeRawUnsafe(
    `INSERT INTO "ArrivalReportCount" ("facilityId", "postedMonth", "outcome", "weeksWithoutAnswer", "reportedMonth", "reports")
     SELECT "facilityId", "postedMonth", "outcome", "weeksWithoutAnswer", ("reportedMonth" - interval '1 month')::date, "reports" FROM "ArrivalReportCount" WHERE "reportedMonth" = $1::date
     ON CONFLICT ("facilityId", "postedMonth", "outcome", "weeksWithoutAnswer", "reportedMonth") DO UPDATE SET "reports" = "ArrivalReportCount"."reports" + EXCLUDED."reports"`,
    current,
  );
  await prisma.$executeRawUnsafe(`DELETE FROM "ArrivalReportCount" WHERE "reportedMonth" = $1::date`, current);
  await prisma.$executeRawUnsafe('UPDATE "ContentRevision" SET revision = revision + 1 WHERE id = 1');
  await server.contentRevision.refresh();
}

const rateOf = (html: string) => /data-arrival-rate="([^"]+)"/.exec(html)?.[1] ?? null;

describe("arrival reports", () => {
  it("store nothing that links a report to a person: two reports about different prisoners in one facility are the same +1", async () => {
    const columns = await prisma.$queryRawUnsafe<{ column_name: string; data_type: string }[]>(
      `SELECT column_name::text AS column_name, data_type::text AS data_type FROM information_schema.columns WHERE table_name = 'ArrivalReportCount' ORDER BY column_name::text`,
    );
    expect(columns.map((column) => column.column_name)).toEqual(["facilityId", "outcome", "postedMonth", "reportedMonth", "reports", "weeksWithoutAnswer"]);
    // No exact time: dates only, and the report's own date is the first of its month.
    expect(columns.filter((column) => /time/i.test(column.data_type))).toEqual([]);
    const ticketColumns = await prisma.$queryRawUnsafe<{ column_name: string; data_type: string }[]>(
      `SELECT column_name::text AS column_name, data_type::text AS data_type FROM information_schema.columns WHERE table_name = 'ArrivalTicketUse' ORDER BY column_name::text`,
    );
    expect(ticketColumns.map((column) => `${column.column_name}:${column.data_type}`)).toEqual(["day:date", "key:text"]);

    await report(first.slug, { outcome: "replied", posted: monthsAgo(1) });
    const afterFirst = await storedRows();
    expect(afterFirst).toEqual([
      { facilityId, postedMonth: `${monthsAgo(1)}-01`, outcome: "REPLIED", weeksWithoutAnswer: 0, reportedMonth: `${thisMonth}-01`, reports: 1 },
    ]);
    await report(second.slug, { outcome: "replied", posted: monthsAgo(1) });
    // The second report, about someone else, added exactly what the first did: nothing tells them apart.
    expect(await storedRows()).toEqual([{ ...afterFirst[0], reports: 2 }]);
    const stored = JSON.stringify(await storedRows());
    expect(stored).not.toContain(first.id);
    expect(stored).not.toContain(second.id);
    expect(stored).not.toContain(first.slug);
  });

  it("shows no facility figure below the minimum, on the profile or to staff", async () => {
    await aMonthPasses();
    const profile = await page(`/en/prisoners/${first.slug}`);
    expect(profile).toContain('id="arrival-report"');
    expect(profile).toContain('href="#arrival-report"');
    expect(rateOf(profile)).toBeNull();
    expect(profile).not.toContain("got a reply in");
    const dashboard = await campaigner.get("/en/staff/dashboard");
    expect(dashboard.status).toBe(200);
    const html = await dashboard.text();
    expect(html).toContain('data-testid="arrivals-table"');
    expect(html).not.toContain(`data-key="${facilityId}"`);
    expect(html).toContain("No facility has 5 reports or more yet.");
  });

  it("offers the form after a letter left with the mailroom, and the privacy page says what a report keeps", async () => {
    expect(await page(`/en/prisoners/${first.slug}/write?done=mailroom`)).toContain('id="arrival-report"');
    expect(await page(`/en/prisoners/${first.slug}/write`)).not.toContain('id="arrival-report"');
    expect(await page("/en/privacy")).toContain("A report about a letter adds one to a count");
  });

  it("shows the facility's reply rate with its count from the minimum on, on every profile there and on the dashboard", async () => {
    await report(first.slug, { outcome: "returned", posted: monthsAgo(2) });
    await report(second.slug, { outcome: "no-answer", weeks: "8", posted: monthsAgo(3) });
    await report(first.slug, { outcome: "replied", posted: monthsAgo(1) });
    // Reports about letters posted before the 6-month window do not count.
    await report(first.slug, { outcome: "replied", posted: monthsAgo(9) });
    // This month's reports are not shown yet: someone watching the page cannot see one arrive.
    await server.contentRevision.refresh();
    expect(rateOf(await page(`/en/prisoners/${first.slug}`))).toBeNull();
    await aMonthPasses();
    for (const slug of [first.slug, second.slug]) {
      const profile = await page(`/en/prisoners/${slug}`);
      expect(rateOf(profile), slug).toBe("3/5");
      expect(profile).toMatch(/Letters to ИК-99 posted since [^<]+ got a reply in 3 of 5 reported cases\./);
    }
    const ru = await page(`/ru/prisoners/${first.slug}`);
    expect(ru).toMatch(/получили ответ в 3 из 5 случаев/);

    const html = await (await campaigner.get("/en/staff/dashboard")).text();
    const row = new RegExp(`<tr data-key="${facilityId}">([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? "";
    expect(row).toContain("ИК-99");
    expect(row).toContain('data-series="reports">5<');
    expect(row).toContain('data-series="replied">3<');
    expect(row).toContain('data-series="reply-rate">60%<');
    const prisonerRow = new RegExp(`<tr data-key="${first.slug}">([\\s\\S]*?)</tr>`).exec(html.slice(html.indexOf('data-testid="arrivals-prisoners-table"')))?.[1] ?? "";
    expect(prisonerRow).toContain('data-series="facility">ИК-99<');
    expect(prisonerRow).toContain('data-series="reply-rate">60%<');
  });

  it("counts a form ticket once: the same report sent again adds nothing", async () => {
    const before = (await storedRows()).reduce((sum, row) => sum + Number(row.reports), 0);
    const ticket = arrivalTicket(await page(`/en/prisoners/${first.slug}`));
    const fields = { ticket, outcome: "returned", posted: monthsAgo(1), weeks: "" };
    const once = await post(first.slug, fields);
    expect(once.status).toBe(303);
    expect(once.headers.get("location")).toContain("sent=counted");
    for (const slug of [first.slug, second.slug]) {
      const again = await post(slug, fields);
      expect(again.status).toBe(303);
      expect(again.headers.get("location")).toContain("sent=again");
    }
    const after = (await storedRows()).reduce((sum, row) => sum + Number(row.reports), 0);
    expect(after).toBe(before + 1);
    // A made-up ticket counts nothing either.
    const forged = await post(first.slug, { ...fields, ticket: "lpt1.20261207.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA" });
    expect(forged.status).toBe(400);
    expect((await storedRows()).reduce((sum, row) => sum + Number(row.reports), 0)).toBe(after);
  });

  it("without JavaScript, a bad report comes back translated with what was chosen, and a cross-site POST is refused", async () => {
    const ticket = arrivalTicket(await page(`/pl/prisoners/${first.slug}`));
    // "No answer after 12 weeks" about a letter posted this month cannot be true yet.
    const response = await fetch(`${server.url}/pl/prisoners/${first.slug}/arrival`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
      body: new URLSearchParams({ ticket, outcome: "no-answer", weeks: "12", posted: thisMonth }).toString(),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Od wybranego miesiąca nie minęło jeszcze tyle tygodni.");
    expect(html).toMatch(/<input[^>]*id="arrival-report-outcome-no-answer"[^>]*checked/);
    expect(html).toMatch(/<option value="12" selected="">/);
    expect(html).toMatch(new RegExp(`<option value="${thisMonth}" selected="">`));
    expect(html).toContain('aria-invalid="true"');

    const missing = await post(first.slug, { ticket, outcome: "", weeks: "", posted: "2001-01" });
    expect(missing.status).toBe(400);
    const missingHtml = await missing.text();
    expect(missingHtml).toContain("Choose what happened to the letter.");
    expect(missingHtml).toContain("Choose a month from the list");

    const crossSite = await post(first.slug, { ticket, outcome: "replied", posted: thisMonth, weeks: "" }, "https://evil.example");
    expect(crossSite.status).toBe(403);
  });

  it("counts at most the month's cap for a facility, and answers a report past it as any other", async () => {
    await aMonthPasses();
    for (let index = 0; index < 10; index++) await report(index % 2 ? first.slug : second.slug, { outcome: "returned", posted: monthsAgo(1) });
    await report(first.slug, { outcome: "returned", posted: monthsAgo(1) });
    const thisMonthCount = (await storedRows()).filter((row) => row.reportedMonth === `${thisMonth}-01` && row.facilityId === facilityId).reduce((sum, row) => sum + Number(row.reports), 0);
    expect(thisMonthCount).toBe(10);
  });

  it("deletes counts about letters posted before the kept months with the periodic jobs, and keeps the rest", async () => {
    const count = (postedMonth: string) =>
      prisma.arrivalReportCount.create({ data: { facilityId, postedMonth: new Date(`${postedMonth}-01T00:00:00Z`), outcome: "RETURNED", weeksWithoutAnswer: 0, reportedMonth: new Date(`${postedMonth}-01T00:00:00Z`), reports: 3 } });
    await count(monthsAgo(7));
    await count(monthsAgo(6));
    const ran = await runPeriodicJobs(new Date());
    expect(ran.arrivalCountsDeleted).toBeGreaterThanOrEqual(1);
    const months = (await storedRows()).filter((row) => row.facilityId === facilityId).map((row) => String(row.postedMonth).slice(0, 7));
    expect(months).not.toContain(monthsAgo(7));
    expect(months).toContain(monthsAgo(6));
  });
});
