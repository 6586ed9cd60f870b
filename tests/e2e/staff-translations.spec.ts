// Issue 7, "Done when": a translator completes a missing key in the workspace and
// `npm run i18n:check` passes — in a real browser, JavaScript on and off, axe on every page.
// The spec starts its own Listy on a copy of the locale files (LOCALES_DIR), deletes one Polish
// key, checks that the real check script reports it, completes it as a translator (after one
// refused attempt with HTML, whose text stays in the field), runs the script again and sees the
// new text on the public Polish home page. A change to the safety advice waits for a second
// person instead (security review, finding 11). Run on its own port:
//   E2E_PORT=4283 npx playwright test tests/e2e/staff-translations.spec.ts
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { test as base, expect, expectNoAxeViolations, waitForHydration } from "../support/e2e-fixtures";
import { runToEnd, staffSessions, startOwnListy } from "../support/spawn-listy";

interface Session {
  id: string;
  name: string;
  cookie: string;
}
interface TranslationWorld {
  url: string;
  localesDir: string;
  env: NodeJS.ProcessEnv;
  translator: Session;
}

const test = base.extend<object, { translationWorld: TranslationWorld }>({
  translationWorld: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const localesDir = mkdtempSync(path.join(tmpdir(), "listy-e2e-locales-"));
      cpSync(path.resolve("locales"), localesDir, { recursive: true });
      // The key the translator will complete: the Polish home page's heading.
      const file = path.join(localesDir, "pl", "home.json");
      const tree = JSON.parse(readFileSync(file, "utf8")) as { hero: Record<string, string> };
      delete tree.hero.title;
      writeFileSync(file, `${JSON.stringify(tree, null, 2)}\n`);
      const listy = await startOwnListy({ name: "translations",
        env: { LOCALES_DIR: localesDir, NO_COLOR: "1" }, prepare: staffSessions<Session>("translator") });
      try {
        const sessions = listy.prepared;
        await use({ url: listy.url, localesDir, env: listy.env, translator: sessions["translator-1"]! });
      } finally {
        await listy.stop();
        rmSync(localesDir, { recursive: true, force: true });
      }
    },
    { scope: "worker", timeout: 150_000 },
  ],
  baseURL: async ({ translationWorld }, use) => {
    await use(translationWorld.url);
  },
});

const ENGLISH_TITLE = "Letters keep political prisoners alive and visible";
const NEW_TITLE = "Listy dodają sił więźniom politycznym i nie pozwalają o nich zapomnieć";

