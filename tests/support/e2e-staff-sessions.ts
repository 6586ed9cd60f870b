// For browser tests: opens the database named by the environment (before the server starts:
// an embedded database has one process at a time), migrates it, loads the demo data, creates
// one staff member per requested role set with a live session (second factor done), and
// prints their cookie values as JSON. No TOTP secret is needed: the session already has
// its second factor recorded, as after a real sign-in. Usage: tsx tests/support/e2e-staff-sessions.ts campaigner moderator
// A role written "moderator:enrolled" also gets a TOTP secret (enrolment done) and a second
// session still waiting for its second factor (`pendingCookie`), for the TOTP step itself.
import { sealSecret } from "~/staff/accounts/secret-box.server";
import { createStaffSession } from "~/staff/accounts/session.server";
import { configureStaff, staffSettingsFromEnv } from "~/staff/accounts/staff-settings.server";
import { newTotpSecret } from "~/staff/accounts/totp";
import type { StaffRole } from "~/staff/permissions";
import { migrateDatabase, openDatabase } from "~/utils/database.server";
import { databaseTargetFromEnv, parseEnv, withSessionSecret } from "~/utils/env.server";

import { isDatabaseEmpty, seedDemoData } from "../../prisma/seed";

// The server's own keys (an embedded install's secret file included), so it can open what is sealed here.
const env = withSessionSecret(parseEnv(), () => undefined);
configureStaff(staffSettingsFromEnv(env));
const database = await openDatabase(databaseTargetFromEnv(env));
try {
  await migrateDatabase(database);
  if (await isDatabaseEmpty(database.prisma)) await seedDemoData(database.prisma);
  const now = new Date();
  const sessions: Record<string, { id: string; name: string; cookie: string; pendingCookie?: string }> = {};
  for (const [index, spec] of process.argv.slice(2).entries()) {
    const [role = "", option] = spec.split(":");
    const enrolled = option === "enrolled";
    const name = `${role} ${index + 1}`;
    const staff = await database.prisma.staffMember.create({
      data: {
        email: `${role}.${index + 1}@team.example.org`,
        displayName: name,
        roles: [role as StaffRole],
        ...(enrolled ? { totpSecret: sealSecret(newTotpSecret()), totpEnrolledAt: now } : {}),
      },
    });
    sessions[`${role}-${index + 1}`] = {
      id: staff.id,
      name,
      cookie: await createStaffSession(database.prisma, staff.id, { now, secondFactorAt: now }),
      ...(enrolled ? { pendingCookie: await createStaffSession(database.prisma, staff.id, { now }) } : {}),
    };
  }
  process.stdout.write(`${JSON.stringify(sessions)}\n`);
} finally {
  await database.close();
}
