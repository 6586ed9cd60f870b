// A campaign's share image: its title, progress towards the goal and summary, and the site.
import { createHash } from "node:crypto";

import type { Language } from "~/i18n";
import { cachedUntilContentChanges } from "~/utils/content-revision.server";
import { getFixedT } from "~/utils/i18next.server";
import { renderShareCard } from "~/utils/share-image.server";

import { loadCampaignPage } from "./campaign-page.server";

/** Made once per campaign, language and view version (counters move it at most once a second). */
export const campaignShareImage = cachedUntilContentChanges(readCampaignShareImage, { maxEntries: 200 });

async function readCampaignShareImage(slug: string, language: Language, origin: string) {
  const [t, page] = await Promise.all([getFixedT(language, "campaigns"), loadCampaignPage(slug, language)]);
  const { campaign } = page;
  const progress =
    campaign.goal !== null
      ? t("campaigns:progress.of-goal", { count: campaign.actionCount, number: campaign.displayActionCount, goal: campaign.displayGoal })
      : t("campaigns:progress.count", { count: campaign.actionCount, number: campaign.displayActionCount });
  const card = renderShareCard({
    heading: page.share.title,
    subheading: null,
    lines: [progress, page.share.description],
    footer: `${page.share.siteName} · ${new URL(origin).host}`,
  });
  return { ...card, etag: `"${createHash("sha256").update(card.png).digest("base64url").slice(0, 27)}"` };
}
