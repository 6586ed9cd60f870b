// What waits for review: moderators see the counts on their overview, each linking to its list,
// and get a neutral email ("N items wait for review" and a link, nothing about what) from the
// periodic jobs, at most once a day each, through the outbox and the in-process SMTP server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createMailWorker, runPeriodicJobs, type MailWorker } from "~/jobs.server";

import { configureTestMail } from "../support/outbox";
import { startTestServer, type TestServer } from "../support/server";
import { startSmtpServer, textOf, type TestSmtpServer } from "../support/smtp";
import { createStaffMember, signedInStaff } from "../support/staff";

let server: TestServer;
let smtp: TestSmtpServer;
let worker: MailWorker;
// The worker's clock follows the jobs' (a notice queued "a day later" is due then).
let clock = new Date();

beforeAll(async () => {
  server = await startTestServer();
  smtp = await startSmtpServer();
  configureTestMail(smtp);
  worker = createMailWorker({ id: "review-queue", log: () => undefined, now: () => clock });
});

afterAll(async () => {
  worker?.close();
  await smtp?.close();
  await server?.close();
});

const prisma = () => server.database.prisma;
const HOUR_MS = 3_600_000;

async function waitingForReview() {
  const [campaigns, revisions, changes, proposals, prisonerTexts, campaignTexts] = await Promise.all([
    prisma().campaign.count({ where: { status: "IN_REVIEW" } }),
    prisma().campaignRevision.count({ where: { state: "PENDING" } }),
    prisma().prisonerChange.count({ where: { state: "PENDING" } }),
    prisma().interfaceProposal.count({ where: { state: "PENDING" } }),
    prisma().prisonerTranslation.count({ where: { review: "NEEDS_REVIEW" } }),
    prisma().campaignTranslation.count({ where: { review: "NEEDS_REVIEW" } }),
  ]);
  return { campaigns, revisions, changes, proposals, texts: prisonerTexts + campaignTexts };
}

async function runJobsAndSend(at: Date) {
  clock = at;
  await runPeriodicJobs(at);
  for (let i = 0; i < 20 && (await worker.runOnce()) > 0; i++);
}

describe("what waits for review", () => {
  beforeAll(async () => {
    // A profile change and an interface text proposal, as an editor and a translator leave them.
    const prisoner = await prisma().prisoner.findFirstOrThrow({ where: { draft: false } });
    await prisma().prisonerChange.create({ data: { prisonerId: prisoner.id, state: "PENDING", baseVersion: prisoner.version, before: { summary: "old" }, after: { summary: "new" } } });
    await prisma().interfaceProposal.create({ data: { locale: "pl", namespace: "common", key: "review-queue-test", values: { "": "Tekst" }, editorIds: [] } });
  });

  it("shows a moderator the counts on the overview, each a link to its list; a campaigner sees no such section", async () => {
    const waiting = await waitingForReview();
    expect(waiting.changes).toBeGreaterThanOrEqual(1);
    const { browser } = await signedInStaff(server.url, prisma(), ["moderator"]);
    const page = await browser.get("/en/staff");
    expect(page.status).toBe(200);
    const html = (await page.text()).replaceAll(" data-discover=\"true\"", "");
    expect(html).toContain("Waiting for review");
    expect(html).toContain(`<a class="staff-review-waiting" href="/en/staff/prisoners?filter=pending">Profile changes: ${waiting.changes}</a>`);
    expect(html).toContain(`href="/en/staff/translations">Interface text proposals: ${waiting.proposals}</a>`);
    expect(html).toContain(`href="/en/staff/campaigns">Campaigns to publish: ${waiting.campaigns}</a>`);
    expect(html).toContain(`href="/en/staff/campaigns">Changes to published campaigns: ${waiting.revisions}</a>`);
    expect(html).toContain(`href="/en/staff/translations/content">Translations of profiles and campaigns: ${waiting.texts}</a>`);
    // The profile list the link opens shows the pending ones.
    expect((await browser.get("/en/staff/prisoners?filter=pending")).status).toBe(200);

    const campaigner = await signedInStaff(server.url, prisma(), ["campaigner"]);
    const theirs = await (await campaigner.browser.get("/en/staff")).text();
    expect(theirs).not.toContain("Waiting for review");
  });

  it("emails each moderator a neutral count at most once a day, through the outbox; nobody else", async () => {
    const { staff: moderator } = await createStaffMember(prisma(), { roles: ["moderator"], enrolTotp: true, language: "pl" });
    const { staff: campaigner } = await createStaffMember(prisma(), { roles: ["campaigner"] });
    const waiting = await waitingForReview();
    const total = Object.values(waiting).reduce((sum, count) => sum + count, 0);
    const toModerator = () => smtp.messages.filter((message) => message.rcptTo.includes(moderator.email));

    const start = new Date();
    await runJobsAndSend(start);
    expect(toModerator()).toHaveLength(1);
    const mail = toModerator()[0]!;
    expect(mail.subject).toBe("Czeka na sprawdzenie");
    const text = textOf(mail);
    expect(text).toMatch(new RegExp(`^${total} (pozycja czeka|pozycje czekają|pozycji czeka) na sprawdzenie w panelu zespołu:$`, "m"));
    expect(text).toMatch(/\/pl\/staff$/m);
    // Nothing about what waits: no name, no text, no key.
    expect(text).not.toContain("review-queue-test");
    expect(text).not.toContain("Tekst");

    // An hour later, and again the same day: nothing more.
    await runJobsAndSend(new Date(start.getTime() + HOUR_MS));
    await runJobsAndSend(new Date(start.getTime() + 23 * HOUR_MS));
    expect(toModerator()).toHaveLength(1);

    // A day later, with work still waiting: one more.
    await runJobsAndSend(new Date(start.getTime() + 25 * HOUR_MS));
    expect(toModerator()).toHaveLength(2);
    expect(smtp.messages.filter((message) => message.rcptTo.includes(campaigner.email))).toHaveLength(0);
  });

  it("sends nothing when nothing waits", async () => {
    await prisma().prisonerChange.updateMany({ where: { state: "PENDING" }, data: { state: "WITHDRAWN" } });
    await prisma().interfaceProposal.updateMany({ where: { state: "PENDING" }, data: { state: "REJECTED" } });
    await prisma().campaign.updateMany({ where: { status: "IN_REVIEW" }, data: { status: "DRAFT" } });
    await prisma().campaignRevision.updateMany({ where: { state: "PENDING" }, data: { state: "WITHDRAWN" } });
    await prisma().prisonerTranslation.updateMany({ where: { review: "NEEDS_REVIEW" }, data: { review: "REVIEWED" } });
    await prisma().campaignTranslation.updateMany({ where: { review: "NEEDS_REVIEW" }, data: { review: "REVIEWED" } });
    const { staff: moderator } = await createStaffMember(prisma(), { roles: ["moderator"], enrolTotp: true });
    await runJobsAndSend(new Date(Date.now() + 100 * HOUR_MS));
    expect(smtp.messages.filter((message) => message.rcptTo.includes(moderator.email))).toHaveLength(0);
  });
});
