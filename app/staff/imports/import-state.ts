// The life of a CSV import of prisoners (a PrisonerImport), written down in one place, in the
// shape of app/utils/lifecycle.ts:
//   (upload) → CHECKED     the dry run, stored with its report; nothing written
//   CHECKED → APPLYING     its uploader (or an admin) applies it; the work runs in the background
//   APPLYING → APPLIED     every row written, in one transaction
//   APPLYING → FAILED      a row failed (all rolled back), or, at start-up, the process that
//                          applied it stopped mid-way (its transaction never committed)
// Anything not listed is refused. The writes are in prisoner-import.server.ts.
import type { PrisonerImportState } from "@prisma/client";

import { can, type Actor } from "~/staff/permissions";
import { defineLifecycle, type Move } from "~/utils/lifecycle";

/** Every import starts checked: the report is kept; applying refuses a report with errors. */
export const INITIAL_IMPORT_STATE: PrisonerImportState = "CHECKED";

const IMPORT_MOVES = {
  start: { from: "CHECKED", to: "APPLYING" },
  finish: { from: "APPLYING", to: "APPLIED" },
  fail: { from: "APPLYING", to: "FAILED" },
  interrupt: { from: "APPLYING", to: "FAILED" },
} as const satisfies Record<string, Move<PrisonerImportState>>;

export type ImportMove = keyof typeof IMPORT_MOVES;

export const importLifecycle = defineLifecycle<PrisonerImportState, typeof IMPORT_MOVES>("prisoner import", IMPORT_MOVES);

/**
 * Any staff member who may import sees every import's report (they are about public lists,
 * and campaigners share this work); only its uploader or an admin applies it.
 */
export function mayApplyImport(actor: Actor, importRow: { staffId: string | null }): boolean {
  if (!can(actor, "prisoner:import")) return false;
  return actor.kind === "staff" && (importRow.staffId === actor.id || actor.roles.includes("admin"));
}

/** Whether the apply button is offered: a checked import without errors, to whoever may apply it. */
export function mayStartApply(
  actor: Actor,
  importRow: { staffId: string | null; state: PrisonerImportState; report: { fileProblem?: unknown; counts: { error: number } } },
): boolean {
  return mayApplyImport(actor, importRow) && importLifecycle.allows("start", importRow.state) && !importRow.report.fileProblem && importRow.report.counts.error === 0;
}
