// POST /:lang/campaigns/:slug/appeal/pdf: the appeal as a PDF to print and post. A resource
// route, because a page's action cannot answer a form post with a file. Form data with a
// problem goes back to the appeal page with a 307 (same method and body), which shows the
// messages with everything the supporter typed.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

import { requireAppealCampaign } from "~/appeals/appeal-draft.server";
import { appealPdfFor } from "~/appeals/submit-appeal.server";
import { requireSameOrigin } from "~/utils/security.server";

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const { language, campaign } = await requireAppealCampaign(params);
  const answer = await appealPdfFor(campaign, language, await request.formData());
  if ("backTo" in answer) return redirect(answer.backTo, 307);
  return new Response(new Uint8Array(answer.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${answer.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

// Only POST: a GET has nothing to print.
export function loader() {
  throw new Response("Not Found", { status: 404 });
}
