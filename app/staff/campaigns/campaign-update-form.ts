// The campaign update form, read from a POST and checked. Pure (no database). A title and a
// body per language, plain text (React escapes it everywhere; nothing is rendered as HTML); at
// least one language with both. Errors are codes and every value comes back as typed.
import { supportedLanguages, type Language } from "~/i18n";
import { formFields, type FormSource } from "~/utils/form-fields";

export const UPDATE_LIMITS = { title: 120, body: 2000, note: 2000 } as const;

export type UpdateFieldErrorCode = "required" | "too-long" | "title-missing" | "body-missing" | "nothing-written";

export interface UpdateFormValues {
  /** `title-${language}` and `body-${language}`, as typed. */
  texts: Record<string, string>;
}

export interface ParsedUpdate {
  translations: { locale: Language; title: string; body: string }[];
}

export type UpdateFormResult = { ok: true; values: UpdateFormValues; update: ParsedUpdate } | { ok: false; values: UpdateFormValues; errors: Record<string, UpdateFieldErrorCode> };

export const updateTitleKey = (language: Language) => `title-${language}`;
export const updateBodyKey = (language: Language) => `body-${language}`;

// Read well past the limit, so a huge post costs nothing but keeps enough to show "too long".
const readBound = (limit: number) => limit * 2 + 100;

export function readUpdateForm(form: FormSource): UpdateFormResult {
  const fields = formFields(form);
  const texts: Record<string, string> = {};
  const errors: Record<string, UpdateFieldErrorCode> = {};
  const translations: ParsedUpdate["translations"] = [];
  for (const language of supportedLanguages) {
    const titleKey = updateTitleKey(language);
    const bodyKey = updateBodyKey(language);
    const title = fields.line(titleKey, readBound(UPDATE_LIMITS.title));
    const body = fields.text(bodyKey, readBound(UPDATE_LIMITS.body));
    texts[titleKey] = title;
    texts[bodyKey] = body;
    const trimmedTitle = title.trim();
    const trimmedBody = body.trim();
    if (trimmedTitle.length > UPDATE_LIMITS.title) errors[titleKey] = "too-long";
    if (trimmedBody.length > UPDATE_LIMITS.body) errors[bodyKey] = "too-long";
    if (trimmedTitle && !trimmedBody) errors[bodyKey] ??= "body-missing";
    if (trimmedBody && !trimmedTitle) errors[titleKey] ??= "title-missing";
    if (trimmedTitle && trimmedBody && !errors[titleKey] && !errors[bodyKey]) translations.push({ locale: language, title: trimmedTitle, body: trimmedBody });
  }
  const values = { texts };
  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  if (translations.length === 0) return { ok: false, values, errors: { form: "nothing-written" } };
  return { ok: true, values, update: { translations } };
}

/** The reviewer's note when returning an update: required, plain text. */
export function readUpdateNote(form: FormSource): { note: string; error: UpdateFieldErrorCode | null } {
  const note = formFields(form).text("note", readBound(UPDATE_LIMITS.note)).trim();
  if (!note) return { note, error: "required" };
  if (note.length > UPDATE_LIMITS.note) return { note, error: "too-long" };
  return { note, error: null };
}

/** The form's values for a stored update (to edit it). */
export function valuesOfUpdate(translations: readonly { locale: string; title: string; body: string }[]): UpdateFormValues {
  const texts: Record<string, string> = {};
  for (const language of supportedLanguages) {
    const row = translations.find((translation) => translation.locale === language);
    texts[updateTitleKey(language)] = row?.title ?? "";
    texts[updateBodyKey(language)] = row?.body ?? "";
  }
  return { texts };
}
