// The campaign editor over real HTTP with signed-in staff: a campaigner writes a campaign in
// two languages and sends it for review; nobody approves their own work; another moderator
// publishes it and the public pages show it at once; return with a note; close; validation
// that keeps what was typed; XSS payloads rendered as text on the staff and public pages;
// slug collisions; concurrent publishing; own versus others' campaigns.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StaffRole } from "~/staff/permissions";

import { createReachableOfficial } from "../support/officials";
import { startTestServer, type TestServer } from "../support/server";
import { reportStatus } from "../support/status-fixture";
import { Browser, signedInStaff } from "../support/staff";

let server: TestServer;
let prisonerIds: string[];
let officialIds: string[];

beforeAll(async () => {
  server = await startTestServer();
  prisonerIds = (await server.database.prisma.prisoner.findMany({ select: { id: true }, orderBy: { slug: "asc" }, take: 2 })).map((row) => row.id);
  // A target that appeals can reach: a campaign with one that nothing reaches is not published.
  officialIds = [await createReachableOfficial(server.database.prisma)];
});

afterAll(async () => {
  await server?.close();
});

const prisma = () => server.database.prisma;

const signedIn = (roles: StaffRole[]) => signedInStaff(server.url, prisma(), roles);

let slugCounter = 0;
function campaignFields(overrides: Record<string, string | string[]> = {}) {
  slugCounter++;
  return {
    intent: "save",
    slug: `editor-test-${slugCounter}`,
    goal: "250",
    deadline: "2027-03-01",
    "title-en": `Free the printers ${slugCounter}`,
    "summary-en": "Three printers are held for leaflets.",
    "ask-en": "Release them now.",
    "title-be": `Вызваліце друкароў ${slugCounter}`,
    "summary-be": "Трое друкароў трымаюць за ўлёткі.",
    "ask-be": "Вызваліце іх.",
    "template-en-subjects": "Release {prisonerName}",
    "template-en-openings": "Dear {officialName},\nDear {officialPosition},",
    "template-en-arguments": "{prisonerFacts} This detention is unjust.",
    "template-en-closings": "Please act now.",
    prisoners: prisonerIds,
    targets: officialIds,
    ...overrides,
  };
}

/** Creates a draft as `browser`; returns its id. */
async function create(browser: Browser, overrides: Record<string, string | string[]> = {}) {
  const fields = campaignFields(overrides);
  const response = await browser.post("/en/staff/campaigns/new", fields);
  expect(response.status, await response.clone().text().then((text) => text.slice(0, 300))).toBe(302);
  const match = /\/en\/staff\/campaigns\/([A-Za-z0-9_-]+)\?done=created$/.exec(response.headers.get("location") ?? "");
  expect(match).not.toBeNull();
  return { id: match![1]!, slug: fields.slug as string, title: fields["title-en"] as string, fields };
}

const statusOf = async (id: string) => (await prisma().campaign.findUniqueOrThrow({ where: { id } })).status;

