// The moves of campaign-state.ts, written. Every move is one guarded UPDATE … WHERE status IN
// (its from states), so two moderators pressing "publish" at once give one winner, and an
// audit entry in the same transaction. The content-revision triggers on "Campaign" refresh
// the public pages. "publish" is also guarded on the version the reviewer saw: any write
// since (an edit, a translation) moves updatedAt on, and the reviewer is shown the new version.
import type { CampaignStatus, Prisma, PrismaClient } from "@prisma/client";

import type { Language } from "~/i18n";
import { audit } from "~/staff/audit.server";
import { unreachableTargets } from "~/staff/officials/officials.server";
import type { Actor } from "~/staff/permissions";
import { getPrisma } from "~/utils/database.server";

import { campaignLifecycle, contributorUpdate, mayTransition, mayView, type CampaignTransition } from "./campaign-state";

export type TransitionResult =
  | { ok: true; status: CampaignStatus }
  | { ok: false; error: "not-found" | "forbidden" | "conflict" | "changed" }
  /** Publishing with a target that no appeal could reach (no approved channel) is refused. */
  | { ok: false; error: "unreachable"; targets: string[] };

/**
 * Guarded move. `note` is the reviewer's note for "return" (already validated); `version` is
 * the campaign's updatedAt in ms as the reviewer's page showed it (required to publish).
 */
export async function transitionCampaign(
  staff: { id: string },
  actor: Actor,
  campaignId: string,
  transition: CampaignTransition,
  { note = null, version = null, now = new Date(), prisma = getPrisma(), language = "en" }: { note?: string | null; version?: string | null; now?: Date; prisma?: PrismaClient; language?: Language } = {},
): Promise<TransitionResult> {
  const move = campaignLifecycle.moves[transition];
  return prisma.$transaction(async (tx) => {
    const campaign = await tx.campaign.findUnique({ where: { id: campaignId }, select: { status: true, createdById: true, submittedById: true, contributorIds: true, updatedAt: true } });
    if (!campaign || !mayView(actor, campaign)) return { ok: false, error: "not-found" } as const;
    if (!campaignLifecycle.allows(transition, campaign.status)) return { ok: false, error: "conflict" } as const;
    if (!mayTransition(actor, campaign, transition)) return { ok: false, error: "forbidden" } as const;
    // Exactly what the reviewer saw, or nothing: a version from before the last write is refused.
    if (transition === "publish" && version !== String(campaign.updatedAt.getTime())) return { ok: false, error: "changed" } as const;
    if (transition === "publish") {
      const targets = await tx.campaignTarget.findMany({ where: { campaignId }, select: { officialId: true } });
      const unreachable = await unreachableTargets(tx, targets.map((target) => target.officialId), language);
      if (unreachable.length > 0) return { ok: false, error: "unreachable", targets: unreachable } as const;
    }
    const data: Prisma.CampaignUpdateManyMutationInput = { status: move.to };
    if (transition === "submit") Object.assign(data, { submittedById: staff.id, submittedAt: now, reviewNote: null, ...contributorUpdate(campaign, staff.id) });
    if (transition === "publish") Object.assign(data, { publishedById: staff.id, publishedAt: now });
    if (transition === "return") Object.assign(data, { reviewNote: note, returnedAt: now });
    if (transition === "close") Object.assign(data, { closedById: staff.id, closedAt: now });
    // The guard: whoever changed the status first wins; the other gets a conflict.
    // Publishing is also guarded on the version, so a write committed meanwhile wins over it.
    const where: Prisma.CampaignWhereInput = { id: campaignId, status: { in: campaignLifecycle.fromStates(transition) } };
    if (transition === "publish") where.updatedAt = campaign.updatedAt;
    const { count } = await tx.campaign.updateMany({ where, data });
    if (count !== 1) return { ok: false, error: "conflict" } as const;
    await audit(tx, staff, move.audit, { type: "Campaign", id: campaignId }, { from: move.from, to: move.to }, now);
    return { ok: true, status: move.to } as const;
  });
}
