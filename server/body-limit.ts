// A byte limit on every request body, enforced while it arrives and before anything parses it.
//
// The body is counted as the HTTP parser hands it over (bytes received, not the Content-Length
// header, which only lets a request be refused before its body) and held back until it is
// complete: only a whole body within its route's limit is handed on, to the pledge fast path
// or to Remix. Past the limit the request is answered at once with a 413 page in the URL's
// language and the connection is closed, so the sender cannot keep streaming; nothing
// downstream ever saw a byte of it, so no half body is parsed and no action fails half-way.
//
// Public forms get PUBLIC_BODY_LIMIT. The back office's uploads (photo, CSV import, translation
// file) get their own larger limits, but only for a request with a live staff session: anyone
// else can make the server hold at most PUBLIC_BODY_LIMIT per request, wherever they post.
import type { NextFunction, Request, RequestHandler, Response } from "express";

import { sourceLanguage, type Language } from "~/i18n";
import { findStaffSession, readStaffToken } from "~/staff/accounts/session.server";
import { IMPORT_FORM_MAX_BYTES } from "~/staff/imports/prisoner-import";
import { PROFILE_FORM_MAX_BYTES } from "~/staff/profiles/photo-limits";
import { UPLOAD_FORM_MAX_BYTES } from "~/staff/translations/interface-translations";
import { languageFromPath } from "~/utils/i18next.server";
import { getLocaleBundle } from "~/utils/locales.server";

/** The longest public form (an appeal of 5 000 Cyrillic characters) is about 35 KB as sent. */
export const PUBLIC_BODY_LIMIT = 64 * 1024;
/** Other back-office forms: a campaign's texts in six languages fit many times over. */
export const STAFF_FORM_LIMIT = 1024 * 1024;

export interface BodyLimitRule {
  path: RegExp;
  limit: number;
  /**
   * The route refuses a Content-Length over `limit` with its own page, before reading: such a
   * request is handed on with its body withheld (the route never reads it; if it tried, it
   * would get nothing).
   */
  answersDeclaredOversize?: boolean;
}

/** Limits above PUBLIC_BODY_LIMIT; each needs a live staff session. The first match counts. */
export const STAFF_BODY_LIMITS: readonly BodyLimitRule[] = [
  { path: /^\/[a-z]{2}\/staff\/prisoners\/import$/, limit: IMPORT_FORM_MAX_BYTES, answersDeclaredOversize: true },
  { path: /^\/[a-z]{2}\/staff\/prisoners\/[^/]+$/, limit: PROFILE_FORM_MAX_BYTES, answersDeclaredOversize: true },
  { path: /^\/[a-z]{2}\/staff\/translations\/[^/]+\/[^/]+$/, limit: UPLOAD_FORM_MAX_BYTES },
  { path: /^\/[a-z]{2}\/staff\//, limit: STAFF_FORM_LIMIT },
];

type Push = (chunk: unknown, encoding?: BufferEncoding) => boolean;

export function bodyLimit({ rules = STAFF_BODY_LIMITS, publicLimit = PUBLIC_BODY_LIMIT } = {}): RequestHandler {
  return (req, res, next) => {
    const declared = req.get("content-length") === undefined ? null : Number(req.get("content-length"));
    if (declared === 0 || (declared === null && req.get("transfer-encoding") === undefined)) return next();
    const rule = rules.find((candidate) => candidate.path.test(req.path));
    if (!rule || rule.limit <= publicLimit) return void holdBody(req, res, next, publicLimit, declared);

    // A larger limit is for staff only; the body waits (Node stops reading the socket once
    // its small buffer is full) while the session is looked up.
    const paused = withholdBody(req);
    void hasLiveStaffSession(req).then(
      (isStaff) => {
        const limit = isStaff ? rule.limit : publicLimit;
        if (isStaff && rule.answersDeclaredOversize && declared !== null && declared > limit) return next();
        paused.release();
        holdBody(req, res, next, limit, declared);
        // The parser stopped reading the socket while the body was withheld.
        if (!req.complete && !res.headersSent) req.socket.resume();
      },
      (error: unknown) => next(error),
    );
  };
}

/** Stops the body at the parser: nothing reaches `req` until release(). */
function withholdBody(req: Request) {
  const push = req.push.bind(req) as Push;
  const held: [unknown, BufferEncoding | undefined][] = [];
  req.push = ((chunk: unknown, encoding?: BufferEncoding) => {
    held.push([chunk, encoding]);
    return false;
  }) as Push;
  return {
    release() {
      req.push = push;
      for (const [chunk, encoding] of held) push(chunk, encoding);
    },
  };
}

function holdBody(req: Request, res: Response, next: NextFunction, limit: number, declared: number | null) {
  if (declared !== null && declared > limit) return refuse(req, res);
  // What the parser gave `req` before this middleware ran is in its buffer, unread.
  let received = req.readableLength;
  if (received > limit) return refuse(req, res);
  if (req.complete) return next();

  const push = req.push.bind(req) as Push;
  const chunks: [Buffer, BufferEncoding | undefined][] = [];
  req.push = ((chunk: Buffer | null, encoding?: BufferEncoding) => {
    if (chunk === null) {
      // Complete and within the limit: hand it on, whole and in order.
      req.push = push;
      for (const [held, heldEncoding] of chunks) push(held, heldEncoding);
      push(null);
      process.nextTick(next);
      return false;
    }
    received += chunk.length;
    if (received <= limit) {
      chunks.push([chunk, encoding]);
      return true;
    }
    // Returning false makes the parser stop reading the socket; the rest is never read.
    req.push = (() => false) as Push;
    chunks.length = 0;
    refuse(req, res);
    return false;
  }) as Push;
}

async function hasLiveStaffSession(req: Request): Promise<boolean> {
  const request = new Request(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`, {
    headers: { cookie: req.get("cookie") ?? "" },
  });
  const session = await findStaffSession(readStaffToken(request));
  return session !== null && !session.needsSecondFactor;
}

/** 413 with a page in the URL's language; the connection closes after it. */
function refuse(req: Request, res: Response) {
  if (res.headersSent) return void req.socket.destroy();
  // Whatever the parser still has is dropped, and the connection closes as soon as the page
  // is out, before Node would start draining the rest of the body into nowhere.
  req.push = (() => false) as Push;
  res.once("finish", () => req.socket.destroy());
  const language: Language = languageFromPath(req.path) ?? sourceLanguage;
  const strings = getLocaleBundle().resources[language]?.errors as { "too-large"?: { title?: string; body?: string } } | undefined;
  const title = escapeHtml(strings?.["too-large"]?.title ?? "Request too large");
  const body = escapeHtml(strings?.["too-large"]?.body ?? "");
  res
    .status(413)
    .set("Connection", "close")
    .set("Cache-Control", "no-store")
    .type("html")
    .send(
      `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${title}</title></head>` +
        `<body><main><h1>${title}</h1><p>${body}</p></main></body></html>`,
    );
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
