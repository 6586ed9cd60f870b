// The outbox as tests drive it: mail settings pointing at the in-process SMTP server, and
// running the real worker until nothing is left to send.
import type { PrismaClient } from "@prisma/client";

import { createMailWorker, runPeriodicJobs, type MailWorker, type MailWorkerOptions } from "~/jobs.server";
import { configureMail, type MailSettings } from "~/mail/mail-settings.server";

import type { TestSmtpServer } from "./smtp";

/** Sends through `smtp` with short retries; `overrides` for what a test is about (caps). */
export function configureTestMail(smtp: TestSmtpServer, overrides: Partial<MailSettings> = {}): MailSettings {
  return configureMail({
    transport: { kind: "smtp", url: smtp.url },
    from: "listy@listy.example.org",
    messageIdDomain: "listy.example.org",
    retryBaseMs: 10,
    timeoutMs: 5_000,
    maxPerHour: 100_000,
    ...overrides,
  });
}

/**
 * Runs the worker until no message is queued or being sent. `betweenPasses` runs when a pass
 * sent nothing but messages still wait (e.g. to move a test clock past a retry time).
 */
export async function drainOutbox(
  worker: MailWorker,
  prisma: PrismaClient,
  { maxPasses = 100, betweenPasses }: { maxPasses?: number; betweenPasses?: () => void } = {},
): Promise<void> {
  for (let pass = 0; pass < maxPasses; pass++) {
    if ((await worker.runOnce()) > 0) continue;
    if ((await prisma.outboxMessage.count({ where: { state: { in: ["QUEUED", "SENDING"] } } })) === 0) return;
    betweenPasses?.();
  }
  throw new Error("the outbox did not empty");
}

/**
 * A mail worker whose passes first run the periodic jobs (reminders, expiry, purges) as of its
 * clock, at most once per `jobsEveryMs` (0: every pass), as the app's scheduler would on a
 * real clock. For tests that follow a flow through its reminders and purges.
 */
export function createMailWorkerWithJobs({ jobsEveryMs = 0, ...options }: MailWorkerOptions & { jobsEveryMs?: number }): MailWorker {
  const worker = createMailWorker(options);
  const now = options.now ?? (() => new Date());
  let lastJobs = -Infinity;
  return {
    id: worker.id,
    async runOnce() {
      const at = now();
      if (at.getTime() - lastJobs >= jobsEveryMs) {
        lastJobs = at.getTime();
        await runPeriodicJobs(at);
      }
      return worker.runOnce();
    },
    stop: () => worker.stop(),
    close: () => worker.close(),
  };
}
