// Issue 7, the staff dashboard in a real browser with JavaScript on and off: an admin created
// with `admin:create` signs in (emailed code, then TOTP), opens the dashboard, filters it with
// the GET form, gets a note for a bad filter, downloads an export; axe checks the page.
//
// Like staff.spec.ts, it starts its own Listy (startOwnListy): the server from
// playwright.config.ts has no SMTP_URL for the sign-in code.
import { base32Decode, totpAt, totpStep } from "~/staff/accounts/totp";

import { test as base, expect, expectNoAxeViolations, waitForHydration } from "../support/e2e-fixtures";
import { mailCount, nextMailTo, startSmtpServer, textOf, type TestSmtpServer } from "../support/smtp";
import { mailToTestServer, runToEnd, startOwnListy } from "../support/spawn-listy";

const ADMIN_EMAIL = "first.admin@team.example.org";

interface StaffWorld {
  url: string;
  smtp: TestSmtpServer;
}

const test = base.extend<object, { staffWorld: StaffWorld }>({
  staffWorld: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const smtp = await startSmtpServer();
      const listy = await startOwnListy({
        name: "dashboard",
        env: mailToTestServer(smtp.url),
        prepare: async (env) => {
          const created = await runToEnd(["scripts/admin-create.ts", "--email", ADMIN_EMAIL, "--name", "First Admin"], env);
          if (created.code !== 0) throw new Error(`admin:create failed:\n${created.output}`);
        },
      });
      try {
        await use({ url: listy.url, smtp });
      } finally {
        await listy.stop();
        await smtp.close();
      }
    },
    { scope: "worker", timeout: 150_000 },
  ],
  baseURL: async ({ staffWorld }, use) => {
    await use(staffWorld.url);
  },
});

test("an admin reads the dashboard, filters it, and downloads an export", async ({ page, staffWorld }) => {
  test.setTimeout(90_000);
  const { smtp } = staffWorld;
  const javaScriptEnabled = test.info().project.use.javaScriptEnabled !== false;

  await page.goto("/en/staff/dashboard");
  await expect(page).toHaveURL(/\/en\/staff\/sign-in$/);
  await waitForHydration(page, javaScriptEnabled);
  const codesBefore = mailCount(smtp, ADMIN_EMAIL);
  await page.getByLabel("Email address").fill(ADMIN_EMAIL);
  await page.getByRole("button", { name: "Send me a code" }).click();
  await expect(page).toHaveURL(/\/en\/staff\/code$/);
  const codeMail = await nextMailTo(smtp, ADMIN_EMAIL, codesBefore);
  await page.getByLabel("Six-digit code").fill(/^(\d{6})$/m.exec(textOf(codeMail))![1]!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en\/staff\/totp$/);
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.getByLabel("Code from the app").fill(totpAt(base32Decode(secret), totpStep(new Date())));
  await page.getByRole("button", { name: "Confirm" }).click();
  // Enrolment ends on the page that offers recovery codes; the dashboard is one link away.
  await expect(page).toHaveURL(/\/en\/staff\/recovery-codes\?enrolled=1$/);

  await page.goto("/en/staff/dashboard");
  await waitForHydration(page, javaScriptEnabled);
  await expect(page.getByRole("heading", { level: 1, name: "Actions, pledges and appeals" })).toBeVisible();
  // Nine charts, each an image with a name, each beside a table.
  await expect(page.getByRole("img", { name: "Actions per week" })).toBeVisible();
  await expect(page.locator('svg[role="img"]')).toHaveCount(9);
  await expect(page.getByRole("table", { name: /^Actions by interface language, from / })).toBeVisible();
  await expectNoAxeViolations(page, "dashboard: ");

  // The GET form: this week only.
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel("From", { exact: true }).fill(today);
  await page.getByLabel("To", { exact: true }).fill(today);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${today}&to=${today}`));
  await expect(page.getByRole("table", { name: /^Actions per week, from / }).locator("tbody tr")).toHaveCount(1);

  // A bad link: the default view and a note, not an error page.
  await page.goto("/en/staff/dashboard?from=2026-02-30&campaign=nope");
  await waitForHydration(page, javaScriptEnabled);
  await expect(page.getByRole("status")).toContainText("That campaign does not exist; all campaigns are shown.");
  await expect(page.getByRole("status")).toContainText("The start date was not a valid date; the default is used.");
  await expectNoAxeViolations(page, "dashboard with a note: ");

  // The export downloads as a file.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Pledges with the email addresses still held" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^listy-pledges-with-contact-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const { readFileSync } = await import("node:fs");
  expect(readFileSync((await file.path())!, "utf8").split("\r\n")[0]).toBe("\uFEFFday,kind,state,campaign,prisoner,language,country,email");
});
