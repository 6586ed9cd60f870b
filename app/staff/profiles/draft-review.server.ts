// Reviewing drafts in batches (typically an import's): the list a reviewer checks, with a
// compact summary and the sources of each draft, and the batch decisions on it. Publishing
// keeps every rule of publishProfile (four eyes per profile, exactly the version the page
// showed) but writes a whole chunk in one transaction with one UPDATE, so the content
// revision (a statement trigger) moves once per chunk and caches are emptied once, not per
// profile. Each profile still gets its own audit entry.
import type { LetterStatus, Prisma, PrisonerStatus } from "@prisma/client";

import type { Language } from "~/i18n";
import { auditEach } from "~/staff/audit.server";
import type { Actor } from "~/staff/permissions";
import { getPrisma } from "~/utils/database.server";
import { formatPersonName } from "~/utils/format";
import { localizedField } from "~/utils/localized";

import { profileIdsMatching, RETURN_NOTICE_SELECT, returnNoticeOf, type ReturnNotice } from "./prisoner-profile.server";
import { mayEditProfiles, mayPublish, mayReturn, profilesIn, profilesReadyFor, profileStateOf } from "./profile-change-state";

type StaffActor = Extract<Actor, { kind: "staff" }>;

/** Rows per page of the review list: a reviewer ticks through a page, then the next. */
export const DRAFT_REVIEW_PAGE_SIZE = 100;
/** Profiles written per transaction: big enough to empty caches rarely, small enough to keep locks short. */
export const PUBLISH_CHUNK_SIZE = 200;

export interface DraftReviewQuery {
  q?: string;
  importId?: string | null;
  status?: PrisonerStatus | null;
  letterStatus?: LetterStatus | null;
  /** A facility's slug. */
  facility?: string | null;
  /** Drafts to review (the default) or those returned to their authors. */
  returned?: boolean;
  page?: number;
}

export interface DraftSummary {
  id: string;
  slug: string;
  version: number;
  /** One line per name script present, in the order of the scripts. */
  names: { script: string; name: string }[];
  status: PrisonerStatus;
  letterStatus: LetterStatus;
  facility: string | null;
  sentenceMonths: number | null;
  sources: { publication: string; title: string | null; publishedOn: string }[];
  /** Why, by whom and when this draft was returned to its authors, while it is. */
  returned: ReturnNotice | null;
}

export interface ImportOption {
  id: string;
  label: string;
}

const SCRIPT_ORDER = ["BE_CYRILLIC", "RU_CYRILLIC", "LATIN"];

const summarySelect = {
  id: true,
  slug: true,
  version: true,
  status: true,
  letterStatus: true,
  sentenceMonths: true,
  names: { select: { script: true, givenName: true, patronymic: true, familyName: true } },
  facility: { select: { slug: true, translations: true } },
  statusSource: { select: { id: true, publication: true, title: true, publishedOn: true } },
  letterStatusSource: { select: { id: true, publication: true, title: true, publishedOn: true } },
  facts: { select: { source: { select: { id: true, publication: true, title: true, publishedOn: true } } } },
  charges: { select: { source: { select: { id: true, publication: true, title: true, publishedOn: true } } } },
  ...RETURN_NOTICE_SELECT,
} as const satisfies Prisma.PrisonerSelect;

type SummaryRow = Prisma.PrisonerGetPayload<{ select: typeof summarySelect }>;

function toSummary(row: SummaryRow, language: Language): DraftSummary {
  const sources = new Map<string, DraftSummary["sources"][number]>();
  for (const source of [row.statusSource, row.letterStatusSource, ...row.facts.map((fact) => fact.source), ...row.charges.map((charge) => charge.source)]) {
    if (source && !sources.has(source.id)) sources.set(source.id, { publication: source.publication, title: source.title, publishedOn: source.publishedOn.toISOString().slice(0, 10) });
  }
  return {
    id: row.id,
    slug: row.slug,
    version: row.version,
    names: [...row.names]
      .sort((a, b) => SCRIPT_ORDER.indexOf(a.script) - SCRIPT_ORDER.indexOf(b.script))
      .map((name) => ({ script: name.script, name: formatPersonName(name) })),
    status: row.status,
    letterStatus: row.letterStatus,
    facility: row.facility ? (localizedField(row.facility.translations, language, "name")?.text ?? row.facility.slug) : null,
    sentenceMonths: row.sentenceMonths,
    sources: [...sources.values()].sort((a, b) => b.publishedOn.localeCompare(a.publishedOn)),
    returned: returnNoticeOf(row),
  };
}

