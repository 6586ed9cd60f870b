// Pledge and privacy settings, taken from the validated environment once (as the mail
// settings are). Tests replace parts with configurePledges().
import { parseEnv, type Env } from "~/utils/env.server";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface PledgeSettings {
  /** An unconfirmed pledge and its address are deleted this long after it was made. */
  unconfirmedMs: number;
  /** The keyed hash of the address is kept this long after the pledge ended. */
  endedRetentionMs: number;
  /** Privacy requests (hash and token hash) are deleted this long after they were made. */
  privacyRequestMs: number;
  maxPerEmailPerDay: number;
  maxConfirmationsPerHour: number;
  privacyMaxPerEmailPerDay: number;
  /** A confirmation is re-sent for a duplicate pledge at most this often. */
  resendConfirmationMs: number;
  /** Time between monthly letter reminders. */
  monthlyIntervalMs: number;
  /** Birthday reminders go this many days before the birthday (Minsk date). */
  birthdayLeadDays: number;
}

export function pledgeSettingsFromEnv(env: Env): PledgeSettings {
  return {
    unconfirmedMs: env.PLEDGE_UNCONFIRMED_DAYS * DAY_MS,
    endedRetentionMs: env.PLEDGE_EMAIL_RETENTION_DAYS * DAY_MS,
    privacyRequestMs: env.PRIVACY_REQUEST_RETENTION_DAYS * DAY_MS,
    maxPerEmailPerDay: env.PLEDGE_MAX_PER_EMAIL_PER_DAY,
    maxConfirmationsPerHour: env.PLEDGE_MAX_CONFIRMATIONS_PER_HOUR,
    privacyMaxPerEmailPerDay: env.PRIVACY_MAX_PER_EMAIL_PER_DAY,
    resendConfirmationMs: DAY_MS,
    monthlyIntervalMs: 30 * DAY_MS,
    birthdayLeadDays: 7,
  };
}

const KEY = Symbol.for("listy.pledgeSettings");
type GlobalWithSettings = typeof globalThis & { [KEY]?: PledgeSettings };

export function getPledgeSettings(): PledgeSettings {
  const global = globalThis as GlobalWithSettings;
  global[KEY] ??= pledgeSettingsFromEnv(parseEnv());
  return global[KEY];
}

/** Replaces the settings (tests). Partial values are merged over the current ones. */
export function configurePledges(settings: Partial<PledgeSettings>): PledgeSettings {
  const global = globalThis as GlobalWithSettings;
  global[KEY] = { ...(global[KEY] ?? pledgeSettingsFromEnv(parseEnv())), ...settings };
  return global[KEY];
}
