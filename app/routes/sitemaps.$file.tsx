// /sitemaps/1.xml, /sitemaps/2.xml …: the files named by the sitemap index (/sitemap.xml).
import type { LoaderFunctionArgs } from "@remix-run/node";

import { sitemapPartXml } from "~/prisoners/sitemap.server";
import { publicOrigin } from "~/utils/route.server";
import { xmlResponse } from "~/utils/xml-response.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const part = /^([1-9]\d{0,5})\.xml$/.exec(params.file ?? "")?.[1];
  const xml = part ? await sitemapPartXml(publicOrigin(request, context), Number(part)) : null;
  if (xml === null) throw new Response("Not Found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return xmlResponse(request, xml);
}
