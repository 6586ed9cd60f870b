// The posts of the facility import page: a file for a dry run, and Apply with the same file's
// content (carried in the page as base64, so a browser without JavaScript need not upload
// it again). The apply analyses the content again: nothing from the page is trusted.
import { unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";

import type { StaffSessionState } from "~/staff/accounts/session.server";
import { formFields } from "~/utils/form-fields";

import { FACILITY_IMPORT_MAX_BYTES, type FacilityImportReport } from "./facility-import";
import { applyFacilityImport, checkFacilityImport } from "./facility-import.server";

export type FacilityImportData = { problem: "no-file" | "too-large" | null; report: FacilityImportReport | null; content: string | null; fileName: string };
export type FacilityImportOutcome = { applied: number } | { status: number; data: FacilityImportData };

export async function submitFacilityImport(state: StaffSessionState, request: Request): Promise<FacilityImportOutcome> {
  const refuse = (problem: "no-file" | "too-large"): FacilityImportOutcome => ({ status: problem === "too-large" ? 413 : 400, data: { problem, report: null, content: null, fileName: "" } });
  if (Number(request.headers.get("Content-Length") ?? "0") > FACILITY_IMPORT_MAX_BYTES * 2) return refuse("too-large");
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: FACILITY_IMPORT_MAX_BYTES * 2 }));
  } catch (error) {
    return refuse(error instanceof Error && /exceeded|too large|maxPartSize/i.test(`${error.name} ${error.message}`) ? "too-large" : "no-file");
  }
  const fields = formFields(form);
  const fileName = fields.line("fileName", 200);
  if (fields.choice("intent", ["apply"] as const)) {
    // The file's content as base64 (a third longer than the file).
    const bytes = new Uint8Array(Buffer.from(fields.line("content", FACILITY_IMPORT_MAX_BYTES * 2), "base64"));
    const { applied, report } = await applyFacilityImport(state.staff, bytes);
    if (applied) return { applied: report.counts.new + report.counts.update };
    return { status: 400, data: { problem: null, report, content: null, fileName } };
  }
  const file = fields.file("file");
  if (!file) return refuse("no-file");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const report = await checkFacilityImport(state.staff, bytes);
  const clean = !report.fileProblem && report.counts.error === 0;
  return { status: 200, data: { problem: null, report, content: clean ? Buffer.from(bytes).toString("base64") : null, fileName: file.name.slice(0, 200) } };
}
