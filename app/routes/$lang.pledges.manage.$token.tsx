// The link at the foot of every pledge email: stop the reminders, or withdraw the pledge.
// GET only shows the pledge and the buttons (mail scanners open links); the buttons POST.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { findPledgeByManageToken, stopReminders, withdrawPledge } from "~/pledges/pledge.server";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/pledges.css";
import { getFixedT } from "~/utils/i18next.server";
import { errorPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["pledges"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

const TOKEN_MAX_LENGTH = 100;
const KINDS = ["WRITE_MONTHLY", "BIRTHDAY_CARD", "CAMPAIGN_PLEDGE", "EVENT"] as const;
type Kind = (typeof KINDS)[number];
const STATES = ["PENDING_CONFIRMATION", "ACTIVE", "FULFILLED", "LAPSED", "WITHDRAWN"] as const;
type State = (typeof STATES)[number];

export async function loader({ params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const token = params.token ?? "";
  const [t, pledge] = await Promise.all([getFixedT(language, "pledges"), token.length <= TOKEN_MAX_LENGTH ? findPledgeByManageToken(token) : null]);
  return json(
    {
      language,
      pledge: pledge
        ? {
            kind: (KINDS as readonly string[]).includes(pledge.kind) ? (pledge.kind as Kind) : "CAMPAIGN_PLEDGE",
            state: (STATES as readonly string[]).includes(pledge.state) ? (pledge.state as State) : "ACTIVE",
            targetName: pledge.targetName,
            remindersOn: pledge.hasReminders && pledge.remindersOn,
            hasReminders: pledge.hasReminders,
          }
        : null,
      meta: { title: t("pledges:manage.meta-title") },
    },
    { status: pledge ? 200 : 404, headers: { "Cache-Control": "no-store" } },
  );
}

type Outcome = Awaited<ReturnType<typeof stopReminders>> | Awaited<ReturnType<typeof withdrawPledge>>;

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  requireLanguage(params);
  const token = params.token ?? "";
  const intent = (await request.formData()).get("intent");
  if (token.length > TOKEN_MAX_LENGTH) return json({ outcome: "invalid" as Outcome }, { status: 404 });
  if (intent === "stop") return json({ outcome: (await stopReminders(token)) as Outcome });
  if (intent === "withdraw") return json({ outcome: (await withdrawPledge(token)) as Outcome });
  return json({ outcome: null }, { status: 400 });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, error }) => {
  if (!data) return errorPageMeta(matches, error);
  return [{ title: data.meta.title }, { name: "robots", content: "noindex" }];
};

const OUTCOME_KEYS = {
  stopped: { title: "pledges:manage.stopped-title", body: "pledges:manage.stopped-body" },
  "already-stopped": { title: "pledges:manage.already-stopped-title", body: "pledges:manage.already-stopped-body" },
  withdrawn: { title: "pledges:manage.withdrawn-title", body: "pledges:manage.withdrawn-body" },
  invalid: { title: "pledges:manage.invalid-title", body: "pledges:manage.invalid-body" },
} as const satisfies Record<Outcome, { title: string; body: string }>;

const KIND_KEYS = {
  WRITE_MONTHLY: "pledges:manage.kind-write-monthly",
  BIRTHDAY_CARD: "pledges:manage.kind-birthday-card",
  CAMPAIGN_PLEDGE: "pledges:manage.kind-campaign",
  EVENT: "pledges:manage.kind-event",
} as const satisfies Record<Kind, string>;

const STATE_KEYS = {
  PENDING_CONFIRMATION: "pledges:manage.state-pending",
  ACTIVE: "pledges:manage.state-active",
  FULFILLED: "pledges:manage.state-fulfilled",
  LAPSED: "pledges:manage.state-lapsed",
  WITHDRAWN: "pledges:manage.state-withdrawn",
} as const satisfies Record<State, string>;

export default function ManagePledgePage() {
  const { language, pledge } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const outcome = result?.outcome ?? null;
  if (outcome || !pledge) {
    const keys = OUTCOME_KEYS[outcome ?? "invalid"];
    return (
      <article className="pledge-page" aria-labelledby="manage-title">
        <h1 id="manage-title">{t(keys.title)}</h1>
        <p className="pledge-lead" role={outcome ? "status" : undefined}>
          {t(keys.body)}
        </p>
        <p>
          <Link to={`/${language}/privacy/request`}>{t("pledges:manage.erase-link")}</Link>
        </p>
      </article>
    );
  }
  const live = pledge.state === "ACTIVE" || pledge.state === "PENDING_CONFIRMATION";
  return (
    <article className="pledge-page" aria-labelledby="manage-title">
      <h1 id="manage-title">{t("pledges:manage.title")}</h1>
      <dl className="pledge-summary">
        <div>
          <dt>{t("pledges:manage.pledge")}</dt>
          <dd>{t(KIND_KEYS[pledge.kind], { name: pledge.targetName })}</dd>
        </div>
        <div>
          <dt>{t("pledges:manage.state")}</dt>
          <dd>{t(STATE_KEYS[pledge.state])}</dd>
        </div>
        <div>
          <dt>{t("pledges:manage.reminders")}</dt>
          <dd>
            {!pledge.hasReminders
              ? t("pledges:manage.reminders-none")
              : pledge.remindersOn
                ? t("pledges:manage.reminders-on")
                : t("pledges:manage.reminders-off")}
          </dd>
        </div>
      </dl>
      <form method="post" className="pledge-actions">
        {pledge.remindersOn ? (
          <button type="submit" name="intent" value="stop" className="pledge-button">
            {t("pledges:manage.stop")}
          </button>
        ) : null}
        {live ? (
          <button type="submit" name="intent" value="withdraw" className="pledge-button pledge-button--secondary">
            {t("pledges:manage.withdraw")}
          </button>
        ) : null}
      </form>
      <p className="pledge-hint">{t("pledges:manage.note")}</p>
      <p>
        <Link to={`/${language}/privacy/request`}>{t("pledges:manage.erase-link")}</Link>
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
