// Prisma CLI configuration, used to author migrations offline (`npm run db:migration`):
// the CLI's WebAssembly schema engine works through a driver adapter. Applying migrations
// is the app's job (app/utils/database.server.ts, docs/decisions/0003-migrations.md).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "prisma/config";

const databaseUrl = process.env.DATABASE_URL ?? "";
// schema.prisma must name env("DATABASE_URL") even in embedded mode, where no URL is set;
// a placeholder satisfies validation and is never connected to (the adapter below decides).
process.env.DATABASE_URL ||= "postgresql://embedded-pglite.invalid/listy";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
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
