// A prisoner's photo, as stored by the back office (re-encoded, without metadata). The address
// carries the start of the photo's SHA-256, so it can be cached for a year: a new photo gets a
// new address. Drafts, unknown people and outdated addresses are 404.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { findPublicPhoto } from "~/backoffice/prisoner-profile.server";

const FILE = /^([A-Za-z0-9_]{1,64})-([0-9a-f]{16})\.jpg$/;

export async function loader({ params }: LoaderFunctionArgs) {
  const match = FILE.exec(params.file ?? "");
  const bytes = match ? await findPublicPhoto(match[1]!, match[2]!) : null;
  if (!bytes) return new Response("Not Found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "image/jpeg",
      "Content-Length": String(bytes.length),
      // X-Content-Type-Options: nosniff comes with every response (server/app.ts).
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
