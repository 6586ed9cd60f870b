// A new prisoner profile: always a draft, invisible on the public site until a moderator
// other than its creator publishes it. The same form as the edit page (photo included).
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { createProfile, listChargeTypeOptions, listFacilityOptions, listSourceOptions } from "~/staff/profiles/prisoner-profile.server";
import { formValuesOf, readProfileForm, rowErrorsFor, withMoreRows } from "~/staff/profiles/profile-form";
import { readProfileSubmission, readRequestForm, unreadableSubmission } from "~/staff/profiles/profile-submission.server";
import { noStore, requireStaff, staffNavFor } from "~/staff/accounts/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ProfileEditorForm } from "~/staff/profiles/profile-editor-form";
import type { ProfileErrorCode } from "~/staff/profiles/profile-labels";
import { StaffNav } from "~/staff/staff-nav";
import type { loader as rootLoader } from "~/root";
import editorStyles from "~/styles/profile-editor.css";
import styles from "~/styles/staff.css";
import { getFixedT } from "~/utils/i18next.server";
import { errorPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["backoffice", "profile-editor"] };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: editorStyles },
];
export const headers: HeadersFunction = () => noStore;

const EMPTY = { ...formValuesOf({}), status: "IN_CUSTODY", letterStatus: "UNKNOWN" };

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "prisoner:edit");
  const [facilities, sources, chargeTypes, t] = await Promise.all([
    listFacilityOptions(language),
    listSourceOptions(),
    listChargeTypeOptions(language),
    getFixedT(language, ["common", "profile-editor"]),
  ]);
  return json({ nav: staffNavFor(state, language), facilities, sources, chargeTypes, meta: { title: t("common:page-title", { page: t("profile-editor:new.title") }) } }, { headers: noStore });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const state = await requireStaff(request, "prisoner:edit");
  const form = await readRequestForm(request);
  if (typeof form !== "string" && form.has("more-rows")) {
    // Without JavaScript the form grows on the server: same values, more blank rows, nothing saved.
    const errors: Record<string, ProfileErrorCode> = {};
    return json({ values: withMoreRows({ ...EMPTY, ...readProfileForm(form).values }), errors, moreRows: true }, { headers: noStore });
  }
  const read = typeof form === "string" ? unreadableSubmission(form) : await readProfileSubmission(form);
  if (!read.ok) return json({ values: { ...EMPTY, ...read.values }, errors: read.errors, moreRows: false }, { status: 400, headers: noStore });
  const result = await createProfile(state.staff, state.actor, read.fields, { note: read.note, photo: read.photo, credit: read.credit });
  if (result.ok) throw redirect(`/${language}/staff/prisoners/${result.id}?done=created`, { headers: noStore });
  const errors: Record<string, ProfileErrorCode> = "fieldErrors" in result ? rowErrorsFor(read.values, result.fieldErrors) : {};
  return json({ values: read.values, errors, moreRows: false }, { status: "fieldErrors" in result ? 400 : 409, headers: noStore });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, error }) => {
  if (!data) return errorPageMeta(matches, error);
  return [{ title: data.meta.title }, { name: "robots", content: "noindex" }];
};

export default function NewProfilePage() {
  const { nav, facilities, sources, chargeTypes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const hasErrors = result && Object.keys(result.errors).length > 0;
  return (
    <article aria-labelledby="new-profile-title">
      <StaffNav nav={nav} />
      <h1 id="new-profile-title">{t("profile-editor:new.title")}</h1>
      <p>{t("profile-editor:new.lead")}</p>
      {result?.moreRows ? (
        <p role="status" className="staff-ok">
          {t("profile-editor:edit.more-rows-added")}
        </p>
      ) : null}
      {hasErrors ? (
        <p role="alert" className="staff-error">
          {t("profile-editor:problems.fix-fields")}
        </p>
      ) : null}
      <ProfileEditorForm values={result?.values ?? EMPTY} errors={result?.errors ?? {}} facilities={facilities} sources={sources} chargeTypes={chargeTypes} submitLabel={t("profile-editor:new.submit")} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
