// One charge: its form (an edit of an approved one waits for review), the waiting change with
// approve / reject for a reviewer who wrote none of it, and its history.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { noStore, requireStaff } from "~/staff/accounts/session.server";
import { referenceEditPage } from "~/staff/reference/reference-page.server";
import { ReferenceEdit } from "~/staff/reference/reference-view";
import { submitReference, type ReferenceData } from "~/staff/reference/submit-reference.server";
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
  return json(await referenceEditPage(state, "charge", params.id ?? "", language), { headers: noStore });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const state = await requireStaff(request, "reference:edit");
  const outcome = await submitReference(state, "charge", params.id ?? "", request);
  if ("done" in outcome) return redirect(`/${language}/staff/charges/${outcome.id}?done=${outcome.done}`, { status: 303, headers: noStore });
  return json<ReferenceData>(outcome.data, { status: outcome.status, headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

export default function ChargeEditPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  return (
    <article aria-labelledby="reference-title">
      <StaffNav nav={page.nav} />
      <ReferenceEdit
        kind={page.kind}
        language={page.language}
        id={page.id}
        reviewState={page.reviewState}
        facility={result?.facility ?? page.facility}
        charge={result?.charge ?? page.charge}
        errors={result?.errors ?? {}}
        pending={page.pending}
        history={page.history}
        done={search.get("done")}
        problem={result?.problem ?? null}
        reason={result?.reason ?? ""}
      />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
