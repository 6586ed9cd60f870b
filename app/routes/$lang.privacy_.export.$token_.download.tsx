// The exported data as a JSON file. A resource route, because a page action cannot answer a
// form post with a file (see …/letter.pdf). A link that is no good goes back to the page.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

import { exportDownload } from "~/privacy/privacy-link-page.server";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export async function loader() {
  // Only the button on the export page leads here; a link or a crawler gets nothing.
  throw new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const download = await exportDownload(requireLanguage(params), params);
  if ("backTo" in download) return redirect(download.backTo, 303);
  return new Response(download.json, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="listy-my-data.json"',
      "Cache-Control": "no-store",
    },
  });
}
