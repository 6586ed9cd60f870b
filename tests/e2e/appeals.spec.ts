// Issue 5, "done when": with JavaScript off, a supporter sends an appeal for the demo campaign
// through Listy in Polish, confirms it from the email, and an in-process SMTP server receives
// exactly one correct message for the official.
//
// The server started by playwright.config.ts has no SMTP_URL and its embedded database cannot
// be opened by a second process, so this spec starts its own Listy (one per Playwright worker):
// it prepares a fresh embedded database (migrations, demo data, and an email address for the
// official, which the demo data deliberately leaves empty), starts the in-process SMTP server,
// then runs `tsx server/index.ts` with SMTP_URL pointing at it. The pages are checked with axe
// in the JavaScript project; the no-JavaScript project runs the same flow on plain forms.
import { readFileSync } from "node:fs";
import path from "node:path";

import { migrateDatabase, openDatabase } from "~/utils/database.server";

import { seedDemoData } from "../../prisma/seed";
import { test as base, expect, expectNoAxeViolations } from "../support/e2e-fixtures";
import { giveDemoOfficialTestContacts } from "../support/officials";
import { decodeHeader, startSmtpServer, textOf, type ReceivedMessage, type TestSmtpServer } from "../support/smtp";
import { mailToTestServer, startOwnListy } from "../support/spawn-listy";

const OFFICIAL_EMAIL = "kancelaria@official.example.org";
const SUPPORTER_EMAIL = "anna.nowak@supporter.example.org";
const MAIL_FROM = "listy@listy.example.org";

interface AppealWorld {
  url: string;
  smtp: TestSmtpServer;
}

const test = base.extend<object, { appealWorld: AppealWorld }>({
  appealWorld: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const smtp = await startSmtpServer();
      const listy = await startOwnListy({
        name: "appeals",
        env: { ...mailToTestServer(smtp.url), MAIL_FROM, SEED_DEMO_DATA: "false" },
        prepare: async (env) => {
          const database = await openDatabase({ kind: "pglite", dataDir: env.PGLITE_DATA_DIR! });
          await migrateDatabase(database);
          await seedDemoData(database.prisma);
          await giveDemoOfficialTestContacts(database.prisma, OFFICIAL_EMAIL);
          await database.close();
        },
      });
      try {
        await use({ url: listy.url, smtp });
      } finally {
        await listy.stop();
        await smtp.close();
      }
    },
    { scope: "worker", timeout: 150_000 },
  ],
  baseURL: async ({ appealWorld }, use) => {
    await use(appealWorld.url);
  },
});

const toOfficial = (messages: readonly ReceivedMessage[]) => messages.filter((message) => message.rcptTo.includes(OFFICIAL_EMAIL));
const toSupporter = (messages: readonly ReceivedMessage[]) => messages.filter((message) => message.rcptTo.includes(SUPPORTER_EMAIL));

