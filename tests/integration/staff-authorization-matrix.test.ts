// Every back-office route × every actor × GET and POST, against the real server. The routes
// are read from app/routes, so a new staff route that is missing from the table below fails
// this test until someone decides, route by route, who may do what there (fail closed).
import { readdirSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StaffRole } from "~/staff/permissions";

import { startTestServer, type TestServer } from "../support/server";
import { Browser, COOKIE, createStaffMember, sessionFor, signedInStaff } from "../support/staff";

const actors = ["anonymous", "supporter", "translator", "campaigner", "moderator", "admin", "admin-before-totp"] as const;
type ActorName = (typeof actors)[number];

/** A status, or a redirect: to sign-in, to the TOTP step, to the dashboard, or after sign-out. */
type Outcome = 200 | 400 | 403 | 404 | 405 | "sign-in" | "totp" | "dashboard" | "signed-out" | "nothing-to-print";
type Row = Record<ActorName, Outcome>;

const REDIRECTS: Record<Extract<Outcome, string>, string> = {
  "sign-in": "/en/staff/sign-in",
  totp: "/en/staff/totp",
  dashboard: "/en/staff",
  "signed-out": "/en/staff/sign-in?notice=signed-out",
  "nothing-to-print": "/en/staff/mailroom?state=queued&notice=nothing-to-print",
};

/** One row per actor, written out in full so that each decision is visible. */
function row(anonymous: Outcome, supporter: Outcome, translator: Outcome, campaigner: Outcome, moderator: Outcome, admin: Outcome, adminBeforeTotp: Outcome): Row {
  return { anonymous, supporter, translator, campaigner, moderator, admin, "admin-before-totp": adminBeforeTotp };
}

interface RouteCase {
  path: string;
  get: Row;
  /** An empty form POST (a real form would need more; this checks who gets that far). */
  post: Row;
}

