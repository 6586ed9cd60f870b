// What the import pages of the back office show: the upload page's list of recent imports,
// and one import's dry-run report, page by page, with the Apply button for whoever may.
import type { Language } from "~/i18n";
import { noStore, staffNavFor, type StaffSessionState } from "~/staff/accounts/session.server";
import { can } from "~/staff/permissions";
import { formatDate, formatNumber } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";

import { mayStartApply } from "./import-state";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, REPORT_PAGE_SIZE, ROW_OUTCOMES } from "./prisoner-import";
import { findImport, listImports } from "./prisoner-import.server";

/** Why an apply was not started, as the report page is told after the redirect. */
export const APPLY_NOTICES = ["forbidden", "not-checked", "has-errors"] as const;
export type ApplyNotice = (typeof APPLY_NOTICES)[number];

const limitsIn = (language: Language) => ({ megabytes: formatNumber(IMPORT_MAX_BYTES / 1024 / 1024, language), rows: formatNumber(IMPORT_MAX_ROWS, language) });

export async function importListPage(state: StaffSessionState, language: Language) {
  const [imports, t] = await Promise.all([listImports(), getFixedT(language, ["common", "prisoner-import"])]);
  return {
    nav: staffNavFor(state, language),
    language,
    limits: limitsIn(language),
    imports: imports.map((item) => ({
      ...item,
      createdAt: formatDate(item.createdAt.toISOString().slice(0, 10), "DAY", language),
      rows: formatNumber(item.totalRows, language),
    })),
    meta: { title: t("common:page-title", { page: t("prisoner-import:upload.title") }) },
  };
}

/** One import's report; `search` picks the rows (all or with problems), the page and the notice. */
export async function importReportPage(state: StaffSessionState, id: string, language: Language, search: URLSearchParams) {
  const found = await findImport(id);
  if (!found) throw new Response("Not found", { status: 404, headers: noStore });
  const onlyProblems = search.get("rows") === "problems";
  const rows = onlyProblems ? found.report.rows.filter((row) => row.problems.length > 0) : found.report.rows;
  const pages = Math.max(1, Math.ceil(rows.length / REPORT_PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number.parseInt(search.get("page") ?? "1", 10) || 1));
  const t = await getFixedT(language, ["common", "prisoner-import"]);
  const n = (value: number) => formatNumber(value, language);
  const { report } = found;
  return {
    nav: staffNavFor(state, language),
    language,
    id: found.id,
    fileName: found.fileName,
    state: found.state,
    encoding: found.encoding,
    staffName: found.staffName,
    own: found.staffId === state.staff.id,
    mayApply: mayStartApply(state.actor, found),
    mayReview: can(state.actor, "prisoner:approve-change"),
    fileProblem: report.fileProblem,
    failure: report.failure ?? null,
    applied: report.applied ?? null,
    limits: limitsIn(language),
    columns: report.columns,
    counts: ROW_OUTCOMES.map((outcome) => ({ outcome, count: report.counts[outcome], text: n(report.counts[outcome]) })),
    warnings: report.warnings,
    total: report.rows.length,
    progress: { processed: found.processedRows, total: found.totalRows, processedText: n(found.processedRows), totalText: n(found.totalRows) },
    onlyProblems,
    page,
    pages,
    pageRows: rows.slice((page - 1) * REPORT_PAGE_SIZE, page * REPORT_PAGE_SIZE),
    shownRows: n(rows.length),
    notice: APPLY_NOTICES.find((key) => key === search.get("notice")) ?? null,
    meta: { title: t("common:page-title", { page: t("prisoner-import:report.title", { file: found.fileName }) }) },
  };
}
