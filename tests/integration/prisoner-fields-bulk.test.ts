// createDraftProfiles (the CSV import's batch writer) against the per-profile path it replaces:
// prisoner.create + writeProfileFields. The same profiles are written both ways and every
// resulting row is compared, so a rule added to writeProfileFields and not to the batch
// writer fails here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PROFILE_SCALAR_FIELDS, type ProfileFields } from "~/staff/profiles/prisoner-fields";
import { UnsupportedBulkFieldError, createDraftProfiles } from "~/staff/profiles/prisoner-fields-bulk.server";
import { UnknownFacilityError, writeProfileFields } from "~/staff/profiles/prisoner-fields.server";

import { useFreshDatabase, type TestDatabase } from "../../scripts/support/scratch-database";

let database: TestDatabase;
const prisma = () => database.prisma;

beforeAll(async () => {
  database = await useFreshDatabase();
  await prisma().facility.create({ data: { slug: "bulk-colony", kind: "PENAL_COLONY" } });
  await prisma().facility.create({ data: { slug: "bulk-sizo", kind: "PRE_TRIAL_DETENTION" } });
  await prisma().source.create({ data: { key: "bulk-report", publication: "Bulk Monitor", publishedOn: new Date("2026-11-03T00:00:00.000Z"), datePrecision: "DAY" } });
});
afterAll(async () => {
  await database?.destroy();
});

/** Every kind of value writeProfileFields handles (slugs are added per way). */
const profiles: ProfileFields[] = [
  {
    status: "RELEASED",
    statusSource: "bulk-report",
    statusReportedOn: "2026-11-01",
    statusReportedPrecision: "MONTH",
    letterStatus: "CAN_RECEIVE",
    letterStatusSource: "bulk-report",
    letterStatusReportedOn: "2026-11-03",
    letterStatusReportedPrecision: "DAY",
    grammaticalGender: "FEMININE",
    letterLanguage: "BE",
    birthDate: "1982-04-24",
    arrestedOn: "2020-09-07",
    sentenceMonths: 132,
    statusSince: "2025-12-13",
    facility: "bulk-colony",
    lastVerifiedOn: "2026-01-02",
    "name.BE_CYRILLIC": { givenName: "Марыя", patronymic: "Аляксандраўна", familyName: "Калеснікава" },
    "name.RU_CYRILLIC": { givenName: "Мария", patronymic: "Александровна", familyName: "Колесникова" },
    "name.LATIN": { givenName: "Maria", patronymic: null, familyName: "Kalesnikava" },
    "summary.en": "Musician",
    "biography.en": "A flautist.",
    "summary.be": "Музыка",
  },
  // Nothing but a name: defaults everywhere else.
  { "name.RU_CYRILLIC": { givenName: "Иван", patronymic: null, familyName: "Иванов" } },
  // Nulls, a removed name that never existed, a text with only a biography, an empty text.
  {
    status: "IN_CUSTODY",
    statusSource: null,
    statusReportedOn: null,
    statusReportedPrecision: null,
    letterStatusSource: null,
    grammaticalGender: null,
    letterLanguage: null,
    birthDate: null,
    arrestedOn: null,
    sentenceMonths: null,
    statusSince: null,
    facility: null,
    lastVerifiedOn: null,
    "name.LATIN": null,
    "name.BE_CYRILLIC": { givenName: "Алесь", patronymic: null, familyName: "Чарнавік" },
    "biography.pl": "Tylko biografia.",
    "summary.ru": "",
    "biography.ru": null,
    "summary.uk": null,
  },
  { status: "IN_EXILE", facility: "bulk-sizo", "name.LATIN": { givenName: "Anna", patronymic: null, familyName: "Test" }, "summary.lt": "Santrauka" },
];

