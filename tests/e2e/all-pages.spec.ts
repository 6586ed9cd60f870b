// Every public page in every language: accessible (axe), self-contained (the fixtures fail
// the test on any foreign request, CSP violation or console error), and in its language.
import { readFileSync } from "node:fs";
import path from "node:path";

import { expect, expectNoAxeViolations, test } from "../support/e2e-fixtures";

const languages = ["be", "ru", "uk", "pl", "lt", "en"] as const;
const pages = [
  "",
  "prisoners",
  "prisoners?q=Kolesnikova",
  "prisoners/katsiaryna-bakhvalava",
  "campaigns",
  "campaigns/free-them-all",
  "birthdays",
  "about/numbers",
  "about/translate",
];

for (const language of languages) {
  test(`every page in ${language} passes axe`, async ({ page }) => {
    test.skip(test.info().project.use.javaScriptEnabled === false, "axe needs scripts; the HTML is the same");
    // Every public page with axe: well within a minute, but not within the default 30 s on a busy machine.
    test.setTimeout(120_000);
    for (const path of pages) {
      const response = await page.goto(`/${language}/${path}`);
      expect(response?.status(), path).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", language);
      await expectNoAxeViolations(page, `${path}: `);
    }
  });
}

test("the section links lead to translated pages after client-side navigation", async ({ page }) => {
  await page.goto("/ru/");
  const sections = page.getByRole("navigation", { name: "Разделы" });
  for (const [link, heading] of [
    ["Политзаключённые", /./],
    ["Кампании", /./],
    ["Дни рождения", /./],
    ["Цифры", /./],
  ] as const) {
    await sections.getByRole("link", { name: link }).click();
    const h1 = page.getByRole("heading", { level: 1 });
    await expect(h1).toHaveText(heading);
    // A raw key ("numbers:page.title") would mean the namespace never loaded.
    await expect(h1).not.toHaveText(/^[a-z-]+:[a-z.-]+$/);
    await expect(page.locator("main")).not.toContainText(/\b(directory|campaigns|birthdays|numbers):[a-z]/);
  }
});

test.describe("on a phone (390×844)", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const language of languages) {
    test(`every page in ${language} opens with the safety line, and its heading still on the first screen`, async ({ page }) => {
      test.setTimeout(120_000);
      const common = JSON.parse(readFileSync(path.join("locales", language, "common.json"), "utf8")) as { "safety-line": string };
      for (const pagePath of pages) {
        await page.goto(`/${language}/${pagePath}`);
        const line = page.getByTestId("safety-line");
        await expect(line, pagePath).toHaveText(common["safety-line"]);
        await expect(line.getByRole("link"), pagePath).toHaveAttribute("href", `/${language}/privacy#safety`);
        const lineBox = (await line.boundingBox())!;
        expect(lineBox.y + lineBox.height, pagePath).toBeLessThanOrEqual(844);
        // A thin line: the page's own answer starts on the first screen as before.
        const heading = (await page.getByRole("heading", { level: 1 }).first().boundingBox())!;
        expect(heading.y + heading.height, pagePath).toBeLessThanOrEqual(844);
      }
    });
  }
});
