// After "send through Listy": check your inbox. Reached by a redirect after the POST, so a
// reload never submits twice; it never shows the address the supporter gave.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/appeals.css";
import { getFixedT } from "~/utils/i18next.server";
import { errorPageMeta, originFrom, pageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { SLUG_PATTERN } from "~/utils/slug";

export const handle = { i18n: ["appeals"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const campaign = new URL(request.url).searchParams.get("campaign") ?? "";
  const t = await getFixedT(language, "appeals");
  return {
    language,
    campaignSlug: campaign.length <= 120 && SLUG_PATTERN.test(campaign) ? campaign : null,
    meta: { title: t("appeals:sent.meta-title"), description: t("appeals:sent.lead") },
  };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, location, error }) => {
  if (!data) return errorPageMeta(matches, error);
  return [...pageMeta({ ...data.meta, origin: originFrom(matches), pathname: location.pathname }), { name: "robots", content: "noindex" }];
};

export default function AppealSentPage() {
  const { language, campaignSlug } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article className="appeal appeal-outcome" aria-labelledby="sent-title">
      <h1 id="sent-title">{t("appeals:sent.title")}</h1>
      <p className="appeal__lead">{t("appeals:sent.lead")}</p>
      <ul>
        <li>{t("appeals:sent.step-confirm")}</li>
        <li>{t("appeals:sent.step-expiry")}</li>
        <li>{t("appeals:sent.step-spam")}</li>
      </ul>
      <p>
        {campaignSlug ? (
          <Link to={`/${language}/campaigns/${campaignSlug}`}>{t("appeals:sent.back")}</Link>
        ) : (
          <Link to={`/${language}/campaigns`}>{t("appeals:sent.campaigns")}</Link>
        )}
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
