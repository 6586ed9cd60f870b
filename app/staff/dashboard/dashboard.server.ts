// Figures for the staff dashboard and the CSV exports. Everything is counted by the
// database (GROUP BY), never by loading rows into JavaScript: a campaign may have hundreds
// of thousands of actions. Actions hold no personal data; appeals and pledges are only
// counted here, except for the one export that a role may ask with contact addresses.
import { Prisma, type ActionKind, type CampaignStatus, type PledgeKind, type PledgeState } from "@prisma/client";
import { z } from "zod";

import type { Language } from "~/i18n";
import { goalProgress, type GoalProgress } from "~/pledges/goal-steps";
import { displayName } from "~/prisoners/person-name";
import { getPrisma } from "~/utils/database.server";
import { formatPersonName } from "~/utils/format";
import { localizedField } from "~/utils/localized";

const DAY_MS = 86_400_000;
/** The default window: the last 26 weeks, the current one included. */
export const DEFAULT_WEEKS = 26;
/** Longest range one page shows: two years of weekly bars is already a lot to read. */
export const MAX_RANGE_DAYS = 731;
/** How many prisoners, campaigns or targets a chart shows; the CSV exports have them all. */
export const TOP = 15;

// ---------------------------------------------------------------------------------------
// Filters

export interface DashboardFilters {
  /** Null: every campaign. */
  campaignId: string | null;
  /** ISO dates, both included; `from` is a Monday. */
  from: string;
  to: string;
}

export type FilterProblem = "campaign" | "from" | "to" | "range";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00.000Z`);
    return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === value;
  });
const campaignId = z.string().regex(/^[a-z0-9]{1,40}$/);

const toIso = (time: number) => new Date(time).toISOString().slice(0, 10);
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00.000Z`);
/** The Monday of the ISO week a day falls in (PostgreSQL's date_trunc('week') agrees). */
export function mondayOf(iso: string): string {
  const time = dayOf(iso);
  const weekday = (new Date(time).getUTCDay() + 6) % 7;
  return toIso(time - weekday * DAY_MS);
}

/**
 * Reads the GET form. A value that makes no sense is dropped (with a problem to tell the
 * user about) and its default used instead: a bad link gives the default view, never an error.
 */
export async function parseDashboardFilters(
  params: URLSearchParams,
  now: Date = new Date(),
): Promise<{ filters: DashboardFilters; problems: FilterProblem[] }> {
  const problems: FilterProblem[] = [];
  const today = toIso(now.getTime());
  const defaultFrom = toIso(dayOf(mondayOf(today)) - (DEFAULT_WEEKS - 1) * 7 * DAY_MS);

  const rawCampaign = params.get("campaign")?.trim() ?? "";
  let campaign: string | null = null;
  if (rawCampaign !== "") {
    const parsed = campaignId.safeParse(rawCampaign);
    const exists = parsed.success ? await getPrisma().campaign.findUnique({ where: { id: parsed.data }, select: { id: true } }) : null;
    if (exists) campaign = exists.id;
    else problems.push("campaign");
  }

  const read = (name: "from" | "to", fallback: string) => {
    const raw = params.get(name)?.trim() ?? "";
    if (raw === "") return fallback;
    const parsed = isoDate.safeParse(raw);
    if (parsed.success) return parsed.data;
    problems.push(name);
    return fallback;
  };
  let to = read("to", today);
  let from = read("from", toIso(dayOf(mondayOf(to)) - (DEFAULT_WEEKS - 1) * 7 * DAY_MS));
  if (dayOf(from) > dayOf(to) || dayOf(to) - dayOf(from) > MAX_RANGE_DAYS * DAY_MS) {
    problems.push("range");
    [from, to] = [defaultFrom, today];
  }
  return { filters: { campaignId: campaign, from: mondayOf(from), to }, problems };
}

/** The filters as query parameters, for links to the exports of what the page shows. */
export function filtersToQuery(filters: DashboardFilters): string {
  const params = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.campaignId) params.set("campaign", filters.campaignId);
  return params.toString();
}

