// What the campaign pages of the back office show: who may come in, the list, and one
// campaign with its workflow buttons, its pending revisions (as diffs) and recent decisions.
import type { Language } from "~/i18n";
import { statusStaleAfterDays } from "~/prisoners/status-settings.server";
import { noStore, requireStaff, staffNavFor, type StaffSessionState } from "~/staff/accounts/session.server";
import { can } from "~/staff/permissions";
import { staleProfilesAmong } from "~/staff/profiles/prisoner-profile.server";
import { formatDate } from "~/utils/format";
import { supportedLanguages } from "~/i18n";
import { targetsWithoutTemplate, unreachableTargets } from "~/staff/officials/officials.server";
import { getFixedT } from "~/utils/i18next.server";
import { getPrisma } from "~/utils/database.server";

import { diffCampaignValues } from "./campaign-diff";
import { embedSettings } from "./campaign-embed.server";
import { TEMPLATE_PARTS, templateKey, type CampaignFormValues } from "./campaign-form";
import { findStaffCampaign, listEditorOptions, listStaffCampaigns, type EditorOption } from "./campaign-editor.server";
import { isRevisionStale, mayDecideRevision, mayWithdrawRevision } from "./campaign-revision-state";
import { listPendingRevisions, listRecentDecisions } from "./campaign-revision.server";
import { editNeedsReview, mayWorkOnCampaigns } from "./campaign-state";

/** The signed-in staff member, if they work with campaigns at all (403 otherwise). */
export async function requireCampaignStaff(request: Request): Promise<StaffSessionState> {
  const state = await requireStaff(request);
  if (!mayWorkOnCampaigns(state.actor)) throw new Response("Forbidden", { status: 403, headers: noStore });
  return state;
}

/** One campaign as the actor may see it; 404 when there is none or they may not see it. */
export async function requireStaffCampaign(state: StaffSessionState, id: string, language: Language) {
  const campaign = await findStaffCampaign(state.actor, id, language);
  if (!campaign) throw new Response("Not Found", { status: 404, headers: noStore });
  return campaign;
}

export async function campaignListPage(state: StaffSessionState, language: Language) {
  const [campaigns, t] = await Promise.all([listStaffCampaigns(state.actor, language), getFixedT(language, ["common", "campaign-editor"])]);
  return {
    nav: staffNavFor(state, language),
    language,
    campaigns,
    mayCreate: can(state.actor, "campaign:create"),
    meta: { title: t("common:page-title", { page: t("campaign-editor:list.title") }) },
  };
}

/** The preview of the public page in each language: of a pending revision, or of the campaign itself (a draft). */
export function previewLanguages(campaignId: string, revisionId: string | null, current: Language | null) {
  return supportedLanguages.map((code) => ({
    code,
    href: `/${code}/staff/campaigns/${campaignId}/preview${revisionId ? `?revision=${encodeURIComponent(revisionId)}` : ""}`,
    current: code === current,
  }));
}

/** `siteOrigin`: Listy's own origin, for the embed's code and which partner origins are accepted. */
export async function campaignEditorPage(state: StaffSessionState, id: string, language: Language, siteOrigin: string) {
  const campaign = await requireStaffCampaign(state, id, language);
  const [pending, decisions] = await Promise.all([listPendingRevisions(campaign.id), campaign.may.edit ? listRecentDecisions(campaign.id) : Promise.resolve([])]);
  const [options, t] = await Promise.all([
    campaign.may.edit || pending.length > 0 ? listEditorOptions(language) : Promise.resolve({ prisoners: [] as EditorOption[], officials: [] as EditorOption[] }),
    getFixedT(language, ["common", "campaign-editor"]),
  ]);
  const labels = { prisoners: new Map(options.prisoners.map((option) => [option.id, option.label])), officials: new Map(options.officials.map((option) => [option.id, option.label])) };
  const day = (date: Date) => formatDate(date.toISOString().slice(0, 10), "DAY", language);
  // Warned about, not refused: publishing with a stale status is allowed, but the site will
  // show it as "last reported" and act on letters as "unknown", so the reviewer should know.
  const memberIds = [...new Set([...campaign.values.prisoners, ...pending.flatMap((revision) => revision.values.prisoners)])];
  const stale = new Map((await staleProfilesAmong(memberIds, language)).map((profile) => [profile.id, profile]));
  const staleAmong = (ids: readonly string[]) => ids.flatMap((id) => (stale.has(id) ? [stale.get(id)!] : []));
  const revisions = pending.map((revision) => ({
    id: revision.id,
    staleMembers: staleAmong(revision.values.prisoners),
    author: revision.author,
    date: day(revision.createdAt),
    stale: isRevisionStale(revision, campaign),
    rows: diffCampaignValues(campaign.values, revision.values, labels),
    may: { decide: mayDecideRevision(state.actor, revision), withdraw: mayWithdrawRevision(state.actor, revision) },
    preview: previewLanguages(campaign.id, revision.id, null),
  }));
  return {
    nav: staffNavFor(state, language),
    language,
    campaign,
    targetWarnings: await targetWarnings(campaign.values, language),
    needsReview: editNeedsReview(campaign),
    staleMembers: staleAmong(campaign.values.prisoners),
    staleAfterDays: statusStaleAfterDays(),
    revisions,
    // Before publication the review is of the campaign itself: its public page as it will be.
    draftPreview: campaign.status === "DRAFT" || campaign.status === "IN_REVIEW" ? previewLanguages(campaign.id, null, null) : null,
    decisions: decisions.map((decision) => ({ ...decision, decidedAt: day(decision.decidedAt) })),
    embed: await embedSettings(state.actor, campaign, language, siteOrigin),
    ...options,
    meta: { title: t("common:page-title", { page: campaign.title ?? campaign.slug }) },
  };
}

/**
 * Warned about while editing (publishing refuses only the unreachable ones): targets whose own
 * language has no appeal text in the campaign (their letters would be in another language),
 * and targets that no appeal could reach yet.
 */
async function targetWarnings(values: CampaignFormValues, language: Language) {
  const templateLocales = supportedLanguages.filter((locale) => TEMPLATE_PARTS.some((part) => (values.texts[templateKey(locale, part)] ?? "").trim() !== ""));
  const [noTemplate, noChannel] = await Promise.all([targetsWithoutTemplate(values.targets, templateLocales, language), unreachableTargets(getPrisma(), values.targets, language)]);
  return {
    noTemplate: noTemplate.map((target) => ({ name: target.name, language: new Intl.DisplayNames([language], { type: "language" }).of(target.language) ?? target.language })),
    noChannel,
  };
}
