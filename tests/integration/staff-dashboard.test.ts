// The staff dashboard and the CSV exports over real HTTP, with signed-in staff: the figures
// match the rows written here, bad filters fall back, each export has the right columns and
// headers, contact addresses go only to the roles that may have them, formulas in names are
// neutralised, and every export is in the audit log.
import type { ActionKind, AppealState, PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseCsv } from "~/staff/csv";
import { mondayOf } from "~/staff/dashboard/dashboard.server";

import { startTestServer, type TestServer } from "../support/server";
import { Browser, createStaffMember, sessionFor } from "../support/staff";

const DAY = 86_400_000;
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
const today = iso(Date.now());
const daysAgo = (days: number) => new Date(`${iso(Date.now() - days * DAY)}T00:00:00.000Z`);
const INJECTION = '=HYPERLINK("http://evil.example/steal","click")';

let server: TestServer;
let prisma: PrismaClient;
const browsers: Record<"translator" | "campaigner" | "moderator" | "admin", Browser> = {} as never;
const staffIds: Record<string, string> = {};
let campaignA: string;
let campaignB: string;
let prisonerId: string;
let officialA: string;
let officialB: string;

beforeAll(async () => {
  server = await startTestServer();
  prisma = server.database.prisma;
  for (const role of ["translator", "campaigner", "moderator", "admin"] as const) {
    const { staff } = await createStaffMember(prisma, { roles: [role], enrolTotp: role === "moderator" || role === "admin" });
    staffIds[role] = staff.id;
    const browser = new Browser(server.url);
    browser.cookie = await sessionFor(prisma, staff.id);
    browsers[role] = browser;
  }
  // Start from nothing: the demo data's actions, appeals and pledges go.
  await prisma.action.deleteMany();
  await prisma.appeal.deleteMany();
  await prisma.pledge.deleteMany();
});

afterAll(async () => {
  await server?.close();
});

/** The HTML of one section of the page, found by its heading id. */
function section(html: string, id: string): string {
  const start = html.indexOf(`aria-labelledby="${id}-heading"`);
  expect(start, `section ${id}`).toBeGreaterThan(-1);
  const end = html.indexOf("</section>", start);
  return html.slice(start, end);
}

/** Cells of the table row with data-key, by data-series. */
function rowOf(html: string, key: string): Record<string, string> {
  const match = new RegExp(`<tr data-key="${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}">([\\s\\S]*?)</tr>`).exec(html);
  if (!match) return {};
  const cells: Record<string, string> = {};
  for (const cell of match[1]!.matchAll(/data-series="([^"]+)">([^<]*)</g)) cells[cell[1]!] = cell[2]!;
  return cells;
}

function total(html: string, name: string): string | undefined {
  return new RegExp(`data-total="${name}">([^<]*)<`).exec(html)?.[1];
}