/** Every week (its Monday) from `from` to `to`, so that empty weeks show as zero, not as a gap. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let time = dayOf(mondayOf(from)); time <= dayOf(to); time += 7 * DAY_MS) weeks.push(toIso(time));
  return weeks;
}

// ---------------------------------------------------------------------------------------
// Queries

const fromDate = (filters: DashboardFilters) => new Date(`${filters.from}T00:00:00.000Z`);
/** The day after `to`: timestamps are compared with `<`, so all of the last day counts. */
const endDate = (filters: DashboardFilters) => new Date(dayOf(filters.to) + DAY_MS);

function actionWhere(filters: DashboardFilters): Prisma.Sql {
  const campaign = filters.campaignId ? Prisma.sql`AND "campaignId" = ${filters.campaignId}` : Prisma.empty;
  return Prisma.sql`WHERE "day" >= ${fromDate(filters)}::date AND "day" < ${endDate(filters)}::date ${campaign}`;
}

function createdWhere(filters: DashboardFilters, table: "Appeal" | "Pledge"): Prisma.Sql {
  const column = Prisma.raw(`"${table}"."createdAt"`);
  const campaign = filters.campaignId ? Prisma.sql`AND ${Prisma.raw(`"${table}"."campaignId"`)} = ${filters.campaignId}` : Prisma.empty;
  return Prisma.sql`WHERE ${column} >= ${fromDate(filters)} AND ${column} < ${endDate(filters)} ${campaign}`;
}

export interface Count<K extends string = string> {
  key: K;
  count: number;
}

interface WeekRow {
  week: Date | string;
  count: number;
}
const weekKey = (value: Date | string) => (typeof value === "string" ? value.slice(0, 10) : toIso(value.getTime()));

/** Counts per week for every week of the range, zeros included. */
function fillWeeks(rows: WeekRow[], filters: DashboardFilters): Count[] {
  const counts = new Map(rows.map((row) => [weekKey(row.week), Number(row.count)]));
  return weeksBetween(filters.from, filters.to).map((week) => ({ key: week, count: counts.get(week) ?? 0 }));
}

/** Pledges that were confirmed (or never needed confirming): an unconfirmed one is not a pledge yet. */
const COUNTED_PLEDGE = Prisma.sql`"state" <> 'PENDING_CONFIRMATION'`;

export interface NamedCount {
  key: string;
  /** Slug, for the CSV and for tests; the label is the name in the reader's language. */
  slug: string | null;
  label: string;
  count: number;
}

export interface TargetDelivery {
  key: string;
  slug: string;
  label: string;
  sent: number;
  failed: number;
  pending: number;
  other: number;
  replied: number;
  noReply: number;
}

export interface CampaignGoal {
  id: string;
  slug: string;
  title: string;
  status: CampaignStatus;
  actions: number;
  /** Null when the campaign has no goal (or a goal of 0, which cannot be measured against). */
  progress: GoalProgress | null;
}

export interface DashboardFigures {
  totals: { actions: number; pledges: number; appeals: number };
  actionsPerWeek: Count[];
  pledgesPerWeek: Count[];
  byLanguage: Count[];
  byKind: Count<ActionKind>[];
  byCountry: Count[];
  byPrisoner: NamedCount[];
  byCampaign: NamedCount[];
  delivery: TargetDelivery[];
  goals: CampaignGoal[];
}

const int = (value: unknown) => Number(value ?? 0);

