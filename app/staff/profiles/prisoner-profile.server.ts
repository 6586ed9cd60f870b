// Prisoner profiles in the back office: list, create (always a draft), edit (directly while a
// draft, by proposal once published), publish, and decide on proposed changes. Profiles are
// read and written only through prisoner-fields.server.ts, so the editor, the CSV import and
// the history agree on what a change is. Every write is guarded (version, state) and audited
// in the same transaction. Photos: see savePhoto below.
import { Prisma, type LetterStatus, type PrisonerChangeOrigin, type PrisonerChangeState, type PrisonerStatus } from "@prisma/client";

import { supportedLanguages, type Language } from "~/i18n";
import { displayName } from "~/prisoners/person-name";
import { firstFreeSlug, slugCandidates, type SlugPerson } from "~/prisoners/profile-slug";
import { letterStatusToActOn, type StatusReportView } from "~/prisoners/status-report";
import { STATUS_REPORT_SELECT, toStatusReports } from "~/prisoners/status-report.server";
import { freshReportCutoff } from "~/prisoners/status-settings.server";
import { audit } from "~/staff/audit.server";
import type { Actor } from "~/staff/permissions";
import { getPrisma } from "~/utils/database.server";
import { formatPersonName } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { localizedField } from "~/utils/localized";
import { SLUG_PATTERN } from "~/utils/slug";
import { matchQuery, nameWords, parseQuery } from "~/utils/transliteration";

import { NAME_SCRIPTS, STATUS_REPORT_FIELDS, type ChargeFields, type FactFields, type NameFields, type NewSourceFields, type ProfileFields } from "./prisoner-fields";
import { diffProfileFields, missingReferences, readProfileFields, UnknownChargeTypeError, UnknownFacilityError, UnknownSourceError, withStatusReportDates, writeProfileFields } from "./prisoner-fields.server";
import { changeLifecycle, initialChangeState, isStale, mayDecide, mayEditProfiles, mayPublish, profileLifecycle, profilesIn, profilesReadyFor, profileStateOf, type ChangeDecision, type ProfileFilter } from "./profile-change-state";
import { formValuesOf, type ProfileFormValues } from "./profile-form";
import { FACT_KIND_KEYS } from "./profile-labels";
import { photoPath, type ProcessedPhoto } from "./profile-photo.server";

type Tx = Prisma.TransactionClient;
type StaffActor = Extract<Actor, { kind: "staff" }>;

/** Keys of a change that are not profile fields: the photo (its hash) and, while pending, its bytes. */
const PHOTO_KEY = "photo";
const PHOTO_BYTES_KEY = "photo.jpeg";
const PHOTO_CREDIT_KEY = "photo.credit";

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const today = (now: Date) => now.toISOString().slice(0, 10);


export interface StaffProfileRow {
  id: string;
  slug: string;
  name: string;
  draft: boolean;
  /** A draft returned to its authors. */
  returned: boolean;
  pending: number;
  /** With the "stale" filter: the reports that need re-checking (the letter status only when letters act on it). */
  reports?: StaleReport[];
}

export interface StaleReport {
  field: "status" | "letterStatus";
  value: PrisonerStatus | LetterStatus;
  view: StatusReportView;
}

/** Letters act on these letter statuses only while their report is fresh; the others claim nothing to re-check. */
const letterStatusNeedsReport = (letterStatus: LetterStatus) => letterStatusToActOn(letterStatus, "stale") !== letterStatus;

/**
 * Published profiles a campaigner should re-check: a status (or a letter status that routes
 * letters) whose report is stale or missing. A death in custody is final and never listed.
 * The database narrows by date (a year's margin, for month and year precision); the exact
 * rule is the one the public pages use (freshnessOf, from the start of the reported period).
 */
const STALE_CANDIDATES = (now: Date): Prisma.PrisonerWhereInput => {
  const margin = freshReportCutoff(now);
  margin.setUTCDate(margin.getUTCDate() + 366);
  const undatedOrOld = (source: "statusSourceId" | "letterStatusSourceId", reportedOn: "statusReportedOn" | "letterStatusReportedOn"): Prisma.PrisonerWhereInput[] => [
    { [source]: null },
    { [reportedOn]: null },
    { [reportedOn]: { lt: margin } },
  ];
  return {
    draft: false,
    status: { not: "DIED_IN_CUSTODY" },
    OR: [
      ...undatedOrOld("statusSourceId", "statusReportedOn"),
      { letterStatus: { in: ["CAN_RECEIVE", "RELATIVES_ONLY", "INCOMMUNICADO"] }, OR: undatedOrOld("letterStatusSourceId", "letterStatusReportedOn") },
    ],
  };
};

type ReportRow = Prisma.PrisonerGetPayload<{ select: typeof STATUS_REPORT_SELECT }>;

/** The reports of one profile that are stale or missing, oldest first; empty when all are fresh. */
export function staleReportsOf(row: ReportRow, language: Language, now: Date = new Date()): StaleReport[] {
  if (row.status === "DIED_IN_CUSTODY") return [];
  const reports = toStatusReports(row, language, now);
  const stale: StaleReport[] = [];
  if (reports.statusReport.freshness !== "fresh") stale.push({ field: "status", value: row.status, view: reports.statusReport });
  if (letterStatusNeedsReport(row.letterStatus) && reports.letterStatusReport.freshness !== "fresh") stale.push({ field: "letterStatus", value: row.letterStatus, view: reports.letterStatusReport });
  return stale.sort((a, b) => reportAge(a.view).localeCompare(reportAge(b.view)));
}

/** Sorts oldest first, a missing report before any dated one. */
const reportAge = (view: StatusReportView) => view.report?.reportedOn ?? "";
const oldestReport = (reports: StaleReport[]) => (reports.length ? reportAge(reports[0]!.view) : "~");

export interface StaleProfile {
  id: string;
  name: string;
  reports: StaleReport[];
}

