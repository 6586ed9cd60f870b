// The back office's front page: what waits for this member's review (each count links to its
// list), and what they may do, straight from the permission table.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { recoveryCodeStatus } from "~/staff/accounts/recovery-codes.server";
import { noStore, requireStaff, staffNavFor } from "~/staff/accounts/session.server";
import { reviewQueueFor, type ReviewKind } from "~/staff/dashboard/review-queue.server";
import { PERMISSION_KEYS, ROLE_KEYS } from "~/staff/labels";
import { can, permissions } from "~/staff/permissions";
import { StaffNav } from "~/staff/staff-nav";
import styles from "~/styles/staff.css";
import { getFixedT } from "~/utils/i18next.server";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";

export const handle = { i18n: ["staff"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "dashboard:view");
  const [t, recovery, review] = await Promise.all([
    getFixedT(language, ["common", "staff"]),
    state.staff.totpEnrolledAt ? recoveryCodeStatus(state.staff.id) : null,
    reviewQueueFor(state.actor, language),
  ]);
  return json(
    {
      nav: staffNavFor(state, language),
      language,
      recovery: recovery ? { remaining: recovery.remaining, low: recovery.low } : null,
      review,
      roles: state.staff.roles,
      allowed: permissions.filter((permission) => can(state.actor, permission)),
      meta: { title: t("common:page-title", { page: t("staff:meta.dashboard") }) },
    },
    { headers: noStore },
  );
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

const REVIEW_KEYS = {
  campaigns: "staff:dashboard.review-campaigns",
  "campaign-revisions": "staff:dashboard.review-campaign-revisions",
  "profile-changes": "staff:dashboard.review-profile-changes",
  "interface-proposals": "staff:dashboard.review-interface-proposals",
  "content-translations": "staff:dashboard.review-content-translations",
} as const satisfies Record<ReviewKind, string>;

export default function StaffDashboardPage() {
  const { nav, language, recovery, review, roles, allowed } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article aria-labelledby="dashboard-title">
      <StaffNav nav={nav} />
      <h1 id="dashboard-title">{t("staff:dashboard.title")}</h1>
      <p>{t("staff:dashboard.roles", { roles: roles.map((role) => t(ROLE_KEYS[role])).join(", ") })}</p>
      {review.length > 0 ? (
        <section aria-labelledby="review-title">
          <h2 id="review-title">{t("staff:dashboard.review-title")}</h2>
          <ul className="staff-review-queue" data-testid="review-queue">
            {review.map((item) => (
              <li key={item.kind}>
                <Link to={item.path} className={item.count > 0 ? "staff-review-waiting" : undefined}>
                  {t("staff:dashboard.review-item", { label: t(REVIEW_KEYS[item.kind]), count: item.count })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>{t("staff:dashboard.permissions-title")}</h2>
      <ul className="staff-permissions" data-testid="permissions">
        {allowed.map((permission) => (
          <li key={permission} data-permission={permission}>
            {t(PERMISSION_KEYS[permission])}
          </li>
        ))}
      </ul>
      {recovery ? (
        <section aria-labelledby="second-factor-title">
          <h2 id="second-factor-title">{t("staff:recovery.status-title")}</h2>
          <p className={recovery.low ? "staff-error" : undefined}>{t("staff:recovery.summary", { count: recovery.remaining })}</p>
          <p>
            <Link to={`/${language}/staff/recovery-codes`}>{t("staff:recovery.manage")}</Link>
          </p>
        </section>
      ) : null}
      <p className="staff-hint">{t("staff:dashboard.coming")}</p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
