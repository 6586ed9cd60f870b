// /:lang/privacy/request: ask for a link to export or erase what Listy holds for an email
// address. The answer is the same whether or not anything is held for it, so the page
// cannot be used to find out whether someone pledged or wrote an appeal.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SafetyAdvice } from "~/components/safety-advice";
import { requestPrivacyLink } from "~/privacy/privacy.server";
import { EMAIL_MAX_LENGTH } from "~/pledges/pledge-form";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/pledges.css";
import { getFixedT } from "~/utils/i18next.server";
import { errorPageMeta, originFrom, pageMeta } from "~/utils/meta";
import { publicOrigin, requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["privacy", "pledges"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

const EMAIL_PATTERN = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

export async function loader({ params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const t = await getFixedT(language, "privacy");
  return json({ language, meta: { title: t("privacy:request.meta-title"), description: t("privacy:request.lead") } });
}

type Problem = "email-invalid" | "email-too-long";
interface ActionResult {
  sent: boolean;
  email: string;
  kind: "EXPORT" | "ERASE";
  problem: Problem | null;
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const form = await request.formData();
  const rawEmail = form.get("email");
  const email = typeof rawEmail === "string" ? rawEmail.replace(/[\u0000-\u001F\u007F]/g, "").slice(0, EMAIL_MAX_LENGTH + 50).trim() : "";
  const kind = form.get("kind") === "ERASE" ? "ERASE" : "EXPORT";
  const reply = (result: Partial<ActionResult>, status: number) =>
    json<ActionResult>({ sent: false, email, kind, problem: null, ...result }, { status, headers: { "Cache-Control": "no-store" } });
  if (email.length > EMAIL_MAX_LENGTH) return reply({ problem: "email-too-long" }, 400);
  if (!EMAIL_PATTERN.test(email)) return reply({ problem: "email-invalid" }, 400);
  const result = await requestPrivacyLink({ email, kind, language, publicOrigin: publicOrigin(request, context) });
  if (!result.ok && result.reason === "invalid-email") return reply({ problem: "email-invalid" }, 400);
  // The same answer for every well-formed address, known or not, and also when a cap was hit:
  // a cap reached only by addresses that hold data would otherwise tell them apart.
  // The address is not shown back.
  return reply({ sent: true, email: "" }, 200);
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, location, error }) => {
  if (!data) return errorPageMeta(matches, error);
  return pageMeta({ ...data.meta, origin: originFrom(matches), pathname: location.pathname });
};

const PROBLEM_KEYS = {
  "email-invalid": "privacy:request.email-invalid",
  "email-too-long": "privacy:request.email-too-long",
} as const satisfies Record<Problem, string>;

export default function PrivacyRequestPage() {
  const { language } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const { t } = useTranslation();
  if (result?.sent) {
    return (
      <article className="pledge-page" aria-labelledby="request-title">
        <h1 id="request-title">{t("privacy:request.sent-title")}</h1>
        <p className="pledge-lead" role="status">
          {t("privacy:request.sent-body")}
        </p>
        <p>
          <Link to={`/${language}/privacy`}>{t("privacy:request.back")}</Link>
        </p>
      </article>
    );
  }
  const problem = result?.problem ?? null;
  return (
    <article className="pledge-page" aria-labelledby="request-title">
      <h1 id="request-title">{t("privacy:request.title")}</h1>
      <p className="pledge-lead">{t("privacy:request.lead")}</p>
      {problem ? (
        <p className="pledge-errors" role="alert">
          {t(PROBLEM_KEYS[problem], { max: EMAIL_MAX_LENGTH })}
        </p>
      ) : null}
      <form method="post" className="pledge-form" noValidate>
        <fieldset>
          <legend>{t("privacy:request.kind-legend")}</legend>
          <div className="pledge-radio">
            <input type="radio" id="kind-export" name="kind" value="EXPORT" defaultChecked={(result?.kind ?? "EXPORT") === "EXPORT"} />
            <label htmlFor="kind-export">{t("privacy:request.kind-export")}</label>
          </div>
          <div className="pledge-radio">
            <input type="radio" id="kind-erase" name="kind" value="ERASE" defaultChecked={result?.kind === "ERASE"} />
            <label htmlFor="kind-erase">{t("privacy:request.kind-erase")}</label>
          </div>
        </fieldset>
        <SafetyAdvice language={language} level={2} />
        <div className="pledge-field">
          <label htmlFor="email">{t("privacy:request.email-label")}</label>
          <p id="email-hint" className="pledge-hint">
            {t("privacy:request.email-hint")}
          </p>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="off"
            inputMode="email"
            spellCheck={false}
            required
            defaultValue={result?.email ?? ""}
            maxLength={EMAIL_MAX_LENGTH}
            aria-invalid={problem ? true : undefined}
            aria-describedby="email-hint"
          />
        </div>
        <button type="submit" className="pledge-button">
          {t("privacy:request.submit")}
        </button>
      </form>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