async function page(role: keyof typeof browsers, query = "") {
  const response = await browsers[role].get(`/en/staff/dashboard${query}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return response.text();
}

async function csv(role: keyof typeof browsers, path: string) {
  const response = await browsers[role].get(`/en/staff/exports/${path}`);
  return { response, body: response.status === 200 ? await response.text() : "" };
}

describe("the staff dashboard", () => {
  it("shows zeros and empty tables on an empty database, and a campaign with no actions at 0 %", async () => {
    const html = await page("campaigner");
    expect(total(html, "actions")).toBe("0");
    expect(total(html, "pledges")).toBe("0");
    expect(total(html, "appeals")).toBe("0");
    // 26 weeks, each a row, each zero.
    const weeks = section(html, "actions-week");
    expect(weeks.match(/<tr data-key=/g)).toHaveLength(26);
    expect(rowOf(weeks, mondayOf(today)).actions).toBe("0");
    expect(section(html, "language")).toContain("Nothing in this period.");
    // Every chart is an accessible SVG with a title and a description, next to a captioned table.
    expect(html.match(/<svg class="figure-chart__svg" role="img" aria-labelledby="chart-[a-z-]+-title" aria-describedby="chart-[a-z-]+-desc"/g)?.length).toBe(9);
    // …and the two tables of arrival reports (per facility, per prisoner's facility) have captions too.
    expect(html.match(/<caption/g)?.length).toBe(11);
  });

  it("counts what the rows say, in the database's groups", async () => {
    const prisoner = await prisma.prisoner.create({
      data: {
        slug: "dashboard-prisoner",
        status: "IN_CUSTODY",
        lastVerifiedOn: new Date("2026-11-01"),
        names: { create: [{ script: "LATIN", givenName: "Dasha", familyName: "Board" }] },
      },
    });
    prisonerId = prisoner.id;
    const a = await prisma.campaign.create({
      data: {
        slug: "dashboard-a",
        status: "PUBLISHED",
        goal: 10,
        translations: { create: { locale: "en", title: INJECTION, summary: "s", ask: "a" } },
      },
    });
    const b = await prisma.campaign.create({
      data: { slug: "dashboard-b", status: "DRAFT", goal: 5, translations: { create: { locale: "en", title: "Quiet campaign", summary: "s", ask: "a" } } },
    });
    campaignA = a.id;
    campaignB = b.id;
    const official = async (slug: string, name: string) =>
      (
        await prisma.official.create({
          data: { slug, country: "BY", language: "ru", translations: { create: { locale: "en", name, position: "Minister" } } },
        })
      ).id;
    officialA = await official("dashboard-official-a", INJECTION);
    officialB = await official("dashboard-official-b", "Second Target");

    const action = (kind: ActionKind, language: string, country: string | null, day: Date, campaignId: string | null, prisoner: string | null) => ({
      kind,
      language,
      country,
      day,
      campaignId,
      prisonerId: prisoner,
    });
    await prisma.action.createMany({
      data: [
        ...Array.from({ length: 3 }, () => action("LETTER_WRITTEN", "be", "PL", daysAgo(0), campaignA, prisonerId)),
        ...Array.from({ length: 2 }, () => action("APPEAL_SENT", "ru", null, daysAgo(7), campaignA, null)),
        action("LETTER_WRITTEN", "en", "LT", daysAgo(14), null, prisonerId),
        // Outside the default 26 weeks: not in the charts, but it counts towards the goal.
        action("PLEDGE_MADE", "en", null, daysAgo(400), campaignA, null),
      ],
    });

    let k = 0;
    const appeal = (officialId: string, state: AppealState, followUpAnswer: "REPLIED" | "NO_REPLY" | null = null) => {
      k++;
      return {
        campaignId: campaignA,
        officialId,
        language: "en",
        linkOrigin: server.url,
        signatureMode: "CAMPAIGN" as const,
        senderHash: `hash-${k}`,
        state,
        tokenHash: `dash-token-${k}`,
        expiresAt: new Date(Date.now() + DAY),
        idempotencyKey: `dash-idem-${k}`,
        messageId: `<dash-${k}@listy.test>`,
        followUpAnswer,
      };
    };
    await prisma.appeal.createMany({
      data: [
        appeal(officialA, "SENT", "REPLIED"),
        appeal(officialA, "SENT", "NO_REPLY"),
        appeal(officialA, "FAILED"),
        appeal(officialA, "PENDING_CONFIRMATION"),
        appeal(officialB, "CONFIRMED"),
      ],
    });

    await prisma.pledge.createMany({
      data: [
        { kind: "CAMPAIGN_PLEDGE", campaignId: campaignA, state: "ACTIVE", language: "be", country: "PL", email: "keep@example.org", emailHash: "h1" },
        // Erased by the retention purge: the address is gone, the pledge stays.
        { kind: "CAMPAIGN_PLEDGE", campaignId: campaignA, state: "FULFILLED", language: "en", email: null, emailHash: null },
        { kind: "CAMPAIGN_PLEDGE", campaignId: campaignA, state: "PENDING_CONFIRMATION", language: "en", email: "pending@example.org", emailHash: "h3" },
        { kind: "WRITE_MONTHLY", prisonerId, state: "ACTIVE", language: "ru" },
      ],
    });

    const html = await page("campaigner");
    expect(total(html, "actions")).toBe("6");
    // The unconfirmed pledge is not a pledge yet.
    expect(total(html, "pledges")).toBe("3");
    expect(total(html, "appeals")).toBe("5");

    const weeks = section(html, "actions-week");
    expect(rowOf(weeks, mondayOf(today)).actions).toBe("3");
    expect(rowOf(weeks, mondayOf(iso(daysAgo(7).getTime()))).actions).toBe("2");
    expect(rowOf(weeks, mondayOf(iso(daysAgo(14).getTime()))).actions).toBe("1");
    expect(rowOf(section(html, "pledges-week"), mondayOf(today)).pledges).toBe("3");

    const language = section(html, "language");
    expect(rowOf(language, "be").actions).toBe("3");
    expect(rowOf(language, "ru").actions).toBe("2");
    expect(rowOf(language, "en").actions).toBe("1");
    expect(language).toContain("Беларуская");

    const kind = section(html, "kind");
    expect(rowOf(kind, "LETTER_WRITTEN").actions).toBe("4");
    expect(rowOf(kind, "APPEAL_SENT").actions).toBe("2");
    expect(rowOf(kind, "PLEDGE_MADE").actions).toBeUndefined();

    const country = section(html, "country");
    expect(rowOf(country, "PL").actions).toBe("3");
    expect(rowOf(country, "LT").actions).toBe("1");
    expect(rowOf(country, "none").actions).toBe("2");
    expect(country).toContain("Poland");
    expect(country).toContain("Not declared");

    const prisoners = section(html, "prisoner");
    expect(rowOf(prisoners, "dashboard-prisoner").actions).toBe("4");
    expect(prisoners).toContain("Dasha Board");

    const campaigns = section(html, "campaign");
    expect(rowOf(campaigns, "dashboard-a").actions).toBe("5");
    expect(rowOf(campaigns, "dashboard-b")).toEqual({});
    // The formula is shown as text (React escapes it), never as markup.
    expect(campaigns).toContain("=HYPERLINK(&quot;http://evil.example/steal&quot;,&quot;click&quot;)");

    const delivery = rowOf(section(html, "delivery"), "dashboard-official-a");
    expect(delivery).toEqual({ sent: "2", failed: "1", pending: "1", other: "0", replied: "1", "reply-rate": "50%" });
    expect(rowOf(section(html, "delivery"), "dashboard-official-b")).toMatchObject({ sent: "0", pending: "1", "reply-rate": "—" });

    const goals = section(html, "goals");
    // Six actions ever (the old one included) of a goal of 10.
    expect(rowOf(goals, "dashboard-a")).toMatchObject({ actions: "6", goal: "10", reached: "", percent: "60%" });
    // A campaign with no actions at all.
    expect(rowOf(goals, "dashboard-b")).toMatchObject({ actions: "0", goal: "5", percent: "0%" });
  });

  it("goal progress steps up once a goal is reached", async () => {
    await prisma.action.createMany({
      data: Array.from({ length: 5 }, () => ({ kind: "LETTER_WRITTEN" as const, language: "en", day: daysAgo(500), campaignId: campaignB })),
    });
    const html = await page("translator");
    // 5 of 5 reached: the next step is 10, half-way.
    expect(rowOf(section(html, "goals"), "dashboard-b")).toMatchObject({ actions: "5", goal: "10", reached: "5", percent: "50%" });
    await prisma.action.deleteMany({ where: { campaignId: campaignB } });
  });

  it("filters by campaign and by dates", async () => {
    const onlyA = await page("campaigner", `?campaign=${campaignA}`);
    expect(total(onlyA, "actions")).toBe("5");
    expect(total(onlyA, "pledges")).toBe("2");
    expect(rowOf(section(onlyA, "goals"), "dashboard-b")).toEqual({});

    const onlyB = await page("campaigner", `?campaign=${campaignB}`);
    expect(total(onlyB, "actions")).toBe("0");
    expect(total(onlyB, "appeals")).toBe("0");
    expect(rowOf(section(onlyB, "goals"), "dashboard-b")).toMatchObject({ actions: "0", percent: "0%" });

    // The last week only: from this Monday.
    const thisWeek = await page("campaigner", `?from=${mondayOf(today)}&to=${today}`);
    expect(total(thisWeek, "actions")).toBe("3");
    expect(section(thisWeek, "actions-week").match(/<tr data-key=/g)).toHaveLength(1);

    // A long-past range reaches the old action.
    const old = iso(daysAgo(400).getTime());
    const past = await page("campaigner", `?from=${old}&to=${old}`);
    expect(total(past, "actions")).toBe("1");
    expect(rowOf(section(past, "kind"), "PLEDGE_MADE").actions).toBe("1");
  });

  it("falls back, with a note, on filters that make no sense", async () => {
    for (const query of [
      "?campaign=nope",
      "?campaign=%27%3B%20DROP%20TABLE",
      "?from=2026-13-45",
      "?to=yesterday",
      `?from=${today}&to=2020-01-01`,
      "?from=2000-01-01&to=2026-01-01",
      "?from=&to=&campaign=",
      "?from=2026-02-30",
    ]) {
      const html = await page("campaigner", query);
      if (query === "?from=&to=&campaign=") expect(html).not.toContain('data-testid="filter-problems"');
      else expect(html, query).toContain('data-testid="filter-problems"');
      expect(total(html, "actions"), query).toBe("6");
    }
    const html = await page("campaigner", "?campaign=nope&from=x");
    expect(html).toContain("That campaign does not exist; all campaigns are shown.");
    expect(html).toContain("The start date was not a valid date; the default is used.");
  });

  it("shows export links only to roles that may export, and the contact export only to moderators and admins", async () => {
    expect(await page("translator")).not.toContain("/en/staff/exports/");
    const campaigner = await page("campaigner");
    expect(campaigner).toContain("/en/staff/exports/actions.csv?");
    expect(campaigner).not.toContain("contact=yes");
    expect(await page("moderator")).toContain("contact=yes");
  });
});

describe("the CSV exports", () => {
  it("exports actions per day as counts, with download headers and formulas neutralised", async () => {
    await prisma.auditLogEntry.deleteMany({ where: { action: { startsWith: "export." } } });
    const { response, body } = await csv("campaigner", "actions.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="listy-actions-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const parsed = parseCsv(body);
    expect(parsed.header).toEqual(["day", "kind", "campaign", "campaign_title", "prisoner", "language", "country", "actions"]);
    expect(parsed.rows).toContainEqual([today, "LETTER_WRITTEN", "dashboard-a", `'${INJECTION}`, "dashboard-prisoner", "be", "PL", "3"]);
    expect(parsed.rows).toContainEqual([iso(daysAgo(7).getTime()), "APPEAL_SENT", "dashboard-a", `'${INJECTION}`, "", "ru", "", "2"]);
    expect(parsed.rows).toContainEqual([iso(daysAgo(14).getTime()), "LETTER_WRITTEN", "", "", "dashboard-prisoner", "en", "LT", "1"]);
    expect(parsed.rows).toHaveLength(3);
    // No cell anywhere starts with a formula character.
    expect(parsed.rows.flat().some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
  });

  it("exports appeal statistics per campaign and target", async () => {
    const { response, body } = await csv("campaigner", `appeals.csv?campaign=${campaignA}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="listy-appeals-/);
    const parsed = parseCsv(body);
    expect(parsed.header).toEqual(["campaign", "official", "official_name", "sent", "failed", "pending", "expired_cancelled_or_held", "replied", "no_reply"]);
    expect(parsed.rows).toEqual([
      ["dashboard-a", "dashboard-official-a", `'${INJECTION}`, "2", "1", "1", "0", "1", "1"],
      ["dashboard-a", "dashboard-official-b", "Second Target", "0", "0", "1", "0", "0", "0"],
    ]);
  });

  it("exports pledges without contact details to campaigners, and refuses them the addresses", async () => {
    const { response, body } = await csv("campaigner", "pledges.csv");
    expect(response.status).toBe(200);
    const parsed = parseCsv(body);
    expect(parsed.header).toEqual(["day", "kind", "state", "campaign", "prisoner", "language", "country"]);
    expect(parsed.rows).toHaveLength(4);
    expect(body).not.toContain("@example.org");
    expect(parsed.rows).toContainEqual([today, "WRITE_MONTHLY", "ACTIVE", "", "dashboard-prisoner", "ru", ""]);

    const refused = await csv("campaigner", "pledges.csv?contact=yes");
    expect(refused.response.status).toBe(403);
    // Moderators without asking get no addresses either.
    const plain = await csv("moderator", "pledges.csv");
    expect(parseCsv(plain.body).header).not.toContain("email");
  });

  it("gives moderators and admins the addresses the retention policy still holds, for confirmed pledges only", async () => {
    for (const role of ["moderator", "admin"] as const) {
      const { response, body } = await csv(role, "pledges.csv?contact=yes");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="listy-pledges-with-contact-/);
      const parsed = parseCsv(body);
      expect(parsed.header.at(-1)).toBe("email");
      const emails = parsed.rows.map((row) => row.at(-1)).filter(Boolean);
      expect(emails).toEqual(["keep@example.org"]);
      expect(body).not.toContain("pending@example.org");
    }
  });

  it("neutralises formulas in a supporter's self-declared data too", async () => {
    await prisma.pledge.create({ data: { kind: "CAMPAIGN_PLEDGE", campaignId: campaignA, state: "ACTIVE", language: "en", country: "@SUM(1)" } });
    const { body } = await csv("campaigner", "pledges.csv");
    expect(parseCsv(body).rows.some((row) => row.includes("'@SUM(1)"))).toBe(true);
  });

  it("audits every export: who, which file and which filters, never its content", async () => {
    const entries = await prisma.auditLogEntry.findMany({ where: { action: { startsWith: "export." } }, orderBy: { createdAt: "asc" } });
    const summary = entries.map((entry) => `${entry.action} ${entry.staffId === staffIds.campaigner ? "campaigner" : entry.staffId === staffIds.moderator ? "moderator" : entry.staffId === staffIds.admin ? "admin" : "?"}`);
    expect(summary).toEqual([
      "export.actions campaigner",
      "export.appeals campaigner",
      "export.pledges campaigner",
      "export.pledges moderator",
      "export.pledges-with-contact moderator",
      "export.pledges-with-contact admin",
      "export.pledges campaigner",
    ]);
    expect(entries[1]!.details).toMatchObject({ campaign: campaignA, rows: 2 });
    const all = JSON.stringify(entries.map((entry) => entry.details));
    expect(all).not.toContain("@example.org");
    expect(all).not.toContain("HYPERLINK");
    // The audit page names the new actions in words.
    const audit = await (await browsers.admin.get("/en/staff/audit")).text();
    expect(audit).toContain("Exported pledges with email addresses (CSV)");
  });

  it("refuses exports to translators and to anyone not signed in", async () => {
    expect((await csv("translator", "actions.csv")).response.status).toBe(403);
    const anonymous = await fetch(`${server.url}/en/staff/exports/pledges.csv?contact=yes`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe("/en/staff/sign-in");
    const entries = await prisma.auditLogEntry.count({ where: { action: { startsWith: "export." } } });
    expect(entries).toBe(7);
  });
});
