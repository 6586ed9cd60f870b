import type { DatePrecision, FactKind, LetterStatus, NameScript, PrisonerStatus } from "@prisma/client";

import type { Language } from "~/i18n";
import { getPrisma } from "~/utils/database.server";

import { localizedField, type LocalizedText } from "./localized";
import { toSourceSummary, type SourceSummary } from "./source.server";

export interface PersonName {
  givenName: string;
  patronymic: string | null;
  familyName: string;
}

export interface PrisonerNames {
  /** The form to show in the reader's language. */
  display: PersonName;
  belarusian: PersonName | null;
  russian: PersonName | null;
  latin: PersonName | null;
}

export interface PrisonerListItem {
  slug: string;
  status: PrisonerStatus;
  letterStatus: LetterStatus;
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

export interface PrisonerProfile extends PrisonerListItem {
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

/** Cyrillic readers see the Cyrillic form; everyone else the Latin transliteration. */
const DISPLAY_SCRIPTS: Record<Language, NameScript[]> = {
  be: ["BE_CYRILLIC", "RU_CYRILLIC", "LATIN"],
  uk: ["BE_CYRILLIC", "RU_CYRILLIC", "LATIN"],
  ru: ["RU_CYRILLIC", "BE_CYRILLIC", "LATIN"],
  en: ["LATIN", "BE_CYRILLIC", "RU_CYRILLIC"],
  pl: ["LATIN", "BE_CYRILLIC", "RU_CYRILLIC"],
  lt: ["LATIN", "BE_CYRILLIC", "RU_CYRILLIC"],
};

/** Where a group of statuses is listed: people who can still be helped come first. */
const STATUS_ORDER: Record<PrisonerStatus, number> = {
  IN_CUSTODY: 0,
  INCOMMUNICADO: 0,
  RELEASED: 1,
  IN_EXILE: 1,
  DIED_IN_CUSTODY: 2,
};

type NameRow = { script: NameScript; givenName: string; patronymic: string | null; familyName: string };

function toNames(rows: NameRow[], language: Language): PrisonerNames {
  const byScript = (script: NameScript) => {
    const row = rows.find((name) => name.script === script);
    return row ? { givenName: row.givenName, patronymic: row.patronymic, familyName: row.familyName } : null;
  };
  const display =
    DISPLAY_SCRIPTS[language].map(byScript).find((name): name is PersonName => name !== null) ??
    { givenName: "", patronymic: null, familyName: rows[0]?.familyName ?? "" };
  return { display, belarusian: byScript("BE_CYRILLIC"), russian: byScript("RU_CYRILLIC"), latin: byScript("LATIN") };
}

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export async function listPrisoners(language: Language): Promise<PrisonerListItem[]> {
  const rows = await getPrisma().prisoner.findMany({
    select: {
      slug: true,
      status: true,
      letterStatus: true,
      names: { select: { script: true, givenName: true, patronymic: true, familyName: true } },
      translations: { select: { locale: true, summary: true } },
    },
  });
  const collator = new Intl.Collator(language);
  return rows
    .map((row) => ({
      slug: row.slug,
      status: row.status,
      letterStatus: row.letterStatus,
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
export async function findPrisonerProfile(slug: string, language: Language): Promise<PrisonerProfile | null> {
  const row = await getPrisma().prisoner.findUnique({
    where: { slug },
    include: {
      names: true,
      translations: true,
      facility: { include: { translations: true } },
      facts: {
        orderBy: [{ position: "asc" }],
        include: { translations: true, source: true },
      },
    },
  });
  if (!row) return null;
  return {
    slug: row.slug,
    status: row.status,
    letterStatus: row.letterStatus,
    names: toNames(row.names, language),
    summary: localizedField(row.translations, language, "summary"),
    statusSince: isoDate(row.statusSince),
    statusSincePrecision: row.statusSincePrecision,
    arrestedOn: isoDate(row.arrestedOn),
    arrestedOnPrecision: row.arrestedOnPrecision,
    birthDate: isoDate(row.birthDate),
    lastVerified: lastVerified(row.lastVerifiedOn, row.facts.map((fact) => fact.source)),
    facility: row.facility
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
