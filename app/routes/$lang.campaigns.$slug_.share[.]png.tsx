// /:lang/campaigns/:slug/share.png: the campaign's 1200×630 link-preview image (text only).
import type { LoaderFunctionArgs } from "@remix-run/node";

import { campaignShareImage } from "~/campaigns/share-card.server";
import { pngResponse } from "~/utils/feed-response.server";
import { publicOrigin, requireLanguage, requirePublicSlug } from "~/utils/route.server";

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  return pngResponse(request, await campaignShareImage(requirePublicSlug(params.slug), language, publicOrigin(request, context)));
}
