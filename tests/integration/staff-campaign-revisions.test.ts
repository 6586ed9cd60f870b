// Edits of a published campaign go through review, over real HTTP with signed-in staff: the
// edit is stored as a pending revision and the public page stays as it was; its author (even
// a moderator) cannot apply it; another moderator sees the diff and applies it (public page
// changes) or rejects it with a reason; a stale revision is refused; concurrent applies give
// one winner; own versus others' revisions; everything audited.
// The server's caches get no change notifications here: each public page must show a change at
// once because the action that made it brought this process's caches up to date (read your
// writes), not because a notification happened to arrive before the next request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StaffRole } from "~/staff/permissions";

import { createReachableOfficial } from "../support/officials";
import { startTestServer, type TestServer } from "../support/server";
import { Browser, signedInStaff } from "../support/staff";

let server: TestServer;
let prisonerIds: string[];
let officialIds: string[];

beforeAll(async () => {
  server = await startTestServer({}, { notifications: "withheld" });
  prisonerIds = (await server.database.prisma.prisoner.findMany({ select: { id: true }, orderBy: { slug: "asc" }, take: 2 })).map((row) => row.id);
  // A target that appeals can reach: a campaign with one that nothing reaches is not published.
  officialIds = [await createReachableOfficial(server.database.prisma)];
});

afterAll(async () => {
  await server?.close();
});

const prisma = () => server.database.prisma;

const signedIn = (roles: StaffRole[]) => signedInStaff(server.url, prisma(), roles);

let counter = 0;
function fields(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  counter++;
  return {
    intent: "save",
    slug: `revision-test-${counter}`,
    goal: "250",
    deadline: "2027-03-01",
    "title-en": `Free the bakers ${counter}`,
    "summary-en": "Two bakers are held for a cake.",
    "ask-en": "Release them now.",
    "title-be": `Вызваліце пекараў ${counter}`,
    "summary-be": "Двух пекараў трымаюць за торт.",
    "ask-be": "Вызваліце іх.",
    "template-en-subjects": "Release {prisonerName}",
    "template-en-openings": "Dear {officialName},",
    "template-en-arguments": "{prisonerFacts} This detention is unjust.",
    "template-en-closings": "Please act now.",
    prisoners: [prisonerIds[0]!],
    targets: officialIds,
    ...overrides,
  };
}

const version = async (id: string) => String((await prisma().campaign.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } })).updatedAt.getTime());
const publicPage = async (slug: string, language = "en") => (await fetch(`${server.url}/${language}/campaigns/${slug}`)).text();

/** A campaign written by `author`, published by `publisher`. */
async function published(author: Browser, publisher: Browser) {
  const form = fields();
  const created = await author.post("/en/staff/campaigns/new", form);
  expect(created.status).toBe(302);
  const id = /\/campaigns\/([A-Za-z0-9_-]+)\?done=created$/.exec(created.headers.get("location") ?? "")![1]!;
  expect((await author.post(`/en/staff/campaigns/${id}`, { intent: "submit" })).status).toBe(302);
  expect((await publisher.post(`/en/staff/campaigns/${id}`, { intent: "publish", version: await version(id) })).status).toBe(302);
  return { id, form, slug: form.slug as string };
}

/** Proposes an edit; returns the new revision's id. */
async function propose(browser: Browser, id: string, form: Record<string, string | string[]>, changes: Record<string, string | string[]>) {
  const response = await browser.post(`/en/staff/campaigns/${id}`, { ...form, ...changes, version: await version(id) });
  expect(response.status, await response.clone().text().then((text) => text.slice(0, 200))).toBe(302);
  expect(response.headers.get("location")).toBe(`/en/staff/campaigns/${id}?done=proposed`);
  const revision = await prisma().campaignRevision.findFirstOrThrow({ where: { campaignId: id }, orderBy: { createdAt: "desc" } });
  return revision.id;
}

