// Issue 7, staff accounts, in a real browser with JavaScript on and off: an admin created with
// `admin:create` signs in with the code from the email, sets up TOTP (the code computed here
// with app/staff/accounts/totp.ts), invites a campaigner, signs out; the campaigner accepts the
// invitation and sees only what their role allows. axe checks every page.
//
// Like appeals.spec.ts, this spec starts its own Listy per Playwright worker (the server from
// playwright.config.ts has no SMTP_URL, and its embedded database cannot be opened by a second
// process): a fresh embedded database, the real `scripts/admin-create.ts` run against it, an
// in-process SMTP server, then `tsx server/index.ts`.
import jsQR from "jsqr";
import { PNG } from "pngjs";

import { base32Decode, totpAt, totpStep } from "~/staff/accounts/totp";

import { test as base, expect, expectNoAxeViolations, waitForHydration } from "../support/e2e-fixtures";
import { mailCount, nextMailTo, startSmtpServer, textOf, type TestSmtpServer } from "../support/smtp";
import { mailToTestServer, runToEnd, startOwnListy } from "../support/spawn-listy";

const ADMIN_EMAIL = "first.admin@team.example.org";
const CAMPAIGNER_EMAIL = "campaigner@team.example.org";

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
        name: "staff",
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

test("an admin from admin:create signs in with a code and TOTP, invites a campaigner, who sees only their permissions", async ({ page, staffWorld }) => {
  test.setTimeout(90_000);
  const { smtp } = staffWorld;
  const javaScriptEnabled = test.info().project.use.javaScriptEnabled !== false;

  // Closed to anyone not signed in.
  await page.goto("/en/staff");
  await expect(page).toHaveURL(/\/en\/staff\/sign-in$/);
  await waitForHydration(page, javaScriptEnabled);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to the back office" })).toBeVisible();
  await expectNoAxeViolations(page, "sign-in: ");

  // The emailed code.
  const codesBefore = mailCount(smtp, ADMIN_EMAIL);
  await page.getByLabel("Email address").fill(ADMIN_EMAIL);
  await page.getByRole("button", { name: "Send me a code" }).click();
  await expect(page).toHaveURL(/\/en\/staff\/code$/);
  await expect(page.getByRole("heading", { level: 1, name: "Enter your code" })).toBeVisible();
  await expectNoAxeViolations(page, "code: ");
  const codeMail = await nextMailTo(smtp, ADMIN_EMAIL, codesBefore);
  expect(codeMail.subject).toBe("Your one-time code");
  const code = /^(\d{6})$/m.exec(textOf(codeMail))?.[1];
  expect(code).toBeTruthy();
  await page.getByLabel("Six-digit code").fill(code!);
  await page.getByRole("button", { name: "Sign in" }).click();

  // First sign-in of an admin: TOTP enrolment, the secret as a QR code drawn by the server
  // (read back from a screenshot, as a phone camera would) and as text.
  await expect(page).toHaveURL(/\/en\/staff\/totp$/);
  await expect(page.getByRole("heading", { level: 1, name: "Set up your authenticator app" })).toBeVisible();
  await expectNoAxeViolations(page, "totp enrolment: ");
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const qr = page.getByRole("img", { name: "QR code with the setup link: scan it with your authenticator app" });
  await expect(qr).toBeVisible();
  const shot = PNG.sync.read(await qr.screenshot());
  const setupLink = (await page.getByTestId("totp-uri").textContent())!.trim();
  expect(setupLink).toContain(`secret=${secret}`);
  expect(jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height)?.data).toBe(setupLink);
  await page.getByLabel("Code from the app").fill(totpAt(base32Decode(secret), totpStep(new Date())));
  await page.getByRole("button", { name: "Confirm" }).click();

  // Straight on to the recovery codes: made on request, shown once, with the advice to keep them offline.
  await expect(page).toHaveURL(/\/en\/staff\/recovery-codes\?enrolled=1$/);
  await expect(page.getByRole("status")).toContainText("Your second factor is set up.");
  await page.getByRole("button", { name: "Make recovery codes" }).click();
  await expect(page.getByTestId("recovery-codes").locator("ol li")).toHaveCount(10);
  await expectNoAxeViolations(page, "recovery codes after enrolment: ");
  await page.getByRole("link", { name: "I have stored them: go on to the back office" }).click();

  await expect(page).toHaveURL(/\/en\/staff$/);
  await expect(page.getByRole("heading", { level: 1, name: "Back office" })).toBeVisible();
  await expect(page.getByText("Signed in as First Admin")).toBeVisible();
  await expect(page.locator('[data-permission="team:manage"]')).toBeVisible();
  await expectNoAxeViolations(page, "dashboard (admin): ");

  // Invite a campaigner.
  await page.getByRole("navigation", { name: "Back office" }).getByRole("link", { name: "Team" }).click();
  await expect(page).toHaveURL(/\/en\/staff\/team$/);
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  await expectNoAxeViolations(page, "team: ");
  const invitationsBefore = mailCount(smtp, CAMPAIGNER_EMAIL);
  await page.getByLabel("Their email address").fill(CAMPAIGNER_EMAIL);
  await page.getByRole("group", { name: "Roles", exact: true }).getByLabel("Campaigner").check();
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByRole("status")).toHaveText(`An invitation has been sent to ${CAMPAIGNER_EMAIL}.`);
  await expectNoAxeViolations(page, "team after inviting: ");

  await page.getByRole("navigation", { name: "Back office" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("cell", { name: "Invited a new staff member" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Set up the second factor" })).toBeVisible();
  await expectNoAxeViolations(page, "audit: ");

  // Sign out (a POST); the session is gone.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en\/staff\/sign-in\?notice=signed-out$/);
  await expect(page.getByRole("status")).toHaveText("You have signed out.");
  await page.goto("/en/staff/team");
  await expect(page).toHaveURL(/\/en\/staff\/sign-in$/);

  // The campaigner follows the link in the invitation.
  const invitation = await nextMailTo(smtp, CAMPAIGNER_EMAIL, invitationsBefore);
  const link = /(http:\/\/\S+\/en\/staff\/invitation\/[A-Za-z0-9_-]{43})/.exec(textOf(invitation))?.[1];
  expect(link).toBeTruthy();
  await page.goto(link!);
  await waitForHydration(page, javaScriptEnabled);
  await expect(page.getByRole("heading", { level: 1, name: "Join the Listy back office" })).toBeVisible();
  await expect(page.getByText("with these roles: Campaigner.")).toBeVisible();
  await expectNoAxeViolations(page, "invitation: ");
  await page.getByLabel("Your name, as the team will see it").fill("Casey Campaigner");
  await page.getByRole("button", { name: "Accept and sign in" }).click();

  await expect(page).toHaveURL(/\/en\/staff$/);
  await expect(page.getByText("Signed in as Casey Campaigner")).toBeVisible();
  await expect(page.getByText("Your roles: Campaigner.")).toBeVisible();
  await expect(page.locator('[data-permission="campaign:create"]')).toBeVisible();
  await expect(page.locator('[data-permission="team:manage"]')).toHaveCount(0);
  await expect(page.locator('[data-permission="campaign:publish"]')).toHaveCount(0);
  const nav = page.getByRole("navigation", { name: "Back office" });
  await expect(nav.getByRole("link", { name: "Team" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await expectNoAxeViolations(page, "dashboard (campaigner): ");
  // The server refuses the admin pages too, not only the menu (same cookies as the page).
  expect((await page.request.get("/en/staff/team", { maxRedirects: 0 })).status()).toBe(403);
  expect((await page.request.get("/en/staff/audit", { maxRedirects: 0 })).status()).toBe(403);
});