/** Of these prisoners, those with a status to re-check, in the order given (a campaign's members). */
export async function staleProfilesAmong(ids: readonly string[], language: Language, now: Date = new Date()): Promise<StaleProfile[]> {
  if (ids.length === 0) return [];
  const rows = await getPrisma().prisoner.findMany({ where: { id: { in: [...ids] } }, select: { id: true, names: true, ...STATUS_REPORT_SELECT } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    const reports = row ? staleReportsOf(row, language, now) : [];
    return row && reports.length > 0 ? [{ id, name: formatPersonName(displayName(row.names, language)), reports }] : [];
  });
}

/** How many published profiles have a status to re-check (the list's link). */
export async function countStaleProfiles(actor: StaffActor, now: Date = new Date()): Promise<number> {
  if (!mayEditProfiles(actor)) return 0;
  const rows = await getPrisma().prisoner.findMany({ where: STALE_CANDIDATES(now), select: STATUS_REPORT_SELECT });
  return rows.filter((row) => staleReportsOf(row, "en", now).length > 0).length;
}

/** Rows per page of the staff list. */
export const STAFF_LIST_PAGE_SIZE = 50;

export interface StaffListQuery {
  q?: string;
  filter?: ProfileFilter;
  status?: PrisonerStatus | null;
  letterStatus?: LetterStatus | null;
  /** A facility's slug. */
  facility?: string | null;
  page?: number;
  now?: Date;
}

export interface StaffProfileList {
  rows: StaffProfileRow[];
  total: number;
  page: number;
  pageCount: number;
}

/**
 * Ids of the profiles (drafts included) whose names answer the query in any script and
 * spelling, as the public search does (Ivanov finds Іваноў, Иванов, Ivanou), or whose
 * address contains it.
 */
export async function profileIdsMatching(q: string, where: Prisma.PrisonerWhereInput): Promise<string[]> {
  const query = parseQuery(q);
  const slugWord = q.trim().toLowerCase();
  const names = await getPrisma().prisonerName.findMany({ where: { prisoner: where }, select: { prisonerId: true, givenName: true, patronymic: true, familyName: true } });
  const ids = new Set<string>();
  for (const name of names) if (!ids.has(name.prisonerId) && matchQuery(query, nameWords(name))) ids.add(name.prisonerId);
  if (/^[a-z0-9-]{3,}$/.test(slugWord)) {
    for (const row of await getPrisma().prisoner.findMany({ where: { ...where, slug: { contains: slugWord } }, select: { id: true } })) ids.add(row.id);
  }
  return [...ids];
}

export async function listStaffProfiles(actor: StaffActor, language: Language, query: StaffListQuery = {}): Promise<StaffProfileList> {
  const { q = "", filter = "all", status = null, letterStatus = null, facility = null, now = new Date() } = query;
  const empty = { rows: [], total: 0, page: 1, pageCount: 1 };
  if (!mayEditProfiles(actor)) return empty;
  let where: Prisma.PrisonerWhereInput = {
    ...(filter === "draft" ? profilesIn(["DRAFT", "RETURNED"]) : filter === "returned" ? profilesIn(["RETURNED"]) : filter === "published" ? profilesIn(["PUBLISHED"]) : {}),
    ...(filter === "stale" ? STALE_CANDIDATES(now) : {}),
    ...(filter === "pending" ? { changes: { some: { state: "PENDING" } } } : {}),
    ...(status ? { status } : {}),
    ...(letterStatus ? { letterStatus } : {}),
    ...(facility ? { facility: { slug: facility } } : {}),
  };
  if (q.trim()) where = { AND: [where, { id: { in: await profileIdsMatching(q.slice(0, 100), where) } }] };

  const select = { id: true, slug: true, draft: true, returnedAt: true, names: true, _count: { select: { changes: { where: { state: "PENDING" } } } } } as const;
  const toRow = (row: Prisma.PrisonerGetPayload<{ select: typeof select }>) => ({
    id: row.id,
    slug: row.slug,
    name: formatPersonName(displayName(row.names, language)),
    draft: row.draft,
    returned: profileStateOf(row) === "RETURNED",
    pending: row._count.changes,
  });
  const paged = (total: number) => {
    const pageCount = Math.max(1, Math.ceil(total / STAFF_LIST_PAGE_SIZE));
    const page = Math.min(Math.max(1, Math.floor(query.page ?? 1)), pageCount);
    return { total, page, pageCount, skip: (page - 1) * STAFF_LIST_PAGE_SIZE };
  };
  if (filter === "stale") {
    // Staleness is computed from each report's date and precision, so it is filtered here.
    const rows = await getPrisma().prisoner.findMany({ where, select: { ...select, ...STATUS_REPORT_SELECT }, orderBy: { slug: "asc" } });
    const stale = rows
      .map((row) => ({ ...toRow(row), reports: staleReportsOf(row, language, now) }))
      .filter((row) => row.reports.length > 0)
      .sort((a, b) => oldestReport(a.reports).localeCompare(oldestReport(b.reports)));
    const { total, page, pageCount, skip } = paged(stale.length);
    return { rows: stale.slice(skip, skip + STAFF_LIST_PAGE_SIZE), total, page, pageCount };
  }
  const { total, page, pageCount, skip } = paged(await getPrisma().prisoner.count({ where }));
  const rows = await getPrisma().prisoner.findMany({ where, select, orderBy: [{ updatedAt: "desc" }, { slug: "asc" }], skip, take: STAFF_LIST_PAGE_SIZE });
  return { rows: rows.map(toRow), total, page, pageCount };
}

export interface FacilityOption {
  slug: string;
  label: string;
}

export async function listFacilityOptions(language: Language): Promise<FacilityOption[]> {
  const rows = await getPrisma().facility.findMany({ select: { slug: true, translations: true }, orderBy: { slug: "asc" }, take: 1000 });
  return rows.map((row) => ({ slug: row.slug, label: localizedField(row.translations, language, "name")?.text ?? row.slug }));
}

