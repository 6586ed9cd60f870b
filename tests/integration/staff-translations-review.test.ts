// Security review, finding 11: interface text that gives safety advice, makes a privacy promise
// or goes into an email is not live until a second person approves it. Over real HTTP, on a
// copy of the locale files: a translator rewrites the Belarusian safety advice and the public
// page keeps the old text; nobody who wrote or edited the proposal may approve it; a reviewer
// approves exactly the version they saw and only then the public page changes; an upload cannot
// change a reviewed key (nor drop one); a translator without a second factor is sent to set one
// up before writing anything.
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { base32Decode, totpAt, totpStep } from "~/staff/accounts/totp";
import type { StaffRole } from "~/staff/permissions";
import { getLocaleBundle, reloadLocaleBundle } from "~/utils/locales.server";

import { startTestServer, type TestServer } from "../support/server";
import { Browser, createStaffMember, sessionFor, signedInStaff } from "../support/staff";

let server: TestServer;
let dir: string;
const previousDir = process.env.LOCALES_DIR;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "listy-locales-review-"));
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
type Tree = Record<string, Record<string, string>>;
const file = (lng: string, ns: string) => path.join(dir, lng, `${ns}.json`);
const readJson = (lng: string, ns: string) => JSON.parse(readFileSync(file(lng, ns), "utf8")) as Tree;
/** What this (the only) instance serves: the committed file overlaid by saved strings. */
const served = (lng: string, ns: string) => getLocaleBundle().resources[lng]![ns] as Tree;
const signedIn = (roles: StaffRole[]) => signedInStaff(server.url, prisma(), roles);
const publicPage = async (pathname: string) => (await fetch(`${server.url}${pathname}`)).text();
const pending = (locale: string, namespace: string, key: string) => prisma().interfaceProposal.findFirstOrThrow({ where: { locale, namespace, key, state: "PENDING" } });

async function upload(browser: Browser, pathname: string, content: string) {
  const form = new FormData();
  form.append("file", new Blob([content], { type: "application/json" }), "upload.json");
  return fetch(`${server.url}${pathname}`, { method: "POST", redirect: "manual", headers: { Origin: server.url, Cookie: `listy_staff=${browser.cookie}` }, body: form });
}

