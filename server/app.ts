// The HTTP layer around the Remix build: security headers on every response, the
// same-origin rule for every state change, cached locale files and static assets.
// Kept apart from index.ts so tests can mount it on a free port with their own database.
import path from "node:path";

import { createRequestHandler } from "@remix-run/express";
import { createRequestHandler as createWebRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type RequestHandler, type Response } from "express";

import { EMBED_PATH, embedFrameAncestors } from "~/campaigns/embed.server";
import { PRISONER_EMBED_PATH, prisonerEmbedFrameAncestors } from "~/pledges/prisoner-embed.server";
import { isLanguage, namespaces, sourceLanguage, type Language } from "~/i18n";
import { catchUpWithWrites } from "~/utils/content-revision.server";
import type { Env } from "~/utils/env.server";
import { languageCookie, languageFromPath } from "~/utils/i18next.server";
import { findLocaleBundle, getLocaleBundle } from "~/utils/locales.server";
import { errorForLog, pathForLog } from "~/utils/log.server";
import {
  allowedOriginsFor,
  baseSecurityHeaders,
  checkSameOrigin,
  contentSecurityPolicy,
  createNonce,
} from "~/utils/security.server";

import { bodyLimit } from "./body-limit";
import { oneClickUnsubscribe, pledgeEndpoint } from "./pledge-endpoint";

export interface AppOptions {
  build: ServerBuild | (() => Promise<ServerBuild>);
  env: Env;
  /** Folder with favicon, robots.txt and the compiled assets under build/. */
  publicDir?: string;
  /** Serves repeat anonymous page views from memory; see page-cache.ts. */
  pageCache?: { middleware: RequestHandler };
  /**
   * Where links in emails and pages point when PUBLIC_URL is unset: the address this server
   * listens on (default http://localhost:PORT). Never taken from a request header.
   */
  localOrigin?: string;
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    /** PUBLIC_URL from the validated environment, when set. */
    publicUrl: string | undefined;
    /** The origin for absolute links: PUBLIC_URL, else the server's own address (see publicOrigin). */
    linkOrigin: string;
    /** Runs work once the answer has been sent (or the client went away), off the response path. */
    afterResponse?: (work: () => void) => void;
  }
}

/** What bundleOf (app/utils/locales.server.ts) names a strings version: 12 hex digits. */
const LOCALE_VERSION = /^[0-9a-f]{12}$/;
const YEAR_SECONDS = 60 * 60 * 24 * 365;
const FORM_TYPE = /^\s*(?:application\/x-www-form-urlencoded|multipart\/form-data)\s*(?:;|$)/i;

