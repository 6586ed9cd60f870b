// The public page of a campaign as it will look once a pending revision is applied (or a draft
// in review is published), for the moderators who decide. It is the public page's own
// component, fed with the preview's data, inside a frame that says it is not public yet.
// Staff only, noindex, no-store; forms inside are disabled so nothing is pledged from here.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { noStore } from "~/staff/accounts/session.server";
import { requireCampaignStaff } from "~/staff/campaigns/campaign-editor-page.server";
import { CampaignPreviewFrame } from "~/staff/campaigns/campaign-preview-frame";
import { campaignPreviewPage } from "~/staff/campaigns/campaign-preview.server";
import previewStyles from "~/styles/campaign-preview.css";
import { noindexPageMeta } from "~/utils/meta";
import { publicOrigin, requireLanguage } from "~/utils/route.server";

import CampaignPage, { handle as campaignHandle, links as campaignLinks } from "./$lang.campaigns.$slug";

export const handle = { i18n: [...campaignHandle.i18n, "campaign-editor"] };
export const links: LinksFunction = () => [...campaignLinks(), { rel: "stylesheet", href: previewStyles }];
export const headers: HeadersFunction = () => ({ ...noStore, "X-Robots-Tag": "noindex" });

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireCampaignStaff(request);
  const revision = new URL(request.url).searchParams.get("revision");
  const page = await campaignPreviewPage(state, params.id ?? "", revision, language, publicOrigin(request, context));
  return json(page, { headers: { ...noStore, "X-Robots-Tag": "noindex" } });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

export default function CampaignPreviewPage() {
  const { preview } = useLoaderData<typeof loader>();
  return (
    <div className="campaign-preview">
      <CampaignPreviewFrame preview={preview} />
      {/* Disabled: a pledge sent from a preview would be counted on the live campaign. */}
      <fieldset disabled className="campaign-preview__page">
        <CampaignPage />
      </fieldset>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
