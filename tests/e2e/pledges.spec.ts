// Issue 6, "done when", for the pages: anonymous and email pledges work without JavaScript in
// every language (the no-JavaScript project runs the same steps on plain forms), and every
// new page passes axe (checked in the JavaScript project). Run on its own port:
//   E2E_PORT=4640 npx playwright test tests/e2e/pledges.spec.ts
import { readFileSync } from "node:fs";
import path from "node:path";

import { supportedLanguages, type Language } from "~/i18n";

import { expect, expectNoAxeViolations, test } from "../support/e2e-fixtures";

type Strings = Record<string, unknown>;
function text(language: Language, namespace: string, key: string): string {
  const tree = JSON.parse(readFileSync(path.resolve("locales", language, `${namespace}.json`), "utf8")) as Strings;
  const value = key.split(".").reduce<unknown>((node, part) => (node as Strings | undefined)?.[part], tree);
  if (typeof value !== "string") throw new Error(`no string ${language}/${namespace}:${key}`);
  return value;
}

for (const language of supportedLanguages) {
  test(`an anonymous pledge for the campaign, in ${language}`, async ({ page }) => {
    await page.goto(`/${language}/campaigns/free-them-all`);
    const form = page.locator("form.pledge-form");
    await expect(form.getByRole("radio", { name: text(language, "pledges", "form.option-campaign") })).toBeChecked();
    // The safety advice is there, before the email field.
    await expect(form.getByRole("heading", { name: text(language, "pledges", "safety.heading") })).toBeVisible();
    if (language === "en" || language === "be") await expectNoAxeViolations(page, `${language} campaign: `);
    await form.getByRole("button", { name: text(language, "pledges", "form.submit") }).click();
    await expect(page).toHaveURL(new RegExp(`/${language}/pledge/thanks\\?result=active&campaign=free-them-all$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(language, "pledges", "thanks.active-title"));
    if (language === "en" || language === "uk") await expectNoAxeViolations(page, `${language} thanks: `);
    await page.getByRole("link", { name: text(language, "pledges", "thanks.back-campaign") }).click();
    await expect(page).toHaveURL(new RegExp(`/${language}/campaigns/free-them-all$`));
  });
}

for (const language of ["pl", "ru"] as const) {
  test(`an email pledge on a profile waits for confirmation, in ${language}`, async ({ page }, testInfo) => {
    await page.goto(`/${language}/prisoners/ihar-ilyash`);
    const form = page.locator("form.pledge-form");
    await form.getByRole("radio", { name: text(language, "pledges", "form.option-write-monthly") }).check();
    // A mistyped address comes back with a translated message and what was typed.
    await form.getByLabel(text(language, "pledges", "form.email-label")).fill("anna at example");
    await form.getByLabel(text(language, "pledges", "form.country-label")).selectOption("LT");
    await form.getByRole("button", { name: text(language, "pledges", "form.submit") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(language, "pledges", "problem.title"));
    await expect(page.getByText(text(language, "pledges", "errors.email-invalid"))).toBeVisible();
    const again = page.locator("form.pledge-form");
    await expect(again.getByLabel(text(language, "pledges", "form.email-label"))).toHaveValue("anna at example");
    await expect(again.getByLabel(text(language, "pledges", "form.country-label"))).toHaveValue("LT");
    await expectNoAxeViolations(page, `${language} problem: `);

    const address = `pledge.${language}.${testInfo.project.name}@supporter.example.org`;
    await again.getByLabel(text(language, "pledges", "form.email-label")).fill(address);
    await again.getByRole("button", { name: text(language, "pledges", "form.submit") }).click();
    await expect(page).toHaveURL(new RegExp(`/${language}/pledge/thanks\\?result=pending&prisoner=ihar-ilyash$`));
    expect(page.url()).not.toContain("@");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(language, "pledges", "thanks.pending-title"));
  });
}

test("the profile offers pledges, “I posted it” and a meter for pledges", async ({ page }) => {
  await page.goto("/en/prisoners/ihar-ilyash");
  await expect(page.getByRole("progressbar", { name: text("en", "pledges", "counts.progress-label") })).toHaveAttribute("max", "100");
  await expectNoAxeViolations(page, "profile: ");
  await page.getByRole("button", { name: text("en", "pledges", "posted.button") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("en", "pledges", "thanks.posted-title"));
});

test("the privacy pages: what is stored, and asking for a link", async ({ page }) => {
  await page.goto("/en");
  await page.getByRole("contentinfo").getByRole("link", { name: text("en", "common", "footer.privacy-link") }).click();
  await expect(page).toHaveURL(/\/en\/privacy$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("en", "privacy", "page.title"));
  await expect(page.getByRole("table")).toContainText(text("en", "privacy", "retention.pledge-email"));
  await expectNoAxeViolations(page, "privacy: ");

  await page.getByRole("link", { name: text("en", "privacy", "rights.link") }).click();
  await expect(page).toHaveURL(/\/en\/privacy\/request$/);
  await expectNoAxeViolations(page, "request: ");
  await page.getByLabel(text("en", "privacy", "request.kind-erase")).check();
  await page.getByRole("textbox", { name: text("en", "privacy", "request.email-label") }).fill("nobody.known@supporter.example.org");
  await page.getByRole("button", { name: text("en", "privacy", "request.submit") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("en", "privacy", "request.sent-title"));
  await expectNoAxeViolations(page, "request sent: ");
});

test("the pages behind emailed links show a button first, and a clear page for a bad link", async ({ page }) => {
  const token = "A".repeat(43);
  await page.goto(`/uk/pledges/confirm/${token}`);
  await expect(page.getByRole("button", { name: text("uk", "pledges", "confirm.button") })).toBeVisible();
  await expectNoAxeViolations(page, "confirm: ");
  await page.getByRole("button", { name: text("uk", "pledges", "confirm.button") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("uk", "pledges", "confirm.invalid-title"));

  await page.goto(`/uk/pledges/manage/${token}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("uk", "pledges", "manage.invalid-title"));
  await expectNoAxeViolations(page, "manage: ");

  await page.goto(`/uk/privacy/export/${token}`);
  await expectNoAxeViolations(page, "export: ");
  await page.getByRole("button", { name: text("uk", "privacy", "export.button") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("uk", "privacy", "link.invalid-title"));

  await page.goto(`/uk/privacy/erase/${token}`);
  await expectNoAxeViolations(page, "erase: ");
  await page.getByRole("button", { name: text("uk", "privacy", "erase.button") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("uk", "privacy", "link.invalid-title"));
});
