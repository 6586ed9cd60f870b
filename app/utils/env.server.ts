// Configuration comes only from environment variables, checked once at start-up, so a
// typo fails loudly with a readable message instead of half-working in production.
import { randomBytes } from "node:crypto";
import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

import { z } from "zod";

import { isPostgresUrl, type DatabaseTarget } from "./database.server";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

function isHttpUrl(value: string) {
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

const envSchema = z
  .object({
    // Unset means production: forgetting it must never switch on development helpers.
    NODE_ENV: z.enum(["production", "development", "test"]).default("production"),
    // Only this machine (a reverse proxy beside it) unless the operator opens it wider.
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    PUBLIC_URL: z
      .string()
      .refine(isHttpUrl, "must be the http(s) address people use to reach Listy, e.g. https://listy.example.org")
      .optional(),
    DATABASE_URL: z
      .string()
      .refine(isPostgresUrl, "must be a postgres:// or postgresql:// URL; leave it unset for the embedded database")
      .optional(),
    PGLITE_DATA_DIR: z.string().min(1).default(path.join("data", "pg")),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters (use `openssl rand -hex 32`)").optional(),
    SMTP_URL: z
      .string()
      .refine((value) => /^smtps?:\/\//.test(value), "must be an smtp:// or smtps:// URL")
      .optional(),
    MAIL_FROM: z.string().email().optional(),
    /** Where .eml files go when there is no SMTP_URL (embedded or development mode). */
    MAIL_DIR: z.string().min(1).default(path.join("data", "mail")),
    /** "off" when the outbox worker runs as its own process (`npm run worker`). */
    MAIL_WORKER: z.enum(["on", "off"]).default("on"),
    /** How often the worker looks for due mail, and how long a claimed row stays claimed. */
    MAIL_WORKER_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(2_000),
    MAIL_LEASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
    /** First retry delay after a temporary failure; doubles each attempt, with jitter, up to an hour. */
    MAIL_RETRY_BASE_SECONDS: z.coerce.number().min(0.01).max(86_400).default(60),
    /** Seconds before an SMTP connection, greeting or silent socket counts as a temporary failure. */
    MAIL_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(30),
    /** Every email of every kind, per hour: a last brake if something goes wrong. */
    MAIL_MAX_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(600),
    /** Appeals (and so confirmation emails) per sender address per day. */
    APPEAL_MAX_PER_SENDER_PER_DAY: z.coerce.number().int().min(1).max(10_000).default(5),
    /** Appeals per campaign per day. */
    APPEAL_MAX_PER_CAMPAIGN_PER_DAY: z.coerce.number().int().min(1).max(1_000_000).default(2_000),
    /** Appeals submitted per hour across all campaigns. */
    APPEAL_MAX_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(300),
    /** Days a posted or handed-over letter's text is kept before the purge job erases it. */
    LETTER_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(30),
    /**
     * Where a supporter can look up a prison's postal address when Listy does not know it,
     * linked from the letter builder: by default the human-rights defenders' public list.
     */
    LETTER_ADDRESS_LOOKUP_URL: z
      .string()
      .refine(isHttpUrl, "must be an http(s) address where supporters can look up a prison's postal address")
      .default("https://prisoners.spring96.org/"),
    /** Days an unconfirmed pledge (with its email address) is kept before it is deleted. */
    PLEDGE_UNCONFIRMED_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    /**
     * Days a pledge's email address (and its hash) is kept after the pledge ended (withdrawn,
     * lapsed, fulfilled) or its reminders were stopped; then the pledge stays only as a count.
     */
    PLEDGE_EMAIL_RETENTION_DAYS: z.coerce.number().int().min(0).max(365).default(30),
    /**
     * Days after which a prisoner's reported status is no longer stated as true now: it is
     * shown as "last reported", routes no letter and is left out of appeals.
     */
    STATUS_STALE_AFTER_DAYS: z.coerce.number().int().min(1).max(3_650).default(183),
    /** How often the periodic jobs (retention purges, reminders, appeal expiry) run, in every configuration. */
    JOBS_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    /** Who runs this site (a person or organisation), shown where an email address is asked and in the footer. */
    OPERATOR_NAME: z.string().trim().min(1).max(200).optional(),
    /** How to reach the operator: an email address or a web address, shown next to the name. */
    OPERATOR_CONTACT: z.string().trim().min(1).max(200).optional(),
    /** Days an "export my data" / "erase me" request (a hash and a token hash) is kept. */
    PRIVACY_REQUEST_RETENTION_DAYS: z.coerce.number().int().min(1).max(30).default(1),
    /** Pledges with an email address (each costs a confirmation email) per address per day. */
    PLEDGE_MAX_PER_EMAIL_PER_DAY: z.coerce.number().int().min(1).max(1_000).default(10),
    /** Pledge confirmation emails per hour across the site: a brake against floods. */
    PLEDGE_MAX_CONFIRMATIONS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(600),
    /** "Export my data" / "erase me" emails per address per day. */
    PRIVACY_MAX_PER_EMAIL_PER_DAY: z.coerce.number().int().min(1).max(100).default(3),
    /**
     * Arrival reports a facility needs (over the last 6 months) before its reply rate is shown,
     * publicly and to staff alike: below it, a single report could be told apart.
     */
    ARRIVAL_REPORTS_MIN: z.coerce.number().int().min(3).max(1_000).default(5),
    /**
     * At most this many arrival reports per facility and calendar month are counted: someone
     * loading fresh forms in a loop can skew a facility's figure only this far.
     */
    ARRIVAL_REPORTS_MAX_PER_FACILITY_MONTH: z.coerce.number().int().min(10).max(100_000).default(300),
    /**
     * Arrival counts about letters posted longer ago than this many months are deleted by the
     * periodic jobs: the reply rate reads only the last 6, and nothing else needs them.
     */
    ARRIVAL_REPORTS_KEEP_MONTHS: z.coerce.number().int().min(7).max(120).default(24),
    /**
     * Partner sites that may frame any prisoner's write / pledge box (/:lang/prisoners/:slug/embed),
     * origins separated by spaces or commas ("https://a.example https://b.example"). Empty: nobody
     * (frame-ancestors 'none'). https only; plain http only for localhost (development, tests).
     */
    PRISONER_EMBED_ORIGINS: z
      .string()
      .default("")
      .transform((text) => [...new Set(text.split(/[\s,]+/).filter(Boolean).map((origin) => origin.replace(/\/$/, "").toLowerCase()))])
      .refine((origins) => origins.length <= 20 && origins.every((origin) => /^(https:\/\/[a-z0-9.-]+|http:\/\/(localhost|127\.0\.0\.1))(:\d{1,5})?$/.test(origin)), {
        message: "PRISONER_EMBED_ORIGINS: at most 20 origins like https://partner.example (no path)",
      }),
    /**
     * Folder with locales/{lng}/{ns}.json. The translation workspace writes here, so it must be
     * writable by the app; tests use a copy.
     */
    LOCALES_DIR: z.string().min(1).default("locales"),
    SEED_DEMO_DATA: booleanFlag.optional(),
    /** /dev/mail, which shows every email (sign-in codes, private links): `npm run dev` turns it on. */
    DEV_MAILBOX: z.enum(["on", "off"]).default("off"),
    LOG_LEVEL: z.enum(["error", "warn", "info", "debug"]).default("info"),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.SESSION_SECRET) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["SESSION_SECRET"],
        message: "is required in production with a PostgreSQL server",
      });
    }
    if (env.DEV_MAILBOX === "on" && env.NODE_ENV !== "development") {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["DEV_MAILBOX"],
        message: "can be on only with NODE_ENV=development: it shows every email, sign-in codes included",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Reads and checks the environment; throws an EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings count as unset, as they do in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`));
  }
  return result.data;
}

export function databaseTargetFromEnv(env: Env): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "pglite", dataDir: path.resolve(env.PGLITE_DATA_DIR) };
}

/** Embedded mode seeds demo data into an empty database unless told otherwise. */
export function shouldSeedDemoData(env: Env): boolean {
  return env.SEED_DEMO_DATA ?? !env.DATABASE_URL;
}

/**
 * The address this server listens on, for links when PUBLIC_URL is unset (the links in emails
 * never follow a request's Host header). A wildcard HOST is reached as localhost.
 */
export function localOrigin(env: Pick<Env, "HOST" | "PORT">): string {
  const host = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST;
  return new URL(`http://${host}:${env.PORT}`).origin;
}

