// The link in an invitation email. Mail scanners open links, so GET only shows the
// invitation; accepting is a button that POSTs, creates the account and signs in.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { forgetStaffToken, noStore, readStaffToken, staffCookie } from "~/staff/accounts/session.server";
import { acceptInvitation, findInvitation } from "~/staff/accounts/team.server";
import { ROLE_KEYS } from "~/staff/labels";
import styles from "~/styles/staff.css";
import { formFields } from "~/utils/form-fields";
import { getFixedT } from "~/utils/i18next.server";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["staff"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const invitation = await findInvitation(params.token ?? "");
  if (!invitation) throw new Response("Not Found", { status: 404, headers: noStore });
  const t = await getFixedT(language, ["common", "staff"]);
  return json(
    { invitation, meta: { title: t("common:page-title", { page: t("staff:meta.invitation") }) } },
    { status: invitation.state === "open" ? 200 : 410, headers: noStore },
  );
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const token = params.token ?? "";
  if (!(await findInvitation(token))) throw new Response("Not Found", { status: 404, headers: noStore });
  const displayName = formFields(await request.formData()).line("displayName", 200);
  const result = await acceptInvitation(token, { displayName });
  if (!result.ok) return json({ error: result.error, displayName }, { status: result.error === "invalid-name" ? 400 : 410, headers: noStore });
  await forgetStaffToken(readStaffToken(request));
  const next = result.needsSecondFactor ? `/${language}/staff/totp` : `/${language}/staff`;
  return redirect(next, { headers: { ...noStore, "Set-Cookie": staffCookie(request, result.sessionToken) } });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

export default function StaffInvitationPage() {
  const { invitation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  if (invitation.state !== "open" || (result && result.error !== "invalid-name")) {
    return (
      <article aria-labelledby="invitation-title">
        <h1 id="invitation-title">{t("staff:invitation.gone-title")}</h1>
        <p>{t("staff:invitation.gone")}</p>
      </article>
    );
  }
  const invalid = result?.error === "invalid-name";
  return (
    <article aria-labelledby="invitation-title">
      <h1 id="invitation-title">{t("staff:invitation.title")}</h1>
      <p>{t("staff:invitation.lead", { roles: invitation.roles.map((role) => t(ROLE_KEYS[role])).join(", ") })}</p>
      <p>{t("staff:invitation.email", { email: invitation.email })}</p>
      <Form method="post" className="staff-form" noValidate>
        <div className="staff-field">
          <label htmlFor="display-name">{t("staff:invitation.name")}</label>
          <input
            id="display-name"
            name="displayName"
            type="text"
            autoComplete="name"
            required
            maxLength={100}
            defaultValue={result?.displayName ?? ""}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? "display-name-error" : undefined}
          />
          {invalid ? (
            <p id="display-name-error" className="staff-error">
              {t("staff:invitation.invalid-name")}
            </p>
          ) : null}
        </div>
        <button type="submit" className="staff-button">
          {t("staff:invitation.submit")}
        </button>
      </Form>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
