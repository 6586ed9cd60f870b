// Trusted browsers: after a sign-in with an emailed code, the browser gets a mark (a random
// nonce and its HMAC bound to the member, key derived from SESSION_SECRET). A later code
// request from that browser for that member spends the browser's own hourly budget instead
// of the address's shared one, so a flood of requests for the address from elsewhere cannot
// lock the member out. The mark opens nothing by itself, holds no address, and cannot be made
// without the key or a sign-in.
import { createHmac, timingSafeEqual } from "node:crypto";

import { hashToken, newToken } from "./session.server";
import { derivedKey } from "./staff-settings.server";

function mark(staffId: string, nonce: string): string {
  return createHmac("sha256", derivedKey("trusted-browser")).update(`${staffId}:${nonce}`).digest("base64url");
}

/** A new mark for a browser that has just signed in as `staffId`: the cookie's value. */
export function trustBrowser(staffId: string): string {
  const nonce = newToken();
  return `${nonce}.${mark(staffId, nonce)}`;
}

/**
 * The budget key (SHA-256 of the nonce) if `value` is a mark made for `staffId`, else null.
 * Checked the same way for any id, so an unknown address costs the same HMAC.
 */
export function trustedBrowserKey(value: string | null, staffId: string): string | null {
  const [nonce = "", given = ""] = (value ?? ".").split(".");
  const expected = Buffer.from(mark(staffId, nonce));
  const actual = Buffer.from(given);
  const valid = expected.length === actual.length && timingSafeEqual(expected, actual) && value !== null;
  return valid ? hashToken(nonce) : null;
}
