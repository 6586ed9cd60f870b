// Run by playwright.config.ts before the shared browser-test server starts (the embedded
// database has one owner at a time): the demo data, and the demo official reachable by post and
// email, as an approved contact would leave it (tests/support/officials.ts says why).
import { migrateDatabase, openDatabase } from "~/utils/database.server";
import { databaseTargetFromEnv, parseEnv } from "~/utils/env.server";

import { seedDemoData } from "../../prisma/seed";

import { giveDemoOfficialTestContacts } from "./officials";

const database = await openDatabase(databaseTargetFromEnv(parseEnv()));
try {
  await migrateDatabase(database);
  await seedDemoData(database.prisma);
  await giveDemoOfficialTestContacts(database.prisma);
} finally {
  await database.close();
}
