// Issue 7, item 4 (import), in a real browser with JavaScript on and off: a campaigner
// uploads a CSV file, reads the dry run (nothing written yet), applies it, and sees the new
// drafts in the report; axe checks every page. Run on its own port:
//   E2E_PORT=4282 npx playwright test tests/e2e/staff-import.spec.ts
//
// Like staff-campaigns.spec.ts, this spec starts its own Listy per worker: the staff session
// is written into a fresh embedded database before the server opens it.
import { test as base, expect, expectNoAxeViolations, waitForHydration } from "../support/e2e-fixtures";
import { staffSessions, startOwnListy } from "../support/spawn-listy";

interface Session {
  id: string;
  name: string;
  cookie: string;
}

const test = base.extend<object, { importWorld: { url: string; campaigner: Session } }>({
  importWorld: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const listy = await startOwnListy({ name: "import", prepare: staffSessions<Session>("campaigner") });
      try {
        const sessions = listy.prepared;
        await use({ url: listy.url, campaigner: sessions["campaigner-1"]! });
      } finally {
        await listy.stop();
      }
    },
    { scope: "worker", timeout: 150_000 },
  ],
  baseURL: async ({ importWorld }, use) => {
    await use(importWorld.url);
  },
});

test("a campaigner uploads a CSV file, reads the dry run, applies it and sees the new drafts", async ({ page, importWorld }) => {
  test.setTimeout(90_000);
  const javaScriptEnabled = test.info().project.use.javaScriptEnabled !== false;
  const family = javaScriptEnabled ? "Скрыптавая" : "Бясскрыптавая";
  await page.context().addCookies([{ name: "listy_staff", value: importWorld.campaigner.cookie, url: importWorld.url }]);

  await page.goto("/en/staff/prisoners/import");
  await waitForHydration(page, javaScriptEnabled);
  await expect(page.getByRole("heading", { level: 1, name: "Import prisoners from CSV" })).toBeVisible();
  await expectNoAxeViolations(page, "upload page: ");

  const csv = [
    "ФИО;Дата рождения;Дата задержания;Учреждение;Статус",
    `${family} Вольга Пятроўна;01.02.1990;04.03.2021;Гродненская тюрьма;в заключении`,
    `${family} Ганна;1985-07-30;;hrodna-prison;у зняволенні`,
    `${family} Марына;31.02.1985;;;`,
  ].join("\r\n");
  await page.getByLabel("CSV file").setInputFiles({ name: "list.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}`, "utf8") });
  await page.getByLabel("Source of the list (optional)").fill("Test list");
  await page.getByRole("button", { name: "Check the file (dry run)" }).click();

  // The dry run: one row with an invalid date blocks the import; nothing is written.
  await expect(page.getByRole("heading", { level: 1, name: "Import of list.csv" })).toBeVisible();
  await expect(page.locator('[data-outcome="error"] dd')).toHaveText("1");
  await expect(page.locator('tr[data-line="4"]')).toContainText("“31.02.1985” is not a date");
  await expect(page.getByRole("button", { name: /Apply the import/ })).toHaveCount(0);
  await expectNoAxeViolations(page, "report with errors: ");

  // The corrected file.
  await page.getByRole("link", { name: "All imports" }).click();
  await page.getByLabel("CSV file").setInputFiles({ name: "list.csv", mimeType: "text/csv", buffer: Buffer.from(csv.split("\r\n").slice(0, 3).join("\r\n"), "utf8") });
  await page.getByRole("button", { name: "Check the file (dry run)" }).click();
  await expect(page.locator('[data-outcome="new"] dd')).toHaveText("2");
  await expect(page.locator('[data-outcome="error"] dd')).toHaveText("0");
  await expect(page.locator('tr[data-line="2"]')).toContainText("New draft");
  await expectNoAxeViolations(page, "clean report: ");
  await page.getByRole("button", { name: "Apply the import (2 rows)" }).click();

  await expect(page.getByRole("status")).toHaveText("Done. New drafts: 2. Drafts updated: 0. Changes sent to review: 0. Charges added: 0.", { timeout: 30_000 });
  await expect(page.locator("tr[data-outcome='new']")).toHaveCount(2);
  await expect(page.locator('tr[data-line="2"] .import-slug')).toHaveText(/^[a-z0-9-]+$/);
  await expectNoAxeViolations(page, "applied report: ");

  await page.getByRole("link", { name: "All imports" }).click();
  await expect(page.getByRole("table", { name: "The latest imports, newest first" }).getByRole("row").nth(1)).toContainText("Applied");
});
