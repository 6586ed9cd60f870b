// The campaign editor's form, read from a POST and checked. Pure (no database), shared by the
// routes and the tests. Errors are codes (the page maps each to a literal key) and every
// value comes back verbatim, so nothing typed is lost. All of it is plain text: React
// escapes it on every page, and nothing here is ever rendered as HTML.
import { APPEAL_PLACEHOLDERS } from "~/appeals/appeal-text";
import { supportedLanguages, type Language } from "~/i18n";
import { formFields, type FormFields, type FormSource } from "~/utils/form-fields";
import { SLUG_PATTERN } from "~/utils/slug";

export const LIMITS = { slug: 120, title: 200, summary: 1000, ask: 2000, line: 1000, lines: 20, note: 2000, goal: 10_000_000 } as const;
export const TEMPLATE_PARTS = ["subjects", "openings", "arguments", "closings"] as const;
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];
export const TEXT_FIELDS = ["title", "summary", "ask"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export type FieldErrorCode =
  | "required"
  | "too-long"
  | "slug-invalid"
  | "slug-taken"
  | "goal-invalid"
  | "deadline-invalid"
  | "title-required"
  | "too-many-lines"
  | "line-too-long"
  | "unknown-placeholder"
  | "parts-incomplete";

export interface FieldError {
  code: FieldErrorCode;
  /** 1-based wording (box) of a template part, for errors about one wording. */
  line?: number;
  /** The offending placeholder, e.g. "{prisonerNmae}". */
  placeholder?: string;
}

export interface CampaignFormValues {
  slug: string;
  goal: string;
  deadline: string;
  /** `${field}-${language}`, e.g. "title-be", and `template-${language}-${part}`: a part's
   * wordings one per line, in the editor's box order (an empty line is an empty box). */
  texts: Record<string, string>;
  prisoners: string[];
  targets: string[];
}

export interface ParsedCampaign {
  slug: string;
  goal: number | null;
  deadline: Date | null;
  translations: { locale: Language; title: string; summary: string; ask: string }[];
  templates: { locale: Language; subjects: string[]; openings: string[]; arguments: string[]; closings: string[] }[];
  prisonerIds: string[];
  targetIds: string[];
}

export const textKey = (field: TextField, language: Language) => `${field}-${language}`;
export const templateKey = (language: Language, part: TemplatePart) => `template-${language}-${part}`;

// Control characters become spaces (tabs and line breaks stay where lines matter); absurd
// lengths cut. Read as posted (form-fields.ts), cleaned here: a control character between two
// words must not join them.
const oneLine = (value: string, max: number) => value.slice(0, max * 2).replace(/[\u0000-\u001f\u007f]/g, " ");
const multiLine = (value: string, max: number) => value.slice(0, max * 2).replace(/\r\n?/g, "\n").replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, " ");
const postedLine = (fields: FormFields, name: string, max: number) => oneLine(fields.posted(name, max * 2), max);
const postedText = (fields: FormFields, name: string, max: number) => multiLine(fields.posted(name, max * 4), max);
const ids = (fields: FormFields, name: string) => fields.postedAll(name, 65).filter((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id)).slice(0, 200);

/**
 * One template part as posted. The editor sends one box per wording, all with the part's name:
 * a line break typed inside a box stays in that wording (joined with a space), so Enter never
 * makes a new one, and empty boxes keep their place so errors can name the box. A single value
 * (a script, an older form, a stored revision) keeps the older shape: one wording per line.
 * Either way the result is one wording per line, line N being box N.
 */
export function readTemplatePart(form: FormSource, name: string): string {
  const posted = formFields(form).postedAll(name, LIMITS.line * LIMITS.lines * 4, LIMITS.lines * 2);
  if (posted.length <= 1) return multiLine(posted[0] ?? "", LIMITS.line * LIMITS.lines);
  const boxes = posted.map((box) => oneLine(box.replace(/\s*[\r\n]+\s*/g, " "), LIMITS.line));
  while (boxes.length > 0 && !boxes[boxes.length - 1]!.trim()) boxes.pop();
  return boxes.join("\n");
}

const KNOWN = new Set<string>(APPEAL_PLACEHOLDERS);
const PLACEHOLDER = /\{([^{}\s]{1,40})\}/g;

/** One wording per line (box); empty ones ignored. Errors name the box as the editor sees it. */
export function checkTemplateLines(text: string): { lines: string[]; error: FieldError | null } {
  const lines: string[] = [];
  const all = text.split("\n");
  for (let index = 0; index < all.length; index++) {
    const line = (all[index] ?? "").trim();
    if (!line) continue;
    if (line.length > LIMITS.line) return { lines, error: { code: "line-too-long", line: index + 1 } };
    for (const match of line.matchAll(PLACEHOLDER)) {
      if (!KNOWN.has(match[1] ?? "")) return { lines, error: { code: "unknown-placeholder", line: index + 1, placeholder: match[0] } };
    }
    lines.push(line);
  }
  if (lines.length > LIMITS.lines) return { lines, error: { code: "too-many-lines" } };
  return { lines, error: null };
}

export type CampaignFormResult =
  | { ok: true; values: CampaignFormValues; campaign: ParsedCampaign }
  | { ok: false; values: CampaignFormValues; errors: Record<string, FieldError> };

