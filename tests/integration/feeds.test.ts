// The Atom feeds over real HTTP: the site-wide news of releases, exile and transfers, and a
// feed per campaign, validated against RFC 4287's RELAX NG schema in every language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { supportedLanguages } from "~/i18n";

import { atomProblems } from "../support/atom-schema";
import { createCampaign, createEvent } from "../support/pledge-fixtures";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

// Tests change the database directly: read the content revision first, as a later visitor would.
const get = async (path: string, init: RequestInit = {}) => {
  await server.contentRevision.refresh();
  return fetch(`${server.url}${path}`, { redirect: "manual", ...init });
};
const feed = async (path: string) => {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  return response.text();
};
const entries = (xml: string) => xml.split("<entry>").slice(1).map((entry) => entry.split("</entry>")[0]!);

describe("the news feed", () => {
  it.each(supportedLanguages)("is valid Atom in %s, in that language, with its own address", async (language) => {
    const xml = await feed(`/${language}/news.atom`);
    expect(await atomProblems(xml)).toEqual([]);
    expect(xml).toContain(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${language}">`);
    expect(xml).toContain(`<id>${server.url}/${language}/news.atom</id>`);
    expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${server.url}/${language}/news.atom"/>`);
    expect(xml).toContain(`<link rel="alternate" type="text/html" href="${server.url}/${language}/prisoners"/>`);
  });

  it("names who was released into exile, with the dated source that says so", async () => {
    const xml = await feed("/en/news.atom");
    const exile = entries(xml).find((entry) => entry.includes(`${server.url}/en/prisoners/siarhei-tsikhanouski"`));
    expect(exile).toBeDefined();
    expect(exile).toMatch(/<title type="text">Siarhei Tsikhanouski: released into exile<\/title>/);
    expect(exile).toMatch(/<summary type="text">As reported by [^<]+, [^<]*\d{4}\.<\/summary>/);
    // The entry's id is a stable URL on the site's host, and the same on every request.
    const id = /<id>([^<]+)<\/id>/.exec(exile!)![1]!;
    expect(id.startsWith(`${server.url}/en/news.atom#`)).toBe(true);
    expect(await feed("/en/news.atom")).toContain(`<id>${id}</id>`);
    // Nobody still in custody is news here.
    expect(xml).not.toContain(`${server.url}/en/prisoners/ales-bialiatski"`);
  });

  it("carries a transfer only from an applied change that dates its report, and escapes every text", async () => {
    const prisma = server.database.prisma;
    const facility = await prisma.facility.create({
      data: { slug: "test-colony-feed", kind: "PENAL_COLONY", translations: { create: [{ locale: "en", name: `Colony <No. 3> & "annex"` }] } },
    });
    await prisma.source.create({ data: { key: "test-transfer-report", publication: "Monitor <A&B>", publishedOn: new Date("2026-11-20"), datePrecision: "DAY" } });
    const losik = await prisma.prisoner.findUniqueOrThrow({ where: { slug: "ihar-losik" }, select: { id: true } });
    const ilyash = await prisma.prisoner.findUniqueOrThrow({ where: { slug: "ihar-ilyash" }, select: { id: true } });
    await prisma.prisonerChange.createMany({
      data: [
        {
          prisonerId: losik.id, state: "APPLIED", baseVersion: 1, decidedAt: new Date(),
          before: { facility: "hrodna-prison" },
          after: { facility: facility.slug, statusSource: "test-transfer-report", statusReportedOn: "2026-11-19", statusReportedPrecision: "DAY" },
        },
        // No dated source in the change: not news, whatever it moved.
        { prisonerId: ilyash.id, state: "APPLIED", baseVersion: 1, decidedAt: new Date(), before: { facility: "hrodna-prison" }, after: { facility: facility.slug } },
        // Still waiting for review: not news either.
        {
          prisonerId: ilyash.id, state: "PENDING", baseVersion: 1,
          before: { status: "IN_CUSTODY" }, after: { status: "RELEASED", statusSource: "test-transfer-report", statusReportedOn: "2026-11-19" },
        },
      ],
    });
    const xml = await feed("/en/news.atom");
    expect(await atomProblems(xml)).toEqual([]);
    const transfer = entries(xml).find((entry) => entry.includes(`${server.url}/en/prisoners/ihar-losik"`));
    expect(transfer).toContain("<title type=\"text\">Ihar Losik: transferred to Colony &lt;No. 3&gt; &amp; &quot;annex&quot;</title>");
    expect(transfer).toContain("As reported by Monitor &lt;A&amp;B&gt;, November 19, 2026.");
    expect(transfer).toContain("<updated>2026-11-19T00:00:00Z</updated>");
    expect(xml).not.toContain(`${server.url}/en/prisoners/ihar-ilyash"`);
    // Newest report first.
    expect(entries(xml)[0]).toBe(transfer);
  });

  it("leaves out profiles that are not published", async () => {
    const prisma = server.database.prisma;
    await prisma.prisoner.update({ where: { slug: "mikola-dziadok" }, data: { draft: true } });
    try {
      expect(await feed("/en/news.atom")).not.toContain("/en/prisoners/mikola-dziadok");
    } finally {
      await prisma.prisoner.update({ where: { slug: "mikola-dziadok" }, data: { draft: false } });
    }
    expect(await feed("/en/news.atom")).toContain("/en/prisoners/mikola-dziadok");
  });

  it("answers an unchanged feed with an empty 304, and 404 for a language Listy does not have", async () => {
    const first = await get("/be/news.atom");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get("/be/news.atom", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await get("/xx/news.atom")).status).toBe(404);
  });

  it("is announced in the directory's head and linked under the list", async () => {
    const html = await (await get("/pl/prisoners")).text();
    expect(html).toMatch(/<link rel="alternate" type="application\/atom\+xml" href="\/pl\/news.atom" title="[^"]+"\/>/);
    expect(html).toContain('<a href="/pl/news.atom" type="application/atom+xml">');
  });
});

