// Issue 15 over real HTTP against the production build: supporter actions leave cached pages
// cached (their counters follow within the refresh interval), content edits still drop them at
// once, and a cached page is gzipped once when stored, never again on the way out.
import { request } from "node:http";
import { gunzipSync } from "node:zlib";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { issueFormTicket } from "~/pledges/form-ticket.server";
import { COUNTER_REFRESH_MS } from "~/utils/content-revision.server";

import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET with exactly the headers given (fetch would add and decode Accept-Encoding itself). */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

const page = async (path: string) => {
  const response = await rawGet(path);
  return { cache: response.headers["x-cache"], html: response.body.toString("utf8").replaceAll("\0", "") };
};

function pledgeAnonymously(prisoner: string) {
  return fetch(`${server.url}/en/pledge`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
    body: new URLSearchParams({ pledge: "WRITE_MONTHLY", prisoner, ticket: issueFormTicket() }).toString(),
  });
}

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Stores the page (earlier tests' pledges may still be due to refresh the counters once). */
const warm = (path: string) => eventually(() => rawGet(path), (response) => response.headers["x-cache"] === "HIT", COUNTER_REFRESH_MS * 4);

/** The same page whatever the response's own nonce and form tickets. */
const withoutPerResponseParts = (html: string) =>
  html.replace(/ nonce="[^"]+"/g, ' nonce="N"').replace(/lpt1\.[\w.-]+/g, "T").replace(/'nonce-[^']+'/g, "");

describe("counters apart from content", () => {
  it("keeps a profile cached through a pledge and shows the new count within the refresh interval", async () => {
    const path = "/en/prisoners/ihar-losik";
    expect((await page(path)).cache).toBe("MISS");
    const before = await page(path);
    expect(before.cache).toBe("HIT");
    expect(before.html).not.toContain("1 person will write every month.");

    expect((await pledgeAnonymously("ihar-losik")).status).toBe(303);
    // A supporter action is not a content change: the next reader still gets the stored page…
    const rightAfter = await page(path);
    expect(rightAfter.cache).toBe("HIT");
    // …and the count follows within the refresh interval (plus the test's own latency).
    const later = await eventually(() => page(path), (result) => result.html.includes("1 person will write every month."), COUNTER_REFRESH_MS * 4);
    expect(later.html).toContain("1 person will write every month.");
    // Once caught up, the page is stored again.
    expect((await page(path)).cache).toBe("HIT");
  });

  it("keeps pages cached through a storm of pledges yet drops them at once on a content edit", async () => {
    const path = "/en/prisoners/maryia-kalesnikava";
    await page(path);
    const pledges = await Promise.all(Array.from({ length: 10 }, () => pledgeAnonymously("maryia-kalesnikava")));
    expect(pledges.every((response) => response.status === 303)).toBe(true);
    expect((await page(path)).cache).toBe("HIT");

    const prisoner = await server.database.prisma.prisoner.findUniqueOrThrow({ where: { slug: "maryia-kalesnikava" } });
    await server.database.prisma.prisonerTranslation.update({
      where: { prisonerId_locale: { prisonerId: prisoner.id, locale: "en" } },
      data: { summary: "Musician (summary edited during a pledge storm)" },
    });
    // PGlite notifies in process, right after the commit: no wait, no refresh.
    const edited = await page(path);
    expect(edited.cache).toBe("MISS");
    expect(edited.html).toContain("summary edited during a pledge storm");
  });
});

describe("compressed once", () => {
  it("answers a cached page gzipped from storage, or as it is, and both decode to the same page", async () => {
    const path = "/en/campaigns";
    await warm(path);
    const gzipped = await rawGet(path, { "Accept-Encoding": "gzip, deflate, br" });
    const gzipOnly = await rawGet(path, { "Accept-Encoding": "gzip, br" });
    const identity = await rawGet(path, {});
    const brotliOnly = await rawGet(path, { "Accept-Encoding": "br" });
    const deflateOnly = await rawGet(path, { "Accept-Encoding": "deflate" });
    for (const response of [gzipped, gzipOnly, identity, brotliOnly, deflateOnly]) {
      expect(response.headers["x-cache"]).toBe("HIT");
      expect(response.headers.vary).toMatch(/Accept-Encoding/i);
      // A length, not chunks: the stored bytes went out whole, not through a compressor.
      expect(Number(response.headers["content-length"])).toBe(response.body.length);
    }

    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gzipOnly.headers["content-encoding"]).toBe("gzip");
    // Brotli and deflate are not stored: those clients get the page as it is, not compressed per request.
    for (const response of [identity, brotliOnly, deflateOnly]) expect(response.headers["content-encoding"]).toBeUndefined();

    // gunzipSync checks the CRC and length in the trailer; one decode gives HTML, not another gzip stream.
    const fromGzip = gunzipSync(gzipped.body).toString("utf8");
    expect(fromGzip.startsWith("<!DOCTYPE html>")).toBe(true);
    const fromIdentity = identity.body.toString("utf8");
    expect(fromIdentity.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(withoutPerResponseParts(fromGzip)).toBe(withoutPerResponseParts(fromIdentity));
    expect(withoutPerResponseParts(gunzipSync(gzipOnly.body).toString("utf8"))).toBe(withoutPerResponseParts(fromIdentity));
    expect(withoutPerResponseParts(brotliOnly.body.toString("utf8"))).toBe(withoutPerResponseParts(fromIdentity));
    // Each answer has its own nonce, also inside the gzip stream.
    const nonceOf = (response: RawResponse) => /'nonce-([^']+)'/.exec(String(response.headers["content-security-policy"]))?.[1];
    expect(fromGzip).toContain(` nonce="${nonceOf(gzipped)}"`);
    expect(fromIdentity).toContain(` nonce="${nonceOf(identity)}"`);
    expect(nonceOf(gzipped)).not.toBe(nonceOf(identity));
  });

  it("keeps a fresh form ticket for each reader inside the stored gzip stream", async () => {
    const path = "/en/prisoners/ihar-ilyash";
    await warm(path);
    const tickets = async () => {
      const response = await rawGet(path, { "Accept-Encoding": "gzip" });
      expect(response.headers["x-cache"]).toBe("HIT");
      expect(Number(response.headers["content-length"])).toBe(response.body.length);
      return [...gunzipSync(response.body).toString("utf8").matchAll(/lpt1\.[\w.-]+/g)].map((match) => match[0]);
    };
    const [first, second] = [await tickets(), await tickets()];
    expect(first.length).toBeGreaterThan(0);
    expect(second.some((ticket) => first.includes(ticket))).toBe(false);
  });
});
