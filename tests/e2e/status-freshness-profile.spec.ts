// Issue 13, "done when": a status reported seven months ago makes the profile say "last
// reported" and answer "not known" for letters; one reported 30 days ago is stated "as
// reported by". JavaScript on and off, and the answer on the first screen of a phone.
//
// The reports are dated relative to today, so they are written before the server starts:
// this spec runs its own Listy (the embedded database has one owner at a time).
import { migrateDatabase, openDatabase } from "~/utils/database.server";
import { formatDate } from "~/utils/format";

import { seedDemoData } from "../../prisma/seed";
import { test as base, expect, expectNoAxeViolations, waitForHydration } from "../support/e2e-fixtures";
import { startOwnListy } from "../support/spawn-listy";
import { daysAgo, reportStatus } from "../support/status-fixture";

interface FreshnessWorld {
  url: string;
  /** The publication names of the two test reports. */
  stale: string;
  fresh: string;
}

const test = base.extend<object, { freshnessWorld: FreshnessWorld }>({
  freshnessWorld: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const listy = await startOwnListy({
        name: "status-freshness",
        env: { SEED_DEMO_DATA: "false" },
        prepare: async (env) => {
          const database = await openDatabase({ kind: "pglite", dataDir: env.PGLITE_DATA_DIR! });
          await migrateDatabase(database);
          await seedDemoData(database.prisma);
          // Seven months back: "can receive letters" then, unconfirmed since.
          const stale = await reportStatus(database.prisma, "ales-bialiatski", { daysAgo: 213, status: "IN_CUSTODY", letterStatus: "CAN_RECEIVE" });
          const fresh = await reportStatus(database.prisma, "ihar-ilyash", { daysAgo: 30, status: "IN_CUSTODY", letterStatus: "CAN_RECEIVE" });
          await database.close();
          return { stale, fresh };
        },
      });
      try {
        await use({ url: listy.url, ...listy.prepared });
      } finally {
        await listy.stop();
      }
    },
    { scope: "worker", timeout: 150_000 },
  ],
  baseURL: async ({ freshnessWorld }, use) => {
    await use(freshnessWorld.url);
  },
});

const javaScriptEnabled = () => test.info().project.use.javaScriptEnabled !== false;
const displayDate = (days: number, language: "en" | "be") => formatDate(daysAgo(days).toISOString().slice(0, 10), "DAY", language);

test("a status reported seven months ago is 'last reported', and letters are 'not known'", async ({ page, freshnessWorld }) => {
  test.setTimeout(90_000);
  await page.goto("/en/prisoners?q=Bialiatski");
  await waitForHydration(page, javaScriptEnabled());
  await page.getByRole("link", { name: "Ales Bialiatski" }).click();
  await expect(page).toHaveURL(/\/en\/prisoners\/ales-bialiatski$/);

  const status = page.locator(".profile__status [data-status-report]");
  await expect(status).toHaveAttribute("data-status-report", "stale");
  await expect(status).toContainText("In custody");
  await expect(status).toContainText(`last reported by ${freshnessWorld.stale}, ${displayDate(213, "en")}; not confirmed since`);
  await expect(status).not.toContainText("as reported by");

  const letters = page.getByRole("region", { name: "Can a letter arrive?" });
  await expect(letters.locator(".letter-status__answer")).toHaveText("Not known.");
  await expect(letters).toContainText("An earlier report said: “Yes, letters can arrive.”");
  await expect(letters).toContainText(freshnessWorld.stale);
  await expect(letters).toContainText("check with the campaign or the person's relatives before you post");
  // Not routed anywhere on the strength of the old report: the ordinary letter, no letter bank.
  await expect(page.getByRole("link", { name: "Write a letter to Ales Bialiatski" })).toBeVisible();
  await expectNoAxeViolations(page, "stale profile: ");
});

test("a status reported 30 days ago is stated 'as reported by' with its source and date", async ({ page, freshnessWorld }) => {
  test.setTimeout(90_000);
  await page.goto("/en/prisoners/ihar-ilyash");
  await waitForHydration(page, javaScriptEnabled());
  const status = page.locator(".profile__status [data-status-report]");
  await expect(status).toHaveAttribute("data-status-report", "fresh");
  await expect(status).toContainText(`as reported by ${freshnessWorld.fresh}, ${displayDate(30, "en")}`);
  const letters = page.getByRole("region", { name: "Can a letter arrive?" });
  await expect(letters.locator(".letter-status__answer")).toHaveText("Yes, letters can arrive.");
  await expect(letters.locator("[data-status-report]")).toContainText(`as reported by ${freshnessWorld.fresh}`);
  await expect(letters).not.toContainText("An earlier report said");
  await expectNoAxeViolations(page, "fresh profile: ");
});

test("on a phone, in Belarusian, the name, the status with its report and the letter answer are on the first screen", async ({ page, freshnessWorld }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/be/prisoners/ales-bialiatski");
  await waitForHydration(page, javaScriptEnabled());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Алесь Бяляцкі");
  await expect(page.locator(".profile__status [data-status-report]")).toContainText(freshnessWorld.stale);
  const answer = page.locator(".letter-status__answer");
  await expect(answer).toHaveText("Невядома.");
  for (const element of [page.getByRole("heading", { level: 1 }), page.locator(".profile__status"), answer]) {
    const box = (await element.boundingBox())!;
    expect(box.y + box.height, "within the first 844 px").toBeLessThanOrEqual(844);
  }
  // Nothing wider than the phone: the report line wraps instead.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath("profile-be-390x844.png") });
  await expectNoAxeViolations(page, "phone profile: ");
});
