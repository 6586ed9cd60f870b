// The public campaign pages' view-models: the list, and one campaign with its people, its
// targets' appeal response figures and its pledge box, every number formatted for the page.
import { responseStatsBySlug } from "~/appeals/appeal-stats.server";
import type { Language } from "~/i18n";
import { campaignPledgeBox } from "~/pledges/pledge-box.server";
import { formatNumber, formatPersonName } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { requireFound } from "~/utils/route.server";

import { findPublicCampaign, listPublicCampaigns, previewCampaignDetail, withDisplayFigures, type CampaignDetail, type CampaignPreviewContent } from "./campaign.server";
import { campaignPageUpdates, campaignUpdates, updateView, UPDATES_PER_LIST } from "./campaign-updates.server";

export async function loadCampaignListPage(language: Language) {
  const [t, campaigns] = await Promise.all([getFixedT(language, "campaigns"), listPublicCampaigns(language)]);
  return {
    language,
    campaigns: campaigns.map((campaign) => withDisplayFigures(campaign, language)),
    meta: { title: t("campaigns:list.meta-title"), description: t("campaigns:list.meta-description") },
  };
}

export async function loadCampaignPage(slug: string, language: Language) {
  return campaignPageModel(findPublicCampaign(slug, language).then(requireFound), slug, language);
}

/**
 * The public page of a campaign as it would be with `content` (a pending revision's, or a
 * draft's own): the same view-model as loadCampaignPage, for the staff preview.
 */
export async function loadCampaignPreviewPage(id: string, content: CampaignPreviewContent, language: Language) {
  const campaign = await previewCampaignDetail(id, content, language).then(requireFound);
  return campaignPageModel(Promise.resolve(campaign), campaign.slug, language);
}

async function campaignPageModel(detail: Promise<CampaignDetail>, slug: string, language: Language) {
  const [t, campaign, stats, pledges, updates] = await Promise.all([
    getFixedT(language, ["campaigns", "common", "reach"]),
    detail,
    responseStatsBySlug(slug),
    campaignPledgeBox(slug, language),
    campaignPageUpdates(slug, language),
  ]);
  const title = campaign.title?.text ?? t("campaigns:untitled");
  const description = campaign.summary?.text ?? t("campaigns:detail.meta-description");
  return {
    language,
    campaign: {
      ...withDisplayFigures(campaign, language),
      prisoners: campaign.prisoners.map((prisoner) => ({ ...prisoner, displayName: formatPersonName(prisoner.name) })),
      targets: campaign.targets.map((target) => {
        const figures = stats[target.slug];
        // Numbers are formatted here, on the server (see withDisplayFigures).
        return {
          ...target,
          stats: figures
            ? {
                sent: figures.sent,
                replied: figures.replied,
                noReply: figures.noReply,
                sentText: formatNumber(figures.sent, language),
                repliedText: formatNumber(figures.replied, language),
                noReplyText: formatNumber(figures.noReply, language),
              }
            : null,
        };
      }),
    },
    pledges,
    updates,
    meta: { title: t("campaigns:detail.meta-title", { title }), description },
    share: { title, description, siteName: t("common:site.name") },
    feedTitle: t("reach:campaign-feed.link-title", { title }),
  };
}


/** /:lang/campaigns/:slug/updates: every published update of a public campaign, newest first. */
export async function loadCampaignUpdatesPage(slug: string, language: Language) {
  const [t, campaign, { updates, total }] = await Promise.all([
    getFixedT(language, ["campaigns", "reach"]),
    findPublicCampaign(slug, language).then(requireFound),
    campaignUpdates(slug, language, UPDATES_PER_LIST),
  ]);
  const title = campaign.title?.text ?? t("campaigns:untitled");
  return {
    language,
    campaign: { slug: campaign.slug, title, titleLocale: campaign.title?.locale ?? language },
    updates: updates.map((update) => updateView(update, language)),
    more: total > updates.length,
    meta: { title: t("reach:updates.page-meta-title", { title }), description: t("reach:updates.page-meta-description", { title }) },
  };
}
