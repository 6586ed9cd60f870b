// Many new draft profiles at once, for the CSV import: the same rows that, for each profile,
//   tx.prisoner.create({ data: { slug, status: fields.status ?? "IN_CUSTODY", lastVerifiedOn: now, draft: true } })
//   writeProfileFields(tx, id, fieldsWithoutSlug, { otherLanguagesNeedReview: false })
// would write, in three statements per batch instead of ~6 queries per profile.
//
// Raw SQL with one array parameter per column (INSERT … SELECT FROM unnest(…)): measured on
// the embedded database, 500 prisoners take ~15 ms this way and ~130 ms through Prisma's
// createMany, whose cost grows with the number of parameters (see docs/performance.md).
//
// writeProfileFields stays THE way to write a profile; this mirrors its rules for the one case
// of a profile that does not exist yet (no names, translations or other languages to mark).
// tests/integration/prisoner-fields-bulk.test.ts writes every field both ways and compares the
// rows: a field added to writeProfileFields must be added here, and until it is, a profile
// carrying it is refused (UnsupportedBulkFieldError) rather than written incompletely.
import { randomBytes } from "node:crypto";

import type { Prisma } from "@prisma/client";

import { NAME_SCRIPTS, PROFILE_SCALAR_FIELDS, isProfileFieldName, type NameFields, type ProfileFields, type ProfileScalarField } from "./prisoner-fields";
import { UnknownFacilityError, UnknownSourceError } from "./prisoner-fields.server";

type Tx = Prisma.TransactionClient;

const dateOf = (value: string | null | undefined): Date | null => (value ? new Date(`${value}T00:00:00.000Z`) : null);
const day = (date: Date | null): string | null => (date ? date.toISOString().slice(0, 10) : null);
const TEXT_FIELD = /^(summary|biography)\.([a-z]{2})$/;
/** The scalar fields this file writes; any other is refused. */
const HANDLED: readonly ProfileScalarField[] = [
  "slug",
  "status",
  "statusSource",
  "statusReportedOn",
  "statusReportedPrecision",
  "letterStatus",
  "letterStatusSource",
  "letterStatusReportedOn",
  "letterStatusReportedPrecision",
  "grammaticalGender",
  "letterLanguage",
  "birthDate",
  "arrestedOn",
  "sentenceMonths",
  "statusSince",
  "facility",
  "lastVerifiedOn",
];

let counter = 0;
/**
 * Ids for rows inserted by SQL, where Prisma's cuid() default does not run: "c", the time,
 * a counter and random bytes, like a cuid (unique, 25 characters, roughly time-ordered).
 */
export function newRowIds(count: number): string[] {
  const time = Date.now().toString(36).padStart(9, "0");
  return Array.from({ length: count }, () => {
    counter = (counter + 1) % 36 ** 4;
    return `c${time}${counter.toString(36).padStart(4, "0")}${BigInt(`0x${randomBytes(8).toString("hex")}`).toString(36).padStart(11, "0").slice(0, 11)}`;
  });
}
export class UnsupportedBulkFieldError extends Error {
  constructor(readonly field: string) {
    super(`createDraftProfiles cannot write the field ${field}; use writeProfileFields`);
  }
}

/**
 * Creates one draft prisoner per entry (each must have a slug) and returns their ids in the
 * same order. Throws UnknownFacilityError like writeProfileFields; the caller's transaction
 * then rolls everything back.
 */
