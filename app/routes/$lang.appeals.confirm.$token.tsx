// The link in the confirmation email lands here. Mail scanners open links by themselves,
// so GET only shows the appeal; confirming and cancelling are buttons that POST. Every
// state (expired, already confirmed, cancelled, unknown link) is a page of its own.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { cancelAppeal, confirmAppeal, findAppealByToken } from "~/appeals/appeal.server";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/appeals.css";
import { getFixedT } from "~/utils/i18next.server";
import { errorPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["appeals"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

/** What the page shows: the appeal awaiting a decision, or what has become of it. */
type View = "pending" | "confirmed" | "sent" | "failed" | "expired" | "cancelled" | "invalid";

export async function loader({ params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const token = params.token ?? "";
  const [t, appeal] = await Promise.all([getFixedT(language, "appeals"), token.length <= 100 ? findAppealByToken(token) : null]);
  let view: View = "invalid";
  if (appeal) {
    if (appeal.expired) view = "expired";
    else if (appeal.state === "PENDING_CONFIRMATION") view = "pending";
    else if (appeal.state === "CONFIRMED") view = "confirmed";
    else if (appeal.state === "SENT") view = "sent";
    else if (appeal.state === "FAILED") view = "failed";
    else if (appeal.state === "CANCELLED") view = "cancelled";
    else if (appeal.state === "EXPIRED") view = "expired";
  }
  return json(
    {
      language,
      view,
      // The text is shown only while there is still a decision to make.
      appeal:
        appeal && view === "pending"
          ? { officialName: appeal.officialName, subject: appeal.subject, body: appeal.body, language: appeal.language, campaignSlug: appeal.campaignSlug }
          : null,
      campaignSlug: appeal?.campaignSlug ?? null,
      meta: { title: t("appeals:confirm.meta-title") },
    },
    { status: view === "invalid" ? 404 : 200, headers: { "Cache-Control": "no-store" } },
  );
}

type Outcome = Awaited<ReturnType<typeof confirmAppeal>> | Awaited<ReturnType<typeof cancelAppeal>>;

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  requireLanguage(params);
  const token = params.token ?? "";
  const intent = (await request.formData()).get("intent");
  if (token.length > 100) return json({ outcome: "invalid" as Outcome }, { status: 404 });
  if (intent === "cancel") return json({ outcome: (await cancelAppeal(token)) as Outcome });
  if (intent === "confirm") return json({ outcome: (await confirmAppeal(token)) as Outcome });
  return json({ outcome: null }, { status: 400 });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, error }) => {
  if (!data) return errorPageMeta(matches, error);
  // A private link: no canonical, no alternates, not for search engines.
  return [{ title: data.meta.title }, { name: "robots", content: "noindex" }];
};

const OUTCOME_KEYS = {
  confirmed: { title: "appeals:confirm.confirmed-title", body: "appeals:confirm.confirmed-body" },
  "already-confirmed": { title: "appeals:confirm.already-title", body: "appeals:confirm.already-body" },
  expired: { title: "appeals:confirm.expired-title", body: "appeals:confirm.expired-body" },
  cancelled: { title: "appeals:confirm.cancelled-title", body: "appeals:confirm.cancelled-body" },
  "already-sent": { title: "appeals:confirm.sent-title", body: "appeals:confirm.too-late-body" },
  invalid: { title: "appeals:confirm.invalid-title", body: "appeals:confirm.invalid-body" },
} as const satisfies Record<Outcome, { title: string; body: string }>;

const VIEW_KEYS = {
  confirmed: { title: "appeals:confirm.already-title", body: "appeals:confirm.already-body" },
  sent: { title: "appeals:confirm.sent-title", body: "appeals:confirm.sent-body" },
  failed: { title: "appeals:confirm.failed-title", body: "appeals:confirm.failed-body" },
  expired: { title: "appeals:confirm.expired-title", body: "appeals:confirm.expired-body" },
  cancelled: { title: "appeals:confirm.cancelled-title", body: "appeals:confirm.cancelled-body" },
  invalid: { title: "appeals:confirm.invalid-title", body: "appeals:confirm.invalid-body" },
} as const satisfies Record<Exclude<View, "pending">, { title: string; body: string }>;

export default function ConfirmAppealPage() {
  const { language, view, appeal, campaignSlug } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const back = campaignSlug ? (
    <p>
      <Link to={`/${language}/campaigns/${campaignSlug}`}>{t("appeals:confirm.back")}</Link>
    </p>
  ) : null;

  const outcome = result?.outcome ?? null;
  if (outcome || view !== "pending" || !appeal) {
    const keys = outcome ? OUTCOME_KEYS[outcome] : VIEW_KEYS[view === "pending" ? "invalid" : view];
    return (
      <article className="appeal appeal-outcome" aria-labelledby="confirm-title">
        <h1 id="confirm-title">{t(keys.title)}</h1>
        <p className="appeal__lead" role={outcome ? "status" : undefined}>
          {t(keys.body)}
        </p>
        {back}
      </article>
    );
  }

  return (
    <article className="appeal" aria-labelledby="confirm-title">
      <h1 id="confirm-title">{t("appeals:confirm.title")}</h1>
      <p className="appeal__lead">{t("appeals:confirm.lead")}</p>
      <section aria-labelledby="appeal-text-title" className="appeal-preview">
        <h2 id="appeal-text-title">{t("appeals:confirm.text-heading")}</h2>
        <dl className="appeal-summary">
          <div>
            <dt>{t("appeals:confirm.to")}</dt>
            <dd>{appeal.officialName}</dd>
          </div>
          <div>
            <dt>{t("appeals:confirm.subject")}</dt>
            <dd lang={appeal.language}>{appeal.subject}</dd>
          </div>
        </dl>
        <div className="appeal-letter">{appeal.body}</div>
      </section>
      <form method="post" className="appeal-actions">
        <button type="submit" name="intent" value="confirm" className="appeal-button">
          {t("appeals:confirm.confirm")}
        </button>
        <button type="submit" name="intent" value="cancel" className="appeal-button appeal-button--secondary">
          {t("appeals:confirm.cancel")}
        </button>
      </form>
      <p className="appeal-hint">{t("appeals:confirm.note")}</p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