/** Drafts matching the reviewer's filters, a page at a time, oldest first (the order of an import). */
export async function listDraftsForReview(actor: StaffActor, language: Language, query: DraftReviewQuery = {}) {
  const empty = { rows: [] as DraftSummary[], total: 0, page: 1, pageCount: 1 };
  if (!mayEditProfiles(actor)) return empty;
  const { q = "", importId = null, status = null, letterStatus = null, facility = null, returned = false } = query;
  let where: Prisma.PrisonerWhereInput = {
    ...profilesIn([returned ? "RETURNED" : "DRAFT"]),
    ...(importId ? { changes: { some: { importId } } } : {}),
    ...(status ? { status } : {}),
    ...(letterStatus ? { letterStatus } : {}),
    ...(facility ? { facility: { slug: facility } } : {}),
  };
  if (q.trim()) where = { AND: [where, { id: { in: await profileIdsMatching(q.slice(0, 100), where) } }] };
  const prisma = getPrisma();
  const total = await prisma.prisoner.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / DRAFT_REVIEW_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(query.page ?? 1)), pageCount);
  const rows = await prisma.prisoner.findMany({ where, select: summarySelect, orderBy: [{ createdAt: "asc" }, { slug: "asc" }], skip: (page - 1) * DRAFT_REVIEW_PAGE_SIZE, take: DRAFT_REVIEW_PAGE_SIZE });
  return { rows: rows.map((row) => toSummary(row, language)), total, page, pageCount };
}

