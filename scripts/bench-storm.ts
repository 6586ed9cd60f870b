/*
 * Pledge storm benchmark (part of `npm run bench`; issue 15): the production server on the
 * embedded database, in one run and side by side, all reads with the Accept-Encoding browsers
 * send:
 *  (a) a profile read by 32 connections alone, then the same while anonymous pledges for that
 *      very person arrive at 50/s (so its counters keep changing). Ratio target ≥ 0.8, and no
 *      pledge lost: afterwards the server is stopped and every acknowledged pledge must be a row.
 *  (b) the cached profile with `Accept-Encoding: gzip, br` against the same page asked for
 *      without compression. Ratio target ≥ 0.9.
 * On a shared machine the load of neighbours drifts within seconds, so each pair is measured
 * in alternating rounds of ROUND_S seconds (A B A B …) and summed: both sides see the same drift.
 * Run: npm run build && npx tsx scripts/bench-storm.ts
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import autocannon from "autocannon";

import { issueFormTicket } from "~/pledges/form-ticket.server";
import { openDatabase } from "~/utils/database.server";

import { requireProductionBuild, startListy, waitFor } from "./support/bench-server";

const CONNECTIONS = 32;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const PORT = Number(process.env.BENCH_STORM_PORT ?? 4341);
const PLEDGES_PER_SECOND = 50;
const ROUND_S = 2;
const ROUNDS = Math.max(1, Math.round(DURATION_S / ROUND_S));
const origin = `http://127.0.0.1:${PORT}`;
const SECRET = randomBytes(32).toString("hex");
const BROWSER = { "accept-encoding": "gzip, deflate, br" };

requireProductionBuild();

const startServer = (dataDir: string): ChildProcess => startListy(PORT, dataDir, { MAIL_WORKER: "off", DATABASE_URL: "", SESSION_SECRET: SECRET });

const formHeaders = { "content-type": "application/x-www-form-urlencoded", origin };
const pledgeBody = (slug: string) =>
  new URLSearchParams({ pledge: "WRITE_MONTHLY", prisoner: slug, country: "PL", email: "", ticket: issueFormTicket(new Date(), SECRET) }).toString();

async function findPledgeablePrisoner(): Promise<string> {
  const html = await (await fetch(`${origin}/en/prisoners`)).text();
  const slugs = [...new Set([...html.matchAll(/href="\/en\/prisoners\/([a-z0-9-]+)"/g)].map((match) => match[1]!))];
  for (const slug of slugs) {
    const response = await fetch(`${origin}/en/pledge`, { method: "POST", headers: formHeaders, body: pledgeBody(slug), redirect: "manual" });
    if (response.status === 303) return slug;
  }
  throw new Error("no prisoner in the demo data accepts a pledge");
}

interface Reads {
  perSecond: number;
  p99: number;
  bad: number;
  requests: number;
  /** The server's CPU time (user + system) during the round, in ms; NaN where /proc is missing. */
  serverCpuMs: number;
}

/** The server process's CPU time so far (Linux /proc; clock ticks of 10 ms). */
function serverCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/${server?.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

async function reads(url: string, headers: Record<string, string>, duration = ROUND_S): Promise<Reads> {
  const cpuBefore = serverCpuMs();
  const result = await autocannon({ url, connections: CONNECTIONS, duration, headers });
  return {
    perSecond: result.requests.total / duration,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors + result.timeouts,
    requests: result.requests.total,
    serverCpuMs: serverCpuMs() - cpuBefore,
  };
}

/** Rounds of one side, added up: requests per second over all of them, the worst round's p99. */
function total(rounds: Reads[]): Reads {
  const sum = (pick: (round: Reads) => number) => rounds.reduce((total, round) => total + pick(round), 0);
  return {
    perSecond: sum((round) => round.perSecond) / rounds.length,
    p99: Math.max(...rounds.map((round) => round.p99)),
    bad: sum((round) => round.bad),
    requests: sum((round) => round.requests),
    serverCpuMs: sum((round) => round.serverCpuMs),
  };
}

interface Pledges {
  acknowledged: number;
  other: number;
  errors: number;
  p99: number;
}

async function pledgeStorm(slug: string, duration: number): Promise<Pledges> {
  const result = await autocannon({
    url: `${origin}/en/pledge`,
    method: "POST",
    connections: 4,
    overallRate: PLEDGES_PER_SECOND,
    duration,
    headers: formHeaders,
    requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, body: pledgeBody(slug) }) }],
  });
  const statuses = result as unknown as Record<"1xx" | "2xx" | "3xx" | "4xx" | "5xx", number>;
  return {
    acknowledged: statuses["3xx"],
    other: statuses["1xx"] + statuses["2xx"] + statuses["4xx"] + statuses["5xx"],
    errors: result.errors + result.timeouts,
    p99: result.latency.p99,
  };
}