test("a supporter sends an appeal in Polish through Listy, confirms it from the email, and the official gets exactly one message", async ({
  page,
  appealWorld,
}) => {
  test.setTimeout(90_000);
  const { smtp } = appealWorld;

  await page.goto("/pl/campaigns/free-them-all");
  await expect(page.getByText("Przez Listy nie wysłano jeszcze żadnego apelu.")).toBeVisible();
  // The action under the title (the explanation further down ends with the same link).
  await page.getByRole("link", { name: "Wyślij apel" }).first().click();
  await expect(page).toHaveURL(/\/pl\/campaigns\/free-them-all\/appeal\?target=alyaksandr-lukashenka&prisoner=[a-z-]+&seed=\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wyślij apel");
  await expectNoAxeViolations(page, "appeal form: ");

  // The official reads Russian: the draft is Russian, the page around it Polish.
  const subject = await page.getByLabel("Temat", { exact: true }).inputValue();
  const body = await page.getByLabel("Treść apelu").inputValue();
  expect(body).toMatch(/[А-Яа-яЁё]{5,}/);
  expect(`${subject}${body}`).not.toMatch(/\{|\}|undefined/);

  await page.getByLabel("Moim imieniem i nazwiskiem (i miejscowością, jeśli chcę)").check();
  await page.getByLabel("Imię i nazwisko").fill("Anna Nowak");
  await page.getByLabel("Miejscowość (nieobowiązkowo)").fill("Gdańsk");
  await page.getByLabel("Twój adres e-mail").fill(SUPPORTER_EMAIL);
  await page.getByLabel("Zapytajcie mnie za dwa tygodnie, czy przyszła odpowiedź").check();
  await page.getByRole("button", { name: "Wyślij przez Listy" }).click();

  // The form posts to #result (so that a page answering with errors opens at them); a browser
  // keeps that fragment across the redirect to the "check your inbox" page.
  await expect(page).toHaveURL(/\/pl\/appeals\/sent\?campaign=free-them-all(#result)?$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sprawdź skrzynkę");
  await expect(page.locator("body")).not.toContainText(SUPPORTER_EMAIL);
  await expectNoAxeViolations(page, "sent page: ");

  // The confirmation email: to the supporter only, with a neutral subject.
  await smtp.waitFor((messages) => toSupporter(messages).length >= 1, 20_000);
  const [confirmation] = toSupporter(smtp.messages);
  expect(confirmation!.rcptTo).toEqual([SUPPORTER_EMAIL]);
  const polishMail = JSON.parse(readFileSync(path.resolve("locales", "pl", "mail.json"), "utf8")) as { confirmation: { subject: string } };
  expect(confirmation!.subject).toBe(polishMail.confirmation.subject);
  expect(confirmation!.subject).not.toMatch(/Łukaszenk|Białoru|Лукашенк|Беларус/);
  const link = /https?:\/\/[^\s"<>]+\/pl\/appeals\/confirm\/[A-Za-z0-9_-]{43}/.exec(textOf(confirmation!))?.[0];
  expect(link, "confirmation link in the email").toBeTruthy();
  expect(toOfficial(smtp.messages)).toHaveLength(0);

  // Opening the link (as a mail scanner would) only shows the appeal.
  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Potwierdź apel");
  await expect(page.getByText(subject, { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "confirm page: ");
  await page.waitForTimeout(1_000);
  expect(toOfficial(smtp.messages), "nothing reaches the official before confirmation").toHaveLength(0);

  await page.getByRole("button", { name: "Potwierdź i wyślij" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dziękujemy: twój apel zostanie wysłany");
  await expectNoAxeViolations(page, "confirmed page: ");

  await smtp.waitFor((messages) => toOfficial(messages).length >= 1, 20_000);
  // Give a duplicate every chance to show up before counting.
  await page.waitForTimeout(2_000);
  const delivered = toOfficial(smtp.messages);
  expect(delivered, "exactly one message for the official").toHaveLength(1);
  const appeal = delivered[0]!;
  expect(appeal.rcptTo).toEqual([OFFICIAL_EMAIL]);
  expect(appeal.mailFrom).toBe(MAIL_FROM);
  expect(appeal.subject).toBe(subject);
  expect(decodeHeader(appeal.headers.get("to"))).toContain(OFFICIAL_EMAIL);
  expect(appeal.headers.has("cc")).toBe(false);
  expect(appeal.headers.has("bcc")).toBe(false);
  // Replies were not asked for: the supporter's address is nowhere in the appeal.
  expect(appeal.raw).not.toContain(SUPPORTER_EMAIL);
  const text = textOf(appeal).replace(/\r\n/g, "\n");
  expect(text).toContain(`${body.replace(/\r\n/g, "\n").trim()}\n\nAnna Nowak\nGdańsk`);
  // Only the confirmation and the appeal: nothing else went out.
  expect(smtp.messages).toHaveLength(2);

  // The same link now says it is done, and a second click sends nothing more.
  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Potwierdź apel");
});

test("bad input is explained in Polish with nothing lost, and the other appeal pages are accessible", async ({ page, appealWorld }) => {
  // Four full-page axe scans: more than the default 30 s when the 2-core machine is busy.
  test.setTimeout(90_000);
  await page.goto("/pl/campaigns/free-them-all/appeal");
  await page.getByLabel("Temat", { exact: true }).fill("");
  await page.getByLabel("Moim imieniem i nazwiskiem (i miejscowością, jeśli chcę)").check();
  await page.getByLabel("Miejscowość (nieobowiązkowo)").fill("Wilno");
  await page.getByLabel("Twój adres e-mail").fill("a@example.org, b@example.org");
  await page.getByRole("button", { name: "Wyślij przez Listy" }).click();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Wpisz temat.");
  await expect(alert).toContainText("Wpisz imię i nazwisko albo wybierz podpis w imieniu kampanii.");
  await expect(page.getByLabel("Miejscowość (nieobowiązkowo)")).toHaveValue("Wilno");
  await expect(page.getByLabel("Twój adres e-mail")).toHaveValue("a@example.org, b@example.org");
  await expectNoAxeViolations(page, "form with errors: ");

  await page.getByLabel("Temat", { exact: true }).fill("Prośba");
  await page.getByLabel("Imię i nazwisko").fill("Jan Kowalski");
  await page.getByRole("button", { name: "Wyślij przez Listy" }).click();
  await expect(page.getByRole("alert")).toContainText("To nie wygląda na jeden działający adres e-mail.");

  await page.getByRole("button", { name: "Wersja do druku" }).click();
  await expect(page.getByRole("heading", { name: "List do druku" })).toBeVisible();
  await expect(page.locator(".appeal-print")).toContainText("Jan Kowalski");
  await expectNoAxeViolations(page, "printable letter: ");

  for (const path of [`/pl/appeals/confirm/${"A".repeat(43)}`, `/pl/appeals/follow-up/${"A".repeat(43)}`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page, `${path}: `);
  }
  // Nothing was sent by any of this.
  expect(appealWorld.smtp.messages.filter((message) => message.rcptTo.includes("a@example.org"))).toHaveLength(0);
});
