// Issue 7, item 2, in a real browser with JavaScript on and off: a campaigner creates a
// campaign in two languages (after one mistake the form points out, keeping the text), sends
// it for review; a moderator approves it; the public page shows it in both languages; a
// supporter pledges anonymously on it; the campaigner sees the pledge on the staff page, on the
// dashboard and in the CSV export of actions, then
// proposes an edit of the published campaign, which goes public only when the moderator applies it.
// axe checks every back-office page. Run on its own port:
//   E2E_PORT=4663 npx playwright test tests/e2e/staff-campaigns.spec.ts
//
// Like staff.spec.ts, this spec starts its own Listy per worker: staff sessions are written
// into a fresh embedded database before the server opens it (one process at a time), by
// tests/support/e2e-staff-sessions.ts, and the browser gets the cookie as after a sign-in.
import { readFileSync } from "node:fs";

import type { BrowserContext } from "@playwright/test";

import { openDatabase } from "~/utils/database.server";

import { campaignWithPendingChange } from "../support/e2e-campaign-review";
import { test as base, expect, expectNoAxeViolations, waitForHydration } from "../support/e2e-fixtures";
import { createReachableOfficial } from "../support/officials";
import { staffSessions, startOwnListy } from "../support/spawn-listy";

interface Session {
  id: string;
  name: string;
  cookie: string;
}
interface CampaignWorld {
  url: string;
  campaigner: Session;
  moderator: Session;
}

const test = base.extend<object, { campaignWorld: CampaignWorld }>({
  campaignWorld: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const listy = await startOwnListy({
        name: "campaigns",
        prepare: async (env) => {
          const sessions = await staffSessions<Session>("campaigner", "moderator")(env);
          // A target that appeals can reach: a campaign whose target nothing reaches is not published.
          const database = await openDatabase({ kind: "pglite", dataDir: env.PGLITE_DATA_DIR! });
          await createReachableOfficial(database.prisma, { name: "Reachable Official" });
          await database.close();
          return sessions;
        },
      });
      try {
        const sessions = listy.prepared;
        await use({ url: listy.url, campaigner: sessions["campaigner-1"]!, moderator: sessions["moderator-2"]! });
      } finally {
        await listy.stop();
      }
    },
    { scope: "worker", timeout: 150_000 },
  ],
  baseURL: async ({ campaignWorld }, use) => {
    await use(campaignWorld.url);
  },
});

async function signIn(context: BrowserContext, url: string, session: Session) {
  await context.addCookies([{ name: "listy_staff", value: session.cookie, url }]);
}

