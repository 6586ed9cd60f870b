// A facility list from CSV against the database: the dry run (every line reported, nothing
// written) and the apply (the same analysis again, then in one transaction a draft for each
// new facility and a pending change for each that differs, all for a second person to approve).
import { audit } from "~/staff/audit.server";
import { parseCsv } from "~/staff/csv";
import { getPrisma } from "~/utils/database.server";

import {
  facilityColumnOf,
  FACILITY_IMPORT_MAX_BYTES,
  FACILITY_IMPORT_MAX_ROWS,
  readFacilityRow,
  type FacilityImportReport,
  type FacilityReportRow,
} from "./facility-import";
import { changedFields, type FacilityValues } from "./reference-fields";
import { createDraftFacility, listFacilityValues, proposeFacilityEdit, sameDesignation } from "./reference.server";

interface Planned {
  row: FacilityReportRow;
  values: FacilityValues;
  existingId: string | null;
}

async function analyse(bytes: Uint8Array): Promise<{ report: FacilityImportReport; planned: Planned[] }> {
  const report: FacilityImportReport = { fileProblem: null, ignoredHeaders: [], rows: [], counts: { new: 0, update: 0, unchanged: 0, error: 0 } };
  const fail = (problem: NonNullable<FacilityImportReport["fileProblem"]>) => ({ report: { ...report, fileProblem: problem }, planned: [] });
  if (bytes.length === 0) return fail("empty");
  if (bytes.length > FACILITY_IMPORT_MAX_BYTES) return fail("too-large");
  const parsed = parseCsv(bytes);
  const columns = parsed.header.map(facilityColumnOf);
  report.ignoredHeaders = parsed.header.filter((_, position) => columns[position] === null);
  if (!columns.includes("designation")) return fail("no-designation-column");
  if (parsed.rows.length + parsed.errors.length === 0) return fail("no-rows");
  if (parsed.rows.length + parsed.errors.length > FACILITY_IMPORT_MAX_ROWS) return fail("too-many-rows");
  const existing = await listFacilityValues();
  const planned: Planned[] = [];
  for (const problem of parsed.errors) report.rows.push({ line: problem.line, designation: "", outcome: "error", problems: [{ field: "", code: problem.problem }] });
  const seen: { line: number; values: FacilityValues }[] = [];
  parsed.rows.forEach((cells, index) => {
    const line = parsed.rowLines[index]!;
    const { values, given, problems } = readFacilityRow(cells, columns);
    const earlier = seen.find((other) => values.designation && sameDesignation(other.values, values));
    if (earlier) problems.push({ field: "designation", code: "same-as-line", value: String(earlier.line) });
    seen.push({ line, values });
    const match = values.designation ? existing.find((facility) => sameDesignation(facility.values, values)) : undefined;
    let merged = values;
    let outcome: FacilityReportRow["outcome"] = "new";
    if (match) {
      // Empty cells keep what Listy holds (or what already waits for review).
      const base = match.pending ?? match.values;
      merged = { ...base, names: { ...base.names } };
      for (const field of given) {
        if (field.startsWith("name.")) merged.names[field.slice(5) as keyof FacilityValues["names"]] = values.names[field.slice(5) as keyof FacilityValues["names"]];
        else (merged as unknown as Record<string, string>)[field] = (values as unknown as Record<string, string>)[field]!;
      }
      outcome = changedFields(base as unknown as Record<string, unknown>, merged as unknown as Record<string, unknown>).length > 0 ? "update" : "unchanged";
    }
    const row: FacilityReportRow = { line, designation: values.designation, outcome: problems.length > 0 ? "error" : outcome, problems };
    report.rows.push(row);
    planned.push({ row, values: merged, existingId: match?.id ?? null });
  });
  report.rows.sort((a, b) => a.line - b.line);
  for (const row of report.rows) report.counts[row.outcome]++;
  return { report, planned };
}

export async function checkFacilityImport(staff: { id: string }, bytes: Uint8Array): Promise<FacilityImportReport> {
  const { report } = await analyse(bytes);
  await audit(getPrisma(), staff, "reference.import.check", null, { rows: report.rows.length, errors: report.counts.error });
  return report;
}

/** Writes drafts and pending changes when every line reads; otherwise nothing, and the report says why. */
export async function applyFacilityImport(staff: { id: string }, bytes: Uint8Array): Promise<{ applied: boolean; report: FacilityImportReport }> {
  const { report, planned } = await analyse(bytes);
  if (report.fileProblem || report.counts.error > 0) return { applied: false, report };
  await getPrisma().$transaction(
    async (tx) => {
      for (const plan of planned) {
        if (plan.row.outcome === "new") await createDraftFacility(tx, staff, plan.values);
        else if (plan.row.outcome === "update") await proposeFacilityEdit(tx, staff, plan.existingId!, plan.values);
      }
      await audit(tx, staff, "reference.import.apply", null, { new: report.counts.new, updates: report.counts.update });
    },
    { timeout: 120_000 },
  );
  return { applied: true, report };
}
