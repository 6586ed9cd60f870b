// "Write to someone who needs it": one person, chosen by signals the page explains. Whether a
// letter can arrive is stated with the report it rests on (source and date).
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { loadWritePage } from "~/letters/letter-pick-page.server";
import { StatusReportNote, useLetterAnswer } from "~/prisoners/prisoner-status";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/letters.css";
import { errorPageMeta, originFrom, pageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";

export const handle = { i18n: ["letters", "prisoners"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const page = await loadWritePage(requireLanguage(params), new URL(request.url));
  // The choice has a random tie-break and changes as letters are written: never cache it.
  return json(page, { headers: { "Cache-Control": "no-store" } });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => ({ "Cache-Control": loaderHeaders.get("Cache-Control") ?? "no-store" });

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, location, error }) => {
  if (!data) return errorPageMeta(matches, error);
  return pageMeta({ ...data.meta, origin: originFrom(matches), pathname: location.pathname });
};

export default function WriteToSomeonePage() {
  const { language, pick, birthdaySoonDays } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const letterAnswer = useLetterAnswer();
  return (
    <article className="letter-builder letter-pick" aria-labelledby="pick-title">
      <h1 id="pick-title">{t("letters:pick.title")}</h1>
      <p>{t("letters:pick.intro", { days: birthdaySoonDays })}</p>
      {pick ? (
        <section aria-labelledby="pick-name" className="letter-route">
          <h2 id="pick-name">{pick.name}</h2>
          <p>{t("letters:pick.why")}</p>
          <ul className="letter-pick__reasons">
            {pick.reasons.map((reason) => (
              <li key={reason.kind}>
                {reason.kind === "can-receive"
                  ? t("letters:pick.reason.can-receive")
                  : reason.kind === "status-unknown"
                    ? t("letters:pick.reason.status-unknown")
                    : reason.kind === "status-stale"
                      ? t("letters:pick.reason.status-stale")
                      : reason.kind === "letter-bank"
                        ? t("letters:pick.reason.letter-bank")
                        : reason.kind === "birthday-soon"
                          ? t("letters:pick.reason.birthday-soon", { date: "displayDate" in reason ? reason.displayDate : "", count: reason.daysUntil })
                          : t("letters:pick.reason.letters-last-30-days", { count: "count" in reason ? reason.count : 0 })}
                {/* A stated letter status names its report; an outdated one says what it was. */}
                {reason.kind === "can-receive" || reason.kind === "letter-bank" || reason.kind === "status-stale" ? (
                  <>
                    {" "}
                    <span className="letter-pick__report" data-status-report={pick.letterStatusReport.freshness}>
                      ({reason.kind === "status-stale" ? `${t("prisoners:letters.outdated", { answer: letterAnswer(pick.letterStatus) })} ` : null}
                      <StatusReportNote view={pick.letterStatusReport} />)
                    </span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <p className="button-row">
            <Link className="button" to={`/${language}/prisoners/${pick.slug}/write`}>
              {t("letters:pick.write", { name: pick.name })}
            </Link>
            <Link className="button button--secondary" to={`/${language}/prisoners/${pick.slug}`}>
              {t("letters:pick.profile")}
            </Link>
          </p>
          <p>
            <Link to={`/${language}/write?skip=${pick.skipNext}`}>{t("letters:pick.someone-else")}</Link>
          </p>
        </section>
      ) : (
        <p className="notice">{t("letters:pick.nobody")}</p>
      )}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
