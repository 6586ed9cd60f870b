// npm run bench — load test of the production build on this machine, in one run:
// requests/s and p99 latency at 32 connections for the profile page, the directory and a
// search, beside two references measured in the same run (a minimal route of the same
// server, and a plain Node server returning the profile's HTML bytes). Prints ratios,
// which are comparable across runs and machines; absolute figures are not.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

import autocannon from "autocannon";

import { startListy, waitFor } from "./support/bench-server";

const CONNECTIONS = 32;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const APP_PORT = 4301;
const STATIC_PORT = 4302;
const app = `http://127.0.0.1:${APP_PORT}`;

// A cookie the page cache does not accept: measures the full render path.
const UNCACHED = { cookie: "bench=uncached" };

interface Result {
  name: string;
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

async function load(name: string, url: string, headers: Record<string, string> = {}): Promise<Result> {
  // A short warm-up so that JIT and caches are in their steady state.
  await autocannon({ url, connections: CONNECTIONS, duration: 1, headers });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const startApp = (dataDir: string): ChildProcess => startListy(APP_PORT, dataDir);

/** The static-bytes reference runs in its own process, like the app. */
function startStaticServer(html: Buffer): Promise<ChildProcess> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "listy-bench-")), "profile.html");
  writeFileSync(file, html);
  const source = `
    const { createServer } = require("node:http");
    const body = require("node:fs").readFileSync(${JSON.stringify(file)});
    createServer((req, res) => { res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length }); res.end(body); })
      .listen(${STATIC_PORT}, "127.0.0.1");`;
  const child = spawn(process.execPath, ["-e", source], { stdio: "inherit" });
  return waitFor(`http://127.0.0.1:${STATIC_PORT}/`).then(() => child);
}

async function pageWeight(pathname: string) {
  const html = await (await fetch(`${app}${pathname}`, { headers: UNCACHED })).text();
  const scripts = new Set<string>();
  for (const match of html.matchAll(/(?:src|href)="(\/build\/[^"]+\.js)"/g)) scripts.add(match[1]!);
  for (const match of html.matchAll(/import\("(\/build\/[^"]+\.js)"\)|from"(\/build\/[^"]+\.js)"|"(\/build\/[^"]+\.js)"/g)) {
    const found = match[1] ?? match[2] ?? match[3];
    if (found) scripts.add(found);
  }
  let jsGzip = 0;
  for (const script of scripts) jsGzip += gzipSync(Buffer.from(await (await fetch(`${app}${script}`)).arrayBuffer())).length;
  return { html: Buffer.from(html), htmlGzip: gzipSync(html).length, jsGzip, scripts: scripts.size };
}

async function main() {
  if (!existsSync(path.resolve("build", "index.js"))) throw new Error("Run `npm run build` first (npm run bench does).");
  const dataDir = mkdtempSync(path.join(tmpdir(), "listy-bench-pg-"));
  const children: ChildProcess[] = [];
  // Stop the servers and wait for them, so the app closes its database before the folder goes.
  const stopAll = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      ),
    );
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    children.push(startApp(dataDir));
    await waitFor(`${app}/healthz`);
    const profilePath = "/be/prisoners/maryia-kalesnikava";
    const weight = await pageWeight(profilePath);
    children.push(await startStaticServer(weight.html));

    const results: Result[] = [];
    results.push(await load("static bytes (plain Node)", `http://127.0.0.1:${STATIC_PORT}/`));
    results.push(await load("minimal route (/ping)", `${app}/ping`));
    results.push(await load("profile, rendered", `${app}${profilePath}`, UNCACHED));
    results.push(await load("profile, cached", `${app}${profilePath}`));
    results.push(await load("directory, rendered", `${app}/be/prisoners`, UNCACHED));
    results.push(await load("search 'Kolesnikova', rendered", `${app}/be/prisoners?q=Kolesnikova`, UNCACHED));

    const byName = (name: string) => results.find((result) => result.name.startsWith(name))!;
    const ratio = (a: Result, b: Result) => a.requestsPerSecond / b.requestsPerSecond;
    const minimal = byName("minimal");
    const staticBytes = byName("static");

    console.log(`\nListy benchmark: ${CONNECTIONS} connections, ${DURATION_S} s per target, ${new Date().toISOString()}\n`);
    console.log("target".padEnd(34) + "req/s".padStart(9) + "p99 ms".padStart(9) + "errors".padStart(8) + "non-2xx".padStart(9));
    for (const result of results) {
      console.log(
        result.name.padEnd(34) +
          String(result.requestsPerSecond).padStart(9) +
          String(result.p99Ms).padStart(9) +
          String(result.errors).padStart(8) +
          String(result.non2xx).padStart(9),
      );
    }
    const checks = [
      ["profile as served (cached) / minimal", ratio(byName("profile, cached"), minimal), 0.5],
      ["profile rendered / minimal route", ratio(byName("profile, rendered"), minimal), 0.5],
      ["directory rendered / minimal route", ratio(byName("directory"), minimal), null],
      ["search rendered / minimal route", ratio(byName("search"), minimal), null],
      ["profile cached / static bytes", ratio(byName("profile, cached"), staticBytes), 0.1],
    ] as const;
    console.log("\nratios (measured in this run)");
    for (const [label, value, target] of checks) {
      const verdict = target === null ? "" : value >= target ? `  ✓ target ≥ ${target * 100}%` : `  ✗ target ≥ ${target * 100}%`;
      console.log(`  ${label.padEnd(38)} ${(value * 100).toFixed(1).padStart(6)}%${verdict}`);
    }
    for (const name of ["profile, cached", "profile, rendered"]) {
      const p99 = byName(name).p99Ms;
      console.log(`  ${`${name} p99`.padEnd(38)} ${String(p99).padStart(5)} ms${p99 <= 50 ? "  ✓ target ≤ 50 ms" : "  ✗ target ≤ 50 ms"}`);
    }
    console.log("\npage weight");
    console.log(`  profile HTML, gzipped     ${(weight.htmlGzip / 1024).toFixed(1)} KB ${weight.htmlGzip <= 30 * 1024 ? "✓" : "✗"} (target ≤ 30 KB)`);
    console.log(`  JavaScript, gzipped       ${(weight.jsGzip / 1024).toFixed(1)} KB in ${weight.scripts} files ${weight.jsGzip <= 120 * 1024 ? "✓" : "✗"} (target ≤ 120 KB)`);

    mkdirSync(".cache", { recursive: true });
    writeFileSync(".cache/bench-latest.json", JSON.stringify({ date: new Date().toISOString(), results, weight: { htmlGzip: weight.htmlGzip, jsGzip: weight.jsGzip } }, null, 2));
  } finally {
    await stopAll();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
