// "Did you get a reply?" Two weeks after an appeal went out, with the sender's consent, an
// email links here. The answers are buttons that POST (mail scanners open links).
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { answerFollowUpLink } from "~/appeals/appeal-link-page.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AskPage, LinkAnswer, privateLinkMeta } from "~/components/token-page";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/appeals.css";
import { linkToken, NO_STORE, privateLinkPage } from "~/utils/private-link.server";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["appeals"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => NO_STORE;

export async function loader({ params }: LoaderFunctionArgs) {
  return json(await privateLinkPage(params, "appeals:follow-up.meta-title"), { headers: NO_STORE });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  requireLanguage(params);
  const { outcome, status } = await answerFollowUpLink(linkToken(params), await request.formData());
  return json({ outcome }, { status });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = privateLinkMeta;

export default function FollowUpPage() {
  useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  if (result?.outcome === "recorded" || result?.outcome === "invalid") {
    const recorded = result.outcome === "recorded";
    return (
      <LinkAnswer
        look="appeals"
        id="follow-up-title"
        title={recorded ? t("appeals:follow-up.thanks-title") : t("appeals:follow-up.invalid-title")}
        lead={recorded ? t("appeals:follow-up.thanks-body") : t("appeals:follow-up.invalid-body")}
      />
    );
  }
  return (
    <AskPage
      look="appeals"
      id="follow-up-title"
      title={t("appeals:follow-up.title")}
      lead={t("appeals:follow-up.lead")}
      grouped
      buttons={[
        { name: "answer", value: "replied", label: t("appeals:follow-up.replied") },
        { name: "answer", value: "no-reply", label: t("appeals:follow-up.no-reply"), kind: "secondary" },
      ]}
      note={t("appeals:follow-up.note")}
    >
      {result?.outcome === "missing" ? (
        <p className="appeal-error" role="alert">
          {t("appeals:follow-up.missing")}
        </p>
      ) : null}
    </AskPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
