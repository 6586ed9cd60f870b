// Reminders arrive at a real SMTP server in the supporter's language: monthly letter
// reminders and birthday card reminders a week before (Minsk date), each with a link to the
// manage page where one press stops them. Queued by the periodic jobs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { MailWorker } from "~/jobs.server";
import { configurePledges } from "~/pledges/pledge-settings.server";
import { confirmPledge, findPledgeByManageToken, makePledge, stopReminders, withdrawPledge, type MakePledgeInput } from "~/pledges/pledge.server";

import { useFreshDatabase, type TestDatabase } from "../../scripts/support/scratch-database";
import { configureTestMail, createMailWorkerWithJobs, drainOutbox } from "../support/outbox";
import { createPrisoner, linkToken } from "../support/pledge-fixtures";
import { startSmtpServer, textOf, type TestSmtpServer } from "../support/smtp";

const DAY = 86_400_000;
let database: TestDatabase;
let smtp: TestSmtpServer;
let worker: MailWorker;
let clock = new Date("2026-11-23T10:00:00Z");

beforeAll(async () => {
  database = await useFreshDatabase();
  smtp = await startSmtpServer();
  // The periodic jobs (reminders, purge) run before every pass.
  configureTestMail(smtp);
  configurePledges({ maxPerEmailPerDay: 50, maxConfirmationsPerHour: 10_000 });
  worker = createMailWorkerWithJobs({ id: "pledge-reminders", now: () => clock, log: () => undefined });
});

afterAll(async () => {
  worker?.close();
  await smtp?.close();
  await database?.destroy();
});

beforeEach(async () => {
  await drain();
  smtp.messages.length = 0;
});

const drain = () => drainOutbox(worker, database.prisma);

async function confirmed(email: string, target: MakePledgeInput["target"], language: MakePledgeInput["language"]) {
  const result = await makePledge({ target, language, email, publicOrigin: "https://listy.example.org", now: clock });
  expect(result).toMatchObject({ ok: true, state: "PENDING_CONFIRMATION" });
  await drain();
  const message = smtp.messages.find((m) => m.rcptTo[0] === email)!;
  expect(await confirmPledge(linkToken(message, "pledges/confirm"), clock)).toBe("confirmed");
  smtp.messages.length = 0;
  return (result as { pledgeId: string }).pledgeId;
}

describe("monthly letter reminders", () => {
  it("arrive every 30 days in the supporter's language, and stop with one press", async () => {
    const prisonerId = await createPrisoner(database.prisma);
    await confirmed("monthly.be@mail.example.net", { kind: "WRITE_MONTHLY", prisonerId }, "be");
    await confirmed("monthly.lt@mail.example.net", { kind: "WRITE_MONTHLY", prisonerId }, "lt");

    // Not due yet.
    clock = new Date(clock.getTime() + 29 * DAY);
    await drain();
    expect(smtp.messages).toHaveLength(0);

    clock = new Date(clock.getTime() + DAY + 60_000);
    await drain();
    expect(smtp.messages).toHaveLength(2);
    const be = smtp.messages.find((m) => m.rcptTo[0] === "monthly.be@mail.example.net")!;
    const lt = smtp.messages.find((m) => m.rcptTo[0] === "monthly.lt@mail.example.net")!;
    expect(be.subject).toBe("Ваш штомесячны напамін");
    expect(textOf(be)).toContain("раз на месяц нагадваць");
    expect(lt.subject).toBe("Jūsų mėnesio priminimas");
    expect(be.raw).toMatch(/Content-Type: text\/html/i);
    // Neutral: no name, no slug, no country; one link, to the manage page.
    expect(textOf(be)).not.toMatch(/Вязніца|Prisonerka|pledge-test|Belarus|Беларус/i);
    expect(textOf(be)).toContain("https://listy.example.org/be/pledges/manage/");
    const manageToken = linkToken(be, "pledges/manage");
    expect(await findPledgeByManageToken(manageToken)).toMatchObject({ language: "be", remindersOn: true });

    // Run again at once: nothing more (the row moved on).
    await drain();
    expect(smtp.messages).toHaveLength(2);

    // The Belarusian supporter stops; the next month only the Lithuanian one hears from us.
    expect(await stopReminders(manageToken, clock)).toBe("stopped");
    clock = new Date(clock.getTime() + 30 * DAY + 60_000);
    await drain();
    expect(smtp.messages).toHaveLength(3);
    expect(smtp.messages[2]!.rcptTo).toEqual(["monthly.lt@mail.example.net"]);
    // And after withdrawing, nothing at all.
    expect(await withdrawPledge(linkToken(smtp.messages[2]!, "pledges/manage"), clock)).toBe("withdrawn");
    clock = new Date(clock.getTime() + 31 * DAY);
    await drain();
    expect(smtp.messages).toHaveLength(3);
  });

  it("end when the prisoner is released: the pledge is fulfilled and the address erased", async () => {
    const prisonerId = await createPrisoner(database.prisma);
    const pledgeId = await confirmed("released@mail.example.net", { kind: "WRITE_MONTHLY", prisonerId }, "en");
    await database.prisma.prisoner.update({ where: { id: prisonerId }, data: { status: "RELEASED" } });
    clock = new Date(clock.getTime() + 31 * DAY);
    await drain();
    expect(smtp.messages).toHaveLength(0);
    expect(await database.prisma.pledge.findUniqueOrThrow({ where: { id: pledgeId } })).toMatchObject({ state: "FULFILLED", email: null, remindersOn: false });
  });
});

