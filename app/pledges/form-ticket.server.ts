// Form tickets bound what one visitor can add to a public count, without storing anything
// about the visitor (no IP address, no cookie). Every page with a pledge form carries a fresh
// ticket in a hidden field, so it works without JavaScript; the page cache puts a new one
// into every copy of a page it serves (server/page-cache.ts finds them by FORM_TICKET_PATTERN), so
// visitors never share one. A ticket is keyed with the server's secret (it cannot be made
// up), names the UTC day it was issued (valid that day and the next), and counts an
// anonymous pledge once per target and kind: the database keeps a hash of (ticket, target,
// kind) and the day, nothing that links two pledges, and deletes it after the next day.
// What this does not stop, a script fetching a page before each pledge, is written down in
// docs/campaigners.md.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

import { getMailSettings } from "~/mail/mail-settings.server";

const TICKET = /lpt1\.(\d{8})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})/;
/** What a ticket looks like in a page (for the page cache, which stores pages in parts). */
export const FORM_TICKET_PATTERN = TICKET.source;
const DAY_MS = 86_400_000;

const dayStamp = (date: Date) => date.toISOString().slice(0, 10).replaceAll("-", "");

function mac(day: string, nonce: string, key: string): string {
  return createHmac("sha256", key).update(`listy-form-ticket:${day}.${nonce}`).digest().subarray(0, 16).toString("base64url");
}

export function issueFormTicket(now: Date = new Date(), key: string = getMailSettings().hashKey): string {
  const day = dayStamp(now);
  const nonce = randomBytes(16).toString("base64url");
  return `lpt1.${day}.${nonce}.${mac(day, nonce, key)}`;
}

/** The day (YYYY-MM-DD) of a genuine ticket issued today or yesterday (UTC); null otherwise. */
export function checkFormTicket(ticket: unknown, now: Date = new Date(), key: string = getMailSettings().hashKey): string | null {
  if (typeof ticket !== "string" || ticket.length > 80) return null;
  const match = TICKET.exec(ticket);
  if (!match || match[0] !== ticket) return null;
  const [, day, nonce, given] = match as unknown as [string, string, string, string];
  if (day !== dayStamp(now) && day !== dayStamp(new Date(now.getTime() - DAY_MS))) return null;
  const expected = Buffer.from(mac(day, nonce, key));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
}

/** What the database keeps for one counted use: a hash that names neither ticket nor target. */
export function ticketUseKey(ticket: string, kind: string, target: string): string {
  return createHash("sha256").update(`${ticket}\n${kind}\n${target}`).digest("base64url");
}
