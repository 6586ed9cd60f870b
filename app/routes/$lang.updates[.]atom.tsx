// /:lang/updates.atom: every public campaign's published updates, newest first
// (app/campaigns/campaign-updates.server.ts). Kept apart from news.atom, which only carries
// what dated sources reported about people; an update is a campaign's own word.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { siteUpdatesFeed } from "~/campaigns/campaign-updates.server";
import { atomResponse } from "~/utils/feed-response.server";
import { publicOrigin, requireLanguage } from "~/utils/route.server";

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  return atomResponse(request, await siteUpdatesFeed(language, publicOrigin(request, context)));
}