test("a campaigner's campaign in two languages is approved by a moderator, gets a pledge, and the campaigner sees it", async ({ page, browser, campaignWorld, watchers }) => {
  test.setTimeout(180_000);
  const javaScriptEnabled = test.info().project.use.javaScriptEnabled !== false;
  const slug = javaScriptEnabled ? "free-the-printers-js" : "free-the-printers-plain";
  const { url } = campaignWorld;

  // The campaigner.
  await signIn(page.context(), url, campaignWorld.campaigner);
  await page.goto("/en/staff/campaigns");
  await waitForHydration(page, javaScriptEnabled);
  await expect(page.getByRole("heading", { level: 1, name: "Campaigns" })).toBeVisible();
  await expectNoAxeViolations(page, "campaign list: ");
  await page.getByRole("link", { name: "Create a campaign" }).click();
  await expect(page).toHaveURL(/\/en\/staff\/campaigns\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: "New campaign" })).toBeVisible();
  await expectNoAxeViolations(page, "new campaign: ");

  await page.locator("#slug").fill(slug);
  await page.locator("#goal").fill("100");
  await page.locator("#title-en").fill("Free the printers");
  await page.locator("#summary-en").fill("Three printers are held for printing leaflets.");
  await page.locator("#ask-en").fill("Release them and drop the charges.");
  await page.locator("#template-en-subjects-1").fill("Release {prisonerName}");
  await page.locator("#template-en-openings-1").fill("Dear {officialName},");
  await page.locator("#template-en-arguments-1").fill("{prisonerFacts} This is unjust.");
  await page.locator("#template-en-arguments-2").fill("The charges are about {leaflets}.");
  await page.locator("#template-en-closings-1").fill("Please act now.");
  // Belarusian: its section is folded until opened.
  await page.locator("summary", { hasText: "Беларуская" }).click();
  await page.locator("#title-be").fill("Вызваліце друкароў");
  await page.locator("#summary-be").fill("Траіх друкароў трымаюць за ўлёткі.");
  await page.locator("#ask-be").fill("Вызваліце іх і зніміце абвінавачванні.");
  // Each person in the checklist comes with their status and its report's freshness: someone
  // who died in custody cannot be put into a release appeal unnoticed.
  const checklist = page.getByRole("group", { name: "Prisoners in this campaign" });
  await expect(checklist).toContainText("Died in custody (");
  await expect(checklist.locator("label").first()).toHaveText(/ · (In custody|Held incommunicado|Released|In exile|Died in custody) \((reported|last reported|no dated report)/);
  await checklist.getByRole("checkbox").first().check();
  await page.getByRole("group", { name: "Officials the appeals go to" }).getByLabel(/Reachable Official/).check();
  await page.getByRole("button", { name: "Create the draft" }).click();

  // The unknown placeholder is reported with its box; everything typed is still there. The
  // answer is a 400 (with JavaScript, a fetch the browser logs as failed): expected here.
  watchers.documentErrorStatuses.push(400);
  await expect(page.locator("#template-en-arguments-error")).toHaveText("Wording 2: unknown placeholder {leaflets}.");
  // The error summary is in view (the button was far below it), and with JavaScript focused.
  await expect(page.locator("#campaign-errors")).toBeInViewport();
  if (javaScriptEnabled) await expect(page.locator("#campaign-errors")).toBeFocused();
  await expect(page.locator("#template-en-arguments-2")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#template-en-arguments-1")).toHaveValue("{prisonerFacts} This is unjust.");
  await expect(page.locator("#title-be")).toHaveValue("Вызваліце друкароў");
  await expect(page.locator("#slug")).toHaveValue(slug);
  await expectNoAxeViolations(page, "form with errors: ");
  await page.locator("#template-en-arguments-2").fill("The charges are about leaflets.");
  await page.getByRole("button", { name: "Create the draft" }).click();

  await expect(page).toHaveURL(/\/en\/staff\/campaigns\/[A-Za-z0-9_-]+\?done=created$/);
  const staffPage = page.url().replace(/\?.*$/, "");
  await expect(page.getByRole("status")).toHaveText("The draft has been created.");
  await expect(page.getByTestId("campaign-status")).toHaveText("Draft");
  await expectNoAxeViolations(page, "campaign page: ");
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByTestId("campaign-status")).toHaveText("In review");
  await expect(page.getByRole("button", { name: "Approve and publish" })).toHaveCount(0);

  // Not public yet.
  const hidden = await fetch(`${url}/en/campaigns/${slug}`);
  expect(hidden.status).toBe(404);

  // The moderator, in another browser.
  const moderatorContext = await browser.newContext({ baseURL: url, javaScriptEnabled });
  await signIn(moderatorContext, url, campaignWorld.moderator);
  const moderatorPage = await moderatorContext.newPage();
  // Their overview counts what waits for review, each count a link to its list.
  await moderatorPage.goto("/en/staff");
  await expect(moderatorPage.getByRole("heading", { level: 2, name: "Waiting for review" })).toBeVisible();
  await expectNoAxeViolations(moderatorPage, "overview with review counts: ");
  await moderatorPage.getByRole("link", { name: /^Campaigns to publish: [1-9]\d*$/ }).click();
  await expect(moderatorPage).toHaveURL(/\/en\/staff\/campaigns$/);
  await moderatorPage.getByRole("link", { name: "Free the printers" }).click();
  await expect(moderatorPage.getByRole("heading", { level: 1, name: "Free the printers" })).toBeVisible();
  await moderatorPage.getByRole("button", { name: "Approve and publish" }).click();
  await expect(moderatorPage.getByTestId("campaign-status")).toHaveText("Published");
  await expect(moderatorPage.getByRole("status")).toHaveText("The campaign is published.");
  await moderatorContext.close();

  // A supporter, without an account: the public page in both languages, and a pledge.
  const supporterContext = await browser.newContext({ baseURL: url, javaScriptEnabled });
  const supporter = await supporterContext.newPage();
  await supporter.goto(`/be/campaigns/${slug}`);
  await expect(supporter.getByRole("heading", { level: 1, name: "Вызваліце друкароў" })).toBeVisible();
  await supporter.goto(`/en/campaigns`);
  await expect(supporter.getByRole("link", { name: "Free the printers" })).toBeVisible();
  await supporter.goto(`/en/campaigns/${slug}`);
  await expect(supporter.getByRole("heading", { level: 1, name: "Free the printers" })).toBeVisible();
  const form = supporter.locator("form.pledge-form");
  await expect(form.getByRole("radio", { name: "I sign this campaign's pledge" })).toBeChecked();
  await form.getByRole("button", { name: "Pledge" }).click();
  await expect(supporter).toHaveURL(new RegExp(`/en/pledge/thanks\\?result=active&campaign=${slug}$`));
  await supporterContext.close();

  // The campaigner sees the pledge.
  await page.goto(staffPage);
  await expect(page.getByTestId("pledge-count")).toHaveText("1");
  await expect(page.getByTestId("campaign-status")).toHaveText("Published");
  await expect(page.getByRole("link", { name: "Open the public page" })).toHaveAttribute("href", `/en/campaigns/${slug}`);

  // …on the dashboard, filtered to this campaign, and in the CSV export of actions.
  const campaignId = new URL(page.url()).pathname.split("/").at(-1)!;
  await page.goto(`/en/staff/dashboard?campaign=${campaignId}`);
  await waitForHydration(page, javaScriptEnabled);
  const byCampaign = page.getByRole("table", { name: /^Actions by campaign, from / });
  await expect(byCampaign.locator("tbody tr", { hasText: "Free the printers" })).toContainText("1");
  await expectNoAxeViolations(page, "dashboard for the campaign: ");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Actions per day (counts)" }).click();
  const csv = readFileSync((await (await download).path())!, "utf8");
  expect(csv).toMatch(new RegExp(`,PLEDGE_MADE,${slug},Free the printers,,en,,1\r?$`, "m"));
  await page.goto(staffPage);

  // The campaigner edits the published campaign: a proposal, the public page unchanged.
  await expect(page.getByRole("heading", { level: 2, name: "Propose changes" })).toBeVisible();
  await page.locator("#title-en").fill("Free the printers today");
  await page.getByRole("button", { name: "Propose the changes for review" }).click();
  await expect(page.getByRole("status")).toHaveText("Your changes are saved as a proposal. The public page stays as it is until another moderator applies them.");
  await expect(page.getByTestId("pending-revisions")).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply the changes (they become public at once)" })).toHaveCount(0);
  await expectNoAxeViolations(page, "campaign with a proposal: ");
  expect(await (await fetch(`${url}/en/campaigns/${slug}`)).text()).not.toContain("Free the printers today");

  // The moderator sees it in the list and the diff, and applies it.
  const reviewContext = await browser.newContext({ baseURL: url, javaScriptEnabled });
  await signIn(reviewContext, url, campaignWorld.moderator);
  const review = await reviewContext.newPage();
  await review.goto("/en/staff/campaigns");
  await waitForHydration(review, javaScriptEnabled);
  await expect(review.locator(`tr[data-slug="${slug}"]`).getByTestId("pending-changes")).toHaveText("Changes waiting for review");
  await review.locator(`tr[data-slug="${slug}"]`).getByRole("link").click();
  const titleRow = review.locator('tr[data-field="title-en"]');
  await expect(titleRow.getByRole("rowheader")).toHaveText("Title (English)");
  await expect(titleRow.getByRole("cell")).toHaveText(["Free the printers", "Free the printers today"]);
  await expectNoAxeViolations(review, "proposal under review: ");
  await review.getByRole("button", { name: "Apply the changes (they become public at once)" }).click();
  await expect(review.getByRole("status")).toHaveText("The changes are applied and public.");
  await expect(review.getByTestId("pending-revisions")).toHaveCount(0);
  await reviewContext.close();
  expect(await (await fetch(`${url}/en/campaigns/${slug}`)).text()).toContain("Free the printers today");
});

