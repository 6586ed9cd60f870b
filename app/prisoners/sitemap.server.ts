import { supportedLanguages } from "~/i18n";
import { cachedUntilContentChanges } from "~/utils/content-revision.server";
import { getPrisma } from "~/utils/database.server";

/** Every public page, once per language: what search engines and archivers should find. */
export const listPublicPaths = cachedUntilContentChanges(readListPublicPaths);

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
