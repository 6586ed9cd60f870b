// What the appeal page needs: the campaign with its targets, prisoners and templates, and
// a draft composed for one target, one prisoner and one seed. Reads only; writing an
// appeal is app/appeals/appeal.server.ts (submitAppeal).
import type { DatePrecision, PrisonerStatus } from "@prisma/client";

import type { Language } from "~/i18n";
import { displayName, type NameRow } from "~/prisoners/person-name";
import { STATUS_REPORT_SELECT, toStatusReports, type StatusReportRow } from "~/prisoners/status-report.server";
import { getPrisma } from "~/utils/database.server";
import { formatDate, formatPersonName } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { localizedField, type LocalizedText } from "~/utils/localized";
import { requireFound, requireLanguage, requirePublicSlug } from "~/utils/route.server";

import { addresseeLines, letterLanguageAmong } from "./addressee";
import { seedOf, signatureChoice, type AppealFormValues } from "./appeal-form";
import { composeAppeal, letterText, singleLine, type AppealTemplateParts, type ComposedAppeal, type SignatureChoice } from "./appeal-text";
import { prisonerFactsLine } from "./prisoner-facts";

export interface AppealTarget {
  id: string;
  slug: string;
  /** ISO 3166 code, e.g. "BY". */
  country: string;
  /** The language appeals to this official are written in. */
  language: string;
  name: LocalizedText | null;
  position: LocalizedText | null;
  institution: string | null;
  email: string | null;
  postalAddress: string | null;
  contactSource: string | null;
  /** Approved contacts only, and none while the official is a draft (./channels.ts). */
  webFormUrl: string | null;
  draft: boolean;
  translations: { locale: string; name: string; position: string; addressee: string | null; addresseeName: string | null }[];
}

export interface AppealPrisoner {
  id: string;
  slug: string;
  status: PrisonerStatus;
  /** The status and its report as stored: whether it may be stated is decided when the letter is drafted. */
  statusReport: StatusReportRow;
  sentenceMonths: number | null;
  /** The newest dated sentence fact: a sentence is stated only with the date it was handed down. */
  sentencedOn: string | null;
  sentencedOnPrecision: DatePrecision | null;
  arrestedOn: string | null;
  arrestedOnPrecision: DatePrecision | null;
  names: NameRow[];
}

