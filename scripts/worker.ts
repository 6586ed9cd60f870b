// The outbox worker as a process of its own (`npm run worker`), for deployments that run
// the app with MAIL_WORKER=off. It only sends: the retention purges and reminders run in the
// app processes whatever MAIL_WORKER says. Needs the same environment as the app. With the
// embedded database only one process may open it, so use this with PostgreSQL (or with the app stopped).
import { startMailWorker } from "~/jobs.server";
import { configureMail, mailSettingsFromEnv } from "~/mail/mail-settings.server";
import { migrateDatabase, openDatabase, setCurrentDatabase } from "~/utils/database.server";
import { databaseTargetFromEnv, EnvError, parseEnv, withSessionSecret } from "~/utils/env.server";

async function main() {
  let env;
  try {
    // The same keys as the app (an embedded install's own secret included), or the hashes differ.
    env = withSessionSecret(parseEnv());
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const settings = configureMail(mailSettingsFromEnv(env));
  if (settings.transport.kind === "none") {
    console.error("mail worker: SMTP_URL is not set; there is no way to send (docs/operators.md)");
    process.exit(1);
  }
  const database = await openDatabase(databaseTargetFromEnv(env));
  await migrateDatabase(database);
  setCurrentDatabase(database);
  const worker = startMailWorker({ settings });
  console.info(`mail worker ${worker.id} started`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.info(`${signal}: finishing the message in hand, then stopping`);
    void worker
      .stop()
      .then(() => database.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error("mail worker stop failed:", (error as Error).message);
          process.exit(1);
        },
      );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error("mail worker could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
