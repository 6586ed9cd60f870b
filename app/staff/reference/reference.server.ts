// Facilities and charge types as reviewed reference data. Every creation or edit is a
// ReferenceChange that a second staff member approves (four eyes, as for profiles):
//   a new row is written at once as a DRAFT (never shown publicly, never routes a letter), so
//   that an import can point people at it; approving makes it APPROVED;
//   an edit of an APPROVED row waits in the change (`after`) and is written on approval, so
//   nothing public changes before a second person looks; an edit of a DRAFT row is written at
//   once and kept in the waiting change.
// One PENDING change per row: a second edit while one waits updates it, and its editor becomes
// a contributor who may not approve it either.
import type { Prisma, PrismaClient, ReferenceChangeState, ReferenceState } from "@prisma/client";

import { supportedLanguages, type Language } from "~/i18n";
import { audit } from "~/staff/audit.server";
import type { Actor } from "~/staff/permissions";
import { getPrisma } from "~/utils/database.server";
import { romanize } from "~/utils/romanize";

import { mayDecideReferenceChange, referenceChangeLifecycle, type ReferenceDecision } from "./reference-change-state";
import {
  changedFields,
  emptyChargeValues,
  emptyFacilityValues,
  FACILITY_TEXT_FIELDS,
  type ChargeValues,
  type FacilityKindValue,
  type FacilityValues,
  type ReferenceErrors,
  type ReferenceKind,
} from "./reference-fields";

type Tx = Prisma.TransactionClient;
type Db = Tx | PrismaClient;

