// Returned drafts over real HTTP, as a browser without JavaScript uses them: a second moderator
// returns an imported draft with a reason; it leaves the drafts to review, the staff list and
// the review page filter it as "returned", its editor shows the reason and who gave it first,
// and saving the editor's own form (read from the page) puts it back among the drafts to
// review. A missing reason is a translated message that keeps the ticks; the importer cannot
// return or publish their own import with a forged POST, nor can anyone publish a returned draft.
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
const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

let batch = 0;
/** An admin imports one draft per family name; returns the drafts by family name. */
async function importDrafts(importer: Browser, families: string[]) {
  batch++;
  const lines = ["ФИО;Учреждение;Статус", ...families.map((family) => `${family} Иван Петрович;ik-test;у зняволенні`)];
  const form = new FormData();
  form.append("file", new Blob([utf8(lines.join("\r\n"))], { type: "text/csv" }), `returned-${batch}.csv`);
  form.append("sourceTitle", `Returned list ${batch}`);
  form.append("sourceUrl", "");
  const uploaded = await fetch(`${server.url}/en/staff/prisoners/import`, { method: "POST", redirect: "manual", headers: { Origin: server.url, Cookie: `${COOKIE}=${importer.cookie}` }, body: form });
  expect(uploaded.status).toBe(303);
  const location = uploaded.headers.get("location")!;
  const importId = location.split("/").at(-1)!;
  expect((await importer.post(location, {})).status).toBe(303);
  for (let i = 0; i < 200 && (await prisma().prisonerImport.findUniqueOrThrow({ where: { id: importId } })).state === "APPLYING"; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  const rows = await prisma().prisoner.findMany({ where: { changes: { some: { importId } } }, select: { id: true, names: { select: { familyName: true } } } });
  expect(rows).toHaveLength(families.length);
  const byFamily = Object.fromEntries(families.map((family) => [family, rows.find((row) => row.names.some((name) => name.familyName === family))!.id]));
  return { importId, byFamily };
}

const picksIn = (html: string) =>
  [...html.matchAll(/<input[^>]*name="pick"[^>]*>/g)].map((match) => ({ id: /value="([^"]+)"/.exec(match[0])![1]!, checked: /\schecked/.test(match[0]) }));

async function reviewPage(browser: Browser, path: string) {
  const response = await browser.get(path);
  expect(response.status).toBe(200);
  const html = await response.text();
  const versions = Object.fromEntries([...html.matchAll(/<input type="hidden" name="(version\.[^"]+)" value="(\d+)"/g)].map((match) => [match[1]!, match[2]!]));
  return { html, picks: picksIn(html), versions };
}

const attribute = (tag: string, name: string) => {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return value === undefined ? undefined : unescape(value);
};

/** The editor's save form as the page rendered it: every field a browser would send, as it would send it. */
function editorFormOf(html: string): [string, string][] {
  const form = [...html.matchAll(/<form[^>]*>[\s\S]*?<\/form>/g)].map((match) => match[0]).find((candidate) => candidate.includes('name="intent" value="save"'));
  expect(form).toBeTruthy();
  const fields: [string, string][] = [];
  for (const match of form!.matchAll(/<input[^>]*>|<textarea[^>]*>[\s\S]*?<\/textarea>|<select[^>]*>[\s\S]*?<\/select>/g)) {
    const tag = match[0];
    const name = attribute(tag, "name");
    if (!name) continue;
    if (tag.startsWith("<textarea")) fields.push([name, unescape(/>([\s\S]*?)<\/textarea>$/.exec(tag)![1]!)]);
    else if (tag.startsWith("<select")) {
      const options = [...tag.matchAll(/<option[^>]*>/g)].map((option) => option[0]);
      fields.push([name, attribute(options.find((option) => /\sselected/.test(option)) ?? options[0] ?? "", "value") ?? ""]);
    } else {
      const type = attribute(tag, "type") ?? "text";
      if (type === "file" || type === "submit") continue;
      if (type === "checkbox" && !/\schecked/.test(tag)) continue;
      fields.push([name, attribute(tag, "value") ?? (type === "checkbox" ? "on" : "")]);
    }
  }
  return fields;
}

async function saveEditorForm(browser: Browser, id: string, change: (fields: [string, string][]) => [string, string][]) {
  const page = await browser.get(`/en/staff/prisoners/${id}`);
  const body = new FormData();
  for (const [name, value] of change(editorFormOf(await page.text()))) body.append(name, value);
  return fetch(`${server.url}/en/staff/prisoners/${id}`, { method: "POST", redirect: "manual", headers: { Origin: server.url, Cookie: `${COOKIE}=${browser.cookie}` }, body });
}

describe("returned drafts", () => {
  it("return with a reason → the editor shows it → an edit puts the draft back among those to review", async () => {
    const importer = await signedInStaff(server.url, prisma(), ["admin"]);
    const moderator = await signedInStaff(server.url, prisma(), ["moderator"]);
    const { importId, byFamily } = await importDrafts(importer.browser, ["Вернутов", "Проверенов"]);
    const returnedId = byFamily["Вернутов"]!;
    const reviewPath = `/en/staff/prisoners/review?import=${importId}`;
    const page = await reviewPage(moderator.browser, reviewPath);
    expect(page.picks.map((pick) => pick.id).sort()).toEqual(Object.values(byFamily).sort());

    // No reason: a translated message (here in Belarusian), the ticks and nothing else lost.
    const refused = await moderator.browser.post(`/be/staff/prisoners/review?import=${importId}`, { ...page.versions, pick: [returnedId], intent: "return", reason: "  \n " });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain("Напішыце, чаму вы вяртаеце чарнавікі");
    expect(picksIn(refusedHtml).filter((pick) => pick.checked).map((pick) => pick.id)).toEqual([returnedId]);
    expect((await prisma().prisoner.findUniqueOrThrow({ where: { id: returnedId } })).returnedAt).toBeNull();

    const reason = "The status has no source: add the Viasna report <with its date>.";
    const returned = await moderator.browser.post(reviewPath, { ...page.versions, pick: [returnedId], intent: "return", reason });
    expect(returned.status).toBe(200);
    const returnedHtml = await returned.text();
    expect(returnedHtml).toContain("1 draft returned to its authors.");
    // It leaves the drafts to review; the other stays.
    expect(picksIn(returnedHtml).map((pick) => pick.id)).toEqual([byFamily["Проверенов"]]);
    const stored = await prisma().prisoner.findUniqueOrThrow({ where: { id: returnedId } });
    expect(stored).toMatchObject({ draft: true, returnedById: moderator.staff.id, returnReason: reason });
    expect(await prisma().auditLogEntry.count({ where: { action: "prisoner.return", subjectId: returnedId, staffId: moderator.staff.id } })).toBe(1);

    // The review page and the staff list filter it as returned, with the reason and who gave it.
    const returnedList = await (await moderator.browser.get(`${reviewPath}&state=returned`)).text();
    expect(returnedList).toContain(`data-draft="`);
    expect(returnedList).toContain(`/en/staff/prisoners/${returnedId}`);
    expect(returnedList).toContain(moderator.staff.displayName);
    expect(returnedList).toContain("add the Viasna report &lt;with its date&gt;");
    expect(returnedList).not.toContain(`/en/staff/prisoners/${byFamily["Проверенов"]}"`);
    expect(picksIn(returnedList)).toHaveLength(0);
    const staffList = await (await importer.browser.get("/en/staff/prisoners?filter=returned&q=%D0%92%D0%B5%D1%80%D0%BD%D1%83%D1%82%D0%BE%D0%B2")).text();
    expect(staffList).toContain(`/en/staff/prisoners/${returnedId}`);
    expect(staffList).toMatch(/<option value="returned" selected="">Returned to their authors<\/option>/);
    expect(staffList).toContain("<td>Returned</td>");
    expect(await (await importer.browser.get("/en/staff/prisoners?filter=returned&q=%D0%9F%D1%80%D0%BE%D0%B2%D0%B5%D1%80%D0%B5%D0%BD%D0%BE%D0%B2")).text()).toContain("No profiles match.");

    // Its editor says so first, with the reason and the reviewer; nobody may publish it now.
    const editor = await (await importer.browser.get(`/en/staff/prisoners/${returnedId}`)).text();
    const notice = /<section class="notice profile-returned"[\s\S]*?<\/section>/.exec(editor)?.[0] ?? "";
    expect(editor.indexOf("profile-returned")).toBeLessThan(editor.indexOf('data-testid="profile-state"'));
    expect(notice).toContain("Returned for changes");
    expect(notice).toContain(`${moderator.staff.displayName} returned this draft on`);
    expect(notice).toContain("The status has no source: add the Viasna report &lt;with its date&gt;.");
    const reviewerEditor = await (await moderator.browser.get(`/en/staff/prisoners/${returnedId}`)).text();
    expect(reviewerEditor).not.toContain('value="publish"');
    const forgedPublish = await moderator.browser.post(`/en/staff/prisoners/${returnedId}`, { intent: "publish", version: String(stored.version) });
    expect(forgedPublish.status).toBe(409);
    const batchPublish = await moderator.browser.post(reviewPath, { [`version.${returnedId}`]: String(stored.version), pick: [returnedId], intent: "publish" });
    expect(await batchPublish.text()).toMatch(/0 profiles published\.[\s\S]*data-skipped="returned"[\s\S]{0,200}Вернутов/);
    expect((await prisma().prisoner.findUniqueOrThrow({ where: { id: returnedId } })).draft).toBe(true);

    // The importer edits the draft and saves the page's own form: the notice goes, and the
    // draft is back among those to review, where the moderator can publish it.
    const saved = await saveEditorForm(importer.browser, returnedId, (fields) => [
      // The editor asks for the Latin name an import from a Russian list does not have.
      ...fields.filter(([name]) => !["sentenceMonths", "given-LATIN", "family-LATIN"].includes(name)),
      ["sentenceMonths", "30"],
      ["given-LATIN", "Ivan"],
      ["family-LATIN", "Viarnutau"],
    ]);
    expect(saved.status, [...(await saved.clone().text()).matchAll(/id="error-[^"]*"[^>]*>[^<]*/g)].map((m) => m[0]).join(" | ")).toBe(302);
    const after = await prisma().prisoner.findUniqueOrThrow({ where: { id: returnedId } });
    expect(after).toMatchObject({ draft: true, returnedAt: null, returnedById: null, returnReason: null, sentenceMonths: 30 });
    expect(await (await importer.browser.get(`/en/staff/prisoners/${returnedId}`)).text()).not.toContain("profile-returned");
    const again = await reviewPage(moderator.browser, reviewPath);
    expect(again.picks.map((pick) => pick.id).sort()).toEqual(Object.values(byFamily).sort());
    expect(again.html).toContain("30 months");
    const published = await moderator.browser.post(reviewPath, { ...again.versions, pick: [returnedId], intent: "publish" });
    expect(await published.text()).toContain("1 profile published.");
  });

  it("refuses the importer's forged POSTs on their own import: no return, no publish", async () => {
    const importer = await signedInStaff(server.url, prisma(), ["admin"]);
    const { importId, byFamily } = await importDrafts(importer.browser, ["Самовозвратов"]);
    const id = byFamily["Самовозвратов"]!;
    const version = String((await prisma().prisoner.findUniqueOrThrow({ where: { id } })).version);
    const path = `/en/staff/prisoners/review?import=${importId}`;

    const returned = await importer.browser.post(path, { [`version.${id}`]: version, pick: [id], intent: "return", reason: "Returning my own work" });
    expect(returned.status).toBe(200);
    expect(await returned.text()).toMatch(/0 drafts returned to their authors\.[\s\S]*data-skipped="own"[\s\S]{0,200}Самовозвратов/);
    const published = await importer.browser.post(path, { [`version.${id}`]: version, pick: [id], intent: "publish" });
    expect(await published.text()).toMatch(/data-skipped="own"/);
    const row = await prisma().prisoner.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ draft: true, returnedAt: null, returnReason: null });
    expect(await prisma().auditLogEntry.count({ where: { action: { in: ["prisoner.return", "prisoner.publish"] }, subjectId: id } })).toBe(0);

    // A campaigner (who may edit profiles but not review them) is refused outright.
    const campaigner = await signedInStaff(server.url, prisma(), ["campaigner"]);
    expect((await campaigner.browser.post(path, { pick: [id], intent: "return", reason: "No" })).status).toBe(403);
  });
});
