import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { supportedLanguages } from "~/i18n";

import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ PUBLIC_URL: "https://listy.example" });
});

afterAll(async () => {
  await server?.close();
});

const get = (path: string) => fetch(`${server.url}${path}`);

describe("site files", () => {
  it("sitemap.xml names sitemap files that list every public page in every language with hreflang alternates", async () => {
    const response = await get("/sitemap.xml");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/xml");
    const index = await response.text();
    // An index of files (scale.test.ts checks the split with thousands of people).
    expect(index).toContain("<sitemapindex");
    const files = [...index.matchAll(/<loc>https:\/\/listy\.example(\/sitemaps\/\d+\.xml)<\/loc>/g)].map((match) => match[1]!);
    expect(files).toEqual(["/sitemaps/1.xml"]);
    const part = await get(files[0]!);
    expect(part.headers.get("content-type")).toContain("application/xml");
    const xml = await part.text();
    const prisoners = await server.database.prisma.prisoner.count();
    const locs = xml.match(/<loc>[^<]+<\/loc>/g) ?? [];
    // 6 section pages + every prisoner + the demo campaign, each in six languages.
    expect(locs.length).toBe((6 + prisoners + 1) * supportedLanguages.length);
    expect(xml).toContain("<loc>https://listy.example/be/prisoners/maryia-kalesnikava</loc>");
    expect(xml).toContain('hreflang="lt" href="https://listy.example/lt/campaigns/free-them-all"');
    expect(xml).not.toContain("localhost");
  });

  it("robots.txt allows crawling and names the sitemap", async () => {
    const text = await (await get("/robots.txt")).text();
    expect(text).toContain("Allow: /");
    expect(text).toContain("Sitemap: https://listy.example/sitemap.xml");
  });

  it("the web app manifest is in the visitor's language and refers only to this site", async () => {
    const response = await get("/manifest.webmanifest");
    expect(response.headers.get("content-type")).toContain("application/manifest+json");
    const manifest = (await (await fetch(`${server.url}/manifest.webmanifest`, { headers: { "Accept-Language": "be" } })).json()) as {
      lang: string;
      start_url: string;
      icons: { src: string }[];
    };
    expect(manifest.lang).toBe("be");
    expect(manifest.start_url).toBe("/be/");
    for (const icon of manifest.icons) expect(icon.src.startsWith("/")).toBe(true);
  });
});
