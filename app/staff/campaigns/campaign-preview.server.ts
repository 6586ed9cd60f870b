// The public campaign page as it will look, for the moderators who decide: with a pending
// revision's texts, people, targets, goal and deadline over the campaign, or a draft's own
// content before it is published. Staff only, never stored by any cache (no-store, and the
// page cache never keeps a response to a signed-in request).
import { loadCampaignFollowing } from "~/campaigns/campaign-feeds.server";
import type { CampaignPreviewContent } from "~/campaigns/campaign.server";
import { loadCampaignPreviewPage } from "~/campaigns/campaign-page.server";
import { supportedLanguages, type Language } from "~/i18n";
import { noStore, type StaffSessionState } from "~/staff/accounts/session.server";
import { getFixedT } from "~/utils/i18next.server";

import { previewLanguages, requireStaffCampaign } from "./campaign-editor-page.server";
import { TEXT_FIELDS, textKey, type CampaignFormValues } from "./campaign-form";
import { listPendingRevisions } from "./campaign-revision.server";

const notFound = () => new Response("Not Found", { status: 404, headers: noStore });

/**
 * What the preview shows, read leniently from the editor's values: a draft may still be
 * incomplete, and the page should show what is there rather than refuse.
 */
export function previewContentOf(values: CampaignFormValues): CampaignPreviewContent {
  const goal = /^\d{1,8}$/.test(values.goal) && Number(values.goal) > 0 ? Number(values.goal) : null;
  const deadline = /^\d{4}-\d{2}-\d{2}$/.test(values.deadline) ? new Date(`${values.deadline}T00:00:00Z`) : null;
  const text = (field: (typeof TEXT_FIELDS)[number], language: Language) => (values.texts[textKey(field, language)] ?? "").trim();
  return {
    goal,
    deadline: deadline && !Number.isNaN(deadline.getTime()) ? deadline : null,
    translations: supportedLanguages.map((locale) => ({ locale, title: text("title", locale), summary: text("summary", locale), ask: text("ask", locale) })),
    prisonerIds: [...new Set(values.prisoners)],
    targetIds: [...new Set(values.targets)],
  };
}

/** The preview page's data: the public page's view-model, and the frame around it. */
export async function campaignPreviewPage(state: StaffSessionState, id: string, revisionId: string | null, language: Language, origin: string) {
  const campaign = await requireStaffCampaign(state, id, language);
  let values = campaign.values;
  if (revisionId !== null) {
    const revision = (await listPendingRevisions(campaign.id)).find((pending) => pending.id === revisionId);
    if (!revision) throw notFound();
    values = revision.values;
  }
  const [page, following, t] = await Promise.all([
    loadCampaignPreviewPage(campaign.id, previewContentOf(values), language),
    loadCampaignFollowing(campaign.slug, language, origin),
    getFixedT(language, ["common", "campaign-editor"]),
  ]);
  return {
    ...page,
    following,
    preview: {
      kind: revisionId !== null ? ("revision" as const) : ("draft" as const),
      review: `/${language}/staff/campaigns/${campaign.id}`,
      languages: previewLanguages(campaign.id, revisionId, language),
    },
    meta: { title: t("common:page-title", { page: t("campaign-editor:preview.title") }) },
  };
}
