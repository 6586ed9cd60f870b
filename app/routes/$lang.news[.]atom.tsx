// /:lang/news.atom: releases, exile and transfers of the people on Listy, as dated sources
// reported them (app/prisoners/news-feed.server.ts). Readers only ever GET it.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { newsFeed } from "~/prisoners/news-feed.server";
import { atomResponse } from "~/utils/feed-response.server";
import { publicOrigin, requireLanguage } from "~/utils/route.server";

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  return atomResponse(request, await newsFeed(language, publicOrigin(request, context)));
}
