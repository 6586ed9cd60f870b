// The background jobs, in one place: the outbox worker sends mail, and before its passes
// (at most once per housekeeping interval) each feature's periodic jobs run: appeals expire,
// reminders and follow-ups are queued, personal data past its retention is erased. Runs
// inside the app process by default, or alone through `npm run worker`.
import {
  expireAppeals,
  markAppealFailed,
  markAppealSent,
  purgeAppealPersonalData,
  queueFollowUps,
  queueReminders,
} from "~/appeals/appeal.server";
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

export type { MailWorker, MailWorkerOptions, RunningMailWorker };

async function runHousekeeping(at: Date, log: (line: string) => void): Promise<void> {
  const expired = await expireAppeals(at);
  const reminders = await queueReminders(at);
  const followUps = await queueFollowUps(at);
  const purged = await purgeAppealPersonalData(at);
  if (expired + reminders + followUps + purged.addresses + purged.texts > 0) {
    log(`expired ${expired}, reminders ${reminders}, follow-ups ${followUps}, addresses erased ${purged.addresses}, texts erased ${purged.texts}`);
  }
  // Pledges: email pledge forms left undecided (a crash right after the answer), reminders
  // due, then the retention purge (docs/decisions/0009-pledges-and-privacy.md).
  await decideEmailPledges();
  const pledgeReminders = await queuePledgeReminders(at);
  const pledgePurge = await purgePledgePersonalData(at);
  if (pledgeReminders + pledgePurge.unconfirmed + pledgePurge.addresses + pledgePurge.hashes + pledgePurge.requests > 0) {
    log(
      `pledge reminders ${pledgeReminders}, unconfirmed pledges deleted ${pledgePurge.unconfirmed}, ` +
        `pledge addresses erased ${pledgePurge.addresses}, hashes erased ${pledgePurge.hashes}, privacy requests deleted ${pledgePurge.requests}`,
    );
  }
}

const jobs: Pick<MailWorkerOptions, "housekeeping" | "outcomeHooks"> = {
  housekeeping: runHousekeeping,
  // An appeal's state follows its email (queued → sent or failed) in the same transaction.
  outcomeHooks: { APPEAL: { sent: markAppealSent, failed: markAppealFailed } },
};

/** One worker with every feature's jobs: what the app, `npm run worker` and the tests run. */
export function createMailWorker(options: MailWorkerOptions = {}): MailWorker {
  return createOutboxWorker({ ...jobs, ...options });
}

/** The same, in a loop until stopped. */
export function startMailWorker(options: MailWorkerOptions = {}): RunningMailWorker {
  return startOutboxWorker({ ...jobs, ...options });
}
