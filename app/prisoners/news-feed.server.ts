// The site-wide "news" feed: releases, exile and transfers of the people on Listy, each as a
// dated source reported it. Entries come from the profiles' current status reports and from
// applied profile changes; a change that names no dated source gives no entry (a feed must
// never say more than the reports do). Only published profiles appear.
import type { DatePrecision, PrisonerStatus } from "@prisma/client";

import type { Language } from "~/i18n";
import { buildAtomFeed } from "~/utils/atom.server";
import { cachedUntilContentChanges } from "~/utils/content-revision.server";
import { getPrisma } from "~/utils/database.server";
import { formatDate, formatPersonName } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { localizedField } from "~/utils/localized";
import type { TaggedXml } from "~/utils/xml-response.server";

import { displayName, type NameRow } from "./person-name";

/** How many entries the feed carries: the newest reports first. */
export const NEWS_FEED_ENTRIES = 50;
/** How many applied changes are looked at for entries (newest first). */
const CHANGES_LOOKED_AT = 1_000;

export type NewsKind = "released" | "in-exile" | "transferred";

const NEWS_STATUSES: Partial<Record<PrisonerStatus, NewsKind>> = { RELEASED: "released", IN_EXILE: "in-exile" };

export interface NewsItem {
  prisonerId: string;
  slug: string;
  names: NameRow[];
  kind: NewsKind;
  /** The facility slug a transfer went to. */
  facility: string | null;
  source: string;
  /** ISO date the source reported it, at `precision`. */
  reportedOn: string;
  precision: DatePrecision;
}

type SourceRow = { key: string; publication: string; publishedOn: Date; datePrecision: DatePrecision };

const iso = (date: Date) => date.toISOString().slice(0, 10);
const isIsoDate = (value: unknown): value is string => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
const PRECISIONS: readonly DatePrecision[] = ["DAY", "MONTH", "YEAR"];

/** The news items, newest report first, at most NEWS_FEED_ENTRIES. */
export async function listNewsItems(): Promise<NewsItem[]> {
  const prisma = getPrisma();
  const nameSelect = { select: { script: true, givenName: true, patronymic: true, familyName: true } } as const;
  const [current, changes] = await Promise.all([
    prisma.prisoner.findMany({
      where: { draft: false, status: { in: ["RELEASED", "IN_EXILE"] }, statusSourceId: { not: null }, statusReportedOn: { not: null } },
      select: { id: true, slug: true, status: true, statusReportedOn: true, statusReportedPrecision: true, statusSource: { select: { publication: true } }, names: nameSelect },
    }),
    prisma.prisonerChange.findMany({
      where: { state: "APPLIED", prisoner: { draft: false } },
      orderBy: [{ decidedAt: "desc" }, { id: "asc" }],
      take: CHANGES_LOOKED_AT,
      select: { before: true, after: true, prisoner: { select: { id: true, slug: true, names: nameSelect } } },
    }),
  ]);
  const items = new Map<string, NewsItem>();
  const add = (item: NewsItem) => {
    // The same report reached by a change and by the current status is one piece of news.
    const key = `${item.prisonerId}|${item.kind}|${item.facility ?? ""}|${item.reportedOn}`;
    if (!items.has(key)) items.set(key, item);
  };
  for (const row of current) {
    const kind = NEWS_STATUSES[row.status];
    if (!kind || !row.statusSource || !row.statusReportedOn) continue;
    add({
      prisonerId: row.id,
      slug: row.slug,
      names: row.names,
      kind,
      facility: null,
      source: row.statusSource.publication,
      reportedOn: iso(row.statusReportedOn),
      precision: row.statusReportedPrecision ?? "DAY",
    });
  }

  // A change's status report names a Source by key; the keys are looked up once.
  const fieldsOf = (value: unknown) => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
  const sourceKeys = new Set(changes.map((change) => fieldsOf(change.after).statusSource).filter((key): key is string => typeof key === "string"));
  const sources = new Map<string, SourceRow>(
    sourceKeys.size > 0
      ? (await prisma.source.findMany({ where: { key: { in: [...sourceKeys] } }, select: { key: true, publication: true, publishedOn: true, datePrecision: true } })).map((source) => [source.key, source])
      : [],
  );
  for (const change of changes) {
    const before = fieldsOf(change.before);
    const after = fieldsOf(change.after);
    const source = typeof after.statusSource === "string" ? sources.get(after.statusSource) : undefined;
    if (!source) continue;
    // "Null date with a source" means the source's own date (prisoner-fields.ts).
    const reportedOn = isIsoDate(after.statusReportedOn) ? after.statusReportedOn : iso(source.publishedOn);
    const precision = isIsoDate(after.statusReportedOn)
      ? PRECISIONS.find((value) => value === after.statusReportedPrecision) ?? "DAY"
      : source.datePrecision;
    const base = { prisonerId: change.prisoner.id, slug: change.prisoner.slug, names: change.prisoner.names, source: source.publication, reportedOn, precision };
    const statusKind = typeof after.status === "string" && after.status !== before.status ? NEWS_STATUSES[after.status as PrisonerStatus] : undefined;
    if (statusKind) add({ ...base, kind: statusKind, facility: null });
    // A transfer: from one known place to another, in a change that dates its report.
    if (typeof after.facility === "string" && typeof before.facility === "string" && after.facility !== before.facility) {
      add({ ...base, kind: "transferred", facility: after.facility });
    }
  }
  return [...items.values()]
    .sort((a, b) => b.reportedOn.localeCompare(a.reportedOn) || a.slug.localeCompare(b.slug) || a.kind.localeCompare(b.kind))
    .slice(0, NEWS_FEED_ENTRIES);
}

