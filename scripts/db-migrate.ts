// npm run db:migrate — applies pending migrations to the configured database (the server
// also does this at start-up). With the embedded database, stop the app first.
import { migrateDatabase, openDatabase } from "~/utils/database.server";
import { databaseTargetFromEnv, parseEnv } from "~/utils/env.server";

const database = await openDatabase(databaseTargetFromEnv(parseEnv()));
try {
  const { applied, alreadyApplied } = await migrateDatabase(database);
  console.info(applied.length ? `applied: ${applied.join(", ")}` : `up to date (${alreadyApplied} migrations)`);
} finally {
  await database.close();
}
