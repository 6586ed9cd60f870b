// The setup the staff sign-in tests share: the app on a free port, an in-process SMTP server,
// a mail worker, and the staff settings put back before each test (with `eachTest` applied)
// and after the file.
import { afterAll, beforeAll, beforeEach } from "vitest";

import { createMailWorker, type MailWorker } from "~/jobs.server";
import { configureStaff, getStaffSettings, type StaffSettings } from "~/staff/accounts/staff-settings.server";

import { configureTestMail } from "./outbox";
import { startTestServer, type TestServer } from "./server";
import { startSmtpServer, type TestSmtpServer } from "./smtp";

export interface StaffTestSetup {
  server: TestServer;
  smtp: TestSmtpServer;
  worker: MailWorker;
  /** The staff settings as they were before the file ran. */
  defaults: StaffSettings;
}

export function useStaffTestServer(workerId: string, eachTest: Partial<StaffSettings> = {}): StaffTestSetup {
  const setup = {} as StaffTestSetup;
  beforeAll(async () => {
    setup.server = await startTestServer();
    setup.smtp = await startSmtpServer();
    configureTestMail(setup.smtp);
    setup.worker = createMailWorker({ id: workerId, log: () => undefined });
    setup.defaults = { ...getStaffSettings() };
  });
  afterAll(async () => {
    if (setup.defaults) configureStaff(setup.defaults);
    setup.worker?.close();
    await setup.smtp?.close();
    await setup.server?.close();
  });
  beforeEach(() => configureStaff({ ...setup.defaults, ...eachTest }));
  return setup;
}
