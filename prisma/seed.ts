// Loads the demo data (prisma/demo-data.ts) into a database. Running it again recreates the
// demo rows from the current file without duplicating them; rows that point at them (actions,
// facilities of other prisoners) lose those links. For development databases only.
// `npm run db:seed` runs it; the server runs it on the first start of an empty embedded database.
import type { PrismaClient } from "@prisma/client";

import { supportedLanguages } from "~/i18n";

import { demoAppealCampaign, demoAppealTemplates } from "./demo-appeals";
import {
  demoCampaign,
  demoChargeTypes,
  demoFacilities,
  demoFigures,
  demoOfficials,
  demoPrisoners,
  demoSources,
  type Localized,
} from "./demo-data";

const day = (isoDate: string) => new Date(`${isoDate}T00:00:00.000Z`);
const optionalDay = (isoDate: string | null) => (isoDate ? day(isoDate) : null);

/** One row per language that has text; an untranslated language is left out, never copied from English. */
function translationRows<T extends Record<string, Localized>>(fields: T) {
  return supportedLanguages.flatMap((locale) => {
    const row: Record<string, string> = { locale };
    for (const [field, texts] of Object.entries(fields)) {
      const text = texts[locale]?.trim();
      if (!text) return [];
      row[field] = text;
    }
    return [row as { locale: string } & { [K in keyof T]: string }];
  });
}

