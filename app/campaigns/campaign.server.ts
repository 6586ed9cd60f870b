import type { CampaignStatus } from "@prisma/client";

import type { Language } from "~/i18n";
import { goalProgress } from "~/pledges/goal-steps";
import { displayName, type PersonName } from "~/prisoners/person-name";
import { STATUS_REPORT_SELECT, toStatusReports, type StatusReports } from "~/prisoners/status-report.server";
import { cachedUntilContentChanges } from "~/utils/content-revision.server";
import { getPrisma } from "~/utils/database.server";
import { formatDate, formatNumber } from "~/utils/format";
import { localizedField, type LocalizedText } from "~/utils/localized";

/** Only these are public; DRAFT and IN_REVIEW campaigns do not exist for readers. */
const PUBLIC_STATUSES = ["PUBLISHED", "CLOSED"] as const satisfies readonly CampaignStatus[];
export type PublicCampaignStatus = (typeof PUBLIC_STATUSES)[number];

export interface CampaignListItem {
  slug: string;
  status: PublicCampaignStatus;
  title: LocalizedText | null;
  summary: LocalizedText | null;
  goal: number | null;
  /** ISO date (YYYY-MM-DD) or null when the campaign has no deadline. */
  deadline: string | null;
  prisonerCount: number;
  /** Every recorded action for this campaign, of any kind. */
  actionCount: number;
}

/** A campaign's prisoner, with the reports behind the status and letter status. */
export interface CampaignPrisonerView extends StatusReports {
  slug: string;
  name: PersonName;
}

export interface CampaignTargetView {
  slug: string;
  name: LocalizedText | null;
  position: LocalizedText | null;
  /** Contact details appear only once a public source gives them. */
  email: string | null;
  postalAddress: string | null;
  contactSource: string | null;
}

export interface CampaignDetail extends CampaignListItem {
  ask: LocalizedText | null;
  prisoners: CampaignPrisonerView[];
  targets: CampaignTargetView[];
}


const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

const listSelect = {
  slug: true,
  status: true,
  goal: true,
  deadline: true,
  translations: true,
  _count: { select: { prisoners: { where: { prisoner: { draft: false } } }, actions: true } },
} as const;

type ListRow = {
  slug: string;
  status: CampaignStatus;
  goal: number | null;
  deadline: Date | null;
  translations: { locale: string; title: string; summary: string; ask: string }[];
  _count: { prisoners: number; actions: number };
};

function toListItem(row: ListRow, language: Language): CampaignListItem {
  return {
    slug: row.slug,
    status: row.status as PublicCampaignStatus,
    title: localizedField(row.translations, language, "title"),
    summary: localizedField(row.translations, language, "summary"),
    goal: row.goal,
    deadline: isoDate(row.deadline),
    prisonerCount: row._count.prisoners,
    actionCount: row._count.actions,
  };
}

/** Published and closed campaigns, newest first; the page shows them in separate sections. */
export const listPublicCampaigns = cachedUntilContentChanges(readListPublicCampaigns);

async function readListPublicCampaigns(language: Language): Promise<CampaignListItem[]> {
  const rows = await getPrisma().campaign.findMany({
    where: { status: { in: [...PUBLIC_STATUSES] } },
    select: listSelect,
    orderBy: [{ createdAt: "desc" }, { slug: "asc" }],
  });
  return rows.map((row) => toListItem(row, language));
}

/** Returns null for an unknown slug and for campaigns not yet published. */
export const findPublicCampaign = cachedUntilContentChanges(readFindPublicCampaign);

async function readFindPublicCampaign(slug: string, language: Language): Promise<CampaignDetail | null> {
  const row = await getPrisma().campaign.findFirst({
    where: { slug, status: { in: [...PUBLIC_STATUSES] } },
    select: {
      ...listSelect,
      prisoners: {
        where: { prisoner: { draft: false } },
        orderBy: [{ position: "asc" }],
        select: {
          prisoner: {
            select: {
              slug: true,
              ...STATUS_REPORT_SELECT,
              names: { select: { script: true, givenName: true, patronymic: true, familyName: true } },
            },
          },
        },
      },
      targets: {
        orderBy: [{ official: { slug: "asc" } }],
        select: { official: { include: { translations: true } } },
      },
    },
  });
  if (!row) return null;
  return {
    ...toListItem(row, language),
    ask: localizedField(row.translations, language, "ask"),
    prisoners: row.prisoners.map(({ prisoner }) => toPrisonerView(prisoner, language)),
    targets: row.targets.map(({ official }) => toTargetView(official, language)),
  };
}

