// One language × one namespace in the translation workspace: the keys that need work with
// their English source and context, a form per key, and the file's download and upload.
// Every save is checked with the rules of `npm run i18n:check` (translations.server.ts).
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { languageAutonyms } from "~/i18n";
import { noStore, requireStaff } from "~/staff/accounts/session.server";
import { StaffNav } from "~/staff/staff-nav";
import { SHOW, type Show } from "~/staff/translations/interface-translations";
import type { KeyStatus, KeyView } from "~/staff/translations/interface-translations.server";
import type { ProblemKind } from "~/staff/translations/locale-check.server";
import { submitTranslationFile, type TranslationFileData } from "~/staff/translations/submit-translation-file.server";
import { requireTranslationFile, translationFilePage } from "~/staff/translations/translation-file-page.server";
import staffStyles from "~/styles/staff.css";
import styles from "~/styles/translations.css";
import { formFields } from "~/utils/form-fields";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["staff", "translations"] };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: staffStyles },
  { rel: "stylesheet", href: styles },
];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "translation:edit");
  return json(await translationFilePage(state, params, language, new URL(request.url).searchParams), { headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

type ActionData = TranslationFileData;

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const state = await requireStaff(request, "translation:edit");
  const { locale, ns } = requireTranslationFile(params);
  const outcome = await submitTranslationFile(state, locale, ns, request);
  if ("query" in outcome) return redirect(`/${language}/staff/translations/${locale}/${ns}?${outcome.query}`, { headers: noStore });
  return json<ActionData>(outcome.data, { status: outcome.status, headers: noStore });
}

const PROBLEM_KEYS = {
  "invalid-json": "translations:problems.invalid-json",
  "missing-file": "translations:problems.missing-file",
  "invalid-value": "translations:problems.invalid-value",
  "duplicate-key": "translations:problems.duplicate-key",
  "missing-key": "translations:problems.missing-key",
  "extra-key": "translations:problems.extra-key",
  "empty-value": "translations:problems.empty-value",
  "placeholder-mismatch": "translations:problems.placeholder-mismatch",
  "missing-plural-form": "translations:problems.missing-plural-form",
  html: "translations:problems.html",
  "unknown-code-key": "translations:problems.unknown-code-key",
} as const satisfies Record<ProblemKind, string>;

const STATUS_KEYS = {
  translated: "translations:status.translated",
  missing: "translations:status.missing",
  outdated: "translations:status.outdated",
  invalid: "translations:status.invalid",
} as const satisfies Record<KeyStatus, string>;

const SHOW_KEYS = {
  todo: "translations:file.show-todo",
  review: "translations:review.waiting",
  missing: "translations:status.missing",
  outdated: "translations:status.outdated",
  invalid: "translations:status.invalid",
  all: "translations:file.show-all",
} as const satisfies Record<Show, string>;

const FORM_KEYS = {
  zero: "translations:forms.zero",
  one: "translations:forms.one",
  two: "translations:forms.two",
  few: "translations:forms.few",
  many: "translations:forms.many",
  other: "translations:forms.other",
} as const;

const DECIDE_ERROR_KEYS = {
  "not-found": "translations:review.not-found",
  forbidden: "translations:review.forbidden",
  stale: "translations:review.stale",
  invalid: "translations:review.invalid",
} as const;

const UPLOAD_ERROR_KEYS = {
  "too-large": "translations:upload.too-large",
  "not-utf8": "translations:upload.not-utf8",
  empty: "translations:upload.no-file",
  "no-file": "translations:upload.no-file",
  invalid: "translations:upload.invalid",
} as const;

function ProblemList({ problems, id }: { problems: { kind: ProblemKind; message: string }[]; id?: string }) {
  const { t } = useTranslation();
  return (
    <ul className="translation-errors" id={id}>
      {problems.map((problem, index) => (
        <li key={index}>
          {t(PROBLEM_KEYS[problem.kind])} <span lang="en">({problem.message})</span>
        </li>
      ))}
    </ul>
  );
}

/** A change to a reviewed key waiting for a second person: its text, who wrote it, and the reviewer's buttons. */
function ProposalBox({ entry, anchor, show }: { entry: KeyView; anchor: string; show: Show }) {
  const { t } = useTranslation();
  const proposal = entry.proposal;
  if (!proposal) return null;
  const decide = (intent: "approve" | "reject", label: string) => (
    <Form method="post" action={`?show=${show}#${anchor}`}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="proposal" value={proposal.id} />
      <input type="hidden" name="version" value={proposal.version} />
      <button type="submit">{label}</button>
    </Form>
  );
  return (
    <div className="translation-proposal">
      <p>
        <strong>{t("translations:review.waiting")}</strong> {t("translations:review.written-by", { names: proposal.writers.join(", ") })}
      </p>
      {proposal.values.map((value) => (
        <div key={value.form}>
          <p>{value.form ? t("translations:review.proposed-form", { form: t(FORM_KEYS[value.form as keyof typeof FORM_KEYS] ?? "translations:forms.other") }) : t("translations:review.proposed")}</p>
          <p className="translation-source">{value.text}</p>
        </div>
      ))}
      {proposal.mayApprove ? decide("approve", t("translations:review.approve")) : <p>{t(proposal.mine ? "translations:review.yours" : "translations:review.needs-reviewer")}</p>}
      {proposal.mayReject ? decide("reject", t("translations:review.reject")) : null}
    </div>
  );
}

function KeyEditor({ entry, locale, ns, show, failed }: { entry: KeyView; locale: string; ns: string; show: Show; failed: Extract<ActionData, { intent: "save" }> | null }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData !== undefined && formFields(navigation.formData).line("key", 200) === entry.id;
  const anchor = `key-${entry.id.replace(/[^a-z0-9_-]/gi, "-")}`;
  const errorId = `${anchor}-errors`;
  // A pending proposal is what the next save edits, so its text is the starting point.
  const draft = new Map((entry.proposal?.values ?? entry.current).map((value) => [value.form, value.text]));
  const fields = entry.plural ? entry.current.map((current) => ({ name: `value-${current.form}`, form: current.form, text: draft.get(current.form) ?? "" })) : [{ name: "value", form: "", text: draft.get("") ?? "" }];
  return (
    <section className="translation-key" id={anchor} aria-labelledby={`${anchor}-title`}>
      <h3 id={`${anchor}-title`}>{entry.id}</h3>
      <p>
        <span className={`translation-status translation-status--${entry.status}`}>{t(STATUS_KEYS[entry.status])}</span>
      </p>
      <dl>
        <dt>{t("translations:key.namespace")}</dt>
        <dd>{ns}</dd>
        <dt>{t("translations:key.in-code")}</dt>
        <dd>
          <code>
            {ns}:{entry.id}
          </code>
        </dd>
        <dt>{t("translations:key.placeholders")}</dt>
        <dd>{entry.placeholders.length > 0 ? entry.placeholders.map((name) => `{{${name}}}`).join(", ") : t("translations:key.none")}</dd>
        {entry.plural ? (
          <>
            <dt>{t("translations:key.forms")}</dt>
            <dd>{entry.forms.map((form) => t(FORM_KEYS[form])).join(", ")}</dd>
          </>
        ) : null}
        <dt>{t("translations:key.used-in")}</dt>
        <dd>{entry.usedIn.length > 0 ? entry.usedIn.join(", ") : t("translations:key.none")}</dd>
      </dl>
      {entry.source.map((source) => (
        <div key={source.form}>
          <p>
            <strong>{source.form ? t("translations:key.source-form", { form: t(FORM_KEYS[source.form as keyof typeof FORM_KEYS] ?? "translations:forms.other") }) : t("translations:key.source")}</strong>
          </p>
          <p className="translation-source" lang="en">
            {source.text}
          </p>
        </div>
      ))}
      {entry.status !== "missing" && entry.problems.length > 0 && !failed ? <ProblemList problems={entry.problems} /> : null}
      {entry.reviewed ? <p>{t("translations:review.note")}</p> : null}
      <ProposalBox entry={entry} anchor={anchor} show={show} />
      <Form method="post" action={`?show=${show}#${anchor}`}>
        <input type="hidden" name="key" value={entry.id} />
        <input type="hidden" name="show" value={show} />
        {failed ? (
          <div role="alert">
            <p className="translation-errors">{t(failed.error === "invalid" ? "translations:save.invalid" : failed.error === "broken-file" ? "translations:save.broken-file" : "translations:save.unknown-key")}</p>
            <ProblemList problems={failed.problems} id={errorId} />
          </div>
        ) : null}
        {fields.map((field) => (
          <div key={field.name}>
            <label htmlFor={`${anchor}-${field.name}`}>
              {field.form
                ? t("translations:key.translation-form", {
                    form: t(FORM_KEYS[field.form as keyof typeof FORM_KEYS]),
                    examples: entry.formExamples[field.form] ?? "",
                  })
                : t("translations:key.translation")}
            </label>
            <textarea
              id={`${anchor}-${field.name}`}
              name={field.name}
              lang={locale}
              rows={2}
              defaultValue={failed ? (failed.values[field.form] ?? "") : field.text}
              aria-invalid={failed ? true : undefined}
              aria-describedby={failed ? errorId : undefined}
            />
          </div>
        ))}
        <p>
          <button type="submit" disabled={busy}>
            {t(entry.reviewed ? "translations:review.propose" : "translations:key.save")}
          </button>
        </p>
      </Form>
    </section>
  );
}

export default function TranslationFile() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation();
  const { language, locale, ns, show, counts, keys, saved, uploaded, fileProblems, proposed, approved, rejected, proposedCount } = data;
  const base = `/${language}/staff/translations/${locale}/${ns}`;
  const failedSave = actionData?.intent === "save" ? actionData : null;
  const failedUpload = actionData?.intent === "upload" ? actionData : null;
  const failedDecision = actionData?.intent === "decide" ? actionData : null;
  const shown = keys;
  const uploadedMatch = uploaded ? /^saved-(\d+)-(\d+)$/.exec(uploaded) : null;
  return (
    <article aria-labelledby="file-title" className="translations">
      <StaffNav nav={data.nav} />
      <p>
        <Link to={`/${language}/staff/translations`}>{t("translations:file.back")}</Link>
      </p>
      <h1 id="file-title">{t("translations:file.title", { namespace: ns, language: languageAutonyms[locale] })}</h1>
      <p>
        {t("translations:file.summary", {
          translated: counts.translated,
          total: counts.total,
          missing: counts.missing,
          outdated: counts.outdated,
          invalid: counts.invalid,
        })}
      </p>
      {saved ? (
        <p className="translation-notice" role="status">
          {t("translations:save.saved", { key: saved })}
        </p>
      ) : null}
      {failedDecision ? (
        <div role="alert">
          <p className="translation-errors">{t(DECIDE_ERROR_KEYS[failedDecision.error])}</p>
          {failedDecision.problems.length > 0 ? <ProblemList problems={failedDecision.problems} /> : null}
        </div>
      ) : null}
      {proposed || approved || rejected ? (
        <p className="translation-notice" role="status">
          {proposed ? t("translations:review.proposed-notice", { key: proposed }) : approved ? t("translations:review.approved", { key: approved }) : t("translations:review.rejected", { key: rejected })}
        </p>
      ) : null}
      {uploaded ? (
        <p className="translation-notice" role="status">
          {uploadedMatch
            ? t("translations:upload.saved", { count: Number(uploadedMatch[1]) }) +
              (Number(uploadedMatch[2]) > 0 ? ` ${t("translations:upload.still-missing", { count: Number(uploadedMatch[2]) })}` : "")
            : t("translations:upload.unchanged")}
          {proposedCount > 0 ? ` ${t("translations:upload.proposed", { count: proposedCount })}` : ""}
        </p>
      ) : null}

      <nav aria-label={t("translations:file.filter")}>
        <ul className="translations__filters">
          {SHOW.map((option) => (
            <li key={option}>
              {option === show ? (
                <strong aria-current="page">{t(SHOW_KEYS[option])}</strong>
              ) : (
                <Link to={`${base}?show=${option}`}>{t(SHOW_KEYS[option])}</Link>
              )}
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="file-transfer">
        <h2 id="file-transfer">{t("translations:upload.title")}</h2>
        <p>
          <a href={`${base}/download`} download={`${ns}.json`}>
            {t("translations:upload.download", { filename: String(`${locale}/${ns}.json`) })}
          </a>
        </p>
        <Form method="post" encType="multipart/form-data">
          <label htmlFor="upload-file">{t("translations:upload.label", { filename: String(`${locale}/${ns}.json`), size: data.maxUploadKb })}</label>
          <input id="upload-file" type="file" name="file" accept=".json,application/json" aria-describedby={failedUpload ? "upload-errors" : undefined} />
          <p>{t("translations:upload.rule")}</p>
          <p>{t("translations:upload.review-rule")}</p>
          <p>
            <button type="submit">{t("translations:upload.submit")}</button>
          </p>
        </Form>
        {failedUpload ? (
          <div role="alert" id="upload-errors">
            <p className="translation-errors">{t(UPLOAD_ERROR_KEYS[failedUpload.error])}</p>
            {failedUpload.problems.length > 0 ? (
              <table>
                <caption>{t("translations:upload.report", { count: failedUpload.problems.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("translations:upload.key")}</th>
                    <th scope="col">{t("translations:upload.problem")}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...failedUpload.problems, ...failedUpload.warnings].map((problem, index) => (
                    <tr key={index}>
                      <th scope="row">
                        <code>{problem.key || t("translations:upload.whole-file")}</code>
                      </th>
                      <td>
                        {t(PROBLEM_KEYS[problem.kind])} <span lang="en">({problem.message})</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </div>
        ) : null}
      </section>

      {fileProblems.length > 0 ? (
        <section aria-labelledby="file-problems">
          <h2 id="file-problems">{t("translations:file.file-problems")}</h2>
          <ProblemList problems={fileProblems} />
        </section>
      ) : null}

      <section aria-labelledby="keys-title">
        <h2 id="keys-title">{t("translations:file.keys", { count: shown.length })}</h2>
        {shown.length === 0 ? <p>{t("translations:file.nothing")}</p> : null}
        {shown.map((entry) => (
          <KeyEditor key={entry.id} entry={entry} locale={locale} ns={ns} show={show} failed={failedSave?.key === entry.id ? failedSave : null} />
        ))}
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
