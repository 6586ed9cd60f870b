// Issue 13, "done when": a status reported seven months back is not stated in the appeal; one
// reported 30 days back is, with its source. Runs in the JavaScript and the no-JavaScript
// projects on a phone-sized screen, the page in Lithuanian around a Russian letter.
//
// The embedded database has one owner at a time, so the reports are set before this spec's own
// Listy starts: Ilyash's status was reported 213 days back, Bialiatski's 30 days back.
import { migrateDatabase, openDatabase } from "~/utils/database.server";

import { seedDemoData } from "../../prisma/seed";
import { test as base, expect, expectNoAxeViolations } from "../support/e2e-fixtures";
import { giveDemoOfficialTestContacts } from "../support/officials";
import { startOwnListy } from "../support/spawn-listy";
import { reportStatus } from "../support/status-fixture";

interface Reports {
  fresh: string;
  stale: string;
}

const test = base.extend<object, { world: { url: string; reports: Reports } }>({
  world: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const listy = await startOwnListy<Reports>({
        name: "status-appeal",
        env: { SEED_DEMO_DATA: "false" },
        prepare: async (env) => {
          const database = await openDatabase({ kind: "pglite", dataDir: env.PGLITE_DATA_DIR! });
          await migrateDatabase(database);
          await seedDemoData(database.prisma);
          await giveDemoOfficialTestContacts(database.prisma);
          const stale = await reportStatus(database.prisma, "ihar-ilyash", { daysAgo: 213, status: "IN_CUSTODY", only: "status" });
          const fresh = await reportStatus(database.prisma, "ales-bialiatski", { daysAgo: 30, status: "IN_CUSTODY", only: "status" });
          await database.close();
          return { fresh, stale };
        },
      });
      try {
        await use({ url: listy.url, reports: listy.prepared });
      } finally {
        await listy.stop();
      }
    },
    { scope: "worker", timeout: 150_000 },
  ],
  baseURL: async ({ world }, use) => {
    await use(world.url);
  },
});

test.use({ viewport: { width: 390, height: 844 } });

const appealFor = (prisoner: string) => `/lt/campaigns/free-them-all/appeal?target=alyaksandr-lukashenka&prisoner=${prisoner}&seed=7`;
const STATUS_LABEL = "Положение по сообщению";
/** The label of any status sentence, dated or (as appeals used to print it) not. */
const STATUS_WORD = "Положение";

test("a status reported seven months back is not stated in the appeal, its preview or the printed letter", async ({ page, world }, testInfo) => {
  await page.goto(appealFor("ihar-ilyash"));
  const body = await page.getByLabel("Kreipimosi tekstas").inputValue();
  expect(body).toContain("Ильяш");
  expect(body).not.toContain(STATUS_WORD);
  expect(body).not.toContain(world.reports.stale);
  // What the law counts as an appeal is said beside the signature choice.
  await expect(page.getByText("Anoniminis laiškas ar paprastas el. laiškas nėra kreipimasis")).toBeVisible();

  await page.getByRole("button", { name: "Rodyti visą laišką" }).click();
  const preview = page.locator(".appeal-preview .appeal-letter");
  await expect(preview).toContainText("Ильяш");
  await expect(preview).not.toContainText(STATUS_WORD);

  await page.getByRole("button", { name: "Versija spausdinti" }).click();
  const sheet = page.locator(".appeal-print__sheet");
  await expect(sheet.locator(".appeal-print__recipient p").first()).toHaveText("Главе белорусского государства");
  await expect(sheet.locator(".appeal-print__recipient p").nth(1)).toHaveText("А. Г. Лукашенко");
  await expect(sheet).not.toContainText(STATUS_WORD);
  await sheet.screenshot({ path: testInfo.outputPath("stale-print.png") });
  await page.locator('section[aria-labelledby="sign-title"]').screenshot({ path: testInfo.outputPath("legal-notice.png") });
});

test("a status reported 30 days back is stated with its source and date", async ({ page, world }, testInfo) => {
  await page.goto(appealFor("ales-bialiatski"));
  const body = await page.getByLabel("Kreipimosi tekstas").inputValue();
  expect(body).toContain(`${STATUS_LABEL} ${world.reports.fresh} (`);
  await expect(page.locator(".appeal-to")).toContainText("Baltarusijos valstybės vadovui, A. Lukašenkai");
  await expectNoAxeViolations(page, "appeal form: ");

  await page.getByRole("button", { name: "Rodyti visą laišką" }).click();
  await expect(page.locator(".appeal-preview .appeal-letter")).toContainText(`${STATUS_LABEL} ${world.reports.fresh} (`);
  await page.locator(".appeal-preview").screenshot({ path: testInfo.outputPath("fresh-preview.png") });
  await page.locator(".appeal-to").screenshot({ path: testInfo.outputPath("fresh-to.png") });
});
