// The life of an official and of each proposed contact, in the shape of app/utils/lifecycle.ts:
//   a new official is a draft: none of its channels works until a second staff member (who
//   wrote none of it) approves it, which approves its pending contacts with it;
//   a contact is proposed PENDING with its source and date:
//   PENDING → APPROVED   a second person (not its author); the approved one it replaces → REPLACED
//   PENDING → REJECTED   a second person (not its author)
//   PENDING → WITHDRAWN  a newer proposal for the same channel took its place
// Every move is one guarded UPDATE … WHERE state = 'PENDING' (or draft = true): one winner.
import type { OfficialContactState } from "@prisma/client";

import type { AuditAction } from "~/staff/audit.server";
import { can, type Actor } from "~/staff/permissions";
import { defineLifecycle, type Move } from "~/utils/lifecycle";

const CONTACT_MOVES = {
  approve: { from: "PENDING", to: "APPROVED", audit: "official.contact.approve" },
  reject: { from: "PENDING", to: "REJECTED", audit: "official.contact.reject" },
  supersede: { from: "PENDING", to: "WITHDRAWN" },
  replace: { from: "APPROVED", to: "REPLACED" },
} as const satisfies Record<string, Move<OfficialContactState> & { audit?: AuditAction }>;

export const contactLifecycle = defineLifecycle<OfficialContactState, typeof CONTACT_MOVES>("official contact", CONTACT_MOVES);

export type ContactDecision = "approve" | "reject";

export function contactDecisionOf(intent: string): ContactDecision | null {
  return intent === "approve-contact" ? "approve" : intent === "reject-contact" ? "reject" : null;
}

export function mayEditOfficials(actor: Actor): boolean {
  return can(actor, "official:edit");
}

/** A pending contact: decided by someone who did not propose it. */
export function mayDecideContact(actor: Actor, contact: { state: OfficialContactState; authorId: string | null }, decision: ContactDecision): boolean {
  return contactLifecycle.allows(decision, contact.state) && can(actor, "official:approve", { authorId: contact.authorId });
}

/** A draft official: approved by someone who wrote none of it (nor any of its pending contacts). */
export function mayApproveOfficial(actor: Actor, official: { draft: boolean; createdById: string | null; contributorIds: readonly string[] }, pendingAuthors: readonly (string | null)[]): boolean {
  return official.draft && can(actor, "official:approve", { authorId: official.createdById, contributorIds: [...official.contributorIds, ...pendingAuthors] });
}
