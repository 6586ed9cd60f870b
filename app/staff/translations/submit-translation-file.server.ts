// The posts of a translation file page: one key's translation (checked with the rules of
// `npm run i18n:check`), a whole locale file uploaded (multipart), or a reviewer's decision on
// a proposed change to a reviewed key (approve or reject one version of it).
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";

import type { Namespace } from "~/i18n";
import { noStore } from "~/staff/accounts/session.server";
import type { Actor } from "~/staff/permissions";
import { formFields } from "~/utils/form-fields";

import { PROPOSAL_DECISIONS, type ProposalDecision } from "./interface-proposal-state";
import { showOf } from "./interface-translations";
import { decideProposal, MAX_UPLOAD_BYTES, saveKey, uploadLocaleFile, type KeyProblem, type TargetLanguage } from "./interface-translations.server";

export type TranslationFileData =
  | { intent: "save"; key: string; values: Record<string, string>; error: "unknown-key" | "broken-file" | "invalid"; problems: KeyProblem[] }
  | { intent: "upload"; error: "too-large" | "not-utf8" | "empty" | "no-file" | "invalid"; problems: KeyProblem[]; warnings: KeyProblem[] }
  | { intent: "decide"; proposal: string; error: "not-found" | "forbidden" | "stale" | "invalid"; problems: KeyProblem[] };
/** Where to go after a success: the query of the file page. */
export type TranslationFileOutcome = { query: string } | { status: number; data: TranslationFileData };

const uploadRefused = (error: "too-large" | "no-file"): TranslationFileOutcome => ({ status: 400, data: { intent: "upload", error, problems: [], warnings: [] } });

const DECIDE_STATUS = { "not-found": 404, forbidden: 403, stale: 409, invalid: 400 } as const;

export async function submitTranslationFile(
  { staff, actor }: { staff: { id: string }; actor: Actor },
  locale: TargetLanguage,
  ns: Namespace,
  request: Request,
): Promise<TranslationFileOutcome> {
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }));
    } catch (error) {
      return uploadRefused(error instanceof MaxPartSizeExceededError ? "too-large" : "no-file");
    }
    const file = formFields(form).file("file");
    if (!file) return uploadRefused("no-file");
    const result = await uploadLocaleFile(staff, locale, ns, new Uint8Array(await file.arrayBuffer()));
    if (!result.ok) {
      const problems = result.error === "invalid" ? result.problems : [];
      const warnings = result.error === "invalid" ? result.warnings : [];
      return { status: 400, data: { intent: "upload", error: result.error, problems, warnings } };
    }
    const note = result.saved ? `saved-${result.changedKeys}-${result.warnings.length}` : "unchanged";
    return { query: `show=todo&uploaded=${note}${result.proposedKeys > 0 ? `&proposed-count=${result.proposedKeys}` : ""}` };
  }

  const fields = formFields(await request.formData());
  const move: ProposalDecision | null = fields.choice("intent", PROPOSAL_DECISIONS);
  if (move) {
    const proposal = fields.line("proposal", 100);
    const version = fields.integer("version", 0, Number.MAX_SAFE_INTEGER);
    if (!proposal || version === null) throw new Response("Bad Request", { status: 400, headers: noStore });
    const result = await decideProposal(staff, actor, locale, ns, { proposalId: proposal, version, move });
    if (!result.ok) {
      const problems = result.error === "invalid" ? result.problems : [];
      return { status: DECIDE_STATUS[result.error], data: { intent: "decide", proposal, error: result.error, problems } };
    }
    return { query: `show=review&${move === "approve" ? "approved" : "rejected"}=${encodeURIComponent(result.key)}` };
  }

  const key = fields.line("key", 200);
  if (!key) throw new Response("Bad Request", { status: 400, headers: noStore });
  const values: Record<string, string> = {};
  // One box for a plain text ("value"), one per plural form ("value-few") otherwise.
  for (const form of ["", "zero", "one", "two", "few", "many", "other"]) {
    const name = form ? `value-${form}` : "value";
    if (fields.sent(name)) values[form] = fields.text(name, 5_000);
  }
  const result = await saveKey(staff, locale, ns, key, values);
  if (!result.ok) {
    const problems = result.error === "invalid" ? result.problems : [];
    return { status: 400, data: { intent: "save", key, values, error: result.error, problems } };
  }
  const show = fields.sent("show") ? fields.line("show", 20) : (new URL(request.url).searchParams.get("show") ?? "todo");
  return { query: `show=${showOf(show)}&${result.outcome === "proposed" ? "proposed" : "saved"}=${encodeURIComponent(key)}` };
}
