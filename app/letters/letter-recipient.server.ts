// Who a letter is for, in the shape the letter builder needs: names in both letter languages
// and in the reader's script, how to address the person, whether a letter can arrive, and
// the postal address when a source gives it.
import type { LetterStatus, PrisonerStatus } from "@prisma/client";

import type { Language } from "~/i18n";
import { toNames, type PersonName, type PrisonerNames } from "~/prisoners/person-name";
import type { StatusReportView } from "~/prisoners/status-report";
import { STATUS_REPORT_SELECT, toStatusReports } from "~/prisoners/status-report.server";
import { cachedUntilContentChanges } from "~/utils/content-revision.server";
import { getPrisma } from "~/utils/database.server";
import { localizedField } from "~/utils/localized";

import type { LetterRouteChoice } from "./letter-options";
import type { LetterRecipient as EnvelopeRecipient } from "./letter-pdf.server";
import type { Gender, LetterLanguage } from "./phrase-bank";

/**
 * Where a letter goes, by the letter status the site acts on (status-report.ts): a stale or
 * undated "incommunicado" is "unknown", so it never sends a letter to the bank, and a stale
 * "can receive" never promises that a letter arrives.
 */
export const ROUTE_FOR_STATUS: Record<LetterStatus, LetterRouteChoice> = {
  CAN_RECEIVE: "print",
  UNKNOWN: "print-uncertain",
  RELATIVES_ONLY: "letter-bank",
  INCOMMUNICADO: "letter-bank",
  NOT_APPLICABLE: "none",
};

export interface LetterRecipientView {
  id: string;
  slug: string;
  status: PrisonerStatus;
  statusReport: StatusReportView;
  /** The letter status as last reported, shown with its report. */
  letterStatus: LetterStatus;
  letterStatusReport: StatusReportView;
  /** What the route follows: the reported letter status while fresh, else UNKNOWN. */
  letterStatusToActOn: LetterStatus;
  route: LetterRouteChoice;
  /** Null when the sources give no pronouns: the writer then chooses. */
  gender: Gender | null;
  /** The letter language to start with. */
  defaultLetterLanguage: LetterLanguage;
  names: PrisonerNames;
  /** First name and patronymic as they are written in each letter language. */
  letterNames: Record<LetterLanguage, { firstName: string; patronymic: string | null }>;
  birthYear: number | null;
  facilityName: string | null;
  /** The envelope's recipient block; null when the postal address is not known. */
  envelope: EnvelopeRecipient | null;
  /** What the envelope lacks that tells namesakes apart; said when it is printed. */
  envelopeWarnings: EnvelopeWarning[];
}

/** A patronymic and a year of birth tell namesakes apart: a letter without them may go to someone else or be returned. */
export type EnvelopeWarning = "patronymic-missing" | "birth-year-missing";

type FacilityRow = {
  designation: string | null;
  street: string | null;
  locality: string | null;
  district: string | null;
  region: string | null;
  postcode: string | null;
  town: string | null;
  postalAddressCyrillic: string | null;
};

/**
 * The envelope's address from the facility's postal parts; the free-text address stands in
 * for the street when there are no parts, and the descriptive Russian name for a missing
 * designation (so facilities entered before the parts existed print as they did). Null when
 * nothing says where the facility is.
 */
export function facilityEnvelope(
  facility: FacilityRow,
  person: { fullNameCyrillic: string; yearOfBirth: number | null },
  russianName: string | null,
): EnvelopeRecipient | null {
  const part = (value: string | null) => value?.trim() ?? "";
  const freeText = (facility.postalAddressCyrillic ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const hasParts = [facility.street, facility.locality, facility.district, facility.region].some((value) => part(value) !== "");
  if (!hasParts && freeText.length === 0) return null;
  return {
    ...person,
    designation: part(facility.designation) || (russianName ?? ""),
    streetLines: hasParts ? [part(facility.street)].filter(Boolean) : freeText,
    locality: part(facility.locality),
    district: part(facility.district),
    region: part(facility.region),
    postcode: part(facility.postcode),
    town: part(facility.town),
    addressKnown: true,
  };
}

export const findLetterRecipient = cachedUntilContentChanges(readLetterRecipient);

/** Uncached: the back office must see a changed address or status at once. */
export async function readLetterRecipient(slug: string, language: Language): Promise<LetterRecipientView | null> {
  // Drafts have no public page, so nobody can write to them yet.
  const row = await getPrisma().prisoner.findFirst({
    where: { slug, draft: false },
    select: {
      id: true,
      slug: true,
      birthDate: true,
      grammaticalGender: true,
      letterLanguage: true,
      names: true,
      facility: { include: { translations: true } },
      ...STATUS_REPORT_SELECT,
    },
  });
  if (!row) return null;
  const reports = toStatusReports(row, language);
  const names = toNames(row.names, language);
  const russian = names.russian ?? names.belarusian ?? names.display;
  const belarusian = names.belarusian ?? names.russian ?? names.display;
  const birthYear = row.birthDate ? row.birthDate.getUTCFullYear() : null;
  // A draft facility (waiting for a second staff member) neither routes nor prints a letter:
  // the person is treated as one whose address is unknown.
  const facility = row.facility?.reviewState === "APPROVED" ? row.facility : null;
  const facilityName = facility ? (localizedField(facility.translations, language, "name")?.text ?? null) : null;
  const facilityNameRussian = facility ? (localizedField(facility.translations, "ru", "name")?.text ?? null) : null;
  const envelope = facility ? facilityEnvelope(facility, { fullNameCyrillic: fullName(russian), yearOfBirth: birthYear }, facilityNameRussian) : null;
  const envelopeWarnings: EnvelopeWarning[] = [];
  if (!russian.patronymic) envelopeWarnings.push("patronymic-missing");
  if (birthYear === null) envelopeWarnings.push("birth-year-missing");
  return {
    id: row.id,
    slug: row.slug,
    status: reports.status,
    statusReport: reports.statusReport,
    letterStatus: reports.letterStatus,
    letterStatusReport: reports.letterStatusReport,
    letterStatusToActOn: reports.letterStatusToActOn,
    route: ROUTE_FOR_STATUS[reports.letterStatusToActOn],
    gender: row.grammaticalGender === "FEMININE" ? "f" : row.grammaticalGender === "MASCULINE" ? "m" : null,
    // Russian is the safest with censors: Belarusian only when the person asked for it (or the writer chooses it).
    defaultLetterLanguage: row.letterLanguage === "BE" ? "be" : "ru",
    names,
    letterNames: {
      ru: { firstName: russian.givenName, patronymic: russian.patronymic },
      be: { firstName: belarusian.givenName, patronymic: belarusian.patronymic },
    },
    birthYear,
    facilityName,
    envelope,
    envelopeWarnings,
  };
}

/** "Колесникова Мария Александровна": family name first, as Belarusian post addresses it. */
export function fullName(name: PersonName): string {
  return [name.familyName, name.givenName, name.patronymic].filter(Boolean).join(" ");
}

/** The envelope block when no address is known: the name, and a labelled space for the writer to fill in by hand. */
export function envelopeWithoutAddress(recipient: LetterRecipientView): EnvelopeRecipient {
  const russian = recipient.names.russian ?? recipient.names.belarusian ?? recipient.names.display;
  return {
    fullNameCyrillic: fullName(russian),
    yearOfBirth: recipient.birthYear,
    designation: "",
    streetLines: [],
    locality: "",
    district: "",
    region: "",
    postcode: "",
    town: "",
    addressKnown: false,
  };
}
