import type { DatePrecision, FactKind, PrisonerStatus } from "@prisma/client";

import type { Language } from "~/i18n";
import { cachedUntilContentChanges } from "~/utils/content-revision.server";
import { getPrisma } from "~/utils/database.server";
import { localizedField, type LocalizedText } from "~/utils/localized";

import { toNames, type PersonName, type PrisonerNames } from "./person-name";
import { photoPath } from "./photo-path";
import { countRecentLetters } from "./recent-letters.server";
import { toSourceSummary, type SourceSummary } from "./source.server";
import { STATUS_REPORT_SELECT, toStatusReports, type StatusReports } from "./status-report.server";

export type { PersonName, PrisonerNames };

/** The status and letter status come with their reports (status-report.server.ts). */
export interface PrisonerListItem extends StatusReports {
  slug: string;
  names: PrisonerNames;
  summary: LocalizedText | null;
}

export interface PrisonerFactView {
  id: string;
  kind: FactKind;
  occurredOn: string | null;
  datePrecision: DatePrecision | null;
  text: LocalizedText | null;
  source: SourceSummary;
}

export interface ChargeView {
  slug: string;
  article: string | null;
  name: LocalizedText | null;
  explanation: LocalizedText | null;
  source: SourceSummary;
}

export interface CampaignLink {
  slug: string;
  title: LocalizedText | null;
}

export interface PrisonerProfile extends PrisonerListItem {
  biography: LocalizedText | null;
  /** The stored photo (app/routes/photos.$file.tsx), when there is one. */
  photo: { url: string; width: number; height: number; credit: string | null } | null;
  sentenceMonths: number | null;
  charges: ChargeView[];
  campaigns: CampaignLink[];
  /** LETTER_WRITTEN actions recorded for this person in the last 30 days. */
  lettersLast30Days: number;
  statusSince: string | null;
  statusSincePrecision: DatePrecision | null;
  arrestedOn: string | null;
  arrestedOnPrecision: DatePrecision | null;
  birthDate: string | null;
  /** When the profile was last checked against reports, as exactly as that is known. */
  lastVerified: { date: string; precision: DatePrecision };
  facility: { slug: string; name: LocalizedText | null; postalAddressCyrillic: string | null } | null;
  facts: PrisonerFactView[];
}

/** Where a group of statuses is listed: people who can still be helped come first. */
const STATUS_ORDER: Record<PrisonerStatus, number> = {
  IN_CUSTODY: 0,
  INCOMMUNICADO: 0,
  RELEASED: 1,
  IN_EXILE: 1,
  DIED_IN_CUSTODY: 2,
};

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);


export const listPrisoners = cachedUntilContentChanges(readPrisonerList);

async function readPrisonerList(language: Language): Promise<PrisonerListItem[]> {
  const rows = await getPrisma().prisoner.findMany({
    // Drafts made in the back office stay off the public site until a moderator publishes them.
    where: { draft: false },
    select: {
      slug: true,
      ...STATUS_REPORT_SELECT,
      names: { select: { script: true, givenName: true, patronymic: true, familyName: true } },
      translations: { select: { locale: true, summary: true } },
    },
  });
  const collator = new Intl.Collator(language);
  return rows
    .map((row) => ({
      slug: row.slug,
      ...toStatusReports(row, language),
      names: toNames(row.names, language),
      summary: localizedField(row.translations, language, "summary"),
    }))
    .sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        collator.compare(a.names.display.familyName, b.names.display.familyName),
    );
}

/** Returns null for an unknown slug; the route turns that into a 404. */
export const findPrisonerProfile = cachedUntilContentChanges(readPrisonerProfile);

async function readPrisonerProfile(slug: string, language: Language): Promise<PrisonerProfile | null> {
  const row = await getPrisma().prisoner.findFirst({
    where: { slug, draft: false },
    include: {
      names: true,
      translations: true,
      statusSource: STATUS_REPORT_SELECT.statusSource,
      letterStatusSource: STATUS_REPORT_SELECT.letterStatusSource,
      photo: { select: { sha256: true, width: true, height: true, credit: true } },
      facility: { include: { translations: true } },
      facts: {
        orderBy: [{ position: "asc" }],
        include: { translations: true, source: true },
      },
      charges: { include: { chargeType: { include: { translations: true } }, source: true } },
      campaigns: {
        where: { campaign: { status: "PUBLISHED" } },
        orderBy: { position: "asc" },
        include: { campaign: { select: { slug: true, translations: { select: { locale: true, title: true } } } } },
      },
    },
  });
  if (!row) return null;
  const lettersLast30Days = (await countRecentLetters([row.id], new Date())).get(row.id) ?? 0;
  return {
    slug: row.slug,
    ...toStatusReports(row, language),
    names: toNames(row.names, language),
    summary: localizedField(row.translations, language, "summary"),
    biography: localizedField(row.translations, language, "biography"),
    photo: row.photo ? { url: photoPath(row.id, row.photo.sha256), width: row.photo.width, height: row.photo.height, credit: row.photo.credit } : null,
    sentenceMonths: row.sentenceMonths,
    // Draft facilities and charges (waiting for a second staff member) are not public.
    charges: row.charges.filter((charge) => charge.chargeType.reviewState === "APPROVED").map((charge) => ({
      slug: charge.chargeType.slug,
      article: charge.chargeType.article,
      name: localizedField(charge.chargeType.translations, language, "name"),
      explanation: localizedField(charge.chargeType.translations, language, "explanation"),
      source: toSourceSummary(charge.source),
    })),
    campaigns: row.campaigns.map(({ campaign }) => ({
      slug: campaign.slug,
      title: localizedField(campaign.translations, language, "title"),
    })),
    lettersLast30Days,
    statusSince: isoDate(row.statusSince),
    statusSincePrecision: row.statusSincePrecision,
    arrestedOn: isoDate(row.arrestedOn),
    arrestedOnPrecision: row.arrestedOnPrecision,
    birthDate: isoDate(row.birthDate),
    lastVerified: lastVerified(row.lastVerifiedOn, row.facts.map((fact) => fact.source)),
    facility: row.facility?.reviewState === "APPROVED"
      ? {
          slug: row.facility.slug,
          name: localizedField(row.facility.translations, language, "name"),
          postalAddressCyrillic: row.facility.postalAddressCyrillic,
        }
      : null,
    facts: row.facts.map((fact) => ({
      id: fact.id,
      kind: fact.kind,
      occurredOn: isoDate(fact.occurredOn),
      datePrecision: fact.datePrecision,
      text: localizedField(fact.translations, language, "text"),
      source: toSourceSummary(fact.source),
    })),
  };
}

/** The editor's check date or the newest source behind a fact, whichever is later. */
function lastVerified(checkedOn: Date, sources: { publishedOn: Date; datePrecision: DatePrecision }[]) {
  const newest = sources.reduce<(typeof sources)[number] | null>(
    (latest, source) => (!latest || source.publishedOn > latest.publishedOn ? source : latest),
    null,
  );
  if (newest && newest.publishedOn >= checkedOn) {
    return { date: isoDate(newest.publishedOn) ?? "", precision: newest.datePrecision };
  }
  return { date: isoDate(checkedOn) ?? "", precision: "DAY" as DatePrecision };
}
