// Reminders for confirmed pledges, queued through the outbox by the mail worker's
// housekeeping: a monthly letter reminder for WRITE_MONTHLY pledges, and a birthday card
// reminder a week before the prisoner's birthday (Minsk date) for BIRTHDAY_CARD pledges. In
// the supporter's language, with a link to the manage page (write now, or stop with one
// press). Each pledge row is claimed by moving its nextReminderAt forward in a guarded
// update in the same transaction as the outbox row, so two workers never queue it twice.
import type { Pledge, Prisoner } from "@prisma/client";

import { isLanguage, type Language } from "~/i18n";
import { renderPledgeReminderMail } from "~/mail/messages.server";
import { isSuppressed } from "~/mail/outbox.server";
import { nextBirthday, todayInMinsk } from "~/prisoners/birthdays.server";
import { getPrisma } from "~/utils/database.server";

import { getPledgeSettings } from "./pledge-settings.server";
import { transitionPledge } from "./pledge.server";
import { nextBirthdayReminderAt, nextMonthlyReminderAt } from "./schedule.server";
import { enqueueSupporterMail } from "./supporter-mail.server";
import { pledgeManageLink, pledgeToken, pledgeUnsubscribeLink } from "./tokens.server";

const HELPABLE = ["IN_CUSTODY", "INCOMMUNICADO"];
const BATCH = 200;

type DuePledge = Pledge & { prisoner: Pick<Prisoner, "status" | "birthDate"> | null };

/** Queues every reminder that is due; returns how many were queued. */
export async function queuePledgeReminders(now: Date = new Date()): Promise<number> {
  const prisma = getPrisma();
  const due: DuePledge[] = await prisma.pledge.findMany({
    where: {
      state: "ACTIVE",
      kind: { in: ["WRITE_MONTHLY", "BIRTHDAY_CARD"] },
      remindersOn: true,
      email: { not: null },
      nextReminderAt: { lte: now },
    },
    include: { prisoner: { select: { status: true, birthDate: true } } },
    orderBy: { nextReminderAt: "asc" },
    take: BATCH,
  });
  let queued = 0;
  for (const pledge of due) if (await remindOne(pledge, now)) queued++;
  return queued;
}

async function remindOne(pledge: DuePledge, now: Date): Promise<boolean> {
  const prisma = getPrisma();
  const settings = getPledgeSettings();
  const language: Language = isLanguage(pledge.language) ? pledge.language : "en";

  // Released (or worse): nothing to write to any more. The pledge is fulfilled, the address goes.
  if (!pledge.prisoner || !HELPABLE.includes(pledge.prisoner.status)) {
    await prisma.$transaction((tx) =>
      transitionPledge(tx, pledge, "fulfil", { email: null, remindersOn: false, remindersOffAt: now, nextReminderAt: null }, now),
    );
    return false;
  }

  let next: Date | null;
  let birthday: string | null = null;
  if (pledge.kind === "BIRTHDAY_CARD") {
    const birthIso = pledge.prisoner.birthDate?.toISOString().slice(0, 10);
    const upcoming = birthIso ? nextBirthday(birthIso, todayInMinsk(now)) : null;
    // Not (or no longer) within the week before a birthday, e.g. the birth date was changed
    // since this was scheduled: reschedule and send nothing.
    if (!upcoming || upcoming.daysUntil > settings.birthdayLeadDays || upcoming.daysUntil < 2) {
      await prisma.pledge.updateMany({
        where: { id: pledge.id, state: "ACTIVE", nextReminderAt: pledge.nextReminderAt },
        data: { nextReminderAt: nextBirthdayReminderAt(pledge.prisoner.birthDate, now, settings.birthdayLeadDays) },
      });
      return false;
    }
    birthday = upcoming.date;
    // The next one: before next year's birthday.
    next = nextBirthdayReminderAt(pledge.prisoner.birthDate, new Date(Date.parse(`${upcoming.date}T12:00:00Z`) + 86_400_000), settings.birthdayLeadDays);
  } else {
    next = nextMonthlyReminderAt(now, settings.monthlyIntervalMs);
  }

  const manageToken = pledgeToken(pledge.id, "manage");
  const link = pledgeManageLink(pledge.linkOrigin ?? "", language, manageToken);
  // A mail client's own "unsubscribe" button stops them with one POST (RFC 8058).
  const unsubscribe = pledgeUnsubscribeLink(pledge.linkOrigin ?? "", language, manageToken);
  const mail =
    birthday !== null
      ? await renderPledgeReminderMail(language, { kind: "birthday", link, birthday })
      : await renderPledgeReminderMail(language, { kind: "monthly", link });
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.pledge.updateMany({
      where: { id: pledge.id, state: "ACTIVE", remindersOn: true, nextReminderAt: pledge.nextReminderAt },
      data: { lastReminderAt: now, nextReminderAt: next },
    });
    if (count !== 1 || !pledge.email || (await isSuppressed(tx, pledge.email))) return false;
    await enqueueSupporterMail(tx, { kind: "PLEDGE_REMINDER", pledgeId: pledge.id, to: pledge.email, ...mail, unsubscribe, now });
    return true;
  });
}
