// The pledge form's POST (/:lang/pledge), answered here before the Remix router when it is
// the common case: a valid anonymous pledge to an open target. That is one statement and a
// 303 to the thank-you page. Everything else (errors, email pledges, "I posted it", bots) is
// handed to Remix unchanged, whose action (the same app/pledges/submit-pledge.server.ts)
// answers it and renders the form again.
//
// Why: a pledge link shared widely brings bursts, and matching 50+ Remix routes twice per
// request cost more than writing the pledge (docs/decisions/0011-pledge-fast-path.md).
import { Readable } from "node:stream";

import type { AppLoadContext } from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";

import { isLanguage, sourceLanguage, type Language } from "~/i18n";
import { stopReminders } from "~/pledges/pledge.server";
import { tryAnonymousPledge } from "~/pledges/submit-pledge.server";
import { getLocaleBundle } from "~/utils/locales.server";
import { isOneClickUnsubscribe } from "~/utils/security.server";

/** A pledge form is a few hundred bytes; anything longer is left to Remix as it comes. */
const FAST_PATH_BODY_LIMIT = 16 * 1024;

export type WebRequestHandler = (request: globalThis.Request, context: AppLoadContext) => Promise<globalThis.Response>;

export function pledgeEndpoint(handleWithRemix: WebRequestHandler, loadContext: (res: Response) => AppLoadContext) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const language = req.params.lang;
    const declaredLength = Number(req.get("content-length") ?? 0);
    if (!isLanguage(language) || !req.is("application/x-www-form-urlencoded") || declaredLength > FAST_PATH_BODY_LIMIT) return next();

    let body: BodyHead;
    try {
      body = await readHead(req, FAST_PATH_BODY_LIMIT);
    } catch {
      // The sender went away mid-body (or the stream broke): there is nobody to answer.
      if (!res.headersSent) res.destroy();
      return;
    }
    let location: string | null = null;
    if (body.complete) {
      try {
        location = await tryAnonymousPledge(new URLSearchParams(body.head.toString("utf8")), language);
      } catch {
        // The Remix action will meet the same problem and answer it with its error page.
        location = null;
      }
    }
    if (location) return void res.redirect(303, location);
    try {
      await sendWebResponse(res, await handleWithRemix(toWebRequest(req, body), loadContext(res)));
    } catch (error) {
      next(error);
    }
  };
}

interface BodyHead {
  head: Buffer;
  /** True when `head` is the whole body. */
  complete: boolean;
  /** The rest of the body, unread (the same iterator: a `for await` that stops early would destroy the stream). */
  rest: AsyncIterator<Buffer>;
}

/** Up to about `limit` bytes of the body. */
async function readHead(req: Request, limit: number): Promise<BodyHead> {
  const rest = (req as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  for (;;) {
    const { value, done } = await rest.next();
    if (done) return { head: Buffer.concat(chunks), complete: true, rest };
    chunks.push(value);
    length += value.length;
    if (length > limit) return { head: Buffer.concat(chunks), complete: false, rest };
  }
}

/** The request as Remix would have seen it: same URL, headers and body (what was read first, then the rest). */
function toWebRequest(req: Request, { head, complete, rest }: BodyHead): globalThis.Request {
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get("host") ?? "localhost"}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const body = Readable.from(
    (async function* () {
      yield head;
      if (complete) return;
      for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
    })(),
  );
  return new Request(url, { method: req.method, headers, body: Readable.toWeb(body) as ReadableStream, duplex: "half" } as RequestInit);
}

async function sendWebResponse(res: Response, response: globalThis.Response) {
  res.status(response.status);
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (!response.body) return void res.end();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  res.end();
}

/** A one-click POST is one short field; anything longer is not one. */
const ONE_CLICK_BODY_LIMIT = 2_048;

/**
 * POST /:lang/pledges/unsubscribe/:token, mounted before the same-origin rule: a mail
 * provider's one-click stop of a pledge's reminders (RFC 8058). Only exactly that request
 * (isOneClickUnsubscribe) stops anything; every other POST here is refused as the
 * same-origin rule would refuse it.
 */
export function oneClickUnsubscribe(refuse: (res: Response, language: Language) => void) {
  return async (req: Request, res: Response) => {
    const language = isLanguage(req.params.lang) ? req.params.lang : sourceLanguage;
    let body: BodyHead;
    try {
      body = await readHead(req, ONE_CLICK_BODY_LIMIT);
    } catch {
      if (!res.headersSent) res.destroy();
      return;
    }
    if (!body.complete || !(await isOneClickUnsubscribe(req.method, req.path, req.get("content-type"), body.head))) {
      res.set("Connection", "close");
      return refuse(res, language);
    }
    try {
      const outcome = await stopReminders(req.params.token ?? "");
      const strings = getLocaleBundle().resources[language]?.pledges as { manage?: Record<string, string> } | undefined;
      const key = outcome === "invalid" ? "invalid-title" : outcome === "stopped" ? "stopped-title" : "already-stopped-title";
      res.status(outcome === "invalid" ? 404 : 200).type("text/plain").set("Cache-Control", "no-store").send(strings?.manage?.[key] ?? outcome);
    } catch {
      res.status(500).type("text/plain").send("Error");
    }
  };
}
