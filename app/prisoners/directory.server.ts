// The prisoner directory: search by any spelling, filters, sorting and pages.
// A few thousand people at most, so filtering and sorting happen in memory after one
// light query; only the page shown loads its summaries.
import type { DatePrecision, PrisonerStatus } from "@prisma/client";
import { z } from "zod";

import type { Language } from "~/i18n";
import { cachedUntilContentChanges } from "~/utils/content-revision.server";
import { getPrisma } from "~/utils/database.server";
import { localizedField, type LocalizedText } from "~/utils/localized";

import { nextBirthday, todayInMinsk } from "./birthdays.server";
import { displayName, toNames } from "./person-name";
import { searchPrisoners } from "./prisoner-search.server";
import type { PrisonerListItem } from "./prisoner.server";
import { countRecentLetters } from "./recent-letters.server";
import { freshnessOf } from "./status-report";
import { STATUS_REPORT_SELECT, toStatusReports } from "./status-report.server";
import { freshReportCutoff, statusStaleAfterDays } from "./status-settings.server";

export const DIRECTORY_PAGE_SIZE = 20;
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
  const rows = await getPrisma().facility.findMany({
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

export async function listDirectory(
  query: DirectoryQuery,
  language: Language,
  { today = new Date(), facilities }: { today?: Date; facilities?: DirectoryFacility[] } = {},
): Promise<DirectoryPage> {
  const prisma = getPrisma();
  const knownFacilities = facilities ?? (await listDirectoryFacilities(language));
  const facilitySlug = query.facility && knownFacilities.some((f) => f.slug === query.facility) ? query.facility : null;
  const sort: DirectorySort = query.sort === "relevance" || !query.sort ? (query.q ? "relevance" : "needs-letters") : query.sort;

  const hits = query.q ? await searchPrisoners(query.q, language) : null;
  const rank = new Map(hits?.map((hit, position) => [hit.prisonerId, position]));

  // "Can receive letters" needs a fresh report: an old one may describe a prison the person has left.
  const canReceiveLetters = query.canReceiveLetters
    ? { letterStatus: "CAN_RECEIVE" as const, letterStatusSourceId: { not: null }, letterStatusReportedOn: { gte: freshReportCutoff(today) } }
    : {};
  const found =
    hits && hits.length === 0
      ? []
      : await prisma.prisoner.findMany({
          where: {
            draft: false,
            ...(hits ? { id: { in: hits.map((hit) => hit.prisonerId) } } : {}),
            ...(query.status ? { status: query.status } : {}),
            ...(facilitySlug ? { facility: { slug: facilitySlug } } : {}),
            ...canReceiveLetters,
          },
          select: {
            id: true,
            status: true,
            letterStatusReportedOn: true,
            letterStatusReportedPrecision: true,
            birthDate: true,
            lastVerifiedOn: true,
            names: { select: { script: true, givenName: true, patronymic: true, familyName: true }, orderBy: { id: "asc" } },
            facts: { select: { source: { select: { publishedOn: true } } } },
          },
        });
  // The cutoff compares the stored date; freshness counts from the start of a month or year
  // reported, so a report dated mid-month is checked again by the same rule the pages use.
  const rows = query.canReceiveLetters ? found.filter((row) => letterReportIsFresh(row, today)) : found;
  const matching = query.month === null ? rows : rows.filter((row) => row.birthDate && row.birthDate.getUTCMonth() + 1 === query.month);

  const letters = await countRecentLetters(matching.map((row) => row.id), today);
  const birthdayToday = minskToday(today);
  const collator = new Intl.Collator(language);
  const candidates = matching.map((row) => {
    const name = displayName(row.names, language);
    const newestSource = row.facts.reduce((newest, fact) => Math.max(newest, fact.source.publishedOn.getTime()), 0);
    return {
      id: row.id,
      names: row.names,
      sortName: `${name.familyName}\u0000${name.givenName}`,
      letters: letters.get(row.id) ?? 0,
      birthdayIn: row.birthDate ? daysUntilBirthday(row.birthDate, birthdayToday) : Number.POSITIVE_INFINITY,
      birthDate: row.birthDate,
      verified: Math.max(row.lastVerifiedOn.getTime(), newestSource),
    };
  });
  type Candidate = (typeof candidates)[number];
  const byName = (a: Candidate, b: Candidate) => collator.compare(a.sortName, b.sortName) || a.id.localeCompare(b.id);
  const byNeed = (a: Candidate, b: Candidate) => a.letters - b.letters || a.birthdayIn - b.birthdayIn || byName(a, b);
  const comparators: Record<DirectorySort, (a: Candidate, b: Candidate) => number> = {
    "needs-letters": byNeed,
    name: byName,
    verified: (a, b) => b.verified - a.verified || byName(a, b),
    relevance: (a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0) || byNeed(a, b),
  };
  candidates.sort(comparators[sort]);

  const total = candidates.length;
  const pageCount = Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE));
  const page = Math.min(Math.max(1, query.page), pageCount);
  const shown = candidates.slice((page - 1) * DIRECTORY_PAGE_SIZE, page * DIRECTORY_PAGE_SIZE);

  const details = new Map(
    (
      await prisma.prisoner.findMany({
        where: { id: { in: shown.map((candidate) => candidate.id) }, draft: false },
        select: {
          id: true,
          slug: true,
          ...STATUS_REPORT_SELECT,
          translations: { select: { locale: true, summary: true } },
          facility: { select: { slug: true, translations: { select: { locale: true, name: true } } } },
        },
      })
    ).map((row) => [row.id, row]),
  );
  const items = shown.flatMap((candidate): DirectoryItem[] => {
    const row = details.get(candidate.id);
    if (!row) return []; // deleted between the two queries
    return [
      {
        slug: row.slug,
        ...toStatusReports(row, language, today),
        names: toNames(candidate.names, language),
        summary: localizedField(row.translations, language, "summary"),
        lettersLastDays: candidate.letters,
        birthDate: candidate.birthDate ? isoDate(candidate.birthDate) : null,
        lastVerifiedOn: isoDate(new Date(candidate.verified)),
        facility: row.facility
          ? { slug: row.facility.slug, name: localizedField(row.facility.translations, language, "name") }
          : null,
      },
    ];
  });
  return { items, total, page, pageCount, pageSize: DIRECTORY_PAGE_SIZE, sort, facility: facilitySlug };
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
