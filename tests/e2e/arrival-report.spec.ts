// "Did your letter arrive?" on a 390×844 phone, with JavaScript on and off (the two projects):
// the letter box links down to the form, a missing choice comes back translated with the rest
// kept, and a complete report says thank you. Checked with axe on each page.
import { expect, expectNoAxeViolations, test, waitForHydration } from "../support/e2e-fixtures";

const javaScriptEnabled = () => test.info().project.use.javaScriptEnabled !== false;

test.use({ viewport: { width: 390, height: 844 }, isMobile: false });

test("a supporter reports, in Lithuanian, that a letter got no answer", async ({ page }) => {
  // axe on a whole profile takes a while on a busy machine.
  test.setTimeout(120_000);
  await page.goto("/lt/prisoners/viktar-babaryka");
  await waitForHydration(page, javaScriptEnabled());
  await page.locator(".letter-status").getByRole("link", { name: "Ar jūsų laiškas pasiekė adresatą? Praneškite anonimiškai" }).click();
  await expect(page).toHaveURL(/#arrival-report$/);
  const form = page.locator("#arrival-report");
  await expect(form.getByRole("heading", { name: "Ar jūsų laiškas pasiekė adresatą?" })).toBeVisible();
  await expectNoAxeViolations(page, "profile with the arrival form: ");
  await form.screenshot({ path: test.info().outputPath("arrival-form-on-profile.png") });

  // "No answer", a month, but not after how many weeks: the page comes back with both kept.
  await form.getByLabel("Atsakymo kol kas nėra").check();
  const posted = form.getByLabel("Kurį mėnesį išsiuntėte laišką?");
  const months = await posted.locator("option").evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).filter(Boolean));
  expect(months).toHaveLength(12);
  await posted.selectOption(months[2]!);
  await form.getByRole("button", { name: "Siųsti pranešimą" }).click();
  await expect(page).toHaveURL(/\/arrival#result$/);
  const again = page.locator("#arrival-report");
  await expect(again.getByText("Pasirinkite, po kiek savaičių vis dar nebuvo atsakymo.")).toBeVisible();
  await expect(again.getByLabel("Atsakymo kol kas nėra")).toBeChecked();
  await expect(again.getByLabel("Kurį mėnesį išsiuntėte laišką?")).toHaveValue(months[2]!);
  await expectNoAxeViolations(page, "arrival form with an error: ");
  await page.screenshot({ path: test.info().outputPath("arrival-error.png"), fullPage: true });

  await again.getByLabel("Kiek savaičių nėra atsakymo?").selectOption("4");
  await again.getByRole("button", { name: "Siųsti pranešimą" }).click();
  await expect(page).toHaveURL(/sent=counted#result$/);
  await expect(page.getByRole("status")).toContainText("Ačiū. Jūsų pranešimas įskaitytas");
  await expectNoAxeViolations(page, "arrival thanks: ");
  await page.screenshot({ path: test.info().outputPath("arrival-thanks.png"), fullPage: true });
});
