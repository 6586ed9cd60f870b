// The back-office page of a campaign's updates (/:lang/staff/campaigns/:id/updates): the form
// to write one (or edit one's own draft, ?edit=<id>), and every update with the moves this
// actor may make. Its action: save, send for review, publish, return with a note.
import type { Language } from "~/i18n";
import { noStore, staffNavFor, type StaffSessionState } from "~/staff/accounts/session.server";
import { formFields } from "~/utils/form-fields";
import { getFixedT } from "~/utils/i18next.server";
import { localizedField } from "~/utils/localized";

import { mayWriteUpdates } from "./campaign-update-state";
import { readUpdateForm, readUpdateNote, valuesOfUpdate, type UpdateFieldErrorCode, type UpdateFormValues } from "./campaign-update-form";
import { findUpdatesCampaign, listStaffUpdates, moveUpdate, saveUpdate } from "./campaign-update.server";

async function requireUpdatesCampaign(state: StaffSessionState, id: string) {
  const campaign = await findUpdatesCampaign(state.actor, id);
  if (!campaign) throw new Response("Not Found", { status: 404, headers: noStore });
  return campaign;
}

export async function campaignUpdatesPage(state: StaffSessionState, id: string, language: Language, editId: string | null) {
  const campaign = await requireUpdatesCampaign(state, id);
  const [updates, t] = await Promise.all([listStaffUpdates(state.actor, campaign.id, language), getFixedT(language, ["common", "campaign-editor"])]);
  const editing = editId ? updates.find((update) => update.id === editId && update.may.edit) ?? null : null;
  const title = localizedField(campaign.translations, language, "title")?.text ?? campaign.slug;
  return {
    nav: staffNavFor(state, language),
    language,
    campaign: { id: campaign.id, slug: campaign.slug, title, public: campaign.status === "PUBLISHED" || campaign.status === "CLOSED" },
    mayWrite: mayWriteUpdates(state.actor, campaign),
    editing: editing ? { id: editing.id, version: editing.version, values: editing.values, reviewNote: editing.reviewNote } : null,
    blank: valuesOfUpdate([]),
    updates,
    meta: { title: t("common:page-title", { page: t("campaign-editor:updates.page-title", { title }) }) },
  };
}

export type UpdateProblem = "not-found" | "forbidden" | "conflict" | "changed" | "unknown-intent";
export type UpdateActionData =
  | { kind: "form"; updateId: string | null; version: string; values: UpdateFormValues; errors: Record<string, UpdateFieldErrorCode> }
  | { kind: "note"; updateId: string; note: string; error: UpdateFieldErrorCode }
  | { kind: "problem"; problem: UpdateProblem };
export type UpdateDone = "saved" | "submitted" | "published" | "returned";
export type UpdateOutcome = { done: UpdateDone } | { status: number; data: UpdateActionData };

const PROBLEM_STATUS = { "not-found": 404, forbidden: 403, conflict: 409, changed: 409, "unknown-intent": 400 } as const satisfies Record<UpdateProblem, number>;
const problem = (kind: UpdateProblem): UpdateOutcome => ({ status: PROBLEM_STATUS[kind], data: { kind: "problem", problem: kind } });

export async function submitCampaignUpdate(state: StaffSessionState, id: string, form: FormData): Promise<UpdateOutcome> {
  // Nobody learns from an action what they could not see with a GET.
  await requireUpdatesCampaign(state, id);
  const fields = formFields(form);
  const intent = fields.line("intent", 40);
  const updateId = fields.line("update", 64) || null;
  const version = fields.line("version", 20);

  if (intent === "save-update" || intent === "submit-update") {
    const read = readUpdateForm(form);
    if (!read.ok) return { status: 400, data: { kind: "form", updateId, version, values: read.values, errors: read.errors } };
    const submit = intent === "submit-update";
    const result = await saveUpdate(state.staff, state.actor, id, updateId, version, read.update, { submit });
    if (result.ok) return { done: submit ? "submitted" : "saved" };
    // Nothing typed is lost: a stale form comes back with the text as sent.
    if (result.error === "conflict") return { status: 409, data: { kind: "form", updateId, version, values: read.values, errors: {} } };
    return problem(result.error);
  }
  if (!updateId) return problem("not-found");
  if (intent === "publish-update") {
    const result = await moveUpdate(state.staff, state.actor, id, updateId, "publish", { version });
    return result.ok ? { done: "published" } : problem(result.error);
  }
  if (intent === "return-update") {
    const read = readUpdateNote(form);
    if (read.error) return { status: 400, data: { kind: "note", updateId, note: read.note, error: read.error } };
    const result = await moveUpdate(state.staff, state.actor, id, updateId, "return", { note: read.note });
    return result.ok ? { done: "returned" } : problem(result.error);
  }
  if (intent === "send-update") {
    const result = await moveUpdate(state.staff, state.actor, id, updateId, "submit");
    return result.ok ? { done: "submitted" } : problem(result.error);
  }
  return problem("unknown-intent");
}
