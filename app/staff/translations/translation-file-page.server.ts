// What the translation workspace's pages show: one language × one namespace (the keys that
// need work, filtered), the completeness table, and the content list of one language.
import { isLanguage, languageAutonyms, type Language } from "~/i18n";
import { noStore, staffNavFor, type StaffSessionState } from "~/staff/accounts/session.server";
import { getFixedT } from "~/utils/i18next.server";

import { listContentTranslations } from "./content-translations.server";
import { showOf } from "./interface-translations";
import { getCompleteness, getNamespaceView, isNamespace, isTargetLanguage, MAX_UPLOAD_BYTES } from "./interface-translations.server";

/** The language and namespace a file page is about; 404 for any other. */
export function requireTranslationFile(params: { locale?: string; ns?: string }) {
  const { locale, ns } = params;
  if (!isTargetLanguage(locale) || !isNamespace(ns)) throw new Response("Not Found", { status: 404, headers: noStore });
  return { locale, ns };
}

/** The page's title in the reader's language, and the nav: what every workspace page starts with. */
async function workspacePage(state: StaffSessionState, language: Language, page: (t: Awaited<ReturnType<typeof getFixedT>>) => string) {
  const t = await getFixedT(language, ["common", "translations"]);
  return { nav: staffNavFor(state, language), language, meta: { title: t("common:page-title", { page: page(t) }) } };
}

export async function translationFilePage(state: StaffSessionState, params: { locale?: string; ns?: string }, language: Language, search: URLSearchParams) {
  const { locale, ns } = requireTranslationFile(params);
  const show = showOf(search.get("show"));
  const view = await getNamespaceView(locale, ns, state.actor);
  const keys = view.keys.filter((key) => {
    if (show === "all") return true;
    if (show === "review") return key.proposal !== null;
    if (show === "todo") return key.status !== "translated" || key.proposal !== null;
    return key.status === show;
  });
  const known = (name: string) => {
    const key = search.get(name);
    return key && view.keys.some((entry) => entry.id === key) ? key : null;
  };
  const proposedCount = Number(search.get("proposed-count"));
  return {
    ...(await workspacePage(state, language, (t) => t("translations:file.title", { namespace: ns, language: languageAutonyms[locale] }))),
    locale,
    ns,
    show,
    counts: view.counts,
    fileProblems: view.fileProblems,
    keys,
    saved: known("saved"),
    proposed: known("proposed"),
    approved: known("approved"),
    rejected: known("rejected"),
    proposedCount: Number.isSafeInteger(proposedCount) && proposedCount > 0 ? proposedCount : 0,
    uploaded: search.get("uploaded"),
    maxUploadKb: Math.floor(MAX_UPLOAD_BYTES / 1024),
  };
}

export async function completenessPage(state: StaffSessionState, language: Language) {
  const table = await getCompleteness();
  return { ...(await workspacePage(state, language, (t) => t("translations:index.title"))), table };
}

export async function contentListPage(state: StaffSessionState, language: Language, search: URLSearchParams) {
  const requested = search.get("locale");
  const locale = isLanguage(requested) ? requested : "be";
  const rows = await listContentTranslations(locale);
  return { ...(await workspacePage(state, language, (t) => t("translations:content.title"))), locale, rows };
}
