// The shape of content translations (fields, limits, states), shared by the server module and
// the editor page; the rules about who may do what are in content-translations.server.ts.
// Facts (a prisoner's sourced statements) and charges (reference data) have no review column of
// their own: a text of a published profile or of an approved charge is reviewed, and a change
// waits in the profile review queue or the reference review as PENDING_CHANGE.
export type ContentKind = "prisoner" | "campaign" | "fact" | "charge";
export const CONTENT_KINDS: readonly ContentKind[] = ["prisoner", "campaign", "fact", "charge"];
export type ContentState = "missing" | "NEEDS_REVIEW" | "REVIEWED" | "PENDING_CHANGE";
/** One field in one language: as a text's state, or "nothing" when no language has it yet. */
export type FieldState = ContentState | "nothing";

export const CONTENT_FIELDS: Record<ContentKind, readonly { name: string; max: number; required: boolean; multiline: boolean }[]> = {
  prisoner: [
    { name: "summary", max: 300, required: true, multiline: false },
    { name: "biography", max: 10_000, required: false, multiline: true },
  ],
  campaign: [
    { name: "title", max: 160, required: true, multiline: false },
    { name: "summary", max: 1_000, required: true, multiline: true },
    { name: "ask", max: 2_000, required: true, multiline: true },
  ],
  // The profile editor's and the reference form's limits (profile-form.ts, reference-fields.ts).
  fact: [{ name: "text", max: 2_000, required: true, multiline: true }],
  charge: [
    { name: "name", max: 200, required: true, multiline: false },
    { name: "explanation", max: 2_000, required: false, multiline: true },
  ],
};

export type ContentFieldError = "required" | "too-long" | "html";