export async function seedDemoData(prisma: PrismaClient) {
  await prisma.$transaction(async (tx) => {
    const sourceIds = new Map<string, string>();
    for (const source of demoSources) {
      const data = {
        publication: source.publication,
        title: source.title,
        author: source.author,
        publishedOn: day(source.publishedOn),
        datePrecision: source.datePrecision,
        note: source.note,
      };
      const row = await tx.source.upsert({ where: { key: source.key }, create: { key: source.key, ...data }, update: data });
      sourceIds.set(source.key, row.id);
    }
    const sourceDates = new Map(demoSources.map((source) => [source.key, source]));
    // A status is dated as the report that gave it, at that report's precision.
    const reportedBy = (key: string | null) => {
      if (!key) return { id: null, on: null, precision: null };
      const source = sourceDates.get(key);
      if (!source) throw new Error(`Unknown demo source ${key}`);
      return { id: sourceId(key), on: day(source.publishedOn), precision: source.datePrecision };
    };
    const sourceId = (key: string) => {
      const id = sourceIds.get(key);
      if (!id) throw new Error(`Demo data names an unknown source "${key}"`);
      return id;
    };

    await tx.reportedFigure.deleteMany({ where: { sourceId: { in: [...sourceIds.values()] } } });
    await tx.reportedFigure.createMany({
      data: demoFigures.map(({ source, observedOn, ...figure }) => ({
        ...figure,
        observedOn: day(observedOn),
        sourceId: sourceId(source),
      })),
    });

    const facilityIds = new Map<string, string>();
    for (const facility of demoFacilities) {
      await tx.facility.deleteMany({ where: { slug: facility.slug } });
      const row = await tx.facility.create({
        data: {
          slug: facility.slug,
          kind: facility.kind,
          town: facility.town,
          translations: { create: translationRows({ name: facility.name }) },
        },
      });
      facilityIds.set(facility.slug, row.id);
    }

    const chargeTypeIds = new Map<string, string>();
    for (const chargeType of demoChargeTypes) {
      const row = await tx.chargeType.upsert({
        where: { slug: chargeType.slug },
        create: { slug: chargeType.slug, article: chargeType.article },
        update: { article: chargeType.article },
      });
      await tx.chargeTypeTranslation.deleteMany({ where: { chargeTypeId: row.id } });
      await tx.chargeTypeTranslation.createMany({
        data: translationRows({ name: chargeType.name, explanation: chargeType.explanation }).map((translation) => ({
          ...translation,
          chargeTypeId: row.id,
        })),
      });
      chargeTypeIds.set(chargeType.slug, row.id);
    }

    const prisonerIds = new Map<string, string>();
    for (const prisoner of demoPrisoners) {
      await tx.prisoner.deleteMany({ where: { slug: prisoner.slug } });
      const row = await tx.prisoner.create({
        data: {
          slug: prisoner.slug,
          status: prisoner.status,
          ...((report) => ({ statusSourceId: report.id, statusReportedOn: report.on, statusReportedPrecision: report.precision }))(
            reportedBy(prisoner.statusSource),
          ),
          letterStatus: prisoner.letterStatus,
          ...((report) => ({
            letterStatusSourceId: report.id,
            letterStatusReportedOn: report.on,
            letterStatusReportedPrecision: report.precision,
          }))(reportedBy(prisoner.letterStatusSource)),
          grammaticalGender: prisoner.grammaticalGender,
          statusSince: optionalDay(prisoner.statusSince),
          statusSincePrecision: prisoner.statusSincePrecision,
          arrestedOn: optionalDay(prisoner.arrestedOn),
          arrestedOnPrecision: prisoner.arrestedOnPrecision,
          facilityId: prisoner.facility ? (facilityIds.get(prisoner.facility) ?? null) : null,
          lastVerifiedOn: day(prisoner.lastVerifiedOn),
          sentenceMonths: prisoner.sentenceMonths ?? null,
          charges: {
            create: (prisoner.charges ?? []).map((charge) => ({
              chargeTypeId: requireId(chargeTypeIds, charge.type),
              sourceId: sourceId(charge.source),
            })),
          },
          names: { create: prisoner.names },
          translations: { create: translationRows({ summary: prisoner.summary }) },
          facts: {
            create: prisoner.facts.map((fact, position) => ({
              kind: fact.kind,
              occurredOn: optionalDay(fact.occurredOn),
              datePrecision: fact.datePrecision,
              sourceId: sourceId(fact.source),
              position,
              translations: { create: translationRows({ text: fact.text }) },
            })),
          },
        },
      });
      prisonerIds.set(prisoner.slug, row.id);
    }

    const officialIds = new Map<string, string>();
    for (const official of demoOfficials) {
      await tx.official.deleteMany({ where: { slug: official.slug } });
      const row = await tx.official.create({
        data: {
          slug: official.slug,
          country: official.country,
          language: official.language,
          translations: {
            create: translationRows({
              name: official.name,
              position: official.position,
              addressee: official.addressee,
              addresseeName: official.addresseeName,
            }),
          },
        },
      });
      officialIds.set(official.slug, row.id);
    }

    await tx.campaign.deleteMany({ where: { slug: demoCampaign.slug } });
    const campaign = await tx.campaign.create({
      data: {
        slug: demoCampaign.slug,
        status: "PUBLISHED",
        goal: demoCampaign.goal,
        translations: {
          create: translationRows({ title: demoCampaign.title, summary: demoCampaign.summary, ask: demoCampaign.ask }),
        },
        prisoners: {
          create: demoCampaign.prisoners.map((slug, position) => ({ prisonerId: requireId(prisonerIds, slug), position })),
        },
        targets: { create: demoCampaign.targets.map((slug) => ({ officialId: requireId(officialIds, slug) })) },
      },
    });

    // Appeal templates, one per language (the campaign was just recreated, so none exist yet).
    if (demoAppealCampaign !== demoCampaign.slug) throw new Error("The demo appeal templates name another campaign");
    await tx.appealTemplate.createMany({
      data: supportedLanguages.map((locale) => ({ campaignId: campaign.id, locale, ...demoAppealTemplates[locale] })),
    });
  }, { timeout: 60_000 });
}

function requireId(ids: Map<string, string>, slug: string) {
  const id = ids.get(slug);
  if (!id) throw new Error(`Demo data names an unknown slug "${slug}"`);
  return id;
}

/** True when the database holds no content yet (first start). */
export async function isDatabaseEmpty(prisma: PrismaClient) {
  const [sources, prisoners] = await Promise.all([prisma.source.count(), prisma.prisoner.count()]);
  return sources === 0 && prisoners === 0;
}
