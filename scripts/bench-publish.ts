/*
 * Reviewed publishing in batches: 1,000 imported drafts (BENCH_DRAFTS) published by a second
 * moderator through the "Review drafts" page, a page of 100 at a time (load the page, post
 * every row ticked), as a reviewer does it. Prints the server time of the publishing posts
 * (and of the page loads) and public /ping p99 measured side by side: alone, then while the
 * publish runs. Embedded PGlite, the production build served by server/index.ts.
 * Run: npx tsx scripts/bench-publish.ts   (part of npm run bench)
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import autocannon from "autocannon";

import { createStaffSession } from "~/staff/accounts/session.server";
import { migrateDatabase, openDatabase } from "~/utils/database.server";

import { requireProductionBuild, startListy, waitFor } from "./support/bench-server";

const DRAFTS = Number(process.env.BENCH_DRAFTS ?? 1_000);
const PORT = Number(process.env.BENCH_PUBLISH_PORT ?? 4351);
const app = `http://127.0.0.1:${PORT}`;
const CONNECTIONS = 8;

async function main() {
  requireProductionBuild();
  const dataDir = mkdtempSync(path.join(tmpdir(), "listy-bench-publish-"));
  let child: ChildProcess | null = null;
  try {
    const database = await openDatabase({ kind: "pglite", dataDir });
    await migrateDatabase(database);
    const prisma = database.prisma;
    const importer = await prisma.staffMember.create({ data: { email: "importer@team.example.org", displayName: "importer", roles: ["campaigner"] } });
    const moderator = await prisma.staffMember.create({ data: { email: "moderator@team.example.org", displayName: "moderator", roles: ["moderator"] } });
    const now = new Date();
    const cookie = `listy_staff=${await createStaffSession(prisma, moderator.id, { now, secondFactorAt: now })}`;
    const imported = await prisma.prisonerImport.create({ data: { staffId: importer.id, fileName: "bench.csv", sha256: "0", encoding: "utf-8", state: "APPLIED", totalRows: DRAFTS, processedRows: DRAFTS, report: {} } });
    // What an applied import leaves: drafts, each with its APPLIED change by the importer.
    await prisma.$executeRawUnsafe(`INSERT INTO "Prisoner" ("id", "slug", "status", "lastVerifiedOn", "draft", "updatedAt")
      SELECT 'd' || i, 'imported-' || i, 'IN_CUSTODY', now(), true, now() FROM generate_series(1, ${DRAFTS}) i`);
    await prisma.$executeRawUnsafe(`INSERT INTO "PrisonerName" ("id", "prisonerId", "script", "givenName", "patronymic", "familyName")
      SELECT 'n' || i, 'd' || i, 'RU_CYRILLIC', 'Иван', 'Петрович', 'Импортов' || i FROM generate_series(1, ${DRAFTS}) i`);
    await prisma.$executeRawUnsafe(`INSERT INTO "PrisonerChange" ("id", "prisonerId", "origin", "state", "baseVersion", "before", "after", "authorId", "importId", "createdAt")
      SELECT 'c' || i, 'd' || i, 'IMPORT', 'APPLIED', 1, '{}', '{}', '${importer.id}', '${imported.id}', now() FROM generate_series(1, ${DRAFTS}) i`);
    await database.close();

    child = startListy(PORT, dataDir);
    await waitFor(`${app}/healthz`, 180_000);
    const headers = { Cookie: cookie, Origin: app };
    const pagePath = (page: number) => `/en/staff/prisoners/review?import=${imported.id}&page=${page}`;
    await fetch(`${app}${pagePath(1)}`, { headers }); // warm the route

    const alone = await autocannon({ url: `${app}/ping`, connections: CONNECTIONS, duration: 3 });

    let pageMs = 0;
    let publishMs = 0;
    let published = 0;
    // Runs until stopped; the callback form gives the instance to stop.
    let instance: autocannon.Instance | null = null;
    const during = new Promise<autocannon.Result>((resolve, reject) => {
      instance = autocannon({ url: `${app}/ping`, connections: CONNECTIONS, duration: 600 }, (error, result) => (error ? reject(error) : resolve(result)));
    });
    const publishing = (async () => {
      // Always the first page: what was published leaves the list.
      for (;;) {
        let started = performance.now();
        const html = await (await fetch(`${app}${pagePath(1)}`, { headers })).text();
        pageMs += performance.now() - started;
        const ids = [...html.matchAll(/<input[^>]*name="pick"[^>]*>/g)].map((match) => /value="([^"]+)"/.exec(match[0])![1]!);
        if (ids.length === 0) break;
        const body = new URLSearchParams({ intent: "publish" });
        for (const match of html.matchAll(/<input type="hidden" name="(version\.[^"]+)" value="(\d+)"/g)) body.append(match[1]!, match[2]!);
        for (const id of ids) body.append("pick", id);
        started = performance.now();
        const answer = await fetch(`${app}${pagePath(1)}`, { method: "POST", headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" }, body: body.toString() });
        publishMs += performance.now() - started;
        const text = await answer.text();
        const count = Number(/(\d+) profiles? published/.exec(text)?.[1] ?? 0);
        if (answer.status !== 200 || count === 0) throw new Error(`publish answered ${answer.status}: ${text.slice(0, 300)}`);
        published += count;
      }
    })();
    await publishing;
    (instance as { stop(): void } | null)?.stop();
    const pinged = await during;

    const stillDrafts = await (await fetch(`${app}/en/prisoners/imported-1`)).status;
    console.log(`Reviewed publishing, ${DRAFTS} imported drafts, pages of 100, one post per page (PGlite):`);
    console.log(`  published ${published}; first profile now answers ${stillDrafts}`);
    console.log(`  server time: publishing posts ${(publishMs / 1000).toFixed(2)} s (${Math.round(published / (publishMs / 1000))} profiles/s), review page loads ${(pageMs / 1000).toFixed(2)} s`);
    console.log(`  /ping p99 alone ${alone.latency.p99} ms (${Math.round(alone.requests.average)} req/s); during the publish ${pinged.latency.p99} ms (${Math.round(pinged.requests.average)} req/s), non-2xx ${pinged.non2xx}`);
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child!.once("exit", () => resolve()));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
