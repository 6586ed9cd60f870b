// Issue 16, "done when": a campaigner adds an official with a sourced email address through
// the back office, a moderator approves it, the official becomes the target of a campaign,
// and a supporter's appeal to that official (JavaScript on and off) is delivered to the
// in-process SMTP server.
//
// Like appeals.spec.ts, this spec starts its own Listy with mail going to an in-process SMTP
// server; staff sessions and a draft campaign are written into the fresh database first.
import { migrateDatabase, openDatabase } from "~/utils/database.server";

import { test as base, expect, expectNoAxeViolations } from "../support/e2e-fixtures";
import { startSmtpServer, textOf, type ReceivedMessage, type TestSmtpServer } from "../support/smtp";
import { mailToTestServer, staffSessions, startOwnListy } from "../support/spawn-listy";

const OFFICIAL_EMAIL = "kancelaria@justice.example.org";
const SUPPORTER_EMAIL = "jan.kowalski@supporter.example.org";
const CAMPAIGN = "reach-the-minister";

interface Session {
  id: string;
  name: string;
  cookie: string;
}
interface OfficialsWorld {
  url: string;
  smtp: TestSmtpServer;
  campaigner: Session;
  moderator: Session;
}

const test = base.extend<object, { officialsWorld: OfficialsWorld }>({
  officialsWorld: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const smtp = await startSmtpServer();
      const listy = await startOwnListy({
        name: "officials",
        env: { ...mailToTestServer(smtp.url), MAIL_FROM: "listy@listy.example.org" },
        prepare: async (env) => {
          const sessions = await staffSessions<Session>("campaigner", "moderator")(env);
          const campaigner = sessions["campaigner-1"]!;
          // A draft campaign of the campaigner's, with its text; its target is added below.
          const database = await openDatabase({ kind: "pglite", dataDir: env.PGLITE_DATA_DIR! });
          await migrateDatabase(database);
          await database.prisma.campaign.create({
            data: {
              slug: CAMPAIGN,
              status: "DRAFT",
              createdById: campaigner.id,
              contributorIds: [campaigner.id],
              translations: { create: { locale: "en", title: "Reach the minister", summary: "Ask the minister to act.", ask: "Release them." } },
              appealTemplates: { create: { locale: "en", subjects: ["Release the prisoners"], openings: ["Dear Minister,"], arguments: ["Their imprisonment is unjust."], closings: ["Please act now."] } },
            },
          });
          await database.close();
          return sessions;
        },
      });
      try {
        await use({ url: listy.url, smtp, campaigner: listy.prepared["campaigner-1"]!, moderator: listy.prepared["moderator-2"]! });
      } finally {
        await listy.stop();
        await smtp.close();
      }
    },
    { scope: "worker", timeout: 150_000 },
  ],
  baseURL: async ({ officialsWorld }, use) => {
    await use(officialsWorld.url);
  },
});

const to = (address: string) => (messages: readonly ReceivedMessage[]) => messages.filter((message) => message.rcptTo.includes(address));

