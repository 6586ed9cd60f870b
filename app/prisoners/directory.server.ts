// The prisoner directory: search by any spelling, filters, sorting and pages.
// A few thousand people at most, so filtering and sorting happen in memory after one
// light query; only the page shown loads its summaries.
import type { DatePrecision, LetterStatus, NameScript, PrisonerStatus } from "@prisma/client";
import { z } from "zod";

import type { Language } from "~/i18n";
import { cachedUntilContentChanges } from "~/utils/content-revision.server";
import { getCurrentDatabase, getPrisma } from "~/utils/database.server";
import { localizedField, type LocalizedText } from "~/utils/localized";

import { nextBirthday, todayInMinsk } from "./birthdays.server";
import { listLimits } from "./list-limits.server";
import { displayName, toNames } from "./person-name";
import { searchPrisoners } from "./prisoner-search.server";
import type { PrisonerListItem } from "./prisoner.server";
import { countRecentLetters } from "./recent-letters.server";
import { freshnessOf, HELD_STATUSES } from "./status-report";
import { toStatusReports } from "./status-report.server";
import { freshReportCutoff, statusStaleAfterDays } from "./status-settings.server";

export const QUERY_MAX_LENGTH = 200;

export const PRISONER_STATUSES = [
  "IN_CUSTODY",
  "INCOMMUNICADO",
  "RELEASED",
  "IN_EXILE",
  "DIED_IN_CUSTODY",
] as const satisfies readonly PrisonerStatus[];

/** "relevance" only applies to a search; without one the default is "needs-letters". */
export const DIRECTORY_SORTS = ["needs-letters", "name", "verified", "relevance"] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];

export interface DirectoryQuery {
  q: string;
  status: PrisonerStatus | null;
  facility: string | null;
  month: number | null;
  canReceiveLetters: boolean;
  /** What the reader asked for; null means the default for this query. */
  sort: DirectorySort | null;
  /** As asked; listDirectory clamps it to the pages there are. */
  page: number;
}

// Control characters (NUL and the like) cannot be typed into a name and break HTML.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/** Cuts by characters, never in the middle of a surrogate pair. */
function cut(text: string, length: number) {
  const characters = Array.from(text);
  return characters.length > length ? characters.slice(0, length).join("") : text;
}

const optional = <T extends z.ZodTypeAny>(schema: T) => schema.nullable().catch(null);

