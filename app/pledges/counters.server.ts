// Pledge counters: one row per (campaign or prisoner, kind), changed in the same transaction
// as the pledge with a single atomic `count = count + delta` upsert, so concurrent pledges
// never lose an increment (no read-modify-write) and public pages read one row.
import type { PledgeKind, Prisma } from "@prisma/client";

import { COUNTED_STATES, type PledgeState } from "./pledge-state";

export type CounterScope = { scope: "campaign" | "prisoner"; scopeId: string };

/** Prisoner pledges count for the prisoner; campaign pledges and event pledges for the campaign. */
export function counterScopeOf(pledge: { kind: PledgeKind; campaignId: string | null; prisonerId: string | null }): CounterScope | null {
  if (pledge.kind === "WRITE_MONTHLY" || pledge.kind === "BIRTHDAY_CARD") {
    return pledge.prisonerId ? { scope: "prisoner", scopeId: pledge.prisonerId } : null;
  }
  return pledge.campaignId ? { scope: "campaign", scopeId: pledge.campaignId } : null;
}

export const isCounted = (state: PledgeState) => COUNTED_STATES.includes(state);

/** How a transition changes the count: +1 on entering a counted state, −1 on leaving one. */
export function counterDelta(from: PledgeState | null, to: PledgeState): number {
  return (isCounted(to) ? 1 : 0) - (from !== null && isCounted(from) ? 1 : 0);
}

export async function bumpCounter(tx: Prisma.TransactionClient, scope: CounterScope, kind: PledgeKind, delta: number): Promise<void> {
  if (delta === 0) return;
  await tx.$executeRaw`
    INSERT INTO "PledgeCounter" ("scope", "scopeId", "kind", "count")
    VALUES (${scope.scope}, ${scope.scopeId}, ${kind}::"PledgeKind", ${delta})
    ON CONFLICT ("scope", "scopeId", "kind") DO UPDATE SET "count" = "PledgeCounter"."count" + EXCLUDED."count"`;
}
