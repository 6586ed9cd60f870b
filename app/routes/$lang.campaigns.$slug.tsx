import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { loadCampaignFollowing } from "~/campaigns/campaign-feeds.server";
import { loadCampaignPage } from "~/campaigns/campaign-page.server";
import { CampaignUpdateList } from "~/campaigns/campaign-update-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLanguageNames } from "~/components/language-name";
import { CampaignProgress } from "~/components/progress-bar";
import { ShareLinks } from "~/components/share-links";
import { TranslatedText } from "~/components/translated-text";
import { PledgeForm } from "~/pledges/pledge-form-view";
import { LetterAnswerReport, StatusWithReport, useLetterAnswer } from "~/prisoners/prisoner-status";
import type { loader as rootLoader } from "~/root";
import appealStyles from "~/styles/appeals.css";
import styles from "~/styles/campaigns.css";
import pledgeStyles from "~/styles/pledges.css";
import reachStyles from "~/styles/reach.css";
import { atomFeedLink, errorPageMeta, originFrom, pageMeta, shareMeta } from "~/utils/meta";
import { publicOrigin, requireLanguage, requirePublicSlug } from "~/utils/route.server";

export const handle = { i18n: ["campaigns", "prisoners", "pledges", "reach"] };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: appealStyles },
  { rel: "stylesheet", href: pledgeStyles },
  { rel: "stylesheet", href: reachStyles },
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const slug = requirePublicSlug(params.slug);
  const [page, following] = await Promise.all([loadCampaignPage(slug, language), loadCampaignFollowing(slug, language, publicOrigin(request, context))]);
  return { ...page, following };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, location, error }) => {
  if (!data) return errorPageMeta(matches, error);
  const origin = originFrom(matches);
  const share = shareMeta({ ...data.share, language: data.language, origin, pathname: location.pathname, imagePath: `${location.pathname}/share.png` });
  const feed = atomFeedLink(data.following.atom, data.feedTitle);
  return [...pageMeta({ ...data.meta, origin, pathname: location.pathname }), ...share, feed];
};

