import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { organisationName } from "~/components/organisation-name";
import { loadHomePage } from "~/prisoners/home-page.server";
import { PrisonerCard } from "~/prisoners/prisoner-card";
import { useStatusLabel } from "~/prisoners/prisoner-status";
import { SourceCitation } from "~/prisoners/source-citation";
import type { loader as rootLoader } from "~/root";
import { errorPageMeta, originFrom, pageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";

export const handle = { i18n: ["home", "prisoners"] };

export async function loader({ params }: LoaderFunctionArgs) {
  return loadHomePage(requireLanguage(params));
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, location, error }) => {
  if (!data) return errorPageMeta(matches, error);
  return pageMeta({ ...data.meta, origin: originFrom(matches), pathname: location.pathname });
};

export default function Home() {
  const { language, waiting, birthdays, birthdayDays, moreBirthdays, total, totalDisplay, statuses, latestCount } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const statusLabel = useStatusLabel();

  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t("home:hero.title")}</h1>
        <p className="hero__lead">{t("home:hero.lead")}</p>
        <p>{t("home:hero.how")}</p>
      </section>

      {latestCount ? (
        <section className="figure" aria-labelledby="figure-title">
          <h2 id="figure-title">{t("home:figure.heading")}</h2>
          <p className="figure__number">
            {
              {
                EXACT: t("home:figure.count", { count: latestCount.value, number: latestCount.displayValue }),
                AT_LEAST: t("home:figure.count-at-least", { count: latestCount.value, number: latestCount.displayValue }),
                MORE_THAN: t("home:figure.count-more-than", { count: latestCount.value, number: latestCount.displayValue }),
              }[latestCount.qualifier]
            }
          </p>
          <p>
            {latestCount.countedBy
              ? t("home:figure.as-of-counted-by", {
                  date: latestCount.displayObservedOn,
                  counter: organisationName(t, latestCount.countedBy),
                })
              : t("home:figure.as-of", { date: latestCount.displayObservedOn })}
          </p>
          <p className="figure__source">
            <SourceCitation source={latestCount.source} />
          </p>
        </section>
      ) : null}

      {total === 0 ? <p>{t("home:prisoners.empty")}</p> : null}

      {waiting.length > 0 ? (
        <section aria-labelledby="waiting-title" className="prisoner-group home-waiting">
          <h2 id="waiting-title">{t("home:waiting.heading")}</h2>
          <p>{t("home:waiting.lead")}</p>
          <ul className="prisoner-list">
            {waiting.map((prisoner) => (
              <li key={prisoner.slug}>
                <PrisonerCard prisoner={prisoner} language={language} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {birthdays.length > 0 ? (
        <section aria-labelledby="home-birthdays-title" className="prisoner-group home-birthdays">
          <h2 id="home-birthdays-title">{t("home:birthdays.heading", { count: birthdayDays })}</h2>
          <ul>
            {birthdays.map((person) => (
              <li key={person.slug}>
                <Link to={`/${language}/prisoners/${person.slug}`}>{person.name}</Link>
                {`, ${person.displayDate} (${person.displayWhen})`}
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/${language}/birthdays`}>{moreBirthdays ? t("home:birthdays.more") : t("home:birthdays.all")}</Link>
          </p>
        </section>
      ) : null}

      {total > 0 ? (
        <section aria-labelledby="everyone-title" className="prisoner-group home-everyone">
          <h2 id="everyone-title">{t("home:prisoners.heading")}</h2>
          <ul>
            {statuses.map((entry) => (
              <li key={entry.status}>
                <Link to={`/${language}/prisoners?status=${entry.status}`}>{statusLabel(entry.status)}</Link>
                {`: ${entry.countDisplay}`}
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/${language}/prisoners`} className="button">
              {t("home:prisoners.directory", { count: total, number: totalDisplay })}
            </Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