describe("creating, reviewing and publishing a campaign", () => {
  it("goes from a campaigner's draft in two languages to the public site, approved by another moderator", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const moderator = await signedIn(["moderator"]);
    const campaign = await create(campaigner.browser);

    const row = await prisma().campaign.findUniqueOrThrow({
      where: { id: campaign.id },
      include: { translations: true, prisoners: true, targets: true, appealTemplates: true },
    });
    expect(row.status).toBe("DRAFT");
    expect(row.createdById).toBe(campaigner.staff.id);
    expect(row.translations.map((translation) => translation.locale).sort()).toEqual(["be", "en"]);
    expect(row.prisoners).toHaveLength(prisonerIds.length);
    expect(row.targets).toHaveLength(officialIds.length);
    expect(row.appealTemplates.map((template) => template.locale)).toEqual(["en"]);
    expect(row.appealTemplates[0]!.openings).toEqual(["Dear {officialName},", "Dear {officialPosition},"]);

    // Not public while a draft.
    expect((await fetch(`${server.url}/en/campaigns/${campaign.slug}`)).status).toBe(404);
    const page = await campaigner.browser.get(`/en/staff/campaigns/${campaign.id}?done=created`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    const html = await page.text();
    expect(html).toContain("The draft has been created.");
    expect(html).toContain("Send for review");

    expect((await campaigner.browser.post(`/en/staff/campaigns/${campaign.id}`, { intent: "submit" })).status).toBe(302);
    expect(await statusOf(campaign.id)).toBe("IN_REVIEW");
    // The author cannot publish (a campaigner has no such permission anyway) …
    const own = await campaigner.browser.post(`/en/staff/campaigns/${campaign.id}`, { intent: "publish", version: (await versionOf(campaign.id)).version });
    expect(own.status).toBe(403);
    expect(await statusOf(campaign.id)).toBe("IN_REVIEW");
    // … and still not public.
    expect((await fetch(`${server.url}/en/campaigns/${campaign.slug}`)).status).toBe(404);

    const reviewPage = await (await moderator.browser.get(`/en/staff/campaigns/${campaign.id}`)).text();
    expect(reviewPage).toContain("Approve and publish");
    expect((await moderator.browser.post(`/en/staff/campaigns/${campaign.id}`, { intent: "publish", version: (await versionOf(campaign.id)).version })).status).toBe(302);
    const published = await prisma().campaign.findUniqueOrThrow({ where: { id: campaign.id } });
    expect(published.status).toBe("PUBLISHED");
    expect(published.publishedById).toBe(moderator.staff.id);
    expect(published.submittedById).toBe(campaigner.staff.id);

    // The public pages update at once (the content revision is bumped by the triggers).
    const en = await fetch(`${server.url}/en/campaigns/${campaign.slug}`);
    expect(en.status).toBe(200);
    expect(await en.text()).toContain(campaign.title);
    expect(await (await fetch(`${server.url}/be/campaigns/${campaign.slug}`)).text()).toContain(`Вызваліце друкароў`);
    // A language left empty falls back to another one.
    expect(await (await fetch(`${server.url}/pl/campaigns/${campaign.slug}`)).text()).toContain(campaign.title);
    expect(await (await fetch(`${server.url}/en/campaigns`)).text()).toContain(campaign.title);

    const audit = await prisma().auditLogEntry.findMany({ where: { subjectType: "Campaign", subjectId: campaign.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => [entry.action, entry.staffId])).toEqual([
      ["campaign.created", campaigner.staff.id],
      ["campaign.submitted", campaigner.staff.id],
      ["campaign.published", moderator.staff.id],
    ]);

    // Closing: the author may close their own campaign; it stays public as history.
    expect((await campaigner.browser.post(`/en/staff/campaigns/${campaign.id}`, { intent: "close" })).status).toBe(302);
    expect(await statusOf(campaign.id)).toBe("CLOSED");
    expect((await fetch(`${server.url}/en/campaigns/${campaign.slug}`)).status).toBe(200);
    // Closing twice is a conflict, not a second audit entry.
    expect((await campaigner.browser.post(`/en/staff/campaigns/${campaign.id}`, { intent: "close" })).status).toBe(409);
    expect(await prisma().auditLogEntry.count({ where: { subjectId: campaign.id, action: "campaign.closed" } })).toBe(1);
  });

  it("never lets a moderator approve a campaign they wrote or submitted", async () => {
    const moderatorA = await signedIn(["moderator"]);
    const moderatorB = await signedIn(["moderator"]);
    const admin = await signedIn(["admin"]);
    const campaigner = await signedIn(["campaigner"]);

    // An admin writes a campaign and submits it: the admin cannot publish it, a moderator can.
    const own = await create(admin.browser);
    expect((await admin.browser.post(`/en/staff/campaigns/${own.id}`, { intent: "submit" })).status).toBe(302);
    expect((await admin.browser.post(`/en/staff/campaigns/${own.id}`, { intent: "publish", version: (await versionOf(own.id)).version })).status).toBe(403);
    expect(await (await admin.browser.get(`/en/staff/campaigns/${own.id}`)).text()).not.toContain("Approve and publish");

    // A moderator submits a campaigner's draft: that moderator cannot publish it either.
    const draft = await create(campaigner.browser);
    expect((await moderatorA.browser.post(`/en/staff/campaigns/${draft.id}`, { intent: "submit" })).status).toBe(302);
    expect((await moderatorA.browser.post(`/en/staff/campaigns/${draft.id}`, { intent: "publish", version: (await versionOf(draft.id)).version })).status).toBe(403);
    expect(await statusOf(draft.id)).toBe("IN_REVIEW");
    expect((await moderatorB.browser.post(`/en/staff/campaigns/${draft.id}`, { intent: "publish", version: (await versionOf(draft.id)).version })).status).toBe(302);
    expect(await statusOf(draft.id)).toBe("PUBLISHED");
  });

  it("does not send a campaign without any title for review", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const empty = await create(campaigner.browser, { "title-en": "", "summary-en": "", "ask-en": "", "title-be": "", "summary-be": "", "ask-be": "" });
    const response = await campaigner.browser.post(`/en/staff/campaigns/${empty.id}`, { intent: "submit" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Give the campaign a title in at least one language");
    expect(await statusOf(empty.id)).toBe("DRAFT");
  });

  it("returns a campaign to draft only with a note, which the author then sees", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const moderator = await signedIn(["moderator"]);
    const campaign = await create(campaigner.browser);
    await campaigner.browser.post(`/en/staff/campaigns/${campaign.id}`, { intent: "submit" });
    // Campaigners cannot return (it is a reviewer's move).
    expect((await campaigner.browser.post(`/en/staff/campaigns/${campaign.id}`, { intent: "return", note: "mine" })).status).toBe(403);

    const noNote = await moderator.browser.post(`/en/staff/campaigns/${campaign.id}`, { intent: "return", note: "   " });
    expect(noNote.status).toBe(400);
    expect(await noNote.text()).toContain("Fill this in.");
    expect(await statusOf(campaign.id)).toBe("IN_REVIEW");

    const returned = await moderator.browser.post(`/en/staff/campaigns/${campaign.id}`, { intent: "return", note: "Please add the facility address." });
    expect(returned.status).toBe(302);
    expect(await statusOf(campaign.id)).toBe("DRAFT");
    const authorView = await (await campaigner.browser.get(`/en/staff/campaigns/${campaign.id}`)).text();
    expect(authorView).toContain("Reviewer&#x27;s note");
    expect(authorView).toContain("Please add the facility address.");
    // Submitting again clears the note.
    await campaigner.browser.post(`/en/staff/campaigns/${campaign.id}`, { intent: "submit" });
    expect((await prisma().campaign.findUniqueOrThrow({ where: { id: campaign.id } })).reviewNote).toBeNull();
    expect(await prisma().auditLogEntry.count({ where: { subjectId: campaign.id, action: "campaign.returned", staffId: moderator.staff.id } })).toBe(1);
  });

  it("gives one winner when two moderators publish at the same moment", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const moderators = await Promise.all([signedIn(["moderator"]), signedIn(["moderator"]), signedIn(["moderator"])]);
    const campaign = await create(campaigner.browser);
    await campaigner.browser.post(`/en/staff/campaigns/${campaign.id}`, { intent: "submit" });
    const { version } = await versionOf(campaign.id);
    const answers = await Promise.all(moderators.map((moderator) => moderator.browser.post(`/en/staff/campaigns/${campaign.id}`, { intent: "publish", version })));
    const statuses = answers.map((answer) => answer.status).sort();
    // One publishes; the others find it published already (a conflict, or no longer a move they may make).
    expect(statuses.filter((status) => status === 302)).toHaveLength(1);
    for (const status of statuses.filter((status) => status !== 302)) expect([403, 409]).toContain(status);
    expect(await prisma().auditLogEntry.count({ where: { subjectId: campaign.id, action: "campaign.published" } })).toBe(1);
  });
});

