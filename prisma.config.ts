// Prisma CLI configuration. The CLI authors migrations offline (`npx prisma migrate diff`, see
// docs/operators.md, "Changing the schema") through a driver adapter, and `npx prisma db seed`
// runs the same demo-data loader as `npm run db:seed`. Applying migrations is the app's job
// (app/utils/database.server.ts, docs/decisions/0003-migrations.md).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "prisma/config";

// schema.prisma must name env("DATABASE_URL") even in embedded mode, where no URL is set;
// a placeholder satisfies validation and is never connected to (the adapter below decides).
// The CLI may load this file more than once, so the placeholder is recognised, not trusted.
const EMBEDDED_PLACEHOLDER = "postgresql://embedded-pglite.invalid/listy";
const databaseUrl = process.env.DATABASE_URL === EMBEDDED_PLACEHOLDER ? "" : (process.env.DATABASE_URL ?? "");
process.env.DATABASE_URL ||= EMBEDDED_PLACEHOLDER;

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    // The seed is a child process that inherits this environment: without a real URL, the
    // placeholder is dropped so that it opens the embedded database, as `npm run db:seed` does.
    seed: databaseUrl ? "tsx scripts/db-seed.ts" : "env -u DATABASE_URL tsx scripts/db-seed.ts",
  },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: databaseUrl });
    }
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    // The CLI gets a scratch database of its own: it exits without closing PGlite, which
    // would leave the app's ./data/pg unclean. The app migrates its own database at start-up.
    const dataDir = mkdtempSync(path.join(tmpdir(), "listy-prisma-cli-"));
    return new PrismaPGlite(new PGlite(dataDir));
  },
});
