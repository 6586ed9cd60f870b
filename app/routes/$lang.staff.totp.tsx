// The second factor for roles that require it: enrolment the first time (the secret shown
// as text until confirmed with a code, never again), a code from the app every sign-in.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { noStore, requireStaff, staffCookie } from "~/backoffice/session.server";
import { proposeTotpSecret, verifySecondFactor } from "~/backoffice/sign-in.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/staff.css";
import { getFixedT } from "~/utils/i18next.server";
import { errorPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["backoffice"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
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
  const t = await getFixedT(language, ["common", "backoffice"]);
  return json(
    { enrolment, meta: { title: t("common:page-title", { page: t(enrolment ? "backoffice:meta.enrol" : "backoffice:meta.totp") }) } },
    { headers: noStore },
  );
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const state = await pendingSession(request, language);
  const code = String((await request.formData()).get("code") ?? "").slice(0, 20);
  const result = await verifySecondFactor({ sessionId: state.sessionId, code });
  if (result.ok) return redirect(`/${language}/staff`, { headers: { ...noStore, "Set-Cookie": staffCookie(request, result.sessionToken) } });
  if (result.locked) return redirect(`/${language}/staff/sign-in?notice=locked`, { headers: { ...noStore, "Set-Cookie": staffCookie(request, null) } });
  return json({ error: "wrong" as const }, { status: 400, headers: noStore });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, error }) => {
  if (!data) return errorPageMeta(matches, error);
  return [{ title: data.meta.title }, { name: "robots", content: "noindex" }];
};

export default function StaffTotpPage() {
  const { enrolment } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const wrong = result?.error === "wrong";
  return (
    <article aria-labelledby="totp-title">
      <h1 id="totp-title">{enrolment ? t("backoffice:totp.enrol-title") : t("backoffice:totp.verify-title")}</h1>
      {enrolment ? (
        <>
          <p>{t("backoffice:totp.enrol-lead")}</p>
          <dl>
            <dt>{t("backoffice:totp.secret")}</dt>
            <dd>
              <code className="staff-secret" data-testid="totp-secret">
                {enrolment.secret}
              </code>
            </dd>
            <dt>{t("backoffice:totp.uri")}</dt>
            <dd>
              <code className="staff-secret">{enrolment.uri}</code>
            </dd>
          </dl>
          <p className="staff-hint">{t("backoffice:totp.once")}</p>
        </>
      ) : (
        <p>{t("backoffice:totp.verify-lead")}</p>
      )}
      <Form method="post" className="staff-form" noValidate>
        <div className="staff-field">
          <label htmlFor="totp-code">{t("backoffice:totp.label")}</label>
          <input
            id="totp-code"
            name="code"
            type="text"
            className="staff-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            maxLength={6}
            required
            aria-invalid={wrong || undefined}
            aria-describedby={wrong ? "totp-code-error" : undefined}
          />
          {wrong ? (
            <p id="totp-code-error" className="staff-error">
              {t("backoffice:totp.wrong")}
            </p>
          ) : null}
        </div>
        <button type="submit" className="staff-button">
          {t("backoffice:totp.submit")}
        </button>
      </Form>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
