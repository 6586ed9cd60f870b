// The outbox worker: claims due rows (FOR UPDATE SKIP LOCKED), sends them one by one,
// and records the outcome. Temporary failures (4xx, network, timeouts) are retried with
// exponential backoff and jitter; 5xx is final; after 7 days it gives up. Several may run
// at once. It only sends: the periodic jobs (reminders, purges) have their own scheduler in
// app/jobs.server.ts, which also hands in what a feature records when its message is sent or fails.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

import type { OutboxKind, OutboxMessage, Prisma } from "@prisma/client";

import { getPrisma } from "~/utils/database.server";

import { getMailSettings, type MailSettings } from "./mail-settings.server";
import {
  claimDueMessagesWithinCap,
  renewClaim,
  markMessageFailed,
  markMessageSent,
  retryDelayMs,
  scheduleRetry,
  suppressAddressHash,
} from "./outbox.server";
import { createMailTransport, MailDeliveryError, redactAddresses, type MailTransport } from "./transport.server";

/** What a feature records in the same transaction as its message's outcome. */
export interface OutcomeHook {
  sent(tx: Prisma.TransactionClient, message: OutboxMessage, at: Date): Promise<void>;
  failed(tx: Prisma.TransactionClient, message: OutboxMessage, at: Date): Promise<void>;
}

export interface MailWorkerOptions {
  settings?: MailSettings;
  /** Defaults to one built from the settings. */
  transport?: MailTransport;
  id?: string;
  /** The clock, replaceable in tests. */
  now?: () => Date;
  log?: (line: string) => void;
  /** Per kind of message, what else changes when it is sent or fails for good. */
  outcomeHooks?: Partial<Record<OutboxKind, OutcomeHook>>;
}

export interface MailWorker {
  readonly id: string;
  /** One pass: claim and send one batch. Returns how many were claimed. */
  runOnce(): Promise<number>;
  /** Asks the current pass to hand back its unsent rows after the message in hand. */
  stop(): void;
  /** Closes the SMTP connection; call after the last pass has finished. */
  close(): void;
}

export function createMailWorker(options: MailWorkerOptions = {}): MailWorker {
  const settings = options.settings ?? getMailSettings();
  const transport = options.transport ?? createMailTransport(settings.transport, { timeoutMs: settings.timeoutMs });
  if (!transport) throw new Error("No way to send mail: set SMTP_URL (see docs/operators.md)");
  const id = options.id ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.info(`mail worker: ${line}`));

  async function deliver(message: OutboxMessage) {
    const at = now();
    // The lease covers one message, not the whole batch: renew it as this one starts, and
    // skip it if another worker took it over while earlier ones in the batch were slow.
    if (!(await renewClaim(message, at))) {
      log(`${message.kind} ${message.messageId} was taken over by another worker; skipped`);
      return;
    }
    if (!message.to || message.subject === null || message.text === null || message.html === null) {
      // Erased by a purge or a cancellation while queued: nothing left to send.
      await getPrisma().$transaction((tx) => markMessageFailed(tx, message, "content erased before sending"));
      return;
    }
    try {
      await transport!.send({
        from: settings.from,
        to: message.to,
        replyTo: message.replyTo,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        listUnsubscribe: message.unsubscribe,
      });
    } catch (caught) {
      const error =
        caught instanceof MailDeliveryError ? caught : new MailDeliveryError(redactAddresses(String(caught)), false, false, null);
      const failedAt = now();
      const tooOld = failedAt.getTime() - message.createdAt.getTime() >= settings.giveUpAfterMs;
      if (error.permanent || tooOld) {
        await getPrisma().$transaction(async (tx) => {
          await markMessageFailed(tx, message, error.message);
          if (error.recipientRejected) await suppressAddressHash(tx, message.toHash, `bounce ${error.responseCode ?? ""}`.trim());
          await options.outcomeHooks?.[message.kind]?.failed(tx, message, failedAt);
        });
        log(`${message.kind} ${message.messageId} failed for good (${error.message})`);
      } else {
        const delay = retryDelayMs(message.attempts, settings.retryBaseMs, settings.retryMaxMs);
        await scheduleRetry(message, error.message, new Date(failedAt.getTime() + delay));
      }
      return;
    }
    await getPrisma().$transaction(async (tx) => {
      await markMessageSent(tx, message, at);
      await options.outcomeHooks?.[message.kind]?.sent(tx, message, at);
    });
  }

  async function runOnce(): Promise<number> {
    // The global brake: never more than maxPerHour emails of any kind, however many workers.
    const batch = await claimDueMessagesWithinCap(id, { now: now(), limit: settings.batchSize, leaseMs: settings.leaseMs, maxPerHour: settings.maxPerHour });
    for (const message of batch) {
      if (stopping) {
        // Hand the rest back at once rather than waiting for the lease to run out.
        await scheduleRetry(message, "worker stopped", message.nextAttemptAt);
        continue;
      }
      await deliver(message);
    }
    return batch.length;
  }

  let stopping = false;
  return {
    id,
    runOnce,
    stop() {
      stopping = true;
    },
    close() {
      transport.close();
    },
  };
}

export interface RunningMailWorker {
  readonly id: string;
  stop(): Promise<void>;
}

/** Runs the worker in a loop until stopped. Errors (the database away, say) are logged and retried. */
export function startMailWorker(options: MailWorkerOptions = {}): RunningMailWorker {
  const settings = options.settings ?? getMailSettings();
  const worker = createMailWorker({ ...options, settings });
  const log = options.log ?? ((line: string) => console.info(`mail worker: ${line}`));
  let running = true;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    let failures = 0;
    while (running) {
      try {
        const claimed = await worker.runOnce();
        failures = 0;
        if (claimed === 0 && running) await sleep(settings.pollMs);
      } catch (error) {
        failures++;
        log(`pass failed (${redactAddresses((error as Error).message ?? String(error)).slice(0, 300)}); retrying`);
        if (running) await sleep(Math.min(60_000, settings.pollMs * 2 ** Math.min(failures, 6)));
      }
    }
  })();

  return {
    id: worker.id,
    async stop() {
      running = false;
      worker.stop();
      wake?.();
      await loop;
      worker.close();
    },
  };
}
