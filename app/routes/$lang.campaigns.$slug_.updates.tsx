// /:lang/campaigns/:slug/updates: every published update of a public campaign, newest first,
// in the page's language where written in it (app/campaigns/campaign-updates.server.ts).
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { loadCampaignUpdatesPage } from "~/campaigns/campaign-page.server";
import { CampaignUpdateList } from "~/campaigns/campaign-update-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/campaigns.css";
import reachStyles from "~/styles/reach.css";
import { atomFeedLink, errorPageMeta, originFrom, pageMeta } from "~/utils/meta";
import { requireLanguage, requirePublicSlug } from "~/utils/route.server";

export const handle = { i18n: ["campaigns", "reach"] };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: reachStyles },
];

export async function loader({ params }: LoaderFunctionArgs) {
  return loadCampaignUpdatesPage(requirePublicSlug(params.slug), requireLanguage(params));
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, location, error }) => {
  if (!data) return errorPageMeta(matches, error);
  const feed = atomFeedLink(`/${data.language}/campaigns/${data.campaign.slug}/feed.atom`, data.meta.title);
  return [...pageMeta({ ...data.meta, origin: originFrom(matches), pathname: location.pathname }), feed];
};

export default function CampaignUpdatesPage() {
  const { language, campaign, updates, more } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article className="campaign" aria-labelledby="updates-title">
      <p className="breadcrumb">
        <Link to={`/${language}/campaigns/${campaign.slug}`} lang={campaign.titleLocale === language ? undefined : campaign.titleLocale}>
          {campaign.title}
        </Link>
      </p>
      <h1 id="updates-title">{t("reach:updates.page-title")}</h1>
      {updates.length === 0 ? <p>{t("reach:updates.none")}</p> : <CampaignUpdateList updates={updates} language={language} headingLevel={2} />}
      {more ? <p>{t("reach:updates.older-in-feed")}</p> : null}
      <ul className="follow-links">
        <li>
          <a href={`/${language}/campaigns/${campaign.slug}/feed.atom`} type="application/atom+xml">
            {t("reach:events.feed")}
          </a>
        </li>
        <li>
          <a href={`/${language}/updates.atom`} type="application/atom+xml">
            {t("reach:updates.site-feed")}
          </a>
        </li>
      </ul>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
