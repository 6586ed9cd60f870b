// The facility import page: the upload form, the dry run's report line by line with each
// problem translated, and Apply (only when every line reads).
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { languageAutonyms, type Language } from "~/i18n";

import { FACILITY_FILE_PROBLEM_KEYS, FACILITY_IMPORT_PROBLEM_KEYS, FACILITY_OUTCOME_KEYS, type FacilityImportReport } from "./facility-import";
import { FACILITY_FIELD_KEYS } from "./reference-fields";

interface Result {
  problem: "no-file" | "too-large" | null;
  report: FacilityImportReport | null;
  content: string | null;
  fileName: string;
}

const UPLOAD_KEYS = { "no-file": "reference-data:import.upload.no-file", "too-large": "reference-data:import.upload.too-large" } as const;

export function FacilityImportView({ language, result }: { language: string; result: Result | null }) {
  const { t } = useTranslation();
  const report = result?.report ?? null;
  const fieldLabel = (field: string) =>
    field.startsWith("name.") ? t("reference-data:field.name", { language: languageAutonyms[field.slice(5) as Language] ?? field.slice(5) }) : field in FACILITY_FIELD_KEYS ? t(FACILITY_FIELD_KEYS[field as keyof typeof FACILITY_FIELD_KEYS]) : "";
  return (
    <>
      <p>
        <Link to={`/${language}/staff/facilities`}>{t("reference-data:facility.back")}</Link>
      </p>
      <h1 id="reference-title">{t("reference-data:import.title")}</h1>
      <p>{t("reference-data:import.lead")}</p>
      {result?.problem ? (
        <p role="alert" className="staff-error">
          {t(UPLOAD_KEYS[result.problem])}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="staff-form" reloadDocument>
        <div className="staff-field">
          <label htmlFor="facility-file">{t("reference-data:import.file-label")}</label>
          <p className="staff-hint" id="facility-file-hint">
            {t("reference-data:import.file-hint")}
          </p>
          <input id="facility-file" name="file" type="file" accept=".csv,.txt,text/csv,text/plain" required aria-describedby="facility-file-hint" />
        </div>
        <button type="submit" name="intent" value="check" className="staff-button">
          {t("reference-data:import.check")}
        </button>
      </Form>
      {report ? (
        <section aria-labelledby="report-title">
          <h2 id="report-title">{t("reference-data:import.report", { file: result?.fileName ?? "" })}</h2>
          {report.fileProblem ? (
            <p role="alert" className="staff-error">
              {t(FACILITY_FILE_PROBLEM_KEYS[report.fileProblem])}
            </p>
          ) : (
            <>
              <ul>
                {(["new", "update", "unchanged", "error"] as const).map((outcome) => (
                  <li key={outcome}>{`${t(FACILITY_OUTCOME_KEYS[outcome])}: ${report.counts[outcome]}`}</li>
                ))}
              </ul>
              {report.ignoredHeaders.length > 0 ? <p>{t("reference-data:import.ignored", { headers: report.ignoredHeaders.join(", ") })}</p> : null}
              {report.counts.error > 0 ? (
                <p role="alert" className="staff-error">
                  {t("reference-data:import.has-errors", { count: report.counts.error })}
                </p>
              ) : null}
              <table className="staff-table">
                <caption>{t("reference-data:import.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("reference-data:import.line")}</th>
                    <th scope="col">{t("reference-data:facility.list.designation")}</th>
                    <th scope="col">{t("reference-data:import.outcome-column")}</th>
                    <th scope="col">{t("reference-data:import.problems")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rows.map((row) => (
                    <tr key={row.line} data-line={row.line} data-outcome={row.outcome}>
                      <td>{row.line}</td>
                      <td>{row.designation}</td>
                      <td>{t(FACILITY_OUTCOME_KEYS[row.outcome])}</td>
                      <td>
                        {row.problems.map((problem, index) => (
                          <p key={index}>
                            {[problem.field ? fieldLabel(problem.field) : "", t(FACILITY_IMPORT_PROBLEM_KEYS[problem.code], { value: problem.value ?? "", line: problem.value ?? "" })].filter(Boolean).join(": ")}
                          </p>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {result?.content ? (
            <Form method="post" encType="multipart/form-data" className="staff-form" reloadDocument>
              <input type="hidden" name="content" value={result.content} />
              <input type="hidden" name="fileName" value={result.fileName} />
              <p>{t("reference-data:import.apply-lead")}</p>
              <button type="submit" name="intent" value="apply" className="staff-button">
                {t("reference-data:import.apply")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
