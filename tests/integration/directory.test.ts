import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";

import {
  daysUntilBirthday,
  listDirectory,
  minskToday,
  parseDirectoryQuery,
  type DirectoryQuery,
} from "~/prisoners/directory.server";
import { configureListLimits, listLimits } from "~/prisoners/list-limits.server";
import { searchPrisoners } from "~/prisoners/prisoner-search.server";

import { demoPrisoners } from "../../prisma/demo-data";
import { seedDemoData } from "../../prisma/seed";
import { useFreshDatabase, type TestDatabase } from "../../scripts/support/scratch-database";
import { startTestServer, type TestServer } from "../support/server";
import { daysAgo } from "../support/status-fixture";

const query = (overrides: Partial<DirectoryQuery> = {}): DirectoryQuery => ({
  q: "",
  status: null,
  facility: null,
  month: null,
  canReceiveLetters: false,
  sort: null,
  page: 1,
  ...overrides,
});

/** A fixed "today", so that the 30-day window and birthdays do not depend on the calendar. */
const TODAY = new Date("2026-03-07T15:30:00.000Z");
const daysBefore = (days: number) => new Date(Date.UTC(2026, 2, 7 - days));

const slugs = (page: { items: { slug: string }[] }) => page.items.map((item) => item.slug);

/** Four or more spellings per person, at least one Cyrillic and one Latin that are not stored. */
const SPELLINGS: Record<string, string[]> = {
  "ales-bialiatski": ["Бяляцкі", "Białacki", "Aleś Biełacki", "БЯЛЯЦКИЙ", "Ales Beliatsky"],
  "maryia-kalesnikava": ["Kalesnikava", "Kolesnikova", "Калеснікава", "Колесникова", "Maria", "Maryia", "Мария Александровна Колесникова", "Maria Aleksandrovna Kolesnikova"],
  "viktar-babaryka": ["Babaryka", "Бабарико", "Victor Babarico", "Бабарыко"],
  "mikalai-statkevich": ["Statkevich", "Statkiewicz", "Статкевіч", "Mikalaj Statkevič", "Микола Статкевич"],
  "ihar-losik": ["Łosik", "Лосик", "Ihar Losikas", "ЛОСІК ІГАР"],
  "ihar-ilyash": ["Ilyash", "Iljasz", "Ihar Iljaš", "Ігор Ільяш"],
  "katsiaryna-bakhvalava": ["Bakhvalava", "Бахвалова", "Katarzyna Bachwałowa", "Катерина Бахвалова"],
  "siarhei-tsikhanouski": ["Tsikhanouski", "Tikhanovsky", "Siarhiej Cichanoŭski", "Сергій Тихановський"],
  "mikola-dziadok": ["Dziadok", "Dedok", "Mykola Dziadok", "Микола Дедок"],
  "siarhei-sparysh": ["Sparysh", "Спарыш", "Siarhej Sparyš", "Сергій Спариш"],
  "vitold-ashurak": ["Ashurak", "Ашурок", "Vitold Ashurok", "Витольд Ашуракъ"],
  "mikalai-klimovich": ["Klimovich", "Климович", "Klimavich", "Микола Климович"],
  "ales-pushkin": ["Pushkin", "Пушкин", "Ales Puškin", "Алесь Пушкинъ"],
  "vadzim-khrasko": ["Khrasko", "Храсько", "Vadzim Hrasko", "Вадзім Храська"],
  "ihar-lednik": ["Lednik", "Ледник", "Igar Ledník", "Ігор Ледьнік"],
};

async function revisionOf(database: TestDatabase) {
  const [row] = await database.sql.query<{ revision: unknown }>('SELECT revision FROM "ContentRevision" WHERE id = 1');
  return String(row?.revision);
}