/** Bad or unknown values are dropped, never an error: the page then shows everyone. */
export const directoryQuerySchema = z.object({
  q: z
    .string()
    .nullable()
    .catch(null)
    .transform((value) => cut((value ?? "").replace(CONTROL_CHARACTERS, " ").trim(), QUERY_MAX_LENGTH).trim()),
  status: optional(z.enum(PRISONER_STATUSES)),
  facility: optional(z.string().max(120).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
  month: optional(z.coerce.number().int().min(1).max(12)),
  letters: z
    .string()
    .nullable()
    .catch(null)
    .transform((value) => value === "1" || value === "on" || value === "true"),
  sort: optional(z.enum(DIRECTORY_SORTS)),
  page: z.coerce.number().int().catch(1),
});

export function parseDirectoryQuery(params: URLSearchParams): DirectoryQuery {
  const parsed = directoryQuerySchema.parse({
    q: params.get("q"),
    status: params.get("status"),
    facility: params.get("facility"),
    // An empty select sends "", which z.coerce would read as 0.
    month: params.get("month") || null,
    letters: params.get("letters"),
    sort: params.get("sort"),
    page: params.get("page") ?? "1",
  });
  return {
    q: parsed.q,
    status: parsed.status,
    facility: parsed.facility,
    month: parsed.month,
    canReceiveLetters: parsed.letters,
    sort: parsed.sort,
    page: parsed.page,
  };
}

export interface DirectoryFacility {
  slug: string;
  name: LocalizedText | null;
}

export async function listDirectoryFacilities(language: Language): Promise<DirectoryFacility[]> {
  // A draft facility (waiting for a second staff member) is not public.
  const rows = await getPrisma().facility.findMany({
    where: { reviewState: "APPROVED" },
    select: { slug: true, translations: { select: { locale: true, name: true } } },
  });
  const collator = new Intl.Collator(language);
  return rows
    .map((row) => ({ slug: row.slug, name: localizedField(row.translations, language, "name") }))
    .sort((a, b) => collator.compare(a.name?.text ?? a.slug, b.name?.text ?? b.slug));
}

export interface DirectoryItem extends PrisonerListItem {
  lettersLastDays: number;
  /** ISO date, or null when not known. */
  birthDate: string | null;
  /** The newer of the editor's check and the newest source behind a fact (ISO date). */
  lastVerifiedOn: string;
  facility: DirectoryFacility | null;
}

export interface DirectoryPage {
  items: DirectoryItem[];
  total: number;
  /** The page shown, after clamping to 1…pageCount. */
  page: number;
  pageCount: number;
  pageSize: number;
  /** The sort actually used. */
  sort: DirectorySort;
  /** The facility filter actually used (an unknown slug is dropped). */
  facility: string | null;
}

/**
 * Days until the next birthday, 0 on the day itself, by the same rules as the birthdays
 * page (29 February is celebrated on 28 February in other years).
 */
export function daysUntilBirthday(birthDate: Date, today: Date): number {
  return nextBirthday(birthDate.toISOString().slice(0, 10), today.toISOString().slice(0, 10))?.daysUntil ?? Number.POSITIVE_INFINITY;
}

/** Today's date in Minsk (as UTC midnight): a birthday there is what the person celebrates. */
export function minskToday(now: Date): Date {
  return new Date(`${todayInMinsk(now)}T00:00:00.000Z`);
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** One public person as the directory filters and sorts them: no text beyond the names. */
interface SnapshotRow {
  id: string;
  status: PrisonerStatus;
  facilitySlug: string | null;
  letterStatus: string;
  letterStatusSourceId: string | null;
  letterStatusReportedOn: Date | null;
  letterStatusReportedPrecision: DatePrecision | null;
  birthDate: Date | null;
  names: { script: NameScript; givenName: string; patronymic: string | null; familyName: string }[];
  letters: number;
  birthdayIn: number;
  verified: number;
  createdAt: number;
}

export interface DirectorySnapshot {
  rows: SnapshotRow[];
  /** Position of each person in name order, per language (made on first use). */
  nameOrder(language: Language): Map<string, number>;
}

/**
 * Everyone public, with what the filters and orders need, read once per content revision and
 * day (the data cache): each query then filters and sorts in memory, and only the page shown
 * loads its summaries. With thousands of people this is a few milliseconds a query instead of
 * a query over every profile, its names and facts each time.
 */
const loadDirectoryContent = cachedUntilContentChanges(async (utcDay: string, minskDay: string): Promise<DirectorySnapshot> => {
  const sql = getCurrentDatabase().sql;
  // Plain SQL: through Prisma, thousands of people with their names and facts cost seconds.
  // Dates come as text, so no driver's time zone can move them.
  const [people, names] = await Promise.all([
    sql.query<{
      id: string;
      status: PrisonerStatus;
      facilitySlug: string | null;
      letterStatus: string;
      letterStatusSourceId: string | null;
      letterStatusReportedOn: string | null;
      letterStatusReportedPrecision: DatePrecision | null;
      birthDate: string | null;
      lastVerifiedOn: string;
      newestSource: string | null;
      createdAt: number | string;
    }>(
      `SELECT p."id", p."status"::text AS "status", f."slug" AS "facilitySlug", p."letterStatus"::text AS "letterStatus",
              p."letterStatusSourceId", p."letterStatusReportedOn"::text AS "letterStatusReportedOn",
              p."letterStatusReportedPrecision"::text AS "letterStatusReportedPrecision", p."birthDate"::text AS "birthDate",
              p."lastVerifiedOn"::text AS "lastVerifiedOn",
              (SELECT max(s."publishedOn")::date::text FROM "PrisonerFact" pf JOIN "Source" s ON s."id" = pf."sourceId"
                WHERE pf."prisonerId" = p."id") AS "newestSource",
              (extract(epoch FROM p."createdAt") * 1000)::float8 AS "createdAt"
         FROM "Prisoner" p LEFT JOIN "Facility" f ON f."id" = p."facilityId" AND f."reviewState" = 'APPROVED'
        WHERE NOT p."draft"`,
    ),
    sql.query<{ prisonerId: string; script: NameScript; givenName: string; patronymic: string | null; familyName: string }>(
      `SELECT n."prisonerId", n."script"::text AS "script", n."givenName", n."patronymic", n."familyName"
         FROM "PrisonerName" n JOIN "Prisoner" p ON p."id" = n."prisonerId"
        WHERE NOT p."draft" ORDER BY n."prisonerId", n."id"`,
    ),
  ]);
  const namesOf = new Map<string, SnapshotRow["names"]>();
  for (const { prisonerId, ...name } of names) {
    const list = namesOf.get(prisonerId);
    if (list) list.push(name);
    else namesOf.set(prisonerId, [name]);
  }
  const day = (text: string) => new Date(`${text.slice(0, 10)}T00:00:00.000Z`);
  const birthdayToday = day(minskDay);
  const rows = people.map((row): SnapshotRow => {
    const birthDate = row.birthDate ? day(row.birthDate) : null;
    return {
      id: row.id,
      status: row.status,
      facilitySlug: row.facilitySlug,
      letterStatus: row.letterStatus,
      letterStatusSourceId: row.letterStatusSourceId,
      letterStatusReportedOn: row.letterStatusReportedOn ? day(row.letterStatusReportedOn) : null,
      letterStatusReportedPrecision: row.letterStatusReportedPrecision,
      birthDate,
      names: namesOf.get(row.id) ?? [],
      letters: 0,
      birthdayIn: birthDate ? daysUntilBirthday(birthDate, birthdayToday) : Number.POSITIVE_INFINITY,
      verified: Math.max(day(row.lastVerifiedOn).getTime(), row.newestSource ? day(row.newestSource).getTime() : 0),
      createdAt: Number(row.createdAt),
    };
  });
  const orders = new Map<Language, Map<string, number>>();
  return {
    rows,
    nameOrder(language) {
      let order = orders.get(language);
      if (!order) {
        const collator = new Intl.Collator(language);
        const named = rows.map((row) => {
          const name = displayName(row.names, language);
          return { id: row.id, sortName: `${name.familyName}\u0000${name.givenName}` };
        });
        named.sort((a, b) => collator.compare(a.sortName, b.sortName) || a.id.localeCompare(b.id));
        order = new Map(named.map((entry, position) => [entry.id, position]));
        orders.set(language, order);
      }
      return order;
    },
  };
}, { countersShown: false });

/** Letters per person lately: a counter, refreshed with the counters (at most once a second in a storm). */
const loadRecentLetterCounts = cachedUntilContentChanges((utcDay: string) => countRecentLetters(null, new Date(`${utcDay}T00:00:00.000Z`)));

const withCounts = new WeakMap<DirectorySnapshot, { counts: Map<string, number>; snapshot: DirectorySnapshot }>();

/**
 * The directory's snapshot with today's letter counts. The content half (everyone public, their
 * names and dates) is read once per content change and day and stays through a pledge storm
 * (decision 0015); only the counts are read again when supporters act.
 */
export async function directorySnapshot(today: Date = new Date()): Promise<DirectorySnapshot> {
  const [content, counts] = await Promise.all([loadDirectoryContent(isoDate(today), isoDate(minskToday(today))), loadRecentLetterCounts(isoDate(today))]);
  const known = withCounts.get(content);
  if (known?.counts === counts) return known.snapshot;
  const snapshot: DirectorySnapshot = { rows: content.rows.map((row) => ({ ...row, letters: counts.get(row.id) ?? 0 })), nameOrder: (language) => content.nameOrder(language) };
  withCounts.set(content, { counts, snapshot });
  return snapshot;
}

export async function listDirectory(
  query: DirectoryQuery,
  language: Language,
  { today = new Date(), facilities, pageSize = listLimits().directoryPageSize }: { today?: Date; facilities?: DirectoryFacility[]; pageSize?: number } = {},
): Promise<DirectoryPage> {
  const knownFacilities = facilities ?? (await listDirectoryFacilities(language));
  const facilitySlug = query.facility && knownFacilities.some((f) => f.slug === query.facility) ? query.facility : null;
  const sort: DirectorySort = query.sort === "relevance" || !query.sort ? (query.q ? "relevance" : "needs-letters") : query.sort;

  const [hits, snapshot] = await Promise.all([query.q ? searchPrisoners(query.q, language) : null, directorySnapshot(today)]);
  const rank = new Map(hits?.map((hit, position) => [hit.prisonerId, position]));

  // "Can receive letters" needs a fresh report: an old one may describe a prison the person has left.
  // The cutoff compares the stored date; freshness counts from the start of a month or year
  // reported, so a report dated mid-month is checked again by the same rule the pages use.
  const cutoff = freshReportCutoff(today).getTime();
  const canReceiveNow = (row: SnapshotRow) =>
    row.letterStatus === "CAN_RECEIVE" &&
    row.letterStatusSourceId !== null &&
    row.letterStatusReportedOn !== null &&
    row.letterStatusReportedOn.getTime() >= cutoff &&
    letterReportIsFresh(row, today);
  const matching = snapshot.rows.filter(
    (row) =>
      (!hits || rank.has(row.id)) &&
      (!query.status || row.status === query.status) &&
      (!facilitySlug || row.facilitySlug === facilitySlug) &&
      (query.month === null || (row.birthDate !== null && row.birthDate.getUTCMonth() + 1 === query.month)) &&
      (!query.canReceiveLetters || canReceiveNow(row)),
  );

  const nameOrder = snapshot.nameOrder(language);
  const byName = (a: SnapshotRow, b: SnapshotRow) => nameOrder.get(a.id)! - nameOrder.get(b.id)!;
  // "Needs letters most": first whoever a letter reaches now (a fresh report), then whoever
  // nobody knows about (no report, or one too old to act on), then those a letter reaches only
  // through relatives or not at all for now; people no longer in custody (released, in exile,
  // dead) are never offered as needing a letter, and come last.
  const needTier = (row: SnapshotRow) => {
    if (!HELD_STATUSES.has(row.status) || row.letterStatus === "NOT_APPLICABLE") return 3;
    if (canReceiveNow(row)) return 0;
    const freshReport = row.letterStatusSourceId !== null && letterReportIsFresh(row, today);
    return row.letterStatus === "UNKNOWN" || row.letterStatus === "CAN_RECEIVE" || !freshReport ? 1 : 2;
  };
  const tiers = new Map(matching.map((row) => [row.id, needTier(row)]));
  const byNeed = (a: SnapshotRow, b: SnapshotRow) =>
    tiers.get(a.id)! - tiers.get(b.id)! || a.letters - b.letters || a.birthdayIn - b.birthdayIn || byName(a, b);
  const comparators: Record<DirectorySort, (a: SnapshotRow, b: SnapshotRow) => number> = {
    "needs-letters": byNeed,
    name: byName,
    verified: (a, b) => b.verified - a.verified || byName(a, b),
    relevance: (a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0) || byNeed(a, b),
  };
  matching.sort(comparators[sort]);

  const total = matching.length;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, query.page), pageCount);
  const shown = matching.slice((page - 1) * pageSize, page * pageSize);
  return { items: await directoryItems(shown, language, today), total, page, pageCount, pageSize, sort, facility: facilitySlug };
}

