// A prisoner's profile as the back office edits it: a flat record of named fields. The
// profile editor, the CSV import and the review queue all read, compare and write profiles
// through these functions, so a change looks the same in the history whoever made it.
// PrisonerChange.before/after hold the changed fields of this record (JSON).
import type { Prisma } from "@prisma/client";

import { NAME_SCRIPTS, PROFILE_SCALAR_FIELDS, STATUS_REPORT_FIELDS, type ChargeFields, type FactFields, type NameFields, type NewSourceFields, type ProfileFieldName, type ProfileFields } from "./prisoner-fields";

type Tx = Prisma.TransactionClient;

const day = (date: Date | null): string | null => (date ? date.toISOString().slice(0, 10) : null);
const dateOf = (value: string | null | undefined): Date | null => (value ? new Date(`${value}T00:00:00.000Z`) : null);

/** The profile as it is now; null when there is no such prisoner. */
export async function readProfileFields(tx: Tx, prisonerId: string): Promise<{ fields: ProfileFields; version: number; draft: boolean } | null> {
  const prisoner = await tx.prisoner.findUnique({
    where: { id: prisonerId },
    include: {
      names: true,
      translations: true,
      facility: { select: { slug: true } },
      statusSource: { select: { key: true } },
      letterStatusSource: { select: { key: true } },
      facts: { orderBy: [{ position: "asc" }, { id: "asc" }], include: { translations: { orderBy: { locale: "asc" } }, source: { select: { key: true } } } },
      charges: { include: { chargeType: { select: { slug: true } }, source: { select: { key: true } } } },
    },
  });
  if (!prisoner) return null;
  const fields: ProfileFields = {
    slug: prisoner.slug,
    status: prisoner.status,
    statusSource: prisoner.statusSource?.key ?? null,
    statusReportedOn: day(prisoner.statusReportedOn),
    statusReportedPrecision: prisoner.statusReportedOn ? (prisoner.statusReportedPrecision ?? "DAY") : null,
    letterStatus: prisoner.letterStatus,
    letterStatusSource: prisoner.letterStatusSource?.key ?? null,
    letterStatusReportedOn: day(prisoner.letterStatusReportedOn),
    letterStatusReportedPrecision: prisoner.letterStatusReportedOn ? (prisoner.letterStatusReportedPrecision ?? "DAY") : null,
    grammaticalGender: prisoner.grammaticalGender,
    letterLanguage: prisoner.letterLanguage,
    birthDate: day(prisoner.birthDate),
    arrestedOn: day(prisoner.arrestedOn),
    sentenceMonths: prisoner.sentenceMonths,
    statusSince: day(prisoner.statusSince),
    facility: prisoner.facility?.slug ?? null,
    lastVerifiedOn: day(prisoner.lastVerifiedOn),
    facts: prisoner.facts.map((fact) => ({
      kind: fact.kind,
      occurredOn: day(fact.occurredOn),
      // As the editor sends it: a precision only with a date, "day" when none was recorded.
      datePrecision: fact.occurredOn ? (fact.datePrecision ?? "DAY") : null,
      source: fact.source.key,
      text: Object.fromEntries(fact.translations.map((translation) => [translation.locale, translation.text])),
    })),
    charges: prisoner.charges
      .map((charge) => ({ chargeType: charge.chargeType.slug, source: charge.source.key }))
      .sort((a, b) => (a.chargeType < b.chargeType ? -1 : a.chargeType > b.chargeType ? 1 : 0)),
  };
  for (const script of NAME_SCRIPTS) {
    // VARIANT may hold several spellings; the editor shows the first one.
    const name = prisoner.names.find((candidate) => candidate.script === script);
    fields[`name.${script}`] = name ? { givenName: name.givenName, patronymic: name.patronymic, familyName: name.familyName } : null;
  }
  for (const translation of prisoner.translations) {
    fields[`summary.${translation.locale}`] = translation.summary;
    fields[`biography.${translation.locale}`] = translation.biography;
  }
  return { fields, version: prisoner.version, draft: prisoner.draft };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Only what differs: the before and after halves of a PrisonerChange. */
export function diffProfileFields(before: ProfileFields, after: ProfileFields): { before: ProfileFields; after: ProfileFields } | null {
  const changedBefore: ProfileFields = {};
  const changedAfter: ProfileFields = {};
  for (const key of Object.keys(after) as ProfileFieldName[]) {
    if (sameValue(before[key], after[key])) continue;
    changedBefore[key] = (before[key] ?? null) as never;
    changedAfter[key] = (after[key] ?? null) as never;
  }
  return Object.keys(changedAfter).length > 0 ? { before: changedBefore, after: changedAfter } : null;
}

export class UnknownFacilityError extends Error {
  constructor(readonly slug: string) {
    super(`no facility ${slug}`);
  }
}

/** A fact or charge names a Source key that does not exist (and is not added by the change). */
export class UnknownSourceError extends Error {
  constructor(readonly key: string) {
    super(`no source ${key}`);
  }
}

export class UnknownChargeTypeError extends Error {
  constructor(readonly slug: string) {
    super(`no charge type ${slug}`);
  }
}

/** The source keys and charge types a change names that do not exist: checked before saving. */
export async function missingReferences(tx: Tx, fields: ProfileFields): Promise<{ sources: string[]; chargeTypes: string[] }> {
  const added = new Set((fields.sources ?? []).map((source) => source.key));
  const keys = [...new Set([...[...(fields.facts ?? []), ...(fields.charges ?? [])].map((item) => item.source), ...statusSourceKeys(fields)])].filter((key) => !added.has(key));
  const slugs = [...new Set((fields.charges ?? []).map((charge) => charge.chargeType))];
  const [sources, chargeTypes] = await Promise.all([
    keys.length ? tx.source.findMany({ where: { key: { in: keys } }, select: { key: true } }) : [],
    slugs.length ? tx.chargeType.findMany({ where: { slug: { in: slugs } }, select: { slug: true } }) : [],
  ]);
  return {
    sources: keys.filter((key) => !sources.some((source) => source.key === key)),
    chargeTypes: slugs.filter((slug) => !chargeTypes.some((type) => type.slug === slug)),
  };
}

/** The sources the change names for its statuses. */
function statusSourceKeys(fields: ProfileFields): string[] {
  return STATUS_REPORT_FIELDS.map((report) => fields[report.source]).filter((key): key is string => typeof key === "string" && key !== "");
}

/**
 * A status report given without a date is dated as its source is (date and precision): the
 * usual case, a report that says so on the day it is published. Sources the change adds count
 * too. Unknown sources are left alone (missingReferences reports them).
 */
export async function withStatusReportDates(tx: Tx, fields: ProfileFields): Promise<ProfileFields> {
  const undated = STATUS_REPORT_FIELDS.filter((report) => fields[report.source] && !fields[report.reportedOn]);
  if (undated.length === 0) return fields;
  const keys = undated.map((report) => fields[report.source]!);
  const stored = await tx.source.findMany({ where: { key: { in: keys } }, select: { key: true, publishedOn: true, datePrecision: true } });
  const dates = new Map<string, { publishedOn: string; datePrecision: NewSourceFields["datePrecision"] }>(stored.map((source) => [source.key, { publishedOn: day(source.publishedOn)!, datePrecision: source.datePrecision }]));
  for (const source of fields.sources ?? []) dates.set(source.key, source);
  const dated: ProfileFields = { ...fields };
  for (const report of undated) {
    const source = dates.get(fields[report.source]!);
    if (!source) continue;
    dated[report.reportedOn] = source.publishedOn;
    dated[report.precision] = source.datePrecision;
  }
  return dated;
}

async function sourceIds(tx: Tx, keys: string[]): Promise<Map<string, string>> {
  const rows = keys.length ? await tx.source.findMany({ where: { key: { in: [...new Set(keys)] } }, select: { id: true, key: true } }) : [];
  const ids = new Map(rows.map((row) => [row.key, row.id]));
  for (const key of keys) if (!ids.has(key)) throw new UnknownSourceError(key);
  return ids;
}

async function writeSources(tx: Tx, sources: NewSourceFields[]): Promise<void> {
  for (const source of sources) {
    // The key is random per new source; one already there (the same change applied twice
    // cannot happen, but an import may share keys) is kept as it is.
    const existing = await tx.source.findUnique({ where: { key: source.key }, select: { id: true } });
    if (existing) continue;
    await tx.source.create({
      data: { key: source.key, publication: source.publication, title: source.title, url: source.url, publishedOn: dateOf(source.publishedOn)!, datePrecision: source.datePrecision },
    });
  }
}

async function writeFacts(tx: Tx, prisonerId: string, facts: FactFields[]): Promise<void> {
  const ids = await sourceIds(tx, facts.map((fact) => fact.source));
  await tx.prisonerFact.deleteMany({ where: { prisonerId } });
  for (const [position, fact] of facts.entries()) {
    const texts = Object.entries(fact.text).filter(([, text]) => text.trim() !== "");
    await tx.prisonerFact.create({
      data: {
        prisonerId,
        kind: fact.kind,
        occurredOn: dateOf(fact.occurredOn),
        datePrecision: fact.occurredOn ? (fact.datePrecision ?? "DAY") : null,
        sourceId: ids.get(fact.source)!,
        position,
        translations: { create: texts.map(([locale, text]) => ({ locale, text })) },
      },
    });
  }
}

async function writeCharges(tx: Tx, prisonerId: string, charges: ChargeFields[]): Promise<void> {
  const ids = await sourceIds(tx, charges.map((charge) => charge.source));
  const slugs = [...new Set(charges.map((charge) => charge.chargeType))];
  const types = slugs.length ? await tx.chargeType.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } }) : [];
  for (const slug of slugs) if (!types.some((type) => type.slug === slug)) throw new UnknownChargeTypeError(slug);
  await tx.prisonerCharge.deleteMany({ where: { prisonerId } });
  const seen = new Set<string>();
  for (const charge of charges) {
    // One row per charge type (the table's key): a repeated type keeps its first source.
    if (seen.has(charge.chargeType)) continue;
    seen.add(charge.chargeType);
    const type = types.find((candidate) => candidate.slug === charge.chargeType)!;
    await tx.prisonerCharge.create({ data: { prisonerId, chargeTypeId: type.id, sourceId: ids.get(charge.source)! } });
  }
}

