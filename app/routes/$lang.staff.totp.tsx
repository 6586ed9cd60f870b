// The second factor for roles that require it: enrolment the first time (the secret shown as
// a QR code drawn on the server and as text until confirmed with a code, never again), a code
// from the app every sign-in, or one of the recovery codes instead (a second form: works
// without JavaScript).
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { OneTimeCodeForm } from "~/staff/accounts/one-time-code-form";
import { noStore, requireStaff, staffCookie } from "~/staff/accounts/session.server";
import { proposeTotpSecret } from "~/staff/accounts/sign-in.server";
import { submitSecondFactor } from "~/staff/accounts/submit-second-factor.server";
import recoveryStyles from "~/styles/staff-recovery.css";
import styles from "~/styles/staff.css";
import { getFixedT } from "~/utils/i18next.server";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["staff"] };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: recoveryStyles },
];
export const headers: HeadersFunction = () => noStore;

async function pendingSession(request: Request, language: string) {
  const state = await requireStaff(request, undefined, { allowPendingSecondFactor: true });
  // Nothing to do here for a session that has it already, or a role that does not need it.
  if (!state.needsSecondFactor) throw redirect(`/${language}/staff`, { headers: noStore });
  return state;
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await pendingSession(request, language);
  const enrolment = state.staff.totpEnrolledAt ? null : await proposeTotpSecret(state.staff.id);
  const t = await getFixedT(language, ["common", "staff"]);
  return json(
    { enrolment, meta: { title: t("common:page-title", { page: t(enrolment ? "staff:meta.enrol" : "staff:meta.totp") }) } },
    { headers: noStore },
  );
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const state = await pendingSession(request, language);
  const answer = await submitSecondFactor(state, await request.formData(), language);
  if ("error" in answer) return json({ error: answer.error }, { status: 400, headers: noStore });
  return redirect(answer.go, { headers: { ...noStore, "Set-Cookie": staffCookie(request, answer.sessionToken) } });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

export default function StaffTotpPage() {
  const { enrolment } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const wrong = result?.error === "wrong";
  const wrongRecovery = result?.error === "wrong-recovery";
  return (
    <article aria-labelledby="totp-title">
      <h1 id="totp-title">{enrolment ? t("staff:totp.enrol-title") : t("staff:totp.verify-title")}</h1>
      {enrolment ? (
        <>
          <p>{t("staff:totp.enrol-lead")}</p>
          <figure className="staff-qr">
            <svg role="img" aria-labelledby="totp-qr-caption" viewBox={`0 0 ${enrolment.qr.size} ${enrolment.qr.size}`} shapeRendering="crispEdges" data-testid="totp-qr">
              <rect width={enrolment.qr.size} height={enrolment.qr.size} fill="#fff" />
              <path d={enrolment.qr.path} fill="#000" />
            </svg>
            <figcaption id="totp-qr-caption">{t("staff:totp.qr")}</figcaption>
          </figure>
          <p>{t("staff:totp.qr-fallback")}</p>
          <dl>
            <dt>{t("staff:totp.secret")}</dt>
            <dd>
              <code className="staff-secret" data-testid="totp-secret">
                {enrolment.secret}
              </code>
            </dd>
            <dt>{t("staff:totp.uri")}</dt>
            <dd>
              <code className="staff-secret" data-testid="totp-uri">
                {enrolment.uri}
              </code>
            </dd>
          </dl>
          <p className="staff-hint">{t("staff:totp.once")}</p>
        </>
      ) : (
        <p>{t("staff:totp.verify-lead")}</p>
      )}
      <OneTimeCodeForm id="totp-code" wrong={wrong} labels={{ label: "staff:totp.label", wrong: "staff:totp.wrong", submit: "staff:totp.submit" }} />
      {enrolment ? null : (
        <section aria-labelledby="recovery-title">
          <h2 id="recovery-title">{t("staff:recovery.use-title")}</h2>
          <p>{t("staff:recovery.use-lead")}</p>
          <Form method="post" className="staff-form" noValidate>
            <div className="staff-field">
              <label htmlFor="recovery-code">{t("staff:recovery.use-label")}</label>
              <input
                id="recovery-code"
                name="recoveryCode"
                type="text"
                className="staff-recovery-input"
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                maxLength={40}
                required
                aria-invalid={wrongRecovery || undefined}
                aria-describedby={wrongRecovery ? "recovery-code-error" : undefined}
              />
              {wrongRecovery ? (
                <p id="recovery-code-error" className="staff-error">
                  {t("staff:recovery.use-wrong")}
                </p>
              ) : null}
            </div>
            <button type="submit" name="intent" value="recovery" className="staff-button staff-button--secondary">
              {t("staff:recovery.use-submit")}
            </button>
          </Form>
        </section>
      )}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