const normalise = (value: string) => value.normalize("NFC").toLowerCase().replace(/ё/g, "е").replace(/[\s.,;:"«»'’()№#-]+/g, "");

// ---------------------------------------------------------------------------
// Reading rows as form values

const facilityInclude = { translations: true } as const;
type FacilityRow = Prisma.FacilityGetPayload<{ include: typeof facilityInclude }>;
type ChargeRow = Prisma.ChargeTypeGetPayload<{ include: typeof facilityInclude }>;

export function facilityValuesOf(row: FacilityRow): FacilityValues {
  const values = emptyFacilityValues();
  values.kind = row.kind;
  for (const field of FACILITY_TEXT_FIELDS) values[field] = row[field] ?? "";
  for (const translation of row.translations) if ((supportedLanguages as readonly string[]).includes(translation.locale)) values.names[translation.locale as Language] = translation.name;
  return values;
}

export function chargeValuesOf(row: ChargeRow): ChargeValues {
  const values = emptyChargeValues();
  values.article = row.article ?? "";
  for (const translation of row.translations) {
    if (!(supportedLanguages as readonly string[]).includes(translation.locale)) continue;
    values.names[translation.locale as Language] = translation.name;
    values.explanations[translation.locale as Language] = translation.explanation;
  }
  return values;
}

// ---------------------------------------------------------------------------
// Writing values to a row

async function writeFacility(tx: Tx, id: string, values: FacilityValues) {
  const data: Record<string, string | null> = {};
  for (const field of FACILITY_TEXT_FIELDS) data[field] = values[field] || null;
  await tx.facility.update({ where: { id }, data: { ...data, kind: values.kind as FacilityKindValue } });
  await tx.facilityTranslation.deleteMany({ where: { facilityId: id } });
  const names = supportedLanguages.filter((language) => values.names[language]).map((locale) => ({ facilityId: id, locale, name: values.names[locale] }));
  if (names.length > 0) await tx.facilityTranslation.createMany({ data: names });
}

async function writeCharge(tx: Tx, id: string, values: ChargeValues) {
  await tx.chargeType.update({ where: { id }, data: { article: values.article || null } });
  await tx.chargeTypeTranslation.deleteMany({ where: { chargeTypeId: id } });
  const names = supportedLanguages
    .filter((language) => values.names[language])
    .map((locale) => ({ chargeTypeId: id, locale, name: values.names[locale], explanation: values.explanations[locale] }));
  if (names.length > 0) await tx.chargeTypeTranslation.createMany({ data: names });
}

async function freeSlug(db: Db, kind: ReferenceKind, text: string): Promise<string> {
  const base =
    romanize(text, /[іўІЎ]/.test(text) ? "be" : "ru")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .split("-")
      .slice(0, 8)
      .join("-") || kind;
  const taken = async (slug: string) =>
    kind === "facility" ? (await db.facility.count({ where: { slug } })) > 0 : (await db.chargeType.count({ where: { slug } })) > 0;
  if (!(await taken(base))) return base;
  for (let n = 2; ; n++) if (!(await taken(`${base}-${n}`))) return `${base}-${n}`;
}

// ---------------------------------------------------------------------------
// Proposing

export type ProposeResult = { ok: true; id: string; changed: boolean } | { ok: false; errors: ReferenceErrors } | { ok: false; notFound: true };

/** Another facility with the same official designation (and town, when both give one). */
async function facilityDuplicate(db: Db, values: FacilityValues, exceptId: string | null): Promise<boolean> {
  const rows = await db.facility.findMany({ where: exceptId ? { id: { not: exceptId } } : {}, select: { designation: true, town: true } });
  return rows.some(
    (row) => row.designation && normalise(row.designation) === normalise(values.designation) && (!row.town || !values.town || normalise(row.town) === normalise(values.town)),
  );
}

async function chargeDuplicate(db: Db, values: ChargeValues, exceptId: string | null): Promise<boolean> {
  if (!values.article) return false;
  const rows = await db.chargeType.findMany({ where: { article: { not: null }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { article: true } });
  return rows.some((row) => normalise(row.article!) === normalise(values.article));
}

export interface ProposeOptions {
  /** The import that proposes it (its author is the importer). */
  importId?: string | null;
}

/** A new draft facility with its pending change; in the caller's transaction. */
export async function createDraftFacility(tx: Tx, staff: { id: string }, values: FacilityValues, { importId = null }: ProposeOptions = {}): Promise<{ id: string; slug: string }> {
  const slug = await freeSlug(tx, "facility", [values.designation, values.town].filter(Boolean).join(" "));
  const row = await tx.facility.create({ data: { slug, kind: values.kind as FacilityKindValue, reviewState: "DRAFT" } });
  await writeFacility(tx, row.id, values);
  await tx.referenceChange.create({
    data: { facilityId: row.id, state: "PENDING", before: {}, after: values as unknown as Prisma.InputJsonObject, authorId: staff.id, importId },
  });
  await audit(tx, staff, "reference.propose", { type: "Facility", id: row.id }, { created: true, ...(importId ? { importId } : {}) });
  return { id: row.id, slug };
}

/** A new draft charge type with its pending change; in the caller's transaction. */
export async function createDraftCharge(tx: Tx, staff: { id: string }, values: ChargeValues, { importId = null }: ProposeOptions = {}): Promise<{ id: string; slug: string }> {
  const title = values.article ? `article ${values.article}` : (supportedLanguages.map((language) => values.names[language]).find(Boolean) ?? "charge");
  const slug = await freeSlug(tx, "charge", title);
  const row = await tx.chargeType.create({ data: { slug, reviewState: "DRAFT" } });
  await writeCharge(tx, row.id, values);
  await tx.referenceChange.create({
    data: { chargeTypeId: row.id, state: "PENDING", before: {}, after: values as unknown as Prisma.InputJsonObject, authorId: staff.id, importId },
  });
  await audit(tx, staff, "reference.propose", { type: "ChargeType", id: row.id }, { created: true, ...(importId ? { importId } : {}) });
  return { id: row.id, slug };
}

/**
 * Proposes a facility (id null: a new one) or an edit of one. A new one is a draft at once;
 * an edit waits for review (see the top of this file).
 */
export async function proposeFacility(staff: { id: string }, id: string | null, values: FacilityValues): Promise<ProposeResult> {
  return getPrisma().$transaction(async (tx) => {
    if (await facilityDuplicate(tx, values, id)) return { ok: false, errors: { designation: "duplicate" } };
    if (!id) {
      const created = await createDraftFacility(tx, staff, values);
      return { ok: true, id: created.id, changed: true };
    }
    const changed = await proposeFacilityEdit(tx, staff, id, values);
    return changed === null ? { ok: false, notFound: true } : { ok: true, id, changed };
  });
}

/** An edit of one facility in the caller's transaction; null when there is no such facility. */
export async function proposeFacilityEdit(tx: Tx, staff: { id: string }, id: string, values: FacilityValues): Promise<boolean | null> {
  const row = await tx.facility.findUnique({ where: { id }, include: facilityInclude });
  if (!row) return null;
  const changed = await proposeEdit(tx, staff, { facilityId: id }, row.reviewState, facilityValuesOf(row), values);
  if (changed && row.reviewState === "DRAFT") await writeFacility(tx, id, values);
  return changed;
}

/** Every facility as values with its id, for an import to match rows against. */
export async function listFacilityValues(db: Db = getPrisma()): Promise<{ id: string; values: FacilityValues; pending: FacilityValues | null }[]> {
  const rows = await db.facility.findMany({ include: { translations: true, referenceChanges: { where: { state: "PENDING" }, take: 1 } } });
  return rows.map((row) => ({ id: row.id, values: facilityValuesOf(row), pending: (row.referenceChanges[0]?.after as unknown as FacilityValues | undefined) ?? null }));
}

export const sameDesignation = (a: { designation: string; town: string }, b: { designation: string; town: string }) =>
  normalise(a.designation) === normalise(b.designation) && (!a.town || !b.town || normalise(a.town) === normalise(b.town));

export async function proposeCharge(staff: { id: string }, id: string | null, values: ChargeValues): Promise<ProposeResult> {
  return getPrisma().$transaction(async (tx) => {
    if (await chargeDuplicate(tx, values, id)) return { ok: false, errors: { article: "duplicate" } };
    if (!id) {
      const created = await createDraftCharge(tx, staff, values);
      return { ok: true, id: created.id, changed: true };
    }
    const row = await tx.chargeType.findUnique({ where: { id }, include: facilityInclude });
    if (!row) return { ok: false, notFound: true };
    const changed = await proposeEdit(tx, staff, { chargeTypeId: id }, row.reviewState, chargeValuesOf(row), values);
    if (changed && row.reviewState === "DRAFT") await writeCharge(tx, id, values);
    return { ok: true, id, changed };
  });
}

/** Opens or updates the row's pending change; false when the values are what it already holds. */
async function proposeEdit(
  tx: Tx,
  staff: { id: string },
  target: { facilityId: string } | { chargeTypeId: string },
  reviewState: ReferenceState,
  current: FacilityValues | ChargeValues,
  values: FacilityValues | ChargeValues,
): Promise<boolean> {
  const pending = await tx.referenceChange.findFirst({ where: { ...target, state: "PENDING" } });
  const subject = "facilityId" in target ? ({ type: "Facility", id: target.facilityId } as const) : ({ type: "ChargeType", id: target.chargeTypeId } as const);
  const shown = pending ? (pending.after as unknown as typeof values) : current;
  const fields = changedFields(shown as unknown as Record<string, unknown>, values as unknown as Record<string, unknown>);
  if (fields.length === 0) return false;
  if (pending) {
    const contributorIds = pending.authorId === staff.id || pending.contributorIds.includes(staff.id) ? pending.contributorIds : [...pending.contributorIds, staff.id];
    // Guarded: a reviewer who decided it meanwhile wins, and this edit opens a new change.
    const { count } = await tx.referenceChange.updateMany({ where: { id: pending.id, state: "PENDING" }, data: { after: values as unknown as Prisma.InputJsonObject, contributorIds } });
    if (count === 1) {
      await audit(tx, staff, "reference.propose", subject, { fields });
      return true;
    }
  }
  const before = reviewState === "DRAFT" && !pending ? {} : current;
  await tx.referenceChange.create({
    data: { ...target, state: "PENDING", before: before as unknown as Prisma.InputJsonObject, after: values as unknown as Prisma.InputJsonObject, authorId: staff.id },
  });
  await audit(tx, staff, "reference.propose", subject, { fields });
  return true;
}

// ---------------------------------------------------------------------------
// Deciding

export type DecideResult = { ok: true } | { ok: false; reason: "not-found" | "forbidden" | "already-decided" | "reason-required" };

export async function decideReferenceChange(actor: Actor & { kind: "staff" }, changeId: string, decision: ReferenceDecision, reason: string): Promise<DecideResult> {
  return getPrisma().$transaction(async (tx) => {
    const change = await tx.referenceChange.findUnique({ where: { id: changeId } });
    if (!change) return { ok: false, reason: "not-found" };
    if (change.state !== "PENDING") return { ok: false, reason: "already-decided" };
    if (!mayDecideReferenceChange(actor, change)) return { ok: false, reason: "forbidden" };
    if (decision === "reject" && !reason.trim()) return { ok: false, reason: "reason-required" };
    const move = referenceChangeLifecycle.moves[decision];
    const { count } = await tx.referenceChange.updateMany({
      where: { id: changeId, state: { in: referenceChangeLifecycle.fromStates(decision) } },
      data: { state: move.to, reviewerId: actor.id, decidedAt: new Date(), reason: decision === "reject" ? reason.trim().slice(0, 1000) : null },
    });
    if (count === 0) return { ok: false, reason: "already-decided" };
    if (decision === "apply") {
      if (change.facilityId) {
        await writeFacility(tx, change.facilityId, change.after as unknown as FacilityValues);
        await tx.facility.update({ where: { id: change.facilityId }, data: { reviewState: "APPROVED" } });
      } else if (change.chargeTypeId) {
        await writeCharge(tx, change.chargeTypeId, change.after as unknown as ChargeValues);
        await tx.chargeType.update({ where: { id: change.chargeTypeId }, data: { reviewState: "APPROVED" } });
      }
    }
    const subject = change.facilityId ? ({ type: "Facility", id: change.facilityId } as const) : ({ type: "ChargeType", id: change.chargeTypeId ?? "" } as const);
    await audit(tx, actor, move.audit, subject, { change: changeId });
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------
// Lists and one row with its history

export interface ReferenceListItem {
  id: string;
  slug: string;
  label: string;
  name: string;
  town: string;
  reviewState: ReferenceState;
  pending: boolean;
}

const localName = (translations: { locale: string; name: string }[], language: Language) =>
  translations.find((t) => t.locale === language)?.name ?? translations.find((t) => t.locale === "ru")?.name ?? translations[0]?.name ?? "";

export async function listReference(kind: ReferenceKind, language: Language, onlyWaiting = false): Promise<ReferenceListItem[]> {
  const prisma = getPrisma();
  const waiting = onlyWaiting ? { referenceChanges: { some: { state: "PENDING" as ReferenceChangeState } } } : {};
  const pendingSelect = { where: { state: "PENDING" as ReferenceChangeState }, select: { id: true }, take: 1 };
  if (kind === "facility") {
    const rows = await prisma.facility.findMany({ where: waiting, include: { translations: true, referenceChanges: pendingSelect }, orderBy: [{ designation: "asc" }, { slug: "asc" }] });
    return rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      label: row.designation ?? row.slug,
      name: localName(row.translations, language),
      town: row.town ?? "",
      reviewState: row.reviewState,
      pending: row.referenceChanges.length > 0,
    }));
  }
  const rows = await prisma.chargeType.findMany({ where: waiting, include: { translations: true, referenceChanges: pendingSelect }, orderBy: [{ article: "asc" }, { slug: "asc" }] });
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    label: row.article ?? "",
    name: localName(row.translations, language),
    town: "",
    reviewState: row.reviewState,
    pending: row.referenceChanges.length > 0,
  }));
}