/** Says, as of `reportedOn`, that letters reach this person (a test source of that date). */
function lettersReportedOn(reportedOn: Date) {
  const key = `test-letters-${reportedOn.toISOString().slice(0, 10)}`;
  return {
    letterStatus: "CAN_RECEIVE" as const,
    letterStatusSource: {
      connectOrCreate: { where: { key }, create: { key, publication: `Test Monitor ${key}`, publishedOn: reportedOn, datePrecision: "DAY" as const } },
    },
    letterStatusReportedOn: reportedOn,
    letterStatusReportedPrecision: "DAY" as const,
  };
}

async function addPrisoner(prisma: PrismaClient, slug: string, givenName: string, familyName: string) {
  return prisma.prisoner.create({
    data: {
      slug,
      status: "IN_CUSTODY",
      // Reported recently (by the clock: the HTTP tests page through "can receive letters").
      ...lettersReportedOn(daysAgo(30)),
      lastVerifiedOn: new Date("2020-01-01T00:00:00.000Z"),
      names: { create: [{ script: "LATIN", givenName, familyName }] },
    },
  });
}

describe("directory model on the seeded demo data", () => {
  let database: TestDatabase;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    database = await useFreshDatabase();
    await seedDemoData(database.prisma);
    for (const row of await database.prisma.prisoner.findMany({ select: { id: true, slug: true } })) ids.set(row.slug, row.id);
  });

  afterAll(async () => {
    await database?.destroy();
  });

  it("has every demo prisoner in the table of spellings", () => {
    expect(Object.keys(SPELLINGS).sort()).toEqual(demoPrisoners.map((prisoner) => prisoner.slug).sort());
  });

  const rows = Object.entries(SPELLINGS).flatMap(([slug, spellings]) => spellings.map((spelling) => [slug, spelling] as const));
  it.each(rows)("searchPrisoners finds %s first for “%s”", async (slug, spelling) => {
    const hits = await searchPrisoners(spelling, "be");
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.prisonerId).toBe(ids.get(slug));
  });

  it("does not return Kalesnikava for Babaryka", async () => {
    const hits = await searchPrisoners("Babaryka", "en");
    expect(hits.map((hit) => hit.prisonerId)).toEqual([ids.get("viktar-babaryka")]);
  });

  it("shows a search in the directory with the person's name in the reader's script", async () => {
    const page = await listDirectory(query({ q: "Kolesnikova" }), "be", { today: TODAY });
    expect(page.total).toBe(1);
    expect(page.sort).toBe("relevance");
    expect(page.items[0]!.names.display).toMatchObject({ givenName: "Марыя", familyName: "Калеснікава" });
    const nobody = await listDirectory(query({ q: "Zzyzx Qwerty" }), "be", { today: TODAY });
    expect(nobody.total).toBe(0);
    expect(nobody.items).toEqual([]);
    expect(nobody.page).toBe(1);
  });

  it("filters by status, place of detention and both together with a search", async () => {
    // The reports name no current place of detention for anyone, so the test places someone.
    const hrodna = await database.prisma.facility.findUniqueOrThrow({ where: { slug: "hrodna-prison" } });
    await database.prisma.prisoner.update({ where: { slug: "ales-pushkin" }, data: { facilityId: hrodna.id } });
    // The demo reports put Tsikhanouski in exile in Lithuania, like Dziadok and Sparysh.
    expect((await listDirectory(query({ status: "RELEASED" }), "en", { today: TODAY })).total).toBe(0);
    expect(slugs(await listDirectory(query({ status: "IN_EXILE" }), "en", { today: TODAY })).sort()).toEqual(["mikola-dziadok", "siarhei-sparysh", "siarhei-tsikhanouski"]);
    expect(slugs(await listDirectory(query({ status: "INCOMMUNICADO" }), "en", { today: TODAY })).sort()).toEqual(["ihar-losik", "mikalai-statkevich", "viktar-babaryka"]);
    expect((await listDirectory(query({ status: "DIED_IN_CUSTODY" }), "en", { today: TODAY })).total).toBe(5);
    expect(slugs(await listDirectory(query({ facility: "hrodna-prison" }), "en", { today: TODAY }))).toEqual(["ales-pushkin"]);
    const unknownFacility = await listDirectory(query({ facility: "no-such-prison" }), "en", { today: TODAY });
    expect(unknownFacility.facility).toBeNull();
    expect(unknownFacility.total).toBe(demoPrisoners.length);
    expect(slugs(await listDirectory(query({ q: "Ihar", status: "IN_CUSTODY" }), "en", { today: TODAY }))).toEqual(["ihar-ilyash"]);
  });

  it("filters by birthday month and by whether letters can arrive", async () => {
    const prisma = database.prisma;
    await prisma.prisoner.update({ where: { slug: "ales-pushkin" }, data: { birthDate: new Date("1965-03-08T00:00:00.000Z") } });
    await prisma.prisoner.update({ where: { slug: "ihar-losik" }, data: { birthDate: new Date("1992-12-31T00:00:00.000Z") } });
    expect(slugs(await listDirectory(query({ month: 3 }), "en", { today: TODAY }))).toEqual(["ales-pushkin"]);
    expect(slugs(await listDirectory(query({ month: 12 }), "en", { today: TODAY }))).toEqual(["ihar-losik"]);
    expect((await listDirectory(query({ month: 7 }), "en", { today: TODAY })).total).toBe(0);
    // "Can receive letters" only on a recent report: 30 days before "today" counts, 213 does not.
    await prisma.prisoner.update({ where: { slug: "ihar-ilyash" }, data: lettersReportedOn(daysBefore(30)) });
    await prisma.prisoner.update({ where: { slug: "ihar-losik" }, data: lettersReportedOn(daysBefore(213)) });
    expect(slugs(await listDirectory(query({ canReceiveLetters: true }), "en", { today: TODAY }))).toEqual(["ihar-ilyash"]);
    const ilyash = (await listDirectory(query({ q: "Ilyash" }), "en", { today: TODAY })).items[0]!;
    expect(ilyash.letterStatusToActOn).toBe("CAN_RECEIVE");
    expect(ilyash.letterStatusReport.freshness).toBe("fresh");
    const losik = (await listDirectory(query({ q: "Losik" }), "en", { today: TODAY })).items[0]!;
    expect(losik).toMatchObject({ letterStatus: "CAN_RECEIVE", letterStatusToActOn: "UNKNOWN", letterStatusReport: { freshness: "stale" } });
    const pushkin = (await listDirectory(query({ month: 3 }), "en", { today: TODAY })).items[0]!;
    expect(pushkin.birthDate).toBe("1965-03-08");
    expect(pushkin.facility?.name?.text).toBe("Hrodna prison");
  });

  it("puts the people still held with the fewest letters in the last 30 days first, and nobody released, exiled or dead before them", async () => {
    const prisma = database.prisma;
    const letter = (slug: string, day: Date, kind: "LETTER_WRITTEN" | "APPEAL_SENT" = "LETTER_WRITTEN") => ({
      kind,
      prisonerId: ids.get(slug)!,
      language: "en",
      day,
    });
    await prisma.action.createMany({
      data: [
        letter("maryia-kalesnikava", daysBefore(0)),
        letter("maryia-kalesnikava", daysBefore(3)),
        letter("maryia-kalesnikava", daysBefore(29)), // the oldest day still in the window
        letter("viktar-babaryka", daysBefore(10)),
        letter("ales-bialiatski", daysBefore(30)), // one day too old
        letter("ales-bialiatski", daysBefore(40)),
        letter("ales-bialiatski", daysBefore(1), "APPEAL_SENT"), // not a letter
      ],
    });
    const page = await listDirectory(query(), "en", { today: TODAY });
    expect(page.sort).toBe("needs-letters");
    const order = slugs(page);
    const letters = new Map(page.items.map((item) => [item.slug, item.lettersLastDays]));
    expect(letters.get("maryia-kalesnikava")).toBe(3);
    expect(letters.get("viktar-babaryka")).toBe(1);
    expect(letters.get("ales-bialiatski")).toBe(0);
    // Only people still held need letters: the released, exiled and dead come after all of them
    // (Pushkin, who died in custody, has his birthday tomorrow and no letters, and still comes last).
    const held = page.items.filter((item) => item.status === "IN_CUSTODY" || item.status === "INCOMMUNICADO").map((item) => item.slug);
    expect(order.slice(0, held.length)).toEqual(held);
    expect(order.indexOf("ales-pushkin")).toBeGreaterThanOrEqual(held.length);
    // Among the held whose letters nobody has confirmed lately: fewest letters first.
    expect(letters.get(order[0]!)).toBe(0);
    expect(order.indexOf("viktar-babaryka")).toBeLessThan(order.indexOf("maryia-kalesnikava"));
    expect(order.indexOf("maryia-kalesnikava")).toBeLessThan(held.length);
  });

  it("sorts by name and by the most recent check", async () => {
    const byName = await listDirectory(query({ sort: "name" }), "en", { today: TODAY });
    const family = byName.items.map((item) => item.names.display.familyName);
    expect(family).toEqual([...family].sort((a, b) => new Intl.Collator("en").compare(a, b)));
    expect(family[0]).toBe("Ashurak");

    const verified = await listDirectory(query({ sort: "verified" }), "en", { today: TODAY });
    const dates = verified.items.map((item) => item.lastVerifiedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(slugs(verified).slice(0, 2).sort()).toEqual(["ihar-ilyash", "mikalai-statkevich"]);
  });

  it("sees a new spelling as soon as the content revision moves on", async () => {
    const before = await revisionOf(database);
    expect(await searchPrisoners("Zmicier Daszkiewicz", "en")).toEqual([]);
    const created = await addPrisoner(database.prisma, "zmitser-dashkevich-test", "Zmitser", "Dashkevich");
    expect(await revisionOf(database)).not.toBe(before);
    const hits = await searchPrisoners("Zmicier Daszkiewicz", "en");
    expect(hits.map((hit) => hit.prisonerId)).toEqual([created.id]);
    expect((await searchPrisoners("Зміцер Дашкевіч", "be"))[0]?.prisonerId).toBe(created.id);
  });

  it("keeps the index while the revision stays the same, and ranks exact matches before near ones", async () => {
    // With the trigger switched off the revision does not move: the cached index must be used.
    for (const table of ["Prisoner", "PrisonerName"]) await database.sql.exec(`ALTER TABLE "${table}" DISABLE TRIGGER listy_content_changed`);
    const kalesnikava = await searchPrisoners("Kalesnikava", "en");
    const created = await addPrisoner(database.prisma, "maria-kalisnikava-test", "Maria", "Kalisnikava");
    for (const table of ["Prisoner", "PrisonerName"]) await database.sql.exec(`ALTER TABLE "${table}" ENABLE TRIGGER listy_content_changed`);
    expect(await searchPrisoners("Kalesnikava", "en")).toEqual(kalesnikava);

    await database.sql.exec('UPDATE "ContentRevision" SET revision = revision + 1 WHERE id = 1');
    const hits = await searchPrisoners("Kalesnikava", "en");
    expect(hits.map((hit) => hit.prisonerId)).toEqual([ids.get("maryia-kalesnikava"), created.id]);
    expect(hits[0]!.exact).toBe(1);
    expect(hits[1]!.exact).toBe(0);
  });

  it("clamps the page to the pages there are", async () => {
    const pageSize = listLimits().directoryPageSize;
    const extra = 2 * pageSize;
    for (let i = 0; i < extra; i++) await addPrisoner(database.prisma, `paging-test-${i}`, "Test", `Person${String(i).padStart(2, "0")}`);
    const total = await database.prisma.prisoner.count();
    const pageCount = Math.ceil(total / pageSize);
    expect(pageCount).toBeGreaterThanOrEqual(3);

    for (const [asked, shown] of [[0, 1], [-5, 1], [1, 1], [2, 2], [99_999, pageCount]] as const) {
      const page = await listDirectory(query({ page: asked }), "en", { today: TODAY });
      expect(page.page, `page ${asked}`).toBe(shown);
      expect(page.pageCount).toBe(pageCount);
      expect(page.total).toBe(total);
    }
    const seen: string[] = [];
    for (let page = 1; page <= pageCount; page++) {
      const result = await listDirectory(query({ page, sort: "name" }), "en", { today: TODAY });
      expect(result.items.length).toBe(page < pageCount ? pageSize : total - pageSize * (pageCount - 1));
      seen.push(...slugs(result));
    }
    expect(new Set(seen).size).toBe(total);
  });
});