export async function createDraftProfiles(tx: Tx, profiles: ProfileFields[], { now = new Date() }: { now?: Date } = {}): Promise<string[]> {
  if (profiles.length === 0) return [];
  for (const fields of profiles) {
    for (const key of Object.keys(fields)) {
      if (!isProfileFieldName(key)) throw new UnsupportedBulkFieldError(key);
      if ((PROFILE_SCALAR_FIELDS as readonly string[]).includes(key) && !HANDLED.includes(key as ProfileScalarField)) throw new UnsupportedBulkFieldError(key);
      // Only scalars, names and texts are written here; anything else (facts, charges, new
      // sources and whatever the field record gains later) goes through writeProfileFields.
      const scalar = (PROFILE_SCALAR_FIELDS as readonly string[]).includes(key);
      if (!scalar && !/^(name|summary|biography)\./.test(key)) throw new UnsupportedBulkFieldError(key);
    }
    if (!fields.slug) throw new UnsupportedBulkFieldError("slug (missing)");
  }

  // Facilities: one query for the whole batch instead of one per profile.
  const facilitySlugs = [...new Set(profiles.map((fields) => fields.facility).filter((slug): slug is string => typeof slug === "string"))];
  const facilities = new Map(
    facilitySlugs.length > 0 ? (await tx.facility.findMany({ where: { slug: { in: facilitySlugs } }, select: { id: true, slug: true } })).map((f) => [f.slug, f.id]) : [],
  );

  // The status reports' sources, likewise (the import's own source, mostly).
  const sourceKeys = [...new Set(profiles.flatMap((fields) => [fields.statusSource, fields.letterStatusSource]).filter((key): key is string => typeof key === "string"))];
  const sources = new Map(
    sourceKeys.length > 0 ? (await tx.source.findMany({ where: { key: { in: sourceKeys } }, select: { id: true, key: true } })).map((s) => [s.key, s.id]) : [],
  );
  const sourceIdOf = (key: string | null | undefined): string | null => {
    if (key == null) return null;
    const id = sources.get(key);
    if (!id) throw new UnknownSourceError(key);
    return id;
  };

  const ids = newRowIds(profiles.length);
  const today = day(now)!;
  const stamp = now.toISOString();
  const column = () => [] as (string | null)[];
  const prisoner = {
    slug: column(),
    status: column(),
    statusSourceId: column(),
    statusReportedOn: column(),
    statusReportedPrecision: column(),
    letterStatus: column(),
    letterStatusSourceId: column(),
    letterStatusReportedOn: column(),
    letterStatusReportedPrecision: column(), grammaticalGender: column(), letterLanguage: column(), birthDate: column(), arrestedOn: column(), sentenceMonths: column(), statusSince: column(), facilityId: column(), lastVerifiedOn: column() };
  const names = { id: column(), prisonerId: column(), script: column(), givenName: column(), patronymic: column(), familyName: column() };
  const texts = { prisonerId: column(), locale: column(), summary: column(), biography: column() };

  profiles.forEach((fields, index) => {
    const prisonerId = ids[index]!;
    const has = (key: ProfileScalarField) => key in fields;
    // What prisoner.create writes, then what writeProfileFields writes over it.
    prisoner.slug.push(fields.slug!);
    prisoner.status.push(fields.status ?? "IN_CUSTODY");
    prisoner.statusSourceId.push(sourceIdOf(fields.statusSource));
    prisoner.statusReportedOn.push(day(dateOf(fields.statusReportedOn)));
    prisoner.statusReportedPrecision.push(fields.statusReportedPrecision ?? null);
    prisoner.letterStatusSourceId.push(sourceIdOf(fields.letterStatusSource));
    prisoner.letterStatusReportedOn.push(day(dateOf(fields.letterStatusReportedOn)));
    prisoner.letterStatusReportedPrecision.push(fields.letterStatusReportedPrecision ?? null);
    // Absent: the column's default.
    prisoner.letterStatus.push(has("letterStatus") ? (fields.letterStatus ?? null) : "UNKNOWN");
    prisoner.grammaticalGender.push(fields.grammaticalGender ?? null);
    prisoner.letterLanguage.push(fields.letterLanguage ?? null);
    prisoner.birthDate.push(day(dateOf(fields.birthDate)));
    prisoner.arrestedOn.push(day(dateOf(fields.arrestedOn)));
    prisoner.sentenceMonths.push(fields.sentenceMonths == null ? null : String(fields.sentenceMonths));
    prisoner.statusSince.push(day(dateOf(fields.statusSince)));
    let facilityId: string | null = null;
    if (fields.facility != null) {
      facilityId = facilities.get(String(fields.facility)) ?? null;
      if (!facilityId) throw new UnknownFacilityError(String(fields.facility));
    }
    prisoner.facilityId.push(facilityId);
    // writeProfileFields only writes a lastVerifiedOn that is given.
    prisoner.lastVerifiedOn.push(fields.lastVerifiedOn ? day(dateOf(fields.lastVerifiedOn)) : today);

    for (const script of NAME_SCRIPTS) {
      const name = fields[`name.${script}`] as NameFields | null | undefined;
      // No existing name to update or delete: null writes nothing.
      if (!name) continue;
      names.prisonerId.push(prisonerId);
      names.script.push(script);
      names.givenName.push(name.givenName);
      names.patronymic.push(name.patronymic ?? null);
      names.familyName.push(name.familyName);
    }
    const locales = new Set<string>();
    for (const key of Object.keys(fields)) {
      const match = TEXT_FIELD.exec(key);
      if (match) locales.add(match[2]!);
    }
    for (const locale of locales) {
      const summary = fields[`summary.${locale}`];
      const biography = fields[`biography.${locale}`];
      const nextSummary = summary !== undefined ? summary : null;
      const nextBiography = biography !== undefined ? biography : null;
      if (!nextSummary && !nextBiography) continue;
      texts.prisonerId.push(prisonerId);
      texts.locale.push(locale);
      texts.summary.push(nextSummary ?? "");
      texts.biography.push(nextBiography);
    }
  });
  names.id.push(...newRowIds(names.prisonerId.length));

  // Created at version 1, bumped once by writeProfileFields: version 2.
  await tx.$executeRaw`
    INSERT INTO "Prisoner" ("id", "slug", "status", "statusSourceId", "statusReportedOn", "statusReportedPrecision", "letterStatus",
      "letterStatusSourceId", "letterStatusReportedOn", "letterStatusReportedPrecision", "grammaticalGender", "letterLanguage", "birthDate", "arrestedOn",
      "sentenceMonths", "statusSince", "facilityId", "lastVerifiedOn", "draft", "version", "createdAt", "updatedAt")
    SELECT id, slug, status::"PrisonerStatus", ssid, sro::date, srp::"DatePrecision", ls::"LetterStatus", lsid, lsro::date, lsrp::"DatePrecision",
      gg::"GrammaticalGender", ll::"LetterLanguage", bd::date, ao::date,
      sm::integer, ss::date, fid, lv::date, true, 2, ${stamp}::timestamp(3), ${stamp}::timestamp(3)
    FROM unnest(${ids}::text[], ${prisoner.slug}::text[], ${prisoner.status}::text[], ${prisoner.statusSourceId}::text[], ${prisoner.statusReportedOn}::text[],
      ${prisoner.statusReportedPrecision}::text[], ${prisoner.letterStatus}::text[], ${prisoner.letterStatusSourceId}::text[], ${prisoner.letterStatusReportedOn}::text[],
      ${prisoner.letterStatusReportedPrecision}::text[], ${prisoner.grammaticalGender}::text[],
      ${prisoner.letterLanguage}::text[], ${prisoner.birthDate}::text[], ${prisoner.arrestedOn}::text[], ${prisoner.sentenceMonths}::text[],
      ${prisoner.statusSince}::text[], ${prisoner.facilityId}::text[], ${prisoner.lastVerifiedOn}::text[])
      AS t(id, slug, status, ssid, sro, srp, ls, lsid, lsro, lsrp, gg, ll, bd, ao, sm, ss, fid, lv)`;
  if (names.id.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "PrisonerName" ("id", "prisonerId", "script", "givenName", "patronymic", "familyName")
      SELECT id, pid, script::"NameScript", given, patronymic, family
      FROM unnest(${names.id}::text[], ${names.prisonerId}::text[], ${names.script}::text[], ${names.givenName}::text[], ${names.patronymic}::text[], ${names.familyName}::text[])
        AS t(id, pid, script, given, patronymic, family)`;
  }
  if (texts.prisonerId.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "PrisonerTranslation" ("prisonerId", "locale", "summary", "biography", "updatedAt")
      SELECT pid, locale, summary, biography, ${stamp}::timestamp(3)
      FROM unnest(${texts.prisonerId}::text[], ${texts.locale}::text[], ${texts.summary}::text[], ${texts.biography}::text[]) AS t(pid, locale, summary, biography)`;
  }
  return ids;
}
