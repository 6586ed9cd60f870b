import { supportedLanguages } from "~/i18n";
import { cachedUntilContentChanges } from "~/utils/content-revision.server";
import { getPrisma } from "~/utils/database.server";
import { taggedXml, type TaggedXml } from "~/utils/xml-response.server";

import { listLimits } from "./list-limits.server";

/** Every public page, once per language: what search engines and archivers should find. */
export const listPublicPaths = cachedUntilContentChanges(readListPublicPaths, { countersShown: false });

async function readListPublicPaths(): Promise<string[][]> {
  const prisma = getPrisma();
  const [prisoners, campaigns] = await Promise.all([
    prisma.prisoner.findMany({ where: { draft: false }, select: { slug: true }, orderBy: { slug: "asc" } }),
    prisma.campaign.findMany({ where: { status: { in: ["PUBLISHED", "CLOSED"] } }, select: { slug: true }, orderBy: { slug: "asc" } }),
  ]);
  const tails = [
    "",
    "prisoners",
    "campaigns",
    "birthdays",
    "about/numbers",
    "about/translate",
    ...prisoners.map((prisoner) => `prisoners/${prisoner.slug}`),
    ...campaigns.map((campaign) => `campaigns/${campaign.slug}`),
  ];
  // One group per page: the same page in each language, for hreflang alternates.
  return tails.map((tail) => supportedLanguages.map((language) => `/${language}/${tail}`));
}

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[char]!);

/** The public pages split into files of at most `sitemapUrlsPerFile` URLs, a page's languages kept together. */
async function sitemapParts(urlsPerFile: number): Promise<string[][][]> {
  const groups = await listPublicPaths();
  const groupsPerFile = Math.max(1, Math.floor(urlsPerFile / supportedLanguages.length));
  const parts: string[][][] = [];
  for (let start = 0; start < groups.length; start += groupsPerFile) parts.push(groups.slice(start, start + groupsPerFile));
  return parts;
}

/**
 * /sitemap.xml: a sitemap index naming the files of pages (/sitemaps/1.xml, …), so that no file
 * passes the protocol's limits however many people the site lists. Made once per content
 * revision and origin.
 */
export function sitemapIndexXml(origin: string): Promise<TaggedXml> {
  return readSitemapIndex(origin, listLimits().sitemapUrlsPerFile);
}

const readSitemapIndex = cachedUntilContentChanges(async (origin: string, urlsPerFile: number): Promise<TaggedXml> => {
  const parts = await sitemapParts(urlsPerFile);
  const entries = parts.map((_, index) => `<sitemap><loc>${escapeXml(`${origin}/sitemaps/${index + 1}.xml`)}</loc></sitemap>`);
  return taggedXml(
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</sitemapindex>\n`
  );
}, { countersShown: false });

/** One file of the sitemap (numbered from 1), with each page's other languages as alternates; null past the last. */
export function sitemapPartXml(origin: string, part: number): Promise<TaggedXml | null> {
  return readSitemapPart(origin, part, listLimits().sitemapUrlsPerFile);
}

const readSitemapPart = cachedUntilContentChanges(async (origin: string, part: number, urlsPerFile: number): Promise<TaggedXml | null> => {
  const groups = (await sitemapParts(urlsPerFile))[part - 1];
  if (!groups) return null;
  const urls = groups.flatMap((group) =>
    group.map((path) => {
      const alternates = group
        .map((alternate, index) => `<xhtml:link rel="alternate" hreflang="${supportedLanguages[index]}" href="${escapeXml(origin + alternate)}"/>`)
        .join("");
      return `<url><loc>${escapeXml(origin + path)}</loc>${alternates}</url>`;
    }),
  );
  return taggedXml(
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n` +
    `${urls.join("\n")}\n</urlset>\n`
  );
}, { countersShown: false });
