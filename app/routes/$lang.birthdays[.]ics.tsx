// /:lang/birthdays.ics: the birthdays as an iCalendar subscription, names and texts in the
// URL's language. Calendar apps only ever GET it; nothing about the subscriber is kept.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { birthdayCalendarFeed } from "~/prisoners/birthdays-page.server";
import { publicOrigin, requireLanguage } from "~/utils/route.server";

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  // Profile links must be absolute; PUBLIC_URL wins over the Host header (as in root.tsx).
  // Apps poll subscriptions: an ETag lets an unchanged feed answer with an empty 304.
  const { body, etag } = await birthdayCalendarFeed(language, publicOrigin(request, context));
  const headers = {
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": `inline; filename="listy-birthdays-${language}.ics"`,
    "Cache-Control": "public, max-age=3600",
    ETag: etag,
  };
  const ifNoneMatch = request.headers.get("If-None-Match") ?? "";
  if (ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers });
}
