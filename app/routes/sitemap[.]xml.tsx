import type { LoaderFunctionArgs } from "@remix-run/node";

import { sitemapIndexXml } from "~/prisoners/sitemap.server";
import { publicOrigin } from "~/utils/route.server";
import { xmlResponse } from "~/utils/xml-response.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return xmlResponse(request, await sitemapIndexXml(publicOrigin(request, context)));
}
