import type { LinksFunction, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { loadCampaignListPage } from "~/campaigns/campaign-page.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLanguageNames } from "~/components/language-name";
import { CampaignProgress } from "~/components/progress-bar";
import { TranslatedText } from "~/components/translated-text";
import { type Language } from "~/i18n";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/campaigns.css";
import { errorPageMeta, originFrom, pageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";

export const handle = { i18n: ["campaigns"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ params }: LoaderFunctionArgs) {
  return loadCampaignListPage(requireLanguage(params));
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, location, error }) => {
  if (!data) return errorPageMeta(matches, error);
  return pageMeta({ ...data.meta, origin: originFrom(matches), pathname: location.pathname });
};

type Campaign = SerializeFrom<typeof loader>["campaigns"][number];

export default function CampaignsPage() {
  const { language, campaigns } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const open = campaigns.filter((campaign) => campaign.status === "PUBLISHED");
  const closed = campaigns.filter((campaign) => campaign.status === "CLOSED");
  const languageNames = useLanguageNames();
  const fallbackLanguages = new Set(
    campaigns
      .flatMap((campaign) => [campaign.title, campaign.summary])
      .filter((text) => text?.isFallback)
      .map((text) => text!.locale),
  );

  return (
    <div className="campaigns">
      <h1>{t("campaigns:list.title")}</h1>
      <p className="campaigns__lead">{t("campaigns:list.lead")}</p>

      {fallbackLanguages.size > 0 ? (
        <p className="notice" role="note">
          {t("campaigns:list.not-translated", {
            languages: languageNames(fallbackLanguages),
          })}
        </p>
      ) : null}

      <section aria-labelledby="open-campaigns">
        <h2 id="open-campaigns">{t("campaigns:list.open-heading")}</h2>
        {open.length === 0 ? <p>{t("campaigns:list.empty")}</p> : <CampaignList campaigns={open} language={language} />}
      </section>

      {closed.length > 0 ? (
        <section aria-labelledby="closed-campaigns">
          <h2 id="closed-campaigns">{t("campaigns:list.closed-heading")}</h2>
          <CampaignList campaigns={closed} language={language} />
        </section>
      ) : null}
    </div>
  );
}

function CampaignList({ campaigns, language }: { campaigns: Campaign[]; language: Language }) {
  const { t } = useTranslation();
  return (
    <ul className="campaign-list">
      {campaigns.map((campaign) => (
        <li key={campaign.slug}>
          <article className="campaign-card" aria-labelledby={`campaign-${campaign.slug}`}>
            <h3 className="campaign-card__title" id={`campaign-${campaign.slug}`}>
              <Link to={`/${language}/campaigns/${campaign.slug}`}>
                {campaign.title ? <TranslatedText value={campaign.title} /> : t("campaigns:untitled")}
              </Link>
            </h3>
            {campaign.summary ? (
              <p className="campaign-card__summary">
                <TranslatedText value={campaign.summary} />
              </p>
            ) : null}
            <CampaignProgress id={`progress-${campaign.slug}`} campaign={campaign} />
            <ul className="campaign-card__facts">
              <li>
                {campaign.displayDeadline
                  ? t("campaigns:deadline.date", { date: campaign.displayDeadline })
                  : t("campaigns:deadline.none")}
              </li>
              <li>{t("campaigns:prisoner-count", { count: campaign.prisonerCount })}</li>
            </ul>
          </article>
        </li>
      ))}
    </ul>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
