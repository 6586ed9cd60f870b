import type { LoaderFunctionArgs } from "@remix-run/node";

import { publicOrigin } from "~/utils/route.server";

import { listPublicPaths } from "~/prisoners/sitemap.server";
import { supportedLanguages } from "~/i18n";

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[char]!);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const origin = publicOrigin(request, context);
  const groups = await listPublicPaths();
  const urls = groups.flatMap((group) =>
    group.map((path) => {
      const alternates = group
        .map((alternate, index) => `<xhtml:link rel="alternate" hreflang="${supportedLanguages[index]}" href="${escapeXml(origin + alternate)}"/>`)
        .join("");
      return `<url><loc>${escapeXml(origin + path)}</loc>${alternates}</url>`;
    }),
  );
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n` +
    `${urls.join("\n")}\n</urlset>\n`;
  return new Response(xml, {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
