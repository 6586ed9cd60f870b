// CSV export of pledges (resource route): see app/staff/dashboard/exports.server.ts for who gets what.
import type { LoaderFunctionArgs } from "@remix-run/node";

import { exportCsv } from "~/staff/dashboard/exports.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  return exportCsv(request, params, "pledges");
}