test("a translator completes a missing key in the workspace and npm run i18n:check passes", async ({ page, translationWorld, watchers }) => {
  test.setTimeout(120_000);
  const javaScriptEnabled = test.info().project.use.javaScriptEnabled !== false;
  const check = () => runToEnd(["scripts/i18n-check.ts", "--locales", translationWorld.localesDir], translationWorld.env);

  const before = await check();
  expect(before.code).toBe(1);
  expect(before.stdout).toContain('pl/home.json  missing key "hero.title"');

  // The public page falls back to English for the missing key.
  await page.goto("/pl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ENGLISH_TITLE);

  await page.context().addCookies([{ name: "listy_staff", value: translationWorld.translator.cookie, url: translationWorld.url }]);
  await page.goto("/en/staff/translations");
  await waitForHydration(page, javaScriptEnabled);
  await expect(page.getByRole("heading", { level: 1, name: "Translations" })).toBeVisible();
  await expectNoAxeViolations(page, "completeness: ");

  await page.getByRole("region", { name: "Polski" }).getByRole("link", { name: "home", exact: true }).click();
  await expect(page).toHaveURL(/\/en\/staff\/translations\/pl\/home$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("home · Polski");
  await expectNoAxeViolations(page, "file: ");
  await page.getByRole("link", { name: "Missing", exact: true }).click();
  await expect(page).toHaveURL(/show=missing/);

  const key = page.getByRole("region", { name: "hero.title" });
  await expect(key.getByText(ENGLISH_TITLE)).toBeVisible();
  await expect(key.getByText("Missing", { exact: true })).toBeVisible();

  // HTML is refused, and what was typed stays in the field. The refusal is a 400 (with
  // JavaScript, a fetch the browser logs as failed): expected here.
  watchers.documentErrorStatuses.push(400);
  const field = key.getByLabel("Translation", { exact: true });
  await field.fill(`<b>${NEW_TITLE}</b>`);
  await key.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert")).toContainText("HTML tags are not allowed");
  await expect(page.getByRole("region", { name: "hero.title" }).getByLabel("Translation", { exact: true })).toHaveValue(`<b>${NEW_TITLE}</b>`);
  await expectNoAxeViolations(page, "refused save: ");

  await page.getByRole("region", { name: "hero.title" }).getByLabel("Translation", { exact: true }).fill(NEW_TITLE);
  await page.getByRole("region", { name: "hero.title" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved: hero.title.");
  await expect(page.getByText("Nothing to do here.")).toBeVisible();
  await expectNoAxeViolations(page, "after save: ");

  // Saved in the database: the download is the file as served, ready to commit, and the check passes on it.
  const download = await (await page.request.get("/en/staff/translations/pl/home/download")).text();
  expect((JSON.parse(download) as { hero: { title: string } }).hero.title).toBe(NEW_TITLE);
  writeFileSync(path.join(translationWorld.localesDir, "pl", "home.json"), download);
  const after = await check();
  expect(after.stdout).toContain("✓ No problems");
  expect(after.code).toBe(0);

  // The running site uses the new string at once.
  await page.goto("/pl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NEW_TITLE);
});

test("a translator translates a published prisoner's summary: it goes to review as a profile change", async ({ page, translationWorld }) => {
  test.setTimeout(60_000);
  const javaScriptEnabled = test.info().project.use.javaScriptEnabled !== false;
  await page.context().addCookies([{ name: "listy_staff", value: translationWorld.translator.cookie, url: translationWorld.url }]);
  await page.goto("/en/staff/translations");
  await waitForHydration(page, javaScriptEnabled);
  await page.getByRole("link", { name: "Content translations: biographies and campaign texts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Content translations" })).toBeVisible();
  await page.getByRole("combobox", { name: "Language" }).selectOption("pl");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/locale=pl/);
  await expectNoAxeViolations(page, "content list: ");

  const prisoners = page.getByRole("region", { name: "Prisoners" });
  const first = prisoners.getByRole("row").nth(1).getByRole("link");
  const name = (await first.textContent()) ?? "";
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${name} · Polski`);
  await expect(page.getByText("This profile is published")).toBeVisible();
  await expectNoAxeViolations(page, "content editor: ");

  const summary = javaScriptEnabled ? "Streszczenie napisane z JavaScriptem." : "Streszczenie napisane bez JavaScriptu.";
  await page.getByLabel("Summary (one line)").fill(summary);
  await page.getByRole("button", { name: "Save translation" }).click();
  await expect(page.getByRole("status")).toHaveText("Sent for review as a profile change.");
  await expect(page.getByText("Waiting for a moderator (profile change)")).toBeVisible();
  await expectNoAxeViolations(page, "after sending: ");
});

test("a translator's change to the safety advice waits for a second person; the public page keeps the old text", async ({ page, translationWorld }) => {
  test.setTimeout(90_000);
  const javaScriptEnabled = test.info().project.use.javaScriptEnabled !== false;
  await page.context().addCookies([{ name: "listy_staff", value: translationWorld.translator.cookie, url: translationWorld.url }]);
  await page.goto("/en/staff/translations/pl/privacy?show=all");
  await waitForHydration(page, javaScriptEnabled);
  const key = page.getByRole("region", { name: "safety.text" });
  await expect(key.getByText("A second person reviews changes to this text before they go live")).toBeVisible();

  const advice = javaScriptEnabled ? "Podpisuj się prawdziwym imieniem (z JavaScriptem)." : "Podpisuj się prawdziwym imieniem (bez JavaScriptu).";
  await key.getByLabel("Translation", { exact: true }).fill(advice);
  await key.getByRole("button", { name: "Propose for review" }).click();
  await expect(page.getByRole("status")).toContainText("Sent for review: safety.text.");
  // The review filter lists just the proposals (the whole file is too long for a quick axe scan).
  await page.goto("/en/staff/translations/pl/privacy?show=review");
  await waitForHydration(page, javaScriptEnabled);
  const proposal = page.getByRole("region", { name: "safety.text" });
  await expect(proposal.getByText("Waiting for review")).toBeVisible();
  await expect(proposal.getByRole("paragraph").filter({ hasText: advice })).toBeVisible();
  // The field starts from the proposal, so the next save edits it.
  await expect(proposal.getByLabel("Translation", { exact: true })).toHaveValue(advice);
  await expect(proposal.getByText("You wrote or edited this proposal, so someone else must review it.")).toBeVisible();
  await expect(proposal.getByRole("button", { name: "Approve and publish" })).toHaveCount(0);
  await expectNoAxeViolations(page, "proposal: ");

  await page.goto("/pl/privacy");
  await expect(page.getByText(advice)).toHaveCount(0);
});

test("a translator translates a charge's name: listed per field, sent to the reference review", async ({ page, translationWorld }) => {
  test.setTimeout(60_000);
  const javaScriptEnabled = test.info().project.use.javaScriptEnabled !== false;
  await page.context().addCookies([{ name: "listy_staff", value: translationWorld.translator.cookie, url: translationWorld.url }]);
  await page.goto("/en/staff/translations/content?locale=lt");
  await waitForHydration(page, javaScriptEnabled);
  const charges = page.getByRole("region", { name: "Charges" });
  await expect(charges.getByRole("columnheader", { name: "Explanation" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Sourced facts" })).toBeVisible();
  const first = charges.getByRole("row").nth(1).getByRole("link");
  await first.click();
  await expect(page.getByText("Charges are reference data")).toBeVisible();
  await expectNoAxeViolations(page, "charge editor: ");

  await page.getByLabel("Name").fill(javaScriptEnabled ? "Kaltinimas (su JavaScript)" : "Kaltinimas (be JavaScript)");
  await page.getByRole("button", { name: "Save translation" }).click();
  await expect(page.getByRole("status")).toHaveText("Sent for review as a change to the charge.");
  await expectNoAxeViolations(page, "after sending: ");
});
