// Staff sign-in, step 1: the email address. Whatever the address, the answer is the same
// (a code page), given before the address is looked at; a code is emailed only to an active
// staff member, within the limits.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { forgetStaffToken, noStore, readStaffToken, readTrustedBrowser, staffCookie } from "~/staff/accounts/session.server";
import { requestSignInCode } from "~/staff/accounts/sign-in.server";
import { isPlausibleEmail } from "~/staff/accounts/team.server";
import styles from "~/styles/staff.css";
import { formFields } from "~/utils/form-fields";
import { getFixedT } from "~/utils/i18next.server";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["staff"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => noStore;

const NOTICES = ["signed-out", "locked", "expired"] as const;
type Notice = (typeof NOTICES)[number];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const t = await getFixedT(language, ["common", "staff"]);
  const notice = new URL(request.url).searchParams.get("notice");
  return json(
    { notice: (NOTICES as readonly string[]).includes(notice ?? "") ? (notice as Notice) : null, meta: { title: t("common:page-title", { page: t("staff:meta.sign-in") }) } },
    { headers: noStore },
  );
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const email = formFields(await request.formData()).line("email", 300);
  if (!isPlausibleEmail(email)) return json({ error: "invalid-email" as const, email }, { status: 400, headers: noStore });
  // Signing in again in this browser ends whatever session the old cookie held.
  await forgetStaffToken(readStaffToken(request));
  const { token } = requestSignInCode({ email, trustedBrowser: readTrustedBrowser(request), afterResponse: context.afterResponse });
  return redirect(`/${language}/staff/code`, { headers: { ...noStore, "Set-Cookie": staffCookie(request, token) } });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

const NOTICE_KEYS = {
  "signed-out": "staff:sign-in.signed-out",
  locked: "staff:totp.locked",
  expired: "staff:sign-in.expired",
} as const satisfies Record<Notice, string>;

export default function StaffSignInPage() {
  const { notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const invalid = result?.error === "invalid-email";
  return (
    <article aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t("staff:sign-in.title")}</h1>
      {notice ? (
        <p role="status" className="staff-ok">
          {t(NOTICE_KEYS[notice])}
        </p>
      ) : null}
      <p>{t("staff:sign-in.lead")}</p>
      <Form method="post" className="staff-form" noValidate>
        <div className="staff-field">
          <label htmlFor="staff-email">{t("staff:sign-in.email")}</label>
          <input
            id="staff-email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={result?.email ?? ""}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? "staff-email-error" : undefined}
          />
          {invalid ? (
            <p id="staff-email-error" className="staff-error">
              {t("staff:sign-in.invalid-email")}
            </p>
          ) : null}
        </div>
        <button type="submit" className="staff-button">
          {t("staff:sign-in.submit")}
        </button>
      </Form>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
