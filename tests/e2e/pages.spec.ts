import { expect, expectNoAxeViolations, test } from "../support/e2e-fixtures";

const languages = ["be", "ru", "uk", "pl", "lt", "en"] as const;

for (const language of languages) {
  test(`home and a profile in ${language}: accessible, self-contained, in the right language`, async ({ page }) => {
    const home = await page.goto(`/${language}/`);
    expect(home?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.locator(".prisoner-card a").first().click();
    await expect(page).toHaveURL(new RegExp(`/${language}/prisoners/[a-z-]+$`));
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    await expect(page.locator(".timeline li").first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test("the Belarusian home page shows people waiting for a letter by their Belarusian names, and leads to everyone", async ({ page }) => {
  await page.goto("/be/");
  // A bounded selection (issue 15), not every profile: the directory lists everyone.
  await expect(page.getByRole("link", { name: "Ігар Ільяш" })).toBeVisible();
  await page.getByRole("link", { name: /^Шукаць у спісе: усе \d+ чалавек/ }).click();
  await expect(page).toHaveURL(/\/be\/prisoners$/);
  await expect(page.getByRole("link", { name: "Марыя Калеснікава" })).toBeVisible();
});

test("the language switcher opens the same page in another language", async ({ page }) => {
  await page.goto("/en/prisoners/maryia-kalesnikava");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Maryia Kalesnikava");
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Русский" }).click();
  await expect(page).toHaveURL(/\/ru\/prisoners\/maryia-kalesnikava$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Мария Колесникова");
  await expect(page.locator('[aria-current="true"]')).toHaveText("Русский");
});

test("keyboard users can skip straight to the content", async ({ page }) => {
  await page.goto("/en/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("a missing page is a translated, accessible 404", async ({ page }) => {
  const response = await page.goto("/lt/prisoners/nobody-at-all");
  expect(response?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("lang", "lt");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("/ sends the browser to its preferred language", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: "pl-PL", baseURL });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/pl\/$/);
  await context.close();
});
