// Every pledge form posts here: /:lang/pledge (the campaign page, the prisoner's profile and
// this page itself when it shows a form again). Good input is written and answered with a
// 303 to the thank-you page (post/redirect/get; nothing personal in that address); bad input
// comes back here with a translated message and what was typed.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PledgeForm } from "~/components/pledge-form";
import { makePledge, recordPostedSelfReport, type MakePledgeResult } from "~/models/pledge.server";
import { countryOptions } from "~/pledges/countries";
import { readPledgeForm, type PledgeFieldErrors, type PledgeFormValues } from "~/pledges/pledge-form";
import { resolvePledge, type PledgeOptionView } from "~/pledges/pledge-targets.server";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/pledges.css";
import { getFixedT } from "~/utils/i18next.server";
import { errorPageMeta } from "~/utils/meta";
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

type Problem = Extract<MakePledgeResult, { ok: false }>["reason"];

interface ActionResult {
  values: PledgeFormValues;
  errors: PledgeFieldErrors;
  problem: Problem | null;
  form: { scope: { campaign: string } | { prisoner: string }; options: PledgeOptionView[]; back: string } | null;
  countries: { code: string; name: string }[];
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const read = readPledgeForm(await request.formData());
  const thanks = (result: string, scope: { campaign: string } | { prisoner: string }) =>
    redirect(`/${language}/pledge/thanks?${new URLSearchParams({ result, ...scope }).toString()}`, 303);

  const reply = (result: Partial<ActionResult>, status = 400) =>
    json<ActionResult>(
      { values: read.values, errors: read.errors, problem: null, form: null, countries: countryOptions(language), ...result },
      { status, headers: { "Cache-Control": "no-store" } },
    );

  // The form may be fine and only the pledge wrong, or the other way round: read the target
  // first so that the form can be shown again in either case.
  const resolved = read.parsed ? await resolvePledge(read.parsed, language) : null;
  const form = resolved?.kind === "pledge" ? { scope: resolved.scopeSlug, options: resolved.scope.options, back: resolved.back } : null;
  if (read.parsed && !resolved) return reply({ problem: "unknown-target" });
  if (!read.ok || !resolved) return reply({ form });
  // A bot filled the field people never see: it is thanked, and nothing is counted.
  if (read.honeypot) return thanks("active", resolved.scopeSlug);

  if (resolved.kind === "posted") {
    await recordPostedSelfReport({ prisonerId: resolved.prisonerId, language, country: read.country });
    return thanks("posted", resolved.scopeSlug);
  }
  if (!resolved.scope.open) return reply({ problem: "target-closed", form: null });

  const result = await makePledge({
    target: resolved.target,
    language,
    country: read.country,
    email: read.email,
    publicOrigin: publicOrigin(request, context),
  });
  if (!result.ok) {
    return reply({ problem: result.reason, form, errors: result.reason === "invalid-email" ? { email: "invalid" } : {} });
  }
  if ("duplicate" in result) return thanks("duplicate", resolved.scopeSlug);
  return thanks(result.state === "ACTIVE" ? "active" : "pending", resolved.scopeSlug);
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, error }) => {
  if (!data) return errorPageMeta(matches, error);
  return [{ title: data.meta.title }, { name: "robots", content: "noindex" }];
};

const PROBLEM_KEYS = {
  "invalid-email": "pledges:problem.invalid-email",
  suppressed: "pledges:problem.suppressed",
  "rate-limited": "pledges:problem.rate-limited",
  "target-closed": "pledges:problem.target-closed",
  "unknown-target": "pledges:problem.unknown-target",
} as const satisfies Record<Problem, string>;

export default function PledgeProblemPage() {
  const { language } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const { t } = useTranslation();
  const fieldErrors = result ? (Object.keys(result.errors) as (keyof PledgeFieldErrors)[]) : [];
  return (
    <article className="pledge-page" aria-labelledby="pledge-problem-title">
      <h1 id="pledge-problem-title">{t("pledges:problem.title")}</h1>
      <div className="pledge-errors" role="alert">
        {result?.problem ? <p>{t(PROBLEM_KEYS[result.problem])}</p> : null}
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
