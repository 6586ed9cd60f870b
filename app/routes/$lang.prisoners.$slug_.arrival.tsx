// "Did your letter arrive?" on its own page: the form's target (POST), the page that shows it
// again with what was chosen and what is missing, and the thank-you after a 303.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ArrivalRateNote, ArrivalReportForm } from "~/arrivals/arrival-form-view";
import { loadArrivalPage } from "~/arrivals/arrival-page.server";
import { submitArrivalReport } from "~/arrivals/submit-arrival.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RESULT_ID } from "~/components/result-anchor";
import pledgeStyles from "~/styles/pledges.css";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage, requirePublicSlug } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";
import { followFormerSlug } from "~/prisoners/former-slugs.server";

export const handle = { i18n: ["arrivals", "pledges"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: pledgeStyles }];

export async function loader({ params, request }: LoaderFunctionArgs) {
  // A slug corrected before publication still works: 301 to the current one.
  return followFormerSlug(request, async () => {
    const language = requireLanguage(params);
    const slug = requirePublicSlug(params.slug);
    return json(await loadArrivalPage(slug, language, new URL(request.url)));
  });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const slug = requirePublicSlug(params.slug);
  const result = await submitArrivalReport(await request.formData(), slug, language);
  if (result.kind === "no-facility") throw new Response("Not Found", { status: 404 });
  if (result.kind === "invalid") return json(result, { status: 400 });
  const sent = result.kind === "counted" ? "counted" : "again";
  return redirect(`/${language}/prisoners/${slug}/arrival?sent=${sent}#${RESULT_ID}`, 303);
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

export default function ArrivalReportPage() {
  const { language, prisoner, box, sent } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const again = answer?.kind === "invalid" ? answer : null;
  return (
    <article className="pledge-page" aria-labelledby="arrival-title">
      <p className="breadcrumb">
        <Link to={`/${language}/prisoners/${prisoner}`}>{t("arrivals:page.back")}</Link>
      </p>
      <h1 id="arrival-title">{t("arrivals:page.title")}</h1>
      {sent ? (
        <div className="notice notice--success" role="status" id={RESULT_ID} tabIndex={-1}>
          <p>{sent === "counted" ? t("arrivals:page.thanks") : t("arrivals:page.already-counted")}</p>
        </div>
      ) : null}
      <ArrivalRateNote rate={box.rate} />
      {sent ? null : (
        <div id={again ? RESULT_ID : undefined}>
          <ArrivalReportForm
            language={language}
            prisoner={prisoner}
            months={again?.months ?? box.months}
            ticket={again?.ticket ?? box.ticket}
            values={again?.values}
            errors={again?.errors}
            staleTicket={again?.staleTicket}
            titleId="arrival-title"
          />
        </div>
      )}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
