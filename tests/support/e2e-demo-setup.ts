// Run by playwright.config.ts before the shared browser-test server starts (the embedded
// database has one owner at a time): the demo data, and the demo official reachable by post and
// email, as an approved contact would leave it (tests/support/officials.ts says why), and one
// profile in the demo facility.
import { migrateDatabase, openDatabase } from "~/utils/database.server";
import { databaseTargetFromEnv, parseEnv } from "~/utils/env.server";

import { seedDemoData } from "../../prisma/seed";

import { giveDemoOfficialTestContacts } from "./officials";

const database = await openDatabase(databaseTargetFromEnv(parseEnv()));
try {
  await migrateDatabase(database);
  await seedDemoData(database.prisma);
  await giveDemoOfficialTestContacts(database.prisma);
  // No demo profile names a facility (none is sourced): one gets the demo facility, so that the
  // "did your letter arrive?" form has something to count for (tests/e2e/arrival-report.spec.ts).
  const facility = await database.prisma.facility.findUniqueOrThrow({ where: { slug: "hrodna-prison" }, select: { id: true } });
  await database.prisma.prisoner.update({ where: { slug: "viktar-babaryka" }, data: { facilityId: facility.id } });
} finally {
  await database.close();
}