export async function getDashboardFigures(filters: DashboardFilters, language: Language): Promise<DashboardFigures> {
  const prisma = getPrisma();
  const where = actionWhere(filters);
  const [actionGroups, pledgesPerWeek, delivery, goalCounts, campaigns] = await Promise.all([
    // One scan of the actions for six breakdowns (GROUPING SETS); `set` says which one a row is in.
    prisma.$queryRaw<{ set: number; week: Date | string | null; language: string | null; kind: ActionKind | null; country: string | null; prisonerId: string | null; campaignId: string | null; count: number }[]>`
      SELECT GROUPING(date_trunc('week', "day"), "language", "kind", "country", "prisonerId", "campaignId")::int AS set,
        date_trunc('week', "day")::date AS week, "language", "kind"::text AS kind, "country", "prisonerId", "campaignId", count(*)::int AS count
      FROM "Action" ${where}
      GROUP BY GROUPING SETS ((date_trunc('week', "day")), ("language"), ("kind"), ("country"), ("prisonerId"), ("campaignId"))`,
    prisma.$queryRaw<WeekRow[]>`SELECT date_trunc('week', "createdAt")::date AS week, count(*)::int AS count FROM "Pledge" ${createdWhere(filters, "Pledge")} AND ${COUNTED_PLEDGE} GROUP BY 1 ORDER BY 1`,
    appealDelivery(filters),
    // Goal progress counts every action ever recorded, as the public campaign page does.
    prisma.$queryRaw<{ key: string; count: number }[]>`SELECT "campaignId" AS key, count(*)::int AS count FROM "Action" WHERE "campaignId" IS NOT NULL GROUP BY 1`,
    prisma.campaign.findMany({
      where: filters.campaignId ? { id: filters.campaignId } : {},
      select: { id: true, slug: true, status: true, goal: true, translations: { select: { locale: true, title: true } } },
      orderBy: { createdAt: "desc" },
    }),
  ]);

  // GROUPING() sets a bit for each column NOT grouped, first column highest (32 … 1).
  const inSet = (bit: number) => actionGroups.filter((row) => Number(row.set) === 63 - bit);
  const byCount = <T extends { key: string; count: number }>(rows: T[]) =>
    rows.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const actionsPerWeek = inSet(32).map((row) => ({ week: row.week!, count: int(row.count) }));
  const byLanguage = byCount(inSet(16).map((row) => ({ key: row.language ?? "", count: int(row.count) })));
  const byKind = byCount(inSet(8).map((row) => ({ key: row.kind!, count: int(row.count) })));
  // Null (not declared) is a row of its own; the page names it.
  const byCountry = byCount(inSet(4).map((row) => ({ key: row.country ?? "", count: int(row.count) })));
  const byPrisoner = byCount(inSet(2).filter((row) => row.prisonerId).map((row) => ({ key: row.prisonerId!, count: int(row.count) }))).slice(0, TOP);
  const byCampaign = byCount(inSet(1).filter((row) => row.campaignId).map((row) => ({ key: row.campaignId!, count: int(row.count) }))).slice(0, TOP);

  const prisonerRows = await prisma.prisoner.findMany({
    where: { id: { in: byPrisoner.map((row) => row.key) } },
    select: { id: true, slug: true, names: { select: { script: true, givenName: true, patronymic: true, familyName: true } } },
  });
  const prisoners = new Map(prisonerRows.map((row) => [row.id, row]));
  const campaignById = new Map(campaigns.map((row) => [row.id, row]));
  const missingCampaigns = byCampaign.filter((row) => !campaignById.has(row.key)).map((row) => row.key);
  if (missingCampaigns.length > 0) {
    const extra = await prisma.campaign.findMany({
      where: { id: { in: missingCampaigns } },
      select: { id: true, slug: true, status: true, goal: true, translations: { select: { locale: true, title: true } } },
    });
    for (const row of extra) campaignById.set(row.id, row);
  }
  const titleOf = (row: { slug: string; translations: { locale: string; title: string }[] }) => localizedField(row.translations, language, "title")?.text ?? row.slug;
  const actionsByCampaign = new Map(goalCounts.map((row) => [row.key, int(row.count)]));
  const sum = (rows: { count: number }[]) => rows.reduce((total, row) => total + int(row.count), 0);

  const weeklyActions = fillWeeks(actionsPerWeek, filters);
  const weeklyPledges = fillWeeks(pledgesPerWeek, filters);
  return {
    totals: {
      actions: sum(weeklyActions),
      pledges: sum(weeklyPledges),
      appeals: delivery.reduce((total, row) => total + row.sent + row.failed + row.pending + row.other, 0),
    },
    actionsPerWeek: weeklyActions,
    pledgesPerWeek: weeklyPledges,
    byLanguage,
    byKind,
    byCountry,
    byPrisoner: byPrisoner.map((row) => {
      const prisoner = prisoners.get(row.key);
      return {
        key: row.key,
        slug: prisoner?.slug ?? null,
        label: prisoner ? formatPersonName(displayName(prisoner.names, language)) : row.key,
        count: int(row.count),
      };
    }),
    byCampaign: byCampaign.map((row) => {
      const campaign = campaignById.get(row.key);
      return { key: row.key, slug: campaign?.slug ?? null, label: campaign ? titleOf(campaign) : row.key, count: int(row.count) };
    }),
    delivery: delivery.slice(0, TOP),
    goals: campaigns.map((campaign) => {
      const actions = actionsByCampaign.get(campaign.id) ?? 0;
      return {
        id: campaign.id,
        slug: campaign.slug,
        title: titleOf(campaign),
        status: campaign.status,
        actions,
        progress: campaign.goal !== null && campaign.goal > 0 ? goalProgress(actions, campaign.goal) : null,
      };
    }),
  };

  async function appealDelivery(range: DashboardFilters): Promise<TargetDelivery[]> {
    const rows = await prisma.$queryRaw<
      { officialId: string; sent: number; failed: number; pending: number; other: number; replied: number; noReply: number }[]
    >`SELECT "officialId",
        count(*) FILTER (WHERE "state" = 'SENT')::int AS sent,
        count(*) FILTER (WHERE "state" = 'FAILED')::int AS failed,
        count(*) FILTER (WHERE "state" IN ('PENDING_CONFIRMATION', 'CONFIRMED'))::int AS pending,
        count(*) FILTER (WHERE "state" IN ('EXPIRED', 'CANCELLED', 'HELD_DUPLICATE'))::int AS other,
        count(*) FILTER (WHERE "followUpAnswer" = 'REPLIED')::int AS replied,
        count(*) FILTER (WHERE "followUpAnswer" = 'NO_REPLY')::int AS "noReply"
      FROM "Appeal" ${createdWhere(range, "Appeal")}
      GROUP BY 1 ORDER BY 2 DESC, 1`;
    const officials = await prisma.official.findMany({
      where: { id: { in: rows.map((row) => row.officialId) } },
      select: { id: true, slug: true, translations: { select: { locale: true, name: true } } },
    });
    const byId = new Map(officials.map((row) => [row.id, row]));
    return rows.map((row) => {
      const official = byId.get(row.officialId);
      return {
        key: row.officialId,
        slug: official?.slug ?? row.officialId,
        label: official ? (localizedField(official.translations, language, "name")?.text ?? official.slug) : row.officialId,
        sent: int(row.sent),
        failed: int(row.failed),
        pending: int(row.pending),
        other: int(row.other),
        replied: int(row.replied),
        noReply: int(row.noReply),
      };
    });
  }
}