describe("the editor's form", () => {
  it("reports every problem next to its field and keeps what was typed", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const response = await campaigner.browser.post(
      "/en/staff/campaigns/new",
      campaignFields({
        slug: "Bad Slug!",
        goal: "lots",
        deadline: "2027-02-30",
        "title-be": "",
        "summary-be": "Тэкст без назвы",
        "template-en-arguments": "First argument.\nSecond about {prisonerNmae}.",
        "template-en-closings": "",
      }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('value="Bad Slug!"');
    expect(html).toContain('value="lots"');
    expect(html).toContain('value="2027-02-30"');
    expect(html).toContain("Тэкст без назвы");
    expect(html).toContain("Second about {prisonerNmae}.");
    expect(html).toMatch(/id="slug-error"[^>]*>Use only small Latin letters/);
    expect(html).toMatch(/id="goal-error"[^>]*>Enter a whole number/);
    expect(html).toMatch(/id="deadline-error"[^>]*>Enter a real date/);
    expect(html).toMatch(/id="title-be-error"[^>]*>This language has a text but no title/);
    expect(html).toMatch(/id="template-en-arguments-error"[^>]*>Wording 2: unknown placeholder \{prisonerNmae\}\./);
    expect(html).toContain('aria-describedby="template-en-arguments-error"');
    expect(html).toContain("5 fields need attention");
    expect(await prisma().campaign.count({ where: { slug: "Bad Slug!" } })).toBe(0);

    // The same in Belarusian: the messages are translated.
    const be = await campaigner.browser.post("/be/staff/campaigns/new", campaignFields({ "template-en-arguments": "{nope}" }));
    expect(be.status).toBe(400);
    expect(await be.text()).toContain("Варыянт 1: невядомая падстаноўка {nope}.");

    // A template with only some parts is incomplete.
    const partial = await campaigner.browser.post("/en/staff/campaigns/new", campaignFields({ "template-en-closings": "" }));
    expect(await partial.text()).toMatch(/id="template-en-closings-error"[^>]*>An appeal needs at least one subject/);
  });

  it("reads one wording per box: a line break inside a box stays in it, and errors name the box", async () => {
    const campaigner = await signedIn(["campaigner"]);
    // As the browser posts the editor: every box of a part under the part's name, spare ones empty.
    // Enter pressed inside the first opening must not make a third opening without a greeting.
    const campaign = await create(campaigner.browser, {
      "template-en-openings": ["Dear {officialName},\r\nI write about {prisonerName}.", "Dear {officialPosition},", "", ""],
      "template-en-closings": ["", "Please act now.", "", ""],
    });
    const template = await prisma().appealTemplate.findUniqueOrThrow({ where: { campaignId_locale: { campaignId: campaign.id, locale: "en" } } });
    expect(template.openings).toEqual(["Dear {officialName}, I write about {prisonerName}.", "Dear {officialPosition},"]);
    expect(template.closings).toEqual(["Please act now."]);

    // The edit page: a box per kept wording, then two empty ones, with the count.
    const page = await (await campaigner.browser.get(`/en/staff/campaigns/${campaign.id}`)).text();
    const openingBoxes = [...page.matchAll(/<textarea[^>]*name="template-en-openings"[^>]*>([^<]*)<\/textarea>/g)].map((match) => match[1]);
    expect(openingBoxes).toEqual(["Dear {officialName}, I write about {prisonerName}.", "Dear {officialPosition},", "", ""]);
    expect(page).toMatch(/<label for="template-en-openings-2">Wording 2<\/label>/);
    expect(page).toMatch(/id="template-en-openings-count"[^>]*>2 wordings</);

    // An error names the box as the editor numbers it (an empty box keeps its place) and
    // everything typed comes back in its box.
    const refused = await campaigner.browser.post(
      "/en/staff/campaigns/new",
      campaignFields({ "template-en-arguments": ["{prisonerFacts} This is unjust.", "", "The charges are about\n{leaflets}.", ""] }),
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toMatch(/id="template-en-arguments-error"[^>]*>Wording 3: unknown placeholder \{leaflets\}\./);
    expect(html).toMatch(/<textarea[^>]*id="template-en-arguments-3"[^>]*aria-describedby="template-en-arguments-error"[^>]*aria-invalid="true"[^>]*>The charges are about \{leaflets\}\.<\/textarea>/);
    expect(html).toMatch(/<textarea[^>]*id="template-en-arguments-1"[^>]*>\{prisonerFacts\} This is unjust\.<\/textarea>/);
    expect(html).not.toMatch(/id="template-en-arguments-1"[^>]*aria-invalid/);
  });

  it("reports a slug that another campaign already has, on create and on edit", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const seeded = await prisma().campaign.findFirstOrThrow({ select: { slug: true } });
    const taken = await campaigner.browser.post("/en/staff/campaigns/new", campaignFields({ slug: seeded.slug }));
    expect(taken.status).toBe(400);
    const html = await taken.text();
    expect(html).toMatch(/id="slug-error"[^>]*>Another campaign already has this address/);
    expect(html).toContain(`value="${seeded.slug}"`);

    const campaign = await create(campaigner.browser);
    const { version } = await versionOf(campaign.id);
    const edit = await campaigner.browser.post(`/en/staff/campaigns/${campaign.id}`, { ...campaign.fields, slug: seeded.slug, version });
    expect(edit.status).toBe(400);
    expect(await edit.text()).toContain("Another campaign already has this address");
    expect((await prisma().campaign.findUniqueOrThrow({ where: { id: campaign.id } })).slug).toBe(campaign.slug);
  });

  it("saves edits, refuses a stale form without losing its text, and audits each save", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const campaign = await create(campaigner.browser);
    const { version } = await versionOf(campaign.id);
    const saved = await campaigner.browser.post(`/en/staff/campaigns/${campaign.id}`, {
      ...campaign.fields,
      "title-uk": "Звільніть друкарів",
      "summary-uk": "Коротко",
      "ask-uk": "Звільніть",
      prisoners: prisonerIds.slice(0, 1),
      targets: [],
      version,
    });
    expect(saved.status).toBe(302);
    const row = await prisma().campaign.findUniqueOrThrow({ where: { id: campaign.id }, include: { translations: true, prisoners: true, targets: true } });
    expect(row.translations.map((translation) => translation.locale).sort()).toEqual(["be", "en", "uk"]);
    expect(row.prisoners).toHaveLength(1);
    expect(row.targets).toHaveLength(0);

    // The old version again: someone (here, the same person) saved in between.
    const stale = await campaigner.browser.post(`/en/staff/campaigns/${campaign.id}`, { ...campaign.fields, "title-en": "Lost otherwise", version });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain("Someone changed this campaign in the meantime");
    expect(html).toContain('value="Lost otherwise"');
    expect(await prisma().auditLogEntry.count({ where: { subjectId: campaign.id, action: "campaign.edited" } })).toBe(1);
  });
});

