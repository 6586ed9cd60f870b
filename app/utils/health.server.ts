// For load balancers and uptime checks (app/routes/healthz.tsx).
import { getPrisma } from "./database.server";
import { parseEnv } from "./env.server";
import { findLastJobRun, PERIODIC_JOBS } from "./job-runs.server";

/** Whether the database answers a trivial query. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await getPrisma().$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

/** A run older than this many intervals means no instance is running the jobs. */
const LATE_AFTER_INTERVALS = 3;

export interface PeriodicJobsStatus {
  state: "ok" | "late" | "failed" | "never";
  lastRun: Date | null;
}

/** Whether the periodic jobs (retention purges, reminders) ran lately, on any instance. */
export async function periodicJobsStatus(now = new Date()): Promise<PeriodicJobsStatus> {
  const last = await findLastJobRun(PERIODIC_JOBS);
  if (!last) return { state: "never", lastRun: null };
  const intervalMs = parseEnv().JOBS_INTERVAL_SECONDS * 1_000;
  const late = now.getTime() - last.startedAt.getTime() > LATE_AFTER_INTERVALS * intervalMs;
  return { state: last.outcome === "failed" ? "failed" : late ? "late" : "ok", lastRun: last.startedAt };
}

/**
 * One line for operators and keyword monitors: "jobs: ok, last run <time>" (or late, failed),
 * or "jobs: not run yet". Only the time and outcome: how much was erased stays on the staff
 * dashboard, as public counts of erased pledges or letters would tell anyone when people acted.
 */
export async function describePeriodicJobs(now = new Date()): Promise<string> {
  const { state, lastRun } = await periodicJobsStatus(now);
  return lastRun ? `jobs: ${state}, last run ${lastRun.toISOString()}` : "jobs: not run yet";
}
