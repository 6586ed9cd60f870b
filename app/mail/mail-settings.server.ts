// Mail and appeal settings, taken from the validated environment once. The Remix build and
// the server entry are separate module graphs, so the instance lives on globalThis; tests
// replace parts of it with configureMail().
import path from "node:path";

import { parseEnv, type Env } from "~/utils/env.server";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type MailTransportSetting =
  | { kind: "smtp"; url: string }
  /** Embedded or development mode without SMTP_URL: each message becomes an .eml file. */
  | { kind: "files"; dir: string }
  /** Production on PostgreSQL without SMTP_URL: nothing can be sent; the worker stays off. */
  | { kind: "none" };

export interface MailSettings {
  transport: MailTransportSetting;
  from: string;
  /** Domain part of Message-IDs. */
  messageIdDomain: string;
  /** Key for the address hashes (caps, suppression); SESSION_SECRET when set. */
  hashKey: string;
  workerEnabled: boolean;
  /** /dev/mail: only when DEV_MAILBOX=on, which parseEnv allows only in development. */
  devMailbox: boolean;
  pollMs: number;
  leaseMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  timeoutMs: number;
  batchSize: number;
  maxPerHour: number;
  caps: { perSenderPerDay: number; perCampaignPerDay: number; perHour: number };
  confirmationTtlMs: number;
  reminderAfterMs: number;
  giveUpAfterMs: number;
  followUpAfterMs: number;
  /** How long the follow-up link works once asked. */
  followUpWindowMs: number;
  /** Subject, body and signer's name are erased this long after the appeal's final state. */
  textRetentionMs: number;
  /** Word-shingle similarity at which an appeal counts as a near-duplicate. */
  duplicateThreshold: number;
  duplicateWindowMs: number;
}

export function mailSettingsFromEnv(env: Env): MailSettings {
  const from = env.MAIL_FROM ?? `listy@${env.PUBLIC_URL ? new URL(env.PUBLIC_URL).hostname : "localhost"}`;
  const transport: MailTransportSetting = env.SMTP_URL
    ? { kind: "smtp", url: env.SMTP_URL }
    : !env.DATABASE_URL || env.NODE_ENV !== "production"
      ? { kind: "files", dir: path.resolve(env.MAIL_DIR) }
      : { kind: "none" };
  return {
    transport,
    from,
    messageIdDomain: from.slice(from.lastIndexOf("@") + 1),
    hashKey: env.SESSION_SECRET ?? "listy-address-hash-v1",
    workerEnabled: env.MAIL_WORKER === "on",
    devMailbox: env.DEV_MAILBOX === "on" && env.NODE_ENV === "development",
    pollMs: env.MAIL_WORKER_POLL_MS,
    leaseMs: env.MAIL_LEASE_SECONDS * 1_000,
    retryBaseMs: env.MAIL_RETRY_BASE_SECONDS * 1_000,
    retryMaxMs: HOUR_MS,
    timeoutMs: env.MAIL_TIMEOUT_SECONDS * 1_000,
    batchSize: 10,
    maxPerHour: env.MAIL_MAX_PER_HOUR,
    caps: {
      perSenderPerDay: env.APPEAL_MAX_PER_SENDER_PER_DAY,
      perCampaignPerDay: env.APPEAL_MAX_PER_CAMPAIGN_PER_DAY,
      perHour: env.APPEAL_MAX_PER_HOUR,
    },
    confirmationTtlMs: 7 * DAY_MS,
    reminderAfterMs: 3 * DAY_MS,
    giveUpAfterMs: 7 * DAY_MS,
    followUpAfterMs: 14 * DAY_MS,
    followUpWindowMs: 14 * DAY_MS,
    textRetentionMs: 28 * DAY_MS,
    duplicateThreshold: 0.9,
    duplicateWindowMs: 28 * DAY_MS,
  };
}

const KEY = Symbol.for("listy.mailSettings");
type GlobalWithSettings = typeof globalThis & { [KEY]?: MailSettings };

export function getMailSettings(): MailSettings {
  const global = globalThis as GlobalWithSettings;
  global[KEY] ??= mailSettingsFromEnv(parseEnv());
  return global[KEY];
}

/** Replaces the settings (server start-up, tests). Partial values are merged over the current ones. */
export function configureMail(settings: Partial<MailSettings> | MailSettings): MailSettings {
  const global = globalThis as GlobalWithSettings;
  const base = global[KEY] ?? mailSettingsFromEnv(parseEnv());
  global[KEY] = { ...base, ...settings, caps: { ...base.caps, ...settings.caps } };
  return global[KEY];
}
