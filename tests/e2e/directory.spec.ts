import { expect, expectNoAxeViolations, test, waitForHydration } from "../support/e2e-fixtures";

const javaScriptEnabled = () => test.info().project.use.javaScriptEnabled !== false;

test("searching for Kolesnikova in the Belarusian directory finds Марыя Калеснікава", async ({ page }) => {
  const response = await page.goto("/be/prisoners");
  expect(response?.status()).toBe(200);
  await waitForHydration(page, javaScriptEnabled());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Знайсці чалавека");
  await expect(page.getByText("15 чалавек", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  const search = page.getByRole("searchbox", { name: "Імя" });
  await search.fill("Kolesnikova");
  await page.getByRole("button", { name: "Шукаць" }).click();

  await expect(page).toHaveURL(/\/be\/prisoners\?q=Kolesnikova(&|$)/);
  await expect(page.getByRole("link", { name: "Марыя Калеснікава" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Віктар Бабарыка" })).toHaveCount(0);
  await expect(page.getByText("Па запыце «Kolesnikova» знойдзены 1 чалавек")).toBeVisible();
  // The form keeps what was typed, and a search sorts best matches first.
  await expect(search).toHaveValue("Kolesnikova");
  await expect(page.getByLabel("Парадак")).toHaveValue("");
  await expect(page.getByLabel("Парадак").locator("option:checked")).toHaveText("Найлепшыя супадзенні");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Марыя Калеснікава" }).click();
  await expect(page).toHaveURL(/\/be\/prisoners\/maryia-kalesnikava$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Марыя Калеснікава");
});

test("a Cyrillic search and a patronymic find the same person in English", async ({ page }) => {
  await page.goto("/en/prisoners");
  await waitForHydration(page, javaScriptEnabled());
  await page.getByRole("searchbox", { name: "Name" }).fill("Мария Александровна Колесникова");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name: "Maryia Kalesnikava" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ has: page.locator(".directory-card") })).toHaveCount(1);
});

test("an unknown name keeps the query and suggests checking the spelling", async ({ page }) => {
  await page.goto("/en/prisoners");
  await waitForHydration(page, javaScriptEnabled());
  const typed = `Zzyzx <b>"&'`;
  await page.getByRole("searchbox", { name: "Name" }).fill(typed);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText(`No one found for “${typed}”. Check the spelling`)).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Name" })).toHaveValue(typed);
  await expect(page.locator(".directory-card")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Show everyone" }).click();
  await expect(page.getByText("15 people", { exact: true })).toBeVisible();
});

test("filters work through the form", async ({ page }) => {
  await page.goto("/en/prisoners");
  await waitForHydration(page, javaScriptEnabled());

  // The demo reports have Tsikhanouski brought to Lithuania, like Dziadok and Sparysh.
  await page.getByLabel("Status").selectOption({ label: "Released into exile" });
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/status=IN_EXILE/);
  await expect(page.getByText("3 people", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Siarhei Tsikhanouski" })).toBeVisible();
  await expect(page.getByLabel("Status")).toHaveValue("IN_EXILE");

  await expectNoAxeViolations(page);

  await page.getByLabel("Status").selectOption({ label: "Died in custody" });
  await page.getByLabel("Order").selectOption({ label: "By name" });
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("5 people", { exact: true })).toBeVisible();
  await expect(page.locator(".directory-card h3")).toHaveText([
    "Vitold Ashurak",
    "Vadzim Khrasko",
    "Mikalai Klimovich",
    "Ihar Lednik",
    "Ales Pushkin",
  ]);

  // The demo data has no birthdays and no one who can receive letters: an honest empty result.
  await page.getByLabel("Birthday month").selectOption({ label: "March" });
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No one matches these filters.")).toBeVisible();
  await expect(page.getByLabel("Birthday month")).toHaveValue("3");
  await page.getByRole("link", { name: "Clear search and filters" }).click();
  await expect(page).toHaveURL(/\/en\/prisoners$/);
  await expect(page.getByText("15 people", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Status")).toHaveValue("");
});

test("each card shows the letters of the last 30 days; bad page numbers are corrected", async ({ page }) => {
  for (const pageNumber of ["0", "-5", "99999", "abc"]) {
    const response = await page.goto(`/ru/prisoners?page=${pageNumber}&status=NOPE&month=13`);
    expect(response?.status()).toBe(200);
    await expect(page.getByText("15 человек", { exact: true })).toBeVisible();
  }
  await expect(page.getByText("За последние 30 дней писем не было").first()).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expectNoAxeViolations(page);
});
