// Issue 17: on a 390×844 phone, with JavaScript on and off (the two projects), the answer a
// person came for is on the first screen, before any scrolling: on a profile the name, the
// status with its report, whether a letter can arrive and the actions; on a campaign the
// title, the ask, the progress and the actions; in the directory the first people found.
import type { Locator, Page } from "@playwright/test";

import { expect, expectNoAxeViolations, test, waitForHydration } from "../support/e2e-fixtures";

const javaScriptEnabled = () => test.info().project.use.javaScriptEnabled !== false;
const screen = { width: 390, height: 844 };

test.use({ viewport: screen, isMobile: false });

/** Every element is shown and lies wholly within the first 844 px, the page unscrolled. */
async function expectOnFirstScreen(page: Page, elements: Record<string, Locator>) {
  expect(await page.evaluate(() => window.scrollY), "the page opens at its top").toBe(0);
  const below: string[] = [];
  for (const [name, element] of Object.entries(elements)) {
    await expect(element, name).toBeVisible();
    const box = (await element.boundingBox())!;
    if (box.y < 0 || box.y + box.height > screen.height) below.push(`${name}: ${Math.round(box.y)}–${Math.round(box.y + box.height)} px`);
  }
  expect(below, "outside the first screen").toEqual([]);
  // Nothing wider than the phone: long words wrap instead.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(screen.width);
}

for (const language of ["be", "en", "lt"] as const) {
  test(`a profile in ${language}: name, status with its report, the letter answer and the actions on the first screen`, async ({ page }) => {
    await page.goto(`/${language}/prisoners/maryia-kalesnikava`);
    await waitForHydration(page, javaScriptEnabled());
    await expectOnFirstScreen(page, {
      name: page.getByRole("heading", { level: 1 }),
      "status with its report": page.locator(".profile__status [data-status-report]"),
      "can a letter arrive": page.locator(".letter-status__answer"),
      "write a letter": page.locator(`main a[href="/${language}/prisoners/maryia-kalesnikava/write"]`),
      appeal: page.locator(`main a[href="/${language}/campaigns/free-them-all"]`).first(),
      pledge: page.locator('main a[href="#pledges-title"]'),
    });
    // The pledge link leads to the form further down.
    await page.locator('main a[href="#pledges-title"]').click();
    await expect(page.locator("#pledges-title")).toBeInViewport();
    await expectNoAxeViolations(page, `profile ${language}: `);
  });
}

for (const language of ["uk", "en"] as const) {
  test(`a campaign in ${language}: title, ask, progress and the actions on the first screen`, async ({ page }) => {
    await page.goto(`/${language}/campaigns/free-them-all`);
    await waitForHydration(page, javaScriptEnabled());
    await expectOnFirstScreen(page, {
      title: page.getByRole("heading", { level: 1 }),
      ask: page.locator(".campaign__ask"),
      progress: page.locator("#campaign-progress"),
      appeal: page.locator(`main a[href="/${language}/campaigns/free-them-all/appeal"]`).first(),
      pledge: page.locator('main a[href="#pledges-title"]'),
    });
    await expectNoAxeViolations(page, `campaign ${language}: `);
  });
}

for (const language of ["ru", "en"] as const) {
  test(`the directory in ${language}: filters folded, the first people found on the first screen`, async ({ page }) => {
    await page.goto(`/${language}/prisoners`);
    await waitForHydration(page, javaScriptEnabled());
    const filters = page.locator("details.directory-form__filters-box");
    await expect(filters).not.toHaveAttribute("open");
    await expectOnFirstScreen(page, {
      title: page.getByRole("heading", { level: 1 }),
      search: page.locator("#directory-q"),
      "filters disclosure": filters.locator("summary"),
      "first person": page.locator(".directory-card .prisoner-card__name").first(),
    });
    // The disclosure opens without JavaScript, and the filters inside it work.
    await filters.locator("summary").click();
    await expect(page.locator("#directory-status")).toBeVisible();
    await page.locator("#directory-status").selectOption("IN_CUSTODY");
    await filters.locator("button[type=submit]").click();
    await expect(page).toHaveURL(/status=IN_CUSTODY/);
    // A filter in use keeps the disclosure open, so what is applied stays in sight.
    await expect(page.locator("details.directory-form__filters-box")).toHaveAttribute("open");
    await expect(page.locator("#directory-status")).toHaveValue("IN_CUSTODY");
    await expectNoAxeViolations(page, `directory ${language}: `);
  });
}
