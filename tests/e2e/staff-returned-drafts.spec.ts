// Returned drafts in a browser without JavaScript, on a phone, in Belarusian: a campaigner's
// draft is returned by a moderator with a reason on "Review drafts"; the campaigner's editor
// starts with the notice; saving the draft clears it. Run on its own port:
//   E2E_PORT=4425 npx playwright test tests/e2e/staff-returned-drafts.spec.ts --project chromium-no-js
import { test, expect } from "../support/e2e-fixtures";
import { staffSessions, startOwnListy } from "../support/spawn-listy";

interface Session {
  id: string;
  name: string;
  cookie: string;
}

test("a returned draft shows its reason first and goes back to review once saved (no JavaScript, phone)", async ({ browser }) => {
  test.skip(test.info().project.use.javaScriptEnabled !== false, "the no-JavaScript path is the one checked here");
  test.setTimeout(180_000);
  const listy = await startOwnListy({ name: "returned", prepare: staffSessions<Session>("campaigner", "moderator") });
  try {
    const { url } = listy;
    const phone = { viewport: { width: 390, height: 844 }, javaScriptEnabled: false, baseURL: url };
    const campaigner = await browser.newContext(phone);
    await campaigner.addCookies([{ name: "listy_staff", value: listy.prepared["campaigner-1"]!.cookie, url }]);
    const moderator = await browser.newContext(phone);
    await moderator.addCookies([{ name: "listy_staff", value: listy.prepared["moderator-2"]!.cookie, url }]);

    const page = await campaigner.newPage();
    await page.goto("/en/staff/prisoners/new");
    await page.locator("#field-given-LATIN").fill("Raman");
    await page.locator("#field-family-LATIN").fill("Viarnuty");
    await page.locator("#field-status").selectOption("IN_CUSTODY");
    await page.locator("#field-statusSource").selectOption("ips-2025-10-07");
    await page.locator("#field-letterStatus").selectOption("CAN_RECEIVE");
    await page.locator("#field-letterStatusSource").selectOption("ips-2025-10-07");
    await page.getByRole("button", { name: "Create the draft" }).click();
    await expect(page).toHaveURL(/done=created/);
    const editorUrl = page.url().replace(/\?.*$/, "").replace("/en/", "/be/");

    const review = await moderator.newPage();
    await review.goto("/be/staff/prisoners/review?q=Viarnuty");
    await review.getByRole("checkbox", { name: "Raman Viarnuty" }).check();
    await review.locator("#reason").fill("Няма крыніцы для даты арышту.");
    await review.locator("button[value=return]").click();
    await expect(review.locator("#review-outcome")).toContainText("1 чарнавік вернуты аўтарам");

    await page.goto(editorUrl);
    const notice = page.locator("#returned-notice");
    await expect(notice).toBeVisible();
    await expect(notice).toContainText("Вернуты на дапрацоўку");
    await expect(notice).toContainText("Няма крыніцы для даты арышту.");
    await expect(notice).toContainText(listy.prepared["moderator-2"]!.name);
    await page.screenshot({ path: test.info().outputPath("returned-draft-be-phone.png"), fullPage: false });

    await page.locator("#field-sentenceMonths").fill("24");
    await page.getByRole("button", { name: "Захаваць чарнавік" }).click();
    await expect(page).toHaveURL(/done=applied/);
    await expect(page.locator("#returned-notice")).toHaveCount(0);
    await review.goto("/be/staff/prisoners/review?q=Viarnuty");
    await expect(review.getByRole("checkbox", { name: "Raman Viarnuty" })).toBeVisible();
  } finally {
    await listy.stop();
  }
});
