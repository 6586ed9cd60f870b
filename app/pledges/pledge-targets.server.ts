// What can be pledged on a campaign or a prisoner's page, and the ids behind the slugs a
// pledge form posts. Reads only public rows; the pledge itself is written by
// app/pledges/pledge.server.ts.
import type { Language } from "~/i18n";
import { getPrisma } from "~/utils/database.server";
import { formatDate } from "~/utils/format";

import type { ParsedPledge } from "./pledge-form";
import { listUpcomingEvents, type PledgeTarget } from "./pledge.server";

const PUBLIC_CAMPAIGN = { in: ["PUBLISHED", "CLOSED"] as ("PUBLISHED" | "CLOSED")[] };

export type PledgeOptionView =
  | { value: "WRITE_MONTHLY" | "BIRTHDAY_CARD" | "CAMPAIGN_PLEDGE"; event?: undefined }
  | { value: string; event: { title: string; place: string; date: string } };

export interface PledgeScope {
  id: string;
  /** Nothing can be pledged on a closed campaign; it is shown without a form. */
  open: boolean;
  options: PledgeOptionView[];
}

/** The campaign's pledge and one "I will come" per event still ahead, soonest first. */
export async function findCampaignPledgeScope(slug: string, language: Language, now = new Date()): Promise<PledgeScope | null> {
  const campaign = await getPrisma().campaign.findFirst({
    where: { slug, status: PUBLIC_CAMPAIGN },
    select: { id: true, status: true },
  });
  if (!campaign) return null;
  const options: PledgeOptionView[] = [{ value: "CAMPAIGN_PLEDGE" }];
  for (const event of (await listUpcomingEvents(campaign.id, language, now)).slice(0, 20)) {
    options.push({
      value: `event-${event.id}`,
      event: { title: event.title, place: event.place, date: formatDate(event.startsAt.slice(0, 10), "DAY", language) },
    });
  }
  return { id: campaign.id, open: campaign.status !== "CLOSED", options };
}

/** Monthly letters for anyone a letter can reach; a birthday card only when the birthday is known. */
export async function findPrisonerPledgeScope(slug: string): Promise<PledgeScope | null> {
  const prisoner = await getPrisma().prisoner.findFirst({
    // Drafts are not public: nothing can be pledged on them.
    where: { slug, draft: false },
    select: { id: true, birthDate: true, status: true, letterStatus: true },
  });
  if (!prisoner) return null;
  const reachable = prisoner.status !== "DIED_IN_CUSTODY" && prisoner.letterStatus !== "NOT_APPLICABLE";
  const options: PledgeOptionView[] = reachable ? [{ value: "WRITE_MONTHLY" }] : [];
  if (reachable && prisoner.birthDate) options.push({ value: "BIRTHDAY_CARD" });
  return { id: prisoner.id, open: reachable, options };
}

export type ResolvedPledge =
  | { kind: "pledge"; target: PledgeTarget; scope: PledgeScope; back: string; scopeSlug: { campaign: string } | { prisoner: string } }
  | { kind: "posted"; prisonerId: string; back: string; scopeSlug: { prisoner: string } };

/** The ids behind a posted form, or null when it names nothing that can be pledged. */
export async function resolvePledge(parsed: ParsedPledge, language: Language): Promise<ResolvedPledge | null> {
  if (parsed.choice === "CAMPAIGN_PLEDGE" || parsed.choice === "EVENT") {
    const scope = await findCampaignPledgeScope(parsed.campaignSlug, language);
    if (!scope) return null;
    const back = `/${language}/campaigns/${parsed.campaignSlug}`;
    const scopeSlug = { campaign: parsed.campaignSlug };
    if (parsed.choice === "CAMPAIGN_PLEDGE") return { kind: "pledge", target: { kind: "CAMPAIGN_PLEDGE", campaignId: scope.id }, scope, back, scopeSlug };
    // Only an event of this campaign that is still ahead.
    if (!scope.options.some((option) => option.value === `event-${parsed.eventId}`)) return null;
    return { kind: "pledge", target: { kind: "EVENT", campaignId: scope.id, eventId: parsed.eventId }, scope, back, scopeSlug };
  }
  const scope = await findPrisonerPledgeScope(parsed.prisonerSlug);
  if (!scope) return null;
  const back = `/${language}/prisoners/${parsed.prisonerSlug}`;
  const scopeSlug = { prisoner: parsed.prisonerSlug };
  if (parsed.choice === "POSTED") return { kind: "posted", prisonerId: scope.id, back, scopeSlug };
  if (!scope.options.some((option) => option.value === parsed.choice)) return null;
  return { kind: "pledge", target: { kind: parsed.choice, prisonerId: scope.id }, scope, back, scopeSlug };
}