/** The news feed in one language; made once per content revision (no counters in it). */
export const newsFeed = cachedUntilContentChanges(readNewsFeed, { countersShown: false });

async function readNewsFeed(language: Language, origin: string): Promise<TaggedXml> {
  const [t, items] = await Promise.all([getFixedT(language, ["reach", "common"]), listNewsItems()]);
  const facilitySlugs = [...new Set(items.map((item) => item.facility).filter((slug): slug is string => slug !== null))];
  const facilities = new Map(
    facilitySlugs.length > 0
      ? (await getPrisma().facility.findMany({ where: { slug: { in: facilitySlugs } }, select: { slug: true, translations: true } })).map((facility) => [
          facility.slug,
          localizedField(facility.translations, language, "name")?.text ?? facility.slug,
        ])
      : [],
  );
  const selfUrl = `${origin}/${language}/news.atom`;
  return buildAtomFeed({
    id: selfUrl,
    title: t("reach:news.feed-title"),
    subtitle: t("reach:news.feed-subtitle"),
    language,
    selfUrl,
    alternateUrl: `${origin}/${language}/prisoners`,
    authorName: t("common:site.name"),
    emptyUpdated: "2026-01-01T00:00:00Z",
    entries: items.map((item) => {
      const name = formatPersonName(displayName(item.names, language));
      const facility = item.facility ? facilities.get(item.facility) ?? item.facility : "";
      const title =
        item.kind === "released"
          ? t("reach:news.released", { name })
          : item.kind === "in-exile"
            ? t("reach:news.in-exile", { name })
            : t("reach:news.transferred", { name, facility });
      return {
        // Stable: the person's id (not the slug, which can be edited), what happened and when it was reported.
        id: `${selfUrl}#${item.prisonerId}-${item.kind}-${item.facility ?? "status"}-${item.reportedOn}`,
        title,
        updated: `${item.reportedOn}T00:00:00Z`,
        link: `${origin}/${language}/prisoners/${item.slug}`,
        summary: t("reach:news.summary", { source: item.source, date: formatDate(item.reportedOn, item.precision, language) }),
      };
    }),
  });
}
