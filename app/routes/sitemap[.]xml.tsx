import type { LoaderFunctionArgs } from "@remix-run/node";

import { sitemapXml } from "~/prisoners/sitemap.server";
import { publicOrigin } from "~/utils/route.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const xml = await sitemapXml(publicOrigin(request, context));
  return new Response(xml, {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
