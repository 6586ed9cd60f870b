// The exported data as a JSON file. A resource route, because a page action cannot answer a
// form post with a file (see …/letter.pdf). A link that is no good goes back to the page.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

import { exportPersonalData } from "~/privacy/privacy.server";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export async function loader() {
  // Only the button on the export page leads here; a link or a crawler gets nothing.
  throw new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const token = params.token ?? "";
  const page = `/${language}/privacy/export/${encodeURIComponent(token.slice(0, 100))}`;
  const result = token.length <= 100 ? await exportPersonalData(token) : ({ ok: false, reason: "invalid" } as const);
  if (!result.ok) return redirect(`${page}?failed=${result.reason}`, 303);
  return new Response(JSON.stringify(result.data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="listy-my-data.json"',
      "Cache-Control": "no-store",
    },
  });
}
