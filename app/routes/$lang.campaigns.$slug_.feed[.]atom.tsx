// /:lang/campaigns/:slug/feed.atom: the campaign and its events, in the URL's language.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { campaignAtomFeed } from "~/campaigns/campaign-feeds.server";
import { atomResponse } from "~/utils/feed-response.server";
import { publicOrigin, requireFound, requireLanguage, requirePublicSlug } from "~/utils/route.server";

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const feed = await campaignAtomFeed(requirePublicSlug(params.slug), language, publicOrigin(request, context));
  return atomResponse(request, requireFound(feed));
}
