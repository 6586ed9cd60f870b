// The charge types of the back office: every row with its review state, those waiting for a
// second person first to find with ?show=waiting.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { noStore } from "~/staff/accounts/session.server";
import { loadReferenceList } from "~/staff/reference/reference-routes.server";
import { ReferenceListPage } from "~/staff/reference/reference-view";
import styles from "~/styles/staff.css";
import { noindexPageMeta } from "~/utils/meta";

export const handle = { i18n: ["staff", "reference-data"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => noStore;

export const loader = (args: LoaderFunctionArgs) => loadReferenceList(args, "charge");

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

export default function ChargesPage() {
  return <ReferenceListPage />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
