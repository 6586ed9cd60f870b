// The "erase me" link lands here. GET only shows a button (mail scanners open links); the
// POST erases and says what was erased. Counts without personal data stay.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { eraseMe } from "~/privacy/privacy.server";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/pledges.css";
import { formatNumber } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { errorPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["privacy"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const t = await getFixedT(language, "privacy");
  return json({ language, meta: { title: t("privacy:erase.meta-title") } }, { headers: { "Cache-Control": "no-store" } });
}

type Erased = { pledges: number; appeals: number; outbox: number };
type Outcome = { ok: true; erased: Erased; text: { pledges: string; appeals: string; outbox: string } } | { ok: false; reason: "expired" | "invalid" };

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const token = params.token ?? "";
  const result = token.length <= 100 ? await eraseMe(token) : ({ ok: false, reason: "invalid" } as const);
  if (!result.ok) return json<{ outcome: Outcome }>({ outcome: result }, { status: result.reason === "invalid" ? 404 : 410 });
  const { pledges, appeals, outbox } = result.erased;
  return json<{ outcome: Outcome }>({
    outcome: {
      ok: true,
      erased: { pledges, appeals, outbox },
      text: { pledges: formatNumber(pledges, language), appeals: formatNumber(appeals, language), outbox: formatNumber(outbox, language) },
    },
  });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, error }) => {
  if (!data) return errorPageMeta(matches, error);
  return [{ title: data.meta.title }, { name: "robots", content: "noindex" }];
};

export default function ErasePage() {
  const { language } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const outcome = result?.outcome;
  if (outcome && !outcome.ok) {
    return (
      <article className="pledge-page" aria-labelledby="erase-title">
        <h1 id="erase-title">{outcome.reason === "expired" ? t("privacy:link.expired-title") : t("privacy:link.invalid-title")}</h1>
        <p className="pledge-lead" role="status">
          {outcome.reason === "expired" ? t("privacy:link.expired-body") : t("privacy:link.invalid-body")}
        </p>
        <p>
          <Link to={`/${language}/privacy/request`}>{t("privacy:link.new-link")}</Link>
        </p>
      </article>
    );
  }
  if (outcome?.ok) {
    return (
      <article className="pledge-page" aria-labelledby="erase-title">
        <h1 id="erase-title">{t("privacy:erase.done-title")}</h1>
        <p className="pledge-lead" role="status">
          {t("privacy:erase.done-lead")}
        </p>
        <ul>
          <li>{t("privacy:erase.done-pledges", { count: outcome.erased.pledges, number: outcome.text.pledges })}</li>
          <li>{t("privacy:erase.done-appeals", { count: outcome.erased.appeals, number: outcome.text.appeals })}</li>
          <li>{t("privacy:erase.done-outbox", { count: outcome.erased.outbox, number: outcome.text.outbox })}</li>
        </ul>
        <p>{t("privacy:erase.done-counts")}</p>
      </article>
    );
  }
  return (
    <article className="pledge-page" aria-labelledby="erase-title">
      <h1 id="erase-title">{t("privacy:erase.title")}</h1>
      <p className="pledge-lead">{t("privacy:erase.lead")}</p>
      <form method="post">
        <button type="submit" className="pledge-button pledge-button--danger">
          {t("privacy:erase.button")}
        </button>
      </form>
      <p className="pledge-hint">{t("privacy:erase.note")}</p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
