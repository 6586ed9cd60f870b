// The link in the confirmation email lands here. Mail scanners open links by themselves,
// so GET only shows the appeal; confirming and cancelling are buttons that POST. Every
// state (expired, already confirmed, cancelled, unknown link) is a page of its own.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { answerConfirmLink, confirmPage, type ConfirmLinkOutcome, type ConfirmPageView } from "~/appeals/appeal-link-page.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AskPage, LinkAnswer, privateLinkMeta } from "~/components/token-page";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/appeals.css";
import { linkToken, NO_STORE } from "~/utils/private-link.server";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["appeals"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => NO_STORE;

export async function loader({ params }: LoaderFunctionArgs) {
  const { data, status } = await confirmPage(params);
  return json(data, { status, headers: NO_STORE });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  requireLanguage(params);
  const { outcome, status } = await answerConfirmLink(linkToken(params), await request.formData());
  return json({ outcome }, { status });
}

// A private link: no canonical, no alternates, not for search engines.
export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = privateLinkMeta;

const OUTCOME_KEYS = {
  confirmed: { title: "appeals:confirm.confirmed-title", body: "appeals:confirm.confirmed-body" },
  "already-confirmed": { title: "appeals:confirm.already-title", body: "appeals:confirm.already-body" },
  expired: { title: "appeals:confirm.expired-title", body: "appeals:confirm.expired-body" },
  cancelled: { title: "appeals:confirm.cancelled-title", body: "appeals:confirm.cancelled-body" },
  "already-sent": { title: "appeals:confirm.sent-title", body: "appeals:confirm.too-late-body" },
  invalid: { title: "appeals:confirm.invalid-title", body: "appeals:confirm.invalid-body" },
} as const satisfies Record<ConfirmLinkOutcome, { title: string; body: string }>;

const VIEW_KEYS = {
  confirmed: { title: "appeals:confirm.already-title", body: "appeals:confirm.already-body" },
  sent: { title: "appeals:confirm.sent-title", body: "appeals:confirm.sent-body" },
  failed: { title: "appeals:confirm.failed-title", body: "appeals:confirm.failed-body" },
  expired: { title: "appeals:confirm.expired-title", body: "appeals:confirm.expired-body" },
  cancelled: { title: "appeals:confirm.cancelled-title", body: "appeals:confirm.cancelled-body" },
  invalid: { title: "appeals:confirm.invalid-title", body: "appeals:confirm.invalid-body" },
} as const satisfies Record<Exclude<ConfirmPageView, "pending">, { title: string; body: string }>;

export default function ConfirmAppealPage() {
  const { language, view, appeal, campaignSlug } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();

  const outcome = result?.outcome ?? null;
  if (outcome || view !== "pending" || !appeal) {
    const keys = outcome ? OUTCOME_KEYS[outcome] : VIEW_KEYS[view === "pending" ? "invalid" : view];
    return (
      <LinkAnswer look="appeals" id="confirm-title" title={t(keys.title)} lead={t(keys.body)} announce={Boolean(outcome)}>
        {campaignSlug ? (
          <p>
            <Link to={`/${language}/campaigns/${campaignSlug}`}>{t("appeals:confirm.back")}</Link>
          </p>
        ) : null}
      </LinkAnswer>
    );
  }

  return (
    <AskPage
      look="appeals"
      id="confirm-title"
      title={t("appeals:confirm.title")}
      lead={t("appeals:confirm.lead")}
      grouped
      buttons={[
        { name: "intent", value: "confirm", label: t("appeals:confirm.confirm") },
        { name: "intent", value: "cancel", label: t("appeals:confirm.cancel"), kind: "secondary" },
      ]}
      note={t("appeals:confirm.note")}
    >
      <section aria-labelledby="appeal-text-title" className="appeal-preview">
        <h2 id="appeal-text-title">{t("appeals:confirm.text-heading")}</h2>
        <dl className="appeal-summary">
          <div>
            <dt>{t("appeals:confirm.to")}</dt>
            <dd>{appeal.addressee.length > 0 ? appeal.addressee.join(", ") : appeal.officialName}</dd>
          </div>
          <div>
            <dt>{t("appeals:confirm.subject")}</dt>
            <dd lang={appeal.language}>{appeal.subject}</dd>
          </div>
        </dl>
        <div className="appeal-letter">{appeal.body}</div>
      </section>
    </AskPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
