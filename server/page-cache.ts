// A cache of rendered pages for anonymous readers. Entries are tied to the database's
// content revision (see app/utils/content-revision.server.ts) and to the day, so a change
// to any public content, or midnight (ages, "last 30 days"), makes them stale at once.
// Each response still gets its own CSP nonce: the cached HTML holds a placeholder that is
// replaced with the response's nonce on the way out, and every pledge form in it gets a
// ticket of its own (app/pledges/form-ticket.server.ts): readers never share one.
// Counters on a page (pledges, letters, actions) are refreshed at most once a second
// (currentCounters, see content-revision.server.ts), not on every supporter action, and by
// one request per page while the others still get the stored page.
//
// A cache hit is not compressed again (decision 0015): a page is stored as static parts
// around its nonces and tickets, each part deflated once when stored and ended with a sync
// flush, so a gzip answer is those parts with each response's own nonce and tickets put
// between them as stored (uncompressed) deflate blocks, and a header and checksum around.
import { randomBytes } from "node:crypto";
import { constants as zlibConstants, crc32, deflateRawSync } from "node:zlib";

import type { NextFunction, Request, Response } from "express";

import { supportedLanguages } from "~/i18n";
import { FORM_TICKET_PATTERN, issueFormTicket } from "~/pledges/form-ticket.server";
import { dayKey } from "~/utils/content-revision.server";
import { getLocaleBundle, localesVersionFor } from "~/utils/locales.server";

export interface PageCacheOptions {
  /** The content revision (ContentRevisionWatcher.current). */
  currentRevision: () => bigint;
  /** The counters as caches take them in, at most once a second (ContentRevisionWatcher.countersVersion). */
  currentCounters: () => bigint;
  /**
   * Adds X-Cache: HIT|MISS for tests. Off in production: the header (like timing) would
   * tell anyone whether a page was requested recently.
   */
  exposeStatus?: boolean;
  /** Upper bound on memory: the oldest entries go first. */
  maxBytes?: number;
  maxEntries?: number;
}

/** A place in a stored page that each response fills in: its nonce, or the n-th distinct ticket. */
type Slot = { kind: "nonce" } | { kind: "ticket"; index: number };

interface Entry {
  revision: bigint;
  /** The version of the page language's interface strings (a saved translation drops that language only). */
  strings: string;
  counters: bigint;
  day: string;
  status: number;
  contentType: string;
  /** The page's static parts (one more than slots), as bytes and as sync-flushed raw deflate. */
  parts: Buffer[];
  deflatedParts: Buffer[];
  /** Each part's CRC-32 and the operator that moves a checksum past it (see crc32Shift). */
  partChecksums: number[];
  partShifts: number[];
  slots: Slot[];
  tickets: number;
  bytes: number;
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
/** An empty stored block with BFINAL set: the end of the deflate stream. */
const DEFLATE_END = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);

const LANGUAGE_PATH = new RegExp(`^/(${supportedLanguages.join("|")})(/|$)`);
const MAX_KEY_LENGTH = 2_048;

export function createPageCache({
  currentRevision,
  currentCounters,
  exposeStatus = false,
  maxBytes = 64 * 1024 * 1024,
  maxEntries = 2_000,
}: PageCacheOptions) {
  const entries = new Map<string, Entry>();
  // Pages whose counters are being brought up to date by one request: meanwhile other readers
  // get the stored page, counters a moment older, rather than all rendering it at once.
  const refreshing = new Set<string>();
  let totalBytes = 0;
  // Unguessable, so page content can never contain it by accident or design.
  const placeholder = `listy-nonce-${randomBytes(16).toString("hex")}`;
  const slotPattern = new RegExp(`${placeholder}|${FORM_TICKET_PATTERN}`, "g");

  /** Cuts a rendered page (nonce already replaced by the placeholder) into parts and slots. */
  const split = (body: string) => {
    const parts: Buffer[] = [];
    const slots: Slot[] = [];
    const tickets = new Map<string, number>();
    let start = 0;
    for (const match of body.matchAll(slotPattern)) {
      parts.push(Buffer.from(body.slice(start, match.index), "utf8"));
      if (match[0] === placeholder) slots.push({ kind: "nonce" });
      else {
        if (!tickets.has(match[0])) tickets.set(match[0], tickets.size);
        slots.push({ kind: "ticket", index: tickets.get(match[0])! });
      }
      start = match.index + match[0].length;
    }
    parts.push(Buffer.from(body.slice(start), "utf8"));
    const deflatedParts = parts.map((part) => (part.length === 0 ? part : deflateRawSync(part, { finishFlush: zlibConstants.Z_SYNC_FLUSH })));
    const partChecksums = parts.map((part) => crc32(part));
    const partShifts = parts.map((part) => crc32Shift(part.length));
    return { parts, deflatedParts, partChecksums, partShifts, slots, tickets: tickets.size };
  };

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
    const counters = currentCounters();
    const language = LANGUAGE_PATH.exec(req.path)?.[1];
    const strings = language ? localesVersionFor(language) : getLocaleBundle().version;

    const cached = entries.get(key);
    const current = cached && cached.revision === revision && cached.strings === strings && cached.day === day ? cached : undefined;
    if (current && current.counters !== counters && !refreshing.has(key)) {
      refreshing.add(key);
      res.once("close", () => refreshing.delete(key));
    } else if (current) {
      // Re-insert to mark it recently used.
      entries.delete(key);
      entries.set(key, current);
      if (exposeStatus) res.set("X-Cache", "HIT");
      sendStored(req, res, current, nonce);
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
      const result = end(chunk, ...rest);
      if (res.statusCode === 200 && storable && html.length > 0 && contentType.startsWith("text/html") && !setsSessionCookie(res)) {
        // After the answer has gone out: this reader does not wait for the compression.
        const stored = split(html.replaceAll(nonce, placeholder));
        const bytes = [...stored.parts, ...stored.deflatedParts].reduce((sum, part) => sum + part.length, 0);
        store(key, { revision, strings, counters, day, status: res.statusCode, contentType, ...stored, bytes });
      }
      return result;
    }) as Response["end"];
    next();
  }

  return { middleware, size: () => entries.size, clear: () => (entries.clear(), (totalBytes = 0)) };
}

