// Pledges with an email address, answered before anything about the address is looked up.
// Whether an address already pledged for this target, bounced before, or reached its daily
// cap must show neither in the answer (status, address, body) nor in how long it takes:
// with a list of addresses, anyone could otherwise test each against each prisoner. So the
// answer is the same "check your email" for every address, and makePledge(), which decides,
// runs after the response has gone, a moment later and off the request's path. The owner of
// the address learns the outcome by email (a confirmation, or the note that the pledge
// already exists), within the caps that makePledge applies.
//
// The queue lives in memory: an answer given just before the process stops may come to
// nothing, and the supporter, who receives no email, can send the form again.
import { checkEmailAddress } from "~/mail/address";

import { getPledgeSettings } from "./pledge-settings.server";
import { countFormMailsSince, makePledge, type MakePledgeInput } from "./pledge.server";

const HOUR_MS = 3_600_000;
/** A random pause before the decision, so that its cost cannot be tied to one request. */
const MAX_DELAY_MS = 250;

export type EmailPledgeAnswer = { ok: true } | { ok: false; reason: "invalid-email" | "rate-limited" };

const waiting: MakePledgeInput[] = [];
let draining: Promise<void> | null = null;

/**
 * The part of an email pledge that is answered at once: the address's form is checked and the
 * global hourly cap applied (neither depends on who pledged before); the rest is queued.
 */
export async function acceptEmailPledge(input: MakePledgeInput & { email: string }): Promise<EmailPledgeAnswer> {
  if (!checkEmailAddress(input.email).ok) return { ok: false, reason: "invalid-email" };
  const now = input.now ?? new Date();
  const recent = await countFormMailsSince(new Date(now.getTime() - HOUR_MS));
  if (recent + waiting.length >= getPledgeSettings().maxConfirmationsPerHour) return { ok: false, reason: "rate-limited" };
  waiting.push({ ...input, now });
  draining ??= drainLater();
  return { ok: true };
}

async function drainLater(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, Math.random() * MAX_DELAY_MS));
  try {
    for (let next = waiting.shift(); next; next = waiting.shift()) {
      try {
        await makePledge(next);
      } catch (error) {
        // One line, and nothing of the address.
        console.error(`pledge: an email pledge could not be processed (${(error as Error)?.name ?? "error"})`);
      }
    }
  } finally {
    draining = null;
  }
}

/** Resolves once every queued email pledge has been decided (tests, shutdown). */
export async function settleEmailPledges(): Promise<void> {
  while (draining) await draining;
}
