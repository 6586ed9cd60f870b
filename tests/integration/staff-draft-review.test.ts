// Reviewing imported drafts in batches over real HTTP, as a browser without JavaScript does it:
// the review page's own form (its checkboxes and per-row versions) is read from the HTML and
// posted back. Four eyes hold per profile (the importer's drafts are skipped, by name), a
// draft changed since the page was loaded is skipped, returning needs a reason and keeps the
// ticks, and a whole chunk moves the content revision (what empties caches) once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createImportFixtures, utf8 } from "../../scripts/support/import-fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { COOKIE, signedInStaff, type Browser } from "../support/staff";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await createImportFixtures(server.database.prisma);
});
afterAll(async () => {
  await server?.close();
});

const prisma = () => server.database.prisma;
const unescape = (text: string) => text.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;/g, "'");

let batch = 0;
/** An admin (who may import and publish) imports one draft per family name; returns the import's drafts. */
async function importDrafts(importer: Browser, families: string[]) {
  batch++;
  const lines = ["ФИО;Учреждение;Статус", ...families.map((family) => `${family} Иван Петрович;ik-test;у зняволенні`)];
  const form = new FormData();
  form.append("file", new Blob([utf8(lines.join("\r\n"))], { type: "text/csv" }), `batch-${batch}.csv`);
  form.append("sourceTitle", `Test list ${batch}`);
  form.append("sourceUrl", "");
  const uploaded = await fetch(`${server.url}/en/staff/prisoners/import`, { method: "POST", redirect: "manual", headers: { Origin: server.url, Cookie: `${COOKIE}=${importer.cookie}` }, body: form });
  expect(uploaded.status).toBe(303);
  const location = uploaded.headers.get("location")!;
  const importId = location.split("/").at(-1)!;
  expect((await importer.post(location, {})).status).toBe(303);
  for (let i = 0; i < 200; i++) {
    if ((await prisma().prisonerImport.findUniqueOrThrow({ where: { id: importId } })).state !== "APPLYING") break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect((await prisma().prisonerImport.findUniqueOrThrow({ where: { id: importId } })).state).toBe("APPLIED");
  const drafts = await prisma().prisoner.findMany({ where: { changes: { some: { importId } } }, select: { id: true, slug: true, draft: true } });
  expect(drafts).toHaveLength(families.length);
  return { importId, drafts };
}

/** Each row's checkbox: the draft it names and whether it is ticked. */
const picksIn = (html: string) =>
  [...html.matchAll(/<input[^>]*name="pick"[^>]*>/g)].map((match) => ({ id: /value="([^"]+)"/.exec(match[0])![1]!, checked: /\schecked/.test(match[0]) }));

/** The review form as the page rendered it: where it posts, each row's checkbox and version, and which are ticked. */
async function reviewForm(browser: Browser, path: string) {
  const response = await browser.get(path);
  expect(response.status).toBe(200);
  const html = await response.text();
  const form = /<form[^>]*id="review-form"[^>]*>/.exec(html)?.[0] ?? "";
  const action = unescape(/action="([^"]*)"/.exec(form)?.[1] ?? path);
  const picks = picksIn(html);
  const versions = Object.fromEntries([...html.matchAll(/<input type="hidden" name="(version\.[^"]+)" value="(\d+)"/g)].map((match) => [match[1]!, match[2]!]));
  return { html, action, picks, versions };
}

const contentRevision = async () => Number((await prisma().contentRevision.findUniqueOrThrow({ where: { id: 1 } })).revision);

describe("reviewing imported drafts in batches", () => {
  it("a second moderator publishes an import's drafts in one batch: public, audited per profile, caches emptied once", async () => {
    const importer = await signedInStaff(server.url, prisma(), ["admin"]);
    const moderator = await signedInStaff(server.url, prisma(), ["moderator"]);
    const families = ["Батчев", "Батчинов", "Батченко"];
    const { importId, drafts } = await importDrafts(importer.browser, families);

    // Linked from the staff list and from the import's report.
    expect(await (await moderator.browser.get("/en/staff/prisoners")).text()).toContain('href="/en/staff/prisoners/review"');
    expect(await (await importer.browser.get(`/en/staff/prisoners/import/${importId}`)).text()).toContain(`href="/en/staff/prisoners/review?import=${importId}"`);

    const page = await reviewForm(moderator.browser, `/en/staff/prisoners/review?import=${importId}`);
    expect(page.html).toContain("3 drafts");
    expect(page.picks.map((pick) => pick.id).sort()).toEqual(drafts.map((draft) => draft.id).sort());
    expect(page.html).toContain("Test list"); // the source, with its date
    expect(page.html).toContain("Penal colony Test");
    for (const draft of drafts) expect((await fetch(`${server.url}/en/prisoners/${draft.slug}`)).status).toBe(404);

    const before = await contentRevision();
    const published = await moderator.browser.post(page.action, { ...page.versions, pick: page.picks.map((pick) => pick.id), intent: "publish" });
    expect(published.status).toBe(200);
    expect(await published.text()).toContain("3 profiles published.");
    // One guarded statement for the chunk: the content revision moves once, not once per profile.
    expect((await contentRevision()) - before).toBe(1);

    for (const draft of drafts) expect((await fetch(`${server.url}/en/prisoners/${draft.slug}`)).status).toBe(200);
    const directory = await (await fetch(`${server.url}/en/prisoners?q=${encodeURIComponent("Батч")}`)).text();
    for (const draft of drafts) expect(directory).toContain(`/en/prisoners/${draft.slug}`);
    const audits = await prisma().auditLogEntry.findMany({ where: { action: "prisoner.publish", subjectId: { in: drafts.map((draft) => draft.id) } } });
    expect(audits.map((entry) => entry.subjectId).sort()).toEqual(drafts.map((draft) => draft.id).sort());
    expect(audits.every((entry) => entry.staffId === moderator.staff.id)).toBe(true);
    // Published drafts leave the review list.
    expect((await reviewForm(moderator.browser, `/en/staff/prisoners/review?import=${importId}`)).picks).toHaveLength(0);
  });

  it("skips the importer's own drafts and says why, by name; nothing is published", async () => {
    const importer = await signedInStaff(server.url, prisma(), ["admin"]);
    const { importId, drafts } = await importDrafts(importer.browser, ["Самоимпортов"]);
    const page = await reviewForm(importer.browser, `/en/staff/prisoners/review?import=${importId}`);
    const answer = await importer.browser.post(page.action, { ...page.versions, pick: page.picks.map((pick) => pick.id), intent: "publish" });
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(html).toContain("0 profiles published.");
    expect(html).toContain("1 skipped:");
    expect(html).toMatch(/data-skipped="own"[\s\S]{0,200}Самоимпортов/);
    expect(html).toContain("you created, imported or edited it, so another moderator publishes it");
    expect((await prisma().prisoner.findUniqueOrThrow({ where: { id: drafts[0]!.id } })).draft).toBe(true);
  });

  it("skips a draft changed after the page was loaded and publishes the others", async () => {
    const importer = await signedInStaff(server.url, prisma(), ["admin"]);
    const moderator = await signedInStaff(server.url, prisma(), ["moderator"]);
    const { importId, drafts } = await importDrafts(importer.browser, ["Изменов", "Постоянов"]);
    const page = await reviewForm(moderator.browser, `/en/staff/prisoners/review?import=${importId}`);
    const changed = (await prisma().prisoner.findFirstOrThrow({ where: { id: { in: drafts.map((draft) => draft.id) }, names: { some: { familyName: "Изменов" } } } })).id;
    // The importer edits it meanwhile (every edit moves the version on).
    await prisma().prisoner.update({ where: { id: changed }, data: { version: { increment: 1 }, sentenceMonths: 36 } });

    const answer = await moderator.browser.post(page.action, { ...page.versions, pick: page.picks.map((pick) => pick.id), intent: "publish" });
    const html = await answer.text();
    expect(html).toContain("1 profile published.");
    expect(html).toMatch(/data-skipped="changed"[\s\S]{0,200}Изменов/);
    expect(html).toContain("changed since you looked: check it again");
    expect((await prisma().prisoner.findUniqueOrThrow({ where: { id: changed } })).draft).toBe(true);
    const other = drafts.find((draft) => draft.id !== changed)!;
    expect((await prisma().prisoner.findUniqueOrThrow({ where: { id: other.id } })).draft).toBe(false);
    // Shown again with its new version and its sentence.
    const again = await reviewForm(moderator.browser, `/en/staff/prisoners/review?import=${importId}`);
    expect(again.picks.map((pick) => pick.id)).toEqual([changed]);
    expect(again.html).toContain("36 months");
  });

  it("returning needs a reason, keeps the ticks and the text on error, and stores the reason", async () => {
    const importer = await signedInStaff(server.url, prisma(), ["admin"]);
    const moderator = await signedInStaff(server.url, prisma(), ["moderator"]);
    const { importId, drafts } = await importDrafts(importer.browser, ["Возвратов", "Оставленов"]);
    const page = await reviewForm(moderator.browser, `/en/staff/prisoners/review?import=${importId}`);
    const ticked = page.picks[0]!.id;

    const refused = await moderator.browser.post(page.action, { ...page.versions, pick: [ticked], intent: "return", reason: "   " });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Write why you are returning the drafts: their authors see the reason.");
    const picks = picksIn(html);
    expect(picks.filter((pick) => pick.checked).map((pick) => pick.id)).toEqual([ticked]);

    const returned = await moderator.browser.post(page.action, { ...page.versions, pick: [ticked], intent: "return", reason: "Source <b>missing</b> for the status" });
    expect(returned.status).toBe(200);
    const done = await returned.text();
    expect(done).toContain("1 draft returned to its authors.");
    // A returned draft leaves the drafts to review; the "returned" filter shows it with its reason.
    const returnedList = await (await moderator.browser.get(`/en/staff/prisoners/review?import=${importId}&state=returned`)).text();
    expect(returnedList).toContain("Source &lt;b&gt;missing&lt;/b&gt; for the status");
    const entry = await prisma().auditLogEntry.findFirstOrThrow({ where: { action: "prisoner.return", subjectId: ticked } });
    expect(entry).toMatchObject({ staffId: moderator.staff.id, details: { reason: "Source <b>missing</b> for the status" } });
    expect((await prisma().prisoner.findMany({ where: { id: { in: drafts.map((draft) => draft.id) } } })).every((row) => row.draft)).toBe(true);
  });

  it("skips a draft changed after the page was loaded when returning, and returns the others", async () => {
    const importer = await signedInStaff(server.url, prisma(), ["admin"]);
    const moderator = await signedInStaff(server.url, prisma(), ["moderator"]);
    const { importId, drafts } = await importDrafts(importer.browser, ["Правленов", "Отказанов"]);
    const page = await reviewForm(moderator.browser, `/en/staff/prisoners/review?import=${importId}`);
    const changed = (await prisma().prisoner.findFirstOrThrow({ where: { id: { in: drafts.map((draft) => draft.id) }, names: { some: { familyName: "Правленов" } } } })).id;
    // The importer fixes it meanwhile: the reviewer's reason was about the version they read.
    await prisma().prisoner.update({ where: { id: changed }, data: { version: { increment: 1 }, sentenceMonths: 24 } });

    const answer = await moderator.browser.post(page.action, { ...page.versions, pick: page.picks.map((pick) => pick.id), intent: "return", reason: "The sentence is missing" });
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(html).toContain("1 draft returned to its authors.");
    expect(html).toMatch(/data-skipped="changed"[\s\S]{0,200}Правленов/);
    expect(html).toContain("changed since you looked: check it again");
    const kept = await prisma().prisoner.findUniqueOrThrow({ where: { id: changed } });
    expect(kept).toMatchObject({ draft: true, returnedAt: null, returnReason: null });
    const other = drafts.find((draft) => draft.id !== changed)!;
    expect(await prisma().prisoner.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ draft: true, returnReason: "The sentence is missing" });
    expect(await prisma().auditLogEntry.count({ where: { action: "prisoner.return", subjectId: changed } })).toBe(0);
    // Still waiting for review, with its new version.
    const again = await reviewForm(moderator.browser, `/en/staff/prisoners/review?import=${importId}`);
    expect(again.picks.map((pick) => pick.id)).toEqual([changed]);
  });

  it("without JavaScript: nothing ticked is a clear message; 'select all' ticks the page; other languages render", async () => {
    const importer = await signedInStaff(server.url, prisma(), ["admin"]);
    const moderator = await signedInStaff(server.url, prisma(), ["moderator"]);
    const { importId } = await importDrafts(importer.browser, ["Всевыбранов", "Тожевыбранов"]);
    const page = await reviewForm(moderator.browser, `/en/staff/prisoners/review?import=${importId}`);
    expect(page.picks.every((pick) => !pick.checked)).toBe(true);
    const none = await moderator.browser.post(page.action, { ...page.versions, intent: "publish" });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain("Select at least one draft.");

    const selectAll = /href="([^"]*select=all[^"]*)"/.exec(page.html)?.[1];
    expect(selectAll).toBeTruthy();
    const all = await reviewForm(moderator.browser, unescape(selectAll!));
    expect(all.picks).toHaveLength(2);
    expect(all.picks.every((pick) => pick.checked)).toBe(true);

    const be = await moderator.browser.get(`/be/staff/prisoners/review?import=${importId}`);
    expect(be.status).toBe(200);
    const beHtml = await be.text();
    expect(beHtml).toContain("Праверка чарнавікоў");
    expect(beHtml).toContain("2 чарнавікі");
  });
});
