// What a form posted on a profile's back-office page (or the new-profile page) asks for, and its outcome: a save (a
// draft changes at once, a published profile gets a proposal), more blank rows for a browser
// without JavaScript, "publish" for a draft, or a decision on a pending change. The route
// redirects on `done` and shows `data` otherwise.
import type { Language } from "~/i18n";
import type { StaffSessionState } from "~/staff/accounts/session.server";
import { formFields } from "~/utils/form-fields";

import { correctSlug, createProfile, decideChange, publishProfile, saveProfile, type ProfileProblem, type SlugProblem } from "./prisoner-profile.server";
import { changeDecisionOf, type ChangeDecision } from "./profile-change-state";
import { requireStaffProfile } from "./profile-editor-page.server";
import { EMPTY_PROFILE_VALUES, LIMITS, readProfileForm, rowErrorsFor, withMoreRows, type ProfileFormValues } from "./profile-form";
import type { ProfileErrorCode } from "./profile-labels";
import { readProfileSubmission, readRequestForm, unreadableSubmission } from "./profile-submission.server";

export type ProfileEditProblem = ProfileProblem | "unknown-intent" | "reason-required";
export type ProfileEditData =
  | { kind: "form"; values: ProfileFormValues; errors: Record<string, ProfileErrorCode>; problem: ProfileEditProblem | null; moreRows?: boolean }
  | { kind: "problem"; problem: ProfileEditProblem; changeId?: string; reason?: string }
  | { kind: "slug"; problem: SlugProblem; slug: string };
export type ProfileEditDone = "created" | "applied" | "proposed" | "published" | "slug" | ChangeDecision;
export type ProfileEditOutcome = { done: ProfileEditDone } | { status: number; data: ProfileEditData };

const PROBLEM_STATUS = { "not-found": 404, forbidden: 403, conflict: 409, stale: 409, changed: 409, "no-change": 400, "unknown-intent": 400, "reason-required": 400 } as const satisfies Record<ProfileEditProblem, number>;

const problem = (kind: ProfileEditProblem, extra: { changeId?: string; reason?: string } = {}): ProfileEditOutcome => ({
  status: PROBLEM_STATUS[kind],
  data: { kind: "problem", problem: kind, ...extra },
});

export async function submitProfileEdit(state: StaffSessionState, id: string, language: Language, request: Request): Promise<ProfileEditOutcome> {
  // Nobody learns from an action what they could not see with a GET.
  const current = await requireStaffProfile(state, id, language);
  const form = await readRequestForm(request);
  if (typeof form === "string") {
    const read = unreadableSubmission(form);
    return { status: 400, data: { kind: "form", values: current.values, errors: read.ok ? {} : read.errors, problem: null } };
  }
  const fields = formFields(form);
  const intent = fields.line("intent", 40);
  if (intent === "save" && fields.sent("more-rows")) {
    // Without JavaScript the form grows on the server: same values, more blank rows, nothing saved.
    const read = readProfileForm(form);
    return { status: 200, data: { kind: "form", values: withMoreRows({ ...current.values, ...read.values }), errors: {}, problem: null, moreRows: true } };
  }
  if (intent === "save") {
    const read = await readProfileSubmission(form);
    if (!read.ok) return { status: 400, data: { kind: "form", values: { ...current.values, ...read.values }, errors: read.errors, problem: null } };
    const result = await saveProfile(state.staff, state.actor, id, fields.integer("version", 0, 999_999_999) ?? -1, read.fields, { note: read.note, photo: read.photo, credit: read.credit });
    if (result.ok) return { done: result.outcome };
    if ("fieldErrors" in result) return { status: 400, data: { kind: "form", values: read.values, errors: rowErrorsFor(read.values, result.fieldErrors), problem: null } };
    // A refused save keeps the text: the editor copies it over to the fresh version.
    return { status: PROBLEM_STATUS[result.error], data: { kind: "form", values: read.values, errors: {}, problem: result.error } };
  }
  if (intent === "publish") {
    // The version the reviewer saw: publishing anything else is refused ("changed").
    const result = await publishProfile(state.staff, state.actor, id, fields.integer("version", 0, 999_999_999) ?? -1);
    return result.ok ? { done: "published" } : problem(result.error);
  }
  if (intent === "slug") {
    // Checked lower-cased; a refused address comes back as typed, to fix.
    const typed = fields.line("slug", 200).trim();
    const result = await correctSlug(state.staff, state.actor, id, typed.toLowerCase());
    if (result.ok) return { done: "slug" };
    if (result.error === "not-found" || result.error === "no-change") return problem(result.error);
    return { status: result.error === "slug-invalid" ? 400 : 409, data: { kind: "slug", problem: result.error, slug: typed } };
  }
  const decision = changeDecisionOf(intent);
  if (!decision) return problem("unknown-intent");
  const changeId = fields.line("change", 100);
  let reason: string | null = null;
  if (decision === "reject") {
    reason = fields.text("reason", LIMITS.note).trim();
    if (!reason) return problem("reason-required", { changeId, reason: "" });
  }
  const result = await decideChange(state.staff, state.actor, id, changeId, decision, { reason });
  return result.ok ? { done: decision } : problem(result.error, { changeId });
}

export type NewProfileData = { values: ProfileFormValues; errors: Record<string, ProfileErrorCode>; moreRows: boolean };
export type NewProfileOutcome = { createdId: string } | { status: number; data: NewProfileData };

/** The new-profile form: more blank rows, or a new draft (its creator is its first change's author). */
export async function submitNewProfile(state: StaffSessionState, request: Request): Promise<NewProfileOutcome> {
  const form = await readRequestForm(request);
  if (typeof form !== "string" && formFields(form).sent("more-rows")) {
    // Without JavaScript the form grows on the server: same values, more blank rows, nothing saved.
    return { status: 200, data: { values: withMoreRows({ ...EMPTY_PROFILE_VALUES, ...readProfileForm(form).values }), errors: {}, moreRows: true } };
  }
  const read = typeof form === "string" ? unreadableSubmission(form) : await readProfileSubmission(form);
  if (!read.ok) return { status: 400, data: { values: { ...EMPTY_PROFILE_VALUES, ...read.values }, errors: read.errors, moreRows: false } };
  const result = await createProfile(state.staff, state.actor, read.fields, { note: read.note, photo: read.photo, credit: read.credit });
  if (result.ok) return { createdId: result.id };
  const errors: Record<string, ProfileErrorCode> = "fieldErrors" in result ? rowErrorsFor(read.values, result.fieldErrors) : {};
  return { status: "fieldErrors" in result ? 400 : 409, data: { values: read.values, errors, moreRows: false } };
}
