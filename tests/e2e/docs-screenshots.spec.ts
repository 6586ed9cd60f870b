// The main pages at phone (390×844) and desktop (1280×800) sizes, in two languages (the back
// office in English), so that the next review starts from pictures: docs/screenshots.md shows
// them. Every run checks each page (its main heading on the first screen, nothing wider than
// the screen, axe clean); only `DOCS_SCREENSHOTS=1` writes the images into
// docs/images/screens/, so CI does not rewrite committed files on every run:
//   DOCS_SCREENSHOTS=1 E2E_PORT=4424 npx playwright test tests/e2e/docs-screenshots.spec.ts --project=chromium
// The content is the demo data on a fresh database; the browser's clock is frozen, and what
// changes per run (dates of today's staff work, counts of this run's sessions) is masked.
import path from "node:path";

import type { Page } from "@playwright/test";

import { openDatabase } from "~/utils/database.server";

import { campaignWithPendingChange, type CampaignUnderReview } from "../support/e2e-campaign-review";
import { test as base, expect, expectNoAxeViolations, waitForHydration } from "../support/e2e-fixtures";
import { createReachableOfficial } from "../support/officials";
import { runToEnd, staffSessions, startOwnListy } from "../support/spawn-listy";

interface Session {
  id: string;
  name: string;
  cookie: string;
}
interface DocsWorld {
  url: string;
  moderator: Session;
  review: CampaignUnderReview;
}

const test = base.extend<object, { docsWorld: DocsWorld }>({
  docsWorld: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const listy = await startOwnListy({
        name: "docs",
        prepare: async (env) => {
          // The demo data as the shared browser-test server has it, then two staff members.
          const demo = await runToEnd(["tests/support/e2e-demo-setup.ts"], env);
          if (demo.code !== 0) throw new Error(`demo setup failed:\n${demo.output}`);
          const sessions = await staffSessions<Session>("campaigner", "moderator")(env);
          const database = await openDatabase({ kind: "pglite", dataDir: env.PGLITE_DATA_DIR! });
          await createReachableOfficial(database.prisma, { name: "Reachable Official" });
          await database.close();
          return sessions;
        },
      });
      try {
        const campaigner = listy.prepared["campaigner-1"]!;
        const moderator = listy.prepared["moderator-2"]!;
        const review = await campaignWithPendingChange(
          listy.url,
          { campaigner, moderator },
          {
            slug: "free-the-bakers",
            targetLabel: "Reachable Official",
            before: { "title-en": "Free the bakers", "summary-en": "Two bakers are held for a cake.", "title-be": "Вызваліце пекараў", "summary-be": "Двух пекараў трымаюць за торт." },
            after: { "title-en": "Free the bakers before spring", "summary-en": "The bakers have been held for a year." },
          },
        );
        await use({ url: listy.url, moderator, review });
      } finally {
        await listy.stop();
      }
    },
    { scope: "worker", timeout: 240_000 },
  ],
  baseURL: async ({ docsWorld }, use) => {
    await use(docsWorld.url);
  },
});

const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;
const SCREENS = path.resolve("docs", "images", "screens");
const writing = () => process.env.DOCS_SCREENSHOTS === "1" && test.info().project.use.javaScriptEnabled !== false;

interface Screen {
  /** The file name's first part, as docs/screenshots.md links it. */
  name: string;
  languages: readonly string[];
  path: (language: string, world: DocsWorld) => string;
  staff?: boolean;
  /** What must be on the first screen: the main heading, or the section an address's #fragment opens at. */
  heading?: string;
}

const PUBLIC = ["be", "pl"] as const;
const SCREENS_LIST: Screen[] = [
  { name: "home", languages: PUBLIC, path: (language) => `/${language}` },
  { name: "directory", languages: PUBLIC, path: (language) => `/${language}/prisoners` },
  { name: "profile", languages: PUBLIC, path: (language) => `/${language}/prisoners/maryia-kalesnikava` },
  { name: "letter-builder", languages: PUBLIC, path: (language) => `/${language}/prisoners/maryia-kalesnikava/write` },
  { name: "campaign", languages: PUBLIC, path: (language) => `/${language}/campaigns/free-them-all` },
  { name: "appeal", languages: PUBLIC, path: (language) => `/${language}/campaigns/free-them-all/appeal` },
  // The pledge form lives on profiles and campaigns; its link in the first screen leads here.
  { name: "pledge", languages: PUBLIC, path: (language) => `/${language}/prisoners/maryia-kalesnikava#pledges-title`, heading: "#pledges-title" },
  { name: "staff-overview", languages: ["en"], path: (language) => `/${language}/staff`, staff: true },
  { name: "staff-profile-review", languages: ["en"], path: (language) => `/${language}/staff/prisoners/review`, staff: true },
  {
    name: "staff-campaign-preview",
    languages: ["en", "pl"],
    path: (language, world) => `/${language}/staff/campaigns/${world.review.id}/preview?revision=${world.review.revisionId}`,
    staff: true,
  },
];

/** The heading lies wholly on the screen as the page opens, and nothing is wider than the screen. */
async function expectHeadingOnFirstScreen(page: Page, selector: string, height: number, width: number) {
  const heading = page.locator(selector).first();
  await expect(heading).toBeVisible();
  // Measured in the viewport, so a page opened at a #fragment counts from where it opened.
  const box = await heading.evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
  expect(box.top, "the heading is on the first screen").toBeGreaterThanOrEqual(0);
  expect(box.bottom, "the heading is on the first screen").toBeLessThanOrEqual(height);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

// What differs from run to run on otherwise stable pages: dates and times of this run's work.
const VOLATILE = "time, [data-volatile], .staff-session";

for (const screen of SCREENS_LIST) {
  for (const language of screen.languages) {
    test(`${screen.name} in ${language}, on a phone and a desktop`, async ({ page, docsWorld }) => {
      test.setTimeout(90_000);
      const javaScriptEnabled = test.info().project.use.javaScriptEnabled !== false;
      if (screen.staff) await page.context().addCookies([{ name: "listy_staff", value: docsWorld.moderator.cookie, url: docsWorld.url }]);
      // The browser's clock stands still (relative times drawn by scripts stay the same).
      await page.clock.setFixedTime(new Date("2026-12-01T10:00:00Z"));
      for (const [size, viewport] of Object.entries(SIZES)) {
        await page.setViewportSize(viewport);
        // A fresh load at each size (the same address with a #fragment would only scroll).
        await page.goto("about:blank");
        const response = await page.goto(screen.path(language, docsWorld));
        expect(response?.status()).toBe(200);
        await waitForHydration(page, javaScriptEnabled);
        await expect(page.locator("html")).toHaveAttribute("lang", language);
        await expectHeadingOnFirstScreen(page, screen.heading ?? "main h1", viewport.height, viewport.width);
        if (size === "phone") await expectNoAxeViolations(page, `${screen.name} ${language}: `);
        if (writing()) {
          await page.screenshot({
            path: path.join(SCREENS, `${screen.name}-${language}-${size}.png`),
            animations: "disabled",
            caret: "hide",
            mask: [page.locator(VOLATILE)],
            maskColor: "#d8d8d8",
          });
        }
      }
    });
  }
}