describe("a campaign's feed", () => {
  it.each(supportedLanguages)("is valid Atom in %s: the campaign first, then its events, newest first", async (language) => {
    const xml = await feed(`/${language}/campaigns/free-them-all/feed.atom`);
    expect(await atomProblems(xml)).toEqual([]);
    expect(xml).toContain(`xml:lang="${language}"`);
    expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${server.url}/${language}/campaigns/free-them-all/feed.atom"/>`);
    expect(entries(xml)[0]).toContain(`<id>${server.url}/${language}/campaigns/free-them-all</id>`);
  });

  it("lists events with their date and place, escaped", async () => {
    const prisma = server.database.prisma;
    const campaignId = await createCampaign(prisma);
    const campaign = await prisma.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { slug: true } });
    const soon = await createEvent(prisma, campaignId, new Date(Date.now() + 10 * 86_400_000));
    const later = await prisma.campaignEvent.create({
      data: { campaignId, startsAt: new Date(Date.now() + 20 * 86_400_000), translations: { create: [{ locale: "en", title: `Letters & <cards> night`, place: "Vilnius, \"Room 1\"" }] } },
    });
    const xml = await feed(`/en/campaigns/${campaign.slug}/feed.atom`);
    expect(await atomProblems(xml)).toEqual([]);
    const [, first, second] = entries(xml);
    expect(first).toContain(`#event-${later.id}</id>`);
    expect(first).toContain("<title type=\"text\">Event: Letters &amp; &lt;cards&gt; night</title>");
    expect(first).toContain("Vilnius, &quot;Room 1&quot;</summary>");
    expect(second).toContain(`#event-${soon}</id>`);
    expect(second).toContain("Warsaw, Castle Square");
    // The campaign page points feed readers at it.
    const html = await (await get(`/en/campaigns/${campaign.slug}`)).text();
    expect(html).toContain(`<link rel="alternate" type="application/atom+xml" href="/en/campaigns/${campaign.slug}/feed.atom"`);
  });

  it("does not exist for a draft campaign or an unknown one", async () => {
    const prisma = server.database.prisma;
    const draftId = await createCampaign(prisma, { status: "DRAFT" });
    const draft = await prisma.campaign.findUniqueOrThrow({ where: { id: draftId }, select: { slug: true } });
    expect((await get(`/en/campaigns/${draft.slug}/feed.atom`)).status).toBe(404);
    expect((await get("/en/campaigns/no-such-campaign/feed.atom")).status).toBe(404);
  });
});
