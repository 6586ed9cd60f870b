// Facilities as reviewed reference data in a real browser, with JavaScript on and off: a
// campaigner adds a facility on a phone-sized screen (after one mistake the form points out,
// keeping the text), a moderator approves it; axe checks the list, the form and the review
// page. Run on its own port:
//   E2E_PORT=4362 npx playwright test tests/e2e/staff-facilities.spec.ts
import type { BrowserContext } from "@playwright/test";

import { test as base, expect, expectNoAxeViolations } from "../support/e2e-fixtures";
import { staffSessions, startOwnListy } from "../support/spawn-listy";

interface Session {
  id: string;
  name: string;
  cookie: string;
}
interface World {
  url: string;
  campaigner: Session;
  moderator: Session;
}

const test = base.extend<object, { world: World }>({
  world: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const listy = await startOwnListy({ name: "facilities", prepare: staffSessions<Session>("campaigner", "moderator") });
      try {
        await use({ url: listy.url, campaigner: listy.prepared["campaigner-1"]!, moderator: listy.prepared["moderator-2"]! });
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

async function signIn(context: BrowserContext, url: string, session: Session) {
  await context.clearCookies();
  await context.addCookies([{ name: "listy_staff", value: session.cookie, url }]);
}

test("a campaigner adds a facility on a phone and a moderator approves it", async ({ page, world, watchers }) => {
  test.setTimeout(150_000);
  const javaScriptEnabled = test.info().project.use.javaScriptEnabled !== false;
  const designation = javaScriptEnabled ? "ИК-41" : "ИК-42";
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page.context(), world.url, world.campaigner);

  await page.goto("/lt/staff/facilities");
  await expectNoAxeViolations(page, "facility list");
  await page.getByRole("link", { name: "Pridėti įstaigą" }).click();
  await page.getByLabel("Oficialus žymėjimas").fill(designation);
  await page.getByLabel("Pašto kodas").fill("2120");
  await page.getByLabel("Pavadinimas (русский)").fill(`Исправительная колония ${designation}`);
  await page.getByLabel("Miestas").fill("Витебск");
  await page.getByRole("button", { name: "Išsaugoti peržiūrai" }).click();
  // The form comes back with its errors (400), as a document or as action data.
  watchers.documentErrorStatuses.push(400);
  // The mistake is named next to its field; nothing typed is lost.
  await expect(page.getByText("Baltarusijos pašto kodas – šeši skaitmenys")).toBeVisible();
  await expect(page.getByLabel("Miestas")).toHaveValue("Витебск");
  await page.screenshot({ path: test.info().outputPath("facility-error-phone.png"), fullPage: true });
  await expectNoAxeViolations(page, "facility form with an error");
  await page.getByLabel("Pašto kodas").fill("210001");
  await page.getByRole("button", { name: "Išsaugoti peržiūrai" }).click();
  await expect(page.getByRole("status")).toContainText("kitas komandos narys");
  await expect(page.getByText("Parašėte dalį šio pakeitimo")).toBeVisible();
  const facilityUrl = page.url().split("?")[0]!;

  await signIn(page.context(), world.url, world.moderator);
  await page.goto(facilityUrl);
  await expectNoAxeViolations(page, "facility review");
  await page.screenshot({ path: test.info().outputPath("facility-review-phone.png"), fullPage: true });
  await page.getByRole("button", { name: "Patvirtinti ir paskelbti" }).click();
  await expect(page.getByRole("status")).toContainText("Patvirtinta");
  await expect(page.getByText("patvirtinta (vieša)")).toBeVisible();
});
