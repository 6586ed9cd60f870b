// One facility: its form (an edit of an approved one waits for review), the waiting change with
// approve / reject for a reviewer who wrote none of it, and its history.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { noStore } from "~/staff/accounts/session.server";
import { loadReferenceEdit, submitReferenceEdit } from "~/staff/reference/reference-routes.server";
import { ReferenceEditPage } from "~/staff/reference/reference-view";
import styles from "~/styles/staff.css";
import { noindexPageMeta } from "~/utils/meta";

export const handle = { i18n: ["staff", "reference-data"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => noStore;

export const loader = (args: LoaderFunctionArgs) => loadReferenceEdit(args, "facility", "existing");
export const action = (args: ActionFunctionArgs) => submitReferenceEdit(args, "facility", "existing");

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

export default function FacilityEditPage() {
  return <ReferenceEditPage />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
