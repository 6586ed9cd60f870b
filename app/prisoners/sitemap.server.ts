import { supportedLanguages } from "~/i18n";
import { cachedUntilContentChanges } from "~/utils/content-revision.server";
import { getPrisma } from "~/utils/database.server";

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

/** The sitemap of every public page, with each page's other languages as alternates. */
export async function sitemapXml(origin: string): Promise<string> {
  const groups = await listPublicPaths();
  const urls = groups.flatMap((group) =>
    group.map((path) => {
      const alternates = group
        .map((alternate, index) => `<xhtml:link rel="alternate" hreflang="${supportedLanguages[index]}" href="${escapeXml(origin + alternate)}"/>`)
        .join("");
      return `<url><loc>${escapeXml(origin + path)}</loc>${alternates}</url>`;
    }),
  );
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n` +
    `${urls.join("\n")}\n</urlset>\n`
  );
}
