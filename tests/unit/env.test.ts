import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import {
  databaseTargetFromEnv,
  EnvError,
  localOrigin,
  parseEnv,
  sessionSecretFile,
  shouldSeedDemoData,
  withSessionSecret,
} from "~/utils/env.server";

describe("parseEnv", () => {
  it("starts with safe embedded defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(databaseTargetFromEnv(env)).toMatchObject({ kind: "pglite" });
    expect(shouldSeedDemoData(env)).toBe(true);
    // A status older than about six months is no longer stated as true now.
    expect(env.STATUS_STALE_AFTER_DAYS).toBe(183);
    expect(parseEnv({ STATUS_STALE_AFTER_DAYS: "30" }).STATUS_STALE_AFTER_DAYS).toBe(30);
    expect(() => parseEnv({ STATUS_STALE_AFTER_DAYS: "0" })).toThrow();
  });

  it("links to the human-rights defenders' list for prison addresses unless told otherwise, and takes only http(s)", () => {
    expect(parseEnv({}).LETTER_ADDRESS_LOOKUP_URL).toBe("https://prisoners.spring96.org/");
    expect(parseEnv({ LETTER_ADDRESS_LOOKUP_URL: "https://campaign.example.org/addresses" }).LETTER_ADDRESS_LOOKUP_URL).toBe("https://campaign.example.org/addresses");
    for (const bad of ["javascript:alert(1)", "prisoners.spring96.org", "ftp://example.org/list", "data:text/html,hi"]) {
      expect(() => parseEnv({ LETTER_ADDRESS_LOOKUP_URL: bad })).toThrow(/LETTER_ADDRESS_LOOKUP_URL must be an http\(s\) address/);
    }
  });

  it("fails closed when NODE_ENV and HOST are unset: production, this machine only, no development mailbox", () => {
    const env = parseEnv({});
    expect(env.NODE_ENV).toBe("production");
    expect(env.HOST).toBe("127.0.0.1");
    expect(env.DEV_MAILBOX).toBe("off");
    expect(localOrigin(env)).toBe("http://127.0.0.1:3000");
    expect(localOrigin(parseEnv({ HOST: "0.0.0.0", PORT: "8080" }))).toBe("http://localhost:8080");
    expect(localOrigin(parseEnv({ HOST: "::1" }))).toBe("http://[::1]:3000");
  });

  it("turns the development mailbox on only when asked, and never outside development", () => {
    expect(parseEnv({ NODE_ENV: "development", DEV_MAILBOX: "on" }).DEV_MAILBOX).toBe("on");
    expect(parseEnv({ NODE_ENV: "development" }).DEV_MAILBOX).toBe("off");
    expect(() => parseEnv({ DEV_MAILBOX: "on" })).toThrow(/DEV_MAILBOX/);
    expect(() => parseEnv({ NODE_ENV: "production", DEV_MAILBOX: "on" })).toThrow(/DEV_MAILBOX/);
  });

  it("uses PostgreSQL for a postgres:// URL and does not seed it unless asked", () => {
    // Unset NODE_ENV is production, where PostgreSQL needs a session secret.
    const secret = { SESSION_SECRET: "s".repeat(32) };
    const env = parseEnv({ DATABASE_URL: "postgres://listy@db.internal:5432/listy", ...secret });
    expect(databaseTargetFromEnv(env)).toEqual({ kind: "postgres", url: "postgres://listy@db.internal:5432/listy" });
    expect(shouldSeedDemoData(env)).toBe(false);
    expect(shouldSeedDemoData(parseEnv({ DATABASE_URL: "postgresql://x@y/z", SEED_DEMO_DATA: "true", ...secret }))).toBe(true);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ PORT: "", DATABASE_URL: "" }).PORT).toBe(3000);
  });

  it("names every invalid variable in one readable error", () => {
    let error: unknown;
    try {
      parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", PUBLIC_URL: "listy.org", SESSION_SECRET: "short" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    for (const name of ["PORT", "DATABASE_URL", "PUBLIC_URL", "SESSION_SECRET"]) expect(message).toContain(name);
    expect((error as EnvError).problems).toHaveLength(4);
  });

  it("requires a session secret in production with a PostgreSQL server", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://a@b/c" })).toThrow(/SESSION_SECRET/);
    // A forgotten NODE_ENV is production too: no way round the requirement by leaving it out.
    expect(() => parseEnv({ DATABASE_URL: "postgres://a@b/c" })).toThrow(/SESSION_SECRET/);
    expect(() =>
      parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://a@b/c", SESSION_SECRET: "x".repeat(32) }),
    ).not.toThrow();
  });
});

describe("withSessionSecret", () => {
  const folders: string[] = [];
  const embedded = () => {
    const folder = mkdtempSync(path.join(tmpdir(), "listy-secret-"));
    folders.push(folder);
    return parseEnv({ PGLITE_DATA_DIR: path.join(folder, "pg") });
  };
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it("makes an embedded install its own secret once, readable by the owner only, and reuses it", () => {
    const env = embedded();
    const logged: string[] = [];
    const first = withSessionSecret(env, (line) => logged.push(line));
    const file = sessionSecretFile(env);
    expect(file).toBe(path.join(path.dirname(env.PGLITE_DATA_DIR), "session-secret"));
    expect(first.SESSION_SECRET).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(logged).toHaveLength(1);
    expect(logged[0]).not.toContain(first.SESSION_SECRET);
    const again = withSessionSecret(env, (line) => logged.push(line));
    expect(again.SESSION_SECRET).toBe(first.SESSION_SECRET);
    expect(logged).toHaveLength(1);
    // Another install gets another secret.
    expect(withSessionSecret(embedded(), () => undefined).SESSION_SECRET).not.toBe(first.SESSION_SECRET);
  });

  it("leaves a given secret and PostgreSQL alone, and refuses a damaged file", () => {
    const given = parseEnv({ SESSION_SECRET: "g".repeat(40) });
    expect(withSessionSecret(given).SESSION_SECRET).toBe("g".repeat(40));
    const postgres = parseEnv({ NODE_ENV: "development", DATABASE_URL: "postgres://a@b/c" });
    expect(withSessionSecret(postgres).SESSION_SECRET).toBeUndefined();
    const env = embedded();
    writeFileSync(sessionSecretFile(env), "short\n");
    expect(() => withSessionSecret(env)).toThrow(/no usable secret/);
    expect(readFileSync(sessionSecretFile(env), "utf8")).toBe("short\n");
  });
});
