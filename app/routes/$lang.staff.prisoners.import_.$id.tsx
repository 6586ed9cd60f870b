// Importing prisoners from CSV, step 2: the dry-run report of one import (counts, then the
// rows page by page), the Apply button for its uploader or an admin, and the progress while
// it is being applied (the page reloads itself every 2 s without JavaScript).
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pagination } from "~/components/pagination";
import type { loader as rootLoader } from "~/root";
import { noStore, requireStaff } from "~/staff/accounts/session.server";
import { importReportPage, type ApplyNotice } from "~/staff/imports/import-page.server";
import {
  COUNT_KEYS,
  FAILURE_KEYS,
  FILE_PROBLEM_KEYS,
  IMPORT_STATE_KEYS,
  OUTCOME_KEYS,
  PROBLEM_KEYS,
} from "~/staff/imports/prisoner-import";
import { submitImportApply } from "~/staff/imports/submit-import.server";
import { StaffNav } from "~/staff/staff-nav";
import importStyles from "~/styles/prisoner-import.css";
import styles from "~/styles/staff.css";
import { errorPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["staff", "prisoner-import", "profile-editor"] };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: importStyles },
];
export const headers: HeadersFunction = () => noStore;

const NOTICE_KEYS = {
  forbidden: "prisoner-import:notice.forbidden",
  "not-checked": "prisoner-import:notice.not-checked",
  "has-errors": "prisoner-import:notice.has-errors",
} as const satisfies Record<ApplyNotice, string>;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "prisoner:import");
  return json(await importReportPage(state, params.id ?? "", language, new URL(request.url).searchParams), { headers: noStore });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const state = await requireStaff(request, "prisoner:import");
  const id = params.id ?? "";
  const notice = await submitImportApply(state, id);
  throw redirect(`/${language}/staff/prisoners/import/${id}${notice ? `?notice=${notice}` : ""}`, { status: 303, headers: noStore });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, error }) => {
  if (!data) return errorPageMeta(matches, error);
  const tags = [{ title: data.meta.title }, { name: "robots", content: "noindex" }];
  // While applying, the page reloads itself (no JavaScript needed; the CSP does not cover it).
  return data.state === "APPLYING" ? [...tags, { httpEquiv: "refresh", content: "2" }] : tags;
};

