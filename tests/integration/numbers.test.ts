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
    // Months in Belarusian, the year under the first tick and under January only. The axis
    // starts in January 2024: the 2024 figure is drawn across the whole year.
    expect(prisoners).toMatch(/font-size="12">сту<tspan [^>]*>2024<\/tspan><\/text>/);
    expect(prisoners).toMatch(/font-size="12">ліп<\/text>/);
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

  // The Guardian dates its 1,168 only to September 2025; IPS dates its 1,184 to 18 September.
  // Which came first is not known, so no line may join them. Written out by hand per language.
  const precision = {
    en: {
      guardian: "Political prisoners: 1,168 people, September 2025",
      ips: "Political prisoners: 1,184 people, September 18, 2025",
      july: "Political prisoners: 1,174 people, July 2025",
      month: "Date known only to the month (the bar spans the whole month)",
      year: "Date known only to the year (the bar spans the whole year)",
    },
    be: {
      guardian: "Палітвязні: 1168 чалавек, верасень 2025",
      ips: "Палітвязні: 1184 чалавекі, 18 верасня 2025 г.",
      july: "Палітвязні: 1174 чалавекі, ліпень 2025",
      month: "Дата вядомая толькі з дакладнасцю да месяца (адрэзак ахоплівае ўвесь месяц)",
      year: "Дата вядомая толькі з дакладнасцю да года (адрэзак ахоплівае ўвесь год)",
    },
  } as const;

  it.each(["en", "be"] as const)("draws a figure dated only to a month as a bar across it, never joined to a day inside it (%s)", async (language) => {
    const html = await page(`/${language}/about/numbers`);
    const chart = /<svg class="figure-chart__svg"[^>]*aria-labelledby="chart-prisoners-title"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
    const legendPart = /^<ul class="figure-chart__legend">[\s\S]*?<\/ul>/.exec(html.slice(html.indexOf(chart) + chart.length))?.[0] ?? "";
    const strings = precision[language];

    const prisonerFigures = demoFigures.filter((figure) => figure.metric === "POLITICAL_PRISONERS");
    for (const kind of ["MONTH", "YEAR"] as const) {
      const expected = prisonerFigures.filter((figure) => figure.observedPrecision === kind).length;
      expect(expected).toBeGreaterThan(0);
      expect(chart.match(new RegExp(`<path class="figure-chart__range" d="[^"]+" fill="none" data-precision="${kind}"`, "g"))).toHaveLength(expected);
    }
    expect(chart).not.toMatch(/<path class="figure-chart__range"[^>]*data-precision="DAY"/);
    // The legend explains both kinds of bar.
    expect(text(legendPart)).toContain(strings.month);
    expect(text(legendPart)).toContain(strings.year);

    // Each point says its date as exactly as it is known, and the line joins only known orders.
    const markerOf = (label: string) => {
      const found = new RegExp(`<title>${label}</title>(?:<path class="figure-chart__range"[^>]*></path>)?<circle [^>]*cx="([\\d.]+)" cy="([\\d.]+)"`).exec(chart);
      expect(found, label).not.toBeNull();
      return `${found![1]},${found![2]}`;
    };
    const d = /<path class="figure-chart__line" d="([^"]*)"/.exec(chart)?.[1] ?? "";
    const segments: string[] = [];
    let last = "";
    for (const [, command, where] of d.matchAll(/([ML])([\d.]+,[\d.]+)/g)) {
      if (command === "L") segments.push(`${last} ${where}`, `${where} ${last}`);
      last = where!;
    }
    const [guardian, ips, july] = [markerOf(strings.guardian), markerOf(strings.ips), markerOf(strings.july)];
    expect(segments).not.toContain(`${guardian} ${ips}`);
    expect(segments).toContain(`${july} ${guardian}`);
    expect(segments).toContain(`${july} ${ips}`);
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
