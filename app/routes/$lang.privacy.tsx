// /:lang/privacy: exactly what Listy stores, for how long and why, for every kind of data in
// the product. The figures come from the retention settings (RETENTION in
// app/privacy/privacy.server.ts), so the page follows the configuration.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SafetyAdviceItems } from "~/components/safety-advice";
import { RETENTION } from "~/privacy/privacy.server";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/pledges.css";
import { formatNumber } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { errorPageMeta, originFrom, pageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";

export const handle = { i18n: ["privacy", "pledges"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const t = await getFixedT(language, "privacy");
  return {
    language,
    retention: RETENTION.map((entry) => ({ data: entry.data, why: entry.why, days: entry.days, daysText: formatNumber(entry.days, language) })),
    meta: { title: t("privacy:page.meta-title"), description: t("privacy:page.meta-description") },
  };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, location, error }) => {
  if (!data) return errorPageMeta(matches, error);
  return pageMeta({ ...data.meta, origin: originFrom(matches), pathname: location.pathname });
};

// Literal keys for each kind of data in RETENTION, so the translator tooling sees them all.
// A kind added to the settings without a key here is still listed, with its own wording.
const RETENTION_KEYS: Partial<Record<string, { data: string; why: string }>> = {
    "pledge-email": { data: "privacy:retention.pledge-email", why: "privacy:retention.pledge-email-why" },
    "pledge-unconfirmed": { data: "privacy:retention.pledge-unconfirmed", why: "privacy:retention.pledge-unconfirmed-why" },
    "appeal-email": { data: "privacy:retention.appeal-email", why: "privacy:retention.appeal-email-why" },
    "appeal-text": { data: "privacy:retention.appeal-text", why: "privacy:retention.appeal-text-why" },
    "letter-text": { data: "privacy:retention.letter-text", why: "privacy:retention.letter-text-why" },
    "outbox": { data: "privacy:retention.outbox", why: "privacy:retention.outbox-why" },
    "privacy-request": { data: "privacy:retention.privacy-request", why: "privacy:retention.privacy-request-why" },
};

export default function PrivacyPage() {
  const { language, retention } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article className="privacy" aria-labelledby="privacy-title">
      <h1 id="privacy-title">{t("privacy:page.title")}</h1>
      <p className="pledge-lead">{t("privacy:page.lead")}</p>

      <section aria-labelledby="never-title">
        <h2 id="never-title">{t("privacy:never.heading")}</h2>
        <ul>
          <li>{t("privacy:never.ip")}</li>
          <li>{t("privacy:never.analytics")}</li>
          <li>{t("privacy:never.third-parties")}</li>
          <li>{t("privacy:never.accounts")}</li>
        </ul>
      </section>

      <section aria-labelledby="stored-title">
        <h2 id="stored-title">{t("privacy:stored.heading")}</h2>
        <h3>{t("privacy:stored.counts-heading")}</h3>
        <p>{t("privacy:stored.counts")}</p>
        <h3>{t("privacy:stored.letters-heading")}</h3>
        <p>{t("privacy:stored.letters")}</p>
        <h3>{t("privacy:stored.appeals-heading")}</h3>
        <p>{t("privacy:stored.appeals")}</p>
        <h3>{t("privacy:stored.pledges-heading")}</h3>
        <p>{t("privacy:stored.pledges")}</p>
        <h3>{t("privacy:stored.arrivals-heading")}</h3>
        <p>{t("privacy:stored.arrivals")}</p>
        <h3>{t("privacy:stored.requests-heading")}</h3>
        <p>{t("privacy:stored.requests")}</p>
        <h3>{t("privacy:stored.hash-heading")}</h3>
        <p>{t("privacy:stored.hash")}</p>
        <h3>{t("privacy:stored.cookie-heading")}</h3>
        <p>{t("privacy:stored.cookie")}</p>
        <h3>{t("privacy:stored.logs-heading")}</h3>
        <p>{t("privacy:stored.logs")}</p>
        <h3>{t("privacy:stored.mail-heading")}</h3>
        <p>{t("privacy:stored.mail")}</p>
      </section>

      <section aria-labelledby="retention-title">
        <h2 id="retention-title">{t("privacy:retention.heading")}</h2>
        <p>{t("privacy:retention.lead")}</p>
        <table className="privacy-table">
          <thead>
            <tr>
              <th scope="col">{t("privacy:retention.column-data")}</th>
              <th scope="col">{t("privacy:retention.column-kept")}</th>
              <th scope="col">{t("privacy:retention.column-why")}</th>
            </tr>
          </thead>
          <tbody>
            {retention.map((entry) => {
              const keys = RETENTION_KEYS[entry.data];
              return (
                <tr key={entry.data}>
                  <th scope="row">{keys ? t(keys.data) : entry.data}</th>
                  <td>{t("privacy:retention.days", { count: entry.days, number: entry.daysText })}</td>
                  <td>{keys ? t(keys.why) : entry.why}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="rights-title">
        <h2 id="rights-title">{t("privacy:rights.heading")}</h2>
        <p>{t("privacy:rights.text")}</p>
        <p>
          <Link to={`/${language}/privacy/request`}>{t("privacy:rights.link")}</Link>
        </p>
      </section>

      <section aria-labelledby="safety-title" id="safety">
        <h2 id="safety-title">{t("privacy:safety.heading")}</h2>
        <p>{t("privacy:safety.text")}</p>
        <SafetyAdviceItems language={language} />
        <p>{t("common:email-safety.providers")}</p>
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
