// The mailroom's batch PDF: every selected (or every queued) letter with its envelope or
// label, grouped by facility, streamed page by page. A resource route, because a page action
// cannot answer with a file. It changes nothing: letters are marked printed on the mailroom
// page once the operator has checked the paper (a download can fail or a printer jam after
// the response is sent, and the server cannot know).
import { PassThrough } from "node:stream";

import type { ActionFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable, redirect } from "@remix-run/node";

import { writeLetterBatchPdf } from "~/letters/letter-pdf.server";
import { requireStaff } from "~/staff/accounts/session.server";
import { printBatchFromForm } from "~/staff/mailroom/submit-mailroom.server";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export async function loader() {
  // Only the mailroom's form leads here.
  throw new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST", "Cache-Control": "no-store" } });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  await requireStaff(request, "mailroom:work");
  const batch = await printBatchFromForm(await request.formData());
  if (batch.letters.length === 0) {
    return redirect(`/${language}/staff/mailroom?state=queued&notice=nothing-to-print`, { status: 303, headers: { "Cache-Control": "no-store" } });
  }
  const out = new PassThrough();
  writeLetterBatchPdf(batch.letters, out).catch((error: unknown) => {
    console.error(`mailroom: batch PDF failed: ${error instanceof Error ? error.message : String(error)}`);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(createReadableStreamFromReadable(out), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="letters-${day}.pdf"`,
      "Cache-Control": "no-store",
      // How many selected letters were left out for want of an address (the page lists them).
      "X-Letters-Left-Out": String(batch.withoutAddress.length),
    },
  });
}
