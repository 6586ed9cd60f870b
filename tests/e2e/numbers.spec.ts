import { expect, expectNoAxeViolations, test, waitForHydration } from "../support/e2e-fixtures";

// What a reader must find, written out per language rather than read from the locale files.
const expected = {
  en: {
    heading: "The numbers over time",
    prisonersChart: "Reported numbers of political prisoners in Belarus",
    flowsChart: "Reported releases and arrests in Belarus, by period",
    table: "Numbers reported about Belarus, oldest first, with who counted them and their sources",
    headline: ["Political prisoners", "1,184 people", "September 18, 2025", "Viasna", "Inter Press Service"],
    lowerBound: "“More than”: a lower bound",
    monthOnly: "Date known only to the month (the bar spans the whole month)",
  },
  be: {
    heading: "Лічбы з цягам часу",
    prisonersChart: "Колькасць палітвязняў у Беларусі паводле апублікаваных звестак",
    flowsChart: "Колькасць вызваленых і затрыманых у Беларусі паводле апублікаваных звестак, па перыядах",
    table: "Лічбы пра Беларусь са справаздач, ад старэйшых да навейшых, з тым, хто лічыў, і з крыніцамі",
    headline: ["Палітвязні", "1184 чалавекі", "18 верасня 2025 г.", "«Вясна»", "Inter Press Service"],
    lowerBound: "«Больш за»: ніжняя мяжа",
    monthOnly: "Дата вядомая толькі з дакладнасцю да месяца (адрэзак ахоплівае ўвесь месяц)",
  },
} as const;

for (const language of ["en", "be"] as const) {
  const strings = expected[language];

  test(`the numbers page in ${language}: charts with accessible names, the full table, axe clean`, async ({ page }) => {
    const javaScriptEnabled = test.info().project.use.javaScriptEnabled !== false;
    const response = await page.goto(`/${language}/about/numbers`);
    expect(response?.status()).toBe(200);
    await waitForHydration(page, javaScriptEnabled);
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(strings.heading);

    // The charts are server-rendered images, named by their <title> and described by their <desc>.
    const prisonersChart = page.getByRole("img", { name: strings.prisonersChart, exact: true });
    await expect(prisonersChart).toBeVisible();
    await expect(prisonersChart).toHaveAttribute("aria-describedby", "chart-prisoners-desc");
    await expect(prisonersChart.locator(".figure-chart__point")).toHaveCount(4);
    await expect(prisonersChart.locator(".figure-chart__marker--more-than")).toHaveCount(1);
    // Two figures dated only to a month (July and September 2025) and one to a year (2024) are bars.
    await expect(prisonersChart.locator('.figure-chart__range[data-precision="MONTH"]')).toHaveCount(2);
    await expect(prisonersChart.locator('.figure-chart__range[data-precision="YEAR"]')).toHaveCount(1);
    await expect(page.getByText(strings.monthOnly, { exact: true })).toBeVisible();
    const box = await prisonersChart.boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect(box?.height).toBeGreaterThan(100);
    await expect(page.getByRole("img", { name: strings.flowsChart, exact: true })).toBeVisible();
    await expect(page.getByText(strings.lowerBound, { exact: true })).toBeVisible();

    const table = page.getByRole("table", { name: strings.table });
    await expect(table).toBeVisible();
    await expect(table.locator("tbody tr")).toHaveCount(13);
    await expect(table.getByRole("columnheader")).toHaveCount(5);
    const headline = table.getByRole("row").filter({ hasText: strings.headline[1] });
    await expect(headline).toHaveCount(1);
    for (const part of strings.headline) await expect(headline).toContainText(part);

    await expectNoAxeViolations(page);
  });
}

test("the site navigation leads to the numbers page and marks it as current", async ({ page }) => {
  await page.goto("/en/");
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Numbers" }).click();
  await expect(page).toHaveURL(/\/en\/about\/numbers$/);
  await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Numbers" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByRole("img", { name: expected.en.prisonersChart, exact: true })).toBeVisible();
});

test("the numbers page in another language keeps its place through the language switcher", async ({ page }) => {
  await page.goto("/en/about/numbers");
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Беларуская" }).click();
  await expect(page).toHaveURL(/\/be\/about\/numbers$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(expected.be.heading);
});
