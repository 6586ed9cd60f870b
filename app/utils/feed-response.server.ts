// Answers for feeds and calendars that readers and calendar apps poll: public, cacheable by
// shared caches, and an empty 304 while the reader already has this version (ETag).
import { createHash } from "node:crypto";

import type { TaggedXml } from "./xml-response.server";

function tagged(request: Request, body: BodyInit, etag: string, headers: Record<string, string>): Response {
  const all = { ...headers, ETag: etag };
  const ifNoneMatch = request.headers.get("If-None-Match") ?? "";
  if (ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) return new Response(null, { status: 304, headers: all });
  return new Response(body, { headers: all });
}

export function atomResponse(request: Request, { xml, etag }: TaggedXml): Response {
  return tagged(request, xml, etag, { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=900" });
}

/** An iCalendar file; `filename` is what a browser saves it as. */
export function calendarResponse(request: Request, body: string, filename: string): Response {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  return tagged(request, body, etag, {
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": `inline; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
    "Cache-Control": "public, max-age=3600",
  });
}

/** A generated image (share cards), with the ETag it was made with. */
export function pngResponse(request: Request, { png, etag }: { png: Buffer; etag: string }): Response {
  return tagged(request, new Blob([new Uint8Array(png)]), etag, { "Content-Type": "image/png", "Cache-Control": "public, max-age=3600" });
}
