// /:lang/privacy/request: ask for a link to export or erase what Listy holds for an email
// address. The answer is the same whether or not anything is held for it, so the page
// cannot be used to find out whether someone pledged or wrote an appeal.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormField } from "~/components/form-field";
import { EmailSafetyNote, SafetyAdvice } from "~/components/safety-advice";
import { LinkAnswer } from "~/components/token-page";
import { EMAIL_MAX_LENGTH } from "~/pledges/pledge-form";
import { submitPrivacyRequest, type PrivacyRequestProblem, type PrivacyRequestResult } from "~/privacy/submit-privacy-request.server";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/pledges.css";
import { getFixedT } from "~/utils/i18next.server";
import { errorPageMeta, originFrom, pageMeta } from "~/utils/meta";
import { NO_STORE } from "~/utils/private-link.server";
import { publicOrigin, requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["privacy", "pledges"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const headers: HeadersFunction = () => NO_STORE;

export async function loader({ params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const t = await getFixedT(language, "privacy");
  return json({ language, meta: { title: t("privacy:request.meta-title"), description: t("privacy:request.lead") } });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const { result, status } = await submitPrivacyRequest({ form: await request.formData(), language, publicOrigin: publicOrigin(request, context) });
  return json<PrivacyRequestResult>(result, { status, headers: NO_STORE });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, location, error }) => {
  if (!data) return errorPageMeta(matches, error);
  return pageMeta({ ...data.meta, origin: originFrom(matches), pathname: location.pathname });
};

const PROBLEM_KEYS = {
  "email-invalid": "privacy:request.email-invalid",
  "email-too-long": "privacy:request.email-too-long",
} as const satisfies Record<PrivacyRequestProblem, string>;

export default function PrivacyRequestPage() {
  const { language } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as PrivacyRequestResult | undefined;
  const { t } = useTranslation();
  if (result?.sent) {
    return (
      <LinkAnswer look="pledges" id="request-title" title={t("privacy:request.sent-title")} lead={t("privacy:request.sent-body")}>
        <p>
          <Link to={`/${language}/privacy`}>{t("privacy:request.back")}</Link>
        </p>
      </LinkAnswer>
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
        <EmailSafetyNote id="email-safety" />
        <FormField id="email" look="pledge" label={t("privacy:request.email-label")} hint={t("privacy:request.email-hint")}>
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
        </FormField>
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
