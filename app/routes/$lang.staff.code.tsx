// Staff sign-in, step 2: the six-digit code from the email, in the browser that asked for
// it. One answer for every failure (wrong, expired, used up, unknown address).
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { OneTimeCodeForm } from "~/staff/accounts/one-time-code-form";
import { findStaffSession, noStore, readStaffToken, staffCookie, trustedBrowserCookie } from "~/staff/accounts/session.server";
import { verifySignInCode } from "~/staff/accounts/sign-in.server";
import styles from "~/styles/staff.css";
import { formFields } from "~/utils/form-fields";
import { getFixedT } from "~/utils/i18next.server";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["staff"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const token = readStaffToken(request);
  if (!token) throw redirect(`/${language}/staff/sign-in`, { headers: noStore });
  if (await findStaffSession(token)) throw redirect(`/${language}/staff`, { headers: noStore });
  const t = await getFixedT(language, ["common", "staff"]);
  return json({ meta: { title: t("common:page-title", { page: t("staff:meta.code") }) } }, { headers: noStore });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const token = readStaffToken(request);
  if (!token) throw redirect(`/${language}/staff/sign-in`, { headers: noStore });
  const code = formFields(await request.formData()).line("code", 20);
  const result = await verifySignInCode({ attemptToken: token, code });
  if (!result.ok) return json({ error: "wrong" as const }, { status: 400, headers: noStore });
  const next = result.needsSecondFactor ? `/${language}/staff/totp` : `/${language}/staff`;
  const headers = new Headers(noStore);
  headers.append("Set-Cookie", staffCookie(request, result.sessionToken));
  headers.append("Set-Cookie", trustedBrowserCookie(request, result.trustedBrowser));
  return redirect(next, { headers });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

export default function StaffCodePage() {
  const result = useActionData<typeof action>();
  const { lang } = useParams();
  const { t } = useTranslation();
  const wrong = result?.error === "wrong";
  return (
    <article aria-labelledby="code-title">
      <h1 id="code-title">{t("staff:code.title")}</h1>
      <p>{t("staff:code.lead")}</p>
      <OneTimeCodeForm id="staff-code" wrong={wrong} labels={{ label: "staff:code.label", wrong: "staff:code.wrong", submit: "staff:code.submit" }} />
      <p>
        <Link to={`/${lang}/staff/sign-in`}>{t("staff:code.again")}</Link>
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
