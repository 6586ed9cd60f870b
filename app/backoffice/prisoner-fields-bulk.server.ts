// Many new draft profiles at once, for the CSV import: the same rows that, for each profile,
//   tx.prisoner.create({ data: { slug, status: fields.status ?? "IN_CUSTODY", lastVerifiedOn: now, draft: true } })
//   writeProfileFields(tx, id, fieldsWithoutSlug, { otherLanguagesNeedReview: false })
// would write, but in four multi-row INSERTs per batch instead of ~6 queries per profile
// (10,000 profiles: seconds instead of minutes on the embedded database).
//
// writeProfileFields stays THE way to write a profile; this mirrors its rules for the one case
// of a profile that does not exist yet (no names, translations or other languages to mark).
// tests/integration/prisoner-fields-bulk.test.ts writes every field both ways and compares the
// rows: a field added to writeProfileFields must be added here, and until it is, a profile
// carrying it is refused (UnsupportedBulkFieldError) rather than written incompletely.
import type { Prisma, PrisonerStatus } from "@prisma/client";

import { NAME_SCRIPTS, PROFILE_SCALAR_FIELDS, isProfileFieldName, type NameFields, type ProfileFields } from "./prisoner-fields";
import { UnknownFacilityError } from "./prisoner-fields.server";

type Tx = Prisma.TransactionClient;

const dateOf = (value: string | null | undefined): Date | null => (value ? new Date(`${value}T00:00:00.000Z`) : null);
const TEXT_FIELD = /^(summary|biography)\.([a-z]{2})$/;

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
    for (const key of Object.keys(fields)) if (!isProfileFieldName(key)) throw new UnsupportedBulkFieldError(key);
    if (!fields.slug) throw new UnsupportedBulkFieldError("slug (missing)");
  }

  // Facilities: one query for the whole batch instead of one per profile.
  const facilitySlugs = [...new Set(profiles.map((fields) => fields.facility).filter((slug): slug is string => typeof slug === "string"))];
  const facilities = new Map(
    facilitySlugs.length > 0 ? (await tx.facility.findMany({ where: { slug: { in: facilitySlugs } }, select: { id: true, slug: true } })).map((f) => [f.slug, f.id]) : [],
  );

  const prisoners = profiles.map((fields) => {
    // What prisoner.create writes...
    const data: Record<string, unknown> = { slug: fields.slug, status: (fields.status ?? "IN_CUSTODY") as PrisonerStatus, lastVerifiedOn: now, draft: true };
    // ...then what writeProfileFields writes over it, with the same conversions.
    for (const key of PROFILE_SCALAR_FIELDS) {
      if (key === "slug" || !(key in fields)) continue;
      const value = fields[key];
      if (key === "facility") {
        if (value === null) data.facilityId = null;
        else {
          const id = facilities.get(String(value));
          if (!id) throw new UnknownFacilityError(String(value));
          data.facilityId = id;
        }
      } else if (key === "birthDate" || key === "arrestedOn" || key === "statusSince") {
        data[key] = dateOf(value as string | null);
      } else if (key === "lastVerifiedOn") {
        if (value) data.lastVerifiedOn = dateOf(value as string);
      } else {
        data[key] = value;
      }
    }
    // Created at version 1, bumped once by writeProfileFields.
    data.version = 2;
    return data as Prisma.PrisonerCreateManyInput;
  });
  const created = await tx.prisoner.createManyAndReturn({ data: prisoners, select: { id: true, slug: true } });
  const idBySlug = new Map(created.map((row) => [row.slug, row.id]));
  const ids = profiles.map((fields) => idBySlug.get(fields.slug!)!);

  const names: Prisma.PrisonerNameCreateManyInput[] = [];
  const translations: Prisma.PrisonerTranslationCreateManyInput[] = [];
  profiles.forEach((fields, index) => {
    const prisonerId = ids[index]!;
    for (const script of NAME_SCRIPTS) {
      const key = `name.${script}` as const;
      if (!(key in fields)) continue;
      const name = fields[key] as NameFields | null;
      // No existing name to update or delete: null writes nothing.
      if (name) names.push({ prisonerId, script, ...name });
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
      translations.push({ prisonerId, locale, summary: nextSummary ?? "", biography: nextBiography });
    }
  });
  if (names.length > 0) await tx.prisonerName.createMany({ data: names });
  if (translations.length > 0) await tx.prisonerTranslation.createMany({ data: translations });
  return ids;
}