export interface SourceOption {
  key: string;
  label: string;
}

/** Sources to pick from, newest first: "Publication, “Title”, 2026-11-01". */
export async function listSourceOptions(): Promise<SourceOption[]> {
  const rows = await getPrisma().source.findMany({ select: { key: true, publication: true, title: true, publishedOn: true }, orderBy: [{ publishedOn: "desc" }, { key: "asc" }], take: 1000 });
  return rows.map((row) => ({ key: row.key, label: [row.publication, row.title ? `“${row.title}”` : null, row.publishedOn.toISOString().slice(0, 10)].filter(Boolean).join(", ") }));
}

export interface ChargeTypeOption {
  slug: string;
  label: string;
}

/** Charge types: "Art. 342 — Organising actions that grossly violate public order". */
export async function listChargeTypeOptions(language: Language): Promise<ChargeTypeOption[]> {
  const rows = await getPrisma().chargeType.findMany({ select: { slug: true, article: true, translations: true }, take: 1000 });
  return rows
    .map((row) => {
      const name = localizedField(row.translations, language, "name")?.text ?? row.slug;
      return { slug: row.slug, article: row.article, label: row.article ? `${row.article} — ${name}` : name };
    })
    .sort((a, b) => (a.article ?? "~").localeCompare(b.article ?? "~", "en", { numeric: true }) || a.label.localeCompare(b.label))
    .map(({ slug, label }) => ({ slug, label }));
}

/** One changed field as text: the page translates the field's name and enum values. */
export interface ChangeLine {
  field: string;
  before: string | null;
  after: string | null;
  /** For the lists (facts, charges, sources): how many before and after, and which items came and went. */
  list?: { before: number; after: number; added: string[]; removed: string[] };
}

export interface ChangeView {
  id: string;
  state: PrisonerChangeState;
  origin: PrisonerChangeOrigin;
  author: string | null;
  reviewer: string | null;
  createdAt: string;
  decidedAt: string | null;
  note: string | null;
  reason: string | null;
  stale: boolean;
  lines: ChangeLine[];
  may: Record<ChangeDecision, boolean>;
}

function valueText(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "object" && "familyName" in (value as object)) return formatPersonName(value as NameFields);
  return String(value);
}

/** How list items are named in the history: translated kinds, sources and charges by name. */
export interface ItemLabels {
  kind(kind: string): string;
  source(key: string): string;
  chargeType(slug: string): string;
  language: Language;
}
const plainLabels: ItemLabels = { kind: (kind) => kind, source: (key) => key, chargeType: (slug) => slug, language: "en" };

/** One list item as a line of plain text (the page shows it escaped, like every value). */
function itemText(field: string, item: unknown, labels: ItemLabels): string {
  if (field === "facts") {
    const fact = item as FactFields;
    const text = fact.text?.[labels.language] ?? fact.text?.en ?? Object.values(fact.text ?? {})[0] ?? "";
    return [labels.kind(fact.kind), fact.occurredOn, labels.source(fact.source), text].filter(Boolean).join(" · ");
  }
  if (field === "charges") {
    const charge = item as ChargeFields;
    return `${labels.chargeType(charge.chargeType)} · ${labels.source(charge.source)}`;
  }
  const source = item as NewSourceFields;
  return [source.key, source.publication, source.title, source.url, source.publishedOn].filter(Boolean).join(" · ");
}

function listLine(field: string, before: unknown, after: unknown, labels: ItemLabels): ChangeLine {
  const b = Array.isArray(before) ? before : [];
  const a = Array.isArray(after) ? after : [];
  const bText = b.map((item) => itemText(field, item, labels));
  const aText = a.map((item) => itemText(field, item, labels));
  return {
    field,
    before: bText.length ? bText.join("\n") : null,
    after: aText.length ? aText.join("\n") : null,
    list: { before: b.length, after: a.length, added: aText.filter((text) => !bText.includes(text)), removed: bText.filter((text) => !aText.includes(text)) },
  };
}

export function changeLines(before: unknown, after: unknown, labels: ItemLabels = plainLabels): ChangeLine[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  // A source this change adds is named by its publication, like the ones already stored.
  const added = new Map((Array.isArray(a.sources) ? (a.sources as NewSourceFields[]) : []).map((source) => [source.key, `${source.publication}, ${source.publishedOn}`]));
  const withAdded: ItemLabels = { ...labels, source: (key) => added.get(key) ?? labels.source(key) };
  return Object.keys(a)
    .filter((field) => field !== PHOTO_BYTES_KEY)
    .map((field) => {
      if (field === "facts" || field === "charges" || field === "sources") return listLine(field, b[field], a[field], withAdded);
      // A status's report is named by its publication and date, like a fact's source.
      if (STATUS_SOURCE_FIELDS.has(field)) return { field, before: sourceText(b[field], withAdded), after: sourceText(a[field], withAdded) };
      return { field, before: valueText(b[field]), after: valueText(a[field]) };
    });
}

const STATUS_SOURCE_FIELDS: ReadonlySet<string> = new Set(STATUS_REPORT_FIELDS.map((report) => report.source));
const sourceText = (key: unknown, labels: ItemLabels) => (typeof key === "string" && key !== "" ? labels.source(key) : null);

/** The source keys a change's halves name for their statuses. */
function statusSourceKeysOf(half: Record<string, unknown> | null | undefined): string[] {
  return [...STATUS_SOURCE_FIELDS].map((field) => half?.[field]).filter((key): key is string => typeof key === "string" && key !== "");
}

