// The pledge form, the same on the campaign page, the prisoner's profile and the page that
// shows it again with problems. A plain HTML form posted to /:lang/pledge: it works without
// JavaScript, and nothing intercepts it when JavaScript is on.
import { useTranslation } from "react-i18next";

import { EmailSafetyNote, SafetyAdvice } from "~/components/safety-advice";

import type { CountryOption } from "./countries";
import { EMAIL_MAX_LENGTH, PLEDGE_HONEYPOT_FIELD, PLEDGE_TICKET_FIELD, type PledgeFieldErrors, type PledgeFormValues } from "./pledge-form";
import type { PledgeProblem } from "./submit-pledge.server";

/** One thing a supporter can pledge here; labels are built from literal keys below. */
export type PledgeOption =
  | { value: "WRITE_MONTHLY" | "BIRTHDAY_CARD" | "CAMPAIGN_PLEDGE"; event?: undefined }
  | { value: string; event: { title: string; place: string; date: string } };

/** What each refused pledge says, wherever the pledge form answers (its own page, an embed). */
export const PLEDGE_PROBLEM_KEYS = {
  "invalid-email": "pledges:problem.invalid-email",
  "rate-limited": "pledges:problem.rate-limited",
  "target-closed": "pledges:problem.target-closed",
  "unknown-target": "pledges:problem.unknown-target",
  "form-expired": "pledges:problem.form-expired",
} as const satisfies Record<PledgeProblem, string>;

export function PledgeForm({
  language,
  scope,
  options,
  countries,
  values,
  errors = {},
  ticket,
  id = "pledge",
  level = 3,
  action,
  hidden,
}: {
  language: string;
  scope: { campaign: string } | { prisoner: string };
  options: PledgeOption[];
  countries: CountryOption[];
  values?: PledgeFormValues;
  errors?: PledgeFieldErrors;
  /** A fresh form ticket (form-ticket.server.ts): an anonymous pledge counts once per ticket and target. */
  ticket: string;
  id?: string;
  /** The form's heading level in the page's outline; the safety advice sits one below. */
  level?: 2 | 3;
  /** Where it posts: /:lang/pledge, or a campaign's embed, which answers inside its frame. */
  action?: string;
  /** More hidden fields (the embed's partner site). */
  hidden?: Record<string, string>;
}) {
  const { t } = useTranslation();
  if (options.length === 0) return null;
  const Heading = `h${level}` as const;
  const chosen = values?.pledge ?? options[0]!.value;
  const describedBy = (field: keyof PledgeFieldErrors, hint?: string) =>
    [hint, errors[field] ? `${id}-${field}-error` : null].filter(Boolean).join(" ") || undefined;
  const label = (option: PledgeOption) => {
    if (option.event) return t("pledges:form.option-event", { title: option.event.title, date: option.event.date, place: option.event.place });
    switch (option.value) {
      case "WRITE_MONTHLY":
        return t("pledges:form.option-write-monthly");
      case "BIRTHDAY_CARD":
        return t("pledges:form.option-birthday-card");
      default:
        return t("pledges:form.option-campaign");
    }
  };

  return (
    <form method="post" action={action ?? `/${language}/pledge`} className="pledge-form" aria-labelledby={`${id}-title`} noValidate>
      <Heading id={`${id}-title`}>{t("pledges:form.heading")}</Heading>
      {"campaign" in scope ? (
        <input type="hidden" name="campaign" value={scope.campaign} />
      ) : (
        <input type="hidden" name="prisoner" value={scope.prisoner} />
      )}
      <input type="hidden" name={PLEDGE_TICKET_FIELD} value={ticket} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset aria-describedby={errors.pledge ? `${id}-pledge-error` : undefined}>
        <legend>{t("pledges:form.choice-legend")}</legend>
        {options.map((option, index) => (
          <div className="pledge-radio" key={option.value}>
            <input type="radio" id={`${id}-choice-${index}`} name="pledge" value={option.value} defaultChecked={option.value === chosen} />
            <label htmlFor={`${id}-choice-${index}`}>{label(option)}</label>
          </div>
        ))}
        {errors.pledge ? (
          <p id={`${id}-pledge-error`} className="pledge-error">
            {t("pledges:errors.pledge-invalid")}
          </p>
        ) : null}
      </fieldset>
      <p className="pledge-hint">{t("pledges:form.anonymous-counts")}</p>

      <SafetyAdvice language={language} id={`${id}-safety`} level={level === 2 ? 3 : 4} />
      <EmailSafetyNote id={`${id}-email-safety`} />

      <div className="pledge-field">
        <label htmlFor={`${id}-email`}>{t("pledges:form.email-label")}</label>
        <p id={`${id}-email-hint`} className="pledge-hint">
          {t("pledges:form.email-hint")}
        </p>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="off"
          inputMode="email"
          spellCheck={false}
          defaultValue={values?.email ?? ""}
          maxLength={EMAIL_MAX_LENGTH}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describedBy("email", `${id}-email-hint`)}
        />
        {errors.email ? (
          <p id={`${id}-email-error`} className="pledge-error">
            {errors.email === "too-long" ? t("pledges:errors.email-too-long", { max: EMAIL_MAX_LENGTH }) : t("pledges:errors.email-invalid")}
          </p>
        ) : null}
      </div>

      <div className="pledge-field">
        <label htmlFor={`${id}-country`}>{t("pledges:form.country-label")}</label>
        <p id={`${id}-country-hint`} className="pledge-hint">
          {t("pledges:form.country-hint")}
        </p>
        <select
          id={`${id}-country`}
          name="country"
          defaultValue={values?.country ?? ""}
          aria-invalid={errors.country ? true : undefined}
          aria-describedby={describedBy("country", `${id}-country-hint`)}
        >
          <option value="">{t("pledges:form.country-none")}</option>
          {countries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </select>
        {errors.country ? (
          <p id={`${id}-country-error`} className="pledge-error">
            {t("pledges:errors.country-invalid")}
          </p>
        ) : null}
      </div>

      {/* People never see this field; form-filling bots do, and fill it. */}
      <div className="pledge-trap" aria-hidden="true">
        <label htmlFor={`${id}-${PLEDGE_HONEYPOT_FIELD}`}>{t("pledges:form.trap-label")}</label>
        <input id={`${id}-${PLEDGE_HONEYPOT_FIELD}`} name={PLEDGE_HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <button type="submit" className="pledge-button">
        {t("pledges:form.submit")}
      </button>
    </form>
  );
}

/** "I posted it": a count, nothing more. No address is asked for. */
export function PostedItForm({ language, prisoner }: { language: string; prisoner: string }) {
  const { t } = useTranslation();
  return (
    <form method="post" action={`/${language}/pledge`} className="pledge-posted">
      <input type="hidden" name="pledge" value="POSTED" />
      <input type="hidden" name="prisoner" value={prisoner} />
      <p>{t("pledges:posted.text")}</p>
      <button type="submit" className="pledge-button pledge-button--secondary">
        {t("pledges:posted.button")}
      </button>
    </form>
  );
}