test("an official added with a sourced email and approved by a second person receives a supporter's appeal", async ({ browser, officialsWorld }) => {
  test.setTimeout(150_000);
  const javaScriptEnabled = test.info().project.use.javaScriptEnabled !== false;
  const { url, smtp } = officialsWorld;
  const contextFor = async (session: Session | null) => {
    const context = await browser.newContext({ baseURL: url, javaScriptEnabled });
    if (session) await context.addCookies([{ name: "listy_staff", value: session.cookie, url }]);
    return context.newPage();
  };

  // The campaigner adds the official with the source of the address.
  const campaigner = await contextFor(officialsWorld.campaigner);
  await campaigner.goto("/en/staff/officials");
  await campaigner.getByRole("link", { name: "Add an official" }).click();
  await expectNoAxeViolations(campaigner, "new official: ");
  await campaigner.getByLabel("Country (two-letter code, e.g. BY)").fill("PL");
  await campaigner.getByLabel("Language the official reads").selectOption("en");
  await campaigner.locator("#field-position-en").fill("Minister of Justice");
  await campaigner.locator("#field-name-en").fill("Anna Minister");
  await campaigner.locator("#field-email").fill(OFFICIAL_EMAIL);
  await campaigner.locator("#field-email-source").selectOption("new");
  await campaigner.locator("#field-email-reported-on").fill("2026-11-20");
  await campaigner.locator("#field-source-publication").fill("Ministry of Justice: contacts");
  await campaigner.locator("#field-source-url").fill("https://justice.example.org/contacts");
  await campaigner.locator("#field-source-date").fill("2026-11-20");
  await campaigner.getByRole("button", { name: "Save as a draft" }).click();
  await expect(campaigner.getByRole("status")).toHaveText("The official is saved as a draft. A second staff member has to approve it.");
  await expect(campaigner.getByTestId("official-state")).toHaveText("Draft, waiting for approval");
  await expect(campaigner.getByTestId("four-eyes")).toBeVisible();
  await expectNoAxeViolations(campaigner, "official page: ");

  // A second person approves it.
  const moderator = await contextFor(officialsWorld.moderator);
  await moderator.goto("/en/staff/officials");
  await expectNoAxeViolations(moderator, "officials list: ");
  await moderator.getByRole("link", { name: "Anna Minister" }).click();
  await moderator.getByRole("region", { name: "Approve this official" }).getByRole("button", { name: "Approve" }).click();
  await expect(moderator.getByRole("status")).toHaveText("The official and their pending contacts are approved.");
  await expect(moderator.getByTestId("channels")).toHaveText("Email address");

  // The official becomes the campaign's target; the campaign is reviewed and published.
  await campaigner.goto("/en/staff/campaigns");
  await campaigner.getByRole("link", { name: "Reach the minister" }).click();
  await campaigner.getByRole("group", { name: "Officials the appeals go to" }).getByLabel(/Anna Minister/).check();
  await campaigner.getByRole("button", { name: "Save changes" }).click();
  await campaigner.getByRole("button", { name: "Send for review" }).click();
  await expect(campaigner.getByTestId("campaign-status")).toHaveText("In review");
  await moderator.goto(campaigner.url().replace(/\?.*$/, "").replace(url, ""));
  await moderator.getByRole("button", { name: "Approve and publish" }).click();
  await expect(moderator.getByTestId("campaign-status")).toHaveText("Published");

  // A supporter sends the appeal through Listy and confirms it from the email.
  const supporter = await contextFor(null);
  await supporter.goto(`/en/campaigns/${CAMPAIGN}/appeal`);
  await expect(supporter.getByRole("heading", { level: 3, name: "Send it through Listy" })).toBeVisible();
  await expect(supporter.getByRole("button", { name: "Printable version" })).toHaveCount(0);
  await supporter.getByLabel("Your email address").fill(SUPPORTER_EMAIL);
  await supporter.getByRole("button", { name: "Send through Listy" }).click();
  // The browser keeps the #result fragment the appeal form posted to across the redirect.
  await expect(supporter).toHaveURL(new RegExp(`/en/appeals/sent\\?campaign=${CAMPAIGN}(#result)?$`));
  await smtp.waitFor((messages) => to(SUPPORTER_EMAIL)(messages).length >= 1, 20_000);
  const link = /https?:\/\/[^\s"<>]+\/en\/appeals\/confirm\/[A-Za-z0-9_-]{43}/.exec(textOf(to(SUPPORTER_EMAIL)(smtp.messages)[0]!))?.[0];
  expect(link, "confirmation link in the email").toBeTruthy();
  await supporter.goto(new URL(link!).pathname);
  await supporter.getByRole("button", { name: "Confirm and send" }).click();

  await smtp.waitFor((messages) => to(OFFICIAL_EMAIL)(messages).length >= 1, 20_000);
  const [appeal] = to(OFFICIAL_EMAIL)(smtp.messages);
  expect(appeal!.rcptTo).toEqual([OFFICIAL_EMAIL]);
  expect(appeal!.subject).toBe("Release the prisoners");
  expect(textOf(appeal!)).toContain("Their imprisonment is unjust.");
});