// Issue 17: pressing Enter in "Openings" used to make a new variant (a letter with no greeting,
// or with no prisoner named). Now each wording has its own box, and Enter stays inside it.
test("a line break typed inside an opening's box stays in that opening", async ({ page, campaignWorld }) => {
  // Two axe runs over the long editor page.
  test.setTimeout(120_000);
  const javaScriptEnabled = test.info().project.use.javaScriptEnabled !== false;
  const slug = javaScriptEnabled ? "one-box-per-wording-js" : "one-box-per-wording-plain";
  await signIn(page.context(), campaignWorld.url, campaignWorld.campaigner);
  await page.goto("/en/staff/campaigns/new");
  await waitForHydration(page, javaScriptEnabled);
  await page.locator("#slug").fill(slug);
  await page.locator("#title-en").fill("One box per wording");
  const openingsOf = () => page.getByRole("group", { name: "Appeal template: English" }).getByRole("group", { name: "Openings" });
  const openings = openingsOf();
  await expect(openings.getByRole("textbox")).toHaveCount(2);
  await expect(openings.getByText("0 wordings")).toBeVisible();
  await page.locator("#template-en-subjects-1").fill("Release {prisonerName}");
  await openings.getByLabel("Wording 1", { exact: true }).fill("Dear {officialName},");
  await openings.getByLabel("Wording 1", { exact: true }).press("End");
  await openings.getByLabel("Wording 1", { exact: true }).press("Enter");
  await openings.getByLabel("Wording 1", { exact: true }).pressSequentially("I write about {prisonerName}.");
  await openings.getByLabel("Wording 2", { exact: true }).fill("Dear {officialPosition},");
  await page.locator("#template-en-arguments-1").fill("{prisonerFacts} This is unjust.");
  await page.locator("#template-en-closings-1").fill("Please act now.");
  if (javaScriptEnabled) {
    // The count follows the typing, and "Add a wording" adds a box and moves to it.
    await expect(openings.getByText("2 wordings")).toBeVisible();
    await openings.getByRole("button", { name: "Add a wording" }).click();
    await expect(openings.getByLabel("Wording 3", { exact: true })).toBeFocused();
  }
  await expectNoAxeViolations(page, "new campaign with wordings: ");
  await page.getByRole("button", { name: "Create the draft" }).click();

  await expect(page).toHaveURL(/\/en\/staff\/campaigns\/[A-Za-z0-9_-]+\?done=created$/);
  // Exactly two openings were kept, the line break inside the first one joined with a space;
  // two empty boxes follow for new wordings.
  const kept = openingsOf();
  await expect(kept.getByText("2 wordings")).toBeVisible();
  await expect(kept.getByRole("textbox")).toHaveCount(4);
  await expect(kept.getByLabel("Wording 1", { exact: true })).toHaveValue("Dear {officialName}, I write about {prisonerName}.");
  await expect(kept.getByLabel("Wording 2", { exact: true })).toHaveValue("Dear {officialPosition},");
  await expect(kept.getByLabel("Wording 3", { exact: true })).toHaveValue("");
  await expect(kept.getByLabel("Wording 4", { exact: true })).toHaveValue("");
  await expectNoAxeViolations(page, "campaign with two openings: ");
});

