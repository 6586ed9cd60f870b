// Issue 17, the supporter's side, on a 390×844 phone, run with JavaScript on and off (the two
// projects): the appeal is always about the person chosen, previews land at their result,
// the letter builder's summary reaches the preview, and "needs letters most" never offers
// someone a letter cannot reach.
import { readFile } from "node:fs/promises";

import { extractText, getDocumentProxy } from "unpdf";

import { expect, expectNoAxeViolations, test, waitForHydration } from "../support/e2e-fixtures";

const javaScriptEnabled = () => test.info().project.use.javaScriptEnabled !== false;

test.use({ viewport: { width: 390, height: 844 }, isMobile: false });

test("the appeal downloaded right after choosing another person speaks about that person", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto("/ru/campaigns/free-them-all/appeal");
  await waitForHydration(page, javaScriptEnabled());
  const person = page.getByLabel("Человек, о котором говорится в письме");
  const before = (await person.locator("option:checked").textContent())!.trim();
  const options = (await person.locator("option").allTextContents()).map((name) => name.trim());
  const other = options.find((name) => name !== before)!;
  expect(other, "the demo campaign speaks about more than one person").toBeTruthy();
  expect(await page.getByLabel("Текст обращения").inputValue()).toContain(before.split(" ")[0]);

  await person.selectOption({ label: other });
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Скачать PDF" }).click();
  const download = await downloading;
  const bytes = await readFile((await download.path())!);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  const flat = text.replace(/\s+/g, " ");
  expect(flat).toContain(other.split(" ")[0]);
  expect(flat).not.toContain(before.split(" ")[0]);
});

/** The element's box lies within the 844 px high screen (the page is scrolled to it). */
async function expectOnScreen(page: import("@playwright/test").Page, selector: string) {
  await expect
    .poll(async () => {
      const box = await page.locator(selector).boundingBox();
      return box !== null && box.y >= 0 && box.y + Math.min(box.height, 60) <= 844;
    }, { message: `${selector} is on the first screen` })
    .toBe(true);
}

test("the letter builder's preview lands with the checked letter on screen", async ({ page }) => {
  await page.goto("/en/prisoners/ihar-ilyash/write");
  await waitForHydration(page, javaScriptEnabled());
  await page.getByRole("checkbox", { name: "Dear Ihar!" }).check();
  await page.getByRole("button", { name: "Check and show the letter" }).click();
  await expect(page).toHaveURL(/\/write#result$/);
  await expect(page.locator("#result")).toContainText("Dear Ihar!");
  await expectOnScreen(page, "#preview-heading");
});

test("the appeal's whole letter and another wording land with the result on screen, errors at their summary", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto("/en/campaigns/free-them-all/appeal");
  await waitForHydration(page, javaScriptEnabled());
  await page.getByRole("button", { name: "Show the whole letter" }).click();
  await expect(page).toHaveURL(/#result$/);
  await expectOnScreen(page, "#preview-title");

  await page.getByRole("button", { name: "Another wording" }).click();
  await expect(page.locator("#result")).toContainText("Here is another wording");
  await expectOnScreen(page, "#text-title");

  await page.getByLabel("Subject", { exact: true }).fill("");
  await page.getByRole("button", { name: "Show the whole letter" }).click();
  await expectOnScreen(page, "#errors-title");
  if (javaScriptEnabled()) await expect(page.locator("#errors-title")).toBeFocused();
  await expectNoAxeViolations(page, "appeal errors: ");
});

test("“needs letters most” never lists a released, exiled or dead person before anyone still held", async ({ page }) => {
  await page.goto("/pl/prisoners");
  const statuses = await page.locator(".directory-card .status").evaluateAll((badges) => badges.map((badge) => badge.className));
  expect(statuses.length).toBeGreaterThan(1);
  const notHeld = (className: string) => /status--(released|in-exile|died-in-custody)/.test(className);
  expect(notHeld(statuses[0]!), `first card: ${statuses[0]}`).toBe(false);
  // Once the list reaches people no longer held, nobody held comes after them.
  const firstNotHeld = statuses.findIndex(notHeld);
  if (firstNotHeld >= 0) expect(statuses.slice(firstNotHeld).every(notHeld)).toBe(true);
  // Nobody who cannot be written to is shown as waiting for letters.
  const deadCard = page.locator(".directory-card", { has: page.locator(".status--died-in-custody") });
  for (const card of await deadCard.all()) await expect(card.locator(".directory-card__facts")).not.toContainText(/list/i);
});

test("on a phone the letter builder folds its sections and its summary bar reaches the preview", async ({ page }) => {
  await page.goto("/en/prisoners/ihar-ilyash/write");
  await waitForHydration(page, javaScriptEnabled());
  if (javaScriptEnabled()) await expect(page.locator('form[data-live-preview="on"]')).toBeVisible();
  // Folded sections: the page is a few screens long, not dozens.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThan(844 * 8);
  await page.getByRole("checkbox", { name: "Dear Ihar!" }).check();
  const summary = page.locator(".letter-summary a");
  // With JavaScript the count follows the ticks; without, it is the last checked draft's.
  await expect(summary).toHaveText(javaScriptEnabled() ? "1 phrase · Show my letter" : "0 phrases · Show my letter");
  await expectOnScreen(page, ".letter-summary a");
  await summary.click();
  await expect(page).toHaveURL(/#preview-heading$/);
  await expectOnScreen(page, "#preview-heading");
  if (javaScriptEnabled()) await expect(page.locator(".preview")).toContainText("Dear Ihar!");
  else await page.getByRole("button", { name: "Check and show the letter" }).click();
  await expect(page.locator(".preview")).toContainText("Dear Ihar!");
  // Stacked on a phone, each column says its language.
  const label = await page.locator(".side-by-side td").first().evaluate((cell) => getComputedStyle(cell, "::before").content);
  expect(label).toContain("Russian");
  await expectNoAxeViolations(page, "builder on a phone: ");
});
