/*
 * Dashboard benchmark: the dashboard's figures and the actions export on a database with
 * BENCH_ACTIONS actions (default 100,000) spread over a year, 40 campaigns, 200 prisoners,
 * 10,000 appeals and 10,000 pledges, written with generate_series. Prints the median and the
 * worst of several runs of the loader's queries (getDashboardFigures) and of the CSV rows.
 * Embedded PGlite by default; TEST_DATABASE_URL=postgres://… measures PostgreSQL instead.
 * Run: npx tsx scripts/bench-dashboard.ts
 */
import { performance } from "node:perf_hooks";

import { exportActionRows, getDashboardFigures, parseDashboardFilters } from "~/staff/dashboard/dashboard.server";

import { useFreshDatabase } from "./support/scratch-database";

const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const database = await useFreshDatabase();
const prisma = database.prisma;
const started = performance.now();
await prisma.$executeRawUnsafe(`INSERT INTO "Campaign" ("id", "slug", "status", "goal", "updatedAt")
  SELECT 'c' || i, 'campaign-' || i, 'PUBLISHED', 1000, now() FROM generate_series(1, 40) i`);
await prisma.$executeRawUnsafe(`INSERT INTO "CampaignTranslation" ("campaignId", "locale", "title", "summary", "ask")
  SELECT 'c' || i, 'en', 'Campaign ' || i, 's', 'a' FROM generate_series(1, 40) i`);
await prisma.$executeRawUnsafe(`INSERT INTO "Prisoner" ("id", "slug", "status", "lastVerifiedOn", "updatedAt")
  SELECT 'p' || i, 'prisoner-' || i, 'IN_CUSTODY', now(), now() FROM generate_series(1, 200) i`);
await prisma.$executeRawUnsafe(`INSERT INTO "PrisonerName" ("id", "prisonerId", "script", "givenName", "familyName")
  SELECT 'n' || i, 'p' || i, 'LATIN', 'Given', 'Family ' || i FROM generate_series(1, 200) i`);
await prisma.$executeRawUnsafe(`INSERT INTO "Official" ("id", "slug", "country", "language")
  SELECT 'o' || i, 'official-' || i, 'BY', 'ru' FROM generate_series(1, 20) i`);
await prisma.$executeRawUnsafe(`INSERT INTO "Action" ("id", "kind", "campaignId", "prisonerId", "language", "country", "day")
  SELECT 'a' || i,
    (ARRAY['LETTER_WRITTEN','APPEAL_SENT','PLEDGE_MADE','POSTED_SELF_REPORT'])[1 + i % 4]::"ActionKind",
    'c' || (1 + i % 40), 'p' || (1 + i % 200),
    (ARRAY['be','ru','uk','pl','lt','en'])[1 + i % 6],
    CASE WHEN i % 3 = 0 THEN NULL ELSE (ARRAY['PL','LT','DE','BY','UA'])[1 + i % 5] END,
    current_date - (i % 365)
  FROM generate_series(1, ${ACTIONS}) i`);
await prisma.$executeRawUnsafe(`INSERT INTO "Appeal" ("id", "campaignId", "officialId", "language", "linkOrigin", "signatureMode", "senderHash",
    "state", "tokenHash", "expiresAt", "idempotencyKey", "messageId", "followUpAnswer", "createdAt")
  SELECT 'ap' || i, 'c' || (1 + i % 40), 'o' || (1 + i % 20), 'en', 'http://x', 'CAMPAIGN', 'h' || i,
    (ARRAY['SENT','SENT','SENT','FAILED','CONFIRMED','PENDING_CONFIRMATION','EXPIRED'])[1 + i % 7]::"AppealState",
    't' || i, now(), 'i' || i, 'm' || i,
    CASE WHEN i % 5 = 0 THEN 'REPLIED'::"FollowUpAnswer" WHEN i % 5 = 1 THEN 'NO_REPLY'::"FollowUpAnswer" END,
    now() - ((i % 365) || ' days')::interval
  FROM generate_series(1, 10000) i`);
await prisma.$executeRawUnsafe(`INSERT INTO "Pledge" ("id", "kind", "campaignId", "state", "language", "createdAt")
  SELECT 'pl' || i, 'CAMPAIGN_PLEDGE', 'c' || (1 + i % 40), (ARRAY['ACTIVE','FULFILLED','PENDING_CONFIRMATION'])[1 + i % 3]::"PledgeState", 'be',
    now() - ((i % 365) || ' days')::interval
  FROM generate_series(1, 10000) i`);
await prisma.$executeRawUnsafe(`ANALYZE`);
console.log(`Seeded ${ACTIONS.toLocaleString("en")} actions, 10,000 appeals, 10,000 pledges in ${Math.round(performance.now() - started)} ms (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`);

async function measure(name: string, run: () => Promise<unknown>) {
  await run(); // warm-up: plans and caches
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${name}: median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms, worst ${times.at(-1)!.toFixed(1)} ms (${RUNS} runs)`);
}

const { filters: defaults } = await parseDashboardFilters(new URLSearchParams());
const { filters: oneCampaign } = await parseDashboardFilters(new URLSearchParams({ campaign: "c7" }));
const year = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
const { filters: wholeYear } = await parseDashboardFilters(new URLSearchParams({ from: year }));
await measure("dashboard figures, last 26 weeks, all campaigns", () => getDashboardFigures(defaults, "en"));
await measure("dashboard figures, last 26 weeks, one campaign", () => getDashboardFigures(oneCampaign, "en"));
await measure("dashboard figures, a whole year, all campaigns", () => getDashboardFigures(wholeYear, "en"));
await measure("actions.csv rows, last 26 weeks", async () => console.assert((await exportActionRows(defaults)).rows.length > 0));
await database.destroy();
