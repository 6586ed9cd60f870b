// Campaign updates in a real browser, with JavaScript on and off, on a phone-sized screen: a
// moderator writes an update (a mistake is pointed out in Belarusian, the text kept), sends it
// for review and sees it waiting; a second moderator publishes it; the public campaign page
// shows it in Lithuanian with the English fallback marked. axe checks every page. Own port:
//   E2E_PORT=4426 npx playwright test tests/e2e/campaign-updates.spec.ts
import type { BrowserContext } from "@playwright/test";

import { openDatabase } from "~/utils/database.server";

import { test as base, expect, expectNoAxeViolations, waitForHydration } from "../support/e2e-fixtures";
import { createCampaign } from "../support/pledge-fixtures";
import { staffSessions, startOwnListy } from "../support/spawn-listy";

interface Session {
  id: string;
  name: string;
  cookie: string;
}
interface UpdatesWorld {
  url: string;
  author: Session;
  reviewer: Session;
  campaigns: { id: string; slug: string }[];
}

const test = base.extend<object, { updatesWorld: UpdatesWorld }>({
  updatesWorld: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const listy = await startOwnListy({
        name: "updates",
        prepare: async (env) => {
          const sessions = await staffSessions<Session>("moderator", "moderator")(env);
          const database = await openDatabase({ kind: "pglite", dataDir: env.PGLITE_DATA_DIR! });
          const campaigns = [];
          // One campaign per project (JavaScript on and off), so the two never see each other's updates.
          for (let index = 0; index < 2; index++) {
            const id = await createCampaign(database.prisma);
            campaigns.push(await database.prisma.campaign.findUniqueOrThrow({ where: { id }, select: { id: true, slug: true } }));
          }
          await database.close();
          return { sessions, campaigns };
        },
      });
      try {
        const { sessions, campaigns } = listy.prepared;
        await use({ url: listy.url, author: sessions["moderator-1"]!, reviewer: sessions["moderator-2"]!, campaigns });
      } finally {
        await listy.stop();
      }
    },
    { scope: "worker", timeout: 150_000 },
  ],
  baseURL: async ({ updatesWorld }, use) => {
    await use(updatesWorld.url);
  },
});

test.use({ viewport: { width: 390, height: 844 } });

async function signIn(context: BrowserContext, url: string, session: Session) {
  await context.clearCookies();
  await context.addCookies([{ name: "listy_staff", value: session.cookie, url }]);
}

test("an update is written, reviewed by another moderator and shown on the campaign page", async ({ page, updatesWorld, watchers }, testInfo) => {
  test.setTimeout(120_000);
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled !== false;
  const campaign = updatesWorld.campaigns[javaScriptEnabled ? 0 : 1]!;
  const { url } = updatesWorld;
  const title = javaScriptEnabled ? "Court date set (JS)" : "Court date set (plain)";

  await signIn(page.context(), url, updatesWorld.author);
  await page.goto(`/be/staff/campaigns/${campaign.id}`);
  await waitForHydration(page, javaScriptEnabled);
  await page.getByTestId("campaign-updates-link").click();
  await expect(page).toHaveURL(new RegExp(`/be/staff/campaigns/${campaign.id}/updates$`));
  await expectNoAxeViolations(page, "updates page: ");

  // A text without a title: the message in Belarusian, the text kept (the form answers 400).
  watchers.documentErrorStatuses.push(400);
  await page.locator("#body-en").fill("The hearing is on Monday.\nCome early.");
  await page.getByRole("button", { name: "Адправіць на праверку" }).click();
  await expect(page.locator("#title-en-error")).toHaveText("Дайце гэтаму тэксту загаловак на той жа мове.");
  await expect(page.locator("#body-en")).toHaveValue("The hearing is on Monday.\nCome early.");
  await expect(page.locator("#title-en")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "updates page with an error: ");
  await page.screenshot({ path: testInfo.outputPath("update-error-be.png"), fullPage: true });

  await page.locator("#title-en").fill(title);
  await page.getByRole("button", { name: "Адправіць на праверку" }).click();
  await expect(page.getByRole("status")).toHaveText("Навіна чакае праверкі.");
  await expect(page.getByTestId("update-waiting")).toBeVisible();
  await expect(page.getByRole("button", { name: /Апублікаваць гэтую навіну/ })).toHaveCount(0);

  // Another moderator publishes it.
  await signIn(page.context(), url, updatesWorld.reviewer);
  await page.goto(`/en/staff/campaigns/${campaign.id}/updates`);
  await waitForHydration(page, javaScriptEnabled);
  await expectNoAxeViolations(page, "updates page for the reviewer: ");
  await page.getByRole("button", { name: "Publish this update (it becomes public at once)" }).click();
  await expect(page.getByRole("status")).toHaveText("The update is published.");

  // The public page, in a language the update is not written in.
  await page.context().clearCookies();
  await page.goto(`/lt/campaigns/${campaign.slug}`);
  await waitForHydration(page, javaScriptEnabled);
  const updates = page.getByTestId("campaign-updates");
  await expect(updates.getByRole("heading", { level: 2 })).toHaveText("Naujienos");
  await expect(updates.getByRole("heading", { level: 3, name: title })).toHaveAttribute("lang", "en");
  await expect(updates).toContainText("kalba: anglų");
  await updates.scrollIntoViewIfNeeded();
  await expectNoAxeViolations(page, "campaign page with an update: ");
  await page.screenshot({ path: testInfo.outputPath("campaign-updates-lt.png"), fullPage: true });
});
