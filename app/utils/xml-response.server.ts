// A generated XML file (sitemaps) with an ETag: crawlers that send it back get an empty 304
// while the content is unchanged. The tag is made once with the file, not per request.
import { createHash } from "node:crypto";

export interface TaggedXml {
  xml: string;
  etag: string;
}

export function taggedXml(xml: string): TaggedXml {
  return { xml, etag: `"${createHash("sha256").update(xml).digest("base64url").slice(0, 27)}"` };
}

export function xmlResponse(request: Request, { xml, etag }: TaggedXml): Response {
  const headers = { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600", ETag: etag };
  const ifNoneMatch = request.headers.get("If-None-Match") ?? "";
  if (ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) return new Response(null, { status: 304, headers });
  return new Response(xml, { headers });
}