export default function CampaignPage() {
  const { language, campaign, pledges, following, updates } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const letterAnswer = useLetterAnswer();
  const appealOpen = campaign.status !== "CLOSED" && campaign.targets.length > 0;
  const languageNames = useLanguageNames();
  const fallbackLanguages = new Set(
    [
      campaign.title,
      campaign.summary,
      campaign.ask,
      ...campaign.targets.flatMap((target) => [target.name, target.position]),
    ]
      .filter((text) => text?.isFallback)
      .map((text) => text!.locale),
  );

  return (
    <article className="campaign" aria-labelledby="campaign-title">
      <p className="breadcrumb">
        <Link to={`/${language}/campaigns`}>{t("campaigns:detail.back")}</Link>
      </p>
      <header>
        <h1 id="campaign-title">{campaign.title ? <TranslatedText value={campaign.title} /> : t("campaigns:untitled")}</h1>
      </header>

      {campaign.status === "CLOSED" ? (
        <p className="notice" role="note">
          {t("campaigns:detail.closed")}
        </p>
      ) : null}

      {fallbackLanguages.size > 0 ? (
        <p className="notice" role="note">
          {t("campaigns:detail.not-translated", {
            languages: languageNames(fallbackLanguages),
          })}
        </p>
      ) : null}

      {campaign.ask ? (
        <section aria-labelledby="ask-title">
          <h2 id="ask-title">{t("campaigns:detail.ask-heading")}</h2>
          <p className="campaign__ask">
            <TranslatedText value={campaign.ask} />
          </p>
        </section>
      ) : null}

      <section aria-labelledby="goal-title">
        <h2 id="goal-title">{t("campaigns:detail.goal-heading")}</h2>
        <CampaignProgress id="campaign-progress" campaign={campaign} />
        {campaign.displayReachedGoals.length > 0 ? (
          <p className="goal-steps">{t("campaigns:progress.reached", { goals: campaign.displayReachedGoals.join(" → ") })}</p>
        ) : null}
        {campaign.goal !== null ? <p className="pledge-hint">{t("campaigns:progress.what-counts")}</p> : null}
        <p>
          {campaign.displayDeadline
            ? t("campaigns:deadline.date", { date: campaign.displayDeadline })
            : t("campaigns:deadline.none")}
        </p>
      </section>

      {/* On a phone the title, the ask, the progress and these actions make the first screen; the
          summary, the people and the addressees follow. */}
      {appealOpen || pledges.open ? (
        <ul className="campaign__first-actions" aria-label={t("campaigns:detail.actions-heading")}>
          {appealOpen ? (
            <li>
              <Link to={`/${language}/campaigns/${campaign.slug}/appeal`} className="appeal-button campaign__appeal-link">
                {t("campaigns:detail.appeal-link")}
              </Link>
            </li>
          ) : null}
          {pledges.open ? (
            <li>
              <a href="#pledges-title">{t("campaigns:detail.pledge-link")}</a>
            </li>
          ) : null}
        </ul>
      ) : null}

      {campaign.summary ? (
        <p className="campaign__summary">
          <TranslatedText value={campaign.summary} />
        </p>
      ) : null}

      <section aria-labelledby="prisoners-title">
        <h2 id="prisoners-title">
          {t("campaigns:detail.prisoners-heading")}{" "}
          <span className="count">{t("campaigns:prisoner-count", { count: campaign.prisonerCount })}</span>
        </h2>
        <ul className="campaign__prisoners">
          {campaign.prisoners.map((prisoner) => (
            <li key={prisoner.slug}>
              <Link to={`/${language}/prisoners/${prisoner.slug}`}>{prisoner.displayName}</Link>{" "}
              <StatusWithReport status={prisoner.status} report={prisoner.statusReport} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="targets-title">
        <h2 id="targets-title">{t("campaigns:detail.targets-heading")}</h2>
        {campaign.targets.length === 0 ? <p>{t("campaigns:detail.no-targets")}</p> : null}
        <ul className="campaign__targets">
          {campaign.targets.map((target) => (
            <li key={target.slug} className="target">
              <p className="target__name">
                {target.name ? <TranslatedText value={target.name} /> : t("campaigns:detail.target-unnamed")}
              </p>
              {target.position ? (
                <p className="target__position">
                  <TranslatedText value={target.position} />
                </p>
              ) : null}
              {target.email || target.postalAddress ? (
                <dl className="target__contacts">
                  {target.email ? (
                    <div>
                      <dt>{t("campaigns:detail.target-email")}</dt>
                      <dd>
                        <a href={`mailto:${target.email}`}>{target.email}</a>
                      </dd>
                    </div>
                  ) : null}
                  {target.postalAddress ? (
                    <div>
                      <dt>{t("campaigns:detail.target-address")}</dt>
                      <dd>
                        <address className="postal-address">{target.postalAddress}</address>
                      </dd>
                    </div>
                  ) : null}
                  {target.contactSource ? (
                    <div>
                      <dt>{t("campaigns:detail.target-contact-source")}</dt>
                      <dd>{target.contactSource}</dd>
                    </div>
                  ) : null}
                </dl>
              ) : null}
              <p className="target__stats">
                {target.stats && target.stats.sent > 0
                  ? `${t("campaigns:detail.target-sent", { count: target.stats.sent, number: target.stats.sentText })} ${t(
                      "campaigns:detail.target-replies",
                      { number: target.stats.repliedText, none: target.stats.noReplyText },
                    )}`
                  : t("campaigns:detail.target-none-sent")}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="actions-title" className="campaign__actions">
        <h2 id="actions-title">{t("campaigns:detail.actions-heading")}</h2>
        {appealOpen ? (
          <p>
            {t("campaigns:detail.appeal-text")}{" "}
            <Link to={`/${language}/campaigns/${campaign.slug}/appeal`}>{t("campaigns:detail.appeal-link")}</Link>
          </p>
        ) : null}
        <p>{t("campaigns:detail.actions-read")}</p>
        <ul>
          {campaign.prisoners.map((prisoner) => (
            <li key={prisoner.slug}>
              <Link to={`/${language}/prisoners/${prisoner.slug}`}>
                {t("campaigns:detail.profile-link", { name: prisoner.displayName })}
              </Link>
              {" "}
              <span className="campaign__letter">
                {t("prisoners:letters.heading")} {letterAnswer(prisoner.letterStatusToActOn)}{" "}
                <LetterAnswerReport
                  letterStatus={prisoner.letterStatusToActOn}
                  reported={{ letterStatus: prisoner.letterStatus, report: prisoner.letterStatusReport }}
                />
              </span>
            </li>
          ))}
        </ul>
        <p>{t("campaigns:detail.actions-soon")}</p>
      </section>

      <section aria-labelledby="pledges-title" className="pledges">
        <h2 id="pledges-title">{t("pledges:campaign.heading")}</h2>
        <p className="pledge-count">
          {t("pledges:counts.campaign", { count: pledges.campaign, number: pledges.campaignText })}
          {pledges.events > 0 ? ` ${t("pledges:counts.events", { count: pledges.events, number: pledges.eventsText })}` : null}
        </p>
        {pledges.open ? (
          <>
            <p>{t("pledges:campaign.lead")}</p>
            <PledgeForm language={language} scope={{ campaign: campaign.slug }} options={pledges.options} countries={pledges.countries} ticket={pledges.ticket} />
          </>
        ) : (
          <p>{t("pledges:campaign.closed")}</p>
        )}
      </section>

      {updates.items.length > 0 ? (
        <section aria-labelledby="updates-title" data-testid="campaign-updates">
          <h2 id="updates-title">{t("reach:updates.heading")}</h2>
          <CampaignUpdateList updates={updates.items} language={language} />
          {updates.more ? (
            <p>
              <Link to={updates.all}>{t("reach:updates.all")}</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="events-title">
        <h2 id="events-title">{t("reach:events.heading")}</h2>
        {following.events.length > 0 ? (
          <ul className="campaign-events">
            {following.events.map((event) => (
              <li key={event.id} id={`event-${event.id}`} className="campaign-event">
                <p className="campaign-event__title" lang={event.locale === language ? undefined : event.locale}>{event.title}</p>
                {event.cancelled ? (
                  <p className="campaign-event__cancelled" data-testid="event-cancelled">
                    <strong>{t("reach:events.cancelled")}</strong>
                  </p>
                ) : null}
                <p>{event.when}</p>
                <p lang={event.locale === language ? undefined : event.locale}>{event.place}</p>
                {event.cancelled ? null : (
                  <p>
                    <a href={event.ics} aria-label={t("reach:events.add-label", { title: event.title })} download>
                      {t("reach:events.add")}
                    </a>
                  </p>
                )}
              </li>
            ))}
          </ul>
        ) : null}
        <ul className="follow-links">
          <li>
            <a href={following.webcal}>{t("reach:events.subscribe")}</a> (<a href={following.calendar}>{t("reach:events.download")}</a>)
          </li>
          <li>
            <a href={following.atom} type="application/atom+xml">{t("reach:events.feed")}</a>
          </li>
        </ul>
      </section>

      <ShareLinks url={following.pageUrl} title={campaign.title?.text ?? t("campaigns:untitled")} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