/**
 * Writes the given fields (only those present) and bumps the version. Callers check the
 * version and authorisation first and write the PrisonerChange row in the same transaction.
 * `writtenBy` (when known) wrote the texts: they join each changed language's contributors,
 * who may not mark that translation reviewed (four eyes).
 */
export async function writeProfileFields(
  tx: Tx,
  prisonerId: string,
  fields: ProfileFields,
  { otherLanguagesNeedReview, writtenBy = null }: { otherLanguagesNeedReview: boolean; writtenBy?: string | null },
): Promise<void> {
  // New sources first: the statuses, facts and charges below may name them.
  if (fields.sources) await writeSources(tx, fields.sources);
  const statusSources = await sourceIds(tx, statusSourceKeys(fields));
  const data: Record<string, unknown> = {};
  for (const key of PROFILE_SCALAR_FIELDS) {
    if (!(key in fields)) continue;
    const value = fields[key];
    if (key === "facility") {
      if (value === null) data.facilityId = null;
      else {
        const facility = await tx.facility.findUnique({ where: { slug: String(value) }, select: { id: true } });
        if (!facility) throw new UnknownFacilityError(String(value));
        data.facilityId = facility.id;
      }
    } else if (key === "birthDate" || key === "arrestedOn" || key === "statusSince" || key === "statusReportedOn" || key === "letterStatusReportedOn") {
      data[key] = dateOf(value as string | null);
    } else if (key === "statusSource" || key === "letterStatusSource") {
      data[`${key}Id`] = value ? statusSources.get(value as string)! : null;
    } else if (key === "lastVerifiedOn") {
      if (value) data.lastVerifiedOn = dateOf(value as string);
    } else {
      data[key] = value;
    }
  }
  await tx.prisoner.update({ where: { id: prisonerId }, data: { ...data, version: { increment: 1 } } });

  if (fields.facts) await writeFacts(tx, prisonerId, fields.facts);
  if (fields.charges) await writeCharges(tx, prisonerId, fields.charges);

  for (const script of NAME_SCRIPTS) {
    const key = `name.${script}` as const;
    if (!(key in fields)) continue;
    const name = fields[key] as NameFields | null;
    const existing = await tx.prisonerName.findFirst({ where: { prisonerId, script }, orderBy: { id: "asc" } });
    if (!name) {
      if (existing) await tx.prisonerName.delete({ where: { id: existing.id } });
    } else if (existing) {
      await tx.prisonerName.update({ where: { id: existing.id }, data: name });
    } else {
      await tx.prisonerName.create({ data: { prisonerId, script, ...name } });
    }
  }

  const locales = new Set<string>();
  for (const key of Object.keys(fields)) {
    const match = /^(summary|biography)\.([a-z]{2})$/.exec(key);
    if (match) locales.add(match[2]!);
  }
  for (const locale of locales) {
    const summary = fields[`summary.${locale}`];
    const biography = fields[`biography.${locale}`];
    const existing = await tx.prisonerTranslation.findUnique({ where: { prisonerId_locale: { prisonerId, locale } } });
    const nextSummary = summary !== undefined ? summary : existing?.summary ?? null;
    const nextBiography = biography !== undefined ? biography : existing?.biography ?? null;
    if (!nextSummary && !nextBiography) {
      if (existing) await tx.prisonerTranslation.delete({ where: { prisonerId_locale: { prisonerId, locale } } });
      continue;
    }
    const written = writtenBy && !existing?.contributorIds.includes(writtenBy) ? { contributorIds: { push: writtenBy } } : {};
    await tx.prisonerTranslation.upsert({
      where: { prisonerId_locale: { prisonerId, locale } },
      create: { prisonerId, locale, summary: nextSummary ?? "", biography: nextBiography, contributorIds: writtenBy ? [writtenBy] : [] },
      update: { summary: nextSummary ?? "", biography: nextBiography, ...written },
    });
  }
  // An editor who rewrites a biography makes the other languages' versions stale: translators
  // see them as "needs review". A translator's own edit (one language) does not.
  if (otherLanguagesNeedReview && locales.size > 0) {
    await tx.prisonerTranslation.updateMany({ where: { prisonerId, locale: { notIn: [...locales] } }, data: { review: "NEEDS_REVIEW" } });
  }
}