describe("editing a published campaign", () => {
  it("holds the edit for review: public page unchanged, the author cannot apply, another moderator sees the diff and applies it", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const first = await signedIn(["moderator"]);
    const second = await signedIn(["moderator"]);
    const live = await published(campaigner.browser, first.browser);
    const before = await version(live.id);

    // The author (campaigner) proposes new texts, a second prisoner, a new goal and deadline.
    const revisionId = await propose(campaigner.browser, live.id, live.form, {
      "title-en": "Free the bakers <b>now</b>",
      "summary-be": "Новы тэкст.",
      goal: "500",
      deadline: "2027-06-30",
      prisoners: prisonerIds,
    });
    expect(await version(live.id)).toBe(before);
    const unchanged = await publicPage(live.slug);
    expect(unchanged).toContain(live.form["title-en"] as string);
    expect(unchanged).not.toContain("Free the bakers &lt;b&gt;now&lt;/b&gt;");
    expect(await publicPage(live.slug, "be")).not.toContain("Новы тэкст.");

    // Shown as pending in the list and on the page, with a diff as text.
    const list = await (await second.browser.get("/en/staff/campaigns")).text();
    expect(list).toMatch(new RegExp(`data-slug="${live.slug}"[\\s\\S]*?data-testid="pending-changes"`));
    const page = await (await second.browser.get(`/en/staff/campaigns/${live.id}`)).text();
    expect(page).toContain('data-testid="pending-revisions"');
    expect(page).toMatch(/<tr data-field="title-en"><th scope="row">Title \(English\)<\/th><td lang="en">Free the bakers \d+<\/td><td lang="en">Free the bakers &lt;b&gt;now&lt;\/b&gt;<\/td><\/tr>/);
    expect(page).toContain('data-field="summary-be"');
    expect(page).toContain('data-field="goal"');
    expect(page).toContain('data-field="deadline"');
    expect(page).toContain('data-field="prisoners"');
    expect(page).not.toContain('data-field="ask-en"');
    expect(page).not.toContain("<b>now</b>");
    expect(page).toContain('value="apply-revision"');

    // Its author sees it, but no apply button; a forged apply is refused.
    const authorPage = await (await campaigner.browser.get(`/en/staff/campaigns/${live.id}`)).text();
    expect(authorPage).toContain('data-testid="pending-revisions"');
    expect(authorPage).not.toContain('value="apply-revision"');
    expect(authorPage).toContain('value="withdraw-revision"');
    expect((await campaigner.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "apply-revision", revision: revisionId })).status).toBe(403);

    const applied = await second.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "apply-revision", revision: revisionId });
    expect(applied.status).toBe(302);
    expect(applied.headers.get("location")).toBe(`/en/staff/campaigns/${live.id}?done=applied`);
    const changed = await publicPage(live.slug);
    expect(changed).toContain("Free the bakers &lt;b&gt;now&lt;/b&gt;");
    expect(await publicPage(live.slug, "be")).toContain("Новы тэкст.");
    const row = await prisma().campaign.findUniqueOrThrow({ where: { id: live.id }, include: { prisoners: true } });
    expect([row.goal, row.deadline?.toISOString().slice(0, 10), row.prisoners.length, row.status]).toEqual([500, "2027-06-30", 2, "PUBLISHED"]);
    const revision = await prisma().campaignRevision.findUniqueOrThrow({ where: { id: revisionId } });
    expect([revision.state, revision.reviewerId]).toEqual(["APPLIED", second.staff.id]);
    // Applying twice: already decided.
    expect((await first.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "apply-revision", revision: revisionId })).status).toBe(409);
    expect(await (await second.browser.get("/en/staff/campaigns")).text()).not.toMatch(new RegExp(`data-slug="${live.slug}"[^]*?data-testid="pending-changes"[^]*?</tr>`));

    const audit = await prisma().auditLogEntry.findMany({ where: { subjectId: live.id, action: { startsWith: "campaign.revision" } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => [entry.action, entry.staffId])).toEqual([
      ["campaign.revision.propose", campaigner.staff.id],
      ["campaign.revision.apply", second.staff.id],
    ]);
  });

  it("needs another moderator for a moderator's own edit too", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const moderator = await signedIn(["moderator"]);
    const admin = await signedIn(["admin"]);
    const live = await published(campaigner.browser, moderator.browser);
    const revisionId = await propose(moderator.browser, live.id, live.form, { "ask-en": "Release them today." });
    expect(await publicPage(live.slug)).not.toContain("Release them today.");
    expect(await (await moderator.browser.get(`/en/staff/campaigns/${live.id}`)).text()).not.toContain('value="apply-revision"');
    expect((await moderator.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "apply-revision", revision: revisionId })).status).toBe(403);
    expect((await moderator.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "reject-revision", revision: revisionId, note: "no" })).status).toBe(403);
    // The campaign's author is a campaigner: no approving at all.
    expect((await campaigner.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "apply-revision", revision: revisionId })).status).toBe(403);
    expect(await publicPage(live.slug)).not.toContain("Release them today.");
    expect((await admin.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "apply-revision", revision: revisionId })).status).toBe(302);
    expect(await publicPage(live.slug)).toContain("Release them today.");
  });

  it("rejects with a required reason the author then sees, and lets the author withdraw", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const moderator = await signedIn(["moderator"]);
    const live = await published(campaigner.browser, moderator.browser);
    const revisionId = await propose(campaigner.browser, live.id, live.form, { "title-en": "Something else" });

    const empty = await moderator.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "reject-revision", revision: revisionId, note: "  " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain(`id="reason-${revisionId}-error"`);
    const rejected = await moderator.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "reject-revision", revision: revisionId, note: "The title must name the <people>." });
    expect(rejected.headers.get("location")).toBe(`/en/staff/campaigns/${live.id}?done=rejected`);
    expect(await publicPage(live.slug)).not.toContain("Something else");
    const authorPage = await (await campaigner.browser.get(`/en/staff/campaigns/${live.id}`)).text();
    expect(authorPage).toContain("The title must name the &lt;people&gt;.");
    expect(authorPage).not.toContain('data-testid="pending-revisions"');
    expect((await prisma().campaignRevision.findUniqueOrThrow({ where: { id: revisionId } })).state).toBe("REJECTED");

    // Withdraw: only the author; then nobody can apply it.
    const second = await propose(campaigner.browser, live.id, live.form, { "title-en": "Yet another" });
    expect((await moderator.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "withdraw-revision", revision: second })).status).toBe(403);
    expect((await campaigner.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "withdraw-revision", revision: second })).headers.get("location")).toBe(`/en/staff/campaigns/${live.id}?done=withdrawn`);
    expect((await moderator.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "apply-revision", revision: second })).status).toBe(409);
    expect(await publicPage(live.slug)).not.toContain("Yet another");
    const actions = (await prisma().auditLogEntry.findMany({ where: { subjectId: live.id, action: { startsWith: "campaign.revision" } }, orderBy: { createdAt: "asc" } })).map((entry) => entry.action);
    expect(actions).toEqual(["campaign.revision.propose", "campaign.revision.reject", "campaign.revision.propose", "campaign.revision.withdraw"]);
  });

  it("refuses a stale form and a stale revision, keeping what was typed", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const moderator = await signedIn(["moderator"]);
    const live = await published(campaigner.browser, moderator.browser);
    const base = await version(live.id);
    const a = await propose(campaigner.browser, live.id, live.form, { "title-en": "Version A" });
    const b = await propose(moderator.browser, live.id, live.form, { "summary-en": "Version B summary" });
    expect((await moderator.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "apply-revision", revision: a })).status).toBe(302);

    // B was made from the version before A: refused, shown as out of date, public keeps A.
    const stale = await campaigner.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "apply-revision", revision: b });
    expect(stale.status).toBe(403); // the campaigner may not decide at all
    const other = await signedIn(["moderator"]);
    const refused = await other.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "apply-revision", revision: b });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("The campaign has changed since these changes were proposed");
    expect(await publicPage(live.slug)).toContain("Version A");
    expect(await publicPage(live.slug)).not.toContain("Version B summary");
    const page = await (await other.browser.get(`/en/staff/campaigns/${live.id}`)).text();
    expect(page).toContain('data-testid="revision-stale"');
    expect(page).not.toContain('value="apply-revision"');

    // A form loaded before A was applied: refused as a conflict, the text kept.
    const old = await campaigner.browser.post(`/en/staff/campaigns/${live.id}`, { ...live.form, "title-en": "Typed on an old page", version: base });
    expect(old.status).toBe(409);
    const html = await old.text();
    expect(html).toContain("Someone changed this campaign in the meantime");
    expect(html).toContain("Typed on an old page");
    expect(await prisma().campaignRevision.count({ where: { campaignId: live.id } })).toBe(2);
  });

  it("gives one winner when two moderators apply at once, and when two revisions race", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const moderators = await Promise.all([signedIn(["moderator"]), signedIn(["moderator"]), signedIn(["admin"])]);
    const live = await published(campaigner.browser, moderators[0]!.browser);
    const same = await propose(campaigner.browser, live.id, live.form, { "title-en": "Raced title" });
    const answers = await Promise.all(moderators.map(({ browser }) => browser.post(`/en/staff/campaigns/${live.id}`, { intent: "apply-revision", revision: same })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([302, 409, 409]);
    expect(await prisma().auditLogEntry.count({ where: { subjectId: live.id, action: "campaign.revision.apply" } })).toBe(1);

    // Two revisions from the same version, applied at once by two moderators: one wins, the other is stale.
    const x = await propose(campaigner.browser, live.id, live.form, { "title-en": "Raced X" });
    const y = await propose(campaigner.browser, live.id, live.form, { "title-en": "Raced Y" });
    const [ax, ay] = await Promise.all([
      moderators[1]!.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "apply-revision", revision: x }),
      moderators[2]!.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "apply-revision", revision: y }),
    ]);
    expect([ax.status, ay.status].sort()).toEqual([302, 409]);
    const states = (await prisma().campaignRevision.findMany({ where: { id: { in: [x, y] } } })).map((row) => row.state).sort();
    expect(states).toEqual(["APPLIED", "PENDING"]);
    const winner = ax.status === 302 ? "Raced X" : "Raced Y";
    expect(await publicPage(live.slug)).toContain(winner);
  });

  it("answers own and others' campaigns and revisions as the workflow says", async () => {
    const author = await signedIn(["campaigner"]);
    const otherCampaigner = await signedIn(["campaigner"]);
    const translator = await signedIn(["translator"]);
    const moderator = await signedIn(["moderator"]);
    const live = await published(author.browser, moderator.browser);
    const revisionId = await propose(author.browser, live.id, live.form, { "title-en": "Own revision" });
    const v = await version(live.id);
    const cases: [string, Browser, Record<string, string | string[]>, number][] = [
      ["other campaigner proposes on others' published", otherCampaigner.browser, { ...live.form, version: v }, 403],
      ["other campaigner applies", otherCampaigner.browser, { intent: "apply-revision", revision: revisionId }, 403],
      ["other campaigner withdraws others' revision", otherCampaigner.browser, { intent: "withdraw-revision", revision: revisionId }, 403],
      ["other campaigner rejects", otherCampaigner.browser, { intent: "reject-revision", revision: revisionId, note: "x" }, 403],
      ["translator applies", translator.browser, { intent: "apply-revision", revision: revisionId }, 403],
      ["author applies own", author.browser, { intent: "apply-revision", revision: revisionId }, 403],
      ["moderator, made-up revision", moderator.browser, { intent: "apply-revision", revision: "no-such-revision" }, 404],
    ];
    const seen: string[] = [];
    for (const [name, browser, form, expected] of cases) {
      const response = await browser.post(`/en/staff/campaigns/${live.id}`, form);
      seen.push(`${name}: ${response.status === expected ? "as expected" : `${response.status} (expected ${expected})`}`);
      await response.arrayBuffer();
    }
    expect(seen.filter((line) => !line.endsWith("as expected"))).toEqual([]);
    // A revision id of another campaign does not work through this one.
    const elsewhere = await published(author.browser, moderator.browser);
    expect((await moderator.browser.post(`/en/staff/campaigns/${elsewhere.id}`, { intent: "apply-revision", revision: revisionId })).status).toBe(404);
    expect((await prisma().campaignRevision.findUniqueOrThrow({ where: { id: revisionId } })).state).toBe("PENDING");
    expect(await publicPage(live.slug)).not.toContain("Own revision");
  });
});