async function rowsOf(prefix: string) {
  const prisoners = await prisma().prisoner.findMany({
    where: { slug: { startsWith: prefix } },
    include: { names: { orderBy: { script: "asc" } }, translations: { orderBy: { locale: "asc" } } },
    orderBy: { slug: "asc" },
  });
  return prisoners.map(({ id, createdAt, updatedAt, slug, names, translations, ...columns }) => {
    expect(updatedAt).toBeInstanceOf(Date);
    expect(createdAt).toBeInstanceOf(Date);
    return {
      slug: slug.slice(prefix.length),
      ...columns,
      names: names.map(({ id: nameId, prisonerId, ...name }) => {
        expect(nameId).toBeTruthy();
        expect(prisonerId).toBe(id);
        return name;
      }),
      translations: translations.map(({ prisonerId, updatedAt: translated, ...translation }) => {
        expect(prisonerId).toBe(id);
        expect(translated).toBeInstanceOf(Date);
        return translation;
      }),
    };
  });
}

describe("createDraftProfiles", () => {
  it("covers every scalar field of a profile in this test", () => {
    for (const field of PROFILE_SCALAR_FIELDS) {
      if (field === "slug") continue;
      expect(profiles.some((fields) => field in fields && fields[field] !== null), field).toBe(true);
    }
  });

  it("writes exactly the rows that prisoner.create + writeProfileFields write", async () => {
    const now = new Date();
    await prisma().$transaction(async (tx) => {
      for (const [index, fields] of profiles.entries()) {
        const slug = `one-by-one-${index}`;
        const created = await tx.prisoner.create({ data: { slug, status: fields.status ?? "IN_CUSTODY", lastVerifiedOn: now, draft: true } });
        await writeProfileFields(tx, created.id, fields, { otherLanguagesNeedReview: false });
      }
    });
    const ids = await prisma().$transaction((tx) =>
      createDraftProfiles(
        tx,
        profiles.map((fields, index) => ({ slug: `in-bulk-${index}`, ...fields })),
        { now },
      ),
    );
    expect(ids).toHaveLength(profiles.length);
    expect(new Set(ids).size).toBe(profiles.length);

    const oneByOne = await rowsOf("one-by-one-");
    const inBulk = await rowsOf("in-bulk-");
    expect(inBulk).toEqual(oneByOne);
    // The comparison saw real content, not two empty lists.
    expect(oneByOne).toHaveLength(profiles.length);
    expect(oneByOne[0]).toMatchObject({ version: 2, draft: true, status: "RELEASED", names: expect.arrayContaining([expect.objectContaining({ familyName: "Kalesnikava" })]) });
    expect(oneByOne[0]!.translations.map((t) => t.locale)).toEqual(["be", "en"]);
    expect(oneByOne[2]!.translations).toEqual([expect.objectContaining({ locale: "pl", summary: "", biography: "Tylko biografia." })]);
    // The ids come back in the order the profiles were given.
    const bySlug = await prisma().prisoner.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true } });
    expect(ids.map((id) => bySlug.find((row) => row.id === id)!.slug)).toEqual(profiles.map((_, index) => `in-bulk-${index}`));
  });

  it("refuses an unknown facility and fields it cannot write, writing nothing", async () => {
    const before = await prisma().prisoner.count();
    await expect(
      prisma().$transaction((tx) => createDraftProfiles(tx, [{ slug: "bulk-ok" }, { slug: "bulk-bad", facility: "no-such-place" }])),
    ).rejects.toBeInstanceOf(UnknownFacilityError);
    await expect(
      prisma().$transaction((tx) => createDraftProfiles(tx, [{ slug: "bulk-list", ...({ facts: [] } as unknown as ProfileFields) }])),
    ).rejects.toBeInstanceOf(UnsupportedBulkFieldError);
    await expect(prisma().$transaction((tx) => createDraftProfiles(tx, [{ status: "RELEASED" }]))).rejects.toBeInstanceOf(UnsupportedBulkFieldError);
    expect(await prisma().prisoner.count()).toBe(before);
  });
});
