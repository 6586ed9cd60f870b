// The translation workspace over real HTTP, on a copy of the locale files (LOCALES_DIR): a
// translator completes a missing key and `npm run i18n:check` (the real script, pointed at the
// copy) goes from failing to passing; HTML and a dropped placeholder are refused with the typed
// text kept; a plural group needs every form of the language; an upload with problems is
// reported key by key and nothing is saved; a valid upload is saved; "outdated" follows English.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StaffRole } from "~/staff/permissions";
import { reloadLocaleBundle } from "~/utils/locales.server";

import { startTestServer, type TestServer } from "../support/server";
import { Browser, signedInStaff } from "../support/staff";

let server: TestServer;
let dir: string;
const previousDir = process.env.LOCALES_DIR;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "listy-locales-"));
  cpSync(path.resolve("locales"), dir, { recursive: true });
  process.env.LOCALES_DIR = dir;
  reloadLocaleBundle();
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
  if (previousDir === undefined) delete process.env.LOCALES_DIR;
  else process.env.LOCALES_DIR = previousDir;
  reloadLocaleBundle();
  rmSync(dir, { recursive: true, force: true });
});

const prisma = () => server.database.prisma;
const file = (lng: string, ns: string) => path.join(dir, lng, `${ns}.json`);
const readJson = (lng: string, ns: string) => JSON.parse(readFileSync(file(lng, ns), "utf8")) as Record<string, Record<string, string>>;

function editJson(lng: string, ns: string, change: (tree: Record<string, Record<string, string>>) => void) {
  const tree = readJson(lng, ns);
  change(tree);
  writeFileSync(file(lng, ns), `${JSON.stringify(tree, null, 2)}\n`);
  reloadLocaleBundle(); // as a deploy of the changed file would
}

/** A file as the workspace serves it (committed, overlaid by saved strings): its download. */
async function downloadText(browser: Browser, lng: string, ns: string) {
  return (await browser.get(`/en/staff/translations/${lng}/${ns}/download`)).text();
}
const effectiveJson = async (browser: Browser, lng: string, ns: string) => JSON.parse(await downloadText(browser, lng, ns)) as Record<string, Record<string, string>>;

/** Commits the download, as an operator does with `npm run i18n:export`. */
async function commitDownload(browser: Browser, lng: string, ns: string) {
  writeFileSync(file(lng, ns), await downloadText(browser, lng, ns));
  reloadLocaleBundle();
}

/** The real `npm run i18n:check` script, against the copy. */
function runCheck(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/i18n-check.ts", "--locales", dir], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1" },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

const signedIn = (roles: StaffRole[]) => signedInStaff(server.url, prisma(), roles);

/** The version an editor page shows (its forms send it back). */
async function shownVersion(browser: Browser, editor: string) {
  return /name="version" value="([^"]+)"/.exec(await (await browser.get(editor)).text())?.[1] ?? "";
}

