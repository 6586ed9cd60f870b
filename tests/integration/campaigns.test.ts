// Campaign pages over real HTTP against the seeded demo database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { supportedLanguages, type Language } from "~/i18n";
import { formatDate } from "~/utils/format";
import { getLocaleBundle } from "~/utils/locales.server";

import { demoCampaign } from "../../prisma/demo-data";
import { startTestServer, type TestServer } from "../support/server";

type Strings = Record<string, unknown>;
/** A string from the real locale files, e.g. text("be", "campaigns", "deadline.none"). */
function text(language: Language, namespace: string, path: string): string {
  const tree = getLocaleBundle().resources[language]?.[namespace] as Strings | undefined;
  const value = path.split(".").reduce<unknown>((node, key) => (node as Strings | undefined)?.[key], tree);
  if (typeof value !== "string") throw new Error(`no string ${language}/${namespace}:${path}`);
  return value;
}

/** React escapes text; the demo texts only need these. */
const escapeHtml = (value: string) => value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/**
 * The response text without NUL bytes. React 18.3's streaming renderer pads a chunk with
 * NULs when a multi-byte character meets its 2 KB buffer boundary (facebook/react#26228,
 * fixed only in React 19), which splits Cyrillic words at random places; entry.server.tsx
 * is the place to fix that, not these assertions.
 */
const readHtml = async (response: Response) => (await response.text()).replaceAll("\0", "");

function metaContent(html: string, attribute: "property" | "name", key: string): string[] {
  const pattern = new RegExp(`<meta ${attribute}="${key.replaceAll(".", "\\.")}" content="([^"]*)"`, "g");
  return [...html.matchAll(pattern)].map((match) => match[1]!);
}

