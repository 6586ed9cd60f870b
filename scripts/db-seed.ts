// npm run db:seed — loads (or refreshes) the demo data in the configured database.
// With the embedded database, stop the app first: only one process may open ./data/pg.
import { migrateDatabase, openDatabase } from "~/utils/database.server";
import { databaseTargetFromEnv, parseEnv } from "~/utils/env.server";

import { seedDemoData } from "../prisma/seed";

const env = parseEnv();
const database = await openDatabase(databaseTargetFromEnv(env));
try {
  await migrateDatabase(database);
  await seedDemoData(database.prisma);
  console.info("demo data loaded");
} finally {
  await database.close();
}
