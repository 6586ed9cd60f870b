// The back office's front page: what this member may do, straight from the permission table.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { recoveryCodeStatus } from "~/staff/accounts/recovery-codes.server";
import { noStore, requireStaff, staffNavFor } from "~/staff/accounts/session.server";
import { PERMISSION_KEYS, ROLE_KEYS } from "~/staff/labels";
import { can, permissions } from "~/staff/permissions";
import { StaffNav } from "~/staff/staff-nav";
import styles from "~/styles/staff.css";
import { getFixedT } from "~/utils/i18next.server";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";

export const handle = { i18n: ["backoffice"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "dashboard:view");
  const [t, recovery] = await Promise.all([getFixedT(language, ["common", "backoffice"]), state.staff.totpEnrolledAt ? recoveryCodeStatus(state.staff.id) : null]);
  return json(
    {
      nav: staffNavFor(state, language),
      language,
      recovery: recovery ? { remaining: recovery.remaining, low: recovery.low } : null,
      roles: state.staff.roles,
      allowed: permissions.filter((permission) => can(state.actor, permission)),
      meta: { title: t("common:page-title", { page: t("backoffice:meta.dashboard") }) },
    },
    { headers: noStore },
  );
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

export default function StaffDashboardPage() {
  const { nav, language, recovery, roles, allowed } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article aria-labelledby="dashboard-title">
      <StaffNav nav={nav} />
      <h1 id="dashboard-title">{t("backoffice:dashboard.title")}</h1>
      <p>{t("backoffice:dashboard.roles", { roles: roles.map((role) => t(ROLE_KEYS[role])).join(", ") })}</p>
      <h2>{t("backoffice:dashboard.permissions-title")}</h2>
      <ul className="staff-permissions" data-testid="permissions">
        {allowed.map((permission) => (
          <li key={permission} data-permission={permission}>
            {t(PERMISSION_KEYS[permission])}
          </li>
        ))}
      </ul>
      {recovery ? (
        <section aria-labelledby="second-factor-title">
          <h2 id="second-factor-title">{t("backoffice:recovery.status-title")}</h2>
          <p className={recovery.low ? "staff-error" : undefined}>{t("backoffice:recovery.summary", { count: recovery.remaining })}</p>
          <p>
            <Link to={`/${language}/staff/recovery-codes`}>{t("backoffice:recovery.manage")}</Link>
          </p>
        </section>
      ) : null}
      <p className="staff-hint">{t("backoffice:dashboard.coming")}</p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
