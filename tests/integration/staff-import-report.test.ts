// The CSV import report over real HTTP: numbered page links for a report of many rows (first,
// last, neighbours, gaps, the current page marked, filters kept, out-of-range pages clamped),
// and the import's address choice, which never hands out an address that redirects elsewhere.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { utf8 } from "../../scripts/support/import-fixtures";
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

/** Uploads a CSV as a browser does without JavaScript; the report's address. */
async function upload(browser: Browser, text: string, language = "en") {
  const form = new FormData();
  form.append("file", new Blob([utf8(text)], { type: "text/csv" }), "list.csv");
  form.append("sourceTitle", "");
  form.append("sourceUrl", "");
  const response = await fetch(`${server.url}/${language}/staff/prisoners/import`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: server.url, Cookie: `${COOKIE}=${browser.cookie}` },
    body: form,
  });
  expect(response.status).toBe(303);
  const location = response.headers.get("location")!;
  return { location, id: location.split("/").at(-1)! };
}

/** The links inside the page-number navigation, with the attributes that matter. */
function pageLinks(html: string, label: string) {
  const nav = new RegExp(`<nav aria-label="${label}"[^>]*>([\\s\\S]*?)</nav>`).exec(html)?.[1];
  if (nav === undefined) throw new Error(`no navigation "${label}"`);
  const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]?.replaceAll("&amp;", "&") ?? null;
  const links = [...nav.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/g)].map((match) => ({
    href: attribute(match[1]!, "href")!,
    rel: attribute(match[1]!, "rel"),
    current: attribute(match[1]!, "aria-current"),
    label: attribute(match[1]!, "aria-label"),
    text: match[2]!,
  }));
  return { links, gaps: (nav.match(/…/g) ?? []).length };
}

const LETTERS = "абвгдежзиклмнопрстуфхцчшэюя";
/** A distinct, readable family name for row `index`, without digits. */
const familyName = (index: number) => `Тестов${LETTERS[index % 27]}${LETTERS[Math.floor(index / 27) % 27]}${LETTERS[Math.floor(index / 729) % 27]}`;

