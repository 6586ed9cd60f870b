// Sign-out is a POST (a link could be triggered by another site or a prefetch); the session
// is revoked in the database. GET shows the button, for a page without JavaScript.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { noStore, requireStaff, staffCookie } from "~/staff/accounts/session.server";
import { signOut } from "~/staff/accounts/sign-in.server";
import styles from "~/styles/staff.css";
import { getFixedT } from "~/utils/i18next.server";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["staff"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => noStore;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  await requireStaff(request, undefined, { allowPendingSecondFactor: true });
  const t = await getFixedT(language, ["common", "staff"]);
  return json({ meta: { title: t("common:page-title", { page: t("staff:meta.sign-out") }) } }, { headers: noStore });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const state = await requireStaff(request, undefined, { allowPendingSecondFactor: true });
  await signOut(state.sessionId, state.staff.id);
  return redirect(`/${language}/staff/sign-in?notice=signed-out`, { headers: { ...noStore, "Set-Cookie": staffCookie(request, null) } });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

export default function StaffSignOutPage() {
  const { t } = useTranslation();
  return (
    <article aria-labelledby="sign-out-title">
      <h1 id="sign-out-title">{t("staff:sign-out.title")}</h1>
      <p>{t("staff:sign-out.lead")}</p>
      <Form method="post">
        <button type="submit" className="staff-button">
          {t("staff:sign-out.submit")}
        </button>
      </Form>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
