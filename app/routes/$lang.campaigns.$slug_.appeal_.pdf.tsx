// POST /:lang/campaigns/:slug/appeal/pdf: the appeal as a PDF to print and post. A resource
// route, because a page's action cannot answer a form post with a file. Form data with a
// problem goes back to the appeal page with a 307 (same method and body), which shows the
// messages with everything the supporter typed.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

import { finalLetter, letterLanguageFor, printParts, requireAppealCampaign } from "~/appeals/appeal-draft.server";
import { checkAppealValues, readAppealForm } from "~/appeals/appeal-form";
import { renderAppealPdf } from "~/appeals/appeal-pdf.server";
import { getFixedT } from "~/utils/i18next.server";
import { requireSameOrigin } from "~/utils/security.server";

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const { language, campaign } = await requireAppealCampaign(params);
  const { values } = readAppealForm(await request.formData());
  const target = campaign.targets.find((candidate) => candidate.slug === values.target);
  const prisoner = campaign.prisoners.find((candidate) => candidate.slug === values.prisoner) ?? null;
  const letterLanguage = target ? letterLanguageFor(campaign, target, language) : null;
  const problems = checkAppealValues(values, { needEmail: false });
  if (!target || !letterLanguage || Object.keys(problems).length > 0) {
    const query = new URLSearchParams({ target: values.target, prisoner: values.prisoner, seed: values.seed });
    return redirect(`/${language}/campaigns/${campaign.slug}/appeal?${query.toString()}`, 307);
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
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="appeal-${campaign.slug}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}

// Only POST: a GET has nothing to print.
export function loader() {
  throw new Response("Not Found", { status: 404 });
}