const MATRIX: Record<string, RouteCase> = {
  "$lang.staff._index.tsx": {
    path: "/en/staff",
    get: row("sign-in", "sign-in", 200, 200, 200, 200, "totp"),
    // No action: nothing to post to, for anyone.
    post: row(405, 405, 405, 405, 405, 405, 405),
  },
  "$lang.staff.audit.tsx": {
    path: "/en/staff/audit",
    get: row("sign-in", "sign-in", 403, 403, 200, 200, "totp"),
    post: row(405, 405, 405, 405, 405, 405, 405),
  },
  "$lang.staff.dashboard.tsx": {
    path: "/en/staff/dashboard",
    get: row("sign-in", "sign-in", 200, 200, 200, 200, "totp"),
    post: row(405, 405, 405, 405, 405, 405, 405),
  },
  // The exports are GET-only resource routes (they change nothing; each one is audited).
  "$lang.staff.exports.actions[.]csv.tsx": {
    path: "/en/staff/exports/actions.csv",
    get: row("sign-in", "sign-in", 403, 200, 200, 200, "totp"),
    post: row(405, 405, 405, 405, 405, 405, 405),
  },
  "$lang.staff.exports.appeals[.]csv.tsx": {
    path: "/en/staff/exports/appeals.csv",
    get: row("sign-in", "sign-in", 403, 200, 200, 200, "totp"),
    post: row(405, 405, 405, 405, 405, 405, 405),
  },
  "$lang.staff.exports.pledges[.]csv.tsx": {
    path: "/en/staff/exports/pledges.csv",
    get: row("sign-in", "sign-in", 403, 200, 200, 200, "totp"),
    post: row(405, 405, 405, 405, 405, 405, 405),
  },
  // With the addresses: the same file, but only for the roles that hold export:pledges-with-contact.
  "$lang.staff.exports.pledges[.]csv.tsx?contact=yes": {
    path: "/en/staff/exports/pledges.csv?contact=yes",
    get: row("sign-in", "sign-in", 403, 403, 200, 200, "totp"),
    post: row(405, 405, 405, 405, 405, 405, 405),
  },
  "$lang.staff.team.tsx": {
    path: "/en/staff/team",
    get: row("sign-in", "sign-in", 403, 403, 403, 200, "totp"),
    // The admin gets as far as "which change?" (400) with an empty form.
    post: row("sign-in", "sign-in", 403, 403, 403, 400, "totp"),
  },
  "$lang.staff.campaigns._index.tsx": {
    path: "/en/staff/campaigns",
    get: row("sign-in", "sign-in", 403, 200, 200, 200, "totp"),
    post: row(405, 405, 405, 405, 405, 405, 405),
  },
  "$lang.staff.campaigns.new.tsx": {
    path: "/en/staff/campaigns/new",
    // Moderators review campaigns; creating them is for campaigners (and admins).
    get: row("sign-in", "sign-in", 403, 200, 403, 200, "totp"),
    // An empty form gets as far as its validation (400).
    post: row("sign-in", "sign-in", 403, 400, 403, 400, "totp"),
  },
  "$lang.staff.campaigns.$id.tsx": {
    // A made-up id: 404 for everyone who may work on campaigns at all. Own and others'
    // campaigns are covered row by row in tests/integration/staff-campaigns.test.ts.
    path: "/en/staff/campaigns/no-such-campaign",
    get: row("sign-in", "sign-in", 403, 404, 404, 404, "totp"),
    post: row("sign-in", "sign-in", 403, 404, 404, 404, "totp"),
  },
  // A campaign's updates: the same as its page. Own versus others' updates are covered in
  // tests/integration/campaign-updates.test.ts.
  "$lang.staff.campaigns.$id_.updates.tsx": {
    path: "/en/staff/campaigns/no-such-campaign/updates",
    get: row("sign-in", "sign-in", 403, 404, 404, 404, "totp"),
    post: row("sign-in", "sign-in", 403, 404, 404, 404, "totp"),
  },
  // The preview of a campaign (or of a change to it) on its public page's layout: the same as
  // the campaign's page; only read. Covered in tests/integration/staff-campaign-preview.test.ts.
  "$lang.staff.campaigns.$id_.preview.tsx": {
    path: "/en/staff/campaigns/no-such-campaign/preview",
    get: row("sign-in", "sign-in", 403, 404, 404, 404, "totp"),
    post: row(405, 405, 405, 405, 405, 405, 405),
  },
  // A campaign's events: the same as its page. Own versus others', draft, published and closed
  // campaigns are covered in tests/integration/campaign-events.test.ts.
  "$lang.staff.campaigns.$id_.events.tsx": {
    path: "/en/staff/campaigns/no-such-campaign/events",
    get: row("sign-in", "sign-in", 403, 404, 404, 404, "totp"),
    post: row("sign-in", "sign-in", 403, 404, 404, 404, "totp"),
  },
  // CSV import of prisoners (prisoner:import: campaigners and admins). Own versus others'
  // imports are covered in tests/integration/staff-prisoner-import.test.ts.
  "$lang.staff.prisoners.import.tsx": {
    path: "/en/staff/prisoners/import",
    get: row("sign-in", "sign-in", 403, 200, 403, 200, "totp"),
    // An empty form (no file) gets as far as "choose a file" (400).
    post: row("sign-in", "sign-in", 403, 400, 403, 400, "totp"),
  },
  "$lang.staff.prisoners.import_.$id.tsx": {
    path: "/en/staff/prisoners/import/no-such-import",
    get: row("sign-in", "sign-in", 403, 404, 403, 404, "totp"),
    post: row("sign-in", "sign-in", 403, 404, 403, 404, "totp"),
  },
  "$lang.staff.prisoners._index.tsx": {
    path: "/en/staff/prisoners",
    // Profiles are shared work: everyone who may edit prisoners sees the list (and the review queue).
    get: row("sign-in", "sign-in", 403, 200, 200, 200, "totp"),
    post: row(405, 405, 405, 405, 405, 405, 405),
  },
  "$lang.staff.prisoners._index.tsx?filter=pending": {
    path: "/en/staff/prisoners?filter=pending",
    get: row("sign-in", "sign-in", 403, 200, 200, 200, "totp"),
    post: row(405, 405, 405, 405, 405, 405, 405),
  },
  // Reviewing drafts in batches: publishing is four-eyes work (prisoner:approve-change).
  "$lang.staff.prisoners.review.tsx": {
    path: "/en/staff/prisoners/review",
    get: row("sign-in", "sign-in", 403, 403, 200, 200, "totp"),
    // An empty form names no decision (400).
    post: row("sign-in", "sign-in", 403, 403, 400, 400, "totp"),
  },
  "$lang.staff.prisoners.new.tsx": {
    path: "/en/staff/prisoners/new",
    get: row("sign-in", "sign-in", 403, 200, 200, 200, "totp"),
    // An empty form gets as far as its validation (400).
    post: row("sign-in", "sign-in", 403, 400, 400, 400, "totp"),
  },
  "$lang.staff.prisoners.$id.tsx": {
    // A made-up id: 404 for everyone who may edit profiles. Own and others' profiles and
    // changes are covered in tests/integration/staff-profiles.test.ts.
    path: "/en/staff/prisoners/no-such-profile",
    get: row("sign-in", "sign-in", 403, 404, 404, 404, "totp"),
    post: row("sign-in", "sign-in", 403, 404, 404, 404, "totp"),
  },
  "$lang.staff.prisoners.$id_.history.tsx": {
    path: "/en/staff/prisoners/no-such-profile/history",
    get: row("sign-in", "sign-in", 403, 404, 404, 404, "totp"),
    post: row(405, 405, 405, 405, 405, 405, 405),
  },
  "$lang.staff.mailroom.tsx": {
    path: "/en/staff/mailroom",
    get: row("sign-in", "sign-in", 403, 200, 200, 200, "totp"),
    // Those who may work here get as far as "which change?" (400) with an empty form.
    post: row("sign-in", "sign-in", 403, 400, 400, 400, "totp"),
  },
  "$lang.staff.mailroom.batch[.]pdf.tsx": {
    path: "/en/staff/mailroom/batch.pdf",
    // Only the mailroom's form posts here; nothing is ever read with GET.
    get: row(405, 405, 405, 405, 405, 405, 405),
    // An empty selection prints nothing: back to the mailroom, which says so.
    post: row("sign-in", "sign-in", 403, "nothing-to-print", "nothing-to-print", "nothing-to-print", "totp"),
  },
  // The translation workspace: translators, moderators and admins (translation:edit).
  "$lang.staff.translations._index.tsx": {
    path: "/en/staff/translations",
    get: row("sign-in", "sign-in", 200, 403, 200, 200, "totp"),
    post: row(405, 405, 405, 405, 405, 405, 405),
  },
  "$lang.staff.translations.$locale.$ns.tsx": {
    path: "/en/staff/translations/pl/home",
    get: row("sign-in", "sign-in", 200, 403, 200, 200, "totp"),
    // An empty form names no key: 400 for those who may save.
    post: row("sign-in", "sign-in", 400, 403, 400, 400, "totp"),
  },
  // English is the source: it is not edited in the workspace.
  "$lang.staff.translations.$locale.$ns.tsx?en": {
    path: "/en/staff/translations/en/home",
    get: row("sign-in", "sign-in", 404, 403, 404, 404, "totp"),
    post: row("sign-in", "sign-in", 404, 403, 404, 404, "totp"),
  },
  "$lang.staff.translations.$locale.$ns.download.tsx": {
    path: "/en/staff/translations/pl/home/download",
    get: row("sign-in", "sign-in", 200, 403, 200, 200, "totp"),
    post: row(405, 405, 405, 405, 405, 405, 405),
  },
  "$lang.staff.translations.content._index.tsx": {
    path: "/en/staff/translations/content?locale=pl",
    get: row("sign-in", "sign-in", 200, 403, 200, 200, "totp"),
    post: row(405, 405, 405, 405, 405, 405, 405),
  },
  "$lang.staff.translations.content.$kind.$id.$locale.tsx": {
    // A made-up id: 404 for everyone who may translate. Own and others' texts (four eyes) are
    // covered in tests/integration/staff-translations.test.ts.
    path: "/en/staff/translations/content/prisoner/no-such-prisoner/pl",
    get: row("sign-in", "sign-in", 404, 403, 404, 404, "totp"),
    // An empty form has no intent: 400 before anything is looked up.
    post: row("sign-in", "sign-in", 400, 403, 400, 400, "totp"),
  },
  "$lang.staff.sign-in.tsx": {
    path: "/en/staff/sign-in",
    get: row(200, 200, 200, 200, 200, 200, 200),
    post: row(400, 400, 400, 400, 400, 400, 400),
  },
  "$lang.staff.code.tsx": {
    path: "/en/staff/code",
    // Signed-in staff have nothing to enter here; without a cookie there is no attempt.
    get: row("sign-in", "sign-in", "dashboard", "dashboard", "dashboard", "dashboard", "dashboard"),
    // A session cookie is not a sign-in attempt: the code is refused, and the page's loader
    // then sends signed-in staff on to the dashboard.
    post: row("sign-in", "sign-in", "dashboard", "dashboard", "dashboard", "dashboard", "dashboard"),
  },
  "$lang.staff.totp.tsx": {
    path: "/en/staff/totp",
    get: row("sign-in", "sign-in", "dashboard", "dashboard", "dashboard", "dashboard", 200),
    post: row("sign-in", "sign-in", "dashboard", "dashboard", "dashboard", "dashboard", 400),
  },
  "$lang.staff.recovery-codes.tsx": {
    // One's own codes only (there is no way to name anyone else's): every signed-in member
    // sees the page; those without a second factor are told they have no codes.
    path: "/en/staff/recovery-codes",
    get: row("sign-in", "sign-in", 200, 200, 200, 200, "totp"),
    // An empty form is "which action?" (400); a set is only made with intent=generate.
    post: row("sign-in", "sign-in", 400, 400, 400, 400, "totp"),
  },
  "$lang.staff.sign-out.tsx": {
    path: "/en/staff/sign-out",
    get: row("sign-in", "sign-in", 200, 200, 200, 200, 200),
    post: row("sign-in", "sign-in", "signed-out", "signed-out", "signed-out", "signed-out", "signed-out"),
  },
  "$lang.staff.invitation.$token.tsx": {
    // A made-up token: nobody, signed in or not, gets anything from it.
    path: `/en/staff/invitation/${"A".repeat(43)}`,
    get: row(404, 404, 404, 404, 404, 404, 404),
    post: row(404, 404, 404, 404, 404, 404, 404),
  },
  // Officials (official:edit: campaigners, moderators, admins). Own versus others' drafts and
  // contacts (four eyes) are covered in tests/integration/staff-officials.test.ts.
  "$lang.staff.officials._index.tsx": {
    path: "/en/staff/officials",
    get: row("sign-in", "sign-in", 403, 200, 200, 200, "totp"),
    post: row(405, 405, 405, 405, 405, 405, 405),
  },
  "$lang.staff.officials.new.tsx": {
    path: "/en/staff/officials/new",
    get: row("sign-in", "sign-in", 403, 200, 200, 200, "totp"),
    // An empty form gets as far as its validation (400).
    post: row("sign-in", "sign-in", 403, 400, 400, 400, "totp"),
  },
  "$lang.staff.officials.$id.tsx": {
    // A made-up id: 404 for everyone who may edit officials.
    path: "/en/staff/officials/no-such-official",
    get: row("sign-in", "sign-in", 403, 404, 404, 404, "totp"),
    post: row("sign-in", "sign-in", 403, 404, 404, 404, "totp"),
  },
  // Facilities and charge types (reference:edit: campaigners, moderators, admins). Four eyes on
  // approval are covered in tests/integration/staff-reference.test.ts.
  "$lang.staff.facilities._index.tsx": {
    path: "/en/staff/facilities",
    get: row("sign-in", "sign-in", 403, 200, 200, 200, "totp"),
    post: row(405, 405, 405, 405, 405, 405, 405),
  },
  "$lang.staff.facilities.new.tsx": {
    path: "/en/staff/facilities/new",
    get: row("sign-in", "sign-in", 403, 200, 200, 200, "totp"),
    // An empty form lacks the designation and a name: 400 with the errors.
    post: row("sign-in", "sign-in", 403, 400, 400, 400, "totp"),
  },
  "$lang.staff.facilities.$id.tsx": {
    path: "/en/staff/facilities/no-such-facility",
    get: row("sign-in", "sign-in", 403, 404, 404, 404, "totp"),
    // An empty form fails validation (400) before anything is looked up.
    post: row("sign-in", "sign-in", 403, 400, 400, 400, "totp"),
  },
  "$lang.staff.facilities.import.tsx": {
    path: "/en/staff/facilities/import",
    get: row("sign-in", "sign-in", 403, 200, 200, 200, "totp"),
    // No file: "choose a CSV file first" (400).
    post: row("sign-in", "sign-in", 403, 400, 400, 400, "totp"),
  },
  "$lang.staff.charges._index.tsx": {
    path: "/en/staff/charges",
    get: row("sign-in", "sign-in", 403, 200, 200, 200, "totp"),
    post: row(405, 405, 405, 405, 405, 405, 405),
  },
  "$lang.staff.charges.new.tsx": {
    path: "/en/staff/charges/new",
    get: row("sign-in", "sign-in", 403, 200, 200, 200, "totp"),
    post: row("sign-in", "sign-in", 403, 400, 400, 400, "totp"),
  },
  "$lang.staff.charges.$id.tsx": {
    path: "/en/staff/charges/no-such-charge",
    get: row("sign-in", "sign-in", 403, 404, 404, 404, "totp"),
    post: row("sign-in", "sign-in", 403, 400, 400, 400, "totp"),
  },
};

