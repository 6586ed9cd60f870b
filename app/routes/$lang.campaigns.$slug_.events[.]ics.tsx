// /:lang/campaigns/:slug/events.ics: the campaign's events as a calendar subscription
// (webcal:// on the page). Calendar apps only ever GET it; nothing about them is kept.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { campaignCalendar } from "~/campaigns/campaign-feeds.server";
import { calendarResponse } from "~/utils/feed-response.server";
import { publicOrigin, requireFound, requireLanguage, requirePublicSlug } from "~/utils/route.server";

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const slug = requirePublicSlug(params.slug);
  const body = requireFound(await campaignCalendar(slug, language, publicOrigin(request, context)));
  return calendarResponse(request, body, `listy-${slug}-${language}.ics`);
}
