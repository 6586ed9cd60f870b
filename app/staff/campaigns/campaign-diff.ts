// What a proposed revision of a published campaign changes, field by field and language by
// language, as plain text (old → new) for the reviewer. Pure; shared by the page and tests.
import { supportedLanguages, type Language } from "~/i18n";

import { TEMPLATE_PARTS, templateKey, TEXT_FIELDS, textKey, type CampaignFormValues, type TemplatePart, type TextField } from "./campaign-form";

export type DiffField = "slug" | "goal" | "deadline" | "prisoners" | "targets" | TextField | TemplatePart;

export interface DiffRow {
  key: string;
  field: DiffField;
  language: Language | null;
  before: string;
  after: string;
}

/** Lines as the editor shows them: trimmed, empty ones dropped (what is saved). */
const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");

export function diffCampaignValues(before: CampaignFormValues, after: CampaignFormValues, labels: { prisoners: Map<string, string>; officials: Map<string, string> }): DiffRow[] {
  const rows: DiffRow[] = [];
  const add = (key: string, field: DiffField, language: Language | null, old: string, next: string) => {
    if (old !== next) rows.push({ key, field, language, before: old, after: next });
  };
  add("slug", "slug", null, before.slug, after.slug);
  add("goal", "goal", null, before.goal, after.goal);
  add("deadline", "deadline", null, before.deadline, after.deadline);
  for (const language of supportedLanguages) {
    for (const field of TEXT_FIELDS) {
      const key = textKey(field, language);
      add(key, field, language, (before.texts[key] ?? "").trim(), (after.texts[key] ?? "").trim());
    }
    for (const part of TEMPLATE_PARTS) {
      const key = templateKey(language, part);
      add(key, part, language, lines(before.texts[key] ?? ""), lines(after.texts[key] ?? ""));
    }
  }
  const names = (ids: string[], map: Map<string, string>) => ids.map((id) => map.get(id) ?? id).join("\n");
  add("prisoners", "prisoners", null, names(before.prisoners, labels.prisoners), names([...new Set(after.prisoners)], labels.prisoners));
  add("targets", "targets", null, names(before.targets, labels.officials), names([...new Set(after.targets)], labels.officials));
  return rows;
}
