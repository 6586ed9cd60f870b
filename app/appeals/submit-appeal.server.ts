// What happens to a posted appeal form: the page's buttons (preview, reword, print, PDF,
// mailto, send) and the PDF endpoint. Each answer is either the form back with what to show
// (its values kept verbatim, so nothing typed is lost) or where to go next.
import { toResult } from "~/components/result-anchor";
import type { Language } from "~/i18n";
import { formFields, type FormSource } from "~/utils/form-fields";
import { getFixedT } from "~/utils/i18next.server";

import { workingChannels } from "./channels";
import { draftAppeal, finalLetter, letterLanguageFor, printParts, type AppealCampaign } from "./appeal-draft.server";
import { checkAppealValues, readAppealForm, seedOf, type AppealFieldErrors, type AppealFormValues } from "./appeal-form";
import { draftFor, type AppealPageDraft } from "./appeal-page.server";
import { renderAppealPdf } from "./appeal-pdf.server";
import { submitAppeal, type SubmitAppealResult } from "./appeal.server";
import { mailtoHref } from "./mailto";
import { randomSeed } from "./random-seed.server";

export type AppealProblem = Extract<SubmitAppealResult, { ok: false }>["reason"] | "no-email" | "no-template" | "no-postal-address";

/** The form as it comes back to the page. */
export interface AppealFormResult {
  values: AppealFormValues;
  errors: AppealFieldErrors;
  problem: AppealProblem | null;
  reworded?: boolean;
  /**
   * The addressee or person was changed since the text was drafted: the text was drafted again
   * for the new choice in this same request (and this is its language and reading copy).
   */
  redrafted?: AppealPageDraft;
  preview?: { subject: string; text: string };
  print?: { subject: string; text: string; date: string; letterLanguage: Language; recipient: string[]; subjectLabel: string };
  mailto?: string;
}

export type AppealFormAnswer = { redirectTo: string } | { status: 200 | 400; result: AppealFormResult };

/**
 * The posted form read against the campaign: the addressee, the person and the letter's
 * language it names. The addressee and person are fields of the same form as the text, and
 * the form also says which ones its text was drafted for: when they differ (the supporter
 * chose someone else and pressed print, download or send straight away), the text is drafted
 * again for the choice before anything is made of it, so no letter speaks about the wrong person.
 */
async function readPostedAppeal(campaign: AppealCampaign, form: FormSource, language: Language) {
  const posted = readAppealForm(form);
  const target = campaign.targets.find((candidate) => candidate.slug === posted.values.target) ?? null;
  const prisoner = campaign.prisoners.find((candidate) => candidate.slug === posted.values.prisoner) ?? null;
  const letterLanguage = target ? letterLanguageFor(campaign, target, language) : null;
  // Read as the addressee and person are (appeal-form.ts), so that the same choice compares equal.
  const fields = formFields(form);
  const choiceChanged =
    fields.sent("drafted-target") && (fields.text("drafted-target", 200) !== posted.values.target || fields.text("drafted-prisoner", 200) !== posted.values.prisoner);
  if (!choiceChanged || !target) return { ...posted, target, prisoner, letterLanguage, redrafted: undefined };
  const redrafted = (await draftFor(campaign, target, prisoner, seedOf(posted.values) ?? 0, language)) ?? undefined;
  const values = redrafted ? { ...posted.values, subject: redrafted.subject, body: redrafted.body } : posted.values;
  return { ...posted, values, target, prisoner, letterLanguage, redrafted };
}

