// When reminders are due. Pure functions of dates, so they are tested without a clock.
import { nextBirthday, todayInMinsk } from "~/prisoners/birthdays.server";

const DAY_MS = 86_400_000;
/** Reminders go out in the morning in Minsk (09:00, UTC+3 all year). */
const MORNING_UTC_HOUR = 6;

const atMinskMorning = (iso: string) => new Date(`${iso}T${String(MORNING_UTC_HOUR).padStart(2, "0")}:00:00.000Z`);
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * When to send the birthday card reminder: `leadDays` before the next birthday (Minsk date),
 * in the morning. If that moment has passed but the birthday is still at least two days away,
 * at once (a card may still arrive); otherwise before next year's birthday. Null without a
 * known birth date.
 */
export function nextBirthdayReminderAt(birthDate: Date | null, now: Date, leadDays = 7): Date | null {
  if (!birthDate) return null;
  const birthIso = birthDate.toISOString().slice(0, 10);
  const today = todayInMinsk(now);
  const next = nextBirthday(birthIso, today);
  if (!next) return null;
  const due = atMinskMorning(addDays(next.date, -leadDays));
  if (due > now) return due;
  if (next.daysUntil >= 2) return now;
  // Too late for this year: look from the day after this birthday.
  const following = nextBirthday(birthIso, addDays(next.date, 1));
  return following ? atMinskMorning(addDays(following.date, -leadDays)) : null;
}

/** The next monthly reminder after `from`. */
export function nextMonthlyReminderAt(from: Date, intervalMs = 30 * DAY_MS): Date {
  return new Date(from.getTime() + intervalMs);
}
