// Importing prisoners from CSV, step 1: upload a file for a dry run (nothing is written to
// profiles here), and the list of recent imports. The report is on /import/:id.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, IMPORT_STATE_KEYS as STATE_KEYS } from "~/staff/imports/prisoner-import";
import { checkImport, listImports } from "~/staff/imports/prisoner-import.server";
import { noStore, requireStaff, staffNavFor } from "~/staff/accounts/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StaffNav } from "~/staff/staff-nav";
import type { loader as rootLoader } from "~/root";
import importStyles from "~/styles/prisoner-import.css";
import styles from "~/styles/staff.css";
import { formatDate, formatNumber } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { errorPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["backoffice", "prisoner-import"] };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: importStyles },
];
export const headers: HeadersFunction = () => noStore;

type UploadProblem = "no-file" | "too-large" | "source-url";
const UPLOAD_PROBLEM_KEYS: Record<UploadProblem, string> = {
  "no-file": "prisoner-import:upload.problem.no-file",
  "too-large": "prisoner-import:upload.problem.too-large",
  "source-url": "prisoner-import:upload.problem.source-url",
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "prisoner:import");
  const [imports, t] = await Promise.all([listImports(), getFixedT(language, ["common", "prisoner-import"])]);
  return json(
    {
      nav: staffNavFor(state, language),
      language,
      limits: { megabytes: formatNumber(IMPORT_MAX_BYTES / 1024 / 1024, language), rows: formatNumber(IMPORT_MAX_ROWS, language) },
      imports: imports.map((item) => ({
        ...item,
        createdAt: formatDate(item.createdAt.toISOString().slice(0, 10), "DAY", language),
        rows: formatNumber(item.totalRows, language),
      })),
      meta: { title: t("common:page-title", { page: t("prisoner-import:upload.title") }) },
    },
    { headers: noStore },
  );
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const state = await requireStaff(request, "prisoner:import");
  const refuse = (problem: UploadProblem, values: { sourceTitle: string; sourceUrl: string }) =>
    json({ problem, values }, { status: problem === "too-large" ? 413 : 400, headers: noStore });
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  // The form's own fields add a little; anything far above the limit is refused unread.
  if (declared > IMPORT_MAX_BYTES + 64 * 1024) return refuse("too-large", { sourceTitle: "", sourceUrl: "" });
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: IMPORT_MAX_BYTES }));
  } catch (error) {
    const tooLarge = error instanceof Error && /exceeded|too large|maxPartSize/i.test(`${error.name} ${error.message}`);
    return refuse(tooLarge ? "too-large" : "no-file", { sourceTitle: "", sourceUrl: "" });
  }
  const values = {
    sourceTitle: String(form.get("sourceTitle") ?? "").trim().slice(0, 300),
    sourceUrl: String(form.get("sourceUrl") ?? "").trim().slice(0, 500),
  };
  if (values.sourceUrl && !/^https?:\/\/[^\s]+$/i.test(values.sourceUrl)) return refuse("source-url", values);
  const file = form.get("file");
  if (!file || typeof file === "string" || file.size === 0) return refuse("no-file", values);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { id } = await checkImport(state.staff, {
    fileName: file.name || "import.csv",
    bytes,
    sourceTitle: values.sourceTitle || null,
    sourceUrl: values.sourceUrl || null,
  });
  throw redirect(`/${language}/staff/prisoners/import/${id}`, { status: 303, headers: noStore });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, error }) => {
  if (!data) return errorPageMeta(matches, error);
  return [{ title: data.meta.title }, { name: "robots", content: "noindex" }];
};

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
