// The appeal page: /:lang/campaigns/:slug/appeal. Choose an addressee, read and edit the
// generated appeal, choose how to sign it, then print it, open it in your own mail program,
// or send it through Listy (confirmed by email first). One plain HTML form posted whole:
// everything works without JavaScript, and nothing is intercepted when it is on.
// (The trailing underscore in the file name keeps this page out of the campaign page's layout.)
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { requireAppealCampaign } from "~/appeals/appeal-draft.server";
import { HONEYPOT_FIELD, type AppealFieldErrors, type AppealFormValues, type FieldError } from "~/appeals/appeal-form";
import { appealPageData } from "~/appeals/appeal-page.server";
import { BODY_MAX_LENGTH, SIGNER_NAME_MAX_LENGTH, SIGNER_TOWN_MAX_LENGTH, SUBJECT_MAX_LENGTH } from "~/appeals/appeal-text";
import { submitAppealForm, type AppealFormResult, type AppealProblem } from "~/appeals/submit-appeal.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RESULT_ID, toResult, useFocusResult } from "~/components/result-anchor";
import { FormField } from "~/components/form-field";
import { EmailSafetyNote } from "~/components/safety-advice";
import { TranslatedText } from "~/components/translated-text";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/appeals.css";
import { errorPageMeta, originFrom, pageMeta } from "~/utils/meta";
import { publicOrigin } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["appeals", "campaigns"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

// What the supporter typed may come back in the page: never kept by a browser or proxy cache.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ params, request }: LoaderFunctionArgs) {
  return json(await appealPageData(params, new URL(request.url).searchParams), { headers: { "Cache-Control": "no-store" } });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const { language, campaign } = await requireAppealCampaign(params);
  const form = await request.formData();
  const answer = await submitAppealForm({ campaign, language, form, publicOrigin: publicOrigin(request, context) });
  if ("redirectTo" in answer) return redirect(answer.redirectTo, 303);
  return json<AppealFormResult>(answer.result, { status: answer.status, headers: { "Cache-Control": "no-store" } });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, location, error }) => {
  if (!data) return errorPageMeta(matches, error);
  return [
    ...pageMeta({ ...data.meta, origin: originFrom(matches), pathname: location.pathname }),
    // A page with somebody's draft in it has no business in a search index.
    { name: "robots", content: "noindex" },
  ];
};

// Literal keys, so the translator tooling sees every one.
const FIELD_ERROR_KEYS = {
  target: { required: "appeals:errors.target-required", "too-long": "appeals:errors.target-required", invalid: "appeals:errors.target-required" },
  subject: { required: "appeals:errors.subject-required", "too-long": "appeals:errors.subject-too-long", invalid: "appeals:errors.subject-required" },
  body: { required: "appeals:errors.body-required", "too-long": "appeals:errors.body-too-long", invalid: "appeals:errors.body-required" },
  name: { required: "appeals:errors.name-required", "too-long": "appeals:errors.name-too-long", invalid: "appeals:errors.name-required" },
  town: { required: "appeals:errors.town-too-long", "too-long": "appeals:errors.town-too-long", invalid: "appeals:errors.town-too-long" },
  email: { required: "appeals:errors.email-required", "too-long": "appeals:errors.email-invalid", invalid: "appeals:errors.email-invalid" },
} as const satisfies Record<keyof AppealFieldErrors, Record<FieldError, string>>;

const PROBLEM_KEYS = {
  "invalid-email": "appeals:problems.invalid-email",
  suppressed: "appeals:problems.suppressed",
  "near-duplicate": "appeals:problems.near-duplicate",
  "rate-limited": "appeals:problems.rate-limited",
  "target-unreachable": "appeals:problems.target-unreachable",
  "campaign-closed": "appeals:problems.campaign-closed",
  "no-email": "appeals:problems.no-email",
  "no-template": "appeals:problems.no-template",
  "no-postal-address": "appeals:problems.no-postal-address",
} as const satisfies Record<AppealProblem, string>;

