// /:lang/prisoners/:slug/share.png: the profile's 1200×630 link-preview image (text only).
import type { LoaderFunctionArgs } from "@remix-run/node";

import { profileShareImage } from "~/prisoners/share-card.server";
import { pngResponse } from "~/utils/feed-response.server";
import { publicOrigin, requireLanguage, requirePublicSlug } from "~/utils/route.server";
import { followFormerSlug } from "~/prisoners/former-slugs.server";

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  // A slug corrected before publication still works: 301 to the current one.
  return followFormerSlug(request, async () => {
    const language = requireLanguage(params);
    return pngResponse(request, await profileShareImage(requirePublicSlug(params.slug), language, publicOrigin(request, context)));
  });
}
