// The link at the foot of every pledge email: stop the reminders, or withdraw the pledge.
// GET only shows the pledge and the buttons (mail scanners open links); the buttons POST.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AskPage, LinkAnswer, privateLinkMeta, type AskButton } from "~/components/token-page";
import { answerManageLink, managePage, type ManagedPledgeKind, type ManageLinkOutcome } from "~/pledges/pledge-link-page.server";
import type { PledgeState } from "~/pledges/pledge-state";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/pledges.css";
import { linkToken, NO_STORE } from "~/utils/private-link.server";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["pledges"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => NO_STORE;

export async function loader({ params }: LoaderFunctionArgs) {
  const { data, status } = await managePage(params);
  return json(data, { status, headers: NO_STORE });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  requireLanguage(params);
  const { outcome, status } = await answerManageLink(linkToken(params), await request.formData());
  return json({ outcome }, { status });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = privateLinkMeta;

const OUTCOME_KEYS = {
  stopped: { title: "pledges:manage.stopped-title", body: "pledges:manage.stopped-body" },
  "already-stopped": { title: "pledges:manage.already-stopped-title", body: "pledges:manage.already-stopped-body" },
  withdrawn: { title: "pledges:manage.withdrawn-title", body: "pledges:manage.withdrawn-body" },
  invalid: { title: "pledges:manage.invalid-title", body: "pledges:manage.invalid-body" },
} as const satisfies Record<ManageLinkOutcome, { title: string; body: string }>;

const KIND_KEYS = {
  WRITE_MONTHLY: "pledges:manage.kind-write-monthly",
  BIRTHDAY_CARD: "pledges:manage.kind-birthday-card",
  CAMPAIGN_PLEDGE: "pledges:manage.kind-campaign",
  EVENT: "pledges:manage.kind-event",
} as const satisfies Record<ManagedPledgeKind, string>;

const STATE_KEYS = {
  PENDING_CONFIRMATION: "pledges:manage.state-pending",
  ACTIVE: "pledges:manage.state-active",
  FULFILLED: "pledges:manage.state-fulfilled",
  LAPSED: "pledges:manage.state-lapsed",
  WITHDRAWN: "pledges:manage.state-withdrawn",
} as const satisfies Record<PledgeState, string>;

export default function ManagePledgePage() {
  const { language, pledge } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const outcome = result?.outcome ?? null;
  const eraseLink = (
    <p>
      <Link to={`/${language}/privacy/request`}>{t("pledges:manage.erase-link")}</Link>
    </p>
  );
  if (outcome || !pledge) {
    const keys = OUTCOME_KEYS[outcome ?? "invalid"];
    return (
      <LinkAnswer look="pledges" id="manage-title" title={t(keys.title)} lead={t(keys.body)} announce={Boolean(outcome)}>
        {eraseLink}
      </LinkAnswer>
    );
  }
  const buttons: AskButton[] = [
    ...(pledge.remindersOn ? [{ name: "intent", value: "stop", label: t("pledges:manage.stop") }] : []),
    ...(pledge.canWithdraw ? [{ name: "intent", value: "withdraw", label: t("pledges:manage.withdraw"), kind: "secondary" as const }] : []),
  ];
  return (
    <AskPage look="pledges" id="manage-title" title={t("pledges:manage.title")} grouped buttons={buttons} note={t("pledges:manage.note")} footer={eraseLink}>
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
    </AskPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
