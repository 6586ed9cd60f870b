// What the officials pages of the back office show: the list, the new-official form and one
// official with its contacts under review and their history.
import type { Language } from "~/i18n";
import { noStore, staffNavFor, type StaffSessionState } from "~/staff/accounts/session.server";
import { can } from "~/staff/permissions";
import { listSourceOptions } from "~/staff/profiles/prisoner-profile.server";
import { getFixedT } from "~/utils/i18next.server";

import { officialFormValues } from "./official-form";
import { findStaffOfficial, listStaffOfficials } from "./officials.server";

export async function officialListPage(state: StaffSessionState, language: Language) {
  const [officials, t] = await Promise.all([listStaffOfficials(language), getFixedT(language, ["common", "officials"])]);
  return {
    nav: staffNavFor(state, language),
    language,
    officials,
    mayApprove: can(state.actor, "official:approve"),
    meta: { title: t("common:page-title", { page: t("officials:list.title") }) },
  };
}

export async function newOfficialPage(state: StaffSessionState, language: Language) {
  const [sources, t] = await Promise.all([listSourceOptions(), getFixedT(language, ["common", "officials"])]);
  return { nav: staffNavFor(state, language), language, sources, meta: { title: t("common:page-title", { page: t("officials:new.title") }) } };
}

/** One official as the actor may see it; 404 when there is none. */
export async function requireStaffOfficial(state: StaffSessionState, id: string, language: Language) {
  const official = await findStaffOfficial(state.actor, id, language);
  if (!official) throw new Response("Not Found", { status: 404, headers: noStore });
  return official;
}

export async function officialEditorPage(state: StaffSessionState, id: string, language: Language) {
  const official = await requireStaffOfficial(state, id, language);
  const [sources, t] = await Promise.all([listSourceOptions(), getFixedT(language, ["common", "officials"])]);
  const { form, ...rest } = official;
  return {
    nav: staffNavFor(state, language),
    language,
    official: rest,
    values: officialFormValues(form),
    sources,
    meta: { title: t("common:page-title", { page: official.name }) },
  };
}
