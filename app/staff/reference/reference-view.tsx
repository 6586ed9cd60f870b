// The reference pages' UI: the list, the form of a facility or charge type (works without
// JavaScript; errors next to their fields, values as typed), the review box and the history.
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { languageAutonyms, supportedLanguages } from "~/i18n";
import { StaffNav } from "~/staff/staff-nav";

import {
  CHANGE_STATE_KEYS,
  FACILITY_FIELD_KEYS,
  FACILITY_KIND_KEYS,
  FACILITY_KINDS,
  REFERENCE_ERROR_KEYS,
  REFERENCE_STATE_KEYS,
  type ChargeValues,
  type FacilityValues,
  type ReferenceErrorCode,
  type ReferenceErrors,
  type ReferenceKind,
} from "./reference-fields";
import type { loadReferenceEdit, loadReferenceList, submitReferenceEdit } from "./reference-routes.server";

const DONE_KEYS = { proposed: "reference-data:done.proposed", apply: "reference-data:done.apply", reject: "reference-data:done.reject" } as const;
const PROBLEM_KEYS = {
  forbidden: "reference-data:problems.forbidden",
  "already-decided": "reference-data:problems.already-decided",
  "reason-required": "reference-data:problems.reason-required",
  "unknown-intent": "reference-data:problems.unknown-intent",
  "no-change": "reference-data:problems.no-change",
} as const;
const LIST_KEYS = {
  facility: { title: "reference-data:facility.list.title", add: "reference-data:facility.list.add", empty: "reference-data:facility.list.empty", label: "reference-data:facility.list.designation" },
  charge: { title: "reference-data:charge.list.title", add: "reference-data:charge.list.add", empty: "reference-data:charge.list.empty", label: "reference-data:charge.list.article" },
} as const;
const path = (kind: ReferenceKind) => (kind === "facility" ? "facilities" : "charges");

function ErrorText({ id, code }: { id: string; code: ReferenceErrorCode | undefined }) {
  const { t } = useTranslation();
  return code ? (
    <p id={id} className="staff-error">
      {t(REFERENCE_ERROR_KEYS[code])}
    </p>
  ) : null;
}

interface ListItem {
  id: string;
  label: string;
  name: string;
  town: string;
  reviewState: keyof typeof REFERENCE_STATE_KEYS;
  pending: boolean;
}

