// /:lang/campaigns/:slug/events/:id.ics: one campaign event as an iCalendar file, to add to
// a calendar once. Anything but "<id>.ics" is not found.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { campaignCalendar } from "~/campaigns/campaign-feeds.server";
import { calendarResponse } from "~/utils/feed-response.server";
import { publicOrigin, requireFound, requireLanguage, requirePublicSlug } from "~/utils/route.server";

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const slug = requirePublicSlug(params.slug);
  const eventId = /^([a-z0-9]{1,40})\.ics$/.exec(params.event ?? "")?.[1];
  if (!eventId) throw new Response("Not Found", { status: 404 });
  const body = requireFound(await campaignCalendar(slug, language, publicOrigin(request, context), eventId));
  return calendarResponse(request, body, `listy-${slug}-event-${language}.ics`);
}
