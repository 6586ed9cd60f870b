// Prisoner profiles in the back office over real HTTP with signed-in staff: a draft stays off
// every public page until another moderator publishes it; edits to a published profile wait
// for review; nobody approves their own change; stale and concurrent decisions; the history;
// XSS as text; photos re-encoded without metadata and served by hash.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StaffRole } from "~/staff/permissions";
import { romanize } from "~/utils/romanize";

import { jpegInfo, jpegWithExif, png, pngBomb } from "../support/profile-images";
import { startTestServer, type TestServer } from "../support/server";
import { reportStatus } from "../support/status-fixture";
import { Browser, COOKIE, signedInStaff } from "../support/staff";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

const prisma = () => server.database.prisma;

const signedIn = (roles: StaffRole[]) => signedInStaff(server.url, prisma(), roles);

/** A multipart POST as the editor's form sends it (with or without a file). */
async function postForm(browser: Browser, path: string, fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  if (file) body.append("photo", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return fetch(`${server.url}${path}`, { method: "POST", redirect: "manual", headers: { Origin: server.url, Cookie: `${COOKIE}=${browser.cookie}` }, body });
}

let counter = 0;
function profileFields(overrides: Record<string, string> = {}) {
  counter++;
  const family = `Testavich${"abcdefghij"[counter % 10]}${counter}`;
  return {
    intent: "save",
    "given-LATIN": "Zmicier",
    "family-LATIN": family,
    "given-BE_CYRILLIC": "Зміцер",
    "family-BE_CYRILLIC": `Тэставіч${counter}`,
    status: "IN_CUSTODY",
    statusSource: "ips-2025-10-07",
    letterStatus: "CAN_RECEIVE",
    letterStatusSource: "ips-2025-10-07",
    grammaticalGender: "MASCULINE",
    birthDate: "1985-04-12",
    "summary-en": `Printer held for leaflets ${counter}.`,
    "biography-en": "First biography.",
    note: "Source: Viasna, 2026-11-01",
    ...overrides,
  };
}

async function createDraft(browser: Browser, overrides: Record<string, string> = {}, file?: { name: string; type: string; bytes: Buffer }) {
  const fields = profileFields(overrides);
  const response = await postForm(browser, "/en/staff/prisoners/new", fields, file);
  expect(response.status, (await response.clone().text()).slice(0, 400)).toBe(302);
  const id = /\/en\/staff\/prisoners\/([A-Za-z0-9_-]+)\?done=created$/.exec(response.headers.get("location") ?? "")?.[1];
  expect(id).toBeTruthy();
  const row = await prisma().prisoner.findUniqueOrThrow({ where: { id: id! } });
  return { id: id!, slug: row.slug, fields };
}

/** The editor's current values for a save: what the page would send back. */
async function editFields(id: string, overrides: Record<string, string>): Promise<Record<string, string>> {
  const row = await prisma().prisoner.findUniqueOrThrow({ where: { id }, include: { names: true, translations: true, statusSource: true, letterStatusSource: true } });
  const latin = row.names.find((name) => name.script === "LATIN")!;
  const en = row.translations.find((translation) => translation.locale === "en");
  return {
    intent: "save",
    version: String(row.version),
    "given-LATIN": latin.givenName,
    "family-LATIN": latin.familyName,
    status: row.status,
    statusSource: row.statusSource?.key ?? "",
    letterStatus: row.letterStatus,
    letterStatusSource: row.letterStatusSource?.key ?? "",
    grammaticalGender: row.grammaticalGender ?? "",
    birthDate: row.birthDate?.toISOString().slice(0, 10) ?? "",
    "summary-en": en?.summary ?? "",
    "biography-en": en?.biography ?? "",
    ...beName(row.names),
    ...overrides,
  };
}

function beName(names: { script: string; givenName: string; familyName: string }[]): Record<string, string> {
  const be = names.find((name) => name.script === "BE_CYRILLIC");
  return be ? { "given-BE_CYRILLIC": be.givenName, "family-BE_CYRILLIC": be.familyName } : {};
}

/** The version a reviewer's page shows (the publish form sends it back). */
const profileVersion = async (id: string) => String((await prisma().prisoner.findUniqueOrThrow({ where: { id }, select: { version: true } })).version);
const publicPage = (slug: string) => fetch(`${server.url}/en/prisoners/${slug}`);
/** Every file the sitemap index points to, together. */
async function sitemapText(): Promise<string> {
  const index = await (await fetch(`${server.url}/sitemap.xml`)).text();
  const files = [...index.matchAll(/<sitemap><loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  expect(files.length).toBeGreaterThan(0);
  return (await Promise.all(files.map(async (file) => (await fetch(`${server.url}${file}`)).text()))).join("\n");
}
const pendingOf = (prisonerId: string) => prisma().prisonerChange.findMany({ where: { prisonerId, state: "PENDING" }, orderBy: { createdAt: "asc" } });

describe("drafts stay off the public site until another moderator publishes them", () => {
  it("is 404 and absent from the list, sitemap and search; appears after publishing", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const moderator = await signedIn(["moderator"]);
    const draft = await createDraft(campaigner.browser);
    const family = draft.fields["family-LATIN"];
    // The address comes from the Belarusian name (decision 0017), not the Latin one typed beside it.
    expect(draft.slug).toBe(`zmitser-${romanize(draft.fields["family-BE_CYRILLIC"], "be")}`);
    expect(draft.slug).toMatch(/^zmitser-testavich\d+$/);
    expect((await prisma().prisoner.findUniqueOrThrow({ where: { id: draft.id } })).draft).toBe(true);

    expect((await publicPage(draft.slug)).status).toBe(404);
    expect(await (await fetch(`${server.url}/en/prisoners`)).text()).not.toContain(family);
    expect(await (await fetch(`${server.url}/en/prisoners?q=${family}`)).text()).not.toContain(`/en/prisoners/${draft.slug}`);
    expect(await sitemapText()).not.toContain(draft.slug);

    // A draft is edited directly: applied at once, still not public.
    const edit = await postForm(campaigner.browser, `/en/staff/prisoners/${draft.id}`, await editFields(draft.id, { "biography-en": "Second biography." }));
    expect(edit.status).toBe(302);
    expect(edit.headers.get("location")).toContain("done=applied");
    expect((await publicPage(draft.slug)).status).toBe(404);

    // The creator may not publish (campaigners cannot approve at all).
    expect((await campaigner.browser.post(`/en/staff/prisoners/${draft.id}`, { intent: "publish", version: await profileVersion(draft.id) })).status).toBe(403);
    const published = await moderator.browser.post(`/en/staff/prisoners/${draft.id}`, { intent: "publish", version: await profileVersion(draft.id) });
    expect(published.status).toBe(302);

    const page = await publicPage(draft.slug);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(family);
    expect(html).toContain("Second biography.");
    expect(await (await fetch(`${server.url}/en/prisoners`)).text()).toContain(family);
    expect(await (await fetch(`${server.url}/en/prisoners?q=${family}`)).text()).toContain(`/en/prisoners/${draft.slug}`);
    expect(await sitemapText()).toContain(draft.slug);
    const actions = (await prisma().auditLogEntry.findMany({ where: { subjectId: draft.id }, orderBy: { createdAt: "asc" } })).map((entry) => entry.action);
    expect(actions).toEqual(["prisoner.create", "prisoner.draft.edit", "prisoner.publish"]);
  });

  it("a moderator who created the draft cannot publish it; another moderator can", async () => {
    const author = await signedIn(["moderator"]);
    const other = await signedIn(["moderator"]);
    const draft = await createDraft(author.browser);
    const page = await (await author.browser.get(`/en/staff/prisoners/${draft.id}`)).text();
    expect(page).not.toContain('value="publish"');
    expect((await author.browser.post(`/en/staff/prisoners/${draft.id}`, { intent: "publish", version: await profileVersion(draft.id) })).status).toBe(403);
    expect(await (await other.browser.get(`/en/staff/prisoners/${draft.id}`)).text()).toContain('value="publish"');
    expect((await other.browser.post(`/en/staff/prisoners/${draft.id}`, { intent: "publish", version: await profileVersion(draft.id) })).status).toBe(302);
  });
});

async function publishedProfile() {
  const campaigner = await signedIn(["campaigner"]);
  const moderator = await signedIn(["moderator"]);
  const draft = await createDraft(campaigner.browser);
  expect((await moderator.browser.post(`/en/staff/prisoners/${draft.id}`, { intent: "publish", version: await profileVersion(draft.id) })).status).toBe(302);
  return { campaigner, moderator, ...draft };
}

describe("changes to a published profile go through review", () => {
  it("pending → public unchanged → applied by another moderator → public changed; the history lists both", async () => {
    const profile = await publishedProfile();
    const proposed = await postForm(profile.campaigner.browser, `/en/staff/prisoners/${profile.id}`, await editFields(profile.id, { "biography-en": "A corrected biography.", note: "Source: Nasha Niva" }));
    expect(proposed.status).toBe(302);
    expect(proposed.headers.get("location")).toContain("done=proposed");
    const [change] = await pendingOf(profile.id);
    expect(change).toBeDefined();
    expect(change!.after).toEqual({ "biography.en": "A corrected biography." });
    expect(change!.before).toEqual({ "biography.en": "First biography." });
    expect(await (await publicPage(profile.slug)).text()).not.toContain("A corrected biography.");

    // The review queue lists it.
    expect(await (await profile.moderator.browser.get("/en/staff/prisoners?filter=pending")).text()).toContain(profile.slug);
    // The author (a campaigner) cannot apply it.
    expect((await profile.campaigner.browser.post(`/en/staff/prisoners/${profile.id}`, { intent: "apply", change: change!.id })).status).toBe(403);
    const applied = await profile.moderator.browser.post(`/en/staff/prisoners/${profile.id}`, { intent: "apply", change: change!.id });
    expect(applied.status).toBe(302);
    expect(await (await publicPage(profile.slug)).text()).toContain("A corrected biography.");

    const history = await (await profile.campaigner.browser.get(`/en/staff/prisoners/${profile.id}/history`)).text();
    const changes = await prisma().prisonerChange.findMany({ where: { prisonerId: profile.id }, orderBy: { createdAt: "desc" } });
    expect(changes.map((row) => row.state)).toEqual(["APPLIED", "APPLIED", ]);
    // Newest first: the applied correction, then the creation.
    expect(history.indexOf(`data-change="${changes[0]!.id}"`)).toBeLessThan(history.indexOf(`data-change="${changes[1]!.id}"`));
    expect(history).toContain("A corrected biography.");
    expect(history).toContain("First biography.");
    expect(history).toContain(profile.campaigner.staff.displayName);
    expect(history).toContain(profile.moderator.staff.displayName);
    const audit = await prisma().auditLogEntry.findMany({ where: { subjectId: change!.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["prisoner.change.propose", "prisoner.change.apply"]);
  });

  it("a moderator cannot apply their own change; another moderator can; a rejection needs a reason", async () => {
    const profile = await publishedProfile();
    const second = await signedIn(["moderator"]);
    await postForm(profile.moderator.browser, `/en/staff/prisoners/${profile.id}`, await editFields(profile.id, { "summary-en": "Own change." }));
    const [own] = await pendingOf(profile.id);
    expect((await profile.moderator.browser.post(`/en/staff/prisoners/${profile.id}`, { intent: "apply", change: own!.id })).status).toBe(403);
    expect((await profile.moderator.browser.post(`/en/staff/prisoners/${profile.id}`, { intent: "reject", change: own!.id, reason: "mine" })).status).toBe(403);
    const noReason = await second.browser.post(`/en/staff/prisoners/${profile.id}`, { intent: "reject", change: own!.id, reason: "  " });
    expect(noReason.status).toBe(400);
    const rejected = await second.browser.post(`/en/staff/prisoners/${profile.id}`, { intent: "reject", change: own!.id, reason: "No source given." });
    expect(rejected.status).toBe(302);
    const row = await prisma().prisonerChange.findUniqueOrThrow({ where: { id: own!.id } });
    expect(row.state).toBe("REJECTED");
    expect(row.reason).toBe("No source given.");
    expect(row.reviewerId).toBe(second.staff.id);
  });

  it("refuses a stale change (the moderator sees it is stale) and lets its author withdraw it", async () => {
    const profile = await publishedProfile();
    const other = await signedIn(["campaigner"]);
    const base = await editFields(profile.id, {});
    await postForm(profile.campaigner.browser, `/en/staff/prisoners/${profile.id}`, { ...base, "summary-en": "Change one." });
    await postForm(other.browser, `/en/staff/prisoners/${profile.id}`, { ...base, "summary-en": "Change two." });
    const [first, second] = await pendingOf(profile.id);
    expect((await profile.moderator.browser.post(`/en/staff/prisoners/${profile.id}`, { intent: "apply", change: first!.id })).status).toBe(302);

    const page = await (await profile.moderator.browser.get(`/en/staff/prisoners/${profile.id}`)).text();
    expect(page).toContain('data-testid="stale"');
    const refused = await profile.moderator.browser.post(`/en/staff/prisoners/${profile.id}`, { intent: "apply", change: second!.id });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("older version");
    expect((await prisma().prisonerChange.findUniqueOrThrow({ where: { id: second!.id } })).state).toBe("PENDING");
    expect(await (await publicPage(profile.slug)).text()).toContain("Change one.");

    // Only its author may withdraw it.
    expect((await profile.campaigner.browser.post(`/en/staff/prisoners/${profile.id}`, { intent: "withdraw", change: second!.id })).status).toBe(403);
    expect((await other.browser.post(`/en/staff/prisoners/${profile.id}`, { intent: "withdraw", change: second!.id })).status).toBe(302);
    expect((await prisma().prisonerChange.findUniqueOrThrow({ where: { id: second!.id } })).state).toBe("WITHDRAWN");
  });

  it("refuses a save made on a form loaded before someone else's change, keeping the text", async () => {
    const profile = await publishedProfile();
    const old = await editFields(profile.id, {});
    await postForm(profile.campaigner.browser, `/en/staff/prisoners/${profile.id}`, { ...old, "summary-en": "First." });
    const [change] = await pendingOf(profile.id);
    await profile.moderator.browser.post(`/en/staff/prisoners/${profile.id}`, { intent: "apply", change: change!.id });
    const late = await postForm(profile.campaigner.browser, `/en/staff/prisoners/${profile.id}`, { ...old, "summary-en": "Typed on an old form." });
    expect(late.status).toBe(409);
    const html = await late.text();
    expect(html).toContain("Typed on an old form.");
    expect(html).toContain("Someone else changed this profile");
  });

  it("two moderators applying the same change at once: one wins, the other is told", async () => {
    const profile = await publishedProfile();
    const second = await signedIn(["moderator"]);
    await postForm(profile.campaigner.browser, `/en/staff/prisoners/${profile.id}`, await editFields(profile.id, { "summary-en": "Raced." }));
    const [change] = await pendingOf(profile.id);
    const before = (await prisma().prisoner.findUniqueOrThrow({ where: { id: profile.id } })).version;
    const results = await Promise.all([
      profile.moderator.browser.post(`/en/staff/prisoners/${profile.id}`, { intent: "apply", change: change!.id }),
      second.browser.post(`/en/staff/prisoners/${profile.id}`, { intent: "apply", change: change!.id }),
    ]);
    expect(results.map((response) => response.status).sort()).toEqual([302, 409]);
    expect((await prisma().prisoner.findUniqueOrThrow({ where: { id: profile.id } })).version).toBe(before + 1);
    expect(await prisma().auditLogEntry.count({ where: { subjectId: change!.id, action: "prisoner.change.apply" } })).toBe(1);
  });
});

describe("bad input and XSS", () => {
  it("renders an XSS payload in the biography as text on the public and staff pages", async () => {
    const payload = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const campaigner = await signedIn(["campaigner"]);
    const moderator = await signedIn(["moderator"]);
    const draft = await createDraft(campaigner.browser, { "biography-en": payload, "given-LATIN": `<b>Zmicier</b>` });
    await moderator.browser.post(`/en/staff/prisoners/${draft.id}`, { intent: "publish", version: await profileVersion(draft.id) });
    for (const html of [
      await (await publicPage(draft.slug)).text(),
      await (await campaigner.browser.get(`/en/staff/prisoners/${draft.id}`)).text(),
      await (await campaigner.browser.get(`/en/staff/prisoners/${draft.id}/history`)).text(),
    ]) {
      expect(html).not.toContain(payload);
      expect(html).not.toContain("<img src=x");
      expect(html).not.toContain("<b>Zmicier</b>");
      expect(html).toContain("&lt;script&gt;");
    }
  });

  it("keeps what was typed and says what is wrong", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const response = await postForm(campaigner.browser, "/en/staff/prisoners/new", profileFields({ "family-LATIN": "", birthDate: "2025-02-30", sentenceMonths: "lots", "biography-pl": "Tekst zachowany" }));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("This field is required.");
    expect(html).toContain("Enter a real date");
    expect(html).toContain("Enter a whole number");
    expect(html).toContain("Tekst zachowany");
    expect(html).toContain("2025-02-30");
  });
});

describe("photos", () => {
  it("re-encodes a JPEG without EXIF, upright and at most 800 px, served by hash with long caching", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const moderator = await signedIn(["moderator"]);
    const original = jpegWithExif({ width: 1200, height: 900, orientation: 6 });
    expect(original.includes(Buffer.from("Exif"))).toBe(true);
    expect(original.includes(Buffer.from("SERIAL-XK42"))).toBe(true);
    const draft = await createDraft(campaigner.browser, { photoCredit: "Viasna" }, { name: "portrait.jpg", type: "image/jpeg", bytes: original });
    const photo = await prisma().prisonerPhoto.findUniqueOrThrow({ where: { prisonerId: draft.id } });
    const url = `/photos/${draft.id}-${photo.sha256.slice(0, 16)}.jpg`;

    // A draft's photo is not public; staff who edit profiles see it, and nothing may cache it.
    expect((await fetch(`${server.url}${url}`)).status).toBe(404);
    const forStaff = await campaigner.browser.get(url);
    expect(forStaff.status).toBe(200);
    expect(forStaff.headers.get("cache-control")).toBe("private, no-store");
    await moderator.browser.post(`/en/staff/prisoners/${draft.id}`, { intent: "publish", version: await profileVersion(draft.id) });

    const served = await fetch(`${server.url}${url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    const bytes = Buffer.from(await served.arrayBuffer());
    const info = jpegInfo(bytes);
    expect(info.hasApp1).toBe(false);
    expect(bytes.includes(Buffer.from("Exif"))).toBe(false);
    expect(bytes.includes(Buffer.from("SERIAL-XK42"))).toBe(false);
    expect(bytes.includes(Buffer.from("Cam\0"))).toBe(false);
    // Orientation 6 (rotated 90°): 1200 × 900 stands up as 900 × 1200, then scales to 600 × 800.
    expect([info.width, info.height]).toEqual([600, 800]);

    const page = await (await publicPage(draft.slug)).text();
    expect(page).toContain(`src="${url}"`);
    expect(page).toContain(`alt="Photo of Zmicier ${draft.fields["family-LATIN"]}"`);
    expect(page).toContain("Photo: Viasna");
    // A wrong hash is 404.
    expect((await fetch(`${server.url}/photos/${draft.id}-0000000000000000.jpg`)).status).toBe(404);
  });

  it("accepts a PNG; refuses a text file named .jpg and a decompression bomb with a message, keeping the fields", async () => {
    const campaigner = await signedIn(["campaigner"]);
    const draft = await createDraft(campaigner.browser, {}, { name: "small.png", type: "image/png", bytes: png({ width: 400, height: 300 }) });
    const photo = await prisma().prisonerPhoto.findUniqueOrThrow({ where: { prisonerId: draft.id } });
    expect([photo.width, photo.height]).toEqual([400, 300]);
    expect(jpegInfo(Buffer.from(photo.jpeg)).width).toBe(400);

    const fake = await postForm(campaigner.browser, "/en/staff/prisoners/new", profileFields({ "biography-lt": "Išsaugotas tekstas" }), { name: "photo.jpg", type: "image/jpeg", bytes: Buffer.from("just some text, not a photo\n".repeat(10)) });
    expect(fake.status).toBe(400);
    const fakeHtml = await fake.text();
    expect(fakeHtml).toContain("This file is not a JPEG or PNG image.");
    expect(fakeHtml).toContain("Išsaugotas tekstas");

    const bomb = await postForm(campaigner.browser, "/en/staff/prisoners/new", profileFields(), { name: "bomb.png", type: "image/png", bytes: pngBomb() });
    expect(bomb.status).toBe(400);
    expect(await bomb.text()).toContain("The image is too big in pixels");
  });

  it("a new photo on a published profile waits for review like any change", async () => {
    const profile = await publishedProfile();
    const proposed = await postForm(profile.campaigner.browser, `/en/staff/prisoners/${profile.id}`, await editFields(profile.id, {}), { name: "new.png", type: "image/png", bytes: png({ width: 1600, height: 400 }) });
    expect(proposed.status).toBe(302);
    expect(await prisma().prisonerPhoto.findUnique({ where: { prisonerId: profile.id } })).toBeNull();
    const [change] = await pendingOf(profile.id);
    expect(Object.keys(change!.after as object).sort()).toEqual(["photo", "photo.credit", "photo.jpeg"]);
    expect(await (await publicPage(profile.slug)).text()).not.toContain("/photos/");

    expect((await profile.moderator.browser.post(`/en/staff/prisoners/${profile.id}`, { intent: "apply", change: change!.id })).status).toBe(302);
    const photo = await prisma().prisonerPhoto.findUniqueOrThrow({ where: { prisonerId: profile.id } });
    expect([photo.width, photo.height]).toEqual([800, 200]);
    expect((change!.after as Record<string, string>).photo).toBe(photo.sha256);
    // The bytes leave the change row once it is decided; the hash stays for the history.
    const decided = await prisma().prisonerChange.findUniqueOrThrow({ where: { id: change!.id } });
    expect(Object.keys(decided.after as object).sort()).toEqual(["photo", "photo.credit"]);
    expect(await (await publicPage(profile.slug)).text()).toContain(`/photos/${profile.id}-${photo.sha256.slice(0, 16)}.jpg`);
  });
});

describe("who may work on profiles", () => {
  it("campaigners see and edit any profile; translators do not; nobody sees a made-up id", async () => {
    const author = await signedIn(["campaigner"]);
    const other = await signedIn(["campaigner"]);
    const translator = await signedIn(["translator"]);
    const draft = await createDraft(author.browser);
    expect((await other.browser.get(`/en/staff/prisoners/${draft.id}`)).status).toBe(200);
    const edit = await postForm(other.browser, `/en/staff/prisoners/${draft.id}`, await editFields(draft.id, { "summary-en": "Shared work." }));
    expect(edit.status).toBe(302);
    expect((await translator.browser.get(`/en/staff/prisoners/${draft.id}`)).status).toBe(403);
    expect((await translator.browser.post(`/en/staff/prisoners/${draft.id}`, { intent: "publish", version: await profileVersion(draft.id) })).status).toBe(403);
    expect((await other.browser.get(`/en/staff/prisoners/nope`)).status).toBe(404);
    expect((await other.browser.get(`/en/staff/prisoners/${draft.id}/history`)).status).toBe(200);
  });
});

describe("statuses to re-check", () => {
  it("lists published profiles with a stale or missing report, oldest first, leaving out fresh reports and deaths", async () => {
    const campaigner = await signedIn(["campaigner"]);
    // Every demo report is from 2024–2025. One is re-checked recently, one seven months ago,
    // and one loses its report altogether.
    await reportStatus(prisma(), "ihar-ilyash", { daysAgo: 30 });
    const recent = await reportStatus(prisma(), "katsiaryna-bakhvalava", { daysAgo: 213, only: "status" });
    await prisma().prisoner.update({ where: { slug: "mikola-dziadok" }, data: { statusSourceId: null, statusReportedOn: null, statusReportedPrecision: null } });

    const page = await campaigner.browser.get("/en/staff/prisoners?filter=stale");
    expect(page.status).toBe(200);
    const html = await page.text();
    const slugs = [...html.matchAll(/<tr data-slug="([^"]+)"/g)].map((match) => match[1]!);
    // Fresh and final statuses are not listed.
    expect(slugs).not.toContain("ihar-ilyash");
    for (const died of ["vitold-ashurak", "mikalai-klimovich", "ales-pushkin", "vadzim-khrasko", "ihar-lednik"]) expect(slugs).not.toContain(died);
    // Unreported first, then by the oldest report: 2024, July 2025, September 2025, seven months ago.
    expect(slugs[0]).toBe("mikola-dziadok");
    const at = (slug: string) => {
      expect(slugs, slug).toContain(slug);
      return slugs.indexOf(slug);
    };
    for (const of2024 of ["ales-bialiatski", "maryia-kalesnikava", "viktar-babaryka", "ihar-losik"]) expect(at(of2024)).toBeLessThan(at("siarhei-tsikhanouski"));
    expect(at("siarhei-tsikhanouski")).toBeLessThan(at("mikalai-statkevich"));
    expect(at("mikalai-statkevich")).toBeLessThan(at("katsiaryna-bakhvalava"));
    expect(at("katsiaryna-bakhvalava")).toBe(slugs.length - 1);

    // Each row names its last report; the link counts them.
    const row = (slug: string) => new RegExp(`<tr data-slug="${slug}">[\\s\\S]*?</tr>`).exec(html)![0];
    expect(row("mikola-dziadok")).toContain("Status “In exile”: no dated report");
    expect(row("viktar-babaryka")).toMatch(/Status “[^”]+”: last reported by Perspectives, 2024/);
    expect(row("katsiaryna-bakhvalava")).toContain(`last reported by ${recent}`);
    // Bialiatski's status (The Guardian, September 2025) and his letter status (2024) are both old.
    expect(row("ales-bialiatski")).toContain("Letters “Held incommunicado”: last reported by Perspectives, 2024");
    expect(html).toContain(`Status to re-check (${slugs.length})`);
  });
});
