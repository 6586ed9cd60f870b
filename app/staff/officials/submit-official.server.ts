// What a form posted on the officials pages asks for, and its outcome: create, save (names at
// once, changed contacts proposed), approve a draft official, approve or reject a contact.
import type { Language } from "~/i18n";
import type { StaffSessionState } from "~/staff/accounts/session.server";
import { checkEmailAddress } from "~/mail/address";
import { formFields } from "~/utils/form-fields";

import { readOfficialForm, type OfficialFieldError, type OfficialFormValues } from "./official-form";
import { requireStaffOfficial } from "./official-page.server";
import { contactDecisionOf } from "./official-state";
import { approveOfficial, createOfficial, decideContact, updateOfficial } from "./officials.server";

export type OfficialProblem = "not-found" | "forbidden" | "decided" | "unknown-intent";
export type OfficialEditData = { kind: "form"; values: OfficialFormValues; errors: Record<string, OfficialFieldError> } | { kind: "problem"; problem: OfficialProblem };
export type OfficialDone = "created" | "saved" | "approved" | "contact-approved" | "contact-rejected";
export type OfficialOutcome = { done: OfficialDone; id: string } | { status: number; data: OfficialEditData };

const PROBLEM_STATUS = { "not-found": 404, forbidden: 403, decided: 409, "unknown-intent": 400 } as const satisfies Record<OfficialProblem, number>;
const problem = (kind: OfficialProblem): OfficialOutcome => ({ status: PROBLEM_STATUS[kind], data: { kind: "problem", problem: kind } });

const checkEmail = (value: string) => checkEmailAddress(value).ok;

async function save(state: StaffSessionState, form: FormData, id: string | null): Promise<OfficialOutcome> {
  const read = readOfficialForm(form, { checkEmail });
  if (!read.ok) return { status: 400, data: { kind: "form", values: read.values, errors: read.errors } };
  const result = id ? await updateOfficial(state.staff, id, read.fields) : await createOfficial(state.staff, read.fields);
  if (result.ok) return { done: id ? "saved" : "created", id: result.id };
  if ("fieldErrors" in result) return { status: 400, data: { kind: "form", values: read.values, errors: result.fieldErrors } };
  return problem(result.error);
}

export async function submitNewOfficial(state: StaffSessionState, form: FormData): Promise<OfficialOutcome> {
  return save(state, form, null);
}

export async function submitOfficialEdit(state: StaffSessionState, id: string, language: Language, form: FormData): Promise<OfficialOutcome> {
  // Nobody learns from an action what they could not see with a GET.
  await requireStaffOfficial(state, id, language);
  const fields = formFields(form);
  const intent = fields.line("intent", 40);
  if (intent === "save") return save(state, form, id);
  if (intent === "approve") {
    const result = await approveOfficial(state.staff, state.actor, id);
    return result.ok ? { done: "approved", id } : problem(result.error);
  }
  const decision = contactDecisionOf(intent);
  if (!decision) return problem("unknown-intent");
  const result = await decideContact(state.staff, state.actor, id, fields.line("contact", 64), decision);
  return result.ok ? { done: decision === "approve" ? "contact-approved" : "contact-rejected", id } : problem(result.error);
}