describe("birthdays", () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

  it("counts the days to the next birthday, 0 on the day itself", () => {
    expect(daysUntilBirthday(day("1965-03-08"), day("2026-03-07"))).toBe(1);
    expect(daysUntilBirthday(day("1965-03-07"), day("2026-03-07"))).toBe(0);
    expect(daysUntilBirthday(day("1965-03-06"), day("2026-03-07"))).toBe(364);
    // 29 February is celebrated on 1 March in other years.
    expect(daysUntilBirthday(day("1992-02-29"), day("2026-02-28"))).toBe(0); // celebrated on 28 February in common years, as on the birthdays page
  });

  it("takes today's date in Minsk, three hours ahead of UTC", () => {
    expect(minskToday(new Date("2026-03-07T20:59:00.000Z")).toISOString().slice(0, 10)).toBe("2026-03-07");
    expect(minskToday(new Date("2026-03-07T21:00:00.000Z")).toISOString().slice(0, 10)).toBe("2026-03-08");
  });
});

describe("parseDirectoryQuery", () => {
  const parse = (search: string) => parseDirectoryQuery(new URLSearchParams(search));

  it("corrects malformed values instead of rejecting them", () => {
    const parsed = parse(`page=abc&status=NOPE&month=13&q=${"x".repeat(5000)}&sort=sideways&facility=../../etc&letters=maybe`);
    expect(parsed).toEqual({ q: "x".repeat(200), status: null, facility: null, month: null, canReceiveLetters: false, sort: null, page: 1 });
  });

  it("keeps valid values, trims the query and drops control characters", () => {
    expect(parse("q=%20%20Kalesnikava%00%20&status=RELEASED&month=3&letters=1&sort=name&page=2&facility=hrodna-prison")).toEqual({
      q: "Kalesnikava",
      status: "RELEASED",
      facility: "hrodna-prison",
      month: 3,
      canReceiveLetters: true,
      sort: "name",
      page: 2,
    });
    expect(parse("q=%00<script>").q).toBe("<script>");
    expect(parse("month=&status=&page=").month).toBeNull();
    expect(parse("page=1.5").page).toBe(1);
    expect(parse("page=-5").page).toBe(-5); // clamped by listDirectory
  });

  it("cuts a long query by characters, not in the middle of one", () => {
    expect(Array.from(parse(`q=${encodeURIComponent("𝔸".repeat(300))}`).q)).toHaveLength(200);
  });
});

