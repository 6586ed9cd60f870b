// The background jobs, in two separate parts:
// - the periodic jobs (appeals expire, reminders and follow-ups are queued, personal data past
//   its retention is erased) run on a schedule in every app process, whether or not mail can
//   be sent; a run holds an advisory lock and claims its tick in the JobRun table first, so
//   several instances on one database run each tick once and never two runs at a time.
//   Queued mail simply waits for a sender.
// - the outbox worker only sends mail; it runs inside the app (MAIL_WORKER=on) or alone
//   through `npm run worker`.
import { hostname } from "node:os";

import {
  expireAppeals,
  markAppealFailed,
  markAppealSent,
  purgeAppealPersonalData,
  queueFollowUps,
  queueReminders,
} from "~/appeals/appeal.server";
import { purgeOldArrivalCounts } from "~/arrivals/arrival.server";
import { purgeExpiredLetters } from "~/letters/letter.server";
import {
  createMailWorker as createOutboxWorker,
  startMailWorker as startOutboxWorker,
  type MailWorker,
  type MailWorkerOptions,
  type RunningMailWorker,
} from "~/mail/outbox-worker.server";
import { decideEmailPledges } from "~/pledges/email-pledge.server";
import { queuePledgeReminders } from "~/pledges/reminders.server";
import { purgePledgePersonalData } from "~/privacy/privacy.server";
import { queueReviewNotices } from "~/staff/dashboard/review-queue.server";
import { getCurrentDatabase } from "~/utils/database.server";
import { claimJobTick, finishJobRun, PERIODIC_JOBS, PERIODIC_JOBS_LOCK_ID, pruneJobRuns, tickOf, type JobCounts } from "~/utils/job-runs.server";

export type { MailWorker, MailWorkerOptions, RunningMailWorker };

const KEEP_RUNS_MS = 7 * 86_400_000;

/** Every feature's periodic jobs, once, as of `at`; what each did, by name. */
export async function runPeriodicJobs(at: Date): Promise<JobCounts> {
  const appealsExpired = await expireAppeals(at);
  const appealReminders = await queueReminders(at);
  const appealFollowUps = await queueFollowUps(at);
  const appeals = await purgeAppealPersonalData(at);
  // Pledges: email pledge forms left undecided (a crash right after the answer), reminders
  // due, then the retention purge (docs/decisions/0009-pledges-and-privacy.md).
  const emailPledgesDecided = await decideEmailPledges();
  const pledgeReminders = await queuePledgeReminders(at);
  const pledges = await purgePledgePersonalData(at);
  const letterTextsErased = await purgeExpiredLetters(at);
  const arrivalCountsDeleted = await purgeOldArrivalCounts(at);
  // Moderators: a neutral "N items wait for review", at most once a period each.
  const reviewNotices = await queueReviewNotices(at);
  return {
    appealsExpired,
    appealReminders,
    appealFollowUps,
    appealAddressesErased: appeals.addresses,
    appealTextsErased: appeals.texts,
    emailPledgesDecided,
    pledgeReminders,
    unconfirmedPledgesDeleted: pledges.unconfirmed,
    pledgeAddressesErased: pledges.addresses,
    pledgeHashesErased: pledges.hashes,
    privacyRequestsDeleted: pledges.requests,
    letterTextsErased,
    arrivalCountsDeleted,
    reviewNotices,
  };
}

export interface JobScheduler {
  readonly instance: string;
  /**
   * Runs the current tick's jobs unless some instance already has, or is still running an
   * earlier tick's; returns the counts, or null when skipped.
   */
  runDue(): Promise<JobCounts | null>;
}

export interface JobSchedulerOptions {
  intervalMs: number;
  instance?: string;
  /** The clock, replaceable in tests. */
  now?: () => Date;
  log?: (line: string) => void;
}

export function createJobScheduler({ intervalMs, instance = `${hostname()}:${process.pid}`, now = () => new Date(), log = defaultLog }: JobSchedulerOptions): JobScheduler {
  return {
    instance,
    async runDue() {
      // Busy: another run is still going; this tick is left unclaimed (jobs catch up next time).
      const locked = await getCurrentDatabase().sql.tryWithLock(PERIODIC_JOBS_LOCK_ID, () => runTick(now()));
      return locked?.value ?? null;
    },
  };

  async function runTick(at: Date): Promise<JobCounts | null> {
    const runId = await claimJobTick(PERIODIC_JOBS, tickOf(at, intervalMs), instance, at);
    if (!runId) return null;
    try {
      const counts = await runPeriodicJobs(at);
      await finishJobRun(runId, now(), { counts });
      await pruneJobRuns(PERIODIC_JOBS, new Date(at.getTime() - KEEP_RUNS_MS));
      const done = Object.entries(counts).filter(([, count]) => count > 0);
      if (done.length > 0) log(done.map(([name, count]) => `${name} ${count}`).join(", "));
      return counts;
    } catch (error) {
      // The message names tables or rows at most, never addresses; the next tick tries again.
      const message = error instanceof Error ? error.message : String(error);
      await finishJobRun(runId, now(), { error: message }).catch(() => undefined);
      throw error;
    }
  }
}

export interface RunningJobScheduler {
  stop(): Promise<void>;
}

/** Runs the periodic jobs at start and then at each tick until stopped; errors are logged and retried next tick. */
export function startJobScheduler(options: JobSchedulerOptions): RunningJobScheduler {
  const scheduler = createJobScheduler(options);
  const log = options.log ?? defaultLog;
  const now = options.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  const tick = () => {
    running = scheduler.runDue().catch((error: unknown) => log(`run failed (${(error instanceof Error ? error.message : String(error)).slice(0, 300)}); trying again next time`));
    void running.then(schedule);
  };
  const schedule = () => {
    if (stopped) return;
    // Just after the next tick starts, so instances whose clocks agree compete for the same row.
    const wait = options.intervalMs - (now().getTime() % options.intervalMs) + 50;
    timer = setTimeout(tick, wait);
    timer.unref();
  };
  tick();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

function defaultLog(line: string) {
  console.info(`jobs: ${line}`);
}

// An appeal's state follows its email (queued → sent or failed) in the same transaction.
const outcomeHooks: MailWorkerOptions["outcomeHooks"] = { APPEAL: { sent: markAppealSent, failed: markAppealFailed } };

/** The outbox worker with every feature's outcome hooks: it sends, nothing else. */
export function createMailWorker(options: MailWorkerOptions = {}): MailWorker {
  return createOutboxWorker({ outcomeHooks, ...options });
}

/** The same, in a loop until stopped. */
export function startMailWorker(options: MailWorkerOptions = {}): RunningMailWorker {
  return startOutboxWorker({ outcomeHooks, ...options });
}
