// Issue 15, real-scale data: with hundreds of generated profiles (the bench uses 5,000), no
// public page or file grows with the whole list. Real HTTP against the production build.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";

import { supportedLanguages } from "~/i18n";
import { nextBirthday, todayInMinsk } from "~/prisoners/birthdays.server";
import { configureListLimits, listLimits } from "~/prisoners/list-limits.server";

import { generateScaleData } from "../../scripts/support/scale-data";
import { startTestServer, type TestServer } from "../support/server";
import { xmlProblems } from "../support/xml-well-formed";

const PEOPLE = 600;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ PUBLIC_URL: "https://listy.example" });
  await generateScaleData(server.database, { people: PEOPLE });
}, 120_000);

afterAll(async () => {
  await server?.close();
});

const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);
const profileSlugs = (html: string, language: string) =>
  [...html.matchAll(new RegExp(`href="/${language}/prisoners/([a-z0-9-]+)"`, "g"))].map((match) => match[1]!);
const unescapeHref = (href: string) => href.replaceAll("&amp;", "&");

async function publicSlugs() {
  const rows = await server.database.prisma.prisoner.findMany({ where: { draft: false }, select: { slug: true } });
  return rows.map((row) => row.slug);
}

describe("with hundreds of profiles", () => {
  it("the home page shows a bounded selection and links to the directory instead of listing everyone", async () => {
    const total = (await publicSlugs()).length;
    expect(total).toBeGreaterThan(PEOPLE);
    const response = await get("/en/");
    expect(response.status).toBe(200);
    const html = await response.text();
    const linked = new Set(profileSlugs(html, "en"));
    // People waiting for a letter and birthdays soon, each at most homeSelection.
    expect(linked.size).toBeGreaterThan(0);
    expect(linked.size).toBeLessThanOrEqual(2 * listLimits().homeSelection);
    expect(Buffer.byteLength(html)).toBeLessThan(100 * 1024);
    expect(html).toContain(`Search the directory: all ${total.toLocaleString("en")} people`);
    expect(html).toMatch(/href="\/en\/prisoners\?status=IN_CUSTODY"/);
  });

  it("the directory pages through everyone with plain links that keep the filters", async () => {
    const inCustody = await server.database.prisma.prisoner.count({ where: { draft: false, status: "IN_CUSTODY" } });
    const pageSize = listLimits().directoryPageSize;
    const pageCount = Math.ceil(inCustody / pageSize);
    expect(pageCount).toBeGreaterThanOrEqual(3);

    const seen: string[] = [];
    let next: string | null = "/lt/prisoners?status=IN_CUSTODY&sort=name";
    for (let page = 1; next; page++) {
      const html: string = await (await get(next)).text();
      // "2 puslapis iš 4": the page's own language.
      expect(html).toContain(`${page} puslapis iš ${pageCount}`);
      const slugs = profileSlugs(html, "lt");
      expect(slugs.length).toBe(page < pageCount ? pageSize : inCustody - pageSize * (pageCount - 1));
      seen.push(...slugs);
      const link: string | undefined = /<a rel="next"[^>]* href="([^"]+)"/.exec(html)?.[1];
      next = link ? unescapeHref(link) : null;
      if (next) expect(next).toBe(`/lt/prisoners?status=IN_CUSTODY&sort=name&page=${page + 1}`);
      expect(page).toBeLessThanOrEqual(pageCount);
    }
    expect(seen.length).toBe(inCustody);
    expect(new Set(seen).size).toBe(inCustody);
  });

  it("/sitemap.xml is an index of well-formed files within the limits, listing every profile in every language once", async () => {
    const previous = configureListLimits({ sitemapUrlsPerFile: 1_200 });
    onTestFinished(() => void configureListLimits(previous));
    const response = await get("/sitemap.xml");
    expect(response.headers.get("content-type")).toContain("application/xml");
    const index = await response.text();
    expect(xmlProblems(index)).toBeNull();
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const files = [...index.matchAll(/<loc>https:\/\/listy\.example(\/sitemaps\/\d+\.xml)<\/loc>/g)].map((match) => match[1]!);
    expect(files.length).toBeGreaterThanOrEqual(3);

    const locs: string[] = [];
    for (const file of files) {
      const part = await get(file);
      expect(part.status, file).toBe(200);
      const xml = await part.text();
      expect(xmlProblems(xml), file).toBeNull();
      expect(Buffer.byteLength(xml), file).toBeLessThanOrEqual(10 * 1024 * 1024);
      const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
      expect(urls.length, file).toBeLessThanOrEqual(1_200);
      expect(urls.length, file).toBeLessThanOrEqual(50_000);
      locs.push(...urls);
      // Unchanged content: a crawler's repeat visit gets an empty 304.
      const again = await get(file, { headers: { "If-None-Match": part.headers.get("etag")! } });
      expect(again.status).toBe(304);
    }
    expect(new Set(locs).size).toBe(locs.length);
    const listed = new Set(locs);
    for (const slug of await publicSlugs()) {
      for (const language of supportedLanguages) expect(listed.has(`https://listy.example/${language}/prisoners/${slug}`), `${language} ${slug}`).toBe(true);
    }
    expect((await get(`/sitemaps/${files.length + 1}.xml`)).status).toBe(404);
    expect((await get("/sitemaps/0.xml")).status).toBe(404);
  });

  it("the birthdays page and its feed hold only the coming 60 days", async () => {
    const helpable = await server.database.prisma.prisoner.findMany({
      where: { draft: false, status: { in: ["IN_CUSTODY", "INCOMMUNICADO"] }, birthDate: { not: null } },
      select: { id: true, slug: true, birthDate: true },
    });
    const today = todayInMinsk();
    const days = listLimits().birthdayFeedDays;
    const coming = helpable.filter((row) => (nextBirthday(row.birthDate!.toISOString().slice(0, 10), today)?.daysUntil ?? Infinity) <= days);
    const soon = coming.map((row) => row.slug).sort();
    expect(soon.length).toBeGreaterThan(0);
    expect(soon.length).toBeLessThan(helpable.length);

    // Each event's UID names the profile by its id (stable when a slug is corrected) and the site's host.
    const feed = await (await get("/en/birthdays.ics")).text();
    const uids = [...feed.matchAll(/^UID:birthday-([^@\r]+)@[^\r]+\r$/gm)].map((match) => match[1]!).sort();
    expect(uids).toEqual(coming.map((row) => row.id).sort());

    const page = await (await get("/en/birthdays")).text();
    expect([...new Set(profileSlugs(page, "en"))].sort()).toEqual(soon);
  });

  it("“who needs a letter” chooses without being stored, then shows a page the cache keeps", async () => {
    const choice = await get("/en/write", { redirect: "manual" });
    expect(choice.status).toBe(302);
    expect(choice.headers.get("cache-control")).toBe("no-store");
    const target = choice.headers.get("location")!;
    expect(target).toMatch(/^\/en\/write\/[a-z0-9-]+$/);
    const first = await get(target);
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain("Write to someone who needs a letter");
    expect(html).toContain(`href="/en/write?skip=${target.split("/").at(-1)}"`);
    expect((await get(target)).headers.get("x-cache")).toBe("HIT");
    // Someone the pick does not suggest (released people are not written to here): choose again.
    const released = await server.database.prisma.prisoner.findFirstOrThrow({ where: { status: "RELEASED" }, select: { slug: true } });
    const again = await get(`/en/write/${released.slug}`, { redirect: "manual" });
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe("/en/write");
  });
});
