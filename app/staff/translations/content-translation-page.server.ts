// The editor of one content translation: which text it is about (404 for anything else), what
// the page shows, and what its two posts (save, review) ask for.
import { isLanguage, languageAutonyms, type Language } from "~/i18n";
import { noStore, staffNavFor, type StaffSessionState } from "~/staff/accounts/session.server";
import { formFields, type FormSource } from "~/utils/form-fields";
import { getFixedT } from "~/utils/i18next.server";

import { CONTENT_FIELDS, CONTENT_KINDS, type ContentFieldError, type ContentKind } from "./content-translations";
import { getContentEditor, reviewContentTranslation, saveContentTranslation } from "./content-translations.server";

export function requireContentTarget(params: { kind?: string; id?: string; locale?: string }) {
  const { kind, id, locale } = params;
  if (!(CONTENT_KINDS as readonly string[]).includes(kind ?? "") || !id || id.length > 40 || !isLanguage(locale)) {
    throw new Response("Not Found", { status: 404, headers: noStore });
  }
  return { kind: kind as ContentKind, id, locale };
}

export async function contentEditorPage(state: StaffSessionState, params: { kind?: string; id?: string; locale?: string }, language: Language, search: URLSearchParams) {
  const { kind, id, locale } = requireContentTarget(params);
  const view = await getContentEditor(state.actor, kind, id, locale, search.get("from"));
  if (!view) throw new Response("Not Found", { status: 404, headers: noStore });
  const t = await getFixedT(language, ["common", "translations"]);
  return {
    nav: staffNavFor(state, language),
    language,
    view,
    notice: search.get("notice"),
    meta: { title: t("common:page-title", { page: t("translations:content.editor-title", { name: view.label, language: languageAutonyms[locale] }) }) },
  };
}

export type ContentTranslationData = { values: Record<string, string>; error: "invalid" | "stale" | "forbidden" | "conflict" | "changed"; fields: Record<string, ContentFieldError> };
/** `id`: where the text is now (a draft profile's facts are written anew, with new ids). */
export type ContentTranslationOutcome = { notice: string; id?: string } | { status: number; data: ContentTranslationData };

export async function submitContentTranslation(state: StaffSessionState, target: ReturnType<typeof requireContentTarget>, form: FormSource): Promise<ContentTranslationOutcome> {
  const { staff, actor } = state;
  const { kind, id, locale } = target;
  const posted = formFields(form);
  const intent = posted.line("intent", 40);
  if (intent === "review") {
    // The version the reviewer read: a text changed since is not marked reviewed.
    const result = await reviewContentTranslation(staff, actor, kind, id, locale, posted.line("version", 40));
    if (result.ok) return { notice: "reviewed" };
    if (result.error === "not-found") throw new Response("Not Found", { status: 404, headers: noStore });
    return { status: result.error === "forbidden" ? 403 : 409, data: { values: {}, error: result.error, fields: {} } };
  }
  if (intent !== "save") return { status: 400, data: { values: {}, error: "invalid", fields: {} } };
  const values: Record<string, string> = {};
  // Cut above each field's limit, so that "too long" is still told.
  for (const field of CONTENT_FIELDS[kind]) values[field.name] = posted.text(field.name, field.max + 1_000);
  const result = await saveContentTranslation(staff, actor, kind, id, locale, posted.line("version", 40), values);
  if (result.ok) return { notice: result.outcome === "pending" && kind !== "prisoner" && kind !== "fact" ? `pending-${kind}` : result.outcome, id: result.id };
  if (result.error === "not-found") throw new Response("Not Found", { status: 404, headers: noStore });
  const fields = result.error === "invalid" ? result.fields : {};
  const status = result.error === "forbidden" ? 403 : result.error === "stale" ? 409 : 400;
  return { status, data: { values, error: result.error, fields } };
}
