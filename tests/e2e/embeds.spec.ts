// Issue 18, "done when", for partner embeds: a page served from a second local origin (a tiny
// HTTP server started here) frames a campaign's embed; a pledge through it, with JavaScript on
// and off, raises the count on Listy's campaign page; the same embed framed from an origin the
// campaign does not list is refused by the browser (CSP frame-ancestors). With JavaScript, the
// partner's copied snippet sizes the frame; axe checks the embed and the staff section with the
// code. Run on its own port:
//   E2E_PORT=4770 npx playwright test tests/e2e/embeds.spec.ts
//
// Not the shared fixtures' watchers: this spec loads a page from another origin on purpose.
// It checks instead that nothing but Listy and that partner page is ever requested.
import { createServer, type Server } from "node:http";

import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

import { openDatabase } from "~/utils/database.server";

import { freePort, staffSessions, startOwnListy } from "../support/spawn-listy";

const CAMPAIGN = "free-them-all";

interface EmbedWorld {
  listy: string;
  /** The partner the campaign lists (http://localhost:port) and one it does not (http://127.0.0.1:port, same server). */
  partner: string;
  stranger: string;
  moderatorCookie: string;
}

/** The partner's page: a heading, the iframe and the optional script exactly as the staff page gives them. */
function partnerPage(listy: string, snippet: { iframe: string; script: string } | null): string {
  const iframe = snippet?.iframe ?? `<iframe src="${listy}/en/campaigns/${CAMPAIGN}/embed" title="Listy" width="100%" height="640"></iframe>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title></head><body><h1>A partner organisation</h1>${iframe}${snippet?.script ?? ""}</body></html>`;
}

const test = base.extend<{ requests: string[] }, { embedWorld: EmbedWorld & { setSnippet(snippet: { iframe: string; script: string }): void } }>({
  embedWorld: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const partnerPort = await freePort();
      let listyUrl = "";
      let snippet: { iframe: string; script: string } | null = null;
      const partner: Server = createServer((req, res) => {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(partnerPage(listyUrl, snippet));
      });
      // Every address: the browser may reach "localhost" over IPv6 or IPv4.
      await new Promise<void>((resolve) => partner.listen(partnerPort, resolve));
      const listy = await startOwnListy({
        name: "embeds",
        prepare: async (env) => {
          const sessions = await staffSessions<{ cookie: string }>("moderator")(env);
          const database = await openDatabase({ kind: "pglite", dataDir: env.PGLITE_DATA_DIR! });
          await database.prisma.campaign.update({ where: { slug: CAMPAIGN }, data: { embedOrigins: [`http://localhost:${partnerPort}`] } });
          await database.close();
          return sessions;
        },
      });
      listyUrl = listy.url;
      try {
        await use({
          listy: listy.url,
          partner: `http://localhost:${partnerPort}`,
          stranger: `http://127.0.0.1:${partnerPort}`,
          moderatorCookie: listy.prepared["moderator-1"]!.cookie,
          setSnippet: (given) => void (snippet = given),
        });
      } finally {
        await listy.stop();
        await new Promise((resolve) => partner.close(resolve));
      }
    },
    { scope: "worker", timeout: 300_000 },
  ],
  requests: async ({ page, embedWorld }, use) => {
    const requests: string[] = [];
    page.on("request", (request) => void requests.push(request.url()));
    await use(requests);
    const allowed = [new URL(embedWorld.listy).origin, embedWorld.partner, embedWorld.stranger];
    expect(requests.filter((url) => !url.startsWith("data:") && !allowed.includes(new URL(url).origin)), "requests to other hosts").toEqual([]);
  },
});

// One worker per project shares one Listy and one partner server (each is a server to start).
test.describe.configure({ mode: "default" });
// Starting servers, axe on a long back-office page: slow on a busy machine.
test.setTimeout(120_000);

/** The count on Listy's campaign page, read apart from the browser (whose cookies are checked). */
async function campaignPledges(listy: string): Promise<number> {
  const response = await fetch(`${listy}/en/campaigns/${CAMPAIGN}`);
  const text = /class="pledge-count">([^<]+)</.exec(await response.text())?.[1] ?? "";
  return Number(/\d[\d,]*/.exec(text)?.[0]?.replaceAll(",", "") ?? Number.NaN);
}

