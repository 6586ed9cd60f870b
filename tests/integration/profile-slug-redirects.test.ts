// Correcting a draft's address over real HTTP (decision 0017): a campaigner corrects the slug
// with the editor's own form; once a second person publishes the profile, the old address and
// its sub-pages answer 301 to the current one in every language, query kept; an unknown slug
// is still a translated 404. A refused address keeps what was typed; a published profile's
// address never changes.
import { readFileSync } from "node:fs";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestServer, type TestServer } from "../support/server";
import { COOKIE, signedInStaff, type Browser } from "../support/staff";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const prisma = () => server.database.prisma;
const notFoundTitle = (language: string) => JSON.parse(readFileSync(`locales/${language}/errors.json`, "utf8"))["not-found"].title as string;

async function createDraft(browser: Browser, family: string) {
  const body = new FormData();
  for (const [key, value] of Object.entries({
    intent: "save",
    "given-LATIN": "Andrei",
    "family-LATIN": family,
    status: "IN_CUSTODY",
    statusSource: "ips-2025-10-07",
    letterStatus: "CAN_RECEIVE",
    letterStatusSource: "ips-2025-10-07",
    grammaticalGender: "MASCULINE",
    "summary-en": "Held for a leaflet.",
  }))
    body.append(key, value);
  const response = await fetch(`${server.url}/en/staff/prisoners/new`, { method: "POST", redirect: "manual", headers: { Origin: server.url, Cookie: `${COOKIE}=${browser.cookie}` }, body });
  expect(response.status).toBe(302);
  const id = /\/en\/staff\/prisoners\/([A-Za-z0-9_-]+)\?done=created$/.exec(response.headers.get("location") ?? "")![1]!;
  return { id, slug: (await prisma().prisoner.findUniqueOrThrow({ where: { id } })).slug };
}

describe("correcting a draft's address", () => {
  it("keeps the old address working through a 301, sub-pages and other languages included, once published", async () => {
    const campaigner = await signedInStaff(server.url, prisma(), ["campaigner"]);
    const moderator = await signedInStaff(server.url, prisma(), ["moderator"]);
    const { id, slug: oldSlug } = await createDraft(campaigner.browser, "Typoslugau");
    expect(oldSlug).toBe("andrei-typoslugau");

    // The editor offers the field while a draft; a malformed address is refused, kept as typed.
    const editor = await (await campaigner.browser.get(`/en/staff/prisoners/${id}`)).text();
    expect(editor).toMatch(/<input[^>]*name="slug"[^>]*value="andrei-typoslugau"/);
    const bad = await campaigner.browser.post(`/pl/staff/prisoners/${id}`, { intent: "slug", slug: "Andrei Slugau!" });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("Używaj tylko małych liter łacińskich");
    expect(badHtml).toMatch(/<input[^>]*name="slug"[^>]*value="Andrei Slugau!"/);
    // Another profile's address (a seeded one) is taken.
    const other = await prisma().prisoner.findFirstOrThrow({ where: { draft: false }, select: { slug: true } });
    expect((await campaigner.browser.post(`/en/staff/prisoners/${id}`, { intent: "slug", slug: other.slug })).status).toBe(409);

    const corrected = await campaigner.browser.post(`/en/staff/prisoners/${id}`, { intent: "slug", slug: "andrei-slugau" });
    expect(corrected.status).toBe(302);
    expect((await prisma().prisoner.findUniqueOrThrow({ where: { id } })).slug).toBe("andrei-slugau");
    expect(await prisma().formerPrisonerSlug.findMany({ where: { prisonerId: id }, select: { slug: true } })).toEqual([{ slug: oldSlug }]);
    // Still a draft: neither address is public.
    expect((await fetch(`${server.url}/en/prisoners/${oldSlug}`, { redirect: "manual" })).status).toBe(404);
    expect((await fetch(`${server.url}/en/prisoners/andrei-slugau`, { redirect: "manual" })).status).toBe(404);

    const version = String((await prisma().prisoner.findUniqueOrThrow({ where: { id } })).version);
    expect((await moderator.browser.post(`/en/staff/prisoners/${id}`, { intent: "publish", version })).status).toBe(302);

    const moved = await fetch(`${server.url}/en/prisoners/${oldSlug}`, { redirect: "manual" });
    expect(moved.status).toBe(301);
    expect(moved.headers.get("location")).toBe("/en/prisoners/andrei-slugau");
    const write = await fetch(`${server.url}/be/prisoners/${oldSlug}/write?phrase=a`, { redirect: "manual" });
    expect(write.status).toBe(301);
    expect(write.headers.get("location")).toBe("/be/prisoners/andrei-slugau/write?phrase=a");
    const share = await fetch(`${server.url}/lt/prisoners/${oldSlug}/share.png`, { redirect: "manual" });
    expect(share.status).toBe(301);
    expect(share.headers.get("location")).toBe("/lt/prisoners/andrei-slugau/share.png");
    const followed = await fetch(`${server.url}/be/prisoners/${oldSlug}`);
    expect(followed.status).toBe(200);
    expect(followed.url).toBe(`${server.url}/be/prisoners/andrei-slugau`);

    // An address nobody had is still a translated 404.
    const unknown = await fetch(`${server.url}/be/prisoners/andrei-nobody/write`, { redirect: "manual" });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain(notFoundTitle("be"));

    // Published: the address stays.
    const refused = await campaigner.browser.post(`/en/staff/prisoners/${id}`, { intent: "slug", slug: "andrei-slugau-2" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("The profile is published: its address no longer changes.");
    expect((await prisma().prisoner.findUniqueOrThrow({ where: { id } })).slug).toBe("andrei-slugau");
    expect(await (await campaigner.browser.get(`/en/staff/prisoners/${id}`)).text()).not.toMatch(/name="slug"/);
  });

  it("never gives a former address to a new profile", async () => {
    const campaigner = await signedInStaff(server.url, prisma(), ["campaigner"]);
    const first = await createDraft(campaigner.browser, "Formerau");
    expect((await campaigner.browser.post(`/en/staff/prisoners/${first.id}`, { intent: "slug", slug: "andrei-formerau-corrected" })).status).toBe(302);
    const second = await createDraft(campaigner.browser, "Formerau");
    expect(second.slug).not.toBe(first.slug);
    expect(second.slug).not.toBe("andrei-formerau-corrected");
  });
});
