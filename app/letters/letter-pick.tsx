// The "write to someone who needs it" page: the person chosen and why, with the report a
// stated letter status rests on. Shown at /:lang/write/<slug> (and /:lang/write when nobody can be suggested).
import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { StatusReportNote, useLetterAnswer } from "~/prisoners/prisoner-status";

import type { loadWritePage } from "./letter-pick-page.server";

export type LetterPickData = NonNullable<SerializeFrom<typeof loadWritePage>>;

export function LetterPickView({ language, pick, birthdaySoonDays }: LetterPickData) {
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