async function versionOf(id: string) {
  const row = await prisma().campaign.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } });
  return { version: String(row.updatedAt.getTime()) };
}

describe("text only: no role can inject HTML", () => {
  const payload = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&`;
  const raw = [/<script>alert/i, /<img src=x/i, /onerror=alert\(2\)>/i];

  it("renders payloads in every editable field as text, on the staff page and the public page", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const moderator = await signedIn(["moderator"]);
    const fields: Record<string, string | string[]> = {};
    for (const language of ["be", "ru", "uk", "pl", "lt", "en"]) {
      fields[`title-${language}`] = `${language} title ${payload}`;
      fields[`summary-${language}`] = `${language} summary ${payload}`;
      fields[`ask-${language}`] = `${language} ask ${payload}`;
      for (const part of ["subjects", "openings", "arguments", "closings"]) fields[`template-${language}-${part}`] = `${part} {prisonerName} ${payload}`;
    }
    const campaign = await create(campaigner.browser, fields);
    // Stored verbatim: escaping is the renderer's job, so the text stays exactly as typed.
    const stored = await prisma().campaignTranslation.findUniqueOrThrow({ where: { campaignId_locale: { campaignId: campaign.id, locale: "lt" } } });
    expect(stored.ask).toBe(`lt ask ${payload}`);

    const staffHtml = await (await campaigner.browser.get(`/en/staff/campaigns/${campaign.id}`)).text();
    for (const pattern of raw) expect(staffHtml).not.toMatch(pattern);
    expect(staffHtml).toContain("en title &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;");
    expect(staffHtml).toContain("closings {prisonerName} &lt;script&gt;");

    await campaigner.browser.post(`/en/staff/campaigns/${campaign.id}`, { intent: "submit" });
    // The reviewer's note too.
    const returned = await moderator.browser.post(`/en/staff/campaigns/${campaign.id}`, { intent: "return", note: `note ${payload}` });
    expect(returned.status).toBe(302);
    const noteHtml = await (await campaigner.browser.get(`/en/staff/campaigns/${campaign.id}`)).text();
    for (const pattern of raw) expect(noteHtml).not.toMatch(pattern);
    expect(noteHtml).toContain("note &lt;script&gt;");
    await campaigner.browser.post(`/en/staff/campaigns/${campaign.id}`, { intent: "submit" });
    expect((await moderator.browser.post(`/en/staff/campaigns/${campaign.id}`, { intent: "publish", version: (await versionOf(campaign.id)).version })).status).toBe(302);

    for (const language of ["en", "be", "lt"]) {
      const page = await fetch(`${server.url}/${language}/campaigns/${campaign.slug}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      for (const pattern of raw) expect(html).not.toMatch(pattern);
      expect(html).toContain(`${language} title &lt;script&gt;`);
      expect(html).toContain(`${language} summary &lt;script&gt;`);
    }
    const list = await (await fetch(`${server.url}/en/campaigns`)).text();
    for (const pattern of raw) expect(list).not.toMatch(pattern);
    expect(list).toContain("en title &lt;script&gt;");
    // The staff list, as a moderator sees it.
    const staffList = await (await moderator.browser.get("/en/staff/campaigns")).text();
    for (const pattern of raw) expect(staffList).not.toMatch(pattern);
  });

  it("refuses a slug with markup (it is an address, not text)", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const response = await campaigner.browser.post("/en/staff/campaigns/new", campaignFields({ slug: payload }));
    expect(response.status).toBe(400);
    const html = await response.text();
    for (const pattern of raw) expect(html).not.toMatch(pattern);
    expect(html).toContain("Use only small Latin letters");
  });
});

