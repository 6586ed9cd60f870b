import { describe, expect, it } from "vitest";

import {
  allowedOriginsFor,
  baseSecurityHeaders,
  checkSameOrigin,
  contentSecurityPolicy,
  createNonce,
  requireSameOrigin,
} from "~/utils/security.server";

const origins = ["https://listy.example"];
const headers = (values: Record<string, string>) => (name: string) => values[name.toLowerCase()];

describe("checkSameOrigin", () => {
  it("lets safe methods through whatever their headers", () => {
    expect(checkSameOrigin("GET", headers({ origin: "https://evil.example" }), origins).ok).toBe(true);
    expect(checkSameOrigin("HEAD", headers({ "sec-fetch-site": "cross-site" }), origins).ok).toBe(true);
  });

  it.each([
    ["same-origin", true],
    ["none", true],
    ["same-site", false],
    ["cross-site", false],
  ])("trusts Sec-Fetch-Site %s → %s", (site, expected) => {
    expect(checkSameOrigin("POST", headers({ "sec-fetch-site": site, origin: "null" }), origins).ok).toBe(expected);
  });

  it("falls back to Origin when Sec-Fetch-Site is absent", () => {
    expect(checkSameOrigin("POST", headers({ origin: "https://listy.example" }), origins).ok).toBe(true);
    expect(checkSameOrigin("POST", headers({ origin: "https://listy.example.evil" }), origins).ok).toBe(false);
    expect(checkSameOrigin("DELETE", headers({ origin: "http://listy.example" }), origins).ok).toBe(false);
  });

  it("refuses a state change that names no origin at all, or only 'null'", () => {
    expect(checkSameOrigin("POST", headers({}), origins)).toMatchObject({ ok: false });
    expect(checkSameOrigin("PUT", headers({ origin: "null" }), origins)).toMatchObject({ ok: false });
  });

  it("uses PUBLIC_URL's origin when set, the request's own otherwise", () => {
    expect(allowedOriginsFor("http://10.0.0.5:3000/be/", "https://listy.example/")).toEqual(["https://listy.example"]);
    expect(allowedOriginsFor("http://localhost:3000/be/", undefined)).toEqual(["http://localhost:3000"]);
  });

  it("requireSameOrigin throws a 403 response for a cross-site post", () => {
    const forged = new Request("http://localhost:3000/be/", { method: "POST", headers: { Origin: "https://evil.example" } });
    let thrown: unknown;
    try {
      requireSameOrigin(forged, undefined);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(403);
    const genuine = new Request("http://localhost:3000/be/", { method: "POST", headers: { Origin: "http://localhost:3000" } });
    expect(() => requireSameOrigin(genuine, undefined)).not.toThrow();
  });
});

describe("content security policy", () => {
  it("allows only nonce-bearing scripts and forbids plugins, base tags, framing and foreign forms", () => {
    const nonce = createNonce();
    const policy = contentSecurityPolicy(nonce, { upgradeInsecureRequests: false });
    const directives = new Map(policy.split("; ").map((directive) => [directive.split(" ")[0], directive]));
    expect(directives.get("default-src")).toBe("default-src 'self'");
    expect(directives.get("script-src")).toBe(`script-src 'nonce-${nonce}' 'strict-dynamic'`);
    expect(directives.get("object-src")).toBe("object-src 'none'");
    expect(directives.get("base-uri")).toBe("base-uri 'none'");
    expect(directives.get("form-action")).toBe("form-action 'self'");
    expect(directives.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy(nonce, { upgradeInsecureRequests: true })).toContain("upgrade-insecure-requests");
  });

  it("makes a new unguessable nonce every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });
});

describe("base security headers", () => {
  it("sends HSTS only when asked (production over HTTPS)", () => {
    expect(baseSecurityHeaders({ hsts: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(baseSecurityHeaders({ hsts: true })["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
  });

  it("denies every powerful browser feature", () => {
    const policy = baseSecurityHeaders({ hsts: false })["Permissions-Policy"] ?? "";
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(policy).toContain(`${feature}=()`);
    expect(policy).not.toMatch(/=\((?!\))/);
  });
});