describe("birthday card reminders", () => {
  it("arrive a week before the birthday (Minsk date), in Russian, and again the next year", async () => {
    clock = new Date("2027-03-01T10:00:00Z");
    const prisonerId = await createPrisoner(database.prisma, { birthDate: "1975-04-15" });
    const pledgeId = await confirmed("birthday.ru@mail.example.net", { kind: "BIRTHDAY_CARD", prisonerId }, "ru");
    const pledge = await database.prisma.pledge.findUniqueOrThrow({ where: { id: pledgeId } });
    expect(pledge.nextReminderAt?.toISOString()).toBe("2027-04-08T06:00:00.000Z");

    clock = new Date("2027-04-08T05:59:00Z");
    await drain();
    expect(smtp.messages).toHaveLength(0);
    clock = new Date("2027-04-08T06:00:00Z");
    await drain();
    expect(smtp.messages).toHaveLength(1);
    const message = smtp.messages[0]!;
    expect(message.subject).toBe("Напоминание, о котором вы просили");
    expect(textOf(message)).toContain("15 апреля 2027");
    expect(textOf(message)).toContain("https://listy.example.org/ru/pledges/manage/");
    expect(textOf(message)).not.toMatch(/Prisonerka|Вязніца|pledge-test/);
    const after = await database.prisma.pledge.findUniqueOrThrow({ where: { id: pledgeId } });
    expect(after.nextReminderAt?.toISOString()).toBe("2028-04-08T06:00:00.000Z");
    expect(after.lastReminderAt?.toISOString()).toBe("2027-04-08T06:00:00.000Z");
  });

  it("are not on offer without a known birth date, and stop if the date is withdrawn from the profile", async () => {
    const unknownBirthday = await createPrisoner(database.prisma);
    const before = await database.prisma.pledge.count();
    expect(
      await makePledge({ target: { kind: "BIRTHDAY_CARD", prisonerId: unknownBirthday }, language: "en", email: "no-birthday@mail.example.net", publicOrigin: "http://localhost", now: clock }),
    ).toEqual({ ok: false, reason: "unknown-target" });
    expect(await database.prisma.pledge.count()).toBe(before);

    const prisonerId = await createPrisoner(database.prisma, { birthDate: "1985-03-02" });
    await confirmed("corrected@mail.example.net", { kind: "BIRTHDAY_CARD", prisonerId }, "en");
    // The source was wrong: the date is removed from the profile. No card for a made-up day.
    await database.prisma.prisoner.update({ where: { id: prisonerId }, data: { birthDate: null } });
    clock = new Date(clock.getTime() + 400 * DAY);
    await drain();
    expect(smtp.messages).toHaveLength(0);
  });
});
