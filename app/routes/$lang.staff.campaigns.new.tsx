// A new campaign: starts as a draft by whoever creates it. The same form as the edit page.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { noStore, requireStaff, staffNavFor } from "~/staff/accounts/session.server";
import { CampaignEditorForm } from "~/staff/campaigns/campaign-editor-form";
import { createCampaign, listEditorOptions } from "~/staff/campaigns/campaign-editor.server";
import { readCampaignForm, type CampaignFormValues } from "~/staff/campaigns/campaign-form";
import { StaffNav } from "~/staff/staff-nav";
import editorStyles from "~/styles/campaign-editor.css";
import styles from "~/styles/staff.css";
import { getFixedT } from "~/utils/i18next.server";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["staff", "campaign-editor"] };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: editorStyles },
];
export const headers: HeadersFunction = () => noStore;

const EMPTY: CampaignFormValues = { slug: "", goal: "", deadline: "", texts: {}, prisoners: [], targets: [] };

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "campaign:create");
  const [options, t] = await Promise.all([listEditorOptions(language), getFixedT(language, ["common", "campaign-editor"])]);
  return json(
    { nav: staffNavFor(state, language), ...options, meta: { title: t("common:page-title", { page: t("campaign-editor:new.title") }) } },
    { headers: noStore },
  );
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const state = await requireStaff(request, "campaign:create");
  const read = readCampaignForm(await request.formData());
  if (!read.ok) return json({ values: read.values, errors: read.errors }, { status: 400, headers: noStore });
  const result = await createCampaign(state.staff, read.campaign);
  if (result.ok) throw redirect(`/${language}/staff/campaigns/${result.id}?done=created`, { headers: noStore });
  const errors = "fieldErrors" in result ? result.fieldErrors : {};
  return json({ values: read.values, errors }, { status: 400, headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

export default function NewCampaignPage() {
  const { nav, prisoners, officials } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <article aria-labelledby="new-campaign-title">
      <StaffNav nav={nav} />
      <h1 id="new-campaign-title">{t("campaign-editor:new.title")}</h1>
      <p>{t("campaign-editor:new.lead")}</p>
      <CampaignEditorForm values={result?.values ?? EMPTY} errors={result?.errors ?? {}} prisoners={prisoners} officials={officials} submitLabel={t("campaign-editor:new.submit")} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
