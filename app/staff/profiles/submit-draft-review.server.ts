// The "Review drafts" page: its data (filters, a page of draft summaries) and what its form
// asks for: publish the ticked drafts, or return them with a reason. The route shows the
// outcome on the same page; a refused form keeps the ticks and the reason.
import type { Language } from "~/i18n";
import { staffNavFor, type StaffSessionState } from "~/staff/accounts/session.server";
import { formFields } from "~/utils/form-fields";
import { getFixedT } from "~/utils/i18next.server";

import { listDraftsForReview, listImportOptions, publishDrafts, returnDrafts, type BatchOutcome } from "./draft-review.server";
import { MAX_BATCH, RETURN_REASON_MAX } from "./draft-review-form";
import { listFacilityOptions } from "./prisoner-profile.server";
import { LETTER_STATUSES, PRISONER_STATUSES } from "./profile-form";
import { readRequestForm } from "./profile-submission.server";

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export async function draftReviewPage(state: StaffSessionState, language: Language, search: URLSearchParams) {
  const q = (search.get("q") ?? "").slice(0, 100);
  // Unknown values are ignored (a hand-edited link shows every draft, not an error).
  const status = PRISONER_STATUSES.find((value) => value === search.get("status")) ?? null;
  const letterStatus = LETTER_STATUSES.find((value) => value === search.get("letters")) ?? null;
  const page = Number.parseInt(search.get("page") ?? "1", 10) || 1;
  // Drafts to review by default; "returned" lists those waiting for their authors' edit.
  const draftState: "returned" | null = search.get("state") === "returned" ? "returned" : null;
  const [facilities, imports, t] = await Promise.all([listFacilityOptions(language), listImportOptions(), getFixedT(language, ["common", "profile-editor"])]);
  const facility = facilities.find((option) => option.slug === search.get("facility"))?.slug ?? null;
  const importId = imports.find((option) => option.id === search.get("import"))?.id ?? null;
  const drafts = await listDraftsForReview(state.actor, language, { q, importId, status, letterStatus, facility, returned: draftState === "returned", page });
  return {
    nav: staffNavFor(state, language),
    language,
    drafts: drafts.rows,
    total: drafts.total,
    page: drafts.page,
    pageCount: drafts.pageCount,
    facilities,
    imports,
    filters: { q, import: importId, status, letters: letterStatus, facility, state: draftState },
    meta: { title: t("common:page-title", { page: t("profile-editor:review.title") }) },
  };
}

export type DraftReviewProblem = "nothing-selected" | "too-many" | "reason-required" | "reason-too-long" | "unknown-intent" | "unreadable";
export type DraftReviewData =
  | { ok: true; intent: "publish" | "return"; outcome: BatchOutcome }
  | { ok: false; problem: DraftReviewProblem; selected: string[]; reason: string; intent: string };

export async function submitDraftReview(state: StaffSessionState, language: Language, request: Request): Promise<{ status: number; data: DraftReviewData }> {
  const form = await readRequestForm(request);
  if (typeof form === "string") return { status: 400, data: { ok: false, problem: "unreadable", selected: [], reason: "", intent: "" } };
  const fields = formFields(form);
  const intent = fields.line("intent", 40);
  // One character over the longest id, so that a longer one is refused rather than cut to fit.
  const selected = [...new Set(fields.lines("pick", 65).filter((id) => ID.test(id)))];
  // Cut above the limit, so that "too long" is still told.
  const reason = fields.text("reason", RETURN_REASON_MAX * 2).trim();
  const refuse = (problem: DraftReviewProblem) => ({ status: 400, data: { ok: false as const, problem, selected, reason: reason.slice(0, RETURN_REASON_MAX * 2), intent } });
  if (intent !== "publish" && intent !== "return") return refuse("unknown-intent");
  if (selected.length === 0) return refuse("nothing-selected");
  if (selected.length > MAX_BATCH) return refuse("too-many");
  // Each row carries the version its summary showed: a draft changed since is neither published nor returned.
  const items = selected.map((id) => {
    return { id, version: fields.integer(`version.${id}`, 0, 999_999_999) ?? -1 };
  });
  if (intent === "return") {
    if (!reason) return refuse("reason-required");
    if (reason.length > RETURN_REASON_MAX) return refuse("reason-too-long");
    return { status: 200, data: { ok: true, intent, outcome: await returnDrafts(state.staff, state.actor, items, reason, language) } };
  }
  return { status: 200, data: { ok: true, intent, outcome: await publishDrafts(state.staff, state.actor, items, language) } };
}
