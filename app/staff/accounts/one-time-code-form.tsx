// The six-digit code form of signing in: the emailed code (/staff/code) and the authenticator
// app's code (/staff/totp) are typed the same way.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function OneTimeCodeForm({ id, wrong, labels }: { id: string; wrong: boolean; labels: { label: string; wrong: string; submit: string } }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="staff-form" noValidate>
      <div className="staff-field">
        <label htmlFor={id}>{t(labels.label)}</label>
        <input
          id={id}
          name="code"
          type="text"
          className="staff-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
          required
          aria-invalid={wrong || undefined}
          aria-describedby={wrong ? `${id}-error` : undefined}
        />
        {wrong ? (
          <p id={`${id}-error`} className="staff-error">
            {t(labels.wrong)}
          </p>
        ) : null}
      </div>
      <button type="submit" className="staff-button">
        {t(labels.submit)}
      </button>
    </Form>
  );
}