describe("the import report's page links", () => {
  // 1,300 rows, 100 a page: 13 pages; every other row is one word (an error): 7 pages of problems.
  const rows = Array.from({ length: 1300 }, (_, index) => (index % 2 === 0 ? `${familyName(index)} Иван` : familyName(index)));
  let location = "";
  let browser: Browser;

  beforeAll(async () => {
    ({ browser } = await signedInStaff(server.url, prisma(), ["campaigner"]));
    ({ location } = await upload(browser, ["ФИО", ...rows].join("\n")));
  });

  it("numbers the pages: first, last, the current one marked, its neighbours, gaps, previous and next", async () => {
    const html = await (await browser.get(`${location}?page=7`)).text();
    expect(html).toContain("Page 7 of 13 (1,300 rows)");
    const { links, gaps } = pageLinks(html, "Pages of rows");
    const numbered = links.filter((link) => link.label);
    expect(numbered.map((link) => link.text)).toEqual(["1", "5", "6", "7", "8", "9", "13"]);
    expect(gaps).toBe(2);
    for (const link of numbered) expect(link.href).toBe(`${location}?page=${link.text}`);
    expect(numbered.filter((link) => link.current === "page").map((link) => link.text)).toEqual(["7"]);
    expect(numbered.find((link) => link.text === "7")!.label).toBe("Page 7");
    expect(links.find((link) => link.rel === "prev")!.href).toBe(`${location}?page=6`);
    expect(links.find((link) => link.rel === "next")!.href).toBe(`${location}?page=8`);

    const first = pageLinks(await (await browser.get(location)).text(), "Pages of rows");
    expect(first.links.some((link) => link.rel === "prev")).toBe(false);
    expect(first.links.filter((link) => link.label).map((link) => link.text)).toEqual(["1", "2", "3", "13"]);
  });

  it("keeps the row filter in every page link and leaves out a one-time notice", async () => {
    const html = await (await browser.get(`${location}?rows=problems&page=3&notice=forbidden`)).text();
    expect(html).toContain("Page 3 of 7 (650 rows)");
    const { links } = pageLinks(html, "Pages of rows");
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.href).toMatch(new RegExp(`^${location}\\?rows=problems&page=\\d+$`));
    expect(links.find((link) => link.current === "page")!.href).toBe(`${location}?rows=problems&page=3`);
    expect(links.find((link) => link.text === "7")).toBeDefined();
  });

  it("shows the nearest page for a page number out of range, in the reader's language", async () => {
    const beyond = await browser.get(`${location.replace("/en/", "/be/")}?page=999`);
    expect(beyond.status).toBe(200);
    const beyondLinks = pageLinks(await beyond.text(), "Старонкі радкоў").links;
    expect(beyondLinks.find((link) => link.current === "page")).toMatchObject({ text: "13", label: "Старонка 13" });
    expect(beyondLinks.some((link) => link.rel === "next")).toBe(false);

    for (const page of ["0", "-4", "abc"]) {
      const response = await browser.get(`${location}?page=${page}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain("Page 1 of 13");
      expect(pageLinks(html, "Pages of rows").links.find((link) => link.current === "page")!.text).toBe("1");
    }
  });
});

describe("addresses of imported people", () => {
  /** The address the dry run chose for the report's first row. */
  async function firstRowSlug(id: string) {
    const found = await prisma().prisonerImport.findUniqueOrThrow({ where: { id }, select: { report: true } });
    return (found.report as { rows: { slug?: string | null }[] }).rows[0]!.slug ?? null;
  }

  it("never gives a new person an address that redirects to someone else", async () => {
    const { browser } = await signedInStaff(server.url, prisma(), ["campaigner"]);
    const file = "ФИО;Дата рождения\nАдрасны Тэст Іванавіч;\n";
    const readable = await firstRowSlug((await upload(browser, file)).id);
    expect(readable).toBeTruthy();

    // Another person had that address until it was corrected: it now redirects to them.
    const owner = await prisma().prisoner.create({
      data: { slug: "corrected-owner", status: "IN_CUSTODY", lastVerifiedOn: new Date("2025-01-01"), names: { create: [{ script: "RU_CYRILLIC", familyName: "Другой", givenName: "Человек" }] } },
    });
    await prisma().formerPrisonerSlug.create({ data: { slug: readable!, prisonerId: owner.id } });

    const { location, id } = await upload(browser, `${file}\n`);
    const chosen = await firstRowSlug(id);
    expect(chosen).toBeTruthy();
    expect(chosen).not.toBe(readable);
    expect((await browser.post(location, {})).status).toBe(303);
    for (let i = 0; i < 200 && (await prisma().prisonerImport.findUniqueOrThrow({ where: { id } })).state === "APPLYING"; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await prisma().prisonerImport.findUniqueOrThrow({ where: { id } })).state).toBe("APPLIED");
    expect(await prisma().prisoner.count({ where: { slug: chosen! } })).toBe(1);
    expect(await prisma().prisoner.count({ where: { slug: readable! } })).toBe(0);
    expect((await prisma().formerPrisonerSlug.findUniqueOrThrow({ where: { slug: readable! } })).prisonerId).toBe(owner.id);
  });

  it("reads a former address in the slug column as the person it redirects to", async () => {
    const { browser } = await signedInStaff(server.url, prisma(), ["campaigner"]);
    const owner = await prisma().prisoner.create({
      data: { slug: "renamed-person", status: "IN_CUSTODY", lastVerifiedOn: new Date("2025-01-01"), names: { create: [{ script: "RU_CYRILLIC", familyName: "Переименованный", givenName: "Пётр" }] } },
    });
    await prisma().formerPrisonerSlug.create({ data: { slug: "old-person-address", prisonerId: owner.id } });
    const { id } = await upload(browser, "ФИО;slug\nПереименованный Пётр;old-person-address\n");
    const found = await prisma().prisonerImport.findUniqueOrThrow({ where: { id }, select: { report: true } });
    const [row] = (found.report as { rows: { slug?: string | null; outcome: string }[] }).rows;
    expect(row!.outcome).not.toBe("new");
    expect(row!.slug).toBe("renamed-person");
  });
});
