// What happens to a posted pledge form, in one place for the Remix action and the server's
// fast path (server/pledge-endpoint.ts): good input is written and answered with the address
// of the thank-you page (post/redirect/get; nothing personal in it); anything else comes back
// as the data for the form page, with a translated problem and what was typed.
//
// Two rules from the security review (docs/decisions/0009-pledges-and-privacy.md): a pledge
// with an email address is answered "check your email" whatever is known about the address
// (email-pledge.server.ts decides after the answer); an anonymous pledge counts once per
// form ticket and target (form-ticket.server.ts).
import type { Language } from "~/i18n";

import { countryOptions } from "./countries";
import { acceptEmailPledge } from "./email-pledge.server";
import { checkFormTicket, issueFormTicket, ticketUseKey } from "./form-ticket.server";
import { readPledgeForm, type ParsedPledge, type PledgeFieldErrors, type PledgeFormValues, type ReadPledgeResult } from "./pledge-form";
import { resolvePledge, type PledgeOptionView } from "./pledge-targets.server";
import { makeAnonymousPledgeBySlug, recordPostedSelfReport, type AnonymousPledgeRequest } from "./pledge.server";

export type PledgeProblem = "invalid-email" | "rate-limited" | "target-closed" | "unknown-target" | "form-expired";
type ScopeSlug = { campaign: string } | { prisoner: string };

export interface PledgeFormPage {
  values: PledgeFormValues;
  errors: PledgeFieldErrors;
  problem: PledgeProblem | null;
  form: { scope: ScopeSlug; options: PledgeOptionView[]; back: string } | null;
  countries: { code: string; name: string }[];
  /** A fresh form ticket for the form shown again. */
  ticket: string;
}

export type PledgeSubmission = { kind: "thanks"; location: string } | { kind: "form"; page: PledgeFormPage };

type PledgeForm = FormData | URLSearchParams;

function thanksLocation(language: Language, result: "active" | "pending" | "posted", scope: ScopeSlug): string {
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

/** The use of the posted form ticket for this pledge; null when the ticket is missing, forged or too old. */
function ticketUse(read: ReadPledgeResult, request: AnonymousPledgeRequest): { key: string; day: string } | null {
  const day = checkFormTicket(read.ticket);
  if (!day) return null;
  const target = "prisonerSlug" in request ? `prisoner:${request.prisonerSlug}` : `campaign:${request.campaignSlug}:${request.kind === "EVENT" ? request.eventId : ""}`;
  return { key: ticketUseKey(read.ticket, request.kind, target), day };
}

/**
 * The fast path alone: a valid anonymous pledge with a good ticket to an open target is
 * written (or, its ticket already used there, thanked and not counted again) and the
 * thank-you address returned; null means "not that simple" (the caller then uses
 * submitPledgeForm, which reads the form again and says why).
 */
export async function tryAnonymousPledge(form: PledgeForm, language: Language): Promise<string | null> {
  const read = readPledgeForm(form);
  const request = anonymousRequest(read);
  const ticket = request ? ticketUse(read, request) : null;
  if (!request || !ticket || !read.parsed) return null;
  const outcome = await makeAnonymousPledgeBySlug(request, { language, country: read.country, ticket });
  return outcome === "refused" ? null : thanksLocation(language, "active", scopeOf(read.parsed));
}

/** `embedOrigin`: the partner site whose embed posted it (counted per partner if the campaign lists it). */
export async function submitPledgeForm(form: PledgeForm, { language, publicOrigin, embedOrigin = null }: { language: Language; publicOrigin: string; embedOrigin?: string | null }): Promise<PledgeSubmission> {
  const read = readPledgeForm(form);
  const thanks = (result: "active" | "pending" | "posted", scope: ScopeSlug): PledgeSubmission => ({
    kind: "thanks",
    location: thanksLocation(language, result, scope),
  });
  const page = (result: Partial<PledgeFormPage>): PledgeSubmission => ({
    kind: "form",
    page: { values: read.values, errors: read.errors, problem: null, form: null, countries: countryOptions(language), ticket: issueFormTicket(), ...result },
  });

  const request = anonymousRequest(read);
  const ticket = request ? ticketUse(read, request) : null;
  if (request && ticket && read.parsed && (await makeAnonymousPledgeBySlug(request, { language, country: read.country, ticket, embedOrigin })) !== "refused") {
    return thanks("active", scopeOf(read.parsed));
  }

  // Refused, or not the simple case: look at the target, so that the form can be shown again
  // whether the form or the pledge was wrong.
  const resolved = read.parsed ? await resolvePledge(read.parsed, language) : null;
  const form_ = resolved?.kind === "pledge" ? { scope: resolved.scopeSlug, options: resolved.scope.options, back: resolved.back } : null;
  if (read.parsed && !resolved) return page({ problem: "unknown-target" });
  if (!read.ok || !resolved) return page({ form: form_ });
  // A bot filled the field people never see: it is thanked as a person would be, and nothing is counted.
  if (read.honeypot) return thanks(resolved.kind === "posted" ? "posted" : read.email !== null ? "pending" : "active", resolved.scopeSlug);

  if (resolved.kind === "posted") {
    await recordPostedSelfReport({ prisonerId: resolved.prisonerId, language, country: read.country });
    return thanks("posted", resolved.scopeSlug);
  }
  if (!resolved.scope.open) return page({ problem: "target-closed" });

  if (read.email === null) {
    // A page kept open since the day before yesterday, or no page of ours at all.
    if (!request || !ticket) return page({ problem: "form-expired", form: form_ });
    // Opened a moment ago (the first attempt was refused): once more.
    const outcome = await makeAnonymousPledgeBySlug(request, { language, country: read.country, ticket, embedOrigin });
    return outcome === "refused" ? page({ problem: "target-closed", form: form_ }) : thanks("active", resolved.scopeSlug);
  }

  // The same answer for every address: what is known about it goes to its owner by email.
  const answer = await acceptEmailPledge({ target: resolved.target, language, country: read.country, email: read.email, publicOrigin });
  if (!answer.ok) {
    return page({ problem: answer.reason, form: form_, errors: answer.reason === "invalid-email" ? { email: "invalid" } : {} });
  }
  return thanks("pending", resolved.scopeSlug);
}
