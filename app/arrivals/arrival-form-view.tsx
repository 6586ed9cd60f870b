// "Did your letter arrive?": a plain HTML form posted to /:lang/prisoners/:slug/arrival, the
// same on the profile, after a letter and on its own page when a choice is missing. Works
// without JavaScript; nothing intercepts it when JavaScript is on.
import { useTranslation } from "react-i18next";

import { toResult } from "~/components/result-anchor";

import { ARRIVAL_TICKET_FIELD, NO_ANSWER_WEEKS, type ArrivalFieldErrors, type ArrivalFormValues, type ArrivalRateView } from "./arrival-form";

/** The id of the form on every page that has one: the letter box links to it. */
export const ARRIVAL_FORM_ID = "arrival-report";

export function ArrivalReportForm({
  language,
  prisoner,
  months,
  ticket,
  values,
  errors = {},
  staleTicket = false,
  level = 2,
  titleId,
}: {
  language: string;
  prisoner: string;
  months: { value: string; label: string }[];
  ticket: string;
  values?: ArrivalFormValues;
  errors?: ArrivalFieldErrors;
  staleTicket?: boolean;
  level?: 2 | 3;
  /** The page's own heading names the form (its own page): the form then shows no heading of its own. */
  titleId?: string;
}) {
  const { t } = useTranslation();
  const id = ARRIVAL_FORM_ID;
  const Heading = `h${level}` as const;
  const invalid = Object.keys(errors).length > 0;
  const describedBy = (field: keyof ArrivalFormValues, hint?: string) => [hint, errors[field] ? `${id}-${field}-error` : null].filter(Boolean).join(" ") || undefined;
  const outcomeError = errors.outcome ? t("arrivals:errors.outcome") : null;
  const postedError = errors.posted === "required" ? t("arrivals:errors.posted-required") : errors.posted ? t("arrivals:errors.posted-invalid") : null;
  const weeksError =
    errors.weeks === "required"
      ? t("arrivals:errors.weeks-required")
      : errors.weeks === "too-soon"
        ? t("arrivals:errors.weeks-too-soon")
        : errors.weeks
          ? t("arrivals:errors.weeks-invalid")
          : null;

  return (
    <form method="post" action={toResult(`/${language}/prisoners/${prisoner}/arrival`)} className="pledge-form arrival-form" id={id} aria-labelledby={titleId ?? `${id}-title`} noValidate>
      {titleId ? null : <Heading id={`${id}-title`}>{t("arrivals:form.heading")}</Heading>}
      <p className="pledge-hint">{t("arrivals:form.lead")}</p>
      {invalid || staleTicket ? (
        <p className="pledge-error" role="alert" id={`${id}-problem`}>
          {invalid ? t("arrivals:errors.summary") : t("arrivals:errors.stale")}
        </p>
      ) : null}
      <input type="hidden" name={ARRIVAL_TICKET_FIELD} value={ticket} />
      <fieldset aria-describedby={errors.outcome ? `${id}-outcome-error` : undefined}>
        <legend>{t("arrivals:form.outcome-legend")}</legend>
        {(["replied", "returned", "no-answer"] as const).map((outcome) => (
          <div className="pledge-radio" key={outcome}>
            <input type="radio" id={`${id}-outcome-${outcome}`} name="outcome" value={outcome} defaultChecked={values?.outcome === outcome} />
            <label htmlFor={`${id}-outcome-${outcome}`}>
              {outcome === "replied" ? t("arrivals:form.outcome-replied") : outcome === "returned" ? t("arrivals:form.outcome-returned") : t("arrivals:form.outcome-no-answer")}
            </label>
          </div>
        ))}
        {outcomeError ? (
          <p id={`${id}-outcome-error`} className="pledge-error">
            {outcomeError}
          </p>
        ) : null}
      </fieldset>

      <div className="pledge-field">
        <label htmlFor={`${id}-weeks`}>{t("arrivals:form.weeks-label")}</label>
        <p id={`${id}-weeks-hint`} className="pledge-hint">
          {t("arrivals:form.weeks-hint")}
        </p>
        <select id={`${id}-weeks`} name="weeks" defaultValue={values?.weeks ?? ""} aria-invalid={errors.weeks ? true : undefined} aria-describedby={describedBy("weeks", `${id}-weeks-hint`)}>
          <option value="">{t("arrivals:form.weeks-choose")}</option>
          {NO_ANSWER_WEEKS.map((weeks) => (
            <option key={weeks} value={String(weeks)}>
              {t("arrivals:form.weeks-option", { count: weeks })}
            </option>
          ))}
        </select>
        {weeksError ? (
          <p id={`${id}-weeks-error`} className="pledge-error">
            {weeksError}
          </p>
        ) : null}
      </div>

      <div className="pledge-field">
        <label htmlFor={`${id}-posted`}>{t("arrivals:form.posted-label")}</label>
        <select id={`${id}-posted`} name="posted" defaultValue={values?.posted ?? ""} aria-invalid={errors.posted ? true : undefined} aria-describedby={describedBy("posted")}>
          <option value="">{t("arrivals:form.posted-choose")}</option>
          {months.map((month) => (
            <option key={month.value} value={month.value}>
              {month.label}
            </option>
          ))}
        </select>
        {postedError ? (
          <p id={`${id}-posted-error`} className="pledge-error">
            {postedError}
          </p>
        ) : null}
      </div>
      <p className="pledge-hint">{t("arrivals:form.stored")}</p>
      <button type="submit" className="pledge-button">
        {t("arrivals:form.submit")}
      </button>
    </form>
  );
}

/** "Letters to ИК-3 got a reply in 2 of 15 reported cases since 1 June 2026", or nothing below the minimum. */
export function ArrivalRateNote({ rate }: { rate: ArrivalRateView | null }) {
  const { t } = useTranslation();
  if (!rate) return null;
  return (
    <p className="letter-status__arrivals" data-arrival-rate={`${rate.replied}/${rate.reports}`}>
      {t("arrivals:rate.line", { facility: rate.facility, replied: rate.repliedText, count: rate.reports, reports: rate.reportsText, since: rate.since })}
    </p>
  );
}

/** The letter box's link down to the form. */
export function ArrivalFormLink() {
  const { t } = useTranslation();
  return (
    <p>
      <a href={`#${ARRIVAL_FORM_ID}`}>{t("arrivals:form.link")}</a>
    </p>
  );
}
