// Reads and writes of InterfaceProposal: interface strings held for a second person's review
// (which keys: reviewed-keys.ts; the moves: interface-proposal-state.ts). The locale files are
// written by interface-translations.server.ts, only when a proposal is approved.
import type { Prisma, PrismaClient } from "@prisma/client";

import { audit } from "~/staff/audit.server";
import { getPrisma } from "~/utils/database.server";

import { proposalLifecycle, type ProposalDecision } from "./interface-proposal-state";

type Tx = Prisma.TransactionClient | PrismaClient;

export interface ProposalRow {
  id: string;
  locale: string;
  namespace: string;
  key: string;
  /** Plural form ("" for a single key) → proposed text. */
  values: Record<string, string>;
  version: number;
  authorId: string | null;
  editorIds: string[];
}

const SELECT = { id: true, locale: true, namespace: true, key: true, values: true, version: true, authorId: true, editorIds: true } as const;

function rowOf(row: { values: Prisma.JsonValue } & Omit<ProposalRow, "values">): ProposalRow {
  const values = typeof row.values === "object" && row.values !== null && !Array.isArray(row.values) ? row.values : {};
  return { ...row, values: Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === "string")) };
}

export async function listPendingProposals(locale: string, namespace: string): Promise<ProposalRow[]> {
  const rows = await getPrisma().interfaceProposal.findMany({ where: { locale, namespace, state: "PENDING" }, select: SELECT, orderBy: { key: "asc" } });
  return rows.map(rowOf);
}

export async function findProposal(tx: Tx, id: string): Promise<(ProposalRow & { state: string }) | null> {
  const row = await tx.interfaceProposal.findUnique({ where: { id }, select: { ...SELECT, state: true } });
  return row ? { ...rowOf(row), state: row.state } : null;
}

/** Pending proposals per "locale/namespace", for the completeness table. */
export async function countPendingProposals(): Promise<Map<string, number>> {
  const groups = await getPrisma().interfaceProposal.groupBy({ by: ["locale", "namespace"], where: { state: "PENDING" }, _count: { _all: true } });
  return new Map(groups.map((group) => [`${group.locale}/${group.namespace}`, group._count._all]));
}

export async function staffNames(ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const staff = await getPrisma().staffMember.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, displayName: true } });
  return new Map(staff.map((member) => [member.id, member.displayName]));
}

/**
 * Holds a checked text for review: a new proposal, or a new version of the pending one for the
 * key (its writer joins the editors, who may none of them approve it). Audited without the text.
 */
export async function proposeChange(
  tx: Tx,
  staff: { id: string },
  change: { locale: string; namespace: string; key: string; values: Record<string, string> },
  details: Record<string, string> = {},
  now: Date = new Date(),
): Promise<{ id: string; version: number }> {
  const { locale, namespace, key, values } = change;
  const pending = await tx.interfaceProposal.findFirst({ where: { locale, namespace, key, state: "PENDING" }, select: { id: true, version: true, editorIds: true } });
  const proposal = pending
    ? await tx.interfaceProposal.update({
        where: { id: pending.id },
        data: {
          values,
          version: { increment: 1 },
          updatedAt: now,
          editorIds: pending.editorIds.includes(staff.id) ? pending.editorIds : [...pending.editorIds, staff.id],
        },
        select: { id: true, version: true },
      })
    : await tx.interfaceProposal.create({
        data: { locale, namespace, key, values, authorId: staff.id, editorIds: [staff.id], createdAt: now, updatedAt: now },
        select: { id: true, version: true },
      });
  await audit(tx, staff, "translation.key.propose", { type: "Locale", id: `${locale}/${namespace}` }, { key, proposal: proposal.id, version: proposal.version, ...details }, now);
  return proposal;
}

/**
 * Closes a proposal exactly as the reviewer saw it: the UPDATE matches only that version, still
 * pending, and (for approval) not edited by the reviewer, so a change made meanwhile wins and the
 * decision is refused (false). Audited in the same transaction.
 */
export async function closeProposal(tx: Tx, staff: { id: string }, proposal: ProposalRow, version: number, decision: ProposalDecision, now: Date = new Date()): Promise<boolean> {
  const move = proposalLifecycle.moves[decision];
  const { count } = await tx.interfaceProposal.updateMany({
    where: {
      id: proposal.id,
      version,
      state: { in: proposalLifecycle.fromStates(decision) },
      ...(decision === "approve" ? { NOT: { editorIds: { has: staff.id } } } : {}),
    },
    data: { state: move.to, reviewerId: staff.id, decidedAt: now },
  });
  if (count !== 1) return false;
  await audit(tx, staff, move.audit, { type: "Locale", id: `${proposal.locale}/${proposal.namespace}` }, { key: proposal.key, proposal: proposal.id, version }, now);
  return true;
}
