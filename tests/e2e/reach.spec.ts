// Feed, calendar and share links as a supporter on a phone sees them (390×844), with and
// without JavaScript: readable, accessible, nothing wider than the screen, nothing loaded
// from another site (the fixtures fail a test on any foreign request).
import { expect, expectNoAxeViolations, test } from "../support/e2e-fixtures";

test.use({ viewport: { width: 390, height: 844 } });
// axe on a whole profile or campaign page takes a while on a busy machine.
test.describe.configure({ timeout: 120_000 });

async function expectNoSidewaysScroll(page: import("@playwright/test").Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

test("a profile in Lithuanian offers its address and share links, and nothing loads from the networks", async ({ page }, testInfo) => {
  await page.goto("/lt/prisoners/siarhei-tsikhanouski");
  const share = page.getByRole("region", { name: "Dalintis" });
  await expect(share).toBeVisible();
  const address = share.getByRole("textbox", { name: "Nuoroda į šį puslapį" });
  await expect(address).toHaveValue(/\/lt\/prisoners\/siarhei-tsikhanouski$/);
  await expect(address).toHaveAttribute("readonly", "");
  await expect(share.getByRole("link", { name: "Dalintis per Telegram" })).toHaveAttribute("href", /^https:\/\/t\.me\/share\/url\?url=/);
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await share.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("profile-share-lt.png") });
});

test("a campaign in Belarusian offers its calendar, feed and share links", async ({ page }, testInfo) => {
  await page.goto("/be/campaigns/free-them-all");
  const events = page.getByRole("region", { name: "Падзеі" });
  await expect(events.getByRole("link", { name: "Падпісацца на падзеі кампаніі ў праграме календара" })).toHaveAttribute(
    "href",
    /^webcal:\/\/[^/]+\/be\/campaigns\/free-them-all\/events\.ics$/,
  );
  await expect(events.getByRole("link", { name: "Сачыць за кампаніяй (стужка Atom)" })).toHaveAttribute("href", "/be/campaigns/free-them-all/feed.atom");
  await expect(page.getByRole("region", { name: "Падзяліцца" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await events.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("campaign-follow-be.png"), fullPage: false });
});

test("the birthdays page offers a webcal:// subscription, and the directory its news feed", async ({ page }) => {
  await page.goto("/uk/birthdays");
  await expect(page.getByRole("link", { name: "Підписатися в застосунку календаря" })).toHaveAttribute("href", /^webcal:\/\/[^/]+\/uk\/birthdays\.ics$/);
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await page.goto("/pl/prisoners");
  await expect(page.getByRole("link", { name: "Śledź uwolnienia i przeniesienia (kanał Atom)" })).toHaveAttribute("href", "/pl/news.atom");
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
});
