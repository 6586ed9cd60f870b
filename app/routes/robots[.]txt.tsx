import type { LoaderFunctionArgs } from "@remix-run/node";

import { publicOrigin } from "~/utils/route.server";

export function loader({ request, context }: LoaderFunctionArgs) {
  const origin = publicOrigin(request, context);
  const body = ["User-agent: *", "Allow: /", "Disallow: /locales/", "", `Sitemap: ${origin}/sitemap.xml`, ""].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" } });
}