describe("campaign pages", () => {
  let server: TestServer;
  // Tests change the database directly; on PostgreSQL the page cache hears of it by NOTIFY a
  // few ms after the commit, so read the revision before each request, as a later visitor would.
  const get = async (path: string) => {
    await server.contentRevision.refresh();
    return fetch(`${server.url}${path}`, { redirect: "manual" });
  };

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  it.each(supportedLanguages)("lists the demo campaign in %s with its translated title, no deadline and 7 prisoners", async (language) => {
    const response = await get(`/${language}/campaigns`);
    expect(response.status).toBe(200);
    const html = await readHtml(response);
    expect(html).toContain(`<html lang="${language}"`);
    expect(html).toContain(escapeHtml(demoCampaign.title[language]));
    expect(html).toContain(escapeHtml(demoCampaign.summary[language]));
    expect(html).toContain(`href="/${language}/campaigns/free-them-all"`);
    expect(html).toContain(text(language, "campaigns", "deadline.none"));
    expect(html).toContain(text(language, "campaigns", "list.title"));
    // The real plural form for 7 in this language ("7 prisoners", "7 вязняў", "7 kaliniai"…).
    const category = new Intl.PluralRules(language).select(7);
    expect(html).toContain(text(language, "campaigns", `prisoner-count_${category}`).replace("{{count}}", "7"));
    expect(html).toMatch(/<progress[^>]*value="0"[^>]*max="1000"/);
    // Fully translated demo content: no "not yet translated" notice.
    expect(html).not.toContain('role="note"');
  });

  it("shows what the campaign asks, its seven prisoners in the reader's script and its target", async () => {
    const en = await readHtml(await get("/en/campaigns/free-them-all"));
    expect(en).toContain(escapeHtml(demoCampaign.ask.en));
    const linked = new Set([...en.matchAll(/href="\/en\/prisoners\/([a-z0-9-]+)"/g)].map((match) => match[1]));
    expect([...linked].sort()).toEqual([...demoCampaign.prisoners].sort());
    expect(en).toContain(">Ales Bialiatski</a>");
    expect(en).toContain(">Maryia Kalesnikava</a>");
    expect(en).toContain("Alyaksandr Lukashenka");
    expect(en).toContain("Head of state of Belarus");
    // The demo official has no public contact details, so none are shown. (The share block's
    // "send by email" link names no address: mailto:?subject=…)
    expect(en).not.toMatch(/href="mailto:[^?"]/);
    expect(en).not.toContain(`<dt>${text("en", "campaigns", "detail.target-email")}</dt>`);
    expect(en).toContain(text("en", "campaigns", "detail.actions-soon"));

    const be = await readHtml(await get("/be/campaigns/free-them-all"));
    expect(be).toContain(">Алесь Бяляцкі</a>");
    expect(be).toContain(">Марыя Калеснікава</a>");
    expect(be).toContain("Аляксандр Лукашэнка");
    expect(be).toContain("Кіраўнік беларускай дзяржавы");
    expect(be).toContain(escapeHtml(demoCampaign.ask.be));

    const ru = await readHtml(await get("/ru/campaigns/free-them-all"));
    expect(ru).toContain(">Мария Колесникова</a>");
  });

  it("counts every recorded action of this campaign against its goal", async () => {
    const prisma = server.database.prisma;
    const campaign = await prisma.campaign.findUniqueOrThrow({ where: { slug: "free-them-all" } });
    const day = new Date("2026-11-20T00:00:00.000Z");
    await prisma.action.createMany({
      data: [
        { kind: "LETTER_WRITTEN", campaignId: campaign.id, language: "be", day },
        { kind: "APPEAL_SENT", campaignId: campaign.id, language: "en", day },
        { kind: "PLEDGE_MADE", campaignId: campaign.id, language: "pl", day },
        // Not this campaign's: must not count.
        { kind: "LETTER_WRITTEN", campaignId: null, language: "en", day },
      ],
    });

    const en = await readHtml(await get("/en/campaigns/free-them-all"));
    expect(en).toMatch(/<progress[^>]*value="3"[^>]*max="1000"/);
    expect(en).toContain("3 actions of 1,000");
    expect(en).toMatch(/<progress[^>]*aria-labelledby="campaign-progress-label"/);

    const be = await readHtml(await get("/be/campaigns/free-them-all"));
    expect(be).toMatch(/3 дзеянні з 1[\s\u00a0]?000/);

    const list = await readHtml(await get("/ru/campaigns"));
    expect(list).toMatch(/<progress[^>]*value="3"[^>]*max="1000"/);
    expect(list).toMatch(/3 действия из 1[\s\u00a0]000/);

    await prisma.action.create({ data: { kind: "POSTED_SELF_REPORT", campaignId: campaign.id, language: "uk", day } });
    const uk = await readHtml(await get("/uk/campaigns/free-them-all"));
    expect(uk).toMatch(/<progress[^>]*value="4"[^>]*max="1000"/);
    expect(uk).toMatch(/4 дії з 1[\s\u00a0]000/);
  });

  it("never shows draft or in-review campaigns, and lists closed ones apart", async () => {
    const prisma = server.database.prisma;
    const create = (slug: string, status: "DRAFT" | "IN_REVIEW" | "CLOSED", title: string) =>
      prisma.campaign.create({
        data: {
          slug,
          status,
          goal: 50,
          deadline: new Date("2026-12-31T00:00:00.000Z"),
          translations: { create: [{ locale: "en", title, summary: `${title} summary`, ask: `${title} ask` }] },
        },
      });
    await create("secret-draft", "DRAFT", "Unpublished draft campaign");
    await create("under-review", "IN_REVIEW", "Campaign under review");
    await create("letters-for-winter", "CLOSED", "Letters for winter");

    for (const slug of ["secret-draft", "under-review"]) {
      const response = await get(`/be/campaigns/${slug}`);
      expect(response.status, slug).toBe(404);
      expect(await readHtml(response)).toContain(text("be", "errors", "not-found.title"));
    }
    const list = await readHtml(await get("/en/campaigns"));
    expect(list).not.toContain("Unpublished draft campaign");
    expect(list).not.toContain("Campaign under review");
    expect(list).not.toContain("secret-draft");
    const closedAt = list.indexOf(text("en", "campaigns", "list.closed-heading"));
    expect(closedAt).toBeGreaterThan(list.indexOf("Free them all"));
    expect(list.indexOf("Letters for winter")).toBeGreaterThan(closedAt);
    expect(list).toContain(`Deadline: ${formatDate("2026-12-31", "DAY", "en")}`);

    // Only English exists: a Belarusian reader gets it, marked as English, with the notice.
    const closed = await get("/be/campaigns/letters-for-winter");
    expect(closed.status).toBe(200);
    const html = await readHtml(closed);
    expect(html).toContain('<span lang="en">Letters for winter</span>');
    expect(html).toContain(text("be", "campaigns", "detail.closed"));
    // The language it is shown in is named in the page's language («англійская»), not in English.
    expect(html).toContain(text("be", "campaigns", "detail.not-translated").replace("{{languages}}", text("be", "common", "language-name.en")));
    expect(html).toContain(text("be", "campaigns", "detail.no-targets"));
    expect(html).toMatch(/Тэрмін: 31 снежня 2026/);
  });

  it("shows contact details of a target only when they are recorded", async () => {
    const prisma = server.database.prisma;
    const official = await prisma.official.create({
      data: {
        slug: "test-prosecutor",
        country: "BY",
        language: "ru",
        email: "office@prosecutor.example",
        translations: { create: [{ locale: "en", name: "Test Prosecutor", position: "Prosecutor General" }] },
      },
    });
    await prisma.campaign.create({
      data: {
        slug: "write-to-the-prosecutor",
        status: "PUBLISHED",
        translations: { create: [{ locale: "en", title: "Write to the prosecutor", summary: "Summary", ask: "Ask" }] },
        targets: { create: [{ officialId: official.id }] },
      },
    });
    const html = await readHtml(await get("/en/campaigns/write-to-the-prosecutor"));
    expect(html).toContain('href="mailto:office@prosecutor.example"');
    expect(html).toContain("Prosecutor General");
    expect(html).not.toContain(`<dt>${text("en", "campaigns", "detail.target-address")}</dt>`);
    // No goal: a plain count instead of a meter.
    expect(html).toContain("0 actions so far");
    expect(html).not.toContain("<progress");
  });

  it.each([
    ["/en/campaigns/no-such-campaign", "en"],
    ["/be/campaigns/Free-Them-All", "be"],
    ["/ru/campaigns/free--them-all", "ru"],
    ["/uk/campaigns/free-them-all'--", "uk"],
    ["/pl/campaigns/%00%3Cscript%3E", "pl"],
    [`/lt/campaigns/${"a".repeat(5000)}`, "lt"],
    ["/en/campaigns/a-b-c-d-e-f-g-h-i", "en"],
  ])("answers %s with a translated 404", async (path, language) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    const html = await readHtml(response);
    expect(html).toContain(`<html lang="${language}"`);
    expect(html).toContain(text(language as Language, "errors", "not-found.title"));
    expect(html).not.toContain("og:title");
  });

  it("describes the page for link previews with absolute URLs on this server's origin", async () => {
    const html = await readHtml(await get("/pl/campaigns/free-them-all"));
    const url = `${server.url}/pl/campaigns/free-them-all`;
    expect(metaContent(html, "property", "og:url")).toEqual([url]);
    expect(html).toContain(`<link rel="canonical" href="${url}"/>`);
    expect(metaContent(html, "property", "og:title")).toEqual([demoCampaign.title.pl]);
    expect(metaContent(html, "property", "og:locale")).toEqual(["pl_PL"]);
  });
});