describe("the directory over HTTP", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  const get = (path: string) => fetch(`${server.url}${path}`, { redirect: "manual" });

  it("lists the demo prisoners with a search form that works without JavaScript", async () => {
    const response = await get("/be/prisoners");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="be"');
    expect(html).toMatch(/<form[^>]*method="get"[^>]*action="\/be\/prisoners"/);
    expect(html).toMatch(/<label for="directory-q">Імя<\/label>/);
    expect(html).toContain("Марыя Калеснікава");
    expect(html).toContain("15 чалавек");
    expect(html).toContain("За апошнія 30 дзён лістоў не было");
    expect(html).toContain("<title>Палітвязні ў Беларусі: знайсці чалавека · Listy</title>");
  });

  it("finds Калеснікава when searching for Kolesnikova, and only her", async () => {
    const html = await (await get("/be/prisoners?q=Kolesnikova")).text();
    expect(html).toContain("Марыя Калеснікава");
    expect(html).not.toContain("Бабарыка");
    expect(html).toContain("Па запыце «Kolesnikova» знойдзены 1 чалавек");
    expect(html).toContain('value="Kolesnikova"');
  });

  it("answers malformed and huge parameters with corrected results, the input echoed escaped", async () => {
    // 5000 characters; ASCII, because Node refuses request lines over 16 KB (431) before the app sees them.
    const typed = `"><script>alert(1)</script>${"Kalesnikava ".repeat(420)}`.slice(0, 5000);
    const response = await get(`/en/prisoners?page=abc&status=NOPE&month=13&q=${encodeURIComponent(typed)}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).not.toContain("<script>alert(1)");
    const kept = Array.from(typed).slice(0, 200).join("");
    const escaped = kept.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
    expect(html).toContain(`value="${escaped}"`);
    expect(html).not.toContain("Kalesnikava ".repeat(17));
    expect(html).toContain("Check the spelling");
  });

  it("keeps odd characters safe: NUL bytes and markup", async () => {
    const response = await get("/en/prisoners?q=%00<script>");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).not.toContain("\u0000");
    expect(html).not.toContain("“<script>”");
    expect(html).toContain('value="&lt;script&gt;"');
    expect(html).toContain("No one found for “&lt;script&gt;”");
  });

  it.each(["0", "-5", "99999", "abc", "1e400", ""])("answers ?page=%s with a corrected page", async (page) => {
    const response = await get(`/en/prisoners?page=${page}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("15 people");
    expect(html).toContain("Maryia Kalesnikava");
  });

  it("keeps the query string out of canonical and hreflang links", async () => {
    const html = await (await get("/ru/prisoners?q=Kolesnikova&status=IN_CUSTODY")).text();
    expect(html).toContain(`rel="canonical" href="${server.url}/ru/prisoners"`);
    for (const language of ["be", "ru", "uk", "pl", "lt", "en"]) {
      expect(html).toContain(`hrefLang="${language}" href="${server.url}/${language}/prisoners"`);
    }
    expect(html).toContain("Мария Колесникова");
  });

  it("pages through a longer list with previous and next links that keep the filters", async () => {
    // 20 a page here (50 in production): 30 people make two pages.
    const previous = configureListLimits({ directoryPageSize: 20 });
    onTestFinished(() => void configureListLimits(previous));
    for (let i = 0; i < 30; i++) await addPrisoner(server.database.prisma, `http-paging-${i}`, "Test", `Paging${String(i).padStart(2, "0")}`);
    const html = await (await get("/en/prisoners?sort=name&letters=1&page=2")).text();
    expect(html).toContain("Page 2 of 2");
    expect(html).toContain("30 people");
    expect(html).toMatch(/<a rel="prev"[^>]* href="\/en\/prisoners\?letters=1&amp;sort=name">/);
    expect(html).not.toContain('rel="next"');
    const clamped = await get("/en/prisoners?sort=name&letters=1&page=500");
    expect(clamped.status).toBe(200);
    expect(await clamped.text()).toContain("Page 2 of 2");
    const first = await (await get("/en/prisoners?sort=name&letters=1&page=-3")).text();
    expect(first).toContain("Page 1 of 2");
    expect(first).toMatch(/<a rel="next"[^>]* href="\/en\/prisoners\?letters=1&amp;sort=name&amp;page=2">/);
    expect(first).toContain("Paging00");
    expect(first).not.toContain("Paging20");
  });

  it.each([
    ["be", "Знайсці чалавека"],
    ["ru", "Найти человека"],
    ["uk", "Знайти людину"],
    ["pl", "Znajdź osobę"],
    ["lt", "Rasti žmogų"],
    ["en", "Find a person"],
  ])("serves the directory in %s", async (language, heading) => {
    const response = await get(`/${language}/prisoners?month=3`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<h1>${heading}</h1>`);
    expect(html).toContain('<option value="3" selected="">');
  });
});