/** Labels for the items of these changes: one query for the sources and charge types they name. */
async function itemLabels(rows: { before: unknown; after: unknown }[], language: Language): Promise<ItemLabels> {
  const keys = new Set<string>();
  const slugs = new Set<string>();
  for (const row of rows) {
    for (const half of [row.before, row.after] as Record<string, unknown>[]) {
      for (const item of [...(Array.isArray(half?.facts) ? half.facts : []), ...(Array.isArray(half?.charges) ? half.charges : [])] as { source?: unknown; chargeType?: unknown }[]) {
        if (typeof item?.source === "string") keys.add(item.source);
        if (typeof item?.chargeType === "string") slugs.add(item.chargeType);
      }
      for (const key of statusSourceKeysOf(half)) keys.add(key);
    }
  }
  if (keys.size === 0 && slugs.size === 0) return { ...plainLabels, language };
  const prisma = getPrisma();
  const [sources, types, t] = await Promise.all([
    prisma.source.findMany({ where: { key: { in: [...keys] } }, select: { key: true, publication: true, publishedOn: true } }),
    prisma.chargeType.findMany({ where: { slug: { in: [...slugs] } }, select: { slug: true, article: true, translations: true } }),
    getFixedT(language, "profile-editor"),
  ]);
  const sourceNames = new Map(sources.map((source) => [source.key, `${source.publication}, ${source.publishedOn.toISOString().slice(0, 10)}`]));
  const typeNames = new Map(types.map((type) => [type.slug, [type.article, localizedField(type.translations, language, "name")?.text].filter(Boolean).join(" — ") || type.slug]));
  return {
    language,
    kind: (kind) => (kind in FACT_KIND_KEYS ? t(FACT_KIND_KEYS[kind as keyof typeof FACT_KIND_KEYS]) : kind),
    source: (key) => sourceNames.get(key) ?? key,
    chargeType: (slug) => typeNames.get(slug) ?? slug,
  };
}

const dateTime = (date: Date, language: Language) =>
  `${new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(date)} UTC`;

type ChangeRow = Prisma.PrisonerChangeGetPayload<{ include: { author: { select: { displayName: true } }; reviewer: { select: { displayName: true } } } }>;

function toChangeView(actor: StaffActor, row: ChangeRow, version: number, language: Language, labels: ItemLabels): ChangeView {
  return {
    id: row.id,
    state: row.state,
    origin: row.origin,
    author: row.author?.displayName ?? null,
    reviewer: row.reviewer?.displayName ?? null,
    createdAt: dateTime(row.createdAt, language),
    decidedAt: row.decidedAt ? dateTime(row.decidedAt, language) : null,
    note: row.note,
    reason: row.reason,
    stale: isStale(row, version),
    lines: changeLines(row.before, row.after, labels),
    may: {
      apply: mayDecide(actor, row, "apply", version),
      reject: mayDecide(actor, row, "reject", version),
      withdraw: mayDecide(actor, row, "withdraw", version),
    },
  };
}

/** Why, by whom and when a draft was returned to its authors. */
export interface ReturnNotice {
  reason: string;
  /** Who returned it; null once their account is gone. */
  by: string | null;
  /** YYYY-MM-DD. */
  on: string;
}

export const RETURN_NOTICE_SELECT = { returnedAt: true, returnReason: true, returnedBy: { select: { displayName: true } } } as const satisfies Prisma.PrisonerSelect;

/** The notice a returned draft carries (null for any other state), from its row. */
export function returnNoticeOf(row: Prisma.PrisonerGetPayload<{ select: typeof RETURN_NOTICE_SELECT }>): ReturnNotice | null {
  if (!row.returnedAt) return null;
  return { reason: row.returnReason ?? "", by: row.returnedBy?.displayName ?? null, on: row.returnedAt.toISOString().slice(0, 10) };
}

export interface StaffProfileView {
  id: string;
  slug: string;
  name: string;
  draft: boolean;
  /** Set while the draft is returned to its authors: the editor shows it first. */
  returned: ReturnNotice | null;
  version: number;
  values: ProfileFormValues;
  creator: string | null;
  photo: { url: string; credit: string | null; width: number; height: number } | null;
  pending: ChangeView[];
  may: { publish: boolean };
  /** This actor wrote to the draft (so another moderator publishes it). */
  contributed: boolean;
}

const changeInclude = { author: { select: { displayName: true } }, reviewer: { select: { displayName: true } } } as const;