/** Campaigns for the filter's select, newest first. */
export async function listCampaignChoices(language: Language): Promise<{ id: string; title: string }[]> {
  const rows = await getPrisma().campaign.findMany({
    select: { id: true, slug: true, translations: { select: { locale: true, title: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((row) => ({ id: row.id, title: localizedField(row.translations, language, "title")?.text ?? row.slug }));
}

// ---------------------------------------------------------------------------------------
// Exports: the rows of each CSV, already aggregated by the database.

export type CsvRow = (string | number | null)[];

/** Actions per day, kind, campaign, prisoner, language and country: counts, never people. */
export async function exportActionRows(filters: DashboardFilters): Promise<{ header: string[]; rows: CsvRow[] }> {
  const rows = await getPrisma().$queryRaw<
    { day: Date | string; kind: string; campaign: string | null; title: string | null; prisoner: string | null; language: string; country: string | null; count: number }[]
  >`WITH counts AS (
      SELECT "day", "kind", "campaignId", "prisonerId", "language", "country", count(*)::int AS count
      FROM "Action" ${actionWhere(filters)}
      GROUP BY 1, 2, 3, 4, 5, 6
    ), titles AS (
      -- One title per campaign, English first (an export is read by the whole team).
      SELECT DISTINCT ON ("campaignId") "campaignId", "title" FROM "CampaignTranslation" ORDER BY "campaignId", ("locale" = 'en') DESC, "locale"
    )
    SELECT a."day", a."kind"::text AS kind, c."slug" AS campaign, t."title", p."slug" AS prisoner, a."language", a."country", a.count
    FROM counts a
    LEFT JOIN "Campaign" c ON c."id" = a."campaignId"
    LEFT JOIN titles t ON t."campaignId" = a."campaignId"
    LEFT JOIN "Prisoner" p ON p."id" = a."prisonerId"
    ORDER BY a."day", 2, 3 NULLS FIRST, 5 NULLS FIRST, 6, 7 NULLS FIRST`;
  return {
    header: ["day", "kind", "campaign", "campaign_title", "prisoner", "language", "country", "actions"],
    rows: rows.map((row) => [weekKey(row.day), row.kind, row.campaign, row.title, row.prisoner, row.language, row.country, int(row.count)]),
  };
}

/** Appeals per campaign and target, by outcome, with the follow-up answers. */
export async function exportAppealRows(filters: DashboardFilters): Promise<{ header: string[]; rows: CsvRow[] }> {
  const rows = await getPrisma().$queryRaw<
    { campaign: string; official: string; name: string | null; sent: number; failed: number; pending: number; other: number; replied: number; noReply: number }[]
  >`SELECT c."slug" AS campaign, o."slug" AS official,
      (SELECT t."name" FROM "OfficialTranslation" t WHERE t."officialId" = o."id" ORDER BY (t."locale" = 'en') DESC, t."locale" LIMIT 1) AS name,
      count(*) FILTER (WHERE a."state" = 'SENT')::int AS sent,
      count(*) FILTER (WHERE a."state" = 'FAILED')::int AS failed,
      count(*) FILTER (WHERE a."state" IN ('PENDING_CONFIRMATION', 'CONFIRMED'))::int AS pending,
      count(*) FILTER (WHERE a."state" IN ('EXPIRED', 'CANCELLED', 'HELD_DUPLICATE'))::int AS other,
      count(*) FILTER (WHERE a."followUpAnswer" = 'REPLIED')::int AS replied,
      count(*) FILTER (WHERE a."followUpAnswer" = 'NO_REPLY')::int AS "noReply"
    FROM "Appeal" a
    JOIN "Campaign" c ON c."id" = a."campaignId"
    JOIN "Official" o ON o."id" = a."officialId"
    ${appealAliasWhere(filters)}
    GROUP BY c."id", c."slug", o."id", o."slug"
    ORDER BY c."slug", o."slug"`;
  return {
    header: ["campaign", "official", "official_name", "sent", "failed", "pending", "expired_cancelled_or_held", "replied", "no_reply"],
    rows: rows.map((row) => [row.campaign, row.official, row.name, int(row.sent), int(row.failed), int(row.pending), int(row.other), int(row.replied), int(row.noReply)]),
  };
}

function appealAliasWhere(filters: DashboardFilters): Prisma.Sql {
  const campaign = filters.campaignId ? Prisma.sql`AND a."campaignId" = ${filters.campaignId}` : Prisma.empty;
  return Prisma.sql`WHERE a."createdAt" >= ${fromDate(filters)} AND a."createdAt" < ${endDate(filters)} ${campaign}`;
}

/**
 * One row per pledge made in the range (unconfirmed ones included, marked by their state),
 * with the day only, never the time. `withContact` adds the address, filled only where the
 * retention policy still holds it (the purge sets it to null) and the pledge was confirmed.
 */
export async function exportPledgeRows(filters: DashboardFilters, { withContact }: { withContact: boolean }): Promise<{ header: string[]; rows: CsvRow[] }> {
  const rows = await getPrisma().$queryRaw<
    { day: Date | string; kind: PledgeKind; state: PledgeState; campaign: string | null; prisoner: string | null; language: string; country: string | null; email: string | null }[]
  >`SELECT (p."createdAt" AT TIME ZONE 'UTC')::date AS day, p."kind"::text AS kind, p."state"::text AS state,
      c."slug" AS campaign, pr."slug" AS prisoner, p."language", p."country",
      ${withContact ? Prisma.sql`CASE WHEN p."state" <> 'PENDING_CONFIRMATION' THEN p."email" END` : Prisma.sql`NULL::text`} AS email
    FROM "Pledge" p
    LEFT JOIN "Campaign" c ON c."id" = p."campaignId"
    LEFT JOIN "Prisoner" pr ON pr."id" = p."prisonerId"
    WHERE p."createdAt" >= ${fromDate(filters)} AND p."createdAt" < ${endDate(filters)}
      ${filters.campaignId ? Prisma.sql`AND p."campaignId" = ${filters.campaignId}` : Prisma.empty}
    ORDER BY p."createdAt", p."id"`;
  const header = ["day", "kind", "state", "campaign", "prisoner", "language", "country"];
  return {
    header: withContact ? [...header, "email"] : header,
    rows: rows.map((row) => {
      const cells: CsvRow = [weekKey(row.day), row.kind, row.state, row.campaign, row.prisoner, row.language, row.country];
      return withContact ? [...cells, row.email] : cells;
    }),
  };
}
