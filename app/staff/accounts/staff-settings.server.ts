// Back-office settings: timeouts and limits (fixed, documented in docs/operators.md) and the
// keys derived from SESSION_SECRET. Like the mail settings, the instance lives on globalThis
// because the Remix build and the scripts are separate module graphs.
import { hkdfSync } from "node:crypto";

import { parseEnv } from "~/utils/env.server";

const MINUTE_MS = 60_000;

export interface StaffSettings {
  /** A session ends this long after sign-in, whatever the activity. */
  absoluteTimeoutMs: number;
  /** …or after this long without a request. */
  idleTimeoutMs: number;
  /** How long an emailed sign-in code works. */
  codeTtlMs: number;
  /** Wrong guesses allowed per code; the code is dead after that. */
  codeMaxAttempts: number;
  /**
   * Codes sent to one address per hour for browsers it has not signed in with before (later
   * requests get the same answer, but no email). Anyone can spend this budget.
   */
  codesPerAddressPerHour: number;
  /** Codes sent per hour to a browser the member signed in with before: only they can spend it. */
  codesPerTrustedBrowserPerHour: number;
  /** Codes sent to everybody together per hour for such unknown browsers: a brake that needs no IP address. */
  codesPerHour: number;
  /** How long a browser stays trusted after a sign-in with an emailed code. */
  trustedBrowserTtlMs: number;
  /** Second-factor codes (TOTP or recovery) checked per session; the last one, if wrong, revokes it. */
  secondFactorMaxAttempts: number;
  invitationTtlMs: number;
  /** The SESSION_SECRET (or the embedded-mode fallback) the keys are derived from. */
  secret: string;
}

// Without SESSION_SECRET (embedded mode) the TOTP secrets are only obfuscated; operators are
// told to set it (docs/operators.md), and it is required in production with PostgreSQL.
const FALLBACK_SECRET = "listy-embedded-mode-no-session-secret";

export function staffSettingsFromEnv(env = parseEnv()): StaffSettings {
  return {
    absoluteTimeoutMs: 12 * 60 * MINUTE_MS,
    idleTimeoutMs: 30 * MINUTE_MS,
    codeTtlMs: 10 * MINUTE_MS,
    codeMaxAttempts: 5,
    codesPerAddressPerHour: 5,
    codesPerTrustedBrowserPerHour: 5,
    codesPerHour: 200,
    trustedBrowserTtlMs: 90 * 24 * 60 * MINUTE_MS,
    secondFactorMaxAttempts: 5,
    invitationTtlMs: 7 * 24 * 60 * MINUTE_MS,
    secret: env.SESSION_SECRET ?? FALLBACK_SECRET,
  };
}

const KEY = Symbol.for("listy.staffSettings");
type GlobalWithSettings = typeof globalThis & { [KEY]?: StaffSettings };

export function getStaffSettings(): StaffSettings {
  const global = globalThis as GlobalWithSettings;
  global[KEY] ??= staffSettingsFromEnv();
  return global[KEY];
}

/** Replaces parts of the settings (tests). */
export function configureStaff(settings: Partial<StaffSettings>): StaffSettings {
  const global = globalThis as GlobalWithSettings;
  global[KEY] = { ...(global[KEY] ?? staffSettingsFromEnv()), ...settings };
  return global[KEY];
}

/** A 32-byte key for one purpose, derived from the secret (HKDF-SHA-256). */
export function derivedKey(purpose: "totp-secret" | "sign-in-code" | "recovery-code" | "trusted-browser", secret = getStaffSettings().secret): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "listy-staff", purpose, 32));
}
