// The facilities of the back office: every row with its review state, those waiting for a
// second person first to find with ?show=waiting.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { noStore, requireStaff } from "~/staff/accounts/session.server";
import { referenceListPage } from "~/staff/reference/reference-page.server";
import { ReferenceList } from "~/staff/reference/reference-view";
import { StaffNav } from "~/staff/staff-nav";
import styles from "~/styles/staff.css";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";

export const handle = { i18n: ["staff", "reference-data"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "reference:edit");
  return json(await referenceListPage(state, "facility", language, new URL(request.url).searchParams), { headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

export default function FacilitiesPage() {
  const { nav, language, kind, items, onlyWaiting, mayImport } = useLoaderData<typeof loader>();
  return (
    <article aria-labelledby="reference-title">
      <StaffNav nav={nav} />
      <ReferenceList kind={kind} language={language} items={items} onlyWaiting={onlyWaiting} mayImport={mayImport} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
