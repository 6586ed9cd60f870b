// Importing prisoners from CSV, step 1: upload a file for a dry run (nothing is written to
// profiles here), and the list of recent imports. The report is on /import/:id.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { noStore, requireStaff } from "~/staff/accounts/session.server";
import { importListPage } from "~/staff/imports/import-page.server";
import { IMPORT_STATE_KEYS as STATE_KEYS } from "~/staff/imports/prisoner-import";
import { submitImportUpload, type UploadData, type UploadProblem } from "~/staff/imports/submit-import.server";
import { StaffNav } from "~/staff/staff-nav";
import importStyles from "~/styles/prisoner-import.css";
import styles from "~/styles/staff.css";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["staff", "prisoner-import"] };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: importStyles },
];
export const headers: HeadersFunction = () => noStore;

const UPLOAD_PROBLEM_KEYS: Record<UploadProblem, string> = {
  "no-file": "prisoner-import:upload.problem.no-file",
  "too-large": "prisoner-import:upload.problem.too-large",
  "source-url": "prisoner-import:upload.problem.source-url",
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "prisoner:import");
  return json(await importListPage(state, language), { headers: noStore });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const state = await requireStaff(request, "prisoner:import");
  const outcome = await submitImportUpload(state, request);
  if ("importId" in outcome) throw redirect(`/${language}/staff/prisoners/import/${outcome.importId}`, { status: 303, headers: noStore });
  return json<UploadData>(outcome.data, { status: outcome.status, headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

export default function PrisonerImportUploadPage() {
  const { nav, language, limits, imports } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const values = result?.values ?? { sourceTitle: "", sourceUrl: "" };
  return (
    <article aria-labelledby="import-title">
      <StaffNav nav={nav} />
      <h1 id="import-title">{t("prisoner-import:upload.title")}</h1>
      <p>{t("prisoner-import:upload.lead")}</p>
      {result?.problem ? (
        <p role="alert" className="staff-error">
          {t(UPLOAD_PROBLEM_KEYS[result.problem], { megabytes: limits.megabytes })}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="staff-form" reloadDocument>
        <div className="staff-field">
          <label htmlFor="import-file">{t("prisoner-import:upload.file")}</label>
          <p className="staff-hint" id="import-file-hint">
            {t("prisoner-import:upload.file-hint", { megabytes: limits.megabytes, rows: limits.rows })}
          </p>
          <input id="import-file" name="file" type="file" accept=".csv,.txt,text/csv,text/plain" required aria-describedby="import-file-hint" />
        </div>
        <div className="staff-field">
          <label htmlFor="import-source-title">{t("prisoner-import:upload.source-title")}</label>
          <p className="staff-hint" id="import-source-title-hint">
            {t("prisoner-import:upload.source-title-hint")}
          </p>
          <input id="import-source-title" name="sourceTitle" type="text" defaultValue={values.sourceTitle} aria-describedby="import-source-title-hint" />
        </div>
        <div className="staff-field">
          <label htmlFor="import-source-url">{t("prisoner-import:upload.source-url")}</label>
          <input
            id="import-source-url"
            name="sourceUrl"
            type="text"
            inputMode="url"
            defaultValue={values.sourceUrl}
            aria-invalid={result?.problem === "source-url" ? true : undefined}
          />
        </div>
        <button type="submit" className="staff-button">
          {t("prisoner-import:upload.submit")}
        </button>
      </Form>

      <h2>{t("prisoner-import:list.title")}</h2>
      {imports.length === 0 ? (
        <p>{t("prisoner-import:list.empty")}</p>
      ) : (
        <table className="staff-table">
          <caption>{t("prisoner-import:list.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("prisoner-import:list.file")}</th>
              <th scope="col">{t("prisoner-import:list.state")}</th>
              <th scope="col">{t("prisoner-import:list.rows")}</th>
              <th scope="col">{t("prisoner-import:list.by")}</th>
              <th scope="col">{t("prisoner-import:list.date")}</th>
            </tr>
          </thead>
          <tbody>
            {imports.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link to={`/${language}/staff/prisoners/import/${item.id}`}>{item.fileName}</Link>
                </td>
                <td>{t(STATE_KEYS[item.state])}</td>
                <td>{item.rows}</td>
                <td>{item.staffName ?? t("prisoner-import:list.no-one")}</td>
                <td>{item.createdAt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
