// Issue 17, the supporter's side, on a 390×844 phone, run with JavaScript on and off (the two
// projects): the appeal is always about the person chosen, previews land at their result,
// the letter builder's summary reaches the preview, and "needs letters most" never offers
// someone a letter cannot reach.
import { readFile } from "node:fs/promises";

import { extractText, getDocumentProxy } from "unpdf";

import { expect, expectNoAxeViolations, test, waitForHydration } from "../support/e2e-fixtures";

const javaScriptEnabled = () => test.info().project.use.javaScriptEnabled !== false;

test.use({ viewport: { width: 390, height: 844 }, isMobile: false });

test("the appeal downloaded right after choosing another person speaks about that person", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto("/ru/campaigns/free-them-all/appeal");
  await waitForHydration(page, javaScriptEnabled());
  const person = page.getByLabel("Человек, о котором говорится в письме");
  const before = (await person.locator("option:checked").textContent())!.trim();
  const options = (await person.locator("option").allTextContents()).map((name) => name.trim());
  const other = options.find((name) => name !== before)!;
  expect(other, "the demo campaign speaks about more than one person").toBeTruthy();
  expect(await page.getByLabel("Текст обращения").inputValue()).toContain(before.split(" ")[0]);

  await person.selectOption({ label: other });
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Скачать PDF" }).click();
  const download = await downloading;
  const bytes = await readFile((await download.path())!);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  const flat = text.replace(/\s+/g, " ");
  expect(flat).toContain(other.split(" ")[0]);
  expect(flat).not.toContain(before.split(" ")[0]);
});