const staffRouteFiles = readdirSync(path.resolve("app/routes")).filter((file) => file.includes("staff")).sort();
/** Extra rows for one route with a query that changes who may have it ("file?query"). */
const variantRows = Object.keys(MATRIX).filter((key) => key.includes("?"));

let server: TestServer;
const staffIds = new Map<ActorName, string>();

beforeAll(async () => {
  server = await startTestServer();
  const roles: Partial<Record<ActorName, StaffRole[]>> = {
    translator: ["translator"],
    campaigner: ["campaigner"],
    moderator: ["moderator"],
    admin: ["admin"],
    "admin-before-totp": ["admin"],
  };
  for (const [actor, list] of Object.entries(roles) as [ActorName, StaffRole[]][]) {
    const { staff } = await createStaffMember(server.database.prisma, { roles: list, enrolTotp: actor !== "admin-before-totp" });
    staffIds.set(actor, staff.id);
  }
});

afterAll(async () => {
  await server?.close();
});

/** A new browser for each request, so that a sign-out in one cell cannot affect another. */
async function browserFor(actor: ActorName): Promise<Browser> {
  if (actor === "anonymous") return new Browser(server.url);
  if (actor === "supporter") return new Browser(server.url, ["lng=en"]);
  const browser = new Browser(server.url);
  const id = staffIds.get(actor)!;
  // Past the second factor for the roles that need one (translators too, since finding 11 of the security review).
  const secondFactor = actor === "translator" || actor === "moderator" || actor === "admin";
  browser.cookie = await sessionFor(server.database.prisma, id, { secondFactor });
  return browser;
}