export function ReferenceList({ kind, language, items, onlyWaiting, mayImport }: { kind: ReferenceKind; language: string; items: ListItem[]; onlyWaiting: boolean; mayImport: boolean }) {
  const { t } = useTranslation();
  const keys = LIST_KEYS[kind];
  const base = `/${language}/staff/${path(kind)}`;
  return (
    <>
      <h1 id="reference-title">{t(keys.title)}</h1>
      <p>
        <Link to={`${base}/new`}>{t(keys.add)}</Link>
        {mayImport ? (
          <>
            {" · "}
            <Link to={`${base}/import`}>{t("reference-data:facility.list.import")}</Link>
          </>
        ) : null}
        {" · "}
        {onlyWaiting ? <Link to={base}>{t("reference-data:list.show-all")}</Link> : <Link to={`${base}?show=waiting`}>{t("reference-data:list.show-waiting")}</Link>}
      </p>
      {items.length === 0 ? (
        <p>{t(keys.empty)}</p>
      ) : (
        <table className="staff-table">
          <caption>{t("reference-data:list.caption", { count: items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t(keys.label)}</th>
              <th scope="col">{t("reference-data:list.name")}</th>
              {kind === "facility" ? <th scope="col">{t("reference-data:facility.field.town")}</th> : null}
              <th scope="col">{t("reference-data:list.state")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link to={`${base}/${item.id}`}>{item.label || item.name || item.id}</Link>
                </td>
                <td>{item.name}</td>
                {kind === "facility" ? <td>{item.town}</td> : null}
                <td>
                  {t(REFERENCE_STATE_KEYS[item.reviewState])}
                  {item.pending ? ` · ${t("reference-data:list.waiting")}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function useField(errors: ReferenceErrors) {
  return (name: string, defaultValue: string) => ({
    id: `field-${name}`,
    name,
    defaultValue,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `error-${name}` : undefined,
  });
}

export function FacilityFields({ values, errors }: { values: FacilityValues; errors: ReferenceErrors }) {
  const { t } = useTranslation();
  const field = useField(errors);
  const text = (name: keyof typeof FACILITY_FIELD_KEYS & keyof FacilityValues, { required = false, lang, multiline = false, hint }: { required?: boolean; lang?: string; multiline?: boolean; hint?: string } = {}) => (
    <div className="staff-field">
      <label htmlFor={`field-${name}`}>{t(FACILITY_FIELD_KEYS[name])}</label>
      {hint ? <p className="staff-hint">{hint}</p> : null}
      {multiline ? <textarea rows={3} {...field(name, String(values[name]))} lang={lang} /> : <input type="text" {...field(name, String(values[name]))} required={required} lang={lang} />}
      <ErrorText id={`error-${name}`} code={errors[name]} />
    </div>
  );
  return (
    <>
      {text("designation", { required: true, lang: "ru", hint: t("reference-data:facility.hint.designation") })}
      <div className="staff-field">
        <label htmlFor="field-kind">{t(FACILITY_FIELD_KEYS.kind)}</label>
        <select {...field("kind", values.kind)}>
          {FACILITY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(FACILITY_KIND_KEYS[kind])}
            </option>
          ))}
        </select>
        <ErrorText id="error-kind" code={errors.kind} />
      </div>
      <fieldset>
        <legend>{t("reference-data:facility.names")}</legend>
        <p className="staff-hint">{t("reference-data:facility.hint.names")}</p>
        {supportedLanguages.map((language) => (
          <div className="staff-field" key={language}>
            <label htmlFor={`field-name.${language}`}>{t("reference-data:field.name", { language: languageAutonyms[language] })}</label>
            <input type="text" {...field(`name.${language}`, values.names[language])} lang={language} />
            <ErrorText id={`error-name.${language}`} code={errors[`name.${language}`]} />
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("reference-data:facility.address")}</legend>
        <p className="staff-hint">{t("reference-data:facility.hint.address")}</p>
        {text("street", { lang: "ru" })}
        {text("locality", { lang: "ru" })}
        {text("town", { lang: "ru" })}
        {text("district", { lang: "ru" })}
        {text("region", { lang: "ru" })}
        {text("postcode")}
        {text("postalAddressCyrillic", { lang: "ru", multiline: true })}
        {text("postalAddressLatin", { lang: "en", multiline: true })}
      </fieldset>
      {text("sources", { multiline: true, hint: t("reference-data:facility.hint.sources") })}
    </>
  );
}

export function ChargeFields({ values, errors }: { values: ChargeValues; errors: ReferenceErrors }) {
  const { t } = useTranslation();
  const field = useField(errors);
  return (
    <>
      <div className="staff-field">
        <label htmlFor="field-article">{t("reference-data:charge.field.article")}</label>
        <p className="staff-hint">{t("reference-data:charge.hint.article")}</p>
        <input type="text" {...field("article", values.article)} />
        <ErrorText id="error-article" code={errors.article} />
      </div>
      {supportedLanguages.map((language) => (
        <fieldset key={language} lang={language}>
          <legend>{languageAutonyms[language]}</legend>
          <div className="staff-field">
            <label htmlFor={`field-name.${language}`}>{t("reference-data:charge.field.title", { language: languageAutonyms[language] })}</label>
            <input type="text" {...field(`name.${language}`, values.names[language])} />
            <ErrorText id={`error-name.${language}`} code={errors[`name.${language}`]} />
          </div>
          <div className="staff-field">
            <label htmlFor={`field-explanation.${language}`}>{t("reference-data:charge.field.explanation", { language: languageAutonyms[language] })}</label>
            <textarea rows={2} {...field(`explanation.${language}`, values.explanations[language])} />
            <ErrorText id={`error-explanation.${language}`} code={errors[`explanation.${language}`]} />
          </div>
        </fieldset>
      ))}
    </>
  );
}

interface ChangeItem {
  id: string;
  state: keyof typeof CHANGE_STATE_KEYS;
  author: string | null;
  reviewer: string | null;
  reason: string | null;
  fromImport: boolean;
  fields: string[];
  createdAt: string;
  decidedAt: string | null;
}

interface EditProps {
  kind: ReferenceKind;
  language: string;
  id: string | null;
  reviewState: keyof typeof REFERENCE_STATE_KEYS | null;
  facility: FacilityValues | null;
  charge: ChargeValues | null;
  errors: ReferenceErrors;
  pending: (ChangeItem & { own: boolean; mayDecide: boolean }) | null;
  history: ChangeItem[];
  done: string | null;
  problem: keyof typeof PROBLEM_KEYS | null;
  reason: string;
}

/** A new row's form, or one row's form, review box and history. */
export function ReferenceEdit({ kind, language, id, reviewState, facility, charge, errors, pending, history, done, problem, reason }: EditProps) {
  const { t } = useTranslation();
  const base = `/${language}/staff/${path(kind)}`;
  const doneKey = DONE_KEYS[(done ?? "") as keyof typeof DONE_KEYS];
  const title = kind === "facility" ? (id ? t("reference-data:facility.edit.title", { name: facility?.designation ?? "" }) : t("reference-data:facility.new.title")) : id ? t("reference-data:charge.edit.title", { name: charge?.article || charge?.names.ru || "" }) : t("reference-data:charge.new.title");
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <>
      <p>
        <Link to={base}>{kind === "facility" ? t("reference-data:facility.back") : t("reference-data:charge.back")}</Link>
      </p>
      <h1 id="reference-title">{title}</h1>
      {reviewState ? (
        <p>
          {t("reference-data:list.state")}: <strong>{t(REFERENCE_STATE_KEYS[reviewState])}</strong>
        </p>
      ) : null}
      {doneKey ? (
        <p role="status" className="staff-ok">
          {t(doneKey)}
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className="staff-error">
          {t(PROBLEM_KEYS[problem])}
        </p>
      ) : null}
      {hasErrors ? (
        <p role="alert" className="staff-error">
          {t("reference-data:errors.summary", { count: Object.keys(errors).length })}
        </p>
      ) : null}
      {pending ? (
        <section aria-labelledby="review-title" className="reference-review">
          <h2 id="review-title">{t("reference-data:review.title")}</h2>
          <p>{t(pending.fromImport ? "reference-data:review.lead-import" : "reference-data:review.lead", { author: pending.author ?? t("reference-data:review.nobody"), date: pending.createdAt })}</p>
          {pending.fields.length > 0 ? <p>{t("reference-data:review.fields", { fields: pending.fields.join(", ") })}</p> : null}
          {pending.mayDecide ? (
            <Form method="post" className="staff-form">
              <input type="hidden" name="change" value={pending.id} />
              <button type="submit" name="intent" value="apply" className="staff-button">
                {t("reference-data:review.apply")}
              </button>
              <div className="staff-field">
                <label htmlFor="field-reason">{t("reference-data:review.reason")}</label>
                <textarea id="field-reason" name="reason" rows={2} defaultValue={reason} />
              </div>
              <button type="submit" name="intent" value="reject" className="staff-button staff-button--secondary">
                {t("reference-data:review.reject")}
              </button>
            </Form>
          ) : (
            <p>{pending.own ? t("reference-data:review.own") : t("reference-data:review.not-reviewer")}</p>
          )}
        </section>
      ) : null}
      <Form method="post" className="staff-form" noValidate>
        <p className="staff-hint">{id && reviewState === "APPROVED" ? t("reference-data:form.lead-approved") : t("reference-data:form.lead-draft")}</p>
        {facility ? <FacilityFields values={facility} errors={errors} /> : null}
        {charge ? <ChargeFields values={charge} errors={errors} /> : null}
        <button type="submit" name="intent" value="save" className="staff-button">
          {t("reference-data:form.submit")}
        </button>
      </Form>
      {id ? (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t("reference-data:history.title")}</h2>
          {history.length === 0 ? (
            <p>{t("reference-data:history.empty")}</p>
          ) : (
            <ol className="reference-history">
              {history.map((change) => (
                <li key={change.id} data-state={change.state}>
                  {t("reference-data:history.entry", { author: change.author ?? t("reference-data:review.nobody"), date: change.createdAt, state: t(CHANGE_STATE_KEYS[change.state]) })}
                  {change.fromImport ? ` · ${t("reference-data:history.from-import")}` : ""}
                  {change.reviewer ? ` · ${t("reference-data:history.decided", { reviewer: change.reviewer, date: change.decidedAt ?? "" })}` : ""}
                  {change.fields.length > 0 ? ` · ${change.fields.join(", ")}` : ""}
                  {change.reason ? ` · ${t("reference-data:history.reason", { reason: change.reason })}` : ""}
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}
    </>
  );
}

/** The whole page of the four edit routes (new or existing facility or charge type). */
export function ReferenceEditPage() {
  const page = useLoaderData<typeof loadReferenceEdit>();
  const result = useActionData<typeof submitReferenceEdit>();
  const [search] = useSearchParams();
  return (
    <article aria-labelledby="reference-title">
      <StaffNav nav={page.nav} />
      <ReferenceEdit
        kind={page.kind}
        language={page.language}
        id={page.id}
        reviewState={page.reviewState}
        facility={result?.facility ?? page.facility}
        charge={result?.charge ?? page.charge}
        errors={result?.errors ?? {}}
        pending={page.pending}
        history={page.history}
        done={search.get("done")}
        problem={result?.problem ?? null}
        reason={result?.reason ?? ""}
      />
    </article>
  );
}

/** The whole page of the two list routes (facilities, charge types). */
export function ReferenceListPage() {
  const { nav, language, kind, items, onlyWaiting, mayImport } = useLoaderData<typeof loadReferenceList>();
  return (
    <article aria-labelledby="reference-title">
      <StaffNav nav={nav} />
      <ReferenceList kind={kind} language={language} items={items} onlyWaiting={onlyWaiting} mayImport={mayImport} />
    </article>
  );
}
