// The official editor: the office and the person in each language (with the forms an address
// block uses), the language they read, the institution, and each contact with the source
// that reported it and the date. One plain form; works without JavaScript.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { languageAutonyms, supportedLanguages } from "~/i18n";

import { CONTACT_CHANNELS, NEW_SOURCE, contactKey, newSourceKey, translationKey, type ContactChannel, type OfficialFieldError, type OfficialFormValues } from "./official-form";

const ERROR_KEYS = {
  required: "officials:errors.required",
  "too-long": "officials:errors.too-long",
  invalid: "officials:errors.invalid",
  "date-invalid": "officials:errors.date-invalid",
  "source-required": "officials:errors.source-required",
  "names-required": "officials:errors.names-required",
} as const satisfies Record<OfficialFieldError, string>;

export const CHANNEL_KEYS = {
  email: "officials:channel.email",
  "web-form": "officials:channel.web-form",
  postal: "officials:channel.postal",
} as const satisfies Record<ContactChannel, string>;

function ErrorText({ id, code }: { id: string; code: OfficialFieldError | undefined }) {
  const { t } = useTranslation();
  if (!code) return null;
  return (
    <p id={id} className="staff-error">
      {t(ERROR_KEYS[code])}
    </p>
  );
}

interface Props {
  values: OfficialFormValues;
  errors: Record<string, OfficialFieldError>;
  sources: { key: string; label: string }[];
  submitLabel: string;
  lead?: ReactNode;
}

export function OfficialEditorForm({ values, errors, sources, submitLabel, lead }: Props) {
  const { t } = useTranslation();
  const field = (key: string) => ({
    id: `field-${key}`,
    name: key,
    defaultValue: values[key] ?? "",
    "aria-invalid": errors[key] ? true : undefined,
    "aria-describedby": errors[key] ? `error-${key}` : undefined,
  });
  const labelled = (key: string, label: string, control: ReactNode, hint?: string) => (
    <div className="staff-field">
      <label htmlFor={`field-${key}`}>{label}</label>
      {hint ? <p className="staff-hint">{hint}</p> : null}
      {control}
      <ErrorText id={`error-${key}`} code={errors[key]} />
    </div>
  );
  const knownSource = (key: string) => !values[key] || values[key] === NEW_SOURCE || sources.some((source) => source.key === values[key]);
  return (
    <Form method="post" className="staff-form" noValidate>
      <input type="hidden" name="intent" value="save" />
      <fieldset>
        <legend>{t("officials:form.about")}</legend>
        {labelled("country", t("officials:form.country"), <input type="text" maxLength={2} autoComplete="off" {...field("country")} />, t("officials:form.country-hint"))}
        {labelled(
          "language",
          t("officials:form.language"),
          <select {...field("language")}>
            {supportedLanguages.map((language) => (
              <option key={language} value={language}>
                {languageAutonyms[language]}
              </option>
            ))}
          </select>,
          t("officials:form.language-hint"),
        )}
        {labelled("institution", t("officials:form.institution"), <input type="text" {...field("institution")} />, t("officials:form.institution-hint"))}
      </fieldset>

      <fieldset aria-describedby={errors.names ? "error-names" : undefined}>
        <legend>{t("officials:form.names")}</legend>
        <p className="staff-hint">{t("officials:form.names-hint")}</p>
        <ErrorText id="error-names" code={errors.names} />
        {supportedLanguages.map((language) => (
          <fieldset key={language} lang={language} className="profile-editor__row">
            <legend>{languageAutonyms[language]}</legend>
            {labelled(translationKey("position", language), t("officials:form.position"), <input type="text" {...field(translationKey("position", language))} />)}
            {labelled(translationKey("name", language), t("officials:form.name"), <input type="text" {...field(translationKey("name", language))} />)}
            {labelled(translationKey("addressee", language), t("officials:form.addressee"), <input type="text" {...field(translationKey("addressee", language))} />, t("officials:form.addressee-hint"))}
            {labelled(translationKey("addresseeName", language), t("officials:form.addressee-name"), <input type="text" {...field(translationKey("addresseeName", language))} />)}
          </fieldset>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t("officials:form.contacts")}</legend>
        <p className="staff-hint">{t("officials:form.contacts-hint")}</p>
        {CONTACT_CHANNELS.map((channel) => (
          <fieldset key={channel} className="profile-editor__row" data-channel={channel}>
            <legend>{t(CHANNEL_KEYS[channel])}</legend>
            {labelled(
              contactKey(channel),
              t(CHANNEL_KEYS[channel]),
              channel === "postal" ? (
                <textarea rows={4} {...field(contactKey(channel))} />
              ) : (
                <input type={channel === "email" ? "email" : "url"} inputMode={channel === "email" ? "email" : "url"} spellCheck={false} {...field(contactKey(channel))} />
              ),
            )}
            {labelled(
              contactKey(channel, "source"),
              t("officials:form.source"),
              <select {...field(contactKey(channel, "source"))}>
                <option value="">{t("officials:form.choose-source")}</option>
                <option value={NEW_SOURCE}>{t("officials:form.new-source-option")}</option>
                {knownSource(contactKey(channel, "source")) ? null : <option value={values[contactKey(channel, "source")]}>{values[contactKey(channel, "source")]}</option>}
                {sources.map((source) => (
                  <option key={source.key} value={source.key}>
                    {source.label}
                  </option>
                ))}
              </select>,
            )}
            {labelled(contactKey(channel, "reported-on"), t("officials:form.reported-on"), <input type="date" {...field(contactKey(channel, "reported-on"))} />)}
          </fieldset>
        ))}
        <fieldset className="profile-editor__row">
          <legend>{t("officials:form.new-source")}</legend>
          <p className="staff-hint">{t("officials:form.new-source-hint")}</p>
          {labelled(newSourceKey("publication"), t("officials:form.source-publication"), <input type="text" maxLength={200} {...field(newSourceKey("publication"))} />)}
          {labelled(newSourceKey("title"), t("officials:form.source-title"), <input type="text" {...field(newSourceKey("title"))} />)}
          {labelled(newSourceKey("url"), t("officials:form.source-url"), <input type="url" inputMode="url" {...field(newSourceKey("url"))} />)}
          {labelled(newSourceKey("date"), t("officials:form.source-date"), <input type="date" {...field(newSourceKey("date"))} />)}
        </fieldset>
      </fieldset>
      {lead ? <p className="staff-hint">{lead}</p> : null}
      <button type="submit" className="staff-button">
        {submitLabel}
      </button>
    </Form>
  );
}