// Issue 17: the moderator reviews a proposed change on a preview of the public page (the diff
// alone was the review), in a language of their choice, on a phone and on a desktop.
test("a moderator sees a proposed change on a preview of the public page, in another language, before applying it", async ({ page, campaignWorld }) => {
  test.setTimeout(120_000);
  const javaScriptEnabled = test.info().project.use.javaScriptEnabled !== false;
  const { url } = campaignWorld;
  const change = await campaignWithPendingChange(url, campaignWorld, {
    slug: javaScriptEnabled ? "preview-the-change-js" : "preview-the-change-plain",
    targetLabel: "Reachable Official",
    before: { "title-en": "Free the bakers", "summary-en": "Two bakers are held for a cake.", "title-pl": "Uwolnić piekarzy", "summary-pl": "Dwóch piekarzy siedzi za tort." },
    after: { "title-pl": "Uwolnić piekarzy przed wiosną", "summary-pl": "Piekarze siedzą już rok." },
  });

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page.context(), url, campaignWorld.moderator);
  await page.goto(`/en/staff/campaigns/${change.id}`);
  await waitForHydration(page, javaScriptEnabled);
  // Right under the diff: the public page with this change, in each language.
  const links = page.getByTestId("revision-preview");
  await expect(links).toContainText("The public page with this change:");
  await expect(links.getByRole("link")).toHaveText(["Беларуская", "Русский", "Українська", "Polski", "Lietuvių", "English"]);
  await expectNoAxeViolations(page, "review with preview links: ");
  await links.getByRole("link", { name: "Polski" }).click();

  await expect(page).toHaveURL(new RegExp(`/pl/staff/campaigns/${change.id}/preview\\?revision=${change.revisionId}$`));
  const frame = page.getByTestId("preview-frame");
  await expect(frame).toContainText("Podgląd, jeszcze niepubliczny");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uwolnić piekarzy przed wiosną");
  await expect(page.getByText("Piekarze siedzą już rok.")).toBeVisible();
  await expect(page.getByText("Dwóch piekarzy siedzi za tort.")).toHaveCount(0);
  // On a phone the frame and the campaign's title are both in the first screen.
  const heading = await page.getByRole("heading", { level: 1 }).boundingBox();
  expect(heading!.y + heading!.height).toBeLessThan(844);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
  // Nothing can be pledged from a preview.
  await expect(page.locator("form.pledge-form").getByRole("button")).toBeDisabled();
  await expectNoAxeViolations(page, "preview on a phone: ");
  await page.screenshot({ path: test.info().outputPath("preview-phone.png"), fullPage: false });

  // The language switch, on a desktop: English keeps the current English texts.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole("navigation", { name: "Podgląd w języku" }).getByRole("link", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Free the bakers");
  await expect(page.getByTestId("preview-frame")).toContainText("Preview, not public yet");
  await expectNoAxeViolations(page, "preview on a desktop: ");
  await page.screenshot({ path: test.info().outputPath("preview-desktop.png"), fullPage: false });
  await page.getByRole("link", { name: "Back to the review" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/staff/campaigns/${change.id}$`));

  // The public page still shows the current texts; a supporter gets no preview.
  const publicPage = await (await fetch(`${url}/pl/campaigns/${change.slug}`)).text();
  expect(publicPage).toContain("Uwolnić piekarzy");
  expect(publicPage).not.toContain("przed wiosną");
  const anonymous = await fetch(`${url}/pl/staff/campaigns/${change.id}/preview?revision=${change.revisionId}`, { redirect: "manual" });
  expect(anonymous.status).toBe(302);
});