function describeOutcome(response: Response): Outcome | string {
  if (response.status === 302 || response.status === 303) {
    const location = response.headers.get("location") ?? "";
    const name = (Object.entries(REDIRECTS) as [Outcome, string][]).find(([, target]) => target === location)?.[0];
    return name ?? `redirect to ${location}`;
  }
  return response.status as Outcome;
}

/** Single fetch answers a redirect with 202 and the target in its body. */
async function describeDataOutcome(response: Response): Promise<Outcome | string> {
  const body = await response.text();
  if (response.status !== 202) return response.status as Outcome;
  const target = /"SingleFetchRedirect".*?"redirect","([^"]*)"/.exec(body)?.[1] ?? "";
  const name = (Object.entries(REDIRECTS) as [Outcome, string][]).find(([, location]) => location === target)?.[0];
  return name ?? `redirect to ${target}`;
}

describe("the back-office authorisation matrix", () => {
  it("lists every staff route file, and no route that does not exist", () => {
    expect(staffRouteFiles.length).toBeGreaterThanOrEqual(8);
    const missing = staffRouteFiles.filter((file) => !(file in MATRIX));
    expect(missing, "staff routes without a row in the authorisation matrix").toEqual([]);
    expect(Object.keys(MATRIX).filter((file) => !staffRouteFiles.includes(file.split("?")[0]!)), "rows for routes that no longer exist").toEqual([]);
  });

  it.each([...staffRouteFiles, ...variantRows])("%s answers every actor as the table says", async (file) => {
    const route = MATRIX[file];
    expect(route, `no row for ${file}`).toBeDefined();
    const seen: string[] = [];
    const expected: string[] = [];
    for (const actor of actors) {
      for (const method of ["GET", "POST"] as const) {
        const browser = await browserFor(actor);
        const response = method === "GET" ? await browser.get(route!.path) : await browser.post(route!.path, {});
        const outcome = describeOutcome(response);
        seen.push(`${method} ${actor}: ${outcome}`);
        expected.push(`${method} ${actor}: ${route![method === "GET" ? "get" : "post"][actor]}`);
        // Whatever the answer, a staff page is never stored by a cache.
        if (response.status === 200) expect(response.headers.get("cache-control"), `${method} ${route!.path} as ${actor}`).toBe("no-store");
        await response.arrayBuffer();
      }
      // The same loader as JavaScript fetches it (single fetch, `.data`): the same decision.
      const [pathname, search] = route!.path.split("?");
      const routeId = `routes/${file.split("?")[0]!.replace(/\.tsx$/, "")}`;
      const data = await (await browserFor(actor)).get(`${pathname}.data?${search ? `${search}&` : ""}_routes=${encodeURIComponent(routeId)}`);
      seen.push(`DATA ${actor}: ${await describeDataOutcome(data)}`);
      expected.push(`DATA ${actor}: ${route!.get[actor]}`);
    }
    expect(seen).toEqual(expected);
  });

  it("never lets a made-up or foreign cookie value through", async () => {
    for (const value of ["A".repeat(43), "not-a-token", `${"a".repeat(42)}!`]) {
      const response = await fetch(`${server.url}/en/staff/team`, { redirect: "manual", headers: { Cookie: `${COOKIE}=${value}` } });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/en/staff/sign-in");
    }
    // The production name is not accepted over plain HTTP either (it would lack Secure).
    const admin = await sessionFor(server.database.prisma, staffIds.get("admin")!);
    const secureName = await fetch(`${server.url}/en/staff/team`, { redirect: "manual", headers: { Cookie: `__Host-listy_staff=${admin}` } });
    expect(secureName.status).toBe(302);
  });
});