export default function PrisonerImportReportPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const base = `/${data.language}/staff/prisoners/import/${data.id}`;
  const pageLink = (page: number) => {
    const next = new URLSearchParams(searchParams);
    next.set("page", String(page));
    next.delete("notice");
    return `${base}?${next.toString()}`;
  };
  return (
    <article aria-labelledby="report-title">
      <StaffNav nav={data.nav} />
      <p>
        <Link to={`/${data.language}/staff/prisoners/import`}>{t("prisoner-import:report.back")}</Link>
      </p>
      <h1 id="report-title">{t("prisoner-import:report.title", { file: data.fileName })}</h1>
      <p>
        {t("prisoner-import:report.meta", { state: t(IMPORT_STATE_KEYS[data.state]), encoding: data.encoding, by: data.staffName ?? t("prisoner-import:list.no-one") })}
        {data.own ? ` ${t("prisoner-import:report.yours")}` : ""}
      </p>
      {data.notice ? (
        <p role="alert" className="staff-error">
          {t(NOTICE_KEYS[data.notice])}
        </p>
      ) : null}

      {data.state === "APPLYING" ? (
        <section aria-labelledby="progress-title" className="import-progress">
          <h2 id="progress-title">{t("prisoner-import:progress.title")}</h2>
          <label htmlFor="import-progress">{t("prisoner-import:progress.rows", { processed: data.progress.processedText, total: data.progress.totalText, count: data.progress.total })}</label>
          <progress id="import-progress" max={Math.max(1, data.progress.total)} value={data.progress.processed}>
            {t("prisoner-import:progress.rows", { processed: data.progress.processedText, total: data.progress.totalText, count: data.progress.total })}
          </progress>
          <p className="staff-hint">{t("prisoner-import:progress.refresh")}</p>
        </section>
      ) : null}
      {data.state === "APPLIED" && data.applied ? (
        <p role="status" className="staff-ok">
          {t("prisoner-import:applied.summary", { created: data.applied.created, updated: data.applied.updated, pending: data.applied.pending, charges: data.applied.charges })}
        </p>
      ) : null}
      {data.state === "FAILED" && data.failure ? (
        <p role="alert" className="staff-error">
          {t(FAILURE_KEYS[data.failure.reason], { line: data.failure.line ?? 0 })} {t("prisoner-import:failure.nothing-written")}
        </p>
      ) : null}
      {data.fileProblem ? (
        <p role="alert" className="staff-error">
          {t(FILE_PROBLEM_KEYS[data.fileProblem], { megabytes: data.limits.megabytes, rows: data.limits.rows })}
        </p>
      ) : null}

      {!data.fileProblem ? (
        <>
          <h2>{t("prisoner-import:counts.title")}</h2>
          <dl className="import-counts">
            {data.counts.map((item) => (
              <div key={item.outcome} data-outcome={item.outcome}>
                <dt>{t(COUNT_KEYS[item.outcome])}</dt>
                <dd>{item.text}</dd>
              </div>
            ))}
          </dl>
          <p>{t("prisoner-import:counts.warnings", { count: data.warnings })}</p>

          {data.state === "CHECKED" ? (
            data.mayApply ? (
              <Form method="post" reloadDocument className="import-apply">
                <p>{t("prisoner-import:apply.explain")}</p>
                <button type="submit" className="staff-button">
                  {t("prisoner-import:apply.submit", { count: data.total })}
                </button>
              </Form>
            ) : data.counts.some((item) => item.outcome === "error" && item.count > 0) ? (
              <p className="staff-error">{t("prisoner-import:apply.blocked-by-errors")}</p>
            ) : (
              <p>{t("prisoner-import:apply.not-yours")}</p>
            )
          ) : null}
          {data.state === "APPLIED" && data.applied && data.applied.pending > 0 ? (
            <p>{data.mayReview ? t("prisoner-import:applied.pending-review-you") : t("prisoner-import:applied.pending-review")}</p>
          ) : null}
          {data.state === "APPLIED" && data.mayReview ? (
            <p>
              <Link to={`/${data.language}/staff/prisoners/review?import=${data.id}`}>{t("profile-editor:review.link")}</Link>
            </p>
          ) : null}

          <h2 id="rows-title">{t("prisoner-import:rows.title")}</h2>
          <p>
            {data.onlyProblems ? (
              <Link to={base}>{t("prisoner-import:rows.show-all")}</Link>
            ) : (
              <Link to={`${base}?rows=problems`}>{t("prisoner-import:rows.show-problems")}</Link>
            )}
          </p>
          {data.pageRows.length === 0 ? (
            <p>{t("prisoner-import:rows.none")}</p>
          ) : (
            <table className="staff-table import-rows" aria-describedby="rows-title">
              <caption>{t("prisoner-import:rows.caption", { page: data.page, pages: data.pages, shown: data.shownRows })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("prisoner-import:rows.line")}</th>
                  <th scope="col">{t("prisoner-import:rows.name")}</th>
                  <th scope="col">{t("prisoner-import:rows.outcome")}</th>
                  <th scope="col">{t("prisoner-import:rows.details")}</th>
                </tr>
              </thead>
              <tbody>
                {data.pageRows.map((row) => (
                  <tr key={row.line} data-line={row.line} data-outcome={row.outcome}>
                    <td>{row.line}</td>
                    <td>
                      {row.name}
                      {row.slug ? (
                        <>
                          <br />
                          <span className="import-slug">{row.slug}</span>
                        </>
                      ) : null}
                    </td>
                    <td>{t(OUTCOME_KEYS[row.outcome])}</td>
                    <td>
                      {row.fields && row.fields.length > 0 ? <p>{t("prisoner-import:rows.fields", { fields: row.fields.join(", ") })}</p> : null}
                      {row.problems.length > 0 ? (
                        <ul>
                          {row.problems.map((problem, index) => (
                            <li key={index} className={problem.severity === "error" ? "staff-error" : undefined}>
                              {problem.severity === "error" ? t("prisoner-import:rows.error") : t("prisoner-import:rows.warning")}{" "}
                              {problem.column ? t("prisoner-import:rows.column", { column: problem.column }) : null}{" "}
                              {t(PROBLEM_KEYS[problem.code], { value: problem.value ?? "", line: problem.value ?? "" })}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pagination page={data.page} pageCount={data.pages} href={pageLink} label={t("prisoner-import:rows.pages")} />

          <h2>{t("prisoner-import:columns.title")}</h2>
          <table className="staff-table">
            <caption>{t("prisoner-import:columns.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("prisoner-import:columns.header")}</th>
                <th scope="col">{t("prisoner-import:columns.read-as")}</th>
              </tr>
            </thead>
            <tbody>
              {data.columns.map((column, index) => (
                <tr key={index}>
                  <td>{column.header}</td>
                  <td>{column.column ?? t("prisoner-import:columns.ignored")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
