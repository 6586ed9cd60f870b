// Where a pledge form leads after a successful POST (303). The address carries only what
// happened and which page to go back to: never an email address or a token.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import styles from "~/styles/pledges.css";
import { getFixedT } from "~/utils/i18next.server";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { SLUG_PATTERN } from "~/utils/slug";

export const handle = { i18n: ["pledges"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const RESULTS = ["active", "pending", "posted"] as const;
type Result = (typeof RESULTS)[number];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const query = new URL(request.url).searchParams;
  const raw = query.get("result");
  const result: Result = (RESULTS as readonly (string | null)[]).includes(raw) ? (raw as Result) : "active";
  const campaign = query.get("campaign") ?? "";
  const prisoner = query.get("prisoner") ?? "";
  const back = SLUG_PATTERN.test(campaign)
    ? { path: `/${language}/campaigns/${campaign}`, kind: "campaign" as const }
    : SLUG_PATTERN.test(prisoner)
      ? { path: `/${language}/prisoners/${prisoner}`, kind: "prisoner" as const }
      : null;
  const t = await getFixedT(language, "pledges");
  return json({ language, result, back, meta: { title: t("pledges:thanks.meta-title") } });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

const RESULT_KEYS = {
  active: { title: "pledges:thanks.active-title", body: "pledges:thanks.active-body" },
  pending: { title: "pledges:thanks.pending-title", body: "pledges:thanks.pending-body" },
  posted: { title: "pledges:thanks.posted-title", body: "pledges:thanks.posted-body" },
} as const satisfies Record<Result, { title: string; body: string }>;

export default function PledgeThanksPage() {
  const { language, result, back } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const keys = RESULT_KEYS[result];
  return (
    <article className="pledge-page" aria-labelledby="thanks-title">
      <h1 id="thanks-title">{t(keys.title)}</h1>
      <p className="pledge-lead" role="status">
        {t(keys.body)}
      </p>
      <ul className="pledge-links">
        {back ? (
          <li>
            <Link to={back.path}>{back.kind === "campaign" ? t("pledges:thanks.back-campaign") : t("pledges:thanks.back-prisoner")}</Link>
          </li>
        ) : null}
        <li>
          <Link to={`/${language}/privacy`}>{t("pledges:thanks.privacy")}</Link>
        </li>
      </ul>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
