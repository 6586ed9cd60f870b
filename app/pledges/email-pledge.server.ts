// Pledges with an email address, answered before anything about the address is looked up.
// Whether an address already pledged for this target, bounced before, or reached its daily
// cap must show neither in the answer (status, address, body) nor in how long it takes:
// with a list of addresses, anyone could otherwise test each against each prisoner. So the
// answer costs the same for every address (the form's checks, the global hourly cap, one
// INSERT into PledgeIntake), and makePledge(), which decides, runs after the answer has
// gone, a moment later and off the request's path. The owner of the address learns the
// outcome by email (a confirmation, or the note that the pledge already exists), within the
// caps that makePledge applies.
//
// The intake row is written before the answer, so an answered pledge survives a crash: the
// next drain (the next email pledge, or the mail worker's housekeeping) decides it. Rows are
// claimed with a lease (FOR UPDATE SKIP LOCKED), so several instances share the work, and
// deleted once decided; makePledge is safe to run twice for one row (the second is a duplicate
// and sends nothing within a day).
import { randomUUID } from "node:crypto";

import { isLanguage } from "~/i18n";
import { checkEmailAddress } from "~/mail/address";
import { getPrisma } from "~/utils/database.server";

import { getPledgeSettings } from "./pledge-settings.server";
import { countFormMailsSince, makePledge, type MakePledgeInput, type PledgeTarget } from "./pledge.server";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** SQL timestamps are stored as UTC without a zone; this is how a Date is passed to raw SQL. */
const sqlTime = (date: Date) => date.toISOString().replace("T", " ").replace("Z", "");
/** A random pause before the decision, so that its cost cannot be tied to one request. */
const MAX_DELAY_MS = 250;
/** A claimed row whose instance died is taken drain.again after this long. */
const LEASE_MS = 60_000;
const BATCH = 20;

export type EmailPledgeAnswer = { ok: true } | { ok: false; reason: "invalid-email" | "rate-limited" };

interface IntakeInput {
  target: PledgeTarget;
  language: string;
  country: string | null;
  email: string;
  publicOrigin: string;
}

/**
 * The part of an email pledge that is answered at once: the address's form is checked, the
 * global hourly cap applied (neither depends on who pledged before), the form kept.
 */
export async function acceptEmailPledge(input: MakePledgeInput & { email: string }): Promise<EmailPledgeAnswer> {
  if (!checkEmailAddress(input.email).ok) return { ok: false, reason: "invalid-email" };
  const now = input.now ?? new Date();
  const prisma = getPrisma();
  const [recent, waiting] = await Promise.all([
    countFormMailsSince(new Date(now.getTime() - HOUR_MS)),
    prisma.pledgeIntake.count({ where: { createdAt: { gt: new Date(now.getTime() - HOUR_MS) } } }),
  ]);
  if (recent + waiting >= getPledgeSettings().maxConfirmationsPerHour) return { ok: false, reason: "rate-limited" };
  const kept: IntakeInput = { target: input.target, language: input.language, country: input.country ?? null, email: input.email, publicOrigin: input.publicOrigin };
  await prisma.pledgeIntake.create({ data: { id: randomUUID(), input: kept as never, createdAt: now } });
  drainSoon();
  return { ok: true };
}

// The decision under way. Requests (the Remix build) start it and the shutdown (the server
// entry) waits for it: two module graphs, so it lives on globalThis, shared by both.
const DRAIN_KEY = Symbol.for("listy.emailPledgeDrain");
type DrainState = { draining: Promise<number> | null; again: boolean };
const drain: DrainState = ((globalThis as typeof globalThis & { [DRAIN_KEY]?: DrainState })[DRAIN_KEY] ??= { draining: null, again: false });

function drainSoon() {
  if (drain.draining) {
    drain.again = true;
    return;
  }
  drain.draining = new Promise<void>((resolve) => setTimeout(resolve, Math.random() * MAX_DELAY_MS))
    .then(() => decideEmailPledges())
    .catch((error: unknown) => {
      // One line, and nothing of the address.
      console.error(`pledge: email pledges could not be decided (${(error as Error)?.name ?? "error"})`);
      return 0;
    })
    .finally(() => {
      drain.draining = null;
      if (drain.again) {
        drain.again = false;
        drainSoon();
      }
    });
}

/** Decides every kept email pledge (also run by the mail worker's housekeeping); returns how many. */
export async function decideEmailPledges(now: () => Date = () => new Date()): Promise<number> {
  const prisma = getPrisma();
  let decided = 0;
  for (;;) {
    const at = now();
    const leaseEnded = new Date(at.getTime() - LEASE_MS);
    // A form that could not be decided within a day (its target deleted, say) is dropped.
    await prisma.pledgeIntake.deleteMany({ where: { createdAt: { lt: new Date(at.getTime() - DAY_MS) } } });
    const claimed = await prisma.$queryRaw<{ id: string; input: IntakeInput | string; createdAt: Date }[]>`
      UPDATE "PledgeIntake" SET "claimedAt" = ${sqlTime(at)}::timestamp
      WHERE "id" IN (
        SELECT "id" FROM "PledgeIntake" WHERE "claimedAt" IS NULL OR "claimedAt" < ${sqlTime(leaseEnded)}::timestamp
        ORDER BY "createdAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
      )
      RETURNING "id", "input", "createdAt"`;
    if (claimed.length === 0) return decided;
    for (const row of claimed) {
      const input = typeof row.input === "string" ? (JSON.parse(row.input) as IntakeInput) : row.input;
      try {
        await makePledge({ ...input, language: isLanguage(input.language) ? input.language : "en", now: new Date(row.createdAt) });
        await prisma.pledgeIntake.deleteMany({ where: { id: row.id } });
        decided++;
      } catch (error) {
        // Left claimed: tried again once the lease has run out. One line, nothing of the address.
        console.error(`pledge: an email pledge could not be decided (${(error as Error)?.name ?? "error"})`);
      }
    }
    if (claimed.length < BATCH) return decided;
  }
}

/** Resolves once the decisions started in this process have finished (tests, shutdown). */
export async function settleEmailPledges(): Promise<void> {
  while (drain.draining) await drain.draining;
}