describe("own versus others' campaigns", () => {
  it("answers campaigners, moderators and translators as the workflow says", async () => {
    const author = await signedIn(["campaigner"]);
    const other = await signedIn(["campaigner"]);
    const moderator = await signedIn(["moderator"]);
    const translator = await signedIn(["translator"]);
    const draft = await create(author.browser);
    const live = await create(author.browser);
    await author.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "submit" });
    await moderator.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "publish", version: (await versionOf(live.id)).version });
    const { version: draftVersion } = await versionOf(draft.id);
    const { version: liveVersion } = await versionOf(live.id);

    const cases: [string, Browser, "GET" | "POST", string, Record<string, string | string[]>, number][] = [
      // Another campaigner's draft does not exist for them.
      ["other campaigner GET draft", other.browser, "GET", draft.id, {}, 404],
      ["other campaigner save draft", other.browser, "POST", draft.id, { ...draft.fields, version: draftVersion }, 404],
      ["other campaigner submit draft", other.browser, "POST", draft.id, { intent: "submit" }, 404],
      // A published campaign is public anyway: readable, not editable or closable by others.
      ["other campaigner GET published", other.browser, "GET", live.id, {}, 200],
      ["other campaigner save published", other.browser, "POST", live.id, { ...live.fields, version: liveVersion }, 403],
      ["other campaigner close published", other.browser, "POST", live.id, { intent: "close" }, 403],
      // The author's edit of their published campaign becomes a proposal for a moderator
      // (tests/integration/staff-campaign-revisions.test.ts); the public page is unchanged.
      ["author save published", author.browser, "POST", live.id, { ...live.fields, version: liveVersion }, 302],
      ["author GET own draft", author.browser, "GET", draft.id, {}, 200],
      ["moderator GET others' draft", moderator.browser, "GET", draft.id, {}, 200],
      ["translator GET draft", translator.browser, "GET", draft.id, {}, 403],
      ["translator POST draft", translator.browser, "POST", draft.id, { intent: "submit" }, 403],
    ];
    const seen: string[] = [];
    for (const [name, browser, method, id, fields, expected] of cases) {
      const response = method === "GET" ? await browser.get(`/en/staff/campaigns/${id}`) : await browser.post(`/en/staff/campaigns/${id}`, fields);
      seen.push(`${name}: ${response.status === expected ? "as expected" : `${response.status} (expected ${expected})`}`);
      await response.arrayBuffer();
    }
    expect(seen.filter((line) => !line.endsWith("as expected"))).toEqual([]);
    expect(await statusOf(draft.id)).toBe("DRAFT");
    expect(await statusOf(live.id)).toBe("PUBLISHED");

    const othersView = await (await other.browser.get(`/en/staff/campaigns/${live.id}`)).text();
    expect(othersView).not.toContain("Save changes");
    expect(othersView).toContain(live.title);

    // Lists: campaigners see their own and the public ones; moderators see all.
    const otherList = await (await other.browser.get("/en/staff/campaigns")).text();
    expect(otherList).not.toContain(`data-slug="${draft.slug}"`);
    expect(otherList).toContain(`data-slug="${live.slug}"`);
    const authorList = await (await author.browser.get("/en/staff/campaigns")).text();
    expect(authorList).toContain(`data-slug="${draft.slug}"`);
    const moderatorList = await (await moderator.browser.get("/en/staff/campaigns")).text();
    expect(moderatorList).toContain(`data-slug="${draft.slug}"`);
  });

  it("holds a moderator's correction of a published campaign for another moderator, audited", async () => {
    const author = await signedIn(["campaigner"]);
    const moderator = await signedIn(["moderator"]);
    const live = await create(author.browser);
    await author.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "submit" });
    await moderator.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "publish", version: (await versionOf(live.id)).version });
    const { version } = await versionOf(live.id);
    const fixed = await moderator.browser.post(`/en/staff/campaigns/${live.id}`, { ...live.fields, "title-en": "Corrected title", version });
    expect(fixed.status).toBe(302);
    expect(fixed.headers.get("location")).toBe(`/en/staff/campaigns/${live.id}?done=proposed`);
    expect(await (await fetch(`${server.url}/en/campaigns/${live.slug}`)).text()).not.toContain("Corrected title");
    expect(await prisma().auditLogEntry.count({ where: { subjectId: live.id, action: "campaign.edited" } })).toBe(0);
    expect(await prisma().auditLogEntry.count({ where: { subjectId: live.id, action: "campaign.revision.propose", staffId: moderator.staff.id } })).toBe(1);
  });
});

