// The CSV exports behind the dashboard. GET is allowed (an export changes nothing), but each
// one is audited: who exported which file with which filters, never what was in it. Every
// cell goes through toCsv, which neutralises cells a spreadsheet would run as formulas.
import { requireStaff } from "~/staff/accounts/session.server";
import { audit, type AuditAction } from "~/staff/audit.server";
import { toCsv } from "~/staff/csv";
import { can } from "~/staff/permissions";
import { getPrisma } from "~/utils/database.server";
import { requireLanguage } from "~/utils/route.server";

import { exportActionRows, exportAppealRows, exportPledgeRows, parseDashboardFilters, type DashboardFilters } from "./dashboard.server";

export type ExportKind = "actions" | "appeals" | "pledges";

/** Does this request ask for the pledges with contact addresses? Only an explicit "yes". */
export function wantsContact(url: URL): boolean {
  return url.searchParams.get("contact") === "yes";
}

export async function exportCsv(request: Request, params: { lang?: string }, kind: ExportKind, now: Date = new Date()): Promise<Response> {
  requireLanguage(params);
  const url = new URL(request.url);
  const withContact = kind === "pledges" && wantsContact(url);
  const state = await requireStaff(request, "export:actions", { now });
  // Addresses only for the role that may have them; asking without it is refused, not quietly downgraded.
  if (withContact && !can(state.actor, "export:pledges-with-contact")) {
    throw new Response("Forbidden", { status: 403, headers: { "Cache-Control": "no-store" } });
  }
  // Bad filters fall back to the defaults, as on the dashboard.
  const { filters } = await parseDashboardFilters(url.searchParams, now);
  const { header, rows } =
    kind === "actions" ? await exportActionRows(filters) : kind === "appeals" ? await exportAppealRows(filters) : await exportPledgeRows(filters, { withContact });
  const action: AuditAction =
    kind === "actions" ? "export.actions" : kind === "appeals" ? "export.appeals" : withContact ? "export.pledges-with-contact" : "export.pledges";
  await audit(getPrisma(), state.staff, action, null, auditDetails(filters, rows.length), now);
  const name = `listy-${kind}${withContact ? "-with-contact" : ""}-${filters.from}-${filters.to}.csv`;
  return new Response(toCsv(header, rows), {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function auditDetails(filters: DashboardFilters, rows: number) {
  return { campaign: filters.campaignId, from: filters.from, to: filters.to, rows };
}
