import { expect, expectNoAxeViolations, test, waitForHydration } from "../support/e2e-fixtures";

// Copied from pages.spec.ts.
const javaScriptEnabled = () => test.info().project.use.javaScriptEnabled !== false;

// The demo data gives no birthdays, so the page must say so and point to the directory.
const emptyStates = [
  { language: "en", title: "Birthdays", empty: /do not give the birth dates/, directory: "See everyone in the prisoners directory" },
  { language: "be", title: "Дні нараджэння", empty: /не названыя даты нараджэння/, directory: "Усе палітвязні ў каталогу" },
] as const;

for (const { language, title, empty, directory } of emptyStates) {
  test(`the birthdays page in ${language} explains why it is empty`, async ({ page }) => {
    const response = await page.goto(`/${language}/birthdays`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByText(empty)).toBeVisible();
    await expect(page.getByRole("link", { name: directory })).toHaveAttribute("href", `/${language}/prisoners`);
    await expect(page.locator('.site-nav a[aria-current="page"]')).toHaveAttribute("href", `/${language}/birthdays`);
    await expectNoAxeViolations(page);
  });
}

test("the month filter is a plain GET form that keeps the chosen month", async ({ page }) => {
  await page.goto("/en/birthdays");
  await waitForHydration(page, javaScriptEnabled());
  const select = page.getByLabel("Show birthdays");
  await expect(select).toHaveValue("");
  await expect(select.locator("option")).toHaveCount(13);
  await select.selectOption({ label: "March" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/\/en\/birthdays\?month=3$/);
  await expect(page.getByRole("heading", { level: 2, name: "Birthdays in March" })).toBeVisible();
  await expect(page.getByLabel("Show birthdays")).toHaveValue("3");
  await expectNoAxeViolations(page);

  // Back to the coming weeks.
  await page.getByLabel("Show birthdays").selectOption({ value: "" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/\/en\/birthdays\?month=$/);
  await expect(page.getByRole("heading", { level: 2, name: "Birthdays in the next 60 days" })).toBeVisible();
});

test("month names come from the server in the page's language", async ({ page }) => {
  await page.goto("/be/birthdays?month=1");
  await expect(page.getByRole("heading", { level: 2, name: "Дні нараджэння: студзень" })).toBeVisible();
  const select = page.getByLabel("Паказаць дні нараджэння");
  await expect(select).toHaveValue("1");
  await expect(select.locator("option").nth(1)).toHaveText("Студзень");
  await expect(select.locator("option").nth(12)).toHaveText("Снежань");
  await expectNoAxeViolations(page);
});

test("a month that does not exist gives the coming birthdays and a note, not an error", async ({ page }) => {
  const response = await page.goto("/en/birthdays?month=13");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("status")).toHaveText(/not one we know/);
  await expect(page.getByLabel("Show birthdays")).toHaveValue("");
  await expect(page.getByRole("heading", { level: 2, name: "Birthdays in the next 60 days" })).toBeVisible();
});

test("the page links to the calendar feed in its language", async ({ page }) => {
  await page.goto("/ru/birthdays");
  const link = page.getByRole("link", { name: "Календарь дней рождения (iCalendar)" });
  await expect(link).toHaveAttribute("href", "/ru/birthdays.ics");
  const feed = await page.request.get("/ru/birthdays.ics");
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const unfolded = (await feed.text()).replace(/\r\n /g, "");
  expect(unfolded).toContain("X-WR-CALNAME:Listy: дни рождения политзаключённых\r\n");
});
