// A prisoner's write / pledge box for partner sites (/:lang/prisoners/:slug/embed), in the
// shape of a campaign's embed (app/campaigns/embed.server.ts): name, the status with who
// reported it and when, "Can a letter arrive?" in one line, the pledge form (answered inside
// the frame) and links that open Listy. No cookie, noindex, nothing loaded from elsewhere.
// Prisoners list no partners of their own: the sites in PRISONER_EMBED_ORIGINS may frame any
// public profile's box, nobody else (server/app.ts; decision 0019).
import type { Language } from "~/i18n";
import { loadPrisonerPage } from "~/prisoners/prisoner-page.server";
import { getPrisma } from "~/utils/database.server";
import { formatPersonName } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { SLUG_PATTERN } from "~/utils/slug";

import { prisonerPledgeBox } from "./pledge-box.server";
import { submitPledgeForm, type PledgeFormPage } from "./submit-pledge.server";

/** The box's address; server/app.ts picks the framing policy by it. */
export const PRISONER_EMBED_PATH = /^\/([a-z]{2})\/prisoners\/([^/]+)\/embed\/?$/;
export const prisonerEmbedPath = (language: string, slug: string) => `/${language}/prisoners/${slug}/embed`;

export type PrisonerEmbedResult = "active" | "pending";
export const prisonerEmbedResultOf = (value: string | null): PrisonerEmbedResult | null => (value === "active" || value === "pending" ? value : null);

/** The configured partner origins for a public profile; none for a draft or unknown slug. */
export async function prisonerEmbedFrameAncestors(slug: string, configured: readonly string[]): Promise<string[]> {
  if (configured.length === 0 || !SLUG_PATTERN.test(slug) || slug.length > 120) return [];
  const row = await getPrisma().prisoner.findUnique({ where: { slug }, select: { draft: true } });
  return row && !row.draft ? [...configured] : [];
}

export async function loadPrisonerEmbed(slug: string, language: Language, { result = null, form = null }: { result?: PrisonerEmbedResult | null; form?: PledgeFormPage | null } = {}) {
  const [t, page, pledges] = await Promise.all([getFixedT(language, ["prisoners", "common"]), loadPrisonerPage(slug, language), prisonerPledgeBox(slug, language)]);
  const { prisoner } = page;
  const name = formatPersonName(prisoner.names.display);
  return {
    language,
    prisoner: { slug: prisoner.slug, name, status: prisoner.status, statusReport: prisoner.statusReport, letterStatus: prisoner.letterStatusToActOn },
    statusSince: page.dates.statusSince,
    pledges: form ? { ...pledges, ticket: form.ticket } : pledges,
    form: form ? { values: form.values, errors: form.errors, problem: form.problem } : null,
    result,
    meta: { title: t("prisoners:embed.meta-title", { name }) },
  };
}

export type PrisonerEmbedSubmission = { kind: "result"; location: string } | { kind: "form"; page: PledgeFormPage };

/** A pledge posted from the box: only for this prisoner (the form's own target fields are replaced), answered inside the frame. */
export async function submitPrisonerEmbedPledge(slug: string, language: Language, form: FormData, publicOrigin: string): Promise<PrisonerEmbedSubmission> {
  form.set("prisoner", slug);
  form.delete("campaign");
  const submission = await submitPledgeForm(form, { language, publicOrigin });
  if (submission.kind === "form") return submission;
  const result = prisonerEmbedResultOf(new URL(submission.location, publicOrigin).searchParams.get("result")) ?? "active";
  return { kind: "result", location: `${prisonerEmbedPath(language, slug)}?result=${result}` };
}
