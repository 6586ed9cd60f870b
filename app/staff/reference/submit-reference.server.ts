// The posts of a reference row's page: "save" (a new row, or an edit that waits for review) and
// a decision on the waiting change ("apply" / "reject"). The route redirects on `done` and
// shows `data` (the values as typed, with translated errors) otherwise.
import type { StaffSessionState } from "~/staff/accounts/session.server";
import { noStore } from "~/staff/accounts/session.server";
import { formFields } from "~/utils/form-fields";

import { referenceDecisionOf } from "./reference-change-state";
import { parseChargeForm, parseFacilityForm, type ChargeValues, type FacilityValues, type ReferenceErrors, type ReferenceKind } from "./reference-fields";
import { decideReferenceChange, proposeCharge, proposeFacility } from "./reference.server";

export type ReferenceProblem = "forbidden" | "already-decided" | "reason-required" | "unknown-intent" | "no-change";
export type ReferenceDone = "proposed" | "apply" | "reject";
export type ReferenceData = { facility: FacilityValues | null; charge: ChargeValues | null; errors: ReferenceErrors; problem: ReferenceProblem | null; reason?: string };
export type ReferenceOutcome = { done: ReferenceDone; id: string } | { status: number; data: ReferenceData };

const STATUS: Record<ReferenceProblem, number> = { forbidden: 403, "already-decided": 409, "reason-required": 400, "unknown-intent": 400, "no-change": 400 };

export async function submitReference(state: StaffSessionState, kind: ReferenceKind, id: string | null, request: Request): Promise<ReferenceOutcome> {
  const form = await request.formData().catch(() => new FormData());
  const fields = formFields(form);
  // A form without a button's intent (Enter in a field) saves.
  const intent = fields.sent("intent") ? fields.line("intent", 40) : "save";
  const nothing = { facility: null, charge: null, errors: {} };
  if (intent === "save") {
    const parsed = kind === "facility" ? parseFacilityForm(form) : parseChargeForm(form);
    const data = { ...nothing, [kind]: parsed.values };
    if (Object.keys(parsed.errors).length > 0) return { status: 400, data: { ...data, errors: parsed.errors, problem: null } };
    const result = kind === "facility" ? await proposeFacility(state.staff, id, parsed.values as FacilityValues) : await proposeCharge(state.staff, id, parsed.values as ChargeValues);
    if ("notFound" in result) throw new Response("Not found", { status: 404, headers: noStore });
    if (!result.ok) return { status: 400, data: { ...data, errors: result.errors, problem: null } };
    if (!result.changed) return { status: 400, data: { ...data, problem: "no-change" } };
    return { done: "proposed", id: result.id };
  }
  const decision = referenceDecisionOf(intent);
  if (!decision || !id) return { status: 400, data: { ...nothing, problem: "unknown-intent" } };
  const reason = fields.text("reason", 1000);
  const result = await decideReferenceChange(state.actor, fields.line("change", 100), decision, reason);
  if (result.ok) return { done: decision, id };
  if (result.reason === "not-found") throw new Response("Not found", { status: 404, headers: noStore });
  return { status: STATUS[result.reason], data: { ...nothing, problem: result.reason, reason } };
}
