// "Write to someone who needs it": one person, chosen by signals the page explains.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatBirthday } from "~/prisoners/directory.server";
import { pickPrisonerToWrite, BIRTHDAY_SOON_DAYS } from "~/letters/letter-pick.server";
import type { loader as rootLoader } from "~/root";
import { formatPersonName } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { errorPageMeta, originFrom, pageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import styles from "~/styles/letters.css";

export const handle = { i18n: ["letters"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+){0,7}$/;
const MAX_SKIPPED = 50;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  // Malformed entries are dropped: the list only steers the choice, it cannot break it.
  const skip = (new URL(request.url).searchParams.get("skip") ?? "")
    .split(",")
    .filter((slug) => SLUG.test(slug))
    .slice(0, MAX_SKIPPED);
  const [t, pick] = await Promise.all([getFixedT(language, "letters"), pickPrisonerToWrite(language, { skip })]);
  return json(
    {
      language,
      birthdaySoonDays: BIRTHDAY_SOON_DAYS,
      pick: pick
        ? {
            slug: pick.slug,
            name: formatPersonName(pick.names.display),
            reasons: pick.reasons.map((reason) =>
              reason.kind === "birthday-soon" ? { ...reason, displayDate: formatBirthday(reason.birthDate, language) } : reason,
            ),
            skipNext: [...skip.filter((slug) => slug !== pick.slug), pick.slug].slice(-MAX_SKIPPED).join(","),
          }
        : null,
      meta: { title: t("letters:pick.meta-title"), description: t("letters:pick.meta-description") },
    },
    // The choice has a random tie-break and changes as letters are written: never cache it.
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => ({ "Cache-Control": loaderHeaders.get("Cache-Control") ?? "no-store" });

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, location, error }) => {
  if (!data) return errorPageMeta(matches, error);
  return pageMeta({ ...data.meta, origin: originFrom(matches), pathname: location.pathname });
};

export default function WriteToSomeonePage() {
  const { language, pick, birthdaySoonDays } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
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
                    : reason.kind === "letter-bank"
                      ? t("letters:pick.reason.letter-bank")
                      : reason.kind === "birthday-soon"
                        ? t("letters:pick.reason.birthday-soon", { date: "displayDate" in reason ? reason.displayDate : "", count: reason.daysUntil })
                        : t("letters:pick.reason.letters-last-30-days", { count: reason.count })}
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
