// What the appeal page shows: the addressees by country, the people the campaign is about,
// and the draft for the chosen addressee, person and seed. The page's loader is one call
// here; writing an appeal is submit-appeal.server.ts.
import { redirect } from "@remix-run/node";

import type { Language } from "~/i18n";
import { getFixedT } from "~/utils/i18next.server";

import { addresseeLines } from "./addressee";
import { workingChannels } from "./channels";
import { draftAppeal, letterLanguageFor, prisonerNameIn, requireAppealCampaign, type AppealCampaign, type AppealPrisoner, type AppealTarget } from "./appeal-draft.server";
import { parseSeed } from "./appeal-text";
import { randomSeed } from "./random-seed.server";

/** The page's address for one addressee, person and seed. */
function appealPath(language: Language, slug: string, selection: { target?: string | null; prisoner?: string | null; seed: number | string }) {
  const query = new URLSearchParams();
  if (selection.target) query.set("target", selection.target);
  if (selection.prisoner) query.set("prisoner", selection.prisoner);
  query.set("seed", String(selection.seed));
  return `/${language}/campaigns/${slug}/appeal?${query.toString()}`;
}

function displayName(code: string, language: Language, type: "region" | "language") {
  try {
    return new Intl.DisplayNames([language], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The addressee as the page and the printed letter show them. */
function targetView(target: AppealTarget, language: Language) {
  const translated = target.translations.some((row) => row.locale === language);
  return {
    slug: target.slug,
    name: target.name,
    position: target.position,
    /** The "To:" block: office first, in the dative where the language has one, then the name. */
    addressee: {
      lines: addresseeLines(target.translations, language, { name: target.name?.text, position: target.position?.text }),
      locale: translated ? language : (target.name?.locale ?? target.position?.locale ?? language),
    },
    institution: target.institution,
    language: target.language,
    /** Only the ways that work: the page offers nothing else. */
    channels: workingChannels(target),
    hasEmail: workingChannels(target).email,
    postalAddress: workingChannels(target).postal ? target.postalAddress : null,
    contactSource: target.contactSource,
    letterLanguageName: displayName(target.language, language, "language"),
  };
}

/**
 * The page's data for the campaign named by the URL and the choice in its query. Every draft
 * is addressed by its seed: an address without one (or without a person or the only
 * addressee) is redirected to one with a fresh seed and the person and addressee it picks,
 * a 302 that no cache keeps, so no two supporters share a text.
 */
export async function appealPageData(params: { lang?: string; slug?: string }, query: URLSearchParams) {
  const { language, campaign } = await requireAppealCampaign(params);
  const target = campaign.targets.find((candidate) => candidate.slug === query.get("target")) ?? null;
  const prisoner = campaign.prisoners.find((candidate) => candidate.slug === query.get("prisoner")) ?? null;
  const seed = parseSeed(query.get("seed"));

  const onlyTarget = campaign.targets.length === 1 ? campaign.targets[0]! : null;
  if (seed === null || (!prisoner && campaign.prisoners.length > 0) || (!target && onlyTarget)) {
    const nextSeed = seed ?? randomSeed();
    const pickedPrisoner = prisoner ?? campaign.prisoners[nextSeed % Math.max(1, campaign.prisoners.length)] ?? null;
    throw redirect(appealPath(language, campaign.slug, { target: (target ?? onlyTarget)?.slug, prisoner: pickedPrisoner?.slug, seed: nextSeed }));
  }

  const t = await getFixedT(language, ["appeals", "campaigns"]);
  const title = campaign.title?.text ?? t("campaigns:untitled");
  const draft = target ? await draftFor(campaign, target, prisoner, seed, language) : null;

  const countries = [...new Set(campaign.targets.map((candidate) => candidate.country))];
  return {
    language,
    campaign: { slug: campaign.slug, title: campaign.title, closed: campaign.status === "CLOSED" },
    targetGroups: countries.map((country) => ({
      country,
      countryName: displayName(country, language, "region"),
      targets: campaign.targets.filter((candidate) => candidate.country === country).map((candidate) => targetView(candidate, language)),
    })),
    prisoners: campaign.prisoners.map((candidate) => ({ slug: candidate.slug, name: prisonerNameIn(candidate, language) })),
    selection: { target: target?.slug ?? null, prisoner: prisoner?.slug ?? null, seed: String(seed) },
    target: target ? targetView(target, language) : null,
    draft,
    meta: { title: t("appeals:form.meta-title", { title }), description: t("appeals:form.meta-description", { title }) },
  };
}

export type AppealPageDraft = NonNullable<Awaited<ReturnType<typeof draftFor>>>;

/** The draft in the letter's language, and the same wording in the reader's, to understand it. */
export async function draftFor(campaign: AppealCampaign, target: AppealTarget, prisoner: AppealPrisoner | null, seed: number, language: Language) {
  const letterLanguage = letterLanguageFor(campaign, target, language);
  if (!letterLanguage) return null;
  const draft = await draftAppeal(campaign, { target, prisoner, seed, signature: { mode: "campaign" }, letterLanguage });
  if (!draft) return null;
  const reading =
    letterLanguage !== language && campaign.templates.has(language)
      ? await draftAppeal(campaign, { target, prisoner, seed, signature: { mode: "campaign" }, letterLanguage: language })
      : null;
  return {
    letterLanguage,
    letterLanguageName: displayName(letterLanguage, language, "language"),
    /** Whether the letter really is in the language the addressee reads (else the page says so). */
    inAddresseeLanguage: letterLanguage === target.language,
    subject: draft.subject,
    body: draft.body,
    reading: reading ? { subject: reading.subject, body: reading.body } : null,
  };
}
