// Issue 13, "done when", for letters, in both projects (JavaScript on and off): a fresh report
// of "incommunicado" sends the letter to the letter bank; the same report 7 months old routes
// the letter as "unknown": download only, with the last report named and "check before you post".
//
// The demo reports are all older than the stale-after setting, so this spec starts its own
// Listy (one per Playwright worker) with reports dated relative to today, written into a fresh
// embedded database before the server owns it.
import { readFile } from "node:fs/promises";

import { extractText, getDocumentProxy } from "unpdf";

import { migrateDatabase, openDatabase } from "~/utils/database.server";

import { seedDemoData } from "../../prisma/seed";
import { test as base, expect, expectNoAxeViolations, waitForHydration } from "../support/e2e-fixtures";
import { startOwnListy } from "../support/spawn-listy";
import { reportStatus } from "../support/status-fixture";

interface FreshnessWorld {
  url: string;
  freshSource: string;
  staleSource: string;
}

const test = base.extend<object, { freshnessWorld: FreshnessWorld }>({
  freshnessWorld: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const listy = await startOwnListy({
        name: "freshness-letters",
        env: { SEED_DEMO_DATA: "false" },
        prepare: async (env) => {
          const database = await openDatabase({ kind: "pglite", dataDir: env.PGLITE_DATA_DIR! });
          await migrateDatabase(database);
          await seedDemoData(database.prisma);
          const freshSource = await reportStatus(database.prisma, "ales-bialiatski", { daysAgo: 30, letterStatus: "INCOMMUNICADO", only: "letterStatus" });
          const staleSource = await reportStatus(database.prisma, "maryia-kalesnikava", { daysAgo: 213, letterStatus: "INCOMMUNICADO", only: "letterStatus" });
          await database.close();
          return { freshSource, staleSource };
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

test("a fresh report of “incommunicado”: the letter waits in the letter bank", async ({ page, freshnessWorld }) => {
  test.setTimeout(60_000);
  await page.goto("/en/prisoners/ales-bialiatski/write");
  await waitForHydration(page, javaScriptEnabled());
  const route = page.locator(".letter-route");
  await expect(route).toContainText("cannot receive letters from supporters now");
  await expect(route.locator('[data-status-report="fresh"]')).toContainText(`as reported by ${freshnessWorld.freshSource}`);
  await expect(page.getByRole("button", { name: "Download the letter and envelope (PDF)" })).toHaveCount(0);
  await expectNoAxeViolations(page, "fresh: ");

  await page.getByRole("checkbox", { name: "Dear Ales!" }).check();
  await page.getByRole("checkbox", { name: /I agree that Listy keeps this letter/ }).check();
  await page.getByRole("button", { name: "Keep my letter for the day it can be read" }).click();
  // The letter form posts to #result, and the redirect keeps it: the page opens at the answer.
  await expect(page).toHaveURL(/\?done=bank(#result)?$/);
  await expect(page.getByRole("status")).toContainText("is in the letter bank");
});

test("the same report 7 months old: no letter bank, download only, check before you post", async ({ page, freshnessWorld }) => {
  test.setTimeout(60_000);
  await page.goto("/en/prisoners/maryia-kalesnikava/write");
  await waitForHydration(page, javaScriptEnabled());
  const route = page.locator(".letter-route");
  await expect(route).toContainText("Nobody has confirmed recently whether letters reach Maryia Kalesnikava");
  await expect(route.locator('[data-status-report="stale"]')).toContainText("An earlier report said: “No. This person is held incommunicado.”");
  await expect(route.locator('[data-status-report="stale"]')).toContainText(`last reported by ${freshnessWorld.staleSource}`);
  await expect(route).toContainText("Check before you post");
  await expect(page.getByRole("button", { name: "Keep my letter for the day it can be read" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Ask Listy’s volunteers to post it" })).toHaveCount(0);
  await expectNoAxeViolations(page, "stale: ");

  await page.getByRole("checkbox", { name: "Dear Maryia!" }).check();
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the letter and envelope (PDF)" }).click();
  await expect(page.getByRole("status")).toContainText("Your letter is ready");
  if (!javaScriptEnabled()) await page.getByRole("button", { name: "Download the PDF" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("letter-maryia-kalesnikava.pdf");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await readFile((await download.path())!))), { mergePages: true });
  expect(text).toContain("Мария");
});

test("on a phone, in Lithuanian, the outdated report and the advice fit the screen", async ({ page, freshnessWorld }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/lt/prisoners/maryia-kalesnikava/write");
  await waitForHydration(page, javaScriptEnabled());
  const route = page.locator(".letter-route");
  await expect(route).toContainText(freshnessWorld.staleSource);
  await expect(route).toContainText("Prieš siųsdami pasitikslinkite");
  // Nothing wider than the screen: no sideways scrolling on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await route.screenshot({ path: test.info().outputPath("stale-route-lt-phone.png") });
});
