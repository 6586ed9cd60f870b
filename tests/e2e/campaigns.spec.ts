import { expect, expectNoAxeViolations, test } from "../support/e2e-fixtures";

test("from the campaign list to a campaign and on to a prisoner, in English", async ({ page }) => {
  const list = await page.goto("/en/campaigns");
  expect(list?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Campaigns");
  await expect(page.getByRole("progressbar", { name: "Progress towards the goal" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Free them all" }).click();
  await expect(page).toHaveURL(/\/en\/campaigns\/free-them-all$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Free them all");
  const meter = page.getByRole("progressbar", { name: "Progress towards the goal" });
  await expect(meter).toHaveAttribute("max", "1000");
  await expect(page.getByText(/^\d[\d,]* actions? of 1,000$/).first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Who it is addressed to" })).toBeVisible();
  await expect(page.getByText("Alyaksandr Lukashenka")).toBeVisible();
  await expectNoAxeViolations(page);

  const prisoners = page.getByRole("region", { name: /Who it is for/ });
  await expect(prisoners.getByRole("link")).toHaveCount(7);
  await prisoners.getByRole("link", { name: "Maryia Kalesnikava" }).click();
  await expect(page).toHaveURL(/\/en\/prisoners\/maryia-kalesnikava$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Maryia Kalesnikava");
});

test("the campaign in Belarusian: names in Belarusian, accessible, and the actions link to profiles", async ({ page }) => {
  await page.goto("/be/campaigns");
  await expect(page.locator("html")).toHaveAttribute("lang", "be");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Вызваліце ўсіх" }).click();
  await expect(page).toHaveURL(/\/be\/campaigns\/free-them-all$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Вызваліце ўсіх");
  await expect(page.getByRole("link", { name: "Алесь Бяляцкі", exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Профіль: Ігар Лосік" }).click();
  await expect(page).toHaveURL(/\/be\/prisoners\/ihar-losik$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ігар Лосік");
});

for (const language of ["ru", "uk", "pl", "lt"] as const) {
  test(`the campaign page in ${language} is accessible and in the right language`, async ({ page }) => {
    const response = await page.goto(`/${language}/campaigns/free-them-all`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    await expect(page.getByRole("progressbar")).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test("an unknown campaign is a translated, accessible 404", async ({ page }) => {
  const response = await page.goto("/pl/campaigns/no-such-campaign");
  expect(response?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
});
