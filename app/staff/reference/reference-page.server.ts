// What the reference pages of the back office show: the list of facilities or charge types
// (with those waiting for review), and one row's form with its waiting change, the approve /
// reject box for whoever may decide it, and its history.
import type { Language } from "~/i18n";
import { noStore, staffNavFor, type StaffSessionState } from "~/staff/accounts/session.server";
import { formatDate } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";

import { mayDecideReferenceChange } from "./reference-change-state";
import { emptyChargeValues, emptyFacilityValues, type ReferenceKind } from "./reference-fields";
import { findReferenceDetail, listReference, type ReferenceChangeView } from "./reference.server";

const TITLE_KEYS = {
  facility: { list: "reference-data:facility.list.title", new: "reference-data:facility.new.title", edit: "reference-data:facility.edit.title" },
  charge: { list: "reference-data:charge.list.title", new: "reference-data:charge.new.title", edit: "reference-data:charge.edit.title" },
} as const;

export const referencePath = (kind: ReferenceKind) => (kind === "facility" ? "facilities" : "charges");

const day = (date: Date, language: Language) => formatDate(date.toISOString().slice(0, 10), "DAY", language);

/** One change as the history and the review box show it. */
function changeLine(change: ReferenceChangeView, language: Language) {
  return {
    id: change.id,
    state: change.state,
    author: change.author,
    reviewer: change.reviewer,
    reason: change.reason,
    fromImport: change.fromImport,
    fields: change.fields,
    createdAt: day(change.createdAt, language),
    decidedAt: change.decidedAt ? day(change.decidedAt, language) : null,
  };
}

export async function referenceListPage(state: StaffSessionState, kind: ReferenceKind, language: Language, search: URLSearchParams) {
  const onlyWaiting = search.get("show") === "waiting";
  const [items, t] = await Promise.all([listReference(kind, language, onlyWaiting), getFixedT(language, ["common", "reference-data"])]);
  return {
    nav: staffNavFor(state, language),
    language,
    kind,
    onlyWaiting,
    mayImport: kind === "facility",
    items,
    meta: { title: t("common:page-title", { page: t(TITLE_KEYS[kind].list) }) },
  };
}

/** The form of a new row (id null) or of an existing one, with its review box and history. */
export async function referenceEditPage(state: StaffSessionState, kind: ReferenceKind, id: string | null, language: Language) {
  const t = await getFixedT(language, ["common", "reference-data"]);
  const nav = staffNavFor(state, language);
  if (!id) {
    const values = kind === "facility" ? { facility: emptyFacilityValues(), charge: null } : { facility: null, charge: emptyChargeValues() };
    return { nav, language, kind, id: null, slug: null, reviewState: null, ...values, pending: null, history: [] as ReturnType<typeof changeLine>[], meta: { title: t("common:page-title", { page: t(TITLE_KEYS[kind].new) }) } };
  }
  const detail = await findReferenceDetail(kind, id);
  if (!detail) throw new Response("Not found", { status: 404, headers: noStore });
  // The form shows what waits for review when something does (a second edit amends it).
  const shown = detail.pending?.after ?? detail.current;
  const view = (change: ReferenceChangeView) => changeLine(change, language);
  return {
    nav,
    language,
    kind,
    id: detail.id,
    slug: detail.slug,
    reviewState: detail.reviewState,
    facility: kind === "facility" ? (shown as ReturnType<typeof emptyFacilityValues>) : null,
    charge: kind === "charge" ? (shown as ReturnType<typeof emptyChargeValues>) : null,
    pending: detail.pending
      ? {
          ...view(detail.pending),
          own: detail.pending.authorId === state.staff.id || detail.pending.contributorIds.includes(state.staff.id),
          mayDecide: mayDecideReferenceChange(state.actor, detail.pending),
        }
      : null,
    history: detail.history.map(view),
    meta: { title: t("common:page-title", { page: t(TITLE_KEYS[kind].edit, { name: detail.slug }) }) },
  };
}
