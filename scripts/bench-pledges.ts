/*
 * Pledge submission benchmark (part of `npm run bench`): the production server on the
 * embedded database (PGlite, in a temporary directory), anonymous pledges POSTed to the real
 * form endpoint /:lang/pledge (same-origin check, form validation, then the target lookup, the
 * pledge, its Action and its counter in one statement; docs/decisions/0011), 32 connections
 * for BENCH_SECONDS.
 * Beside it, /ping in the same run, for a ratio that is comparable across machines.
 * Afterwards the server is stopped and the database opened here: every acknowledged pledge
 * (303) must be a row ("none lost"), and the counters must equal the rows.
 * Target: ≥ 500 pledges per second with none lost.
 * Run: npm run build && npx tsx scripts/bench-pledges.ts
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import autocannon from "autocannon";

import { issueFormTicket } from "~/pledges/form-ticket.server";
import { openDatabase } from "~/utils/database.server";

import { requireProductionBuild, startListy, waitFor } from "./support/bench-server";

const CONNECTIONS = 32;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const PORT = Number(process.env.BENCH_PLEDGE_PORT ?? 4311);
const origin = `http://127.0.0.1:${PORT}`;
const TARGET_PER_SECOND = 500;
// Known to the bench, so that it can issue the form tickets the server accepts.
const SECRET = randomBytes(32).toString("hex");

requireProductionBuild();

const startServer = (dataDir: string): ChildProcess => startListy(PORT, dataDir, { MAIL_WORKER: "off", DATABASE_URL: "", SESSION_SECRET: SECRET });

const formHeaders = { "content-type": "application/x-www-form-urlencoded", origin };

/** A prisoner the demo data lets one pledge for (in custody), found through the public pages. */
async function findPledgeablePrisoner(): Promise<string> {
  const html = await (await fetch(`${origin}/en/prisoners`)).text();
  const slugs = [...new Set([...html.matchAll(/href="\/en\/prisoners\/([a-z0-9-]+)"/g)].map((match) => match[1]!))];
  for (const slug of slugs) {
    const response = await fetch(`${origin}/en/pledge`, {
      method: "POST",
      headers: formHeaders,
      body: new URLSearchParams({ pledge: "WRITE_MONTHLY", prisoner: slug, ticket: issueFormTicket(new Date(), SECRET) }).toString(),
      redirect: "manual",
    });
    if (response.status === 303) return slug;
  }
  throw new Error("no prisoner in the demo data accepts a pledge");
}

interface Load {
  perSecond: number;
  acknowledged: number;
  other: number;
  errors: number;
  p99: number;
}

async function load(url: string, options: { method?: "GET" | "POST"; body?: () => string; headers?: Record<string, string>; duration: number }): Promise<Load> {
  const makeBody = options.body;
  // Each POST carries its own form ticket, as each visitor's page would.
  const requests = makeBody ? [{ setupRequest: (request: Record<string, unknown>) => ({ ...request, body: makeBody() }) }] : undefined;
  const result = await autocannon({ url, connections: CONNECTIONS, duration: options.duration, method: options.method ?? "GET", headers: options.headers, requests } as autocannon.Options);
  const statuses = result as unknown as Record<"1xx" | "2xx" | "3xx" | "4xx" | "5xx", number>;
  const acknowledged = options.method === "POST" ? statuses["3xx"] : statuses["2xx"];
  return {
    perSecond: acknowledged / options.duration,
    acknowledged,
    other: statuses["1xx"] + statuses["4xx"] + statuses["5xx"] + (options.method === "POST" ? statuses["2xx"] : statuses["3xx"]),
    errors: result.errors + result.timeouts,
    p99: result.latency.p99,
  };
}

const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "listy-bench-pledges-")), "pg");
let server: ChildProcess | undefined = startServer(dataDir);
try {
  await waitFor(`${origin}/ping`);
  const slug = await findPledgeablePrisoner();
  let acknowledged = 1; // the probe above
  const body = () => new URLSearchParams({ pledge: "WRITE_MONTHLY", prisoner: slug, country: "PL", email: "", ticket: issueFormTicket(new Date(), SECRET) }).toString();

  // Warm-up (JIT, caches), counted like the rest.
  const warm = await load(`${origin}/en/pledge`, { method: "POST", body, headers: formHeaders, duration: 1 });
  acknowledged += warm.acknowledged;
  const ping = await load(`${origin}/ping`, { duration: DURATION_S });
  const pledges = await load(`${origin}/en/pledge`, { method: "POST", body, headers: formHeaders, duration: DURATION_S });
  acknowledged += pledges.acknowledged;

  // Stop the server cleanly, then count what the database holds.
  const stopped = new Promise((resolve) => server!.once("exit", resolve));
  server.kill("SIGTERM");
  await stopped;
  server = undefined;
  const database = await openDatabase({ kind: "pglite", dataDir });
  const [rows] = await database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Pledge"`);
  const [counted] = await database.sql.query<{ n: number }>(`SELECT coalesce(sum("count"), 0)::int AS n FROM "PledgeCounter"`);
  const [actions] = await database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Action" WHERE kind = 'PLEDGE_MADE'`);
  await database.close();

  const lost = Math.max(0, acknowledged - (rows?.n ?? 0));
  console.log(
    `pledges (anonymous, POST /en/pledge, validation + target lookup + pledge/Action/counter in one statement, ${CONNECTIONS} connections, ${DURATION_S} s): ` +
      `${pledges.perSecond.toFixed(0)}/s acknowledged (303), p99 ${pledges.p99} ms, other answers ${pledges.other}, errors ${pledges.errors} (target ≥ ${TARGET_PER_SECOND}/s)`,
  );
  console.log(`/ping in the same run: ${ping.perSecond.toFixed(0)}/s, p99 ${ping.p99} ms; pledges = ${((pledges.perSecond / ping.perSecond) * 100).toFixed(1)}% of /ping`);
  console.log(
    `acknowledged ${acknowledged}, rows ${rows?.n}, lost ${lost}; counters ${counted?.n} ${counted?.n === rows?.n ? "=" : "≠"} rows; PLEDGE_MADE actions ${actions?.n}`,
  );
  const ok = lost === 0 && counted?.n === rows?.n && pledges.perSecond >= TARGET_PER_SECOND;
  console.log(ok ? "pledge benchmark: target met" : "pledge benchmark: TARGET NOT MET");
  process.exitCode = lost === 0 && counted?.n === rows?.n ? 0 : 1;
} finally {
  if (server) server.kill("SIGKILL");
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
}
