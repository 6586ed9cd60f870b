// The field names of a prisoner profile as the back office edits it (shared by the profile
// editor, the CSV import, the review queue and the history). Pure: no database here; the
// reading and writing is in prisoner-fields.server.ts.
import type { DatePrecision, FactKind, GrammaticalGender, LetterLanguage, LetterStatus, NameScript, PrisonerStatus } from "@prisma/client";

import { supportedLanguages, type Language } from "~/i18n";

export const NAME_SCRIPTS = ["BE_CYRILLIC", "RU_CYRILLIC", "LATIN"] as const satisfies readonly NameScript[];
export type EditableNameScript = (typeof NAME_SCRIPTS)[number];

export const PROFILE_SCALAR_FIELDS = [
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
] as const;
export type ProfileScalarField = (typeof PROFILE_SCALAR_FIELDS)[number];

/** The list fields: each compares and is written as a whole (the list replaces the old one). */
export const PROFILE_LIST_FIELDS = ["facts", "charges", "sources"] as const;
export type ProfileListField = (typeof PROFILE_LIST_FIELDS)[number];

export const FACT_KINDS = ["ROLE", "ARREST", "SENTENCE", "DETENTION", "INCOMMUNICADO", "RELEASE", "EXILE", "REARREST", "DEATH", "OTHER"] as const satisfies readonly FactKind[];
export const DATE_PRECISIONS = ["DAY", "MONTH", "YEAR"] as const satisfies readonly DatePrecision[];

/** One sourced statement, in display order; `source` is a Source key, `text` per language. */
export interface FactFields {
  kind: FactKind;
  occurredOn: string | null;
  datePrecision: DatePrecision | null;
  source: string;
  text: Record<string, string>;
}

/** A charge: a ChargeType slug and the Source key that reports it. */
export interface ChargeFields {
  chargeType: string;
  source: string;
}

/**
 * A source this change adds. Not a property of the profile (readProfileFields never returns
 * it): the Source row is created when the change is written, so a proposal for a published
 * profile writes nothing before a moderator applies it.
 */
export interface NewSourceFields {
  key: string;
  publication: string;
  title: string | null;
  url: string | null;
  publishedOn: string;
  datePrecision: DatePrecision;
}

export interface NameFields {
  givenName: string;
  patronymic: string | null;
  familyName: string;
}

/**
 * Dates are "YYYY-MM-DD" strings, `facility` is a Facility slug, names are per script, and
 * texts are per interface language (`summary.be`, `biography.pl`). Null means "not known" or
 * "removed"; a missing key means "not part of this change".
 */
export type ProfileFields = ProfileScalars & { [K in `name.${EditableNameScript}`]?: NameFields | null } & {
  [text: `summary.${string}` | `biography.${string}`]: string | null | undefined;
};

interface ProfileScalars {
  slug?: string;
  status?: PrisonerStatus;
  /**
   * The report that gives the status (a Source key) and the date it reported it, at its
   * precision. A status is a reported fact: it needs a source like any fact (the editor's form
   * insists). A null date with a source means "the source's own date", filled in on save.
   */
  statusSource?: string | null;
  statusReportedOn?: string | null;
  statusReportedPrecision?: DatePrecision | null;
  letterStatus?: LetterStatus;
  /** As for the status; "unknown" needs no report. */
  letterStatusSource?: string | null;
  letterStatusReportedOn?: string | null;
  letterStatusReportedPrecision?: DatePrecision | null;
  grammaticalGender?: GrammaticalGender | null;
  letterLanguage?: LetterLanguage | null;
  birthDate?: string | null;
  arrestedOn?: string | null;
  sentenceMonths?: number | null;
  statusSince?: string | null;
  facility?: string | null;
  lastVerifiedOn?: string | null;
  facts?: FactFields[];
  charges?: ChargeFields[];
  sources?: NewSourceFields[];
}
export type ProfileFieldName = keyof ProfileFields & string;

/** The two reported statuses and the names of their source, date and precision fields. */
export const STATUS_REPORT_FIELDS = [
  { status: "status", source: "statusSource", reportedOn: "statusReportedOn", precision: "statusReportedPrecision" },
  { status: "letterStatus", source: "letterStatusSource", reportedOn: "letterStatusReportedOn", precision: "letterStatusReportedPrecision" },
] as const;

export const profileNameField = (script: EditableNameScript) => `name.${script}` as const;
export const profileTextField = (kind: "summary" | "biography", language: Language) => `${kind}.${language}` as const;

export function isProfileFieldName(name: string): name is ProfileFieldName {
  if ((PROFILE_SCALAR_FIELDS as readonly string[]).includes(name)) return true;
  if ((PROFILE_LIST_FIELDS as readonly string[]).includes(name)) return true;
  const name_ = /^name\.(.+)$/.exec(name);
  if (name_) return (NAME_SCRIPTS as readonly string[]).includes(name_[1]!);
  const text = /^(summary|biography)\.(.+)$/.exec(name);
  return text !== null && (supportedLanguages as readonly string[]).includes(text[2]!);
}