/** The cards of one page: only these people's summaries and facility names are read, in one query. */
async function directoryItems(shown: SnapshotRow[], language: Language, today: Date): Promise<DirectoryItem[]> {
  if (shown.length === 0) return [];
  type Source = { publication: string; title: string | null; url: string | null } | null;
  const rows = await getCurrentDatabase().sql.query<{
    id: string;
    slug: string;
    status: PrisonerStatus;
    letterStatus: LetterStatus;
    statusSource: Source;
    statusReportedOn: string | null;
    statusReportedPrecision: DatePrecision | null;
    letterStatusSource: Source;
    letterStatusReportedOn: string | null;
    letterStatusReportedPrecision: DatePrecision | null;
    translations: { locale: string; summary: string }[];
    facilitySlug: string | null;
    facilityNames: { locale: string; name: string }[];
  }>(
    `SELECT p."id", p."slug", p."status"::text AS "status", p."letterStatus"::text AS "letterStatus",
            CASE WHEN ss."id" IS NULL THEN NULL ELSE json_build_object('publication', ss."publication", 'title', ss."title", 'url', ss."url") END AS "statusSource",
            p."statusReportedOn"::text AS "statusReportedOn", p."statusReportedPrecision"::text AS "statusReportedPrecision",
            CASE WHEN ls."id" IS NULL THEN NULL ELSE json_build_object('publication', ls."publication", 'title', ls."title", 'url', ls."url") END AS "letterStatusSource",
            p."letterStatusReportedOn"::text AS "letterStatusReportedOn", p."letterStatusReportedPrecision"::text AS "letterStatusReportedPrecision",
            (SELECT coalesce(json_agg(json_build_object('locale', t."locale", 'summary', t."summary")), '[]'::json)
               FROM "PrisonerTranslation" t WHERE t."prisonerId" = p."id") AS "translations",
            f."slug" AS "facilitySlug",
            (SELECT coalesce(json_agg(json_build_object('locale', ft."locale", 'name', ft."name")), '[]'::json)
               FROM "FacilityTranslation" ft WHERE ft."facilityId" = f."id") AS "facilityNames"
       FROM "Prisoner" p
       LEFT JOIN "Source" ss ON ss."id" = p."statusSourceId"
       LEFT JOIN "Source" ls ON ls."id" = p."letterStatusSourceId"
       LEFT JOIN "Facility" f ON f."id" = p."facilityId" AND f."reviewState" = 'APPROVED'
      WHERE p."id" = ANY($1) AND NOT p."draft"`,
    [shown.map((row) => row.id)],
  );
  const day = (text: string | null) => (text ? new Date(`${text.slice(0, 10)}T00:00:00.000Z`) : null);
  const details = new Map(rows.map((row) => [row.id, row]));
  return shown.flatMap((candidate): DirectoryItem[] => {
    const row = details.get(candidate.id);
    if (!row) return []; // deleted or made a draft since the snapshot
    const reports = toStatusReports(
      { ...row, statusReportedOn: day(row.statusReportedOn), letterStatusReportedOn: day(row.letterStatusReportedOn) },
      language,
      today,
    );
    return [
      {
        slug: row.slug,
        ...reports,
        names: toNames(candidate.names, language),
        summary: localizedField(row.translations, language, "summary"),
        lettersLastDays: candidate.letters,
        birthDate: candidate.birthDate ? isoDate(candidate.birthDate) : null,
        lastVerifiedOn: isoDate(new Date(candidate.verified)),
        facility: row.facilitySlug ? { slug: row.facilitySlug, name: localizedField(row.facilityNames, language, "name") } : null,
      },
    ];
  });
}

