// Start-up: check the configuration, open and migrate the database, seed demo data into
// an empty embedded database, start the periodic jobs (always) and the outbox worker (unless
// MAIL_WORKER=off), then serve.
// Stops cleanly on SIGTERM/SIGINT.
import path from "node:path";
import { pathToFileURL } from "node:url";

import type { ServerBuild } from "@remix-run/node";

import { startJobScheduler, startMailWorker, type RunningMailWorker } from "~/jobs.server";
import { setLetterRetentionDays } from "~/letters/letter.server";
import { configureMail, mailSettingsFromEnv } from "~/mail/mail-settings.server";
import { settleEmailPledges } from "~/pledges/email-pledge.server";
import { adminSocketPath, openAdminChannel } from "~/staff/accounts/admin-channel.server";
import { configureStaff, staffSettingsFromEnv } from "~/staff/accounts/staff-settings.server";
import { failInterruptedImports } from "~/staff/imports/prisoner-import.server";
import { setCurrentContentRevisionWatcher, watchContentRevision } from "~/utils/content-revision.server";
import {
  migrateDatabase,
  openDatabase,
  setCurrentDatabase,
  type Database,
} from "~/utils/database.server";
import {
  databaseTargetFromEnv,
  EnvError,
  localOrigin,
  parseEnv,
  shouldSeedDemoData,
  withSessionSecret,
} from "~/utils/env.server";

import { isDatabaseEmpty, seedDemoData } from "../prisma/seed";

import { createApp } from "./app";
import { createPageCache } from "./page-cache";

const SHUTDOWN_GRACE_MS = 10_000;

async function main() {
  let env;
  try {
    env = withSessionSecret(parseEnv());
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // Both module graphs (this one and the Remix build) read the keys from these shared settings.
  configureStaff(staffSettingsFromEnv(env));

  const target = databaseTargetFromEnv(env);
  const database = await openDatabase(target);
  const { applied } = await migrateDatabase(database);
  if (applied.length > 0) console.info(`database: applied ${applied.length} migration(s): ${applied.join(", ")}`);
  if (shouldSeedDemoData(env) && (await isDatabaseEmpty(database.prisma))) {
    await seedDemoData(database.prisma);
    console.info("database: empty, loaded the demo data");
  }
  setCurrentDatabase(database);
  // The embedded database has one owner: `npm run admin:create` goes through this server meanwhile.
  const adminSocket = target.kind === "pglite" && target.dataDir ? adminSocketPath(target.dataDir) : null;
  const adminChannel = adminSocket ? await openAdminChannel(adminSocket) : null;
  // A CSV import that was being applied when the last process stopped never committed
  // (one transaction): mark it FAILED before anyone sees the page (imports a live
  // transaction of another instance holds are skipped).
  const interrupted = await failInterruptedImports(database.prisma);
  if (interrupted > 0) console.warn(`imports: ${interrupted} CSV import(s) were interrupted by a restart and are marked failed; nothing of them was written`);
  const contentRevision = await watchContentRevision(database);
  setCurrentContentRevisionWatcher(contentRevision);

  const mail = configureMail(mailSettingsFromEnv(env));
  let mailWorker: RunningMailWorker | undefined;
  if (!mail.workerEnabled) {
    console.info("mail: the outbox worker is off here (MAIL_WORKER=off); run `npm run worker` elsewhere");
  } else if (mail.transport.kind === "none") {
    console.warn("mail: SMTP_URL is not set, so no email is sent; appeals wait in the outbox");
  } else {
    mailWorker = startMailWorker({ settings: mail });
    if (mail.transport.kind === "files") console.info(`mail: no SMTP_URL, writing .eml files to ${path.relative(process.cwd(), mail.transport.dir) || "."}`);
  }

  // Retention purges, reminders and appeal expiry run here in every configuration (with or
  // without mail, MAIL_WORKER on or off); each tick is claimed in the database, so several
  // instances run it once. What they queue waits in the outbox for a sender.
  setLetterRetentionDays(env.LETTER_RETENTION_DAYS);
  const jobs = startJobScheduler({ intervalMs: env.JOBS_INTERVAL_SECONDS * 1_000 });

  const buildPath = pathToFileURL(path.resolve("build", "index.js")).href;
  const build = (await import(buildPath)) as ServerBuild;
  const app = createApp({ build, env, localOrigin: localOrigin(env), pageCache: createPageCache({ currentRevision: contentRevision.current, currentCounters: contentRevision.countersVersion }) });

  const server = app.listen(env.PORT, env.HOST, () => {
    const where = target.kind === "pglite" ? `embedded database in ${path.relative(process.cwd(), target.dataDir ?? "") || "memory"}` : "PostgreSQL";
    console.info(`Listy is listening on ${localOrigin(env)} (${where})`);
  });
  server.keepAliveTimeout = 65_000;

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.info(`${signal}: finishing open requests, then stopping`);
    const force = setTimeout(() => {
      console.error("shutdown took too long; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      // Email pledges answered here are decided a moment after the answer: finish those
      // before the database closes, or their claimed rows wait for the lease to run out.
      void Promise.all([jobs.stop(), mailWorker?.stop(), settleEmailPledges()])
        .catch((error: unknown) => console.error("background jobs stop failed:", (error as Error).message))
        .then(() => contentRevision.stop())
        .then(() => adminChannel?.close())
        .then(() => closeDatabase(database))
        .finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

async function closeDatabase(database: Database) {
  try {
    await database.close();
  } catch (error) {
    console.error("database close failed:", (error as Error).message);
  }
}

main().catch((error: unknown) => {
  console.error("Listy could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