export function createApp({ build: givenBuild, env, publicDir = path.resolve("public"), pageCache, localOrigin }: AppOptions) {
  const build = typeof givenBuild === "function" ? async () => withCachesCaughtUp(await givenBuild()) : withCachesCaughtUp(givenBuild);
  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy, `trust proxy` would be needed for req.protocol; Listy never
  // reads client IP addresses, so nothing else depends on it.
  const isHttps = env.PUBLIC_URL?.startsWith("https://") ?? false;
  const staticHeaders = baseSecurityHeaders({ hsts: env.NODE_ENV === "production" && isHttps });

  app.use((req, res, next) => {
    const nonce = createNonce();
    res.locals.cspNonce = nonce;
    res.set(staticHeaders);
    res.set("Content-Security-Policy", contentSecurityPolicy(nonce, { upgradeInsecureRequests: isHttps }));
    next();
  });

  // A Host header that is not a host name cannot form a URL: refuse it before anything
  // (Remix included) tries to build one.
  app.use((req, res, next) => {
    try {
      new URL(`${req.protocol}://${req.get("host") ?? "localhost"}/`);
      if (req.get("x-forwarded-host")) new URL(`http://${req.get("x-forwarded-host")}/`);
      next();
    } catch {
      res.status(400).type("text/plain").send("Bad Request");
    }
  });

  // A campaign's embed may be framed by the partner sites the campaign lists, and by nobody
  // else; search engines leave it out and it sets no cookie (app/campaigns/embed.server.ts).
  // The policy is read per response, before the page cache, which keeps only the body.
  app.use((req, res, next) => {
    const slug = EMBED_PATH.exec(req.path)?.[2];
    if (!slug || !languageFromPath(req.path)) return next();
    res.locals.embed = true;
    res.set("X-Robots-Tag", "noindex");
    void embedFrameAncestors(slug).then((origins) => {
      if (origins.length > 0) res.removeHeader("X-Frame-Options");
      res.set("Content-Security-Policy", contentSecurityPolicy(String(res.locals.cspNonce), { upgradeInsecureRequests: isHttps, frameAncestors: origins }));
      next();
    }, next);
  });
  // A prisoner's write / pledge box: the same, framed only by the site-wide PRISONER_EMBED_ORIGINS
  // (prisoners list no partners of their own; app/pledges/prisoner-embed.server.ts).
  app.use((req, res, next) => {
    const slug = PRISONER_EMBED_PATH.exec(req.path)?.[2];
    if (!slug || !languageFromPath(req.path)) return next();
    res.locals.embed = true;
    res.set("X-Robots-Tag", "noindex");
    void prisonerEmbedFrameAncestors(slug, env.PRISONER_EMBED_ORIGINS).then((origins) => {
      if (origins.length > 0) res.removeHeader("X-Frame-Options");
      res.set("Content-Security-Policy", contentSecurityPolicy(String(res.locals.cspNonce), { upgradeInsecureRequests: isHttps, frameAncestors: origins }));
      next();
    }, next);
  });

  // RFC 8058: a mail provider's one-click stop of pledge reminders, the one POST allowed from
  // another origin (exactly that path and body: isOneClickUnsubscribe in security.server.ts).
  app.post("/:lang/pledges/unsubscribe/:token", oneClickUnsubscribe((res, language) => sendErrorPage(res, 403, "forbidden", language)));

  app.use((req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    const allowedOrigins = allowedOriginsFor(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`, env.PUBLIC_URL);
    const verdict = checkSameOrigin(req.method, (name) => req.get(name), allowedOrigins);
    if (verdict.ok) return next();
    // The values the sender supplied are not logged: they are theirs to choose.
    if (env.LOG_LEVEL !== "error") console.warn(`refused a cross-origin ${req.method} ${pathForLog(req.path)}`);
    sendErrorPage(res, 403, "forbidden", languageFromPath(req.path) ?? sourceLanguage);
  });

  // Every form Listy serves posts urlencoded or multipart. Another body type would only make an
  // action fail with a server error (and a log line per request): refuse it here, in one line.
  app.use((req, res, next) => {
    if (req.method !== "POST") return next();
    const type = req.get("content-type");
    const hasBody = req.get("transfer-encoding") !== undefined || Number(req.get("content-length") ?? 0) > 0;
    if (type === undefined ? !hasBody : FORM_TYPE.test(type)) return next();
    if (env.LOG_LEVEL !== "error") console.warn(`refused a POST body that is not a form: ${pathForLog(req.path)}`);
    sendErrorPage(res, 415, "bad-request", languageFromPath(req.path) ?? sourceLanguage);
  });

  // Before anything reads a body: see body-limit.ts.
  app.use(bodyLimit());

  // Pages from the page cache arrive already gzipped, or as identity on purpose: not again.
  app.use(compression({ filter: (req, res) => !res.locals.precompressed && compression.filter(req, res) }));

  // Interface strings for the browser, addressed by the version the page named: cache for a
  // year. A version this instance has not read yet (a page from another instance, just after a
  // save) first catches up with the database; one it never learns is answered uncached.
  // Only a well-formed version is worth a database read, and requests waiting for one share it:
  // made-up versions cannot turn bundle requests into a query each.
  let stringsCatchUp: Promise<void> | undefined;
  const catchUpOnce = () => (stringsCatchUp ??= catchUpWithWrites().finally(() => (stringsCatchUp = undefined)));
  app.get("/locales/:lng/:ns.json", (req, res, next) => {
    const { lng, ns } = req.params;
    if (!isLanguage(lng) || !(namespaces as readonly string[]).includes(ns)) return void res.status(404).type("text/plain").send("Not Found");
    const version = typeof req.query.v === "string" ? req.query.v : "";
    const known = findLocaleBundle(version);
    void (known || !LOCALE_VERSION.test(version) ? Promise.resolve(known) : catchUpOnce().then(() => findLocaleBundle(version))).then((bundle) => {
      const resources = (bundle ?? getLocaleBundle()).resources[lng]?.[ns];
      if (!resources) return void res.status(404).type("text/plain").send("Not Found");
      res.set("Cache-Control", bundle ? `public, max-age=${YEAR_SECONDS}, immutable` : "no-cache");
      res.json(resources);
    }, next);
  });

  // Remember the language of the last page read, so that "/" can send people back to it.
  app.use((req, res, next) => {
    // Pages only: feeds and files (e.g. /be/birthdays.ics) must stay cacheable by shared caches.
    // Nor the embed: on a partner's site it would be a cookie of Listy's in a stranger's page.
    const language = req.method === "GET" && !res.locals.embed && !/\.[a-z0-9]+$/i.test(req.path) ? languageFromPath(req.path) : null;
    if (!language) return next();
    void rememberLanguage(req, res, language, isHttps).then(() => next(), next);
  });

  const mode = env.NODE_ENV === "production" ? "production" : "development";
  const linkOrigin = new URL(env.PUBLIC_URL ?? localOrigin ?? `http://localhost:${env.PORT}`).origin;
  const loadContext = (res: Response): AppLoadContext => ({
    cspNonce: String(res.locals.cspNonce),
    publicUrl: env.PUBLIC_URL,
    linkOrigin,
    afterResponse: (work) => void res.once("close", work),
  });
  // The pledge form's common case, without the Remix router; the rest goes on to Remix.
  // A pledge changes only counters, which caches take in once a second by design: it skips
  // the catch-up every other action waits for.
  app.post("/:lang/pledge", pledgeEndpoint(createWebRequestHandler(givenBuild, mode), loadContext));

  app.use(
    "/build",
    express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y", fallthrough: false, index: false }),
  );
  app.use(express.static(publicDir, { maxAge: "1h", index: false }));

  if (pageCache) app.use(pageCache.middleware);

  // Listy's pages fetch data the single-fetch way (…/page.data); `?_data=` is Remix's old
  // protocol, used only by probes. Answered here, before Remix logs a warning for each.
  app.use((req, res, next) => {
    if (!("_data" in req.query)) return next();
    res.status(404).type("text/plain").send("Not Found");
  });

  app.all(
    "*",
    createRequestHandler({ build, mode, getLoadContext: (_req, res) => loadContext(res) }),
  );

  // Last resort: never a stack trace to the visitor, never request details in the log.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = typeof (error as { status?: unknown }).status === "number" ? (error as { status: number }).status : 500;
    if (status >= 500) console.error(`error on ${req.method} ${pathForLog(req.path)}: ${errorForLog(error)}`);
    if (res.headersSent) return;
    res.status(status === 404 ? 404 : status >= 500 ? 500 : status).type("text/plain").send(status === 404 ? "Not Found" : "Error");
  });

  return app;
}

/**
 * The build with every route action followed by catchUpWithWrites: the answer to a form (often
 * a redirect to the page it changed) leaves only once this process's caches know of the change.
 */
function withCachesCaughtUp(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const action = route.module.action;
    routes[id] = action
      ? {
          ...route,
          module: {
            ...route.module,
            action: async (args) => {
              try {
                return await action(args);
              } finally {
                await catchUpWithWrites();
              }
            },
          },
        }
      : route;
  }
  return { ...build, routes };
}

async function rememberLanguage(req: Request, res: Response, language: Language, secure: boolean) {
  const current: unknown = await languageCookie.parse(req.get("cookie") ?? null).catch(() => null);
  if (current === language) return;
  res.append("Set-Cookie", await languageCookie.serialize(language, { secure }));
}

/** A minimal translated page (errors:forbidden, errors:bad-request) for what is refused before Remix. */
function sendErrorPage(res: Response, status: number, kind: "forbidden" | "bad-request", language: Language) {
  const strings = getLocaleBundle().resources[language]?.errors as Record<string, { title?: string; body?: string } | undefined> | undefined;
  const title = escapeHtml(strings?.[kind]?.title ?? (kind === "forbidden" ? "Forbidden" : "Bad Request"));
  const body = escapeHtml(strings?.[kind]?.body ?? "");
  res
    .status(status)
    .type("html")
    .send(
      `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${title}</title></head>` +
        `<body><main><h1>${title}</h1><p>${body}</p></main></body></html>`,
    );
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
