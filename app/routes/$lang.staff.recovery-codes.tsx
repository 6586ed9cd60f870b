// One's own recovery codes: how many are left (with a warning when few are), and a button
// that makes a new set. The codes appear only in the answer to that POST, never again: the
// database keeps only their HMACs. Reached right after enrolment and after signing in with
// a code. Any signed-in staff member may open it; only those with a second factor have codes.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { generateRecoveryCodes, RECOVERY_CODE_COUNT, recoveryCodeStatus } from "~/staff/accounts/recovery-codes.server";
import { noStore, requireStaff, staffNavFor } from "~/staff/accounts/session.server";
import { StaffNav } from "~/staff/staff-nav";
import recoveryStyles from "~/styles/staff-recovery.css";
import styles from "~/styles/staff.css";
import { formatDate } from "~/utils/format";
import { formFields } from "~/utils/form-fields";
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

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request);
  const [status, t] = await Promise.all([recoveryCodeStatus(state.staff.id), getFixedT(language, ["common", "staff"])]);
  return json(
    {
      nav: staffNavFor(state, language),
      language,
      enrolled: state.staff.totpEnrolledAt !== null,
      remaining: status.remaining,
      low: status.low,
      generatedOn: status.generatedAt ? formatDate(status.generatedAt.toISOString().slice(0, 10), "DAY", language) : null,
      meta: { title: t("common:page-title", { page: t("staff:meta.recovery") }) },
    },
    { headers: noStore },
  );
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  requireLanguage(params);
  const state = await requireStaff(request);
  if (!formFields(await request.formData()).choice("intent", ["generate"] as const)) return json({ ok: false as const, error: "unknown-intent" as const }, { status: 400, headers: noStore });
  const result = await generateRecoveryCodes(state.staff.id);
  if (!result.ok) return json({ ok: false as const, error: result.error }, { status: 400, headers: noStore });
  return json({ ok: true as const, codes: result.codes }, { headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

export default function StaffRecoveryCodesPage() {
  const { nav, language, enrolled, remaining, low, generatedOn } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const fresh = result?.ok ? result.codes : null;
  return (
    <article aria-labelledby="recovery-page-title">
      <StaffNav nav={nav} />
      <h1 id="recovery-page-title">{t("staff:recovery.title")}</h1>

      {fresh ? (
        <section aria-labelledby="codes-title" data-testid="recovery-codes">
          <h2 id="codes-title">{t("staff:recovery.new-title")}</h2>
          <p role="status" className="staff-ok">
            {t("staff:recovery.made", { count: fresh.length })}
          </p>
          <p className="staff-warning">{t("staff:recovery.store-offline")}</p>
          <ol className="staff-recovery-codes">
            {fresh.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ol>
          <p>{t("staff:recovery.shown-once")}</p>
          <p>
            <Link to={`/${language}/staff`}>{t("staff:recovery.continue")}</Link>
          </p>
        </section>
      ) : null}

      {result && !result.ok ? (
        <p role="alert" className="staff-error">
          {result.error === "no-second-factor" ? t("staff:recovery.no-second-factor") : t("staff:recovery.unknown-intent")}
        </p>
      ) : null}

      {!fresh && search.get("enrolled") === "1" && enrolled ? (
        <p role="status" className="staff-ok">
          {t("staff:recovery.enrolled")}
        </p>
      ) : null}
      {!fresh && search.get("used") === "1" ? (
        <p role="status" className="staff-ok" data-testid="recovery-used">
          {t("staff:recovery.used", { count: remaining })}
        </p>
      ) : null}

      {!enrolled ? (
        <p>{t("staff:recovery.no-second-factor")}</p>
      ) : (
        <section aria-labelledby="status-title">
          <h2 id="status-title">{t("staff:recovery.status-title")}</h2>
          <p data-testid="recovery-remaining">
            {generatedOn
              ? t("staff:recovery.remaining", { count: remaining, date: generatedOn })
              : t("staff:recovery.none-yet")}
          </p>
          {low && generatedOn && !fresh ? (
            <p className="staff-warning" data-testid="recovery-low">
              {t("staff:recovery.low")}
            </p>
          ) : null}
          <Form method="post" className="staff-form">
            <p>{generatedOn ? t("staff:recovery.regenerate-lead", { count: RECOVERY_CODE_COUNT }) : t("staff:recovery.generate-lead", { count: RECOVERY_CODE_COUNT })}</p>
            <button type="submit" name="intent" value="generate" className="staff-button">
              {generatedOn ? t("staff:recovery.regenerate") : t("staff:recovery.generate")}
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
