// The two posts of the import pages: an uploaded file for a dry run (its size and source
// checked here, before anything is parsed), and Apply on a checked import.
import { unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";

import { noStore, type StaffSessionState } from "~/staff/accounts/session.server";
import { formFields } from "~/utils/form-fields";

import type { ApplyNotice } from "./import-page.server";
import { IMPORT_FORM_MAX_BYTES, IMPORT_MAX_BYTES } from "./prisoner-import";
import { checkImport, startApply } from "./prisoner-import.server";

export type UploadProblem = "no-file" | "too-large" | "source-url";
export type UploadData = { problem: UploadProblem; values: { sourceTitle: string; sourceUrl: string } };
export type UploadOutcome = { importId: string } | { status: number; data: UploadData };

const refuse = (problem: UploadProblem, values: UploadData["values"]): UploadOutcome => ({ status: problem === "too-large" ? 413 : 400, data: { problem, values } });

export async function submitImportUpload(state: StaffSessionState, request: Request): Promise<UploadOutcome> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  // The form's own fields add a little; anything far above the limit is refused unread.
  if (declared > IMPORT_FORM_MAX_BYTES) return refuse("too-large", { sourceTitle: "", sourceUrl: "" });
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: IMPORT_MAX_BYTES }));
  } catch (error) {
    const tooLarge = error instanceof Error && /exceeded|too large|maxPartSize/i.test(`${error.name} ${error.message}`);
    return refuse(tooLarge ? "too-large" : "no-file", { sourceTitle: "", sourceUrl: "" });
  }
  const fields = formFields(form);
  const values = {
    sourceTitle: fields.line("sourceTitle", 1_000).trim().slice(0, 300),
    sourceUrl: fields.line("sourceUrl", 1_000).trim().slice(0, 500),
  };
  if (values.sourceUrl && !/^https?:\/\/[^\s]+$/i.test(values.sourceUrl)) return refuse("source-url", values);
  const file = fields.file("file");
  if (!file) return refuse("no-file", values);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { id } = await checkImport(state.staff, {
    fileName: file.name || "import.csv",
    bytes,
    sourceTitle: values.sourceTitle || null,
    sourceUrl: values.sourceUrl || null,
  });
  return { importId: id };
}

/** Starts the apply; null when it started, else the notice the report page shows. No such import: 404; not theirs: 403. */
export async function submitImportApply(state: StaffSessionState, id: string): Promise<ApplyNotice | null> {
  const result = await startApply(state.actor, id);
  if (result.ok) return null;
  if (result.reason === "not-found") throw new Response("Not found", { status: 404, headers: noStore });
  if (result.reason === "forbidden") throw new Response("Forbidden", { status: 403, headers: noStore });
  return result.reason;
}
