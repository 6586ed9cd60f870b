// A prisoner's photo, as stored by the back office (re-encoded, without metadata). The address
// carries the start of the photo's SHA-256, so it can be cached for a year: a new photo gets a
// new address. Unknown people and outdated addresses are 404; so are drafts, except for staff
// who edit profiles (the editor shows the draft's photo), and then nothing may cache it.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { findStaffSession, readStaffToken } from "~/staff/accounts/session.server";
import { can } from "~/staff/permissions";
import { findPhoto } from "~/staff/profiles/prisoner-profile.server";

const FILE = /^([A-Za-z0-9_]{1,64})-([0-9a-f]{16})\.jpg$/;

async function mayEditProfiles(request: Request): Promise<boolean> {
  const token = readStaffToken(request);
  if (!token) return false;
  const state = await findStaffSession(token);
  return Boolean(state && !state.needsSecondFactor && can(state.actor, "prisoner:edit"));
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const match = FILE.exec(params.file ?? "");
  const photo = match ? await findPhoto(match[1]!, match[2]!, { includeDrafts: await mayEditProfiles(request) }) : null;
  if (!photo) return new Response("Not Found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(photo.jpeg), {
    headers: {
      "Content-Type": "image/jpeg",
      "Content-Length": String(photo.jpeg.length),
      // X-Content-Type-Options: nosniff comes with every response (server/app.ts).
      "Cache-Control": photo.draft ? "private, no-store" : "public, max-age=31536000, immutable",
    },
  });
}
