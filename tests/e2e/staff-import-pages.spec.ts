// Issue 16: the import report's numbered page links, in a real browser with JavaScript on and
// off, on a 390×844 phone, read in Belarusian: first, last, the current page marked, gaps, the
// row filter kept; axe checks the page. Run on its own port:
//   E2E_PORT=4432 npx playwright test tests/e2e/staff-import-pages.spec.ts
import { test as base, expect, expectNoAxeViolations, waitForHydration } from "../support/e2e-fixtures";
import { staffSessions, startOwnListy } from "../support/spawn-listy";

interface Session {
  id: string;
  name: string;
  cookie: string;
}

const test = base.extend<object, { pagesWorld: { url: string; campaigner: Session } }>({
  pagesWorld: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const listy = await startOwnListy({ name: "import-pages", prepare: staffSessions<Session>("campaigner") });
      try {
        await use({ url: listy.url, campaigner: listy.prepared["campaigner-1"]! });
      } finally {
        await listy.stop();
      }
    },
    { scope: "worker", timeout: 150_000 },
  ],
  baseURL: async ({ pagesWorld }, use) => {
    await use(pagesWorld.url);
  },
});

test.use({ viewport: { width: 390, height: 844 } });

const LETTERS = "абвгдежзиклмнопрстуфхцчшэюя";

test("the import report's pages are numbered links that keep the filter, on a phone, in Belarusian", async ({ page, pagesWorld }) => {
  test.setTimeout(90_000);
  const javaScriptEnabled = test.info().project.use.javaScriptEnabled !== false;
  await page.context().addCookies([{ name: "listy_staff", value: pagesWorld.campaigner.cookie, url: pagesWorld.url }]);

  // 900 rows, 100 a page: 9 pages; every third row is one word (an error): 3 pages of problems.
  const rows = Array.from({ length: 900 }, (_, index) => {
    const family = `Старонкаў${LETTERS[index % 27]}${LETTERS[Math.floor(index / 27) % 27]}`;
    return index % 3 === 0 ? family : `${family} Янка`;
  });
  await page.goto("/en/staff/prisoners/import");
  await waitForHydration(page, javaScriptEnabled);
  await page.getByLabel("CSV file").setInputFiles({ name: "pages.csv", mimeType: "text/csv", buffer: Buffer.from(["ФИО", ...rows].join("\r\n"), "utf8") });
  await page.getByRole("button", { name: "Check the file (dry run)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import of pages.csv" })).toBeVisible();

  await page.goto(page.url().replace("/en/", "/be/"));
  await waitForHydration(page, javaScriptEnabled);
  const pages = page.getByRole("navigation", { name: "Старонкі радкоў" });
  await expect(pages.getByRole("link", { name: "Старонка 1", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(pages.getByRole("link", { name: "Старонка 9", exact: true })).toBeVisible();
  await expect(pages.getByText("…")).toHaveCount(1);

  await pages.getByRole("link", { name: "Старонка 9", exact: true }).click();
  await expect(page).toHaveURL(/\?page=9$/);
  await expect(page.getByRole("navigation", { name: "Старонкі радкоў" }).getByRole("link", { name: "Старонка 9", exact: true })).toHaveAttribute("aria-current", "page");

  // The filter for rows with problems stays in every page link.
  await page.goto(`${page.url().split("?")[0]}?rows=problems&page=2`);
  await waitForHydration(page, javaScriptEnabled);
  const problemPages = page.getByRole("navigation", { name: "Старонкі радкоў" });
  await expect(problemPages.getByRole("link", { name: "Старонка 2", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(problemPages.getByRole("link", { name: "Наступная старонка" })).toHaveAttribute("href", /\?rows=problems&page=3$/);
  await problemPages.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath(`import-pages-be-${javaScriptEnabled ? "js" : "nojs"}.png`) });
  await expectNoAxeViolations(page, "import report (be): ");
});
