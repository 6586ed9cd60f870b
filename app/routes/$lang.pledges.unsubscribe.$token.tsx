// The List-Unsubscribe address of pledge reminders (RFC 8058). A mail provider POSTs to it
// for a one-click stop (answered by the server before Remix: server/pledge-endpoint.ts); a
// person who opens it is taken to the pledge's manage page, where the buttons are.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

import { linkToken } from "~/utils/private-link.server";
import { requireLanguage } from "~/utils/route.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const token = linkToken(params);
  throw redirect(token === null ? `/${language}` : `/${language}/pledges/manage/${token}`, { status: 303, headers: { "Cache-Control": "no-store" } });
}
