// What a form posted on a campaign's back-office page asks for, and its outcome: a save (or,
// for a published campaign, a proposed revision), a decision on a pending revision, or one of
// the workflow moves. The route redirects on `done` and shows `data` otherwise.
import type { Language } from "~/i18n";
import type { EmbedOriginError } from "~/campaigns/embed-origins";
import type { StaffSessionState } from "~/staff/accounts/session.server";
import { formFields, type FormSource } from "~/utils/form-fields";

import { requireStaffCampaign } from "./campaign-editor-page.server";
import { hasContent, saveCampaign } from "./campaign-editor.server";
import { readCampaignForm, readReviewNote, type CampaignFormValues, type FieldError } from "./campaign-form";
import { applyRevision, proposeRevision, rejectRevision, withdrawRevision } from "./campaign-revision.server";
import { saveEmbedOrigins } from "./campaign-embed.server";
import { campaignTransitionOf, editNeedsReview, type CampaignTransition } from "./campaign-state";
import { transitionCampaign } from "./campaign-workflow.server";

export type CampaignEditProblem = "not-found" | "forbidden" | "conflict" | "changed" | "incomplete" | "unknown-intent" | "decided" | "stale" | "invalid";
export type CampaignEditData =
  | { kind: "form"; values: CampaignFormValues; errors: Record<string, FieldError> }
  | { kind: "note"; note: string; error: FieldError }
  | { kind: "reason"; revisionId: string; note: string; error: FieldError }
  | { kind: "problem"; problem: CampaignEditProblem }
  /** The partner origins as typed, and the line that is not one. */
  | { kind: "embed"; text: string; error: EmbedOriginError; line: string }
  /** Publishing (or applying a revision) refused: these targets have no working channel. */
  | { kind: "unreachable"; targets: string[] };
export type CampaignEditDone = "embed-saved" | "saved" | "proposed" | "applied" | "rejected" | "withdrawn" | CampaignTransition;
export type CampaignEditOutcome = { done: CampaignEditDone } | { status: number; data: CampaignEditData };

const PROBLEM_STATUS = { "not-found": 404, forbidden: 403, conflict: 409, changed: 409, incomplete: 400, "unknown-intent": 400, decided: 409, stale: 409, invalid: 400 } as const satisfies Record<CampaignEditProblem, number>;
const REVISION_DONE = { "apply-revision": "applied", "reject-revision": "rejected", "withdraw-revision": "withdrawn" } as const satisfies Record<string, CampaignEditDone>;

const problem = (kind: CampaignEditProblem): CampaignEditOutcome => ({ status: PROBLEM_STATUS[kind], data: { kind: "problem", problem: kind } });
const unreachable = (targets: string[]): CampaignEditOutcome => ({ status: 409, data: { kind: "unreachable", targets } });

/** `siteOrigin`: Listy's own origin (whether local partner pages may be listed). */
export async function submitCampaignEdit(state: StaffSessionState, id: string, language: Language, form: FormSource, siteOrigin: string): Promise<CampaignEditOutcome> {
  const fields = formFields(form);
  const intent = fields.line("intent", 40);
  // Nobody learns from an action what they could not see with a GET.
  const current = await requireStaffCampaign(state, id, language);

  if (intent === "save") {
    const read = readCampaignForm(form);
    if (!read.ok) return { status: 400, data: { kind: "form", values: read.values, errors: read.errors } };
    const version = fields.line("version", 40);
    // A published campaign changes only after review: the edit becomes a pending revision.
    const needsReview = editNeedsReview(current);
    const result = needsReview
      ? await proposeRevision(state.staff, state.actor, id, version, read.values, read.campaign)
      : await saveCampaign(state.staff, state.actor, id, version, read.campaign);
    if (result.ok) return { done: needsReview ? "proposed" : "saved" };
    if ("fieldErrors" in result) return { status: 400, data: { kind: "form", values: read.values, errors: result.fieldErrors } };
    if (result.error === "conflict") return { status: 409, data: { kind: "form", values: read.values, errors: {} } };
    return problem(result.error);
  }
  if (intent === "embed-origins") {
    const result = await saveEmbedOrigins(state.staff, state.actor, id, fields.posted("origins", 4_000), siteOrigin);
    if (result.ok) return { done: "embed-saved" };
    if ("fieldError" in result) return { status: 400, data: { kind: "embed", text: result.text, error: result.fieldError, line: result.line } };
    return problem(result.error);
  }
  if (intent === "apply-revision" || intent === "reject-revision" || intent === "withdraw-revision") {
    const revisionId = fields.line("revision", 64);
    let result;
    if (intent === "reject-revision") {
      const read = readReviewNote(form);
      if (read.error) return { status: 400, data: { kind: "reason", revisionId, note: read.note, error: read.error } };
      result = await rejectRevision(state.staff, state.actor, id, revisionId, read.note);
    } else if (intent === "apply-revision") result = await applyRevision(state.staff, state.actor, id, revisionId, new Date(), language);
    else result = await withdrawRevision(state.staff, state.actor, id, revisionId);
    if (result.ok) return { done: REVISION_DONE[intent] };
    if ("targets" in result) return unreachable(result.targets);
    // A slug taken since the proposal: it cannot be applied as it is.
    if ("fieldErrors" in result) return problem("invalid");
    return problem(result.error);
  }
  const transition = campaignTransitionOf(intent);
  if (!transition) return problem("unknown-intent");
  let note: string | null = null;
  if (transition === "return") {
    const read = readReviewNote(form);
    if (read.error) return { status: 400, data: { kind: "note", note: read.note, error: read.error } };
    note = read.note;
  }
  // A campaign goes to review only with a title in at least one language.
  if (transition === "submit" && !(await hasContent(id))) return problem("incomplete");
  // The version the reviewer saw: publishing anything else is refused ("changed").
  const version = fields.line("version", 20);
  const result = await transitionCampaign(state.staff, state.actor, id, transition, { note, version, language });
  if (!result.ok && "targets" in result) return unreachable(result.targets);
  return result.ok ? { done: transition } : problem(result.error);
}
