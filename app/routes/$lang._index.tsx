import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { organisationName } from "~/components/organisation-name";
import { loadHomePage } from "~/prisoners/home-page.server";
import { PrisonerCard } from "~/prisoners/prisoner-card";
import type { PrisonerListItem } from "~/prisoners/prisoner.server";
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

const GROUPS = [
  { key: "behind-bars", statuses: ["IN_CUSTODY", "INCOMMUNICADO"] },
  { key: "released", statuses: ["RELEASED", "IN_EXILE"] },
  { key: "died", statuses: ["DIED_IN_CUSTODY"] },
] as const;

export default function Home() {
  const { language, prisoners, latestCount } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const headings = {
    "behind-bars": t("home:groups.behind-bars"),
    released: t("home:groups.released"),
    died: t("home:groups.died"),
  };

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

      <section aria-labelledby="prisoners-title">
        <h2 id="prisoners-title">{t("home:prisoners.heading")}</h2>
        {prisoners.length === 0 ? <p>{t("home:prisoners.empty")}</p> : null}
        {GROUPS.map((group) => {
          const members = prisoners.filter((prisoner: PrisonerListItem) =>
            (group.statuses as readonly string[]).includes(prisoner.status),
          );
          if (members.length === 0) return null;
          return (
            <section key={group.key} aria-labelledby={`group-${group.key}`} className="prisoner-group">
              <h3 id={`group-${group.key}`}>
                {headings[group.key]} <span className="count">{t("home:groups.count", { count: members.length })}</span>
              </h3>
              <ul className="prisoner-list">
                {members.map((prisoner) => (
                  <li key={prisoner.slug}>
                    <PrisonerCard prisoner={prisoner} language={language} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </section>
    </>
  );
}
