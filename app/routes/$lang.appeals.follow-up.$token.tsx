// "Did you get a reply?" Two weeks after an appeal went out, with the sender's consent, an
// email links here. The answers are buttons that POST (mail scanners open links).
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { recordFollowUp } from "~/appeals/appeal.server";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/appeals.css";
import { getFixedT } from "~/utils/i18next.server";
import { errorPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["appeals"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const t = await getFixedT(language, "appeals");
  return json({ language, meta: { title: t("appeals:follow-up.meta-title") } }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  requireLanguage(params);
  const token = params.token ?? "";
  const answer = (await request.formData()).get("answer");
  if (answer !== "replied" && answer !== "no-reply") return json({ outcome: "missing" as const }, { status: 400 });
  const outcome = token.length <= 100 ? await recordFollowUp(token, answer) : "invalid";
  return json({ outcome }, { status: outcome === "invalid" ? 404 : 200 });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, error }) => {
  if (!data) return errorPageMeta(matches, error);
  return [{ title: data.meta.title }, { name: "robots", content: "noindex" }];
};

export default function FollowUpPage() {
  useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  if (result?.outcome === "recorded" || result?.outcome === "invalid") {
    return (
      <article className="appeal appeal-outcome" aria-labelledby="follow-up-title">
        <h1 id="follow-up-title">{result.outcome === "recorded" ? t("appeals:follow-up.thanks-title") : t("appeals:follow-up.invalid-title")}</h1>
        <p className="appeal__lead" role="status">
          {result.outcome === "recorded" ? t("appeals:follow-up.thanks-body") : t("appeals:follow-up.invalid-body")}
        </p>
      </article>
    );
  }
  return (
    <article className="appeal" aria-labelledby="follow-up-title">
      <h1 id="follow-up-title">{t("appeals:follow-up.title")}</h1>
      <p className="appeal__lead">{t("appeals:follow-up.lead")}</p>
      {result?.outcome === "missing" ? (
        <p className="appeal-error" role="alert">
          {t("appeals:follow-up.missing")}
        </p>
      ) : null}
      <form method="post" className="appeal-actions">
        <button type="submit" name="answer" value="replied" className="appeal-button">
          {t("appeals:follow-up.replied")}
        </button>
        <button type="submit" name="answer" value="no-reply" className="appeal-button appeal-button--secondary">
          {t("appeals:follow-up.no-reply")}
        </button>
      </form>
      <p className="appeal-hint">{t("appeals:follow-up.note")}</p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