function letterReportIsFresh(
  row: { status: PrisonerStatus; letterStatusReportedOn: Date | null; letterStatusReportedPrecision: DatePrecision | null },
  today: Date,
): boolean {
  if (!row.letterStatusReportedOn) return false;
  const report = {
    source: { publication: "", title: null, url: null },
    reportedOn: isoDate(row.letterStatusReportedOn),
    precision: row.letterStatusReportedPrecision ?? "DAY",
    displayDate: "",
  };
  return freshnessOf(report, row.status, today, statusStaleAfterDays()) === "fresh";
}

/** Month names for the birthday filter, in the reader's language, as a list heading would write them. */
export function monthNames(language: Language): { value: number; label: string }[] {
  const format = new Intl.DateTimeFormat(language, { month: "long", timeZone: "UTC" });
  return Array.from({ length: 12 }, (_, index) => {
    const label = format.format(new Date(Date.UTC(2000, index, 1)));
    return { value: index + 1, label: label.charAt(0).toLocaleUpperCase(language) + label.slice(1) };
  });
}

/** "8 March": the day and month of a birthday, without the year. */
export function formatBirthday(isoDate: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { day: "numeric", month: "long", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00.000Z`),
  );
}

/** One directory page with the facility list, reused until content or the day changes. */
export const findDirectoryPage = cachedUntilContentChanges(async (query: DirectoryQuery, language: Language) => {
  const facilities = await listDirectoryFacilities(language);
  return { facilities, result: await listDirectory(query, language, { facilities }) };
});

/** How many public people there are in each status (the home page links them to the directory). */
export async function countByStatus(today: Date = new Date()): Promise<{ total: number; byStatus: Record<PrisonerStatus, number> }> {
  const { rows } = await directorySnapshot(today);
  const byStatus = Object.fromEntries(PRISONER_STATUSES.map((status) => [status, 0])) as Record<PrisonerStatus, number>;
  for (const row of rows) byStatus[row.status]++;
  return { total: rows.length, byStatus };
}
