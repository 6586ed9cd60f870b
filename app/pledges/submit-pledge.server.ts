// What happens to a posted pledge form, in one place for the Remix action and the server's
// fast path (server/pledge-endpoint.ts): good input is written and answered with the address
// of the thank-you page (post/redirect/get; nothing personal in it); anything else comes back
// as the data for the form page, with a translated problem and what was typed.
import type { Language } from "~/i18n";

import { countryOptions } from "./countries";
import { readPledgeForm, type ParsedPledge, type PledgeFieldErrors, type PledgeFormValues, type ReadPledgeResult } from "./pledge-form";
import { resolvePledge, type PledgeOptionView } from "./pledge-targets.server";
import { makeAnonymousPledgeBySlug, makePledge, recordPostedSelfReport, type AnonymousPledgeRequest, type MakePledgeResult } from "./pledge.server";

export type PledgeProblem = Extract<MakePledgeResult, { ok: false }>["reason"];
type ScopeSlug = { campaign: string } | { prisoner: string };

export interface PledgeFormPage {
  values: PledgeFormValues;
  errors: PledgeFieldErrors;
  problem: PledgeProblem | null;
  form: { scope: ScopeSlug; options: PledgeOptionView[]; back: string } | null;
  countries: { code: string; name: string }[];
}

export type PledgeSubmission = { kind: "thanks"; location: string } | { kind: "form"; page: PledgeFormPage };

type PledgeForm = FormData | URLSearchParams;

function thanksLocation(language: Language, result: "active" | "pending" | "duplicate" | "posted", scope: ScopeSlug): string {
  return `/${language}/pledge/thanks?${new URLSearchParams({ result, ...scope }).toString()}`;
}

function scopeOf(parsed: ParsedPledge): ScopeSlug {
  return "prisonerSlug" in parsed ? { prisoner: parsed.prisonerSlug } : { campaign: parsed.campaignSlug };
}

/** The common case, a valid anonymous pledge, as the one-statement request; null for anything else. */
function anonymousRequest(read: ReadPledgeResult): AnonymousPledgeRequest | null {
  const parsed = read.parsed;
  if (!read.ok || read.honeypot || read.email !== null || !parsed) return null;
  switch (parsed.choice) {
    case "WRITE_MONTHLY":
    case "BIRTHDAY_CARD":
      return { kind: parsed.choice, prisonerSlug: parsed.prisonerSlug };
    case "CAMPAIGN_PLEDGE":
      return { kind: "CAMPAIGN_PLEDGE", campaignSlug: parsed.campaignSlug };
    case "EVENT":
      return { kind: "EVENT", campaignSlug: parsed.campaignSlug, eventId: parsed.eventId };
    default:
      return null;
  }
}

/**
 * The fast path alone: a valid anonymous pledge to an open target is written and the
 * thank-you address returned; null means "not that simple" (the caller then uses
 * submitPledgeForm, which reads the form again and says why).
 */
export async function tryAnonymousPledge(form: PledgeForm, language: Language): Promise<string | null> {
  const read = readPledgeForm(form);
  const request = anonymousRequest(read);
  if (!request || !read.parsed) return null;
  const id = await makeAnonymousPledgeBySlug(request, { language, country: read.country });
  return id ? thanksLocation(language, "active", scopeOf(read.parsed)) : null;
}

export async function submitPledgeForm(form: PledgeForm, { language, publicOrigin }: { language: Language; publicOrigin: string }): Promise<PledgeSubmission> {
  const read = readPledgeForm(form);
  const thanks = (result: "active" | "pending" | "duplicate" | "posted", scope: ScopeSlug): PledgeSubmission => ({
    kind: "thanks",
    location: thanksLocation(language, result, scope),
  });
  const page = (result: Partial<PledgeFormPage>): PledgeSubmission => ({
    kind: "form",
    page: { values: read.values, errors: read.errors, problem: null, form: null, countries: countryOptions(language), ...result },
  });

  const request = anonymousRequest(read);
  if (request && read.parsed && (await makeAnonymousPledgeBySlug(request, { language, country: read.country }))) {
    return thanks("active", scopeOf(read.parsed));
  }

  // Refused, or not the simple case: look at the target, so that the form can be shown again
  // whether the form or the pledge was wrong.
  const resolved = read.parsed ? await resolvePledge(read.parsed, language) : null;
  const form_ = resolved?.kind === "pledge" ? { scope: resolved.scopeSlug, options: resolved.scope.options, back: resolved.back } : null;
  if (read.parsed && !resolved) return page({ problem: "unknown-target" });
  if (!read.ok || !resolved) return page({ form: form_ });
  // A bot filled the field people never see: it is thanked, and nothing is counted.
  if (read.honeypot) return thanks("active", resolved.scopeSlug);

  if (resolved.kind === "posted") {
    await recordPostedSelfReport({ prisonerId: resolved.prisonerId, language, country: read.country });
    return thanks("posted", resolved.scopeSlug);
  }
  if (!resolved.scope.open) return page({ problem: "target-closed" });

  const result = await makePledge({ target: resolved.target, language, country: read.country, email: read.email, publicOrigin });
  if (!result.ok) {
    return page({ problem: result.reason, form: form_, errors: result.reason === "invalid-email" ? { email: "invalid" } : {} });
  }
  if ("duplicate" in result) return thanks("duplicate", resolved.scopeSlug);
  return thanks(result.state === "ACTIVE" ? "active" : "pending", resolved.scopeSlug);
}