describe("campaign link previews with PUBLIC_URL", () => {
  let server: TestServer;
  const publicUrl = "https://listy.example";
  beforeAll(async () => {
    server = await startTestServer({ PUBLIC_URL: publicUrl });
  });

  afterAll(async () => {
    await server?.close();
  });

  it.each([
    ["be", "be_BY"],
    ["ru", "ru_RU"],
    ["uk", "uk_UA"],
    ["pl", "pl_PL"],
    ["lt", "lt_LT"],
    ["en", "en_GB"],
  ] as const)("gives Open Graph and Twitter tags in %s", async (language, ogLocale) => {
    const response = await fetch(`${server.url}/${language}/campaigns/free-them-all`);
    expect(response.status).toBe(200);
    const html = await readHtml(response);
    const canonical = `${publicUrl}/${language}/campaigns/free-them-all`;

    expect(metaContent(html, "property", "og:title")).toEqual([escapeHtml(demoCampaign.title[language])]);
    expect(metaContent(html, "property", "og:description")).toEqual([escapeHtml(demoCampaign.summary[language])]);
    expect(metaContent(html, "property", "og:type")).toEqual(["website"]);
    expect(metaContent(html, "property", "og:site_name")).toEqual(["Listy"]);
    expect(metaContent(html, "property", "og:url")).toEqual([canonical]);
    expect(metaContent(html, "property", "og:locale")).toEqual([ogLocale]);
    expect(metaContent(html, "property", "og:locale:alternate").sort()).toEqual(
      ["be_BY", "ru_RU", "uk_UA", "pl_PL", "lt_LT", "en_GB"].filter((code) => code !== ogLocale).sort(),
    );
    // The generated, text-only share image on the public origin (tests/integration/share-tags.test.ts).
    expect(metaContent(html, "property", "og:image")).toEqual([`${canonical}/share.png`]);
    expect(metaContent(html, "name", "twitter:card")).toEqual(["summary_large_image"]);
    expect(metaContent(html, "name", "twitter:title")).toEqual([escapeHtml(demoCampaign.title[language])]);
    expect(metaContent(html, "name", "twitter:description")).toEqual([escapeHtml(demoCampaign.summary[language])]);

    // Canonical and every hreflang alternate are absolute and on the public origin.
    expect(html).toContain(`<link rel="canonical" href="${canonical}"/>`);
    for (const alternate of supportedLanguages) {
      expect(html).toContain(`hrefLang="${alternate}" href="${publicUrl}/${alternate}/campaigns/free-them-all"`);
    }
    // Nothing in the head points to another site.
    const head = html.slice(0, html.indexOf("</head>"));
    const absolute = [...head.matchAll(/(?:href|content)="(https?:\/\/[^"]*)"/g)].map((match) => match[1]!);
    expect(absolute.length).toBeGreaterThan(7);
    for (const address of absolute) expect(address.startsWith(`${publicUrl}/`), address).toBe(true);
  });

  it("gives the campaign list a canonical URL and hreflang alternates on the public origin", async () => {
    const html = await readHtml(await fetch(`${server.url}/lt/campaigns`));
    expect(html).toContain(`<link rel="canonical" href="${publicUrl}/lt/campaigns"/>`);
    expect(html).toContain(`hrefLang="be" href="${publicUrl}/be/campaigns"`);
  });
});
