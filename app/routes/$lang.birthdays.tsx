import type { LetterStatus } from "@prisma/client";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { loadBirthdaysPage } from "~/prisoners/birthdays-page.server";
import { LetterAnswerReport, StatusWithReport } from "~/prisoners/prisoner-status";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/birthdays.css";
import { errorPageMeta, originFrom, pageMeta } from "~/utils/meta";
import { publicOrigin, requireLanguage } from "~/utils/route.server";

export const handle = { i18n: ["birthdays", "prisoners", "reach"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const page = await loadBirthdaysPage(language, new URL(request.url));
  // webcal:// opens the subscription in the reader's calendar app (absolute: it names the host).
  return { ...page, webcal: `${publicOrigin(request, context).replace(/^https?:/, "webcal:")}/${language}/birthdays.ics` };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, location, error }) => {
  if (!data) return errorPageMeta(matches, error);
  const origin = originFrom(matches);
  return [
    ...pageMeta({ ...data.meta, origin, pathname: location.pathname }),
    // Lets calendar-aware browsers and extensions find the feed.
    {
      tagName: "link",
      rel: "alternate",
      type: "text/calendar",
      title: data.meta.calendar,
      href: `${origin ?? ""}/${data.language}/birthdays.ics`,
    },
  ];
};

// Literal keys, so the translator tooling can see every key the code uses.
const LETTER_STATUS_KEYS = {
  CAN_RECEIVE: "birthdays:letters.can-receive",
  RELATIVES_ONLY: "birthdays:letters.relatives-only",
  INCOMMUNICADO: "birthdays:letters.incommunicado",
  UNKNOWN: "birthdays:letters.unknown",
  NOT_APPLICABLE: "birthdays:letters.not-applicable",
} as const satisfies Record<LetterStatus, string>;

export default function BirthdaysPage() {
  const data = useLoaderData<typeof loader>();
  const { language, month, monthName, windowDays, feedDays, birthdays, knownCount } = data;
  const { t } = useTranslation();
  const heading = monthName
    ? t("birthdays:list.heading-month", { month: monthName })
    : t("birthdays:list.heading-window", { count: windowDays });

  return (
    <>
      <header className="birthdays-intro">
        <h1>{t("birthdays:page.title")}</h1>
        <p className="birthdays-intro__lead">{t("birthdays:page.lead")}</p>
      </header>

      <Form method="get" action={`/${language}/birthdays`} className="birthday-filter">
        <label htmlFor="birthday-month">{t("birthdays:filter.label")}</label>
        {/* The key resets the choice after client-side navigation, so it always matches the URL. */}
        <select id="birthday-month" name="month" defaultValue={month ? String(month) : ""} key={month ?? "window"}>
          <option value="">{t("birthdays:filter.window", { count: windowDays })}</option>
          {data.months.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <button type="submit">{t("birthdays:filter.submit")}</button>
      </Form>

      {data.invalidMonth ? (
        <p className="notice" role="status">
          {t("birthdays:filter.invalid-month")}
        </p>
      ) : null}

      <section aria-labelledby="birthday-list-title">
        <h2 id="birthday-list-title">{heading}</h2>
        {birthdays.length > 0 ? (
          <ol className="birthday-list">
            {birthdays.map((birthday) => (
              <li key={birthday.slug} className="birthday">
                <h3 className="birthday__name">{birthday.name}</h3>
                <p className="birthday__date">
                  <time dateTime={birthday.date}>{birthday.displayDate}</time>
                  <span className="birthday__when"> ({birthday.displayWhen})</span>
                </p>
                <p className="birthday__age">{t("birthdays:list.turns", { count: birthday.age })}</p>
                <p className="birthday__status">
                  <StatusWithReport status={birthday.status} report={birthday.statusReport} />
                </p>
                <p className={`birthday__post birthday__post--${birthday.letterStatusToActOn.toLowerCase().replaceAll("_", "-")}`}>
                  {t(LETTER_STATUS_KEYS[birthday.letterStatusToActOn])}{" "}
                  <LetterAnswerReport
                    letterStatus={birthday.letterStatusToActOn}
                    reported={{ letterStatus: birthday.letterStatus, report: birthday.letterStatusReport }}
                  />
                </p>
                <p className="birthday__action">
                  <Link to={`/${language}/prisoners/${birthday.slug}`}>
                    {t("birthdays:list.send-card", { name: birthday.name })}
                  </Link>
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <div className="birthday-empty">
            <p>
              {knownCount === 0
                ? t("birthdays:empty.no-known")
                : monthName
                  ? t("birthdays:empty.none-in-month", { month: monthName })
                  : t("birthdays:empty.none-in-window", { count: windowDays })}
            </p>
            <p>
              <Link to={`/${language}/prisoners`}>{t("birthdays:empty.directory")}</Link>
            </p>
          </div>
        )}
      </section>

      <section aria-labelledby="birthday-card-title" className="birthday-card-help">
        <h2 id="birthday-card-title">{t("birthdays:card.heading")}</h2>
        <p>{t("birthdays:card.soon")}</p>
        <p>{t("birthdays:card.safe")}</p>
      </section>

      <section aria-labelledby="birthday-calendar-title">
        <h2 id="birthday-calendar-title">{t("birthdays:calendar.heading")}</h2>
        <p>{t("birthdays:calendar.body", { count: feedDays })}</p>
        <p>
          {/* A plain link: the feed is a file, not a page the client router can render. */}
          <a href={data.webcal}>{t("reach:birthdays.subscribe")}</a>
        </p>
        <p>
          <a href={`/${language}/birthdays.ics`} type="text/calendar">
            {t("birthdays:calendar.link")}
          </a>
        </p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