/** Where an embedded install keeps the secret it made for itself: beside the database, so backups of the data folder hold both. */
export function sessionSecretFile(env: Pick<Env, "PGLITE_DATA_DIR">): string {
  return path.join(path.dirname(path.resolve(env.PGLITE_DATA_DIR)), "session-secret");
}

/**
 * The environment with SESSION_SECRET filled in. Given, it is used as is. An embedded install
 * without one makes a random secret on first start and keeps it (mode 0600) beside its data,
 * so address hashes and sealed TOTP secrets never rest on a public constant. PostgreSQL in
 * production cannot get here without one (parseEnv refuses); elsewhere it stays unset.
 */
export function withSessionSecret(env: Env, log: (line: string) => void = console.info): Env {
  if (env.SESSION_SECRET || env.DATABASE_URL) return env;
  const file = sessionSecretFile(env);
  let secret = readSecretFile(file);
  if (secret === null) {
    // Written whole under a temporary name, then linked into place: a crash leaves no half
    // file, and of two processes starting at once exactly one link succeeds; the other reads it.
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
    writeFileSync(temporary, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
    chmodSync(temporary, 0o600);
    try {
      linkSync(temporary, file);
      log(`session secret: SESSION_SECRET is not set, so a new one was made in ${path.relative(process.cwd(), file)} (mode 0600); back it up with the data`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(temporary);
    }
    secret = readSecretFile(file);
    if (secret === null) throw new Error(`${file} vanished while it was being made`);
  }
  return { ...env, SESSION_SECRET: secret };
}

function readSecretFile(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const secret = text.trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable secret (32+ characters); delete it or set SESSION_SECRET`);
  return secret;
}
