// A campaign's embed: the small page partner sites put in an <iframe>
// (/:lang/campaigns/:slug/embed). Title, counts, the pledge form (posted back to the embed, so
// the answer shows inside the frame) and links that open Listy. It works without JavaScript,
// loads nothing from anywhere but Listy and sets no cookie (server/app.ts leaves the language
// cookie off for it). Only the origins the campaign lists may frame it: server/app.ts sends
// `frame-ancestors` from embedFrameAncestors() with every embed response.
import type { Language } from "~/i18n";
import { campaignPledgeBox } from "~/pledges/pledge-box.server";
import { submitPledgeForm, type PledgeFormPage } from "~/pledges/submit-pledge.server";
import { getPrisma } from "~/utils/database.server";
import { formFields } from "~/utils/form-fields";
import { formatPersonName } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { requireFound } from "~/utils/route.server";
import { SLUG_PATTERN } from "~/utils/slug";

import { findPublicCampaign, withDisplayFigures } from "./campaign.server";

/** The embed's address; server/app.ts picks the framing policy by it. */
export const EMBED_PATH = /^\/([a-z]{2})\/campaigns\/([^/]+)\/embed\/?$/;
export const embedPath = (language: string, slug: string) => `/${language}/campaigns/${slug}/embed`;
/** The query parameter in a partner's embed code, and the form field the embed writes it into. */
export const EMBED_PARTNER_FIELD = "partner";

export type EmbedResult = "active" | "pending" | "posted";
const EMBED_RESULTS: readonly EmbedResult[] = ["active", "pending", "posted"];

/**
 * The origins allowed to frame this campaign's embed; none for an unknown or unpublished
 * campaign. Read on every embed response (one indexed row): a change applies at once, and the
 * page cache, which keeps only bodies, never holds a policy.
 */
export async function embedFrameAncestors(slug: string): Promise<string[]> {
  if (!SLUG_PATTERN.test(slug) || slug.length > 120) return [];
  const row = await getPrisma().campaign.findUnique({ where: { slug }, select: { status: true, embedOrigins: true } });
  if (!row || (row.status !== "PUBLISHED" && row.status !== "CLOSED")) return [];
  return row.embedOrigins ?? [];
}

export function embedResultOf(value: string | null): EmbedResult | null {
  return EMBED_RESULTS.find((result) => result === value) ?? null;
}

/** The embed's view-model; `form` is a posted form shown again with its problems. */
export async function loadEmbedPage(
  slug: string,
  language: Language,
  { result = null, form = null, partner = null }: { result?: EmbedResult | null; form?: PledgeFormPage | null; partner?: string | null } = {},
) {
  const [t, campaign, pledges, origins] = await Promise.all([
    getFixedT(language, ["campaigns", "common"]),
    findPublicCampaign(slug, language).then(requireFound),
    campaignPledgeBox(slug, language),
    embedFrameAncestors(slug),
  ]);
  const title = campaign.title?.text ?? t("campaigns:untitled");
  return {
    language,
    campaign: {
      ...withDisplayFigures(campaign, language),
      prisoners: campaign.prisoners.map((prisoner) => ({ slug: prisoner.slug, displayName: formatPersonName(prisoner.name) })),
      appeal: campaign.status !== "CLOSED" && campaign.targets.length > 0,
    },
    pledges: form ? { ...pledges, ticket: form.ticket } : pledges,
    form: form ? { values: form.values, errors: form.errors, problem: form.problem } : null,
    result,
    // Written into the form only when it is one of the campaign's partners.
    partner: partner !== null && origins.includes(partner) ? partner : null,
    meta: { title: t("campaigns:embed.meta-title", { title }) },
  };
}

/** A form answer names the partner it came through, so the embed shown again keeps it. */
export type EmbedSubmission = { kind: "result"; location: string } | { kind: "form"; page: PledgeFormPage; partner: string | null };

/**
 * A pledge posted from the embed: only to this campaign (the form's own target fields are
 * replaced), answered with the embed again, inside the frame: its result, or the form with
 * what was typed and what was wrong.
 */
export async function submitEmbedPledge(slug: string, language: Language, form: FormData, publicOrigin: string): Promise<EmbedSubmission> {
  form.set("campaign", slug);
  form.delete("prisoner");
  // Which partner's embed: as the embed page wrote it (never the Referer). Checked against the
  // campaign's list in the pledge's own statement; anything else counts for no partner.
  const partner = formFields(form).line(EMBED_PARTNER_FIELD, 201);
  const embedOrigin = partner && partner.length <= 200 ? partner : null;
  const submission = await submitPledgeForm(form, { language, publicOrigin, embedOrigin });
  if (submission.kind === "form") return { ...submission, partner: embedOrigin };
  const result = embedResultOf(new URL(submission.location, publicOrigin).searchParams.get("result")) ?? "active";
  return { kind: "result", location: `${embedPath(language, slug)}?result=${result}` };
}
