// Prisoner profiles in the back office: every profile for whoever may edit them (profiles are
// shared work), searchable by name, filtered to drafts, published ones or those with changes
// waiting for review (the review queue). Read-only; editing happens on each profile's page.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pagination } from "~/components/pagination";
import { noStore, requireStaff } from "~/staff/accounts/session.server";
import { PROFILE_FILTERS, type ProfileFilter } from "~/staff/profiles/profile-change-state";
import { ProfileStateFilters, useFieldLabel, useValueText } from "~/staff/profiles/profile-editor-form";
import { profileListPage } from "~/staff/profiles/profile-editor-page.server";
import { StaffNav } from "~/staff/staff-nav";
import editorStyles from "~/styles/profile-editor.css";
import styles from "~/styles/staff.css";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";

export const handle = { i18n: ["staff", "profile-editor"] };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: editorStyles },
];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "prisoner:edit");
  return json(await profileListPage(state, language, new URL(request.url).searchParams), { headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

const FILTER_KEYS = {
  all: "profile-editor:list.filter-all",
  draft: "profile-editor:list.filter-draft",
  returned: "profile-editor:list.filter-returned",
  published: "profile-editor:list.filter-published",
  pending: "profile-editor:list.filter-pending",
  stale: "profile-editor:list.filter-stale",
} as const satisfies Record<ProfileFilter, string>;

export default function StaffPrisonersPage() {
  const { nav, language, profiles, total, page, pageCount, facilities, q, filter, status, letterStatus, facility, mayApprove, staleCount, staleAfterDays } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const valueText = useValueText();
  // Page links keep every filter, so a page is a plain link that works without JavaScript.
  const pageLink = (target: number) => {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    if (filter !== "all") params.set("filter", filter);
    if (status) params.set("status", status);
    if (letterStatus) params.set("letters", letterStatus);
    if (facility) params.set("facility", facility);
    params.set("page", String(target));
    return `/${language}/staff/prisoners?${params.toString()}`;
  };
  return (
    <article aria-labelledby="profiles-title">
      <StaffNav nav={nav} />
      <h1 id="profiles-title">{t("profile-editor:list.title")}</h1>
      <p>
        <Link to={`/${language}/staff/prisoners/new`}>{t("profile-editor:list.new")}</Link>
        {" · "}
        <Link to={`/${language}/staff/prisoners?filter=pending`}>{mayApprove ? t("profile-editor:list.review-queue") : t("profile-editor:list.filter-pending")}</Link>
        {" · "}
        <Link to={`/${language}/staff/prisoners?filter=stale`}>{t("profile-editor:list.stale-count", { count: staleCount })}</Link>
        {mayApprove ? (
          <>
            {" · "}
            <Link to={`/${language}/staff/prisoners/review`}>{t("profile-editor:review.link")}</Link>
          </>
        ) : null}
      </p>
      {filter === "stale" ? <p className="staff-hint">{t("profile-editor:list.stale-lead", { count: staleAfterDays })}</p> : null}
      <Form method="get" className="staff-form" role="search" aria-label={t("profile-editor:list.search-label")}>
        <div className="staff-field">
          <label htmlFor="q">{t("profile-editor:list.search")}</label>
          <input type="text" id="q" name="q" defaultValue={q} />
        </div>
        <div className="staff-field">
          <label htmlFor="filter">{t("profile-editor:list.filter")}</label>
          <select id="filter" name="filter" defaultValue={filter}>
            {PROFILE_FILTERS.map((value) => (
              <option key={value} value={value}>
                {t(FILTER_KEYS[value])}
              </option>
            ))}
          </select>
        </div>
        <ProfileStateFilters status={status} letterStatus={letterStatus} facility={facility} facilities={facilities} />
        <button type="submit" className="staff-button staff-button--secondary">
          {t("profile-editor:list.show")}
        </button>
      </Form>
      {profiles.length === 0 ? (
        <p>{t("profile-editor:list.empty")}</p>
      ) : (
        <table className="staff-table">
          <caption>
            {t("profile-editor:list.caption", { count: total })}
            {pageCount > 1 ? ` · ${t("profile-editor:list.page-of", { page, pages: pageCount })}` : null}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("profile-editor:list.name")}</th>
              {/* The re-check list holds published profiles only: its third column is the last report. */}
              {filter === "stale" ? null : <th scope="col">{t("profile-editor:list.state")}</th>}
              <th scope="col">{t("profile-editor:list.pending")}</th>
              {filter === "stale" ? <th scope="col">{t("profile-editor:list.last-report")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {profiles.map((profile) => (
              <tr key={profile.id} data-slug={profile.slug}>
                <td>
                  <Link to={`/${language}/staff/prisoners/${profile.id}`}>{profile.name}</Link>
                  <br />
                  {profile.slug}
                </td>
                {filter === "stale" ? null : <td>{profile.returned ? t("profile-editor:state.returned") : profile.draft ? t("profile-editor:state.draft") : t("profile-editor:state.published")}</td>}
                <td>{profile.pending > 0 ? t("profile-editor:list.pending-count", { count: profile.pending }) : "—"}</td>
                {profile.reports ? (
                  <td>
                    <ul className="profile-list__reports">
                      {profile.reports.map((report) => (
                        <li key={report.field} data-stale-report={report.field} data-freshness={report.view.freshness}>
                          {report.view.report
                            ? t("profile-editor:list.last-report-by", { field: fieldLabel(report.field), value: valueText(report.field, report.value), source: report.view.report.source.publication, date: report.view.report.displayDate })
                            : t("profile-editor:list.no-report", { field: fieldLabel(report.field), value: valueText(report.field, report.value) })}
                        </li>
                      ))}
                    </ul>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pageCount={pageCount} href={pageLink} label={t("profile-editor:list.pages")} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
