import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { supportedLanguages, type Language } from "~/i18n";

import { demoFigures, demoSources } from "../../prisma/demo-data";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

const get = (path: string) => fetch(`${server.url}${path}`, { redirect: "manual" });
/**
 * The page's HTML without NUL bytes: React 18.3's streaming renderer can pad a chunk with
 * them (facebook/react#24985). That is checked on its own below, so that a content
 * assertion here fails only for a content reason.
 */
const page = async (path: string) => (await (await get(path)).text()).replaceAll("\0", "");

/** Text with tags removed and entities that React writes decoded, spaces normalised. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/[\s\u00a0\u202f]+/g, " ");
}

function tableBodyRows(html: string): string[] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "";
  return body.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
}

// Written out by hand, not computed with the code under test: the 1,184 count of
// 18 September 2025 (IPS, counted by Viasna) as each language must print it.
const headline: Record<Language, { value: string; date: string; metric: string; counter: string }> = {
  en: { value: "1,184 people", date: "September 18, 2025", metric: "Political prisoners", counter: "Viasna" },
  be: { value: "1184 чалавекі", date: "18 верасня 2025 г.", metric: "Палітвязні", counter: "«Вясна»" },
  ru: { value: "1 184 человека", date: "18 сентября 2025 г.", metric: "Политзаключённые", counter: "«Весна»" },
  uk: { value: "1 184 людини", date: "18 вересня 2025 р.", metric: "Політв’язні", counter: "«Весна»" },
  pl: { value: "1184 osoby", date: "18 września 2025", metric: "Więźniowie polityczni", counter: "Wiasna" },
  lt: { value: "1 184 žmonės", date: "2025 m. rugsėjo 18 d.", metric: "Politiniai kaliniai", counter: "„Viasna“" },
};

describe("the numbers page", () => {
  it.each(supportedLanguages)("lists every reported figure in %s, oldest first, with its source", async (language) => {
    const response = await get(`/${language}/about/numbers`);
    expect(response.status).toBe(200);
    const html = (await response.text()).replaceAll("\0", "");
    expect(html).toContain(`<html lang="${language}"`);

    const rows = tableBodyRows(html);
    expect(rows).toHaveLength(demoFigures.length);
    expect(rows).toHaveLength(13);
    for (const row of rows) {
      expect(row).toMatch(/^<tr><th scope="row">/);
      expect(row).toContain('<cite class="source">');
    }
    expect(html.match(/<th scope="col">/g)).toHaveLength(5);
    expect(html).toMatch(/<table><caption id="numbers-table-caption">[^<]+<\/caption>/);

    // The 1,184 figure, with its date as exactly as it is known, its counter and its report.
    const expected = headline[language];
    const row = rows.map(text).find((candidate) => candidate.includes(expected.value.replace(/[\s\u00a0\u202f]+/g, " ")));
    expect(row, `a row with ${expected.value}`).toBeDefined();
    expect(row).toContain(expected.metric);
    expect(row).toContain(expected.date);
    // The counting organisation is named in the reader's language.
    expect(row).toContain(expected.counter);
    expect(row).toContain("Inter Press Service");
    expect(row).toContain("Belarus Prisoner Release a Diversion, Say Rights Activists");

    // Every report behind a figure is named.
    const cited = new Set(demoFigures.map((figure) => figure.source));
    for (const source of demoSources.filter((candidate) => cited.has(candidate.key))) {
      expect(text(html)).toContain(source.publication);
    }

    // Sorted by date: the 2024 figures first, the 18 September 2025 count among the last.
    const rowTexts = rows.map(text);
    const firstYear = rowTexts.findIndex((candidate) => candidate.includes("2024"));
    expect(firstYear).toBe(0);
    expect(rowTexts.findIndex((candidate) => candidate === row)).toBeGreaterThan(rowTexts.length - 3);
  });

  it("says “more than” and “at least” in words, with the right plural form", async () => {
    const en = text(await page("/en/about/numbers"));
    expect(en).toContain("more than 1,400 people");
    expect(en).toContain("at least 5 people");
    expect(en).toContain("at least 27 people");
    const ru = text(await page("/ru/about/numbers"));
    expect(ru).toContain("более 1 400 человек");
    expect(ru).toContain("не менее 8 человек");
    expect(ru).toContain("1 174 человека");
    const be = text(await page("/be/about/numbers"));
    expect(be).toContain("больш за 1400 чалавек");
    expect(be).toContain("52 чалавекі");
    expect(be).toContain("25 чалавек");
    const pl = text(await page("/pl/about/numbers"));
    expect(pl).toContain("ponad 100 osób");
    expect(pl).toContain("co najmniej 60 osób");
    expect(pl).toContain("52 osoby");
  });

  it("says when a report does not name who counted", async () => {
    const rows = tableBodyRows(await page("/en/about/numbers")).map(text);
    const unnamed = demoFigures.filter((figure) => figure.countedBy === null).length;
    expect(unnamed).toBeGreaterThan(0);
    expect(rows.filter((row) => row.includes("Not named in the report"))).toHaveLength(unnamed);
  });

  it("draws the charts on the server as named SVG images with their own labels", async () => {
    const html = await page("/be/about/numbers");
    const svgs = html.match(/<svg class="figure-chart__svg"[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(2);
    const [prisoners, flows] = svgs as [string, string];
    expect(prisoners).toMatch(/role="img" aria-labelledby="chart-prisoners-title" aria-describedby="chart-prisoners-desc"/);
    expect(prisoners).toContain('<title id="chart-prisoners-title">Колькасць палітвязняў у Беларусі паводле апублікаваных звестак</title>');
    // The description gives the span in Belarusian: from the 2024 count to 18 September 2025.
    expect(prisoners).toMatch(/<desc id="chart-prisoners-desc">[^<]*2024 – 18 верасня 2025 г\.[^<]*<\/desc>/);
    const politicalPrisoners = demoFigures.filter((figure) => figure.metric === "POLITICAL_PRISONERS");
    expect(prisoners.match(/class="figure-chart__point"/g)).toHaveLength(politicalPrisoners.length);
    expect(prisoners).toContain("figure-chart__marker--more-than");
    expect(prisoners).toMatch(/font-size="12">0<\/text>/);
    expect(prisoners).toMatch(/font-size="12">1500<\/text>/);
    // Months in Belarusian, the year under the first tick and under January only.
    expect(prisoners).toMatch(/font-size="12">ліп<tspan [^>]*>2024<\/tspan><\/text>/);
    expect(prisoners).toMatch(/font-size="12">кас<\/text>/);
    expect(prisoners).toMatch(/font-size="12">сту<tspan [^>]*>2025<\/tspan><\/text>/);

    const flowFigures = demoFigures.filter((figure) => figure.metric === "RELEASED" || figure.metric === "ARRESTED");
    expect(flows.match(/class="figure-chart__point"/g)).toHaveLength(flowFigures.length);
    expect(flows).toContain("&gt;100");
    expect(flows).toMatch(/font-size="12">11 вер<tspan [^>]*>2025<\/tspan><\/text>/);
    expect(flows).toContain("≥60");

    for (const markup of svgs) {
      expect(markup).not.toMatch(/NaN|Infinity|undefined/);
      expect(markup).not.toContain("style=");
    }
    expect(html).not.toMatch(/ style="/);
  });

  it("has a translated title, description, canonical link and hreflang alternates", async () => {
    const html = await page("/uk/about/numbers");
    expect(html).toContain("<title>Цифри: політв’язні в Білорусі в динаміці · Listy</title>");
    expect(html).toMatch(/<meta name="description" content="Скільки політв’язнів[^"]+"/);
    expect(html).toMatch(/<link rel="canonical" href="http:\/\/127\.0\.0\.1:\d+\/uk\/about\/numbers"/);
    for (const language of supportedLanguages) {
      expect(html).toMatch(new RegExp(`<link rel="alternate" hrefLang="${language}" href="[^"]+/${language}/about/numbers"`));
    }
    expect(html).toContain('hrefLang="x-default"');
  });

  it.each(supportedLanguages)("sends clean UTF-8 in %s, without NUL bytes", async (language) => {
    const bytes = new Uint8Array(await (await get(`/${language}/about/numbers`)).arrayBuffer());
    expect(bytes.indexOf(0), "position of the first NUL byte").toBe(-1);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).not.toThrow();
  });

  it("answers an unknown language with a 404, not an error", async () => {
    const response = await get("/xx/about/numbers");
    expect(response.status).toBe(404);
  });
});
