// How old a status report may be before the site stops treating it as true now. Taken from
// the validated environment once; tests replace it with configureStatusSettings().
import { parseEnv } from "~/utils/env.server";

export interface StatusSettings {
  staleAfterDays: number;
}

const KEY = Symbol.for("listy.statusSettings");
type GlobalWithSettings = typeof globalThis & { [KEY]?: StatusSettings };

function fromEnv(): StatusSettings {
  return { staleAfterDays: parseEnv().STATUS_STALE_AFTER_DAYS };
}

export function statusStaleAfterDays(): number {
  const global = globalThis as GlobalWithSettings;
  global[KEY] ??= fromEnv();
  return global[KEY].staleAfterDays;
}

/** Replaces the settings (tests); returns the previous ones so a test can restore them. */
export function configureStatusSettings(settings: Partial<StatusSettings>): StatusSettings {
  const global = globalThis as GlobalWithSettings;
  const previous = global[KEY] ?? fromEnv();
  global[KEY] = { ...previous, ...settings };
  return previous;
}

/** The oldest report date still fresh today: reports on or after it may be stated. */
export function freshReportCutoff(now: Date = new Date()): Date {
  const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  cutoff.setUTCDate(cutoff.getUTCDate() - statusStaleAfterDays());
  return cutoff;
}