test("a pledge through the embed on a partner's page is counted on Listy", async ({ page, embedWorld, requests }) => {
  const javaScriptEnabled = test.info().project.use.javaScriptEnabled !== false;
  const before = await campaignPledges(embedWorld.listy);
  expect(before).toBeGreaterThanOrEqual(0);

  await page.goto(`${embedWorld.partner}/`);
  const frame = page.frameLocator("iframe");
  await expect(frame.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(frame.getByRole("link", { name: "The whole campaign on Listy" })).toHaveAttribute("target", "_blank");
  await frame.getByRole("button", { name: "Pledge" }).click();
  await expect(frame.getByRole("heading", { name: "Thank you: your pledge is counted" })).toBeVisible();
  // The partner's page stayed where it was; only the frame moved on.
  expect(page.url()).toBe(`${embedWorld.partner}/`);

  await expect.poll(() => campaignPledges(embedWorld.listy)).toBe(before + 1);
  // Listy was asked only from inside the frame: no cookie was set for it.
  expect((await page.context().cookies(embedWorld.listy)).map((cookie) => cookie.name)).toEqual([]);
  expect(requests.some((url) => url.startsWith(embedWorld.listy))).toBe(true);
  if (!javaScriptEnabled) return;
  await page.screenshot({ path: test.info().outputPath("partner-page.png"), fullPage: true });
});

test("the embed framed by a site the campaign does not list is refused", async ({ page, embedWorld }) => {
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (/frame-ancestors/.test(message.text())) refusals.push(message.text());
  });
  await page.goto(`${embedWorld.stranger}/`);
  await expect(page.getByRole("heading", { name: "A partner organisation" })).toBeVisible();
  await expect.poll(() => refusals.length, { message: "a CSP frame-ancestors refusal in the console" }).toBeGreaterThan(0);
  const embed = page.frames().find((frame) => frame !== page.mainFrame());
  // Chromium shows its own error page in the frame: none of the embed's content is there.
  expect(embed).toBeDefined();
  expect(await embed!.locator("form.pledge-form, [data-testid=embed-pledge-count]").count()).toBe(0);
  expect(await page.frameLocator("iframe").getByRole("button", { name: "Pledge" }).count()).toBe(0);
});

test("the snippet from the staff page frames the embed, and its script sizes the frame", async ({ page, embedWorld }) => {
  const javaScriptEnabled = test.info().project.use.javaScriptEnabled !== false;
  await page.context().addCookies([{ name: "listy_staff", value: embedWorld.moderatorCookie, url: embedWorld.listy }]);
  const id = /href="\/en\/staff\/campaigns\/([^"/?]+)"/.exec(await (await page.request.get(`${embedWorld.listy}/en/staff/campaigns`)).text())?.[1];
  await page.goto(`${embedWorld.listy}/en/staff/campaigns/${id}`);
  const section = page.getByRole("region", { name: "Embed on partner sites" });
  await expect(section.getByLabel("Partner sites allowed to show the embed")).toHaveValue(embedWorld.partner);
  // A mistake is explained and what was typed stays.
  await section.getByLabel("Partner sites allowed to show the embed").fill(`${embedWorld.partner}\nhttps://partner.example/page`);
  await section.getByRole("button", { name: "Save the partner sites" }).click();
  await expect(page.getByText("“https://partner.example/page” is not a site address")).toBeVisible();
  await expect(page.getByLabel("Partner sites allowed to show the embed")).toHaveValue(`${embedWorld.partner}\nhttps://partner.example/page`);
  if (javaScriptEnabled) await expectNoAxe(page, "staff campaign page");
  const iframe = await page.getByLabel("Code for the partner's page").inputValue();
  const script = await page.getByLabel(/Optional script that sizes the frame/).inputValue();
  expect(iframe).toContain(`src="${embedWorld.listy}/en/campaigns/${CAMPAIGN}/embed"`);
  expect(script).toContain(`event.origin !== "${embedWorld.listy}"`);

  embedWorld.setSnippet({ iframe, script });
  await page.goto(`${embedWorld.partner}/`);
  await expect(page.frameLocator("iframe").getByRole("heading", { level: 1 })).toBeVisible();
  if (!javaScriptEnabled) return;
  // The embed tells its height; the partner's script sets it on the frame (640 px at first).
  await expect.poll(async () => page.locator("iframe").evaluate((frame: HTMLIFrameElement) => frame.style.height)).toMatch(/^\d+px$/);
  const height = await page.locator("iframe").evaluate((frame: HTMLIFrameElement) => frame.getBoundingClientRect().height);
  expect(height).toBeGreaterThan(640);
});

test("the embed passes axe on a phone, in Belarusian", async ({ page, embedWorld }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${embedWorld.listy}/be/campaigns/${CAMPAIGN}/embed`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath(`embed-be-phone-${test.info().project.name}.png`), fullPage: true });
  if (test.info().project.use.javaScriptEnabled === false) return;
  await expectNoAxe(page, "embed");
  // Nothing is wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

async function expectNoAxe(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.map((violation) => `${label}: ${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}