const cpuPerRequest = (value: Reads) => ((value.serverCpuMs / value.requests) * 1000).toFixed(0);
const line = (label: string, value: Reads) =>
  `  ${label.padEnd(56)} ${value.perSecond.toFixed(0).padStart(6)}/s  p99 ${String(value.p99).padStart(4)} ms  server CPU ${cpuPerRequest(value).padStart(4)} µs/request` +
  (value.bad ? `  (${value.bad} bad)` : "");
const verdict = (value: number, target: number) => `${(value * 100).toFixed(1).padStart(6)}%  ${value >= target ? "✓" : "✗"} target ≥ ${target * 100}%`;

const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "listy-bench-storm-")), "pg");
let server: ChildProcess | undefined = startServer(dataDir);
try {
  await waitFor(`${origin}/ping`);
  const slug = await findPledgeablePrisoner();
  const profile = `${origin}/en/prisoners/${slug}`;
  let acknowledged = 1; // the probe above

  // Warm-up: JIT, the page cache, a short storm.
  await reads(profile, BROWSER, 1);
  acknowledged += (await pledgeStorm(slug, 1)).acknowledged;

  const rounds = { alone: [] as Reads[], during: [] as Reads[], gzipBr: [] as Reads[], identity: [] as Reads[] };
  const storm: Pledges = { acknowledged: 0, other: 0, errors: 0, p99: 0 };
  // The compression pair first: the tail of a storm (group commits, the counters' refresh)
  // must not fall on one side of it only.
  for (let round = 0; round < ROUNDS; round++) {
    rounds.gzipBr.push(await reads(profile, { "accept-encoding": "gzip, br" }));
    rounds.identity.push(await reads(profile, {}));
  }
  for (let round = 0; round < ROUNDS; round++) {
    rounds.alone.push(await reads(profile, BROWSER));
    const [during, pledges] = await Promise.all([reads(profile, BROWSER), pledgeStorm(slug, ROUND_S)]);
    rounds.during.push(during);
    storm.acknowledged += pledges.acknowledged;
    storm.other += pledges.other;
    storm.errors += pledges.errors;
    storm.p99 = Math.max(storm.p99, pledges.p99);
    // Let the storm's tail pass before the next round alone.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  acknowledged += storm.acknowledged;
  const [alone, during, gzipBr, identity] = [total(rounds.alone), total(rounds.during), total(rounds.gzipBr), total(rounds.identity)];

  const stopped = new Promise((resolve) => server!.once("exit", resolve));
  server.kill("SIGTERM");
  await stopped;
  server = undefined;
  const database = await openDatabase({ kind: "pglite", dataDir });
  const [rows] = await database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Pledge"`);
  await database.close();
  const lost = Math.max(0, acknowledged - (rows?.n ?? 0));

  const stormRatio = during.perSecond / alone.perSecond;
  const compressedRatio = gzipBr.perSecond / identity.perSecond;
  console.log(
    `\nPledge storm and compressed cache hits: ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${ROUND_S} s per target, ${new Date().toISOString()}`,
  );
  console.log(line("profile alone (Accept-Encoding: gzip, deflate, br)", alone));
  console.log(line(`profile during ${PLEDGES_PER_SECOND} anonymous pledges/s (same header)`, during));
  console.log(
    `  ${"pledges during the storm".padEnd(56)} ${(storm.acknowledged / (ROUNDS * ROUND_S)).toFixed(0).padStart(6)}/s  p99 ${String(storm.p99).padStart(4)} ms` +
      `  other answers ${storm.other}, errors ${storm.errors}`,
  );
  console.log(line("cached profile, Accept-Encoding: gzip, br", gzipBr));
  console.log(line("cached profile, no compression", identity));
  console.log(`  ${"reads during storm / reads alone".padEnd(56)} ${verdict(stormRatio, 0.8)}`);
  console.log(`  ${"cached gzip, br / cached uncompressed".padEnd(56)} ${verdict(compressedRatio, 0.9)}`);
  console.log(`  pledges acknowledged ${acknowledged}, rows ${rows?.n}, lost ${lost} ${lost === 0 ? "✓" : "✗"} target 0`);
  process.exitCode = lost === 0 ? 0 : 1;
} finally {
  if (server) server.kill("SIGKILL");
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
}