export interface ReferenceChangeView {
  id: string;
  state: ReferenceChangeState;
  authorId: string | null;
  author: string | null;
  contributorIds: string[];
  reviewer: string | null;
  reason: string | null;
  fromImport: boolean;
  createdAt: Date;
  decidedAt: Date | null;
  fields: string[];
  after: FacilityValues | ChargeValues;
}

export interface ReferenceDetail<V> {
  id: string;
  slug: string;
  reviewState: ReferenceState;
  /** What the row holds now (public once APPROVED). */
  current: V;
  pending: ReferenceChangeView | null;
  history: ReferenceChangeView[];
}

const changeInclude = { author: { select: { displayName: true } }, reviewer: { select: { displayName: true } } } as const;

function changeView(change: Prisma.ReferenceChangeGetPayload<{ include: typeof changeInclude }>): ReferenceChangeView {
  return {
    id: change.id,
    state: change.state,
    authorId: change.authorId,
    author: change.author?.displayName ?? null,
    contributorIds: change.contributorIds,
    reviewer: change.reviewer?.displayName ?? null,
    reason: change.reason,
    fromImport: change.importId !== null,
    createdAt: change.createdAt,
    decidedAt: change.decidedAt,
    fields: changedFields(change.before as Record<string, unknown>, change.after as Record<string, unknown>),
    after: change.after as unknown as FacilityValues,
  };
}

export async function findReferenceDetail(kind: ReferenceKind, id: string): Promise<ReferenceDetail<FacilityValues | ChargeValues> | null> {
  const prisma = getPrisma();
  const history = { include: changeInclude, orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }] };
  const row =
    kind === "facility"
      ? await prisma.facility.findUnique({ where: { id }, include: { translations: true, referenceChanges: history } })
      : await prisma.chargeType.findUnique({ where: { id }, include: { translations: true, referenceChanges: history } });
  if (!row) return null;
  const changes = row.referenceChanges.map(changeView);
  return {
    id: row.id,
    slug: row.slug,
    reviewState: row.reviewState,
    current: "kind" in row ? facilityValuesOf(row as FacilityRow) : chargeValuesOf(row as ChargeRow),
    pending: changes.find((change) => change.state === "PENDING") ?? null,
    history: changes,
  };
}
