// Campaigns in the back office: moderators see all of them, campaigners their own and the
// published ones. Read-only list; the editing happens on each campaign's page.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { noStore } from "~/staff/accounts/session.server";
import { STATUS_KEYS } from "~/staff/campaigns/campaign-editor-form";
import { campaignListPage, requireCampaignStaff } from "~/staff/campaigns/campaign-editor-page.server";
import { StaffNav } from "~/staff/staff-nav";
import editorStyles from "~/styles/campaign-editor.css";
import styles from "~/styles/staff.css";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";

export const handle = { i18n: ["staff", "campaign-editor"] };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: editorStyles },
];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireCampaignStaff(request);
  return json(await campaignListPage(state, language), { headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

export default function StaffCampaignsPage() {
  const { nav, language, campaigns, mayCreate } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article aria-labelledby="campaigns-title">
      <StaffNav nav={nav} />
      <h1 id="campaigns-title">{t("campaign-editor:list.title")}</h1>
      {mayCreate ? (
        <p>
          <Link to={`/${language}/staff/campaigns/new`}>{t("campaign-editor:list.new")}</Link>
        </p>
      ) : null}
      {campaigns.length === 0 ? (
        <p>{t("campaign-editor:list.empty")}</p>
      ) : (
        <table className="staff-table">
          <caption>{t("campaign-editor:list.caption", { count: campaigns.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("campaign-editor:list.campaign")}</th>
              <th scope="col">{t("campaign-editor:list.status")}</th>
              <th scope="col">{t("campaign-editor:list.author")}</th>
              <th scope="col">{t("campaign-editor:list.updated")}</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((campaign) => (
              <tr key={campaign.id} data-slug={campaign.slug}>
                <td>
                  <Link to={`/${language}/staff/campaigns/${campaign.id}`}>{campaign.title ?? campaign.slug}</Link>
                  <br />
                  {campaign.slug}
                </td>
                <td>
                  {t(STATUS_KEYS[campaign.status])}
                  {campaign.pendingChanges > 0 ? (
                    <>
                      <br />
                      <strong data-testid="pending-changes">{t("campaign-editor:list.pending")}</strong>
                    </>
                  ) : null}
                </td>
                <td>
                  {campaign.author ?? t("campaign-editor:list.no-author")}
                  {campaign.own ? ` ${t("campaign-editor:list.you")}` : ""}
                </td>
                <td>{campaign.updated}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
