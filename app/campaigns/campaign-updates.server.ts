// Published campaign updates, as the public reads them: on the campaign's page (the newest few
// and a page of all), in its Atom feed, and in the site-wide updates feed. Only updates a
// moderator published (app/staff/campaigns/campaign-update-state.ts), only of public campaigns;
// each in the page's language with the same fallback as every campaign text (the reader's
// language, then English, then any), and told which language it is in. Made once per content
// revision: any write to an update drops the caches (triggers on both tables).
import type { Prisma } from "@prisma/client";

import type { Language } from "~/i18n";
import { buildAtomFeed, type AtomEntry } from "~/utils/atom.server";
import { cachedUntilContentChanges } from "~/utils/content-revision.server";
import { getPrisma } from "~/utils/database.server";
import { formatDate } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { localizedField, pickTranslation } from "~/utils/localized";
import type { TaggedXml } from "~/utils/xml-response.server";

/** How many updates the campaign page shows before "all updates". */
export const UPDATES_ON_CAMPAIGN_PAGE = 5;
/** How many updates one page of all updates, and one feed, carries (newest first). */
export const UPDATES_PER_LIST = 50;

export interface PublicUpdate {
  id: string;
  campaignSlug: string;
  campaignTitle: string | null;
  title: string;
  body: string;
  /** The language the title and body are written in (may differ from the page's). */
  locale: string;
  publishedAt: string;
}

const PUBLIC_CAMPAIGN: Prisma.CampaignWhereInput = { status: { in: ["PUBLISHED", "CLOSED"] } };

async function readUpdates(where: Prisma.CampaignUpdateWhereInput, language: Language, take: number): Promise<{ updates: PublicUpdate[]; total: number }> {
  // AND, not a spread: `campaign` in `where` (one campaign's slug) must not be replaced.
  const filter: Prisma.CampaignUpdateWhereInput = { AND: [where, { state: "PUBLISHED", publishedAt: { not: null }, campaign: PUBLIC_CAMPAIGN }] };
  const [rows, total] = await Promise.all([
    getPrisma().campaignUpdate.findMany({
      where: filter,
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      take,
      select: { id: true, publishedAt: true, translations: true, campaign: { select: { slug: true, translations: { select: { locale: true, title: true } } } } },
    }),
    getPrisma().campaignUpdate.count({ where: filter }),
  ]);
  return {
    total,
    updates: rows.flatMap((row) => {
      const translation = pickTranslation(row.translations, language);
      if (!translation || !row.publishedAt) return [];
      return [
        {
          id: row.id,
          campaignSlug: row.campaign.slug,
          campaignTitle: localizedField(row.campaign.translations, language, "title")?.text ?? null,
          title: translation.title,
          body: translation.body,
          locale: translation.locale,
          publishedAt: row.publishedAt.toISOString(),
        },
      ];
    }),
  };
}

/** The campaign's published updates, newest first, at most `take`, and how many there are. */
export const campaignUpdates = cachedUntilContentChanges(
  (slug: string, language: Language, take: number) => readUpdates({ campaign: { slug } }, language, take),
  { countersShown: false },
);

/** Every public campaign's latest published updates, newest first. */
const siteUpdates = cachedUntilContentChanges((language: Language) => readUpdates({}, language, UPDATES_PER_LIST), { countersShown: false });

/** What a page shows of one update: its date in the page's language. */
export function updateView(update: PublicUpdate, language: Language) {
  return { ...update, date: formatDate(update.publishedAt.slice(0, 10), "DAY", language) };
}

/** The campaign page's box: the newest few, and whether there are more. */
export async function campaignPageUpdates(slug: string, language: Language) {
  const { updates, total } = await campaignUpdates(slug, language, UPDATES_ON_CAMPAIGN_PAGE);
  return { items: updates.map((update) => updateView(update, language)), more: total > updates.length, all: `/${language}/campaigns/${slug}/updates` };
}

/** A stable id for an update's feed entry: the same in the campaign's feed and the site's (it is one entry). */
const entryId = (origin: string, language: Language, id: string) => `${origin}/${language}/updates.atom#update-${id}`;

/** An update as an Atom entry: its title, its text as the summary, its place on the list of all updates. */
export function updateEntry(update: PublicUpdate, language: Language, origin: string, title: string): AtomEntry {
  return {
    id: entryId(origin, language, update.id),
    title,
    updated: update.publishedAt,
    link: `${origin}/${language}/campaigns/${update.campaignSlug}/updates#update-${update.id}`,
    summary: update.body,
  };
}

/** /:lang/updates.atom: every public campaign's published updates, newest first. */
export async function siteUpdatesFeed(language: Language, origin: string): Promise<TaggedXml> {
  const [t, { updates }] = await Promise.all([getFixedT(language, ["reach", "campaigns", "common"]), siteUpdates(language)]);
  const selfUrl = `${origin}/${language}/updates.atom`;
  return buildAtomFeed({
    id: selfUrl,
    title: t("reach:updates.feed-title"),
    subtitle: t("reach:updates.feed-subtitle"),
    language,
    selfUrl,
    alternateUrl: `${origin}/${language}/campaigns`,
    authorName: t("common:site.name"),
    emptyUpdated: "2026-01-01T00:00:00Z",
    entries: updates.map((update) =>
      updateEntry(update, language, origin, t("reach:updates.site-entry-title", { campaign: update.campaignTitle ?? t("campaigns:untitled"), title: update.title })),
    ),
  });
}
