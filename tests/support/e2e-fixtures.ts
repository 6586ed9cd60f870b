// Every browser test runs with watchers that fail it on any request to another host,
// any Content-Security-Policy violation and any console error.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

interface Watchers {
  foreignRequests: string[];
  cspViolations: string[];
  consoleErrors: string[];
  /** HTTP statuses of page (navigation) responses that the browser logs as errors. */
  documentErrorStatuses: number[];
}

export const test = base.extend<{ watchers: Watchers }>({
  watchers: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const watchers: Watchers = { foreignRequests: [], cspViolations: [], consoleErrors: [], documentErrorStatuses: [] };
      page.on("response", (response) => {
        if (response.request().isNavigationRequest() && response.status() >= 400) watchers.documentErrorStatuses.push(response.status());
      });
      page.on("request", (request) => {
        const url = request.url();
        if (url.startsWith("data:") || url.startsWith("blob:")) return;
        if (new URL(url).origin !== origin) watchers.foreignRequests.push(url);
      });
      page.on("console", (message) => {
        if (message.type() === "error") watchers.consoleErrors.push(message.text());
      });
      await page.exposeFunction("__reportCspViolation", (text: string) => watchers.cspViolations.push(text));
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation(
            `${event.violatedDirective} ${event.blockedURI}`,
          );
        });
      });
      await use(watchers);
      expect(watchers.foreignRequests, "requests to other hosts").toEqual([]);
      expect(watchers.cspViolations, "CSP violations").toEqual([]);
      // A 404 page, or a form shown again with its errors (400), logs the document load itself
      // as an error; that is expected when the page itself had that status. Nothing else may fail.
      const expected = new Set<number>(watchers.documentErrorStatuses.filter((status) => status === 404 || status === 400));
      const unexpected = watchers.consoleErrors.filter((text) => {
        const status = /status of (\d{3})/.exec(text)?.[1];
        return !(status && expected.has(Number(status)));
      });
      expect(unexpected, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function waitForHydration(page: Page, javaScriptEnabled: boolean) {
  if (javaScriptEnabled) await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
}

/** Fails the test on any axe violation (WCAG 2.1 A/AA and best practice) on the current page. */
export async function expectNoAxeViolations(page: Page, label = "") {
  // axe runs as a script; without JavaScript the same server HTML is checked by the other project.
  if (test.info().project.use.javaScriptEnabled === false) return;
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const summary = results.violations.map(
    (violation) => `${label}${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
  expect(summary).toEqual([]);
}
