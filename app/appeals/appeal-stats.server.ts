// Per-target response figures for the campaign page, keyed by the official's slug.
import { getPrisma } from "~/utils/database.server";

import { listTargetResponseStats } from "./appeal.server";

export interface TargetResponseStats {
  sent: number;
  replied: number;
  noReply: number;
}

export async function responseStatsBySlug(campaignSlug: string): Promise<Record<string, TargetResponseStats>> {
  const campaign = await getPrisma().campaign.findUnique({
    where: { slug: campaignSlug },
    select: { id: true, targets: { select: { official: { select: { id: true, slug: true } } } } },
  });
  if (!campaign) return {};
  const slugs = new Map(campaign.targets.map(({ official }) => [official.id, official.slug]));
  const result: Record<string, TargetResponseStats> = {};
  for (const { officialId, sent, replied, noReply } of await listTargetResponseStats(campaign.id)) {
    const slug = slugs.get(officialId);
    if (slug) result[slug] = { sent, replied, noReply };
  }
  return result;
}