export function readCampaignForm(form: FormSource): CampaignFormResult {
  const fields = formFields(form);
  const texts: Record<string, string> = {};
  for (const language of supportedLanguages) {
    for (const field of TEXT_FIELDS) texts[textKey(field, language)] = (field === "title" ? postedLine : postedText)(fields, textKey(field, language), LIMITS[field]);
    for (const part of TEMPLATE_PARTS) texts[templateKey(language, part)] = readTemplatePart(form, templateKey(language, part));
  }
  const values: CampaignFormValues = {
    slug: postedLine(fields, "slug", LIMITS.slug).trim(),
    goal: postedLine(fields, "goal", 20).trim(),
    deadline: postedLine(fields, "deadline", 20).trim(),
    texts,
    prisoners: ids(fields, "prisoners"),
    targets: ids(fields, "targets"),
  };
  const errors: Record<string, FieldError> = {};

  if (!values.slug) errors.slug = { code: "required" };
  else if (values.slug.length > LIMITS.slug || !SLUG_PATTERN.test(values.slug)) errors.slug = { code: "slug-invalid" };

  let goal: number | null = null;
  if (values.goal) {
    if (!/^\d{1,8}$/.test(values.goal) || Number(values.goal) < 1 || Number(values.goal) > LIMITS.goal) errors.goal = { code: "goal-invalid" };
    else goal = Number(values.goal);
  }
  let deadline: Date | null = null;
  if (values.deadline) {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(values.deadline) ? new Date(`${values.deadline}T00:00:00Z`) : null;
    if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== values.deadline) errors.deadline = { code: "deadline-invalid" };
    else deadline = date;
  }

  const translations: ParsedCampaign["translations"] = [];
  const templates: ParsedCampaign["templates"] = [];
  for (const language of supportedLanguages) {
    const [title, summary, ask] = TEXT_FIELDS.map((field) => texts[textKey(field, language)]!.trim());
    let fine = true;
    for (const field of TEXT_FIELDS) {
      if (texts[textKey(field, language)]!.trim().length > LIMITS[field]) {
        errors[textKey(field, language)] = { code: "too-long" };
        fine = false;
      }
    }
    // A language may be left empty (the public page falls back); a started one needs a title.
    if ((summary || ask) && !title) {
      errors[textKey("title", language)] = { code: "title-required" };
      fine = false;
    }
    if (fine && title) translations.push({ locale: language, title: title!, summary: summary!, ask: ask! });

    const parts = {} as Record<TemplatePart, string[]>;
    let templateFine = true;
    for (const part of TEMPLATE_PARTS) {
      const checked = checkTemplateLines(texts[templateKey(language, part)]!);
      parts[part] = checked.lines;
      if (checked.error) {
        errors[templateKey(language, part)] = checked.error;
        templateFine = false;
      }
    }
    const filled = TEMPLATE_PARTS.filter((part) => parts[part].length > 0);
    if (templateFine && filled.length > 0 && filled.length < TEMPLATE_PARTS.length) {
      // An appeal needs a subject, an opening, an argument and a closing.
      for (const part of TEMPLATE_PARTS) if (parts[part].length === 0) errors[templateKey(language, part)] = { code: "parts-incomplete" };
      templateFine = false;
    }
    if (templateFine && filled.length === TEMPLATE_PARTS.length) templates.push({ locale: language, ...parts });
  }

  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  return {
    ok: true,
    values,
    campaign: { slug: values.slug, goal, deadline, translations, templates, prisonerIds: [...new Set(values.prisoners)], targetIds: [...new Set(values.targets)] },
  };
}

/** The reviewer's note when returning a campaign to draft: required, plain text. */
export function readReviewNote(form: FormSource): { note: string; error: FieldError | null } {
  const note = postedText(formFields(form), "note", LIMITS.note).trim();
  if (!note) return { note, error: { code: "required" } };
  if (note.length > LIMITS.note) return { note, error: { code: "too-long" } };
  return { note, error: null };
}

/** The form as it was sent, rebuilt from stored values (a pending revision), to be checked again. */
export function formDataFromValues(values: CampaignFormValues): FormData {
  const form = new FormData();
  form.set("slug", values.slug);
  form.set("goal", values.goal);
  form.set("deadline", values.deadline);
  for (const [key, text] of Object.entries(values.texts)) form.set(key, text);
  for (const id of values.prisoners) form.append("prisoners", id);
  for (const id of values.targets) form.append("targets", id);
  return form;
}

/** Stored JSON back into form values; null if it is not what the editor stores. */
export function valuesFromJson(json: unknown): CampaignFormValues | null {
  if (!json || typeof json !== "object") return null;
  const value = json as Record<string, unknown>;
  const strings = (list: unknown) => (Array.isArray(list) ? list.filter((item): item is string => typeof item === "string") : []);
  if (typeof value.slug !== "string" || typeof value.goal !== "string" || typeof value.deadline !== "string") return null;
  if (!value.texts || typeof value.texts !== "object") return null;
  const texts: Record<string, string> = {};
  for (const [key, text] of Object.entries(value.texts as Record<string, unknown>)) if (typeof text === "string") texts[key] = text;
  return { slug: value.slug, goal: value.goal, deadline: value.deadline, texts, prisoners: strings(value.prisoners), targets: strings(value.targets) };
}
