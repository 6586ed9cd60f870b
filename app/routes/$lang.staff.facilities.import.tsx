// Importing a facility list from CSV: upload for a dry run (every line reported, nothing
// written), then Apply: new facilities become drafts and differences pending changes, each
// approved by a second staff member on the facility's page.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { noStore, requireStaff, staffNavFor } from "~/staff/accounts/session.server";
import { FacilityImportView } from "~/staff/reference/facility-import-view";
import { submitFacilityImport, type FacilityImportData } from "~/staff/reference/submit-facility-import.server";
import { StaffNav } from "~/staff/staff-nav";
import styles from "~/styles/staff.css";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["staff", "reference-data"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "reference:edit");
  return json({ nav: staffNavFor(state, language), language }, { headers: noStore });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const state = await requireStaff(request, "reference:edit");
  const outcome = await submitFacilityImport(state, request);
  if ("applied" in outcome) return redirect(`/${language}/staff/facilities?show=waiting&imported=${outcome.applied}`, { status: 303, headers: noStore });
  return json<FacilityImportData>(outcome.data, { status: outcome.status, headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

export default function FacilityImportPage() {
  const { nav, language } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <article aria-labelledby="reference-title">
      <StaffNav nav={nav} />
      <FacilityImportView language={language} result={result ?? null} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