describe("reviewed interface text", () => {
  it("keeps a translator's rewrite of the Belarusian safety advice off the public page until another reviewer approves the version they saw", async () => {
    const original = readJson("be", "privacy").safety!.text!;
    const rewrite = "Падпісвайцеся сапраўдным імем і ўказвайце асабісты адрас пошты: так надзейней.";
    const edited = "Падпісвайцеся сапраўдным імем: так надзейней.";
    expect(await publicPage("/be/privacy")).toContain(original);

    const translator = await signedIn(["translator"]);
    const filePage = "/en/staff/translations/be/privacy";
    const proposed = await translator.browser.post(filePage, { key: "safety.text", value: rewrite });
    expect(proposed.status).toBe(302);
    // Not live: the public page and the file are as before.
    const stillOld = await publicPage("/be/privacy");
    expect(stillOld).not.toContain(rewrite);
    expect(stillOld).toContain(original);
    expect(readJson("be", "privacy").safety!.text).toBe(original);
    expect(proposed.headers.get("location")).toBe(`${filePage}?show=todo&proposed=safety.text`);
    const notice = await (await translator.browser.get(`${filePage}?show=review&proposed=safety.text`)).text();
    expect(notice).toContain("Sent for review: safety.text.");
    expect(notice).toContain(rewrite);
    expect(notice).not.toContain('name="intent" value="approve"');

    // The translator cannot approve it by forging the form.
    const first = await pending("be", "privacy", "safety.text");
    expect(first).toMatchObject({ version: 1, authorId: translator.staff.id, editorIds: [translator.staff.id] });
    const forged = await translator.browser.post(filePage, { intent: "approve", proposal: first.id, version: "1" });
    expect(forged.status).toBe(403);

    // A moderator who edits the proposal becomes one of its writers: they may not approve it.
    const moderatorA = await signedIn(["moderator"]);
    expect((await moderatorA.browser.post(filePage, { key: "safety.text", value: edited })).status).toBe(302);
    const second = await pending("be", "privacy", "safety.text");
    expect(second).toMatchObject({ id: first.id, version: 2, editorIds: [translator.staff.id, moderatorA.staff.id] });
    const own = await moderatorA.browser.post(filePage, { intent: "approve", proposal: first.id, version: "2" });
    expect(own.status).toBe(403);
    expect(await own.text()).toContain("You cannot approve this proposal");

    // Another reviewer approves only the version they saw: the first one is refused as stale.
    const moderatorB = await signedIn(["moderator"]);
    const review = await (await moderatorB.browser.get(`${filePage}?show=review`)).text();
    expect(review).toContain(edited);
    expect(review).toContain('name="intent" value="approve"');
    const stale = await moderatorB.browser.post(filePage, { intent: "approve", proposal: first.id, version: "1" });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Nothing was done");
    expect(await publicPage("/be/privacy")).not.toContain(edited);

    const approved = await moderatorB.browser.post(filePage, { intent: "approve", proposal: first.id, version: "2" });
    expect(approved.status).toBe(302);
    expect(approved.headers.get("location")).toBe(`${filePage}?show=review&approved=safety.text`);
    expect(served("be", "privacy").safety!.text).toBe(edited);
    expect(readJson("be", "privacy").safety!.text).toBe(original); // saved in the database, not the file
    const live = await publicPage("/be/privacy");
    expect(live).toContain(edited);
    expect(live).not.toContain(original);
    expect(await prisma().interfaceProposal.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ state: "APPLIED", reviewerId: moderatorB.staff.id });
    const entry = await prisma().auditLogEntry.findFirstOrThrow({ where: { action: "translation.key.approve", staffId: moderatorB.staff.id } });
    expect(entry.details).toMatchObject({ key: "safety.text", version: 2 });
    // Decided once: approving again is refused.
    expect((await moderatorB.browser.post(filePage, { intent: "approve", proposal: first.id, version: "2" })).status).toBe(409);
  });

  it("never lets the author approve their own proposal, whatever their roles", async () => {
    const admin = await signedIn(["admin"]);
    const filePage = "/en/staff/translations/ru/mail";
    const subject = "Подтвердите обещание: нажмите на ссылку и введите пароль";
    expect((await admin.browser.post(filePage, { key: "pledge-confirmation.subject", value: subject })).status).toBe(302);
    const proposal = await pending("ru", "mail", "pledge-confirmation.subject");
    const page = await (await admin.browser.get(`${filePage}?show=review`)).text();
    expect(page).toContain("You wrote or edited this proposal, so someone else must review it.");
    expect(page).not.toContain('name="intent" value="approve"');
    expect((await admin.browser.post(filePage, { intent: "approve", proposal: proposal.id, version: String(proposal.version) })).status).toBe(403);
    expect(readJson("ru", "mail")["pledge-confirmation"]!.subject).not.toBe(subject);

    // A reviewer may reject it instead; the live text stays.
    const moderator = await signedIn(["moderator"]);
    const rejected = await moderator.browser.post(filePage, { intent: "reject", proposal: proposal.id, version: String(proposal.version) });
    expect(rejected.status).toBe(302);
    expect((await prisma().interfaceProposal.findUniqueOrThrow({ where: { id: proposal.id } })).state).toBe("REJECTED");
    expect(readJson("ru", "mail")["pledge-confirmation"]!.subject).not.toBe(subject);
  });

  it("does not let an upload change or drop a reviewed key: those changes become proposals, the others go live", async () => {
    const translator = await signedIn(["translator"]);
    const before = readJson("be", "common");
    const tagline = "Лісты і звароты для палітвязняў Беларусі";
    const footer = "Listy захоўвае ўсё, што вы пішаце, і перадае гэта партнёрам.";
    const tree = JSON.parse(JSON.stringify(before)) as Tree;
    tree.site!.tagline = tagline;
    tree.footer!.privacy = footer;
    delete tree.footer!["privacy-link"];
    const response = await upload(translator.browser, "/en/staff/translations/be/common", JSON.stringify(tree, null, 2));
    expect(response.status).toBe(302);
    const home = await publicPage("/be");
    expect(home).not.toContain(footer);
    expect(home).toContain(before.footer!.privacy);
    expect(home).toContain(tagline);
    const after = served("be", "common");
    expect(after.footer!.privacy).toBe(before.footer!.privacy);
    expect(after.footer!["privacy-link"]).toBe(before.footer!["privacy-link"]);
    expect(after.site!.tagline).toBe(tagline);
    expect(response.headers.get("location")).toBe("/en/staff/translations/be/common?show=todo&uploaded=saved-1-1&proposed-count=1");
    expect((await pending("be", "common", "footer.privacy")).values).toEqual({ "": footer });

    // A whole reviewed namespace: nothing of the upload goes live.
    const pledges = readJson("be", "pledges");
    const advice = "Пакіньце адрас, якім карыстаецеся кожны дзень.";
    const changed = JSON.parse(JSON.stringify(pledges)) as Tree;
    changed.safety!.email = advice;
    const onlyProposals = await upload(translator.browser, "/en/staff/translations/be/pledges", JSON.stringify(changed, null, 2));
    expect(onlyProposals.status).toBe(302);
    expect(onlyProposals.headers.get("location")).toBe("/en/staff/translations/be/pledges?show=todo&uploaded=unchanged&proposed-count=1");
    expect(readFileSync(file("be", "pledges"), "utf8")).toBe(`${JSON.stringify(pledges, null, 2)}\n`);
    const request = await publicPage("/be/privacy/request");
    expect(request).toContain(pledges.safety!.email);
    expect(request).not.toContain(advice);

    // Approved by a moderator, it goes live.
    const moderator = await signedIn(["moderator"]);
    const proposal = await pending("be", "pledges", "safety.email");
    expect((await moderator.browser.post("/en/staff/translations/be/pledges", { intent: "approve", proposal: proposal.id, version: String(proposal.version) })).status).toBe(302);
    expect(await publicPage("/be/privacy/request")).toContain(advice);
  });

  it("sends a translator without a second factor to set one up before anything can be written", async () => {
    const { staff } = await createStaffMember(prisma(), { roles: ["translator"] });
    const browser = new Browser(server.url);
    // The session as the emailed code leaves it: signed in, second factor not done.
    browser.cookie = await sessionFor(prisma(), staff.id, { secondFactor: false });
    const before = readFileSync(file("pl", "home"), "utf8");
    const index = await browser.get("/en/staff/translations");
    expect(index.status).toBe(302);
    expect(index.headers.get("location")).toBe("/en/staff/totp");
    const write = await browser.post("/en/staff/translations/pl/home", { key: "hero.title", value: "Listy bez drugiego składnika" });
    expect(write.status).toBe(302);
    expect(write.headers.get("location")).toBe("/en/staff/totp");
    expect(readFileSync(file("pl", "home"), "utf8")).toBe(before);

    // The TOTP page enrols them; afterwards the workspace opens.
    const page = await (await browser.get("/en/staff/totp")).text();
    const secret = /data-testid="totp-secret">([A-Z2-7]+)</.exec(page)?.[1];
    expect(secret).toBeTruthy();
    const enrolled = await browser.post("/en/staff/totp", { code: totpAt(base32Decode(secret!), totpStep(new Date())) });
    expect(enrolled.status).toBe(302);
    expect((await browser.get("/en/staff/translations")).status).toBe(200);
  });
});