async function creatorOf(tx: Tx, prisonerId: string): Promise<{ id: string | null; name: string | null }> {
  const first = await tx.prisonerChange.findFirst({ where: { prisonerId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { authorId: true, author: { select: { displayName: true } } } });
  return { id: first?.authorId ?? null, name: first?.author?.displayName ?? null };
}

/** Everyone who wrote to the profile: while it is a draft, every change was applied at once, so all their authors. */
async function contributorsOf(tx: Tx, prisonerId: string): Promise<string[]> {
  const rows = await tx.prisonerChange.findMany({ where: { prisonerId, authorId: { not: null } }, select: { authorId: true }, distinct: ["authorId"] });
  return rows.map((row) => row.authorId!);
}

/**
 * The editor's values for a profile. A status date that is its source's own date is left
 * blank, as the form means "the source's date": choosing a newer report re-dates the status.
 */
async function editorValuesOf(tx: Tx, fields: ProfileFields): Promise<ProfileFormValues> {
  const values = formValuesOf(fields);
  const undated: ProfileFields = { ...fields };
  for (const report of STATUS_REPORT_FIELDS) undated[report.reportedOn] = null;
  const sourceDated = await withStatusReportDates(tx, undated);
  for (const report of STATUS_REPORT_FIELDS) {
    if (sourceDated[report.reportedOn] === fields[report.reportedOn] && sourceDated[report.precision] === fields[report.precision]) {
      values[report.reportedOn] = "";
      values[report.precision] = "";
    }
  }
  return values;
}

/** Null when there is no such profile or the actor may not work on profiles (the route answers 404). */
export async function findStaffProfile(actor: StaffActor, id: string, language: Language): Promise<StaffProfileView | null> {
  if (!mayEditProfiles(actor) || !ID.test(id)) return null;
  const prisma = getPrisma();
  const current = await readProfileFields(prisma as unknown as Tx, id);
  if (!current) return null;
  const [names, photo, pending, creator, contributorIds, returnRow] = await Promise.all([
    prisma.prisonerName.findMany({ where: { prisonerId: id } }),
    prisma.prisonerPhoto.findUnique({ where: { prisonerId: id }, select: { sha256: true, credit: true, width: true, height: true } }),
    prisma.prisonerChange.findMany({ where: { prisonerId: id, state: "PENDING" }, include: changeInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    creatorOf(prisma as unknown as Tx, id),
    current.draft ? contributorsOf(prisma as unknown as Tx, id) : Promise.resolve([]),
    prisma.prisoner.findUniqueOrThrow({ where: { id }, select: RETURN_NOTICE_SELECT }),
  ]);
  const labels = await itemLabels(pending, language);
  return {
    id,
    slug: current.fields.slug ?? "",
    name: formatPersonName(displayName(names, language)),
    draft: current.draft,
    returned: returnNoticeOf(returnRow),
    version: current.version,
    values: await editorValuesOf(prisma as unknown as Tx, current.fields),
    creator: creator.name,
    photo: photo ? { url: photoPath(id, photo.sha256), credit: photo.credit, width: photo.width, height: photo.height } : null,
    pending: pending.map((row) => toChangeView(actor, row, current.version, language, labels)),
    may: { publish: mayPublish(actor, { draft: current.draft, returnedAt: returnRow.returnedAt, creatorId: creator.id, contributorIds }) },
    contributed: contributorIds.includes(actor.id),
  };
}

/** Every change of a profile, newest first. */
export async function listProfileHistory(actor: StaffActor, id: string, language: Language): Promise<{ name: string; slug: string; changes: ChangeView[] } | null> {
  if (!mayEditProfiles(actor) || !ID.test(id)) return null;
  const prisma = getPrisma();
  const prisoner = await prisma.prisoner.findUnique({ where: { id }, select: { slug: true, version: true, names: true } });
  if (!prisoner) return null;
  const rows = await prisma.prisonerChange.findMany({ where: { prisonerId: id }, include: changeInclude, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 500 });
  const labels = await itemLabels(rows, language);
  return { name: formatPersonName(displayName(prisoner.names, language)), slug: prisoner.slug, changes: rows.map((row) => toChangeView(actor, row, prisoner.version, language, labels)) };
}

export type ProfileProblem = "not-found" | "forbidden" | "conflict" | "stale" | "changed" | "no-change";
/** Field errors found against the database: `facility`, `source:<key>`, `charge-type:<slug>`. */
export type ReferenceErrorCode = "facility-unknown" | "source-unknown" | "charge-type-unknown";
export type SaveResult =
  | { ok: true; id: string; outcome: "created" | "applied" | "proposed" }
  | { ok: false; error: ProfileProblem }
  | { ok: false; fieldErrors: Record<string, ReferenceErrorCode> };

async function facilityExists(tx: Tx, slug: string | null | undefined): Promise<boolean> {
  if (!slug) return true;
  return (await tx.facility.count({ where: { slug } })) > 0;
}

/** Unknown facility, sources or charge types: nothing is written, the page marks the rows. */
async function referenceErrors(tx: Tx, fields: ProfileFields): Promise<Record<string, ReferenceErrorCode> | null> {
  const errors: Record<string, ReferenceErrorCode> = {};
  if (!(await facilityExists(tx, fields.facility))) errors.facility = "facility-unknown";
  const missing = await missingReferences(tx, fields);
  for (const key of missing.sources) errors[`source:${key}`] = "source-unknown";
  for (const slug of missing.chargeTypes) errors[`charge-type:${slug}`] = "charge-type-unknown";
  return Object.keys(errors).length > 0 ? errors : null;
}

/** A readable address (decision 0017); the unique index still decides between two people saving at once. */
async function uniqueSlug(tx: Tx, person: SlugPerson): Promise<string> {
  const candidates = slugCandidates(person);
  const last = candidates[candidates.length - 1]!;
  // A former address still leads to its profile (a redirect): never given to someone else.
  const near = { OR: [{ slug: { in: candidates } }, { slug: { startsWith: `${last}-` } }] };
  const taken = new Set([
    ...(await tx.prisoner.findMany({ where: near, select: { slug: true } })).map((row) => row.slug),
    ...(await tx.formerPrisonerSlug.findMany({ where: near, select: { slug: true } })).map((row) => row.slug),
  ]);
  return firstFreeSlug(person, (slug) => taken.has(slug));
}

const changedFieldNames = (after: object) => Object.keys(after).filter((key) => key !== PHOTO_BYTES_KEY);
const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

function photoHalves(previous: { sha256: string; credit: string | null } | null, photo: ProcessedPhoto, credit: string | null) {
  return {
    before: { [PHOTO_KEY]: previous?.sha256 ?? null, [PHOTO_CREDIT_KEY]: previous?.credit ?? null },
    after: { [PHOTO_KEY]: photo.sha256, [PHOTO_CREDIT_KEY]: credit },
  };
}

async function storePhoto(tx: Tx, prisonerId: string, photo: { jpeg: Buffer; width: number; height: number; sha256: string }, credit: string | null, now: Date) {
  // Raw SQL with the bytes as base64: the PGlite driver adapter refuses Bytes arguments from
  // the query builder ("Invalid input for bytea type"); decode() works on both databases.
  await tx.$executeRaw`
    INSERT INTO "PrisonerPhoto" ("prisonerId", "jpeg", "width", "height", "sha256", "credit", "updatedAt")
    VALUES (${prisonerId}, decode(${photo.jpeg.toString("base64")}, 'base64'), ${photo.width}, ${photo.height}, ${photo.sha256}, ${credit}, ${now})
    ON CONFLICT ("prisonerId") DO UPDATE SET "jpeg" = EXCLUDED."jpeg", "width" = EXCLUDED."width", "height" = EXCLUDED."height",
      "sha256" = EXCLUDED."sha256", "credit" = EXCLUDED."credit", "updatedAt" = EXCLUDED."updatedAt"`;
}

/** A new profile: always a draft, its slug from the Latin name; the first change records who made it. */
export async function createProfile(staff: { id: string }, actor: StaffActor, fields: ProfileFields, extra: { note: string | null; photo: ProcessedPhoto | null; credit: string | null }, now: Date = new Date()): Promise<SaveResult> {
  if (!mayEditProfiles(actor)) return { ok: false, error: "forbidden" };
  const latin = fields["name.LATIN"];
  if (!latin) return { ok: false, error: "no-change" };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await getPrisma().$transaction(async (tx) => {
        const problems = await referenceErrors(tx, fields);
        if (problems) return { ok: false, fieldErrors: problems } as const;
        const dated = await withStatusReportDates(tx, fields);
        const slug = await uniqueSlug(tx, {
          belarusian: fields["name.BE_CYRILLIC"] ?? null,
          russian: fields["name.RU_CYRILLIC"] ?? null,
          latin,
          birthYear: typeof fields.birthDate === "string" && /^\d{4}/.test(fields.birthDate) ? Number(fields.birthDate.slice(0, 4)) : null,
        });
        const created = await tx.prisoner.create({
          data: { slug, status: fields.status ?? "IN_CUSTODY", lastVerifiedOn: new Date(`${fields.lastVerifiedOn ?? today(now)}T00:00:00.000Z`), draft: true, createdAt: now },
          select: { id: true, version: true },
        });
        const start = (await readProfileFields(tx, created.id))!;
        const diff = diffProfileFields(start.fields, { ...dated, slug }) ?? { before: {}, after: {} };
        await writeProfileFields(tx, created.id, diff.after, { otherLanguagesNeedReview: false, writtenBy: staff.id });
        const before: Record<string, unknown> = { ...diff.before };
        const after: Record<string, unknown> = { ...diff.after };
        if (extra.photo) {
          await storePhoto(tx, created.id, extra.photo, extra.credit, now);
          Object.assign(before, photoHalves(null, extra.photo, extra.credit).before);
          Object.assign(after, photoHalves(null, extra.photo, extra.credit).after);
        }
        await tx.prisonerChange.create({
          data: { prisonerId: created.id, origin: "EDITOR", state: initialChangeState({ draft: true }), baseVersion: created.version, before: before as Prisma.InputJsonObject, after: after as Prisma.InputJsonObject, note: extra.note, authorId: staff.id, createdAt: now, decidedAt: now },
        });
        await audit(tx, staff, "prisoner.create", { type: "Prisoner", id: created.id }, { slug, fields: changedFieldNames(after) }, now);
        return { ok: true, id: created.id, outcome: "created" } as const;
      });
    } catch (error) {
      // Two people creating the same name at once: the unique index decides, try the next slug.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return { ok: false, error: "conflict" };
}

/**
 * Saves the editor's form against `version`. A draft changes at once (an APPLIED change for
 * the history); a published profile gets a PENDING change and stays as it is until a
 * moderator applies it. A form loaded before someone else's change is refused (conflict).
 */
export async function saveProfile(
  staff: { id: string },
  actor: StaffActor,
  id: string,
  version: number,
  fields: ProfileFields,
  extra: { note: string | null; photo: ProcessedPhoto | null; credit: string | null },
  now: Date = new Date(),
): Promise<SaveResult> {
  if (!mayEditProfiles(actor)) return { ok: false, error: "forbidden" };
  if (!ID.test(id)) return { ok: false, error: "not-found" };
  return getPrisma().$transaction(async (tx) => {
    const current = await readProfileFields(tx, id);
    if (!current) return { ok: false, error: "not-found" } as const;
    if (current.version !== version) return { ok: false, error: "conflict" } as const;
    const problems = await referenceErrors(tx, fields);
    if (problems) return { ok: false, fieldErrors: problems } as const;
    // The slug stays as it was: links to a published page must keep working.
    const { slug: _slug, ...editable } = await withStatusReportDates(tx, fields);
    const diff = diffProfileFields(current.fields, editable);
    const before: Record<string, unknown> = { ...(diff?.before ?? {}) };
    const after: Record<string, unknown> = { ...(diff?.after ?? {}) };
    if (extra.photo) {
      const previous = await tx.prisonerPhoto.findUnique({ where: { prisonerId: id }, select: { sha256: true, credit: true } });
      if (previous?.sha256 !== extra.photo.sha256 || previous.credit !== extra.credit) {
        Object.assign(before, photoHalves(previous, extra.photo, extra.credit).before);
        Object.assign(after, photoHalves(previous, extra.photo, extra.credit).after);
      }
    }
    if (Object.keys(after).length === 0) return { ok: false, error: "no-change" } as const;
    const textChanged = Object.keys(after).some((key) => key.startsWith("summary.") || key.startsWith("biography."));

    if (current.draft) {
      // Guarded on the version: two saves of the same draft at once give one winner. A
      // returned draft saved in the editor is answered: back among the drafts to review.
      const { count } = await tx.prisoner.updateMany({ where: { id, version, draft: true }, data: { updatedAt: now } });
      if (count !== 1) return { ok: false, error: "conflict" } as const;
      const resubmitted = await tx.prisoner.updateMany({ where: { AND: [{ id }, profilesReadyFor("resubmit")] }, data: { returnedAt: null, returnedById: null, returnReason: null } });
      if (diff) await writeProfileFields(tx, id, diff.after, { otherLanguagesNeedReview: textChanged, writtenBy: staff.id });
      else await tx.prisoner.update({ where: { id }, data: { version: { increment: 1 } } });
      if (extra.photo && PHOTO_KEY in after) {
        await storePhoto(tx, id, extra.photo, extra.credit, now);
        await audit(tx, staff, "prisoner.photo.replace", { type: "Prisoner", id }, { draft: true }, now);
      }
      const change = await tx.prisonerChange.create({
        data: { prisonerId: id, origin: "EDITOR", state: initialChangeState(current), baseVersion: version, before: before as Prisma.InputJsonObject, after: after as Prisma.InputJsonObject, note: extra.note, authorId: staff.id, createdAt: now, decidedAt: now },
        select: { id: true },
      });
      await audit(tx, staff, "prisoner.draft.edit", { type: "Prisoner", id }, { change: change.id, fields: changedFieldNames(after), ...(resubmitted.count > 0 ? { resubmitted: true } : {}) }, now);
      return { ok: true, id, outcome: "applied" } as const;
    }
    // Published: the photo's bytes wait in the pending change itself and reach PrisonerPhoto
    // (and the public site) only when a moderator applies it; they are dropped from the row
    // once the change is decided, leaving only the hash in the history.
    if (extra.photo && PHOTO_KEY in after) after[PHOTO_BYTES_KEY] = extra.photo.jpeg.toString("base64");
    const change = await tx.prisonerChange.create({
      data: { prisonerId: id, origin: "EDITOR", state: initialChangeState(current), baseVersion: version, before: before as Prisma.InputJsonObject, after: after as Prisma.InputJsonObject, note: extra.note, authorId: staff.id, createdAt: now },
      select: { id: true },
    });
    await audit(tx, staff, "prisoner.change.propose", { type: "PrisonerChange", id: change.id }, { prisoner: id, fields: changedFieldNames(after) }, now);
    return { ok: true, id, outcome: "proposed" } as const;
  });
}

export type DecisionResult = { ok: true } | { ok: false; error: ProfileProblem };

/** Apply, reject or withdraw a pending change; one winner when two people decide at once. */
export async function decideChange(
  staff: { id: string },
  actor: StaffActor,
  prisonerId: string,
  changeId: string,
  decision: ChangeDecision,
  { reason = null, now = new Date() }: { reason?: string | null; now?: Date } = {},
): Promise<DecisionResult> {
  if (!mayEditProfiles(actor) || !ID.test(changeId)) return { ok: false, error: "not-found" };
  const move = changeLifecycle.moves[decision];
  try {
    return await getPrisma().$transaction(async (tx) => {
      const change = await tx.prisonerChange.findUnique({ where: { id: changeId } });
      if (!change || change.prisonerId !== prisonerId) return { ok: false, error: "not-found" } as const;
      const prisoner = await tx.prisoner.findUnique({ where: { id: prisonerId }, select: { version: true } });
      if (!prisoner) return { ok: false, error: "not-found" } as const;
      if (!changeLifecycle.allows(decision, change.state)) return { ok: false, error: "conflict" } as const;
      if (decision === "apply" && isStale(change, prisoner.version)) return { ok: false, error: "stale" } as const;
      if (!mayDecide(actor, change, decision, prisoner.version)) return { ok: false, error: "forbidden" } as const;
      const after = { ...((change.after ?? {}) as Record<string, unknown>) };
      const photoBytes = typeof after[PHOTO_BYTES_KEY] === "string" ? Buffer.from(after[PHOTO_BYTES_KEY] as string, "base64") : null;
      delete after[PHOTO_BYTES_KEY];
      // The guard: whoever moves the change first wins; the other gets a conflict.
      const { count } = await tx.prisonerChange.updateMany({
        where: { id: changeId, state: { in: changeLifecycle.fromStates(decision) } },
        data: { state: move.to, reviewerId: decision === "withdraw" ? null : staff.id, decidedAt: now, reason: decision === "reject" ? reason : null, after: after as Prisma.InputJsonObject },
      });
      if (count !== 1) return { ok: false, error: "conflict" } as const;
      if (decision === "apply") {
        // Locks the profile row at the version the change was made against: a second change
        // applied at the same moment finds the version moved on and is refused as stale.
        const locked = await tx.prisoner.updateMany({ where: { id: prisonerId, version: change.baseVersion }, data: { updatedAt: now } });
        if (locked.count !== 1) throw new StaleApply();
        const fields: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(after)) if (key !== PHOTO_KEY && key !== PHOTO_CREDIT_KEY) fields[key] = value;
        const textChanged = Object.keys(fields).some((key) => key.startsWith("summary.") || key.startsWith("biography."));
        // A translation changes one language only: the others are not made stale by it, and
        // the moderator applying it (not its translator) is its review.
        const fromTranslation = change.origin === "TRANSLATION";
        if (Object.keys(fields).length > 0) {
          await writeProfileFields(tx, prisonerId, fields as ProfileFields, { otherLanguagesNeedReview: textChanged && !fromTranslation, writtenBy: change.authorId });
        } else await tx.prisoner.update({ where: { id: prisonerId }, data: { version: { increment: 1 } } });
        if (fromTranslation) {
          // Reviewed by this decision: the next review starts with no contributors.
          const locales = [...new Set(Object.keys(fields).flatMap((key) => /^(?:summary|biography)\.([a-z]{2})$/.exec(key)?.[1] ?? []))];
          await tx.prisonerTranslation.updateMany({ where: { prisonerId, locale: { in: locales } }, data: { review: "REVIEWED", contributorIds: [] } });
        }
        if (photoBytes && typeof after[PHOTO_KEY] === "string") {
          const size = jpegSize(photoBytes);
          await storePhoto(tx, prisonerId, { jpeg: photoBytes, sha256: after[PHOTO_KEY] as string, ...size }, (after[PHOTO_CREDIT_KEY] as string | null) ?? null, now);
          await audit(tx, staff, "prisoner.photo.replace", { type: "Prisoner", id: prisonerId }, { change: changeId }, now);
        }
      }
      await audit(tx, staff, move.audit, { type: "PrisonerChange", id: changeId }, { prisoner: prisonerId, from: move.from, to: move.to }, now);
      return { ok: true } as const;
    });
  } catch (error) {
    if (error instanceof StaleApply) return { ok: false, error: "stale" };
    // Something the change names is gone (a facility, a source, a charge type): it no longer applies.
    if (error instanceof UnknownFacilityError || error instanceof UnknownSourceError || error instanceof UnknownChargeTypeError) return { ok: false, error: "stale" };
    throw error;
  }
}

class StaleApply extends Error {}

/** Width and height from the JPEG we encoded ourselves (SOF0). */
function jpegSize(bytes: Buffer): { width: number; height: number } {
  for (let offset = 2; offset + 9 < bytes.length; ) {
    const marker = bytes[offset + 1]!;
    if (marker >= 0xc0 && marker <= 0xc2) return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    offset += 2 + bytes.readUInt16BE(offset + 2);
  }
  return { width: 0, height: 0 };
}

/**
 * A draft goes public: a moderator who wrote none of it, exactly at `version` (the version
 * their page showed); a draft changed since is refused ("changed") and shown again.
 */
export async function publishProfile(staff: { id: string }, actor: StaffActor, id: string, version: number, now: Date = new Date()): Promise<DecisionResult> {
  if (!mayEditProfiles(actor) || !ID.test(id)) return { ok: false, error: "not-found" };
  return getPrisma().$transaction(async (tx) => {
    const prisoner = await tx.prisoner.findUnique({ where: { id }, select: { draft: true, returnedAt: true, version: true } });
    if (!prisoner) return { ok: false, error: "not-found" } as const;
    // Published already, or returned to its authors (published only once they have edited it).
    if (!profileLifecycle.allows("publish", profileStateOf(prisoner))) return { ok: false, error: "conflict" } as const;
    const [creator, contributorIds] = await Promise.all([creatorOf(tx, id), contributorsOf(tx, id)]);
    if (!mayPublish(actor, { ...prisoner, creatorId: creator.id, contributorIds })) return { ok: false, error: "forbidden" } as const;
    if (prisoner.version !== version) return { ok: false, error: "changed" } as const;
    // Guarded on the version too: an edit committed meanwhile wins, and nothing is published.
    const { count } = await tx.prisoner.updateMany({ where: { AND: [{ id, version }, profilesReadyFor("publish")] }, data: { draft: false, updatedAt: now } });
    if (count !== 1) return { ok: false, error: "changed" } as const;
    await audit(tx, staff, "prisoner.publish", { type: "Prisoner", id }, { creator: creator.id }, now);
    return { ok: true } as const;
  });
}

export type SlugProblem = "slug-invalid" | "slug-taken" | "slug-published";
export type SlugResult = { ok: true } | { ok: false; error: SlugProblem | "not-found" | "no-change" };

/**
 * Corrects a draft's address (decision 0017). The old one is kept as a former slug, so links
 * made to it keep working (301) once the profile is published; taking back a former slug of
 * the same profile drops it from the list. A published profile's address never changes.
 */
export async function correctSlug(staff: { id: string }, actor: StaffActor, id: string, slug: string, now: Date = new Date()): Promise<SlugResult> {
  if (!mayEditProfiles(actor) || !ID.test(id)) return { ok: false, error: "not-found" };
  if (slug.length > 120 || !SLUG_PATTERN.test(slug)) return { ok: false, error: "slug-invalid" };
  try {
    return await getPrisma().$transaction(async (tx) => {
      const prisoner = await tx.prisoner.findUnique({ where: { id }, select: { slug: true, draft: true, version: true } });
      if (!prisoner) return { ok: false, error: "not-found" } as const;
      if (!prisoner.draft) return { ok: false, error: "slug-published" } as const;
      if (prisoner.slug === slug) return { ok: false, error: "no-change" } as const;
      const [livingOwner, formerOwner] = await Promise.all([
        tx.prisoner.findUnique({ where: { slug }, select: { id: true } }),
        tx.formerPrisonerSlug.findUnique({ where: { slug }, select: { prisonerId: true } }),
      ]);
      if (livingOwner || (formerOwner && formerOwner.prisonerId !== id)) return { ok: false, error: "slug-taken" } as const;
      if (formerOwner) await tx.formerPrisonerSlug.delete({ where: { slug } });
      await tx.formerPrisonerSlug.create({ data: { slug: prisoner.slug, prisonerId: id, createdAt: now } });
      // Guarded: a draft published meanwhile keeps its address.
      const { count } = await tx.prisoner.updateMany({ where: { id, draft: true, slug: prisoner.slug }, data: { slug, version: { increment: 1 }, updatedAt: now } });
      if (count !== 1) throw new SlugRace();
      await tx.prisonerChange.create({
        data: { prisonerId: id, origin: "EDITOR", state: initialChangeState({ draft: true }), baseVersion: prisoner.version, before: { slug: prisoner.slug }, after: { slug }, authorId: staff.id, createdAt: now, decidedAt: now },
      });
      await audit(tx, staff, "prisoner.draft.edit", { type: "Prisoner", id }, { fields: ["slug"], from: prisoner.slug, to: slug }, now);
      return { ok: true } as const;
    });
  } catch (error) {
    if (error instanceof SlugRace) return { ok: false, error: "slug-published" };
    if (isUniqueViolation(error)) return { ok: false, error: "slug-taken" };
    throw error;
  }
}

class SlugRace extends Error {}

/** A stored photo: null for unknown ids, a hash that is not the current one, and drafts unless asked for. */
export async function findPhoto(prisonerId: string, hashPrefix: string, { includeDrafts = false }: { includeDrafts?: boolean } = {}): Promise<{ jpeg: Buffer; draft: boolean } | null> {
  if (!ID.test(prisonerId) || !/^[0-9a-f]{16}$/.test(hashPrefix)) return null;
  const photo = await getPrisma().prisonerPhoto.findFirst({
    where: { prisonerId, ...(includeDrafts ? {} : { prisoner: { draft: false } }) },
    select: { jpeg: true, sha256: true, prisoner: { select: { draft: true } } },
  });
  if (!photo || !photo.sha256.startsWith(hashPrefix)) return null;
  return { jpeg: Buffer.from(photo.jpeg), draft: photo.prisoner.draft };
}

export const profileLanguages = supportedLanguages;
export { NAME_SCRIPTS };