export interface AppealCampaign {
  id: string;
  slug: string;
  status: "PUBLISHED" | "CLOSED";
  title: LocalizedText | null;
  titles: { locale: string; title: string }[];
  targets: AppealTarget[];
  prisoners: AppealPrisoner[];
  templates: Map<string, AppealTemplateParts>;
}

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** A published or closed campaign by slug, or null (drafts do not exist for supporters). */
export async function findAppealCampaign(slug: string, language: Language): Promise<AppealCampaign | null> {
  const row = await getPrisma().campaign.findFirst({
    where: { slug, status: { in: ["PUBLISHED", "CLOSED"] } },
    select: {
      id: true,
      slug: true,
      status: true,
      translations: { select: { locale: true, title: true } },
      prisoners: {
        where: { prisoner: { draft: false } },
        orderBy: [{ position: "asc" }],
        select: {
          prisoner: {
            select: {
              id: true,
              slug: true,
              ...STATUS_REPORT_SELECT,
              sentenceMonths: true,
              facts: {
                where: { kind: "SENTENCE", occurredOn: { not: null } },
                orderBy: [{ occurredOn: "desc" }],
                take: 1,
                select: { occurredOn: true, datePrecision: true },
              },
              arrestedOn: true,
              arrestedOnPrecision: true,
              names: { select: { script: true, givenName: true, patronymic: true, familyName: true } },
            },
          },
        },
      },
      targets: {
        orderBy: [{ official: { country: "asc" } }, { official: { slug: "asc" } }],
        select: { official: { include: { translations: true } } },
      },
      appealTemplates: { select: { locale: true, subjects: true, openings: true, arguments: true, closings: true } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    slug: row.slug,
    status: row.status as "PUBLISHED" | "CLOSED",
    title: localizedField(row.translations, language, "title"),
    titles: row.translations,
    targets: row.targets.map(({ official }) => ({
      id: official.id,
      slug: official.slug,
      country: official.country,
      language: official.language,
      name: localizedField(official.translations, language, "name"),
      position: localizedField(official.translations, language, "position"),
      institution: official.institution?.trim() || null,
      email: official.email?.trim() || null,
      postalAddress: official.postalAddress?.trim() || null,
      contactSource: official.contactSource?.trim() || null,
      webFormUrl: official.webFormUrl?.trim() || null,
      draft: official.draft,
      translations: official.translations.map(({ locale, name, position, addressee, addresseeName }) => ({ locale, name, position, addressee, addresseeName })),
    })),
    prisoners: row.prisoners.map(({ prisoner: { facts, ...prisoner } }) => ({
      id: prisoner.id,
      slug: prisoner.slug,
      status: prisoner.status,
      statusReport: prisoner,
      sentenceMonths: prisoner.sentenceMonths,
      sentencedOn: isoDate(facts[0]?.occurredOn ?? null),
      sentencedOnPrecision: facts[0]?.datePrecision ?? null,
      arrestedOn: isoDate(prisoner.arrestedOn),
      arrestedOnPrecision: prisoner.arrestedOnPrecision,
      names: prisoner.names,
    })),
    templates: new Map(row.appealTemplates.map(({ locale, ...parts }) => [locale, parts])),
  };
}

/**
 * The language a letter to this target is written in: the official's own language when the
 * campaign has a template for it, else the supporter's, else English, else any there is.
 */
export function letterLanguageFor(campaign: AppealCampaign, target: AppealTarget, interfaceLanguage: Language): Language | null {
  return letterLanguageAmong(target.language, interfaceLanguage, new Set(campaign.templates.keys()));
}

export function prisonerNameIn(prisoner: AppealPrisoner, language: Language): string {
  return formatPersonName(displayName(prisoner.names, language));
}

export interface AppealDraft extends ComposedAppeal {
  /** The language the letter is in (the template's). */
  letterLanguage: Language;
}

/** Composes the appeal for one target and prisoner in `letterLanguage`. */
export async function draftAppeal(
  campaign: AppealCampaign,
  {
    target,
    prisoner,
    seed,
    signature,
    letterLanguage,
    now = new Date(),
  }: { target: AppealTarget; prisoner: AppealPrisoner | null; seed: number; signature: SignatureChoice; letterLanguage: Language; now?: Date },
): Promise<AppealDraft | null> {
  const template = campaign.templates.get(letterLanguage);
  if (!template) return null;
  const t = await getFixedT(letterLanguage, "appeals");
  const title = localizedField(campaign.titles, letterLanguage, "title");
  const official = {
    name: localizedField(target.translations, letterLanguage, "name"),
    position: localizedField(target.translations, letterLanguage, "position"),
  };
  const prisonerName = prisoner ? prisonerNameIn(prisoner, letterLanguage) : null;
  const prisonerFacts = prisoner
    ? prisonerFactsLine((key, options) => t(key, options as Record<string, unknown>), {
          status: prisoner.status,
          statusReport: toStatusReports(prisoner.statusReport, letterLanguage, now).statusReport,
          sentenceMonths: prisoner.sentenceMonths,
          sentencedOn: prisoner.sentencedOn ? formatDate(prisoner.sentencedOn, prisoner.sentencedOnPrecision, letterLanguage) : null,
          arrestedOn: prisoner.arrestedOn ? formatDate(prisoner.arrestedOn, prisoner.arrestedOnPrecision, letterLanguage) : null,
        })
    : null;
  const composed = composeAppeal({
    template,
    facts: {
      prisonerName,
      prisonerFacts,
      // Text in another language than the letter's would read oddly: left out instead.
      officialName: official.name && !official.name.isFallback ? official.name.text : null,
      officialPosition: official.position && !official.position.isFallback ? official.position.text : null,
      campaignTitle: title?.text ?? null,
    },
    signature,
    onBehalfLine: title ? t("appeals:letter.on-behalf", { campaign: title.text }) : t("appeals:letter.on-behalf-untitled"),
    seed,
  });
  return { ...composed, letterLanguage };
}

/** The language and campaign named by the URL, or a 404. */
export async function requireAppealCampaign(params: { lang?: string; slug?: string }) {
  const language = requireLanguage(params);
  const campaign = requireFound(await findAppealCampaign(requirePublicSlug(params.slug), language));
  return { language, campaign };
}

/** The subject and whole text (signature appended) as they will be printed or sent. */
export async function finalLetter(
  campaign: AppealCampaign,
  { target, prisoner, values, letterLanguage }: { target: AppealTarget; prisoner: AppealPrisoner | null; values: AppealFormValues; letterLanguage: Language },
) {
  const signature = signatureChoice(values);
  const draft = await draftAppeal(campaign, { target, prisoner, seed: seedOf(values) ?? 0, signature, letterLanguage });
  return { signature, subject: singleLine(values.subject), text: letterText(values.body, draft?.signature ?? "") };
}

/** The addressee block, date and subject label of a printed letter, in the letter's language. */
export async function printParts(target: AppealTarget, letterLanguage: Language, today: Date = new Date()) {
  const addressee = addresseeLines(target.translations, letterLanguage, { name: target.name?.text, position: target.position?.text });
  const recipient = [...addressee, target.institution ?? "", ...(target.postalAddress ?? "").split("\n")]
    .map((line) => line.trim())
    .filter(Boolean);
  const t = await getFixedT(letterLanguage, "appeals");
  return {
    recipient,
    date: formatDate(today.toISOString().slice(0, 10), "DAY", letterLanguage),
    subjectLabel: t("appeals:print.subject-label"),
  };
}