describe("members whose status is stale", () => {
  const idOf = async (slug: string) => (await prisma().prisoner.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
  const warning = (html: string) => /<div class="campaign-stale"[\s\S]*?<\/div>/.exec(html)?.[0] ?? null;

  it("warns above the publish button, naming them and their last report, but does not block publishing", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const moderator = await signedIn(["moderator"]);
    // Ilyash's status was re-checked a month ago; Bialiatski's last reports are from 2025 and 2024.
    await reportStatus(prisma(), "ihar-ilyash", { daysAgo: 30 });
    const [bialiatski, ilyash] = [await idOf("ales-bialiatski"), await idOf("ihar-ilyash")];
    const campaign = await create(campaigner.browser, { prisoners: [bialiatski, ilyash] });
    expect((await campaigner.browser.post(`/en/staff/campaigns/${campaign.id}`, { intent: "submit" })).status).toBe(302);

    const review = await (await moderator.browser.get(`/en/staff/campaigns/${campaign.id}`)).text();
    const shown = warning(review);
    expect(shown).not.toBeNull();
    expect(shown).toContain("Statuses to re-check.");
    expect(shown).toContain(`data-stale-member="${bialiatski}"`);
    expect(shown).toContain("Ales Bialiatski</a>");
    // Oldest report first: the letter status (2024), then the status (September 2025).
    expect(shown).toContain("Letters “Held incommunicado”: last reported by Perspectives, 2024; Status “In custody”: last reported by The Guardian, September 2025");
    expect(shown).not.toContain(`data-stale-member="${ilyash}"`);
    expect(review.indexOf("Statuses to re-check.")).toBeLessThan(review.indexOf("Approve and publish"));

    expect((await moderator.browser.post(`/en/staff/campaigns/${campaign.id}`, { intent: "publish", version: (await versionOf(campaign.id)).version })).status).toBe(302);
    expect(await statusOf(campaign.id)).toBe("PUBLISHED");
  });

  it("warns in a pending revision that adds a stale member, and not at all when every member is fresh", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const moderator = await signedIn(["moderator"]);
    await reportStatus(prisma(), "ihar-ilyash", { daysAgo: 30 });
    await reportStatus(prisma(), "katsiaryna-bakhvalava", { daysAgo: 30 });
    const fresh = [await idOf("ihar-ilyash"), await idOf("katsiaryna-bakhvalava")];
    const campaign = await create(campaigner.browser, { prisoners: fresh });
    expect((await campaigner.browser.post(`/en/staff/campaigns/${campaign.id}`, { intent: "submit" })).status).toBe(302);
    const review = await (await moderator.browser.get(`/en/staff/campaigns/${campaign.id}`)).text();
    expect(review).toContain("Approve and publish");
    expect(warning(review)).toBeNull();
    expect((await moderator.browser.post(`/en/staff/campaigns/${campaign.id}`, { intent: "publish", version: (await versionOf(campaign.id)).version })).status).toBe(302);

    // A revision adds Losik, whose only report is the 2024 essay.
    const losik = await idOf("ihar-losik");
    const proposed = await campaigner.browser.post(`/en/staff/campaigns/${campaign.id}`, { ...campaign.fields, prisoners: [...fresh, losik], version: (await versionOf(campaign.id)).version });
    expect(proposed.headers.get("location")).toBe(`/en/staff/campaigns/${campaign.id}?done=proposed`);
    const page = await (await moderator.browser.get(`/en/staff/campaigns/${campaign.id}`)).text();
    const revision = /<section[^>]*class="campaign-revision"[\s\S]*?<\/section>/.exec(page)![0];
    expect(revision).toContain(`data-stale-member="${losik}"`);
    expect(revision).toContain("last reported by Perspectives, 2024");
    expect(revision).not.toContain(`data-stale-member="${fresh[0]}"`);
  });
});
