// A new official: a draft, with its contacts pending, until a second staff member approves it.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { noStore, requireStaff } from "~/staff/accounts/session.server";
import { OfficialEditorForm } from "~/staff/officials/official-editor-form";
import { EMPTY_OFFICIAL_VALUES } from "~/staff/officials/official-form";
import { newOfficialPage } from "~/staff/officials/official-page.server";
import { submitNewOfficial, type OfficialEditData } from "~/staff/officials/submit-official.server";
import { StaffNav } from "~/staff/staff-nav";
import editorStyles from "~/styles/profile-editor.css";
import styles from "~/styles/staff.css";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["staff", "officials"] };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: editorStyles },
];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "official:edit");
  return json(await newOfficialPage(state, language), { headers: noStore });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const state = await requireStaff(request, "official:edit");
  const outcome = await submitNewOfficial(state, await request.formData());
  if ("done" in outcome) throw redirect(`/${language}/staff/officials/${outcome.id}?done=${outcome.done}`, { headers: noStore });
  return json<OfficialEditData>(outcome.data, { status: outcome.status, headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

export default function NewOfficialPage() {
  const { nav, language, sources } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const form = result?.kind === "form" ? result : null;
  return (
    <article aria-labelledby="new-official-title">
      <StaffNav nav={nav} />
      <p>
        <Link to={`/${language}/staff/officials`}>{t("officials:edit.back")}</Link>
      </p>
      <h1 id="new-official-title">{t("officials:new.title")}</h1>
      <p>{t("officials:new.lead")}</p>
      {form && Object.keys(form.errors).length > 0 ? (
        <p role="alert" className="staff-error">
          {t("officials:problems.fix-fields")}
        </p>
      ) : null}
      <OfficialEditorForm values={form?.values ?? EMPTY_OFFICIAL_VALUES} errors={form?.errors ?? {}} sources={sources} submitLabel={t("officials:new.submit")} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
