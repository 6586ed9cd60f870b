// Campaign events in a real browser, with JavaScript on and off, on a phone-sized screen: a
// moderator adds an event (a mistake is pointed out in Belarusian, everything typed kept),
// sees it on the campaign's public page in Polish with its local time and zone named, changes
// it, and cancels it: the public page marks it cancelled and the "I will come" choice is gone.
// axe checks every page; screenshots for a look. Own port:
//   E2E_PORT=4431 npx playwright test tests/e2e/campaign-events.spec.ts
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
interface EventsWorld {
  url: string;
  moderator: Session;
  campaigns: { id: string; slug: string }[];
}

const test = base.extend<object, { eventsWorld: EventsWorld }>({
  eventsWorld: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const listy = await startOwnListy({
        name: "events",
        prepare: async (env) => {
          const sessions = await staffSessions<Session>("moderator")(env);
          const database = await openDatabase({ kind: "pglite", dataDir: env.PGLITE_DATA_DIR! });
          const campaigns = [];
          // One campaign per project (JavaScript on and off), so the two never see each other's events.
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
        await use({ url: listy.url, moderator: sessions["moderator-1"]!, campaigns });
      } finally {
        await listy.stop();
      }
    },
    { scope: "worker", timeout: 150_000 },
  ],
  baseURL: async ({ eventsWorld }, use) => {
    await use(eventsWorld.url);
  },
});

test.use({ viewport: { width: 390, height: 844 } });

async function signIn(context: BrowserContext, url: string, session: Session) {
  await context.clearCookies();
  await context.addCookies([{ name: "listy_staff", value: session.cookie, url }]);
}

/** A local date two weeks ahead in Warsaw, as a date input takes it. */
const warsawDate = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + 14 * 86_400_000));

test("an event is added, shown with its zone, changed and cancelled", async ({ page, eventsWorld, watchers }, testInfo) => {
  test.setTimeout(120_000);
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled !== false;
  const campaign = eventsWorld.campaigns[javaScriptEnabled ? 0 : 1]!;
  const { url } = eventsWorld;
  const title = javaScriptEnabled ? "Wieczór listów (JS)" : "Wieczór listów (bez JS)";

  await signIn(page.context(), url, eventsWorld.moderator);
  await page.goto(`/be/staff/campaigns/${campaign.id}`);
  await waitForHydration(page, javaScriptEnabled);
  await page.getByTestId("campaign-events-link").click();
  await expect(page).toHaveURL(new RegExp(`/be/staff/campaigns/${campaign.id}/events$`));
  await expectNoAxeViolations(page, "events page: ");

  // A title without a place and no date: the messages in Belarusian, the text kept (400).
  watchers.documentErrorStatuses.push(400);
  await page.locator("details", { hasText: "Polski" }).locator("summary").click();
  await page.locator("#title-pl").fill(title);
  await page.locator("#time").fill("18:30");
  await page.locator("#timeZone").selectOption("Europe/Warsaw");
  await page.getByRole("button", { name: "Дадаць падзею" }).click();
  await expect(page.locator("#place-pl-error")).toHaveText("Пазначце, дзе адбываецца падзея, на той жа мове.");
  await expect(page.locator("#date-error")).toBeVisible();
  await expect(page.locator("#title-pl")).toHaveValue(title);
  await expect(page.locator("#timeZone")).toHaveValue("Europe/Warsaw");
  await expectNoAxeViolations(page, "events page with errors: ");
  await page.screenshot({ path: testInfo.outputPath("event-errors-be.png"), fullPage: true });

  await page.locator("#date").fill(warsawDate());
  await page.locator("#place-pl").fill("Warszawa, plac Zamkowy");
  await page.getByRole("button", { name: "Дадаць падзею" }).click();
  await expect(page.getByRole("status")).toHaveText("Падзея дададзена.");

  // The public page in Polish: local time with the zone named, and the pledge choice.
  await page.context().clearCookies();
  await page.goto(`/pl/campaigns/${campaign.slug}`);
  await waitForHydration(page, javaScriptEnabled);
  const event = page.locator(".campaign-event", { hasText: title });
  await expect(event).toContainText("18:30 (Europe/Warsaw)");
  await expect(page.locator('input[name="pledge"][value^="event-"]')).toHaveCount(1);
  await event.scrollIntoViewIfNeeded();
  await expectNoAxeViolations(page, "campaign page with an event: ");
  await page.screenshot({ path: testInfo.outputPath("campaign-event-pl.png"), fullPage: true });

  // Changed, then cancelled.
  await signIn(page.context(), url, eventsWorld.moderator);
  await page.goto(`/en/staff/campaigns/${campaign.id}/events`);
  await waitForHydration(page, javaScriptEnabled);
  await page.getByRole("link", { name: "Change this event" }).click();
  await page.locator("#time").fill("19:00");
  await page.getByRole("button", { name: "Save the changes" }).click();
  await expect(page.getByRole("status")).toHaveText("The event is changed. Calendars that hold it get the new time and place.");
  await page.getByRole("button", { name: "Cancel this event" }).click();
  await expect(page.getByRole("status")).toHaveText("The event is cancelled. It stays in the feed and calendars as cancelled.");
  await expect(page.locator("[data-cancelled]")).toHaveCount(1);
  await expectNoAxeViolations(page, "events page with a cancelled event: ");

  await page.context().clearCookies();
  await page.goto(`/pl/campaigns/${campaign.slug}`);
  await waitForHydration(page, javaScriptEnabled);
  await expect(page.getByTestId("event-cancelled")).toHaveText("Odwołane");
  await expect(page.locator('input[name="pledge"][value^="event-"]')).toHaveCount(0);
  await expectNoAxeViolations(page, "campaign page with a cancelled event: ");
});
