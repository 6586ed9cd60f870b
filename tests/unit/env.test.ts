import { describe, expect, it } from "vitest";

import { databaseTargetFromEnv, EnvError, parseEnv, shouldSeedDemoData } from "~/utils/env.server";

describe("parseEnv", () => {
  it("starts with safe embedded defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(databaseTargetFromEnv(env)).toMatchObject({ kind: "pglite" });
    expect(shouldSeedDemoData(env)).toBe(true);
  });

  it("uses PostgreSQL for a postgres:// URL and does not seed it unless asked", () => {
    const env = parseEnv({ DATABASE_URL: "postgres://listy@db.internal:5432/listy" });
    expect(databaseTargetFromEnv(env)).toEqual({ kind: "postgres", url: "postgres://listy@db.internal:5432/listy" });
    expect(shouldSeedDemoData(env)).toBe(false);
    expect(shouldSeedDemoData(parseEnv({ DATABASE_URL: "postgresql://x@y/z", SEED_DEMO_DATA: "true" }))).toBe(true);
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
    expect(() =>
      parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://a@b/c", SESSION_SECRET: "x".repeat(32) }),
    ).not.toThrow();
  });
});