async function upload(browser: Browser, pathname: string, content: string | Uint8Array, name = "home.json") {
  const form = new FormData();
  form.append("file", new Blob([content as BlobPart], { type: "application/json" }), name);
  return fetch(`${server.url}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: server.url, Cookie: `listy_staff=${browser.cookie}` },
    body: form,
  });
}

describe("the translation workspace", () => {
  it("lets a translator complete a missing key, refusing HTML and a dropped placeholder, and the check then passes", async () => {
    editJson("pl", "home", (tree) => delete tree.figure!["as-of"]);
    const before = await runCheck();
    expect(before.code).toBe(1);
    expect(before.output).toContain('pl/home.json  missing key "figure.as-of"');

    const { staff, browser } = await signedIn(["translator"]);
    const index = await browser.get("/en/staff/translations");
    expect(index.status).toBe(200);
    expect(index.headers.get("cache-control")).toBe("no-store");
    const indexHtml = await index.text();
    expect(indexHtml).toContain('href="/en/staff/translations/pl/home?show=missing"');

    const page = await browser.get("/en/staff/translations/pl/home?show=missing");
    const html = await page.text();
    expect(html).toContain("figure.as-of");
    expect(html).toContain("As of {{date}}.");
    expect(html).toContain("{{date}}"); // the placeholders it must keep
    expect(html).toContain("app/routes/"); // where the code uses it

    const path_ = "/en/staff/translations/pl/home?show=missing";
    const withHtml = await browser.post(path_, { key: "figure.as-of", value: "<b>Stan</b> na {{date}}." });
    expect(withHtml.status).toBe(400);
    const withHtmlBody = await withHtml.text();
    expect(withHtmlBody).toContain("HTML tags are not allowed");
    expect(withHtmlBody).toContain("&lt;b&gt;Stan&lt;/b&gt; na {{date}}.");
    expect(withHtmlBody).not.toContain("<b>Stan</b>");

    const noPlaceholder = await browser.post(path_, { key: "figure.as-of", value: "Stan na dzisiaj." });
    expect(noPlaceholder.status).toBe(400);
    const noPlaceholderBody = await noPlaceholder.text();
    expect(noPlaceholderBody).toContain("The placeholders differ from English");
    expect(noPlaceholderBody).toContain("Stan na dzisiaj.");
    expect((await effectiveJson(browser, "pl", "home")).figure!["as-of"]).toBeUndefined();

    const saved = await browser.post(path_, { key: "figure.as-of", value: "Stan na {{date}}." });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe("/en/staff/translations/pl/home?show=missing&saved=figure.as-of");
    // Saved in the database, not in the file; the download is the file as served now.
    expect(readJson("pl", "home").figure!["as-of"]).toBeUndefined();
    expect((await effectiveJson(browser, "pl", "home")).figure!["as-of"]).toBe("Stan na {{date}}.");
    // Formatted like the committed files: two spaces, English key order, a final newline.
    const text = await downloadText(browser, "pl", "home");
    expect(text.endsWith("}\n")).toBe(true);
    expect(Object.keys((JSON.parse(text) as Record<string, Record<string, string>>).figure!)).toEqual(Object.keys(readJson("en", "home").figure!).flatMap((key) =>
      key.endsWith("_one") ? ["_one", "_few", "_many", "_other"].map((form) => key.replace(/_one$/, form)) : key.endsWith("_other") ? [] : [key],
    ));

    await commitDownload(browser, "pl", "home");
    const after = await runCheck();
    expect(after.output).toContain("✓ No problems");
    expect(after.code).toBe(0);

    const entry = await prisma().auditLogEntry.findFirst({ where: { action: "translation.key.save", staffId: staff.id } });
    expect(entry?.subjectId).toBe("pl/home");
    expect(entry?.details).toEqual({ key: "figure.as-of" });
    const done = await (await browser.get("/en/staff/translations/pl/home?show=missing&saved=figure.as-of")).text();
    expect(done).toContain("Saved: figure.as-of.");
  }, 90_000); // it runs the locale check twice, each a process of its own

  it("needs every plural form the language uses", async () => {
    editJson("ru", "home", (tree) => {
      for (const form of ["one", "few", "many", "other"]) delete tree.birthdays![`heading_${form}`];
    });
    const { browser } = await signedIn(["translator"]);
    const page = await (await browser.get("/en/staff/translations/ru/home?show=missing")).text();
    expect(page).toContain("birthdays.heading");
    expect(page).toContain('name="value-few"');
    expect(page).toContain('name="value-many"');
    const partial = await browser.post("/en/staff/translations/ru/home", { key: "birthdays.heading", "value-one": "Дни рождения в ближайший {{count}} день", "value-other": "Дни рождения в ближайшие {{count}} дня" });
    expect(partial.status).toBe(400);
    expect(await partial.text()).toContain("Дни рождения в ближайшие {{count}} дня");
    const whole = await browser.post("/en/staff/translations/ru/home", {
      key: "birthdays.heading",
      "value-one": "Дни рождения в ближайший {{count}} день",
      "value-few": "Дни рождения в ближайшие {{count}} дня",
      "value-many": "Дни рождения в ближайшие {{count}} дней",
      "value-other": "Дни рождения в ближайшие {{count}} дня",
    });
    expect(whole.status).toBe(302);
    expect((await effectiveJson(browser, "ru", "home")).birthdays!.heading_few).toBe("Дни рождения в ближайшие {{count}} дня");
    await commitDownload(browser, "ru", "home");
    expect((await runCheck()).code).toBe(0);
  }, 90_000);

  it("reports every problem of an uploaded file per key and saves nothing, then saves a valid file", async () => {
    const { staff, browser } = await signedIn(["translator"]);
    const original = readFileSync(file("lt", "home"), "utf8");
    const tree = JSON.parse(original) as Record<string, Record<string, unknown>>;
    tree.hero!.title = "Laiškai <script>alert(1)</script>";
    tree.figure!["as-of"] = "Duomenys.";
    tree.figure!.count_one = 5;
    delete tree.figure!.count_few;
    tree.hero!["made-up"] = "Nėra tokio";
    delete tree.prisoners!.empty;
    const bad = await upload(browser, "/en/staff/translations/lt/home", JSON.stringify(tree, null, 2));
    expect(bad.status).toBe(400);
    const report = await bad.text();
    expect(report).toContain("Nothing was saved: the file has problems.");
    for (const key of ["hero.title", "figure.as-of", "figure.count_one", "figure.count_few", "hero.made-up", "prisoners.empty"]) expect(report).toContain(`<code>${key}</code>`);
    expect(report).toContain("HTML tags are not allowed");
    expect(report).toContain("A value is not text.");
    expect(report).toContain("A plural form is missing");
    expect(report).toContain("A key that English does not have.");
    expect(report).toContain("Missing translation.");
    expect(report).not.toContain("<script>alert(1)</script>");
    expect(readFileSync(file("lt", "home"), "utf8")).toBe(original);

    const broken = await upload(browser, "/en/staff/translations/lt/home", '{ "hero": { "title": "x", } }');
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain("The file is not valid JSON.");
    const tooLarge = await upload(browser, "/en/staff/translations/lt/home", "x".repeat(300 * 1024));
    expect(tooLarge.status).toBe(400);
    expect(await tooLarge.text()).toContain("The file is too large.");
    const latin1 = await upload(browser, "/en/staff/translations/lt/home", new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x22, 0x22, 0x7d]));
    expect(latin1.status).toBe(400);
    expect(await latin1.text()).toContain("The file is not UTF-8 text.");
    expect(readFileSync(file("lt", "home"), "utf8")).toBe(original);
    expect(await prisma().auditLogEntry.count({ where: { action: "translation.file.upload", staffId: staff.id } })).toBe(0);

    // A valid file with one changed text and one key left out: saved, the gap reported.
    const good = JSON.parse(original) as Record<string, Record<string, string>>;
    good.hero!.title = "Laiškai padeda politiniams kaliniams";
    delete good.prisoners!.empty;
    const saved = await upload(browser, "/en/staff/translations/lt/home", JSON.stringify(good));
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe("/en/staff/translations/lt/home?show=todo&uploaded=saved-1-1");
    expect((await effectiveJson(browser, "lt", "home")).hero!.title).toBe("Laiškai padeda politiniams kaliniams");
    // The key the upload left out keeps its text (it is not deleted).
    expect((await effectiveJson(browser, "lt", "home")).prisoners!.empty).toBe(readJson("lt", "home").prisoners!.empty);
    expect(await prisma().auditLogEntry.count({ where: { action: "translation.file.upload", staffId: staff.id } })).toBe(1);
    const download = await browser.get("/en/staff/translations/lt/home/download");
    expect(download.headers.get("content-disposition")).toContain("attachment");
    expect((JSON.parse(await download.text()) as Record<string, Record<string, string>>).hero!.title).toBe("Laiškai padeda politiniams kaliniams");
    // Put the key back so the other tests' checks pass.
    editJson("lt", "home", (tree) => (tree.prisoners!.empty = JSON.parse(original).prisoners.empty));
  });

  it("calls a translation outdated when its English text changed after it was saved", async () => {
    const { browser } = await signedIn(["moderator"]);
    editJson("uk", "home", (tree) => delete tree.hero!.how);
    const saved = await browser.post("/en/staff/translations/uk/home", { key: "hero.how", value: "Прочитайте, хто вони." });
    expect(saved.status).toBe(302);
    expect(await (await browser.get("/en/staff/translations/uk/home?show=outdated")).text()).not.toContain("hero.how");
    const english = readFileSync(file("en", "home"), "utf8");
    try {
      editJson("en", "home", (tree) => (tree.hero!.how = "Read who they are, from the reports that name them, and write."));
      const page = await (await browser.get("/en/staff/translations/uk/home?show=outdated")).text();
      expect(page).toContain("hero.how");
      expect(page).toContain("and write.");
    } finally {
      writeFileSync(file("en", "home"), english);
      reloadLocaleBundle();
    }
  });

  it("refuses campaigners, and English as a target", async () => {
    const { browser } = await signedIn(["campaigner"]);
    expect((await browser.post("/en/staff/translations/pl/home", { key: "hero.title", value: "x" })).status).toBe(403);
    const { browser: translator } = await signedIn(["translator"]);
    expect((await translator.post("/en/staff/translations/en/home", { key: "hero.title", value: "x" })).status).toBe(404);
  });

  it("keeps content translations under review: four eyes, published profiles as pending changes, drafts written at once", async () => {
    const translator = await signedIn(["translator"]);
    const moderatorA = await signedIn(["moderator"]);
    const moderatorB = await signedIn(["moderator"]);
    const campaign = await prisma().campaign.create({
      data: { slug: "translation-draft", status: "DRAFT", translations: { create: { locale: "en", title: "Free the librarians", summary: "Two librarians are held.", ask: "Release them." } } },
    });
    const editor = `/en/staff/translations/content/campaign/${campaign.id}/pl`;
    const page = await (await translator.browser.get(editor)).text();
    expect(page).toContain("Free the librarians"); // the source beside the form
    const version = /name="version" value="([^"]+)"/.exec(page)?.[1];
    expect(version).toBe("new");

    const withHtml = await translator.browser.post(editor, { intent: "save", version: "new", title: '<img src=x onerror="alert(1)">', summary: "Dwie bibliotekarki są więzione.", ask: "Uwolnijcie je." });
    expect(withHtml.status).toBe(400);
    const withHtmlBody = await withHtml.text();
    expect(withHtmlBody).toContain("HTML tags are not allowed");
    expect(withHtmlBody).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(withHtmlBody).toContain("Dwie bibliotekarki są więzione.");

    const saved = await translator.browser.post(editor, { intent: "save", version: "new", title: "Uwolnijcie bibliotekarki", summary: "Dwie bibliotekarki są więzione.", ask: "Uwolnijcie je." });
    expect(saved.status).toBe(302);
    const row = await prisma().campaignTranslation.findUnique({ where: { campaignId_locale: { campaignId: campaign.id, locale: "pl" } } });
    expect(row).toMatchObject({ title: "Uwolnijcie bibliotekarki", review: "NEEDS_REVIEW" });
    // The same old version again: refused as stale, the text kept.
    const stale = await translator.browser.post(editor, { intent: "save", version: "new", title: "Inny tytuł", summary: "x", ask: "y" });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Inny tytuł");

    // A translator cannot review; a moderator reviews someone else's text, not their own.
    expect((await translator.browser.post(editor, { intent: "review", version: await shownVersion(moderatorB.browser, editor) })).status).toBe(403);
    expect(await (await moderatorA.browser.get(editor)).text()).toContain("Mark as reviewed");
    const own = await moderatorA.browser.get(editor);
    const ownVersion = /name="version" value="([^"]+)"/.exec(await own.text())?.[1] ?? "";
    expect((await moderatorA.browser.post(editor, { intent: "save", version: ownVersion, title: "Uwolnijcie bibliotekarki!", summary: "Dwie bibliotekarki są więzione.", ask: "Uwolnijcie je." })).status).toBe(302);
    expect(await (await moderatorA.browser.get(editor)).text()).not.toContain("Mark as reviewed");
    expect((await moderatorA.browser.post(editor, { intent: "review", version: await shownVersion(moderatorA.browser, editor) })).status).toBe(403);
    const reviewed = await moderatorB.browser.post(editor, { intent: "review", version: await shownVersion(moderatorB.browser, editor) });
    expect(reviewed.status).toBe(302);
    expect((await prisma().campaignTranslation.findUnique({ where: { campaignId_locale: { campaignId: campaign.id, locale: "pl" } } }))?.review).toBe("REVIEWED");
    expect(await prisma().auditLogEntry.count({ where: { action: "translation.content.review", staffId: moderatorB.staff.id } })).toBe(1);

    // A published campaign: the translation becomes a revision of the campaign, public only
    // once a moderator who did not write it applies it (the campaign's own review).
    const live = await prisma().campaign.findUniqueOrThrow({ where: { slug: "free-them-all" }, include: { translations: { where: { locale: "lt" } } } });
    // A revision is applied only while every target can be reached: give the demo official the
    // postal address an approved contact would have left (no seed report gives one).
    await prisma().official.updateMany({ where: { campaigns: { some: { campaignId: live.id } } }, data: { postalAddress: "Test Street 1\n00-000 Test Town" } });
    const liveEditor = `/en/staff/translations/content/campaign/${live.id}/lt`;
    const livePage = await (await translator.browser.get(liveEditor)).text();
    expect(livePage).toContain("This campaign is published");
    const liveVersion = /name="version" value="([^"]+)"/.exec(livePage)?.[1] ?? "";
    const ltBefore = live.translations[0] ?? null;
    const proposed = await translator.browser.post(liveEditor, {
      intent: "save",
      version: liveVersion,
      title: "Laisvę jiems visiems",
      summary: ltBefore?.summary || "Politiniai kaliniai turi būti paleisti.",
      ask: ltBefore?.ask || "Paleiskite juos.",
    });
    expect(proposed.status).toBe(302);
    expect(proposed.headers.get("location")).toContain("notice=pending-campaign");
    const revision = await prisma().campaignRevision.findFirstOrThrow({ where: { campaignId: live.id, authorId: translator.staff.id, state: "PENDING" } });
    const ltNow = () => prisma().campaignTranslation.findUnique({ where: { campaignId_locale: { campaignId: live.id, locale: "lt" } } });
    expect((await ltNow())?.title ?? null).toBe(ltBefore?.title ?? null);
    expect([403, 404]).toContain((await translator.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "apply-revision", revision: revision.id })).status);
    expect((await moderatorB.browser.post(`/en/staff/campaigns/${live.id}`, { intent: "apply-revision", revision: revision.id })).status).toBe(302);
    expect((await ltNow())?.title).toBe("Laisvę jiems visiems");

    // A published profile: the translation becomes a pending change, the public text stays.
    const prisoner = await prisma().prisoner.findFirstOrThrow({ where: { draft: false }, include: { translations: { where: { locale: "pl" } } }, orderBy: { slug: "asc" } });
    const prisonerEditor = `/en/staff/translations/content/prisoner/${prisoner.id}/pl`;
    const prisonerPage = await (await translator.browser.get(prisonerEditor)).text();
    expect(prisonerPage).toContain("This profile is published");
    const pending = await translator.browser.post(prisonerEditor, { intent: "save", version: String(prisoner.version), summary: "Nowe streszczenie.", biography: "" });
    expect(pending.status).toBe(302);
    const change = await prisma().prisonerChange.findFirstOrThrow({ where: { prisonerId: prisoner.id, authorId: translator.staff.id } });
    expect(change.state).toBe("PENDING");
    expect(Object.keys(change.after as object).every((key) => key.endsWith(".pl"))).toBe(true);
    expect((change.after as Record<string, unknown>)["summary.pl"]).toBe("Nowe streszczenie.");
    const unchanged = await prisma().prisonerTranslation.findUnique({ where: { prisonerId_locale: { prisonerId: prisoner.id, locale: "pl" } } });
    expect(unchanged?.summary ?? null).toBe(prisoner.translations[0]?.summary ?? null);
    expect(await (await translator.browser.get("/en/staff/translations/content?locale=pl")).text()).toContain("Waiting for a moderator");
    // Applied by a moderator (not the translator): that language is reviewed, the others are
    // not made stale by a translation.
    const staleBefore = await prisma().prisonerTranslation.count({ where: { prisonerId: prisoner.id, review: "NEEDS_REVIEW", locale: { not: "pl" } } });
    expect((await moderatorB.browser.post(`/en/staff/prisoners/${prisoner.id}`, { intent: "apply", change: change.id })).status).toBe(302);
    expect(await prisma().prisonerTranslation.findUnique({ where: { prisonerId_locale: { prisonerId: prisoner.id, locale: "pl" } } })).toMatchObject({ summary: "Nowe streszczenie.", review: "REVIEWED" });
    expect(await prisma().prisonerTranslation.count({ where: { prisonerId: prisoner.id, review: "NEEDS_REVIEW", locale: { not: "pl" } } })).toBe(staleBefore);
    expect((await prisma().prisonerChange.findUniqueOrThrow({ where: { id: change.id } })).origin).toBe("TRANSLATION");

    // A draft profile: written at once, needs review, recorded in the history.
    const draft = await prisma().prisoner.findFirstOrThrow({ where: { draft: false, id: { not: prisoner.id } }, orderBy: { slug: "desc" } });
    await prisma().prisoner.update({ where: { id: draft.id }, data: { draft: true } });
    const draftEditor = `/en/staff/translations/content/prisoner/${draft.id}/lt`;
    const written = await translator.browser.post(draftEditor, { intent: "save", version: String(draft.version), summary: "Trumpas aprašymas.", biography: "Biografija." });
    expect(written.status).toBe(302);
    const text = await prisma().prisonerTranslation.findUnique({ where: { prisonerId_locale: { prisonerId: draft.id, locale: "lt" } } });
    expect(text).toMatchObject({ summary: "Trumpas aprašymas.", biography: "Biografija.", review: "NEEDS_REVIEW" });
    expect((await prisma().prisonerChange.findFirstOrThrow({ where: { prisonerId: draft.id } })).state).toBe("APPLIED");
    expect(await prisma().auditLogEntry.count({ where: { action: "translation.content.save", staffId: translator.staff.id } })).toBe(4);
  });
});
