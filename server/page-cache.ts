// A cache of rendered pages for anonymous readers. Entries are tied to the database's
// content revision (see app/utils/content-revision.server.ts) and to the day, so a change
// to any public content, or midnight (ages, "last 30 days"), makes them stale at once.
// Each response still gets its own CSP nonce: the cached HTML holds a placeholder that is
// replaced with the response's nonce on the way out, and every pledge form in it gets a
// ticket of its own (app/pledges/form-ticket.server.ts): readers never share one.
import { randomBytes } from "node:crypto";

import type { NextFunction, Request, Response } from "express";

import { supportedLanguages } from "~/i18n";
import { freshenFormTickets } from "~/pledges/form-ticket.server";
import { dayKey } from "~/utils/content-revision.server";

export interface PageCacheOptions {
  currentRevision: () => bigint;
  /**
   * Adds X-Cache: HIT|MISS for tests. Off in production: the header (like timing) would
   * tell anyone whether a page was requested recently.
   */
  exposeStatus?: boolean;
  /** Upper bound on memory: the oldest entries go first. */
  maxBytes?: number;
  maxEntries?: number;
}

interface Entry {
  revision: bigint;
  day: string;
  status: number;
  contentType: string;
  body: string;
  bytes: number;
}

const LANGUAGE_PATH = new RegExp(`^/(${supportedLanguages.join("|")})(/|$)`);
const MAX_KEY_LENGTH = 2_048;

export function createPageCache({
  currentRevision,
  exposeStatus = false,
  maxBytes = 64 * 1024 * 1024,
  maxEntries = 2_000,
}: PageCacheOptions) {
  const entries = new Map<string, Entry>();
  let totalBytes = 0;
  // Unguessable, so page content can never contain it by accident or design.
  const placeholder = `listy-nonce-${randomBytes(16).toString("hex")}`;

  const evict = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    totalBytes -= entry.bytes;
  };

  const store = (key: string, entry: Entry) => {
    evict(key);
    if (entry.bytes > maxBytes / 4) return;
    entries.set(key, entry);
    totalBytes += entry.bytes;
    for (const oldest of entries.keys()) {
      if (totalBytes <= maxBytes && entries.size <= maxEntries) break;
      evict(oldest);
    }
  };

  function middleware(req: Request, res: Response, next: NextFunction) {
    if (!isCacheable(req)) return next();
    // Pages contain absolute links built from the address the request named, so the
    // address is part of the key: a forged Host header can only ever reach its sender.
    const key = [req.get("host"), req.get("x-forwarded-host"), req.get("x-forwarded-proto"), req.originalUrl].join("\n");
    const nonce = String(res.locals.cspNonce);
    const day = dayKey(new Date());
    const revision = currentRevision();

    const cached = entries.get(key);
    if (cached && cached.revision === revision && cached.day === day) {
      // Re-insert to mark it recently used.
      entries.delete(key);
      entries.set(key, cached);
      res.status(cached.status).set("Content-Type", cached.contentType);
      if (exposeStatus) res.set("X-Cache", "HIT");
      res.send(freshenFormTickets(cached.body.replaceAll(placeholder, nonce)));
      return;
    }

    if (exposeStatus) res.set("X-Cache", "MISS");
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
      else chunks.push(Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as Response["write"];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      const contentType = String(res.getHeader("Content-Type") ?? "");
      // Only whole, successful HTML pages; never anything that sets a cookie of its own.
      // (404s are not kept: any made-up address would take a place in the cache.)
      const html = Buffer.concat(chunks).toString("utf8");
      const cacheControl = String(res.getHeader("Cache-Control") ?? "");
      // A page that says it must not be stored (a random pick, a personal answer) is not kept.
      const storable = !/\b(?:no-store|private)\b/i.test(cacheControl);
      if (res.statusCode === 200 && storable && html.length > 0 && contentType.startsWith("text/html") && !setsSessionCookie(res)) {
        const body = html.replaceAll(nonce, placeholder);
        store(key, { revision, day, status: res.statusCode, contentType, body, bytes: body.length * 2 });
      }
      return end(chunk, ...rest);
    }) as Response["end"];
    next();
  }

  return { middleware, size: () => entries.size, clear: () => (entries.clear(), (totalBytes = 0)) };
}

function isCacheable(req: Request) {
  // HEAD answers have no body: storing one would blank the page for every later reader.
  if (req.method !== "GET") return false;
  if (req.originalUrl.length > MAX_KEY_LENGTH) return false;
  if (!LANGUAGE_PATH.test(req.path)) return false;
  // Remix data requests (single fetch) and anything for a signed-in person are not cached.
  if (req.path.endsWith(".data") || "_data" in req.query) return false;
  // What people search for is theirs: never kept, so it cannot be inferred from timing.
  if ("q" in req.query) return false;
  const cookies = (req.get("cookie") ?? "").split(";").map((part) => part.trim().split("=")[0]).filter(Boolean);
  return cookies.every((name) => name === "lng");
}

function setsSessionCookie(res: Response) {
  const header = res.getHeader("Set-Cookie");
  const cookies = Array.isArray(header) ? header : header ? [String(header)] : [];
  return cookies.some((cookie) => !cookie.startsWith("lng="));
}
