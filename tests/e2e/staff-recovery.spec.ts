// Recovery codes in a real browser, with JavaScript on and off: a moderator makes a set of
// codes (shown once, with the advice to keep them offline), then, in a session still waiting
// for the second factor, signs in with one instead of the app and is told how many are left.
// axe checks each page. Run on its own port:
//   E2E_PORT=4284 npx playwright test tests/e2e/staff-recovery.spec.ts
//
// Like staff-campaigns.spec.ts, it starts its own Listy per worker; the staff sessions are
// written into a fresh embedded database first by tests/support/e2e-staff-sessions.ts.
import { test as base, expect, expectNoAxeViolations, waitForHydration } from "../support/e2e-fixtures";
import { staffSessions, startOwnListy } from "../support/spawn-listy";

interface Session {
  id: string;
  name: string;
  cookie: string;
  pendingCookie: string;
}
interface RecoveryWorld {
  url: string;
  moderators: Session[];
}

const test = base.extend<object, { recoveryWorld: RecoveryWorld }>({
  recoveryWorld: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const listy = await startOwnListy({ name: "recovery", prepare: staffSessions<Session>("moderator:enrolled", "moderator:enrolled") });
      try {
        const sessions = listy.prepared;
        await use({ url: listy.url, moderators: [sessions["moderator-1"]!, sessions["moderator-2"]!] });
      } finally {
        await listy.stop();
      }
    },
    { scope: "worker", timeout: 150_000 },
  ],
  baseURL: async ({ recoveryWorld }, use) => {
    await use(recoveryWorld.url);
  },
});

test("a moderator makes recovery codes, sees them once, and signs in with one instead of the app", async ({ page, browser, recoveryWorld, watchers }) => {
  test.setTimeout(90_000);
  const javaScriptEnabled = test.info().project.use.javaScriptEnabled !== false;
  const { url } = recoveryWorld;
  const moderator = recoveryWorld.moderators[javaScriptEnabled ? 0 : 1]!;

  await page.context().addCookies([{ name: "listy_staff", value: moderator.cookie, url }]);
  await page.goto("/en/staff");
  await waitForHydration(page, javaScriptEnabled);
  await expect(page.getByText("0 unused recovery codes left.")).toBeVisible();
  await page.getByRole("link", { name: "Recovery codes" }).last().click();
  await expect(page.getByRole("heading", { level: 1, name: "Recovery codes" })).toBeVisible();
  await expect(page.getByText("You have no recovery codes yet.")).toBeVisible();
  await expectNoAxeViolations(page, "recovery codes, none yet: ");

  await page.getByRole("button", { name: "Make recovery codes" }).click();
  const list = page.getByTestId("recovery-codes").locator("ol li");
  await expect(list).toHaveCount(10);
  await expect(page.getByText("keep them offline", { exact: false })).toBeVisible();
  const codes = await list.allTextContents();
  for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  await expectNoAxeViolations(page, "recovery codes, shown: ");

  // Shown once: a fresh visit shows only the count.
  await page.goto("/en/staff/recovery-codes");
  await expect(page.getByTestId("recovery-codes")).toHaveCount(0);
  await expect(page.getByTestId("recovery-remaining")).toContainText("You have 10 unused recovery codes");

  // Another browser, signed in by email code but not past the second factor yet.
  const pending = await browser.newContext({ baseURL: url, javaScriptEnabled });
  await pending.addCookies([{ name: "listy_staff", value: moderator.pendingCookie, url }]);
  const totp = await pending.newPage();
  await totp.goto("/en/staff/totp");
  await waitForHydration(totp, javaScriptEnabled);
  await expect(totp.getByRole("heading", { level: 2, name: "Lost your phone? Use a recovery code" })).toBeVisible();
  await expectNoAxeViolations(totp, "TOTP step with recovery: ");

  // A wrong code first: a clear message next to the field (a 400, expected here).
  watchers.documentErrorStatuses.push(400);
  await totp.getByRole("textbox", { name: "Recovery code" }).fill("aaaa-bbbb-cccc");
  await totp.getByRole("button", { name: "Sign in with the recovery code" }).click();
  await expect(totp.locator("#recovery-code-error")).toHaveText("This recovery code is wrong or has already been used.");
  await expect(totp.getByRole("textbox", { name: "Recovery code" })).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(totp, "TOTP step, wrong recovery code: ");

  await totp.getByRole("textbox", { name: "Recovery code" }).fill(codes[3]!.toUpperCase());
  await totp.getByRole("button", { name: "Sign in with the recovery code" }).click();
  await expect(totp).toHaveURL(/\/en\/staff\/recovery-codes\?used=1$/);
  await expect(totp.getByTestId("recovery-used")).toHaveText("You signed in with a recovery code. 9 unused codes are left.");
  await expectNoAxeViolations(totp, "after a recovery code: ");
  await pending.close();
});
