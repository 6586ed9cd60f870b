// The printable letter as a PDF. A resource route, because a page action cannot answer a
// form post with a file: the builder checks the draft first and then posts it here.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

import { letterPdf, requireRecipient, reviewPostedDraft } from "~/letters/letter-page.server";
import { recordLetterWritten } from "~/letters/letter.server";
import { requireSameOrigin } from "~/utils/security.server";

export async function loader() {
  // Only the builder's form leads here; a link or a crawler gets nothing.
  throw new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const { language, recipient } = await requireRecipient(params);
  const { review, problems } = reviewPostedDraft(await request.formData(), recipient, language, "download");
  // The builder only offers this once the draft passed; anything else goes back to it.
  if (problems.length > 0) return redirect(`/${language}/prisoners/${recipient.slug}/write`, 303);
  const pdf = await letterPdf(review, recipient);
  await recordLetterWritten({ prisonerId: recipient.id, interfaceLanguage: language });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="letter-${recipient.slug}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