type PrisonerRow = Parameters<typeof toStatusReports>[0] & { slug: string; names: Parameters<typeof displayName>[0] };
type OfficialRow = { slug: string; translations: { locale: string; name: string; position: string }[]; email: string | null; postalAddress: string | null; contactSource: string | null };

const toPrisonerView = (prisoner: PrisonerRow, language: Language): CampaignPrisonerView => ({
  slug: prisoner.slug,
  ...toStatusReports(prisoner, language),
  name: displayName(prisoner.names, language),
});

const toTargetView = (official: OfficialRow, language: Language): CampaignTargetView => ({
  slug: official.slug,
  name: localizedField(official.translations, language, "name"),
  position: localizedField(official.translations, language, "position"),
  email: official.email?.trim() || null,
  postalAddress: official.postalAddress?.trim() || null,
  contactSource: official.contactSource?.trim() || null,
});

/** What a campaign would show once a change is applied (or a draft published): staff previews only. */
export interface CampaignPreviewContent {
  goal: number | null;
  deadline: Date | null;
  translations: { locale: string; title: string; summary: string; ask: string }[];
  prisonerIds: readonly string[];
  targetIds: readonly string[];
}

/**
 * The public page's campaign as it would be with `content` over the stored campaign `id`, in
 * any status (a draft in review too). Never cached: the public reads above are untouched.
 * The campaign's own counts stay (they are what the page would show after the change).
 */
export async function previewCampaignDetail(id: string, content: CampaignPreviewContent, language: Language): Promise<CampaignDetail | null> {
  const prisma = getPrisma();
  const [row, prisoners, officials] = await Promise.all([
    prisma.campaign.findUnique({ where: { id }, select: { slug: true, status: true, _count: { select: { actions: true } } } }),
    prisma.prisoner.findMany({
      where: { id: { in: [...content.prisonerIds] }, draft: false },
      select: { id: true, slug: true, ...STATUS_REPORT_SELECT, names: { select: { script: true, givenName: true, patronymic: true, familyName: true } } },
    }),
    prisma.official.findMany({ where: { id: { in: [...content.targetIds] } }, orderBy: { slug: "asc" }, include: { translations: true } }),
  ]);
  if (!row) return null;
  // The editor's order of people is the order they are stored in (position).
  const order = new Map(content.prisonerIds.map((prisonerId, index) => [prisonerId, index]));
  prisoners.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const translations = content.translations.filter((text) => text.title || text.summary || text.ask);
  return {
    slug: row.slug,
    // Shown as it will be: a draft in review previews as published.
    status: row.status === "CLOSED" ? "CLOSED" : "PUBLISHED",
    title: localizedField(translations, language, "title"),
    summary: localizedField(translations, language, "summary"),
    ask: localizedField(translations, language, "ask"),
    goal: content.goal,
    deadline: isoDate(content.deadline),
    prisonerCount: prisoners.length,
    actionCount: row._count.actions,
    prisoners: prisoners.map((prisoner) => toPrisonerView(prisoner, language)),
    targets: officials.map((official) => toTargetView(official, language)),
  };
}

/**
 * Adds the deadline and the numbers as text in the reader's language. Done on the server:
 * browsers ship other ICU data than Node, and a different space breaks hydration.
 * Every action counts towards the goal: letters, appeals, pledges and "I posted it". The
 * goal steps up each time it is reached (100 → 250 → 500 …, app/pledges/goal-steps.ts), so
 * `goal` is the one ahead now and `displayReachedGoals` the ones already met.
 */
export function withDisplayFigures<T extends CampaignListItem>(campaign: T, language: Language) {
  // A goal of 0 or less cannot be measured against; it is shown as no goal.
  const progress = campaign.goal !== null && campaign.goal > 0 ? goalProgress(campaign.actionCount, campaign.goal) : null;
  return {
    ...campaign,
    goal: progress ? progress.goal : null,
    firstGoal: progress ? campaign.goal : null,
    displayDeadline: campaign.deadline ? formatDate(campaign.deadline, "DAY", language) : null,
    displayActionCount: formatNumber(campaign.actionCount, language),
    displayGoal: progress ? formatNumber(progress.goal, language) : null,
    displayReachedGoals: progress ? progress.reached.map((goal) => formatNumber(goal, language)) : [],
  };
}