/**
 * Answers from a stored page with this response's nonce and fresh tickets, gzipped (from the
 * parts deflated when stored) when the client accepts it, else as it is. Either way the
 * compression middleware leaves it alone (marked for its filter in server/app.ts).
 */
function sendStored(req: Request, res: Response, entry: Entry, nonce: string) {
  const tickets = Array.from({ length: entry.tickets }, () => Buffer.from(issueFormTicket(), "utf8"));
  const nonceBytes = Buffer.from(nonce, "utf8");
  const slotBytes = entry.slots.map((slot) => (slot.kind === "nonce" ? nonceBytes : tickets[slot.index]!));
  const gzip = req.acceptsEncodings("gzip", "identity") === "gzip";
  const pieces: Buffer[] = [];
  let body: Buffer;
  if (gzip) {
    let checksum = 0;
    let length = 0;
    pieces.push(GZIP_HEADER);
    entry.parts.forEach((part, index) => {
      // The stored parts' checksums are combined, not recomputed: only the slots are read.
      checksum = crc32Combine(checksum, entry.partChecksums[index]!, entry.partShifts[index]!);
      length += part.length;
      if (part.length > 0) pieces.push(entry.deflatedParts[index]!);
      const slot = slotBytes[index];
      if (!slot) return;
      checksum = crc32Combine(checksum, crc32(slot), crc32Shift(slot.length));
      length += slot.length;
      pieces.push(storedBlockHeader(slot.length), slot);
    });
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(checksum >>> 0, 0);
    trailer.writeUInt32LE(length >>> 0, 4);
    pieces.push(DEFLATE_END, trailer);
    body = Buffer.concat(pieces);
    res.set("Content-Encoding", "gzip");
  } else {
    entry.parts.forEach((part, index) => {
      pieces.push(part);
      if (slotBytes[index]) pieces.push(slotBytes[index]);
    });
    body = Buffer.concat(pieces);
  }
  // Tells the compression middleware's filter to let it pass at once.
  res.locals.precompressed = true;
  res.status(entry.status);
  res.set({ "Content-Type": entry.contentType, "Content-Length": String(body.length), Vary: "Accept-Encoding" });
  res.end(body);
}

/** A non-final stored deflate block of `length` bytes (the stream is byte-aligned after a sync flush). */
function storedBlockHeader(length: number): Buffer {
  const header = Buffer.alloc(5);
  header[0] = 0x00;
  header.writeUInt16LE(length, 1);
  header.writeUInt16LE(~length & 0xffff, 3);
  return header;
}

// CRC-32 of a concatenation from its parts' checksums, as zlib's crc32_combine does it:
// crc(A‖B) = crc(A)·x^(8·|B|) mod P xor crc(B), in the reflected representation.
const CRC_POLY = 0xedb88320;

function multiplyModP(a: number, b: number): number {
  let m = 0x80000000;
  let product = 0;
  for (;;) {
    if (a & m) {
      product ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ CRC_POLY : b >>> 1;
  }
  return product >>> 0;
}

/** x^(2^k) mod P for k = 0…31. */
const X_TO_2_TO_THE = (() => {
  const table: number[] = [];
  let power = 0x40000000; // x^1
  for (let k = 0; k < 32; k++) {
    table.push(power);
    power = multiplyModP(power, power);
  }
  return table;
})();

const shifts = new Map<number, number>();
/** x^(8·length) mod P: what moves a checksum past `length` more bytes. */
function crc32Shift(length: number): number {
  const known = shifts.get(length);
  if (known !== undefined) return known;
  let operator = 0x80000000; // x^0
  let k = 3;
  for (let n = length; n > 0; n = Math.floor(n / 2), k++) if (n & 1) operator = multiplyModP(X_TO_2_TO_THE[k & 31]!, operator);
  if (shifts.size < 1_000) shifts.set(length, operator);
  return operator;
}

function crc32Combine(first: number, second: number, shiftPastSecond: number): number {
  return (multiplyModP(shiftPastSecond, first) ^ second) >>> 0;
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