// Four eyes: everyone who wrote to a campaign, a draft profile or a content translation since it
// was submitted (or last reviewed) is one of its contributors, and no contributor publishes or
// approves it. And the reviewer publishes exactly what they saw: each form sends back the
// version its page showed, and a version that has moved on is refused, with nothing published.
describe("who edited it may not publish it", () => {
  const prisma = () => server.database.prisma;
  const signedIn = (roles: StaffRole[]) => signedInStaff(server.url, prisma(), roles);
  /** The version the page shows this actor (what its publish or review form sends back). */
  const shownVersion = async (browser: Browser, pathname: string) => {
    const html = await (await browser.get(pathname)).text();
    return /name="version" value="([^"]+)"/.exec(html)?.[1] ?? "";
  };
  let counter = 0;

  /** A campaigner's campaign, sent for review. */
  async function campaignInReview() {
    const campaigner = await signedIn(["campaigner"]);
    counter++;
    const fields = { intent: "save", slug: `four-eyes-${counter}`, "title-en": `Free the printers ${counter}`, "summary-en": "Three printers are held for leaflets.", "ask-en": "Release them now." };
    const created = await campaigner.browser.post("/en/staff/campaigns/new", fields);
    expect(created.status).toBe(302);
    const id = /\/campaigns\/([A-Za-z0-9_-]+)\?done=created$/.exec(created.headers.get("location") ?? "")![1]!;
    expect((await campaigner.browser.post(`/en/staff/campaigns/${id}`, { intent: "submit" })).status).toBe(302);
    return { id, fields, page: `/en/staff/campaigns/${id}` };
  }
  const campaignStatus = async (id: string) => (await prisma().campaign.findUniqueOrThrow({ where: { id } })).status;
  const publicCampaign = async (slug: string) => (await fetch(`${server.url}/en/campaigns/${slug}`)).status;

  it("refuses to publish a campaign to the moderator who edited it in review; another moderator publishes it", async () => {
    const campaign = await campaignInReview();
    const editor = await signedIn(["moderator"]);
    const reviewer = await signedIn(["moderator"]);
    // The "small fix while reviewing": allowed, and it makes the editor a contributor.
    const version = await shownVersion(editor.browser, campaign.page);
    const fixed = await editor.browser.post(campaign.page, { ...campaign.fields, "ask-en": "Release them now, unconditionally.", version });
    expect(fixed.status).toBe(302);

    const page = await (await editor.browser.get(campaign.page)).text();
    expect(page).not.toContain('value="publish"');
    expect(page).toContain("another moderator must approve it");
    const refused = await editor.browser.post(campaign.page, { intent: "publish", version: await shownVersion(editor.browser, campaign.page) });
    expect(refused.status).toBe(403);
    expect(await campaignStatus(campaign.id)).toBe("IN_REVIEW");
    expect(await publicCampaign(campaign.fields.slug)).toBe(404);

    expect((await reviewer.browser.post(campaign.page, { intent: "publish", version: await shownVersion(reviewer.browser, campaign.page) })).status).toBe(302);
    expect(await campaignStatus(campaign.id)).toBe("PUBLISHED");
    expect((await prisma().campaign.findUniqueOrThrow({ where: { id: campaign.id } })).publishedById).toBe(reviewer.staff.id);
  });

  it("refuses to publish a campaign to the moderator who translated its text while it was in review", async () => {
    const campaign = await campaignInReview();
    const translating = await signedIn(["moderator"]);
    const reviewer = await signedIn(["moderator"]);
    const workspace = `/en/staff/translations/content/campaign/${campaign.id}/pl`;
    const saved = await translating.browser.post(workspace, {
      intent: "save",
      version: await shownVersion(translating.browser, workspace),
      title: "Uwolnijcie drukarzy",
      summary: "Trzech drukarzy jest więzionych za ulotki.",
      ask: "Uwolnijcie ich.",
    });
    expect(saved.status).toBe(302);
    expect((await translating.browser.post(campaign.page, { intent: "publish", version: await shownVersion(translating.browser, campaign.page) })).status).toBe(403);
    expect(await campaignStatus(campaign.id)).toBe("IN_REVIEW");
    // Nor may they approve the text they wrote.
    expect((await translating.browser.post(workspace, { intent: "review", version: await shownVersion(translating.browser, workspace) })).status).toBe(403);
    expect((await reviewer.browser.post(campaign.page, { intent: "publish", version: await shownVersion(reviewer.browser, campaign.page) })).status).toBe(302);
    expect(await campaignStatus(campaign.id)).toBe("PUBLISHED");
  });

  it("refuses a reviewer whose page showed an older version, publishes nothing, and shows the new version", async () => {
    const campaign = await campaignInReview();
    const editor = await signedIn(["moderator"]);
    const reviewer = await signedIn(["moderator"]);
    const seen = await shownVersion(reviewer.browser, campaign.page);
    // While the reviewer reads, someone changes the text.
    const fixed = await editor.browser.post(campaign.page, { ...campaign.fields, "title-en": "Changed behind the reviewer", version: await shownVersion(editor.browser, campaign.page) });
    expect(fixed.status).toBe(302);

    const stale = await reviewer.browser.post(campaign.page, { intent: "publish", version: seen });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain("This campaign changed while you were looking at it");
    expect(html).toContain("Changed behind the reviewer");
    expect(await campaignStatus(campaign.id)).toBe("IN_REVIEW");
    expect(await publicCampaign(campaign.fields.slug)).toBe(404);
    // Without a version, or with a made-up one: the same.
    expect((await reviewer.browser.post(campaign.page, { intent: "publish" })).status).toBe(409);
    expect((await reviewer.browser.post(campaign.page, { intent: "publish", version: "0" })).status).toBe(409);
    expect(await campaignStatus(campaign.id)).toBe("IN_REVIEW");

    // Having read the new version, the reviewer publishes it.
    expect((await reviewer.browser.post(campaign.page, { intent: "publish", version: await shownVersion(reviewer.browser, campaign.page) })).status).toBe(302);
    expect(await campaignStatus(campaign.id)).toBe("PUBLISHED");
  });

  /** A campaigner's new draft profile. */
  async function draftProfile() {
    const campaigner = await signedIn(["campaigner"]);
    counter++;
    const fields = {
      intent: "save",
      "given-LATIN": "Zmicier",
      "family-LATIN": `Foureyes${"abcdefghij"[counter % 10]}${counter}`,
      status: "IN_CUSTODY",
      statusSource: "ips-2025-10-07",
      letterStatus: "CAN_RECEIVE",
      letterStatusSource: "ips-2025-10-07",
      "summary-en": `Printer held for leaflets ${counter}.`,
      "biography-en": "First biography.",
    };
    const created = await campaigner.browser.post("/en/staff/prisoners/new", fields);
    expect(created.status, (await created.clone().text()).slice(0, 300)).toBe(302);
    const id = /\/en\/staff\/prisoners\/([A-Za-z0-9_-]+)\?done=created$/.exec(created.headers.get("location") ?? "")![1]!;
    return { id, fields, page: `/en/staff/prisoners/${id}` };
  }
  const isDraft = async (id: string) => (await prisma().prisoner.findUniqueOrThrow({ where: { id } })).draft;

  it("refuses to publish a draft profile to the moderator who edited it; another publishes what they saw", async () => {
    const profile = await draftProfile();
    const editor = await signedIn(["moderator"]);
    const reviewer = await signedIn(["moderator"]);
    const seen = await shownVersion(reviewer.browser, profile.page);
    const edited = await editor.browser.post(profile.page, { ...profile.fields, "biography-en": "Edited by a moderator.", version: await shownVersion(editor.browser, profile.page) });
    expect(edited.status).toBe(302);

    const page = await (await editor.browser.get(profile.page)).text();
    expect(page).not.toContain('value="publish"');
    expect(page).toContain("another moderator must publish it");
    expect((await editor.browser.post(profile.page, { intent: "publish", version: await shownVersion(editor.browser, profile.page) })).status).toBe(403);
    expect(await isDraft(profile.id)).toBe(true);

    // The reviewer's page showed the draft before that edit: refused, and the page shows the edit.
    const stale = await reviewer.browser.post(profile.page, { intent: "publish", version: seen });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain("This draft changed while you were looking at it");
    expect(html).toContain("Edited by a moderator.");
    expect(await isDraft(profile.id)).toBe(true);
    expect((await reviewer.browser.post(profile.page, { intent: "publish", version: await shownVersion(reviewer.browser, profile.page) })).status).toBe(302);
    expect(await isDraft(profile.id)).toBe(false);
  });

  it("refuses to publish a draft profile to the moderator who translated it", async () => {
    const profile = await draftProfile();
    const translating = await signedIn(["moderator"]);
    const workspace = `/en/staff/translations/content/prisoner/${profile.id}/pl`;
    const saved = await translating.browser.post(workspace, { intent: "save", version: await shownVersion(translating.browser, workspace), summary: "Drukarz więziony za ulotki.", biography: "" });
    expect(saved.status).toBe(302);
    expect((await translating.browser.post(profile.page, { intent: "publish", version: await shownVersion(translating.browser, profile.page) })).status).toBe(403);
    expect(await isDraft(profile.id)).toBe(true);
  });

  it("refuses to mark a content translation reviewed by anyone who wrote to it since its last review, or from an older version", async () => {
    const campaign = await campaignInReview();
    const translator = await signedIn(["translator"]);
    const moderatorA = await signedIn(["moderator"]);
    const moderatorB = await signedIn(["moderator"]);
    const workspace = `/en/staff/translations/content/campaign/${campaign.id}/lt`;
    const text = { title: "Paleiskite spaustuvininkus", summary: "Trys spaustuvininkai kalinami už lankstinukus.", ask: "Paleiskite juos." };
    // Moderator A writes the text, then a translator polishes it: A is no longer its last
    // writer, but still one of its writers.
    expect((await moderatorA.browser.post(workspace, { intent: "save", version: await shownVersion(moderatorA.browser, workspace), ...text })).status).toBe(302);
    expect((await translator.browser.post(workspace, { intent: "save", version: await shownVersion(translator.browser, workspace), ...text, ask: "Paleiskite juos dabar." })).status).toBe(302);
    expect(await (await moderatorA.browser.get(workspace)).text()).not.toContain("Mark as reviewed");
    expect((await moderatorA.browser.post(workspace, { intent: "review", version: await shownVersion(moderatorA.browser, workspace) })).status).toBe(403);
    expect((await translator.browser.post(workspace, { intent: "review", version: await shownVersion(translator.browser, workspace) })).status).toBe(403);
    const review = () => prisma().campaignTranslation.findUniqueOrThrow({ where: { campaignId_locale: { campaignId: campaign.id, locale: "lt" } } });
    expect((await review()).review).toBe("NEEDS_REVIEW");

    // Moderator B read it, then the translator changed it again: B's review is refused.
    const seen = await shownVersion(moderatorB.browser, workspace);
    expect((await translator.browser.post(workspace, { intent: "save", version: await shownVersion(translator.browser, workspace), ...text, ask: "Paleiskite juos tuoj pat." })).status).toBe(302);
    const stale = await moderatorB.browser.post(workspace, { intent: "review", version: seen });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain("this text changed while you were reading it");
    expect(html).toContain("Paleiskite juos tuoj pat.");
    expect((await review()).review).toBe("NEEDS_REVIEW");
    expect((await moderatorB.browser.post(workspace, { intent: "review", version: await shownVersion(moderatorB.browser, workspace) })).status).toBe(302);
    expect(await review()).toMatchObject({ review: "REVIEWED", contributorIds: [] });
  });
});
