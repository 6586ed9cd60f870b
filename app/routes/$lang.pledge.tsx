// Every pledge form posts here: /:lang/pledge (the campaign page, the prisoner's profile and
// this page itself when it shows a form again). Good input is written and answered with a
// 303 to the thank-you page (post/redirect/get; nothing personal in that address); bad input
// comes back here with a translated message and what was typed.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import type { PledgeFieldErrors } from "~/pledges/pledge-form";
import { PLEDGE_PROBLEM_KEYS, PledgeForm } from "~/pledges/pledge-form-view";
import { submitPledgeForm, type PledgeFormPage } from "~/pledges/submit-pledge.server";
import styles from "~/styles/pledges.css";
import { getFixedT } from "~/utils/i18next.server";
import { noindexPageMeta } from "~/utils/meta";
import { publicOrigin, requireLanguage } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["pledges"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
// What the supporter typed may come back in the page: never kept by a browser or proxy cache.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  // Only forms lead here. After a POST, Remix calls this loader with the POST's headers; a
  // plain GET (a link, a crawler, a reload of the address) carries no Content-Type and is
  // sent to the home page instead of an empty form.
  if (!request.headers.get("content-type")) throw redirect(`/${language}`, 303);
  const t = await getFixedT(language, "pledges");
  return json({ language, meta: { title: t("pledges:problem.meta-title") } }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const submission = await submitPledgeForm(await request.formData(), { language, publicOrigin: publicOrigin(request, context) });
  if (submission.kind === "thanks") return redirect(submission.location, 303);
  return json<PledgeFormPage>(submission.page, { status: 400, headers: { "Cache-Control": "no-store" } });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

export default function PledgeProblemPage() {
  const { language } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as PledgeFormPage | undefined;
  const { t } = useTranslation();
  const fieldErrors = result ? (Object.keys(result.errors) as (keyof PledgeFieldErrors)[]) : [];
  return (
    <article className="pledge-page" aria-labelledby="pledge-problem-title">
      <h1 id="pledge-problem-title">{t("pledges:problem.title")}</h1>
      <div className="pledge-errors" role="alert">
        {result?.problem ? <p>{t(PLEDGE_PROBLEM_KEYS[result.problem])}</p> : null}
        {fieldErrors.length > 0 ? <p>{t("pledges:problem.fields", { count: fieldErrors.length })}</p> : null}
        {result?.errors.pledge && !result.form ? <p>{t("pledges:errors.pledge-invalid")}</p> : null}
        {!result ? <p>{t("pledges:problem.unknown-target")}</p> : null}
      </div>
      {result?.form ? (
        <PledgeForm
          language={language}
          scope={result.form.scope}
          options={result.form.options}
          countries={result.countries}
          values={result.values}
          errors={result.errors}
          ticket={result.ticket}
          level={2}
        />
      ) : null}
      <p>
        {result?.form ? (
          <Link to={result.form.back}>{t("pledges:problem.back")}</Link>
        ) : (
          <Link to={`/${language}`}>{t("pledges:problem.home")}</Link>
        )}
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