export default function AppealPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as AppealFormResult | undefined;
  const { t } = useTranslation();
  const { language, campaign, selection } = data;

  const values: AppealFormValues = result?.values ?? {
    target: selection.target ?? "",
    prisoner: selection.prisoner ?? "",
    seed: selection.seed,
    subject: data.draft?.subject ?? "",
    body: data.draft?.body ?? "",
    signature: "campaign",
    name: "",
    town: "",
    email: "",
    replies: false,
    followUp: false,
  };
  // The addressee and person the text was drafted for: the posted ones once the form came back.
  const target = data.targetGroups.flatMap((group) => group.targets).find((candidate) => candidate.slug === values.target) ?? data.target;
  const draft = result?.redrafted ?? data.draft;
  // With a draft on the page, the choice is part of the letter's form, so that whatever is
  // pressed next is made for the addressee and person chosen then (see readPostedAppeal).
  const letterForm = target && draft ? "appeal-letter" : undefined;
  const errors = result?.errors ?? {};
  const errorText = (field: keyof AppealFieldErrors) => {
    const code = errors[field];
    return code ? t(FIELD_ERROR_KEYS[field][code], { max: { subject: SUBJECT_MAX_LENGTH, body: BODY_MAX_LENGTH, name: SIGNER_NAME_MAX_LENGTH, town: SIGNER_TOWN_MAX_LENGTH }[field as "subject"] }) : null;
  };
  const describedBy = (field: keyof AppealFieldErrors, hint?: string) =>
    [hint, errors[field] ? `${field}-error` : null].filter(Boolean).join(" ") || undefined;
  const fieldErrors = (Object.keys(errors) as (keyof AppealFieldErrors)[]).filter((field) => errors[field]);
  const titleText = campaign.title?.text ?? t("campaigns:untitled");
  const base = `/${language}/campaigns/${campaign.slug}/appeal`;
  // Where the page answers the posted form (see result-anchor.ts).
  const answer = !result
    ? null
    : result.problem || fieldErrors.length > 0
      ? "errors"
      : result.print
        ? "print"
        : result.preview
          ? "preview"
          : result.mailto
            ? "mailto"
            : "text";
  const answerId = (part: typeof answer) => (answer === part ? RESULT_ID : undefined);
  useFocusResult(answer !== null);

  return (
    <article className="appeal" aria-labelledby="appeal-title">
      <p className="breadcrumb">
        <Link to={`/${language}/campaigns/${campaign.slug}`}>{t("appeals:form.back", { title: titleText })}</Link>
      </p>
      <h1 id="appeal-title">{t("appeals:form.title")}</h1>
      <p className="appeal__lead">
        {t("appeals:form.lead")}{" "}
        <span className="appeal__campaign">{campaign.title ? <TranslatedText value={campaign.title} /> : titleText}</span>
      </p>

      {campaign.closed ? (
        <p className="notice" role="note">
          {t("appeals:form.closed")}
        </p>
      ) : null}

      {result?.print ? <PrintView print={result.print} id={answerId("print")} /> : null}

      {result?.problem || fieldErrors.length > 0 ? (
        <div className="appeal-errors" role="alert" aria-labelledby="errors-title" id={answerId("errors")}>
          <h2 id="errors-title" tabIndex={-1}>{t("appeals:errors.title")}</h2>
          {result?.problem ? <p>{t(PROBLEM_KEYS[result.problem])}</p> : null}
          {fieldErrors.length > 0 ? (
            <ul>
              {fieldErrors.map((field) => (
                <li key={field}>
                  <a href={`#${field === "target" ? "target-choice" : field}`}>{errorText(field)}</a>
                </li>
              ))}
            </ul>
          ) : null}
          <p>{t("appeals:errors.kept")}</p>
        </div>
      ) : null}

      <section aria-labelledby="choose-title" className="appeal-step">
        <h2 id="choose-title">{t("appeals:form.choose-heading")}</h2>
        {data.targetGroups.length === 0 ? (
          <p>{t("appeals:form.no-targets")}</p>
        ) : (
          <ChoiceWrapper letterForm={letterForm} action={base}>
            {data.targetGroups.map((group) => (
              <fieldset key={group.country} className="appeal-targets">
                <legend>{group.countryName}</legend>
                {group.targets.map((candidate) => (
                  <div key={candidate.slug} className="appeal-radio">
                    <input
                      type="radio"
                      name="target"
                      id={`target-${candidate.slug}`}
                      value={candidate.slug}
                      defaultChecked={candidate.slug === (letterForm ? values.target : selection.target)}
                      form={letterForm}
                      aria-describedby={`target-${candidate.slug}-about`}
                    />
                    <label htmlFor={`target-${candidate.slug}`}>
                      {candidate.name ? <TranslatedText value={candidate.name} /> : t("campaigns:detail.target-unnamed")}
                    </label>
                    <p id={`target-${candidate.slug}-about`} className="appeal-radio__about">
                      {candidate.position ? <TranslatedText value={candidate.position} /> : null}
                      {candidate.institution ? <> · {candidate.institution}</> : null}{" "}
                      · {candidate.hasEmail ? t("appeals:form.target-email-known") : t("appeals:form.target-email-unknown")}
                    </p>
                  </div>
                ))}
              </fieldset>
            ))}
            {data.prisoners.length > 0 ? (
              <div className="appeal-field">
                <label htmlFor="prisoner-choice">{t("appeals:form.prisoner-label")}</label>
                <select id="prisoner-choice" name="prisoner" defaultValue={(letterForm ? values.prisoner : selection.prisoner) || undefined} form={letterForm}>
                  {data.prisoners.map((prisoner) => (
                    <option key={prisoner.slug} value={prisoner.slug}>
                      {prisoner.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            {letterForm ? null : <input type="hidden" name="seed" value={selection.seed} readOnly />}
            <p className="appeal-hint">{t("appeals:form.choose-hint")}</p>
            <button type="submit" name={letterForm ? "intent" : undefined} value={letterForm ? "choose" : undefined} form={letterForm} className="appeal-button appeal-button--secondary">
              {t("appeals:form.choose-submit")}
            </button>
          </ChoiceWrapper>
        )}
      </section>

      {target && draft ? (
        <form
          method="post"
          id={letterForm}
          action={toResult(`${base}?${new URLSearchParams({ target: values.target, prisoner: values.prisoner, seed: values.seed }).toString()}`)}
          className="appeal-form"
          noValidate
        >
          {/* What the text below was drafted for; the choice itself is in "Whom to write to". */}
          <input type="hidden" name="drafted-target" value={values.target} readOnly />
          <input type="hidden" name="drafted-prisoner" value={values.prisoner} readOnly />
          <input type="hidden" name="seed" value={values.seed} readOnly />

          <section aria-labelledby="text-title" className="appeal-step" id={answerId("text")}>
            <h2 id="text-title" tabIndex={-1}>{t("appeals:form.text-heading")}</h2>
            <p className="appeal-to">
              {t("appeals:form.to")}{" "}
              {target.addressee.lines.length > 0 ? (
                <strong lang={target.addressee.locale === language ? undefined : target.addressee.locale}>{target.addressee.lines.join(", ")}</strong>
              ) : (
                <strong>{t("campaigns:detail.target-unnamed")}</strong>
              )}
            </p>
            <p className="appeal-hint" data-testid="language-note">
              {draft.inAddresseeLanguage
                ? t("appeals:form.language-note", { language: draft.letterLanguageName })
                : t("appeals:form.language-note-other", { language: draft.letterLanguageName, addresseeLanguage: target.letterLanguageName })}
            </p>
            {result?.redrafted ? (
              <p className="notice" role="status">
                {t("appeals:form.redrafted")}
              </p>
            ) : null}
            {result?.reworded ? (
              <p className="notice" role="status">
                {t("appeals:form.reworded")}
              </p>
            ) : null}

            <FormField id="subject" look="appeal" label={t("appeals:form.subject-label")} hint={t("appeals:form.subject-hint", { max: SUBJECT_MAX_LENGTH })} error={errorText("subject")}>
              <input
                id="subject"
                name="subject"
                type="text"
                lang={draft.letterLanguage}
                defaultValue={values.subject}
                key={`subject-${values.seed}`}
                maxLength={SUBJECT_MAX_LENGTH}
                aria-invalid={errors.subject ? true : undefined}
                aria-describedby={describedBy("subject", "subject-hint")}
              />
            </FormField>

            <FormField id="body" look="appeal" label={t("appeals:form.body-label")} hint={t("appeals:form.body-hint", { max: BODY_MAX_LENGTH })} error={errorText("body")}>
              <textarea
                id="body"
                name="body"
                rows={18}
                lang={draft.letterLanguage}
                defaultValue={values.body}
                key={`body-${values.seed}`}
                maxLength={BODY_MAX_LENGTH}
                aria-invalid={errors.body ? true : undefined}
                aria-describedby={describedBy("body", "body-hint")}
              />
            </FormField>
            <button type="submit" name="intent" value="reword" className="appeal-button appeal-button--secondary">
              {t("appeals:form.reword")}
            </button>

            {draft.reading ? (
              <details className="appeal-reading">
                <summary>{t("appeals:form.reading-summary")}</summary>
                <p className="appeal-hint">{t("appeals:form.reading-note")}</p>
                <p className="appeal-reading__subject">{draft.reading.subject}</p>
                <div className="appeal-letter">{draft.reading.body}</div>
              </details>
            ) : null}
          </section>

          <section aria-labelledby="sign-title" className="appeal-step">
            <h2 id="sign-title">{t("appeals:form.sign-heading")}</h2>
            <p className="notice appeal-safety" role="note">
              {t("appeals:form.safety")}
            </p>
            <p className="appeal-legal" role="note" id="appeal-legal-status">
              {t("appeals:form.legal-status")}
            </p>
            <fieldset>
              <legend>{t("appeals:form.signature-legend")}</legend>
              <div className="appeal-radio">
                <input type="radio" id="signature-campaign" name="signature" value="campaign" defaultChecked={values.signature === "campaign"} />
                <label htmlFor="signature-campaign">{t("appeals:form.signature-campaign")}</label>
              </div>
              <div className="appeal-radio">
                <input type="radio" id="signature-named" name="signature" value="named" defaultChecked={values.signature === "named"} />
                <label htmlFor="signature-named">{t("appeals:form.signature-named")}</label>
              </div>
            </fieldset>
            <FormField id="name" look="appeal" label={t("appeals:form.name-label")} hint={t("appeals:form.name-hint")} error={errorText("name")}>
              <input
                id="name"
                name="name"
                type="text"
                autoComplete="name"
                defaultValue={values.name}
                maxLength={SIGNER_NAME_MAX_LENGTH}
                aria-invalid={errors.name ? true : undefined}
                aria-describedby={describedBy("name", "name-hint")}
              />
            </FormField>
            <FormField id="town" look="appeal" label={t("appeals:form.town-label")} error={errorText("town")}>
              <input
                id="town"
                name="town"
                type="text"
                defaultValue={values.town}
                maxLength={SIGNER_TOWN_MAX_LENGTH}
                aria-invalid={errors.town ? true : undefined}
                aria-describedby={describedBy("town")}
              />
            </FormField>
            <button type="submit" name="intent" value="preview" className="appeal-button appeal-button--secondary">
              {t("appeals:form.preview")}
            </button>
            {result?.preview ? (
              <section aria-labelledby="preview-title" className="appeal-preview" id={answerId("preview")}>
                <h3 id="preview-title" tabIndex={-1}>{t("appeals:form.preview-heading")}</h3>
                <p className="appeal-reading__subject" lang={draft.letterLanguage}>
                  {result.preview.subject}
                </p>
                <div className="appeal-letter" lang={draft.letterLanguage}>
                  {result.preview.text}
                </div>
              </section>
            ) : null}
          </section>

          <section aria-labelledby="send-title" className="appeal-step">
            <h2 id="send-title">{t("appeals:form.send-heading")}</h2>
            <p className="appeal-legal" role="note">
              {t("appeals:form.send-legal-status")}
            </p>

            {target.channels.postal ? (
              <>
                <h3>{t("appeals:form.print-heading")}</h3>
                <p>{t("appeals:form.print-text")}</p>
                <div className="appeal-actions">
                  <button type="submit" name="intent" value="print" className="appeal-button appeal-button--secondary">
                    {t("appeals:form.print")}
                  </button>
                  <button type="submit" name="intent" value="pdf" formAction={`${base}/pdf`} className="appeal-button appeal-button--secondary">
                    {t("appeals:form.pdf")}
                  </button>
                </div>
              </>
            ) : null}

            {target.channels.webForm ? (
              <>
                <h3>{t("appeals:form.web-form-heading")}</h3>
                <p>{t("appeals:form.web-form-text")}</p>
                <p>
                  <a href={target.channels.webForm} rel="noopener noreferrer nofollow" target="_blank" data-testid="web-form-link">
                    {t("appeals:form.web-form-link")}
                  </a>
                </p>
              </>
            ) : null}

            {target.channels.email ? (
              <>
                <h3>{t("appeals:form.mailto-heading")}</h3>
                <p>{t("appeals:form.mailto-text")}</p>
                <button type="submit" name="intent" value="mailto" className="appeal-button appeal-button--secondary">
                  {t("appeals:form.mailto")}
                </button>
                {result?.mailto ? (
                  <p className="appeal-mailto" role="status" id={answerId("mailto")}>
                    <a href={result.mailto}>{t("appeals:form.mailto-link")}</a>{" "}
                    <span className="appeal-hint">{t("appeals:form.mailto-cut")}</span>
                  </p>
                ) : null}
              </>
            ) : null}

            {target.channels.email && !campaign.closed ? (
              <>
                <h3>{t("appeals:form.listy-heading")}</h3>
                <p>{t("appeals:form.listy-text")}</p>
                <EmailSafetyNote id="email-safety" />
                <FormField id="email" look="appeal" label={t("appeals:form.email-label")} hint={t("appeals:form.email-hint")} error={errorText("email")}>
                  <input
                    id="email"
                    name="email"
                    type="email"
                    autoComplete="email"
                    inputMode="email"
                    spellCheck={false}
                    defaultValue={values.email}
                    maxLength={254}
                    aria-invalid={errors.email ? true : undefined}
                    aria-describedby={describedBy("email", "email-hint")}
                  />
                </FormField>
                {/* People never see this field; form-filling bots do, and fill it. */}
                <div className="appeal-trap" aria-hidden="true">
                  <label htmlFor={HONEYPOT_FIELD}>{t("appeals:form.trap-label")}</label>
                  <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
                </div>
                <div className="appeal-check">
                  <input type="checkbox" id="replies" name="replies" defaultChecked={values.replies} aria-describedby="replies-hint" />
                  <label htmlFor="replies">{t("appeals:form.replies-label")}</label>
                  <p id="replies-hint" className="appeal-hint">
                    {t("appeals:form.replies-hint")}
                  </p>
                </div>
                <div className="appeal-check">
                  <input type="checkbox" id="follow-up" name="follow-up" defaultChecked={values.followUp} />
                  <label htmlFor="follow-up">{t("appeals:form.follow-up-label")}</label>
                </div>
                <p className="appeal-hint">{t("appeals:form.stored")}</p>
                <button type="submit" name="intent" value="send" className="appeal-button">
                  {t("appeals:form.send")}
                </button>
              </>
            ) : campaign.closed && target.channels.email ? (
              <p>{t("appeals:form.closed")}</p>
            ) : null}

            {!target.channels.email && !target.channels.postal && !target.channels.webForm ? (
              <p className="notice" role="note" data-testid="no-channel">
                {t("appeals:form.no-channel")}
              </p>
            ) : null}
          </section>
        </form>
      ) : target ? (
        <p className="notice" role="note">
          {t("appeals:problems.no-template")}
        </p>
      ) : null}
    </article>
  );
}

/**
 * Where the addressee and person are chosen. Before there is a draft it is a form of its own
 * (GET); with a draft its fields belong to the letter's form, through their `form` attribute.
 */
function ChoiceWrapper({ letterForm, action, children }: { letterForm: string | undefined; action: string; children: React.ReactNode }) {
  if (letterForm)
    return (
      <div className="appeal-choose" id="target-choice">
        {children}
      </div>
    );
  return (
    <form method="get" action={action} className="appeal-choose" id="target-choice">
      {children}
    </form>
  );
}

/** The letter laid out for paper; the print stylesheet hides everything else. */
function PrintView({ print, id }: { print: NonNullable<AppealFormResult["print"]>; id: string | undefined }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="print-title" className="appeal-print" id={id}>
      <h2 id="print-title" className="appeal-print__heading" tabIndex={-1}>
        {t("appeals:print.heading")}
      </h2>
      <p className="appeal-print__help">{t("appeals:print.help")}</p>
      <div className="appeal-print__sheet" lang={print.letterLanguage}>
        <div className="appeal-print__recipient">
          {print.recipient.map((line, index) => (
            <p key={index}>{line}</p>
          ))}
        </div>
        <p className="appeal-print__date">{print.date}</p>
        <p className="appeal-print__subject">
          {print.subjectLabel} {print.subject}
        </p>
        <div className="appeal-letter">{print.text}</div>
      </div>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
