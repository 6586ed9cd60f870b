// The pledge box on a prisoner's profile and on a campaign page: whether pledges are open,
// the options and countries offered, and the counts (a counter row per kind). Every number is
// formatted for the page. The reads are kept until the content or the adopted counters change
// (decision 0015: counts are at most a second behind everywhere), so a page rendered without
// the page cache (a signed-in reader, a cold page) costs no database round trip for them.
import type { Language } from "~/i18n";
import { cachedUntilContentChanges } from "~/utils/content-revision.server";
import { formatNumber } from "~/utils/format";

import { countryOptions } from "./countries";
import { issueFormTicket } from "./form-ticket.server";
import { goalProgress } from "./goal-steps";
import { findCampaignPledgeScope, findPrisonerPledgeScope, type PledgeScope } from "./pledge-targets.server";
import { pledgeCounts } from "./pledge.server";

/** The first goal for pledges to one person; it steps up when reached (goal-steps.ts). */
const PRISONER_FIRST_GOAL = 100;

function offered(scope: PledgeScope | null, language: Language) {
  const open = Boolean(scope?.open);
  // A fresh ticket for each page; the page cache replaces it in every copy it serves.
  return { open, options: scope?.options ?? [], countries: open ? countryOptions(language) : [], ticket: open ? issueFormTicket() : "" };
}

const readPrisonerBox = cachedUntilContentChanges(async (slug: string) => {
  const scope = await findPrisonerPledgeScope(slug);
  return { scope, counts: scope ? await pledgeCounts({ prisonerId: scope.id }) : null };
});

const readCampaignBox = cachedUntilContentChanges(async (slug: string, language: Language) => {
  const scope = await findCampaignPledgeScope(slug, language);
  return { scope, counts: scope ? await pledgeCounts({ campaignId: scope.id }) : null };
});

export async function prisonerPledgeBox(slug: string, language: Language) {
  const { scope, counts } = await readPrisonerBox(slug);
  const total = counts?.total ?? 0;
  const progress = goalProgress(total, PRISONER_FIRST_GOAL);
  return {
    ...offered(scope, language),
    total,
    totalText: formatNumber(total, language),
    goal: progress.goal,
    goalText: formatNumber(progress.goal, language),
    reachedText: progress.reached.map((goal) => formatNumber(goal, language)),
    monthly: counts?.byKind.WRITE_MONTHLY ?? 0,
    monthlyText: formatNumber(counts?.byKind.WRITE_MONTHLY ?? 0, language),
    birthday: counts?.byKind.BIRTHDAY_CARD ?? 0,
    birthdayText: formatNumber(counts?.byKind.BIRTHDAY_CARD ?? 0, language),
  };
}

export async function campaignPledgeBox(slug: string, language: Language) {
  const { scope, counts } = await readCampaignBox(slug, language);
  return {
    ...offered(scope, language),
    total: counts?.total ?? 0,
    totalText: formatNumber(counts?.total ?? 0, language),
    campaign: counts?.byKind.CAMPAIGN_PLEDGE ?? 0,
    campaignText: formatNumber(counts?.byKind.CAMPAIGN_PLEDGE ?? 0, language),
    events: counts?.byKind.EVENT ?? 0,
    eventsText: formatNumber(counts?.byKind.EVENT ?? 0, language),
  };
}
