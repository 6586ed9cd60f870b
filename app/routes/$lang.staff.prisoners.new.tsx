// A new prisoner profile: always a draft, invisible on the public site until a moderator
// other than its creator publishes it. The same form as the edit page (photo included).
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { noStore, requireStaff } from "~/staff/accounts/session.server";
import { ProfileEditorForm } from "~/staff/profiles/profile-editor-form";
import { newProfilePage } from "~/staff/profiles/profile-editor-page.server";
import { EMPTY_PROFILE_VALUES } from "~/staff/profiles/profile-form";
import { submitNewProfile, type NewProfileData } from "~/staff/profiles/submit-profile-edit.server";
import { StaffNav } from "~/staff/staff-nav";
import editorStyles from "~/styles/profile-editor.css";
import styles from "~/styles/staff.css";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["staff", "profile-editor"] };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: editorStyles },
];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "prisoner:edit");
  return json(await newProfilePage(state, language), { headers: noStore });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const state = await requireStaff(request, "prisoner:edit");
  const outcome = await submitNewProfile(state, request);
  if ("createdId" in outcome) throw redirect(`/${language}/staff/prisoners/${outcome.createdId}?done=created`, { headers: noStore });
  return json<NewProfileData>(outcome.data, { status: outcome.status, headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

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
      <ProfileEditorForm values={result?.values ?? EMPTY_PROFILE_VALUES} errors={result?.errors ?? {}} facilities={facilities} sources={sources} chargeTypes={chargeTypes} submitLabel={t("profile-editor:new.submit")} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
