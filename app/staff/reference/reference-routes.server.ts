// What the routes of reference data share (the list, and the form of a facility or a charge
// type, new or existing): the same permission, the same page data, the same answer to a form.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";

import { noStore, requireStaff } from "~/staff/accounts/session.server";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

import type { ReferenceKind } from "./reference-fields";
import { referenceEditPage, referenceListPage, referencePath } from "./reference-page.server";
import { submitReference, type ReferenceData } from "./submit-reference.server";

export async function loadReferenceList({ params, request }: LoaderFunctionArgs, kind: ReferenceKind) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "reference:edit");
  return json(await referenceListPage(state, kind, language, new URL(request.url).searchParams), { headers: noStore });
}

/** `which`: "new" for the form of a new one, "existing" for the one named by params.id. */
export async function loadReferenceEdit({ params, request }: LoaderFunctionArgs, kind: ReferenceKind, which: "new" | "existing") {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "reference:edit");
  return json(await referenceEditPage(state, kind, which === "new" ? null : (params.id ?? ""), language), { headers: noStore });
}

export async function submitReferenceEdit({ params, request, context }: ActionFunctionArgs, kind: ReferenceKind, which: "new" | "existing") {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const state = await requireStaff(request, "reference:edit");
  const outcome = await submitReference(state, kind, which === "new" ? null : (params.id ?? ""), request);
  if ("done" in outcome) return redirect(`/${language}/staff/${referencePath(kind)}/${outcome.id}?done=${outcome.done}`, { status: 303, headers: noStore });
  return json<ReferenceData>(outcome.data, { status: outcome.status, headers: noStore });
}
