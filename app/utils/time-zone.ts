// Local wall-clock time in a named IANA zone ↔ an instant in UTC, with nothing but Intl.
// Campaign events happen in Vilnius, Warsaw, Kyiv …: campaigners type the local time, the
// database keeps UTC, and pages show the local time again with the zone named.

/** The zones campaigners choose from: where Belarusian diaspora events take place, then UTC. */
export const EVENT_TIME_ZONES = [
  "Europe/Vilnius",
  "Europe/Warsaw",
  "Europe/Kyiv",
  "Europe/Minsk",
  "Europe/Riga",
  "Europe/Tallinn",
  "Europe/Prague",
  "Europe/Berlin",
  "Europe/Brussels",
  "Europe/Paris",
  "Europe/London",
  "America/New_York",
  "UTC",
] as const;

export type EventTimeZone = (typeof EVENT_TIME_ZONES)[number];

export const isEventTimeZone = (zone: string): zone is EventTimeZone => (EVENT_TIME_ZONES as readonly string[]).includes(zone);

/** The zone's offset from UTC at `instant`, in ms (Vilnius in summer: +3 h). */
function offsetAt(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The UTC instant of a local date ("2026-12-20") and time ("18:30") in `zone`, or null when
 * they are not a real date and time. A time skipped by a clock change moves forward with it.
 */
export function zonedToUtc(date: string, time: string, zone: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(wall).getUTCDate() !== day) return null;
  // Two passes: the offset at the first guess may differ from the offset at the answer near a clock change.
  let instant = wall - offsetAt(wall, zone);
  instant = wall - offsetAt(instant, zone);
  return new Date(instant);
}

/** The local date and time of `instant` in `zone`, as a form shows them ("2026-12-20", "18:30"). */
export function utcToZoned(instant: Date, zone: string): { date: string; time: string } {
  const local = new Date(instant.getTime() + offsetAt(instant.getTime(), zone)).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** "20 December 2026, 18:30 (Europe/Vilnius)" in the page's language. */
export function formatZoned(instant: Date | string, zone: string, language: string): string {
  const when = new Intl.DateTimeFormat(language, { dateStyle: "long", timeStyle: "short", timeZone: zone }).format(new Date(instant));
  return `${when} (${zone})`;
}
