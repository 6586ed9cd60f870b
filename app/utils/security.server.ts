// HTTP hardening shared by the Express server and Remix actions: a fresh CSP nonce per
// response, the fixed security headers, and the same-origin rule for state changes.
import { randomBytes } from "node:crypto";

export function createNonce(): string {
  return randomBytes(18).toString("base64");
}

/**
 * `frameAncestors`: the origins that may frame this response. Only a campaign's embed names any
 * (server/app.ts, app/campaigns/embed.server.ts); every other response may be framed by nobody.
 */
export function contentSecurityPolicy(
  nonce: string,
  { upgradeInsecureRequests, frameAncestors = [] }: { upgradeInsecureRequests: boolean; frameAncestors?: readonly string[] },
) {
  const directives = [
    "default-src 'self'",
    // Only scripts carrying this response's nonce, and what they load themselves, may run.
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "media-src 'none'",
    "worker-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestorsSource(frameAncestors)}`,
  ];
  if (upgradeInsecureRequests) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Origins as a CSP source list; anything that is not a plain http(s) origin is left out. */
function frameAncestorsSource(origins: readonly string[]): string {
  const sources = origins.filter((origin) => /^https?:\/\/[a-z0-9.\-[\]:]+$/i.test(origin));
  return sources.length > 0 ? sources.join(" ") : "'none'";
}

const PERMISSIONS_DENIED = [
  "accelerometer", "ambient-light-sensor", "autoplay", "battery", "bluetooth", "browsing-topics", "camera",
  "display-capture", "document-domain", "encrypted-media", "fullscreen", "geolocation", "gyroscope", "hid",
  "identity-credentials-get", "idle-detection", "local-fonts", "magnetometer", "microphone", "midi", "payment",
  "picture-in-picture", "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "web-share",
  "xr-spatial-tracking",
];

/** Headers sent with every response, pages, files and errors alike. */
export function baseSecurityHeaders({ hsts }: { hsts: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    // same-origin: other sites never learn which page linked to them, and same-origin form
    // posts carry a real Origin (with no-referrer browsers send `Origin: null`, which Remix
    // refuses as a possible CSRF on document posts).
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": PERMISSIONS_DENIED.map((feature) => `${feature}=()`).join(", "),
    "X-Frame-Options": "DENY",
    "Origin-Agent-Cluster": "?1",
  };
  if (hsts) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Decides whether a state-changing request comes from Listy's own pages.
 * Sec-Fetch-Site is trusted first (older browsers and privacy settings may send
 * `Origin: null` on same-origin form posts, so Origin alone cannot be relied on).
 */
export function checkSameOrigin(
  method: string,
  header: (name: string) => string | null | undefined,
  allowedOrigins: readonly string[],
): OriginVerdict {
  if (SAFE_METHODS.has(method.toUpperCase())) return { ok: true };
  const fetchSite = header("sec-fetch-site");
  if (fetchSite) {
    return fetchSite === "same-origin" || fetchSite === "none"
      ? { ok: true }
      : { ok: false, reason: `Sec-Fetch-Site is ${fetchSite}` };
  }
  const origin = header("origin");
  if (origin && origin !== "null") {
    return allowedOrigins.includes(origin) ? { ok: true } : { ok: false, reason: `Origin ${origin} is not allowed` };
  }
  return { ok: false, reason: "neither Sec-Fetch-Site nor Origin identifies the sender" };
}

/**
 * RFC 8058 one-click unsubscribe, the one POST accepted from anywhere: a mail provider's
 * server sends it, with no Origin or its own, when a reader presses the mail client's
 * "unsubscribe" button on a pledge reminder. Exactly this path and exactly this body (one
 * field, List-Unsubscribe=One-Click, urlencoded or multipart as RFC 8058 allows); anything
 * else posted there is refused. What it can do is stop one pledge's reminders, and it needs
 * that pledge's secret token.
 */
export const ONE_CLICK_UNSUBSCRIBE_PATH = /^\/[a-z]{2}\/pledges\/unsubscribe\/[A-Za-z0-9_-]{43}$/;
const ONE_CLICK_BODY_MAX = 2_048;

export async function isOneClickUnsubscribe(method: string, path: string, contentType: string | null | undefined, body: Uint8Array): Promise<boolean> {
  if (method.toUpperCase() !== "POST" || !ONE_CLICK_UNSUBSCRIBE_PATH.test(path) || body.byteLength > ONE_CLICK_BODY_MAX) return false;
  if (!contentType || !/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(contentType)) return false;
  try {
    const fields = [...(await new Response(new Uint8Array(body), { headers: { "Content-Type": contentType } }).formData()).entries()];
    return fields.length === 1 && fields[0]![0] === "List-Unsubscribe" && fields[0]![1] === "One-Click";
  } catch {
    return false;
  }
}

/** The origins Listy answers on: PUBLIC_URL if set, else whatever host the request named. */
export function allowedOriginsFor(requestUrl: string, publicUrl: string | undefined): string[] {
  if (publicUrl) return [new URL(publicUrl).origin];
  return [new URL(requestUrl).origin];
}

/**
 * For Remix actions (pass `context.publicUrl`): throws a 403 response unless the request is same-origin. The Express
 * server applies the same rule to every request first; this keeps each action safe on its own.
 */
export function requireSameOrigin(request: Request, publicUrl: string | undefined) {
  const verdict = checkSameOrigin(
    request.method,
    (name) => request.headers.get(name),
    allowedOriginsFor(request.url, publicUrl),
  );
  if (!verdict.ok) throw new Response("Forbidden", { status: 403 });
}