/** Applied imports that created or changed drafts, newest first, for the filter. */
export async function listImportOptions(): Promise<ImportOption[]> {
  const rows = await getPrisma().prisonerImport.findMany({
    where: { state: "APPLIED" },
    select: { id: true, fileName: true, createdAt: true, staff: { select: { displayName: true } } },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.map((row) => ({ id: row.id, label: `${row.fileName} · ${row.createdAt.toISOString().slice(0, 10)}${row.staff ? ` · ${row.staff.displayName}` : ""}` }));
}

/** Why a profile of a batch was left as it was ("returned": waiting for its authors' edit). */
export type SkipReason = "own" | "changed" | "not-draft" | "returned";

export interface BatchOutcome {
  done: number;
  skipped: { id: string; name: string; reason: SkipReason }[];
}

async function namesOf(ids: readonly string[], language: Language): Promise<Map<string, string>> {
  const rows = await getPrisma().prisonerName.findMany({ where: { prisonerId: { in: [...ids] } }, select: { prisonerId: true, script: true, givenName: true, patronymic: true, familyName: true } });
  const preferred = language === "be" ? "BE_CYRILLIC" : language === "ru" || language === "uk" ? "RU_CYRILLIC" : "LATIN";
  const names = new Map<string, string>();
  for (const row of rows) if (!names.has(row.prisonerId) || row.script === preferred) names.set(row.prisonerId, formatPersonName(row));
  return names;
}

const chunksOf = <T>(items: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));

/**
 * Publishes each draft at the version the reviewer's page showed. A draft this reviewer wrote
 * any part of (creator, importer or later editor) is skipped ("own"), as is one changed since
 * the page was loaded ("changed") or no longer a draft. One transaction per chunk.
 */
export async function publishDrafts(staff: { id: string }, actor: StaffActor, items: readonly { id: string; version: number }[], language: Language, now: Date = new Date()): Promise<BatchOutcome> {
  const skipped: { id: string; reason: SkipReason }[] = [];
  let done = 0;
  if (!mayEditProfiles(actor)) return { done, skipped: [] };
  for (const chunk of chunksOf(items, PUBLISH_CHUNK_SIZE)) {
    const result = await getPrisma().$transaction(async (tx) => {
      const ids = chunk.map((item) => item.id);
      const [prisoners, changes] = await Promise.all([
        tx.prisoner.findMany({ where: { id: { in: ids } }, select: { id: true, draft: true, returnedAt: true, version: true } }),
        tx.prisonerChange.findMany({ where: { prisonerId: { in: ids } }, select: { prisonerId: true, authorId: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
      ]);
      const current = new Map(prisoners.map((row) => [row.id, row]));
      const creators = new Map<string, string | null>();
      const contributors = new Map<string, Set<string>>();
      for (const change of changes) {
        if (!creators.has(change.prisonerId)) creators.set(change.prisonerId, change.authorId);
        if (change.authorId) contributors.set(change.prisonerId, (contributors.get(change.prisonerId) ?? new Set()).add(change.authorId));
      }
      const chunkSkipped: { id: string; reason: SkipReason }[] = [];
      const eligible: { id: string; version: number }[] = [];
      for (const item of chunk) {
        const row = current.get(item.id);
        const state = row ? profileStateOf(row) : "PUBLISHED";
        if (!row || state === "PUBLISHED") chunkSkipped.push({ id: item.id, reason: "not-draft" });
        else if (state === "RETURNED") chunkSkipped.push({ id: item.id, reason: "returned" });
        else if (!mayPublish(actor, { ...row, creatorId: creators.get(item.id) ?? null, contributorIds: [...(contributors.get(item.id) ?? [])] })) chunkSkipped.push({ id: item.id, reason: "own" });
        else if (row.version !== item.version) chunkSkipped.push({ id: item.id, reason: "changed" });
        else eligible.push(item);
      }
      if (eligible.length === 0) return { published: [] as string[], skipped: chunkSkipped };
      // One guarded statement for the chunk: an edit committed meanwhile moved its version on,
      // and that row stays a draft (so does one returned meanwhile).
      await tx.prisoner.updateMany({ where: { AND: [profilesReadyFor("publish"), { OR: eligible.map(({ id, version }) => ({ id, version })) }] }, data: { draft: false, updatedAt: now } });
      const stillDraft = new Set((await tx.prisoner.findMany({ where: { id: { in: eligible.map((item) => item.id) }, draft: true }, select: { id: true } })).map((row) => row.id));
      const published = eligible.filter((item) => !stillDraft.has(item.id)).map((item) => item.id);
      for (const id of stillDraft) chunkSkipped.push({ id, reason: "changed" });
      await auditEach(tx, staff, "prisoner.publish", published.map((id) => ({ subject: { type: "Prisoner" as const, id }, details: { creator: creators.get(id) ?? null, batch: true } })), now);
      return { published, skipped: chunkSkipped };
    });
    done += result.published.length;
    skipped.push(...result.skipped);
  }
  const names = await namesOf(skipped.map((entry) => entry.id), language);
  return { done, skipped: skipped.map((entry) => ({ ...entry, name: names.get(entry.id) ?? entry.id })) };
}

/** Who wrote each of these profiles: its first change's author and every author since. */
async function authorsOf(tx: Prisma.TransactionClient, ids: readonly string[]) {
  const changes = await tx.prisonerChange.findMany({ where: { prisonerId: { in: [...ids] } }, select: { prisonerId: true, authorId: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const creators = new Map<string, string | null>();
  const contributors = new Map<string, string[]>();
  for (const change of changes) {
    if (!creators.has(change.prisonerId)) creators.set(change.prisonerId, change.authorId);
    if (change.authorId) contributors.set(change.prisonerId, [...(contributors.get(change.prisonerId) ?? []), change.authorId]);
  }
  return { creatorOf: (id: string) => creators.get(id) ?? null, contributorsOf: (id: string) => contributors.get(id) ?? [] };
}

/**
 * Sends drafts back to their authors: each becomes RETURNED with the reviewer and the reason
 * stored on it, which its editor shows until someone saves it (then it is a draft to review
 * again). A review decision, so four eyes hold: a draft this reviewer wrote any part of is
 * skipped ("own"), as is one already returned or no longer a draft. Like publishing, it
 * judges the version the reviewer's page showed: a draft changed since is skipped ("changed").
 */
export async function returnDrafts(staff: { id: string }, actor: StaffActor, items: readonly { id: string; version: number }[], reason: string, language: Language, now: Date = new Date()): Promise<BatchOutcome> {
  if (!mayEditProfiles(actor)) return { done: 0, skipped: [] };
  let done = 0;
  const skipped: { id: string; reason: SkipReason }[] = [];
  for (const chunk of chunksOf(items, PUBLISH_CHUNK_SIZE)) {
    done += await getPrisma().$transaction(async (tx) => {
      const ids = chunk.map((item) => item.id);
      const [rows, authors] = await Promise.all([tx.prisoner.findMany({ where: { id: { in: ids } }, select: { id: true, draft: true, returnedAt: true, version: true } }), authorsOf(tx, ids)]);
      const current = new Map(rows.map((row) => [row.id, row]));
      const eligible: { id: string; version: number }[] = [];
      for (const { id, version } of chunk) {
        const row = current.get(id);
        const state = row ? profileStateOf(row) : "PUBLISHED";
        if (!row || state === "PUBLISHED") skipped.push({ id, reason: "not-draft" });
        else if (state === "RETURNED") skipped.push({ id, reason: "returned" });
        else if (!mayReturn(actor, { ...row, creatorId: authors.creatorOf(id), contributorIds: authors.contributorsOf(id) })) skipped.push({ id, reason: "own" });
        else if (row.version !== version) skipped.push({ id, reason: "changed" });
        else eligible.push({ id, version });
      }
      if (eligible.length === 0) return 0;
      // Guarded by the lifecycle and the version: a draft published, returned or edited meanwhile is left alone.
      await tx.prisoner.updateMany({
        where: { AND: [profilesReadyFor("return"), { OR: eligible.map((item) => ({ id: item.id, version: item.version })) }] },
        data: { returnedAt: now, returnedById: staff.id, returnReason: reason },
      });
      const eligibleIds = eligible.map((item) => item.id);
      const returned = new Set((await tx.prisoner.findMany({ where: { id: { in: eligibleIds }, returnedAt: now, returnedById: staff.id }, select: { id: true } })).map((row) => row.id));
      for (const id of eligibleIds) if (!returned.has(id)) skipped.push({ id, reason: "changed" });
      await auditEach(tx, staff, "prisoner.return", [...returned].map((id) => ({ subject: { type: "Prisoner" as const, id }, details: { reason } })), now);
      return returned.size;
    });
  }
  const names = await namesOf(skipped.map((entry) => entry.id), language);
  return { done, skipped: skipped.map((entry) => ({ ...entry, name: names.get(entry.id) ?? entry.id })) };
}
