// Bookkeeping of the periodic jobs (app/jobs.server.ts): one JobRun row per job and tick.
// Inserting that row is the claim: the unique (job, tick) index lets exactly one instance
// win, on PostgreSQL and PGlite alike, so several app instances on one database run each
// tick once. The rows hold counts only; old ones are pruned by the runs themselves.
import { randomUUID } from "node:crypto";

import type { Prisma } from "@prisma/client";

import { getPrisma } from "./database.server";

export type JobCounts = Record<string, number>;

/** The name of the periodic jobs' rows (app/jobs.server.ts; read by /healthz and the dashboard). */
export const PERIODIC_JOBS = "periodic";

/**
 * The advisory lock a run of the periodic jobs holds from its claim to its end (arbitrary,
 * constant across releases, beside the migrations' 72_201_905). The (job, tick) row makes
 * each tick run once; the lock keeps runs from overlapping when one outlasts its tick (a
 * large purge, a slow database) and the next tick starts on another instance.
 */
export const PERIODIC_JOBS_LOCK_ID = 72_201_906;

export interface JobRunSummary {
  tick: Date;
  startedAt: Date;
  finishedAt: Date | null;
  outcome: "ok" | "failed" | null;
  counts: JobCounts;
}

/** The start of the interval `at` falls in; every instance computes the same one. */
export function tickOf(at: Date, intervalMs: number): Date {
  return new Date(Math.floor(at.getTime() / intervalMs) * intervalMs);
}

/** Claims the tick for this instance; returns the run's id, or null when another instance has it. */
export async function claimJobTick(job: string, tick: Date, instance: string, at: Date): Promise<string | null> {
  const id = randomUUID();
  const { count } = await getPrisma().jobRun.createMany({
    data: [{ id, job, tick, instance, startedAt: at }],
    skipDuplicates: true,
  });
  return count === 1 ? id : null;
}

export async function finishJobRun(id: string, at: Date, result: { counts: JobCounts } | { error: string }): Promise<void> {
  await getPrisma().jobRun.update({
    where: { id },
    data:
      "counts" in result
        ? { finishedAt: at, outcome: "ok", counts: result.counts as Prisma.InputJsonObject }
        : { finishedAt: at, outcome: "failed", error: result.error.slice(0, 500) },
  });
}

/** Drops run rows older than `before` (they say nothing an operator still needs). */
export async function pruneJobRuns(job: string, before: Date): Promise<number> {
  const { count } = await getPrisma().jobRun.deleteMany({ where: { job, startedAt: { lt: before } } });
  return count;
}

/** The most recent finished run of `job`, or null if none finished yet. */
export async function findLastJobRun(job: string): Promise<JobRunSummary | null> {
  const row = await getPrisma().jobRun.findFirst({
    where: { job, finishedAt: { not: null } },
    orderBy: { startedAt: "desc" },
    select: { tick: true, startedAt: true, finishedAt: true, outcome: true, counts: true },
  });
  if (!row) return null;
  return { ...row, outcome: row.outcome === "ok" || row.outcome === "failed" ? row.outcome : null, counts: asCounts(row.counts) };
}

/** What the runs of `job` since `since` did, added up (for the staff dashboard). */
export async function sumJobCounts(job: string, since: Date): Promise<JobCounts> {
  const rows = await getPrisma().jobRun.findMany({ where: { job, startedAt: { gte: since }, outcome: "ok" }, select: { counts: true } });
  const total: JobCounts = {};
  for (const row of rows) {
    for (const [name, value] of Object.entries(asCounts(row.counts))) total[name] = (total[name] ?? 0) + value;
  }
  return total;
}

function asCounts(value: Prisma.JsonValue | null): JobCounts {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === "number"));
}
