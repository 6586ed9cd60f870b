// What the profile pages of the back office show: the editor's option lists (shared by the
// new-profile page and a profile's page), one profile with its pending changes, and the list.
import type { Language } from "~/i18n";
import { noStore, staffNavFor, type StaffSessionState } from "~/staff/accounts/session.server";
import { can } from "~/staff/permissions";
import { getFixedT } from "~/utils/i18next.server";

import { statusStaleAfterDays } from "~/prisoners/status-settings.server";

import { countStaleProfiles, findStaffProfile, listChargeTypeOptions, listFacilityOptions, listSourceOptions, listStaffProfiles } from "./prisoner-profile.server";
import { PROFILE_FILTERS } from "./profile-change-state";
import { LETTER_STATUSES, PRISONER_STATUSES } from "./profile-form";

/** The facilities, sources and charge types the editor's form offers. */
export async function profileEditorOptions(language: Language) {
  const [facilities, sources, chargeTypes] = await Promise.all([listFacilityOptions(language), listSourceOptions(), listChargeTypeOptions(language)]);
  return { facilities, sources, chargeTypes };
}

/** One profile as the actor may see it; 404 when there is none or they may not see it. */
export async function requireStaffProfile(state: StaffSessionState, id: string, language: Language) {
  const profile = await findStaffProfile(state.actor, id, language);
  if (!profile) throw new Response("Not Found", { status: 404, headers: noStore });
  return profile;
}

export async function profileEditorPage(state: StaffSessionState, id: string, language: Language) {
  const profile = await requireStaffProfile(state, id, language);
  const [options, t] = await Promise.all([profileEditorOptions(language), getFixedT(language, ["common", "profile-editor"])]);
  return { nav: staffNavFor(state, language), language, profile, ...options, meta: { title: t("common:page-title", { page: profile.name }) } };
}

export async function newProfilePage(state: StaffSessionState, language: Language) {
  const [options, t] = await Promise.all([profileEditorOptions(language), getFixedT(language, ["common", "profile-editor"])]);
  return { nav: staffNavFor(state, language), ...options, meta: { title: t("common:page-title", { page: t("profile-editor:new.title") }) } };
}

/** The list of profiles: searched by name (`q`) and filtered, with whether this actor reviews changes. */
export async function profileListPage(state: StaffSessionState, language: Language, search: URLSearchParams) {
  const q = (search.get("q") ?? "").slice(0, 100);
  const filter = PROFILE_FILTERS.find((candidate) => candidate === search.get("filter")) ?? "all";
  // Unknown values are ignored (a hand-edited link shows the whole list, not an error).
  const status = PRISONER_STATUSES.find((value) => value === search.get("status")) ?? null;
  const letterStatus = LETTER_STATUSES.find((value) => value === search.get("letters")) ?? null;
  const facilityParam = search.get("facility") ?? "";
  const page = Number.parseInt(search.get("page") ?? "1", 10) || 1;
  const [facilities, staleCount, t] = await Promise.all([listFacilityOptions(language), countStaleProfiles(state.actor), getFixedT(language, ["common", "profile-editor"])]);
  const facility = facilities.some((option) => option.slug === facilityParam) ? facilityParam : null;
  const profiles = await listStaffProfiles(state.actor, language, { q, filter, status, letterStatus, facility, page });
  return {
    staleCount,
    staleAfterDays: statusStaleAfterDays(),
    nav: staffNavFor(state, language),
    language,
    profiles: profiles.rows,
    total: profiles.total,
    page: profiles.page,
    pageCount: profiles.pageCount,
    facilities,
    q,
    filter,
    status,
    letterStatus,
    facility,
    mayApprove: can(state.actor, "prisoner:approve-change"),
    meta: { title: t("common:page-title", { page: t("profile-editor:list.title") }) },
  };
}
