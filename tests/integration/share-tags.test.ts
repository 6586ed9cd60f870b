// Link previews and the share block on public profiles and campaigns: Open Graph and Twitter
// card tags with the dated status, the canonical URL and the locales, and share links that
// load nothing from the networks they name.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Resvg } from "@resvg/resvg-js";

import { campaignShareImage } from "~/campaigns/share-card.server";
import { supportedLanguages } from "~/i18n";
import { profileShareImage } from "~/prisoners/share-card.server";

import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
const publicUrl = "https://listy.example";

beforeAll(async () => {
  server = await startTestServer({ PUBLIC_URL: publicUrl });
});

afterAll(async () => {
  await server?.close();
});

const page = async (path: string) => {
  await server.contentRevision.refresh();
  const response = await fetch(`${server.url}${path}`);
  expect(response.status, path).toBe(200);
  return response.text();
};

const decode = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#x27|#39);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#x27": "'", "#39": "'" })[name]!);

function meta(html: string, attribute: "property" | "name", key: string): string[] {
  const pattern = new RegExp(`<meta ${attribute}="${key.replaceAll(".", "\\.")}" content="([^"]*)"`, "g");
  return [...html.matchAll(pattern)].map((match) => decode(match[1]!));
}

/** Every address the page would load by itself (not links a reader may follow). */
function loadedAddresses(html: string): string[] {
  const loads = [...html.matchAll(/<(?:script|img|iframe|source|video|audio|embed|object)\b[^>]*\b(?:src|data|srcset)="([^"]*)"/g)].map((match) => match[1]!);
  const stylesheets = [...html.matchAll(/<link\b[^>]*rel="(?:stylesheet|preload|modulepreload|icon|manifest)"[^>]*href="([^"]*)"/g)].map((match) => match[1]!);
  return [...loads, ...stylesheets];
}

describe("a profile's link preview", () => {
  it.each(supportedLanguages)("in %s names the person and the status with its source and date, on the canonical URL", async (language) => {
    const html = await page(`/${language}/prisoners/siarhei-tsikhanouski`);
    const canonical = `${publicUrl}/${language}/prisoners/siarhei-tsikhanouski`;
    expect(html).toContain(`<link rel="canonical" href="${canonical}"/>`);
    expect(meta(html, "property", "og:url")).toEqual([canonical]);
    expect(meta(html, "property", "og:type")).toEqual(["profile"]);
    expect(meta(html, "property", "og:site_name")).toEqual(["Listy"]);
    const [title] = meta(html, "property", "og:title");
    expect(title).toBe(decode(/<h1 id="profile-name">([^<]+)<\/h1>/.exec(html)![1]!));
    expect(meta(html, "name", "twitter:title")).toEqual([title]);
    expect(meta(html, "name", "twitter:card")).toEqual(["summary_large_image"]);
    const [description] = meta(html, "property", "og:description");
    // The status is stated with its report: the source's name and a year.
    expect(description).toMatch(/^[^(]+ \(.+ \d{4}.*\)\./);
    expect(meta(html, "name", "twitter:description")).toEqual([description]);
    expect(meta(html, "property", "og:locale")).toHaveLength(1);
    expect(meta(html, "property", "og:locale:alternate")).toHaveLength(supportedLanguages.length - 1);
  });

  it("says the status as the page does, in English", async () => {
    const html = await page("/en/prisoners/siarhei-tsikhanouski");
    const [description] = meta(html, "property", "og:description");
    expect(description).toMatch(/^Released into exile \((as reported|last reported) by [^,]+, .*\d{4}(; not confirmed since)?\)\./);
  });
});

describe("the share block", () => {
  it.each([
    ["/be/prisoners/ales-bialiatski", "Падзяліцца"],
    ["/lt/campaigns/free-them-all", "Dalintis"],
    ["/en/prisoners/mikola-dziadok", "Share"],
  ])("on %s offers the canonical address to copy and plain links per network", async (path, heading) => {
    const html = await page(path);
    const url = `${publicUrl}${path}`;
    expect(html).toContain(`<h2 id="share-heading">${heading}</h2>`);
    expect(html).toContain(`<input id="share-url" class="share__url" type="url" readonly="" aria-describedby="share-hint" value="${url}"/>`);
    const encoded = encodeURIComponent(url);
    expect(html).toContain(`href="https://t.me/share/url?url=${encoded}&amp;text=`);
    expect(html).toContain(`href="https://www.facebook.com/sharer/sharer.php?u=${encoded}"`);
    expect(html).toMatch(/href="mailto:\?subject=[^"]+&amp;body=/);
    // Following a link tells the network nothing about where the reader came from.
    for (const link of html.matchAll(/<a href="https:\/\/[^"]+" rel="([^"]+)" data-network=/g)) expect(link[1]).toContain("noreferrer");
  });

  it("makes the page load nothing from another site", async () => {
    for (const path of ["/en/prisoners/ales-bialiatski", "/ru/campaigns/free-them-all"]) {
      const html = await page(path);
      const foreign = loadedAddresses(html).filter((address) => /^(https?:)?\/\//.test(address) && !address.startsWith(publicUrl));
      expect(foreign, path).toEqual([]);
    }
  });
});

describe("the share image", () => {
  /** Width and height from a PNG's IHDR chunk, after checking the signature. */
  function pngSize(bytes: Buffer): { width: number; height: number } {
    expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }

  it("of a profile is a 1200×630 PNG naming the person in both scripts with the dated status, and no photo", async () => {
    const html = await page("/en/prisoners/ales-bialiatski");
    expect(meta(html, "property", "og:image")).toEqual([`${publicUrl}/en/prisoners/ales-bialiatski/share.png`]);
    expect(meta(html, "name", "twitter:card")).toEqual(["summary_large_image"]);
    const response = await fetch(`${server.url}/en/prisoners/ales-bialiatski/share.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await response.arrayBuffer());
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });

    // The SVG it was rendered from names the person and states the status with its report.
    const { svg } = await profileShareImage("ales-bialiatski", "en", publicUrl);
    expect(svg).toContain(">Ales Bialiatski</text>");
    expect(svg).toContain(">Алесь Бяляцкі</text>");
    const [description] = meta(html, "property", "og:description");
    const status = description!.split(" (")[0]!;
    expect(svg).toContain(`>${status} (`);
    expect(svg).toMatch(/\d{4}/);
    expect(svg).not.toContain("<image");
    // Rendering that SVG again gives the same image that was served.
    const rendered = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"), require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")], defaultFontFamily: "DejaVu Sans" }, fitTo: { mode: "width", value: 1200 } }).render();
    expect(rendered.width).toBe(1200);
    expect(rendered.height).toBe(630);
    expect(Buffer.compare(Buffer.from(rendered.asPng()), png)).toBe(0);
  });

  it("of a campaign is a 1200×630 PNG with its title and progress, in the page's language", async () => {
    const response = await fetch(`${server.url}/be/campaigns/free-them-all/share.png`);
    expect(response.status).toBe(200);
    expect(pngSize(Buffer.from(await response.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
    const { svg } = await campaignShareImage("free-them-all", "be", publicUrl);
    expect(svg).toContain(">Вызваліце ўсіх</text>");
    expect(svg).toMatch(/з \d[\d\s]*<\/text>|дзеянн/);
    expect((await fetch(`${server.url}/be/campaigns/no-such-campaign/share.png`)).status).toBe(404);
  });
});