export async function submitAppealForm({
  campaign,
  language,
  form,
  publicOrigin,
}: {
  campaign: AppealCampaign;
  language: Language;
  form: FormData;
  publicOrigin: string;
}): Promise<AppealFormAnswer> {
  const { intent, values, honeypot, target, prisoner, letterLanguage, redrafted } = await readPostedAppeal(campaign, form, language);
  const sentPage = { redirectTo: `/${language}/appeals/sent?campaign=${campaign.slug}` };
  // A bot filled the field people never see: it is told it succeeded, and nothing is sent.
  if (intent === "send" && honeypot) return sentPage;

  const reply = (result: Partial<AppealFormResult>, status: 200 | 400 = 200): AppealFormAnswer => ({
    status,
    result: { values, errors: {}, problem: null, redrafted, ...result },
  });

  // "Show the draft": the page for the chosen addressee and person, at the draft.
  if (intent === "choose") {
    const query = new URLSearchParams({ target: values.target, prisoner: values.prisoner, seed: values.seed });
    return { redirectTo: `/${language}/campaigns/${campaign.slug}/appeal?${query.toString()}#text-title` };
  }

  if (!target) return reply({ errors: { target: "required" } }, 400);
  if (!letterLanguage) return reply({ problem: "no-template" }, 400);

  if (intent === "reword") {
    const seed = randomSeed();
    const draft = await draftAppeal(campaign, { target, prisoner, seed, signature: { mode: "campaign" }, letterLanguage });
    if (!draft) return reply({ problem: "no-template" }, 400);
    return reply({ values: { ...values, seed: String(seed), subject: draft.subject, body: draft.body }, reworded: true });
  }

  const errors = checkAppealValues(values, { needEmail: intent === "send" });
  if (Object.keys(errors).length > 0) return reply({ errors }, 400);
  if (campaign.status === "CLOSED" && intent === "send") return reply({ problem: "campaign-closed" }, 400);

  const { signature, subject, text } = await finalLetter(campaign, { target, prisoner, values, letterLanguage });

  switch (intent) {
    case "preview":
      return reply({ preview: { subject, text } });
    // The PDF is made by the resource route …/appeal/pdf (a page action cannot answer with a
    // file); it hands a form with problems back here (307), and here it shows the printable view.
    case "pdf":
    case "print":
      // A printed letter needs somewhere to post it.
      if (!workingChannels(target).postal) return reply({ problem: "no-postal-address" }, 400);
      return reply({ print: { subject, text, letterLanguage, ...(await printParts(target, letterLanguage)) } });
    case "mailto": {
      const href = target.email && workingChannels(target).email ? mailtoHref(target.email, subject, text) : null;
      if (!href) return reply({ problem: "no-email" }, 400);
      return reply({ mailto: href });
    }
    case "send": {
      if (!workingChannels(target).email) return reply({ problem: "no-email" }, 400);
      const result = await submitAppeal({
        campaignId: campaign.id,
        officialId: target.id,
        prisonerId: prisoner?.id ?? null,
        language,
        subject,
        body: text,
        signature,
        senderEmail: values.email,
        followUpConsent: values.followUp,
        replyToSupporter: values.signature === "named" && values.replies,
        publicOrigin,
      });
      if (result.ok) return sentPage;
      return reply({ problem: result.reason, errors: result.reason === "invalid-email" ? { email: "invalid" } : {} }, 400);
    }
  }
}

/**
 * The PDF endpoint: the letter as a file, or, when the form has a problem, the appeal page's
 * address to send it back to (with a 307, so the page shows the problems and what was typed).
 */
export async function appealPdfFor(
  campaign: AppealCampaign,
  language: Language,
  form: FormData,
): Promise<{ pdf: Buffer; filename: string } | { backTo: string }> {
  const { values, target, prisoner, letterLanguage } = await readPostedAppeal(campaign, form, language);
  const problems = checkAppealValues(values, { needEmail: false });
  if (!target || !letterLanguage || !workingChannels(target).postal || Object.keys(problems).length > 0) {
    const query = new URLSearchParams({ target: values.target, prisoner: values.prisoner, seed: values.seed });
    return { backTo: toResult(`/${language}/campaigns/${campaign.slug}/appeal?${query.toString()}`) };
  }
  const { subject, text } = await finalLetter(campaign, { target, prisoner, values, letterLanguage });
  const t = await getFixedT(language, "appeals");
  const pdf = await renderAppealPdf({
    ...(await printParts(target, letterLanguage)),
    subject,
    text,
    language: letterLanguage,
    title: t("appeals:print.pdf-title"),
  });
  return { pdf, filename: `appeal-${campaign.slug}.pdf` };
}
