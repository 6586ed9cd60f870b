// A prisoner's write / pledge box for partner sites: /:lang/prisoners/:slug/embed, shown in
// their <iframe>. No site chrome and no application script (handle.embed); server/app.ts sends
// frame-ancestors from PRISONER_EMBED_ORIGINS and no cookie. The pledge form posts here and the
// answer stays inside the frame; the one script, with the page's nonce, only reports the height.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PLEDGE_PROBLEM_KEYS, PledgeForm } from "~/pledges/pledge-form-view";
import { loadPrisonerEmbed, prisonerEmbedPath, prisonerEmbedResultOf, submitPrisonerEmbedPledge } from "~/pledges/prisoner-embed.server";
import { LetterStatusLine, StatusWithReport } from "~/prisoners/prisoner-status";
import styles from "~/styles/campaigns.css";
import embedStyles from "~/styles/embed.css";
import pledgeStyles from "~/styles/pledges.css";
import { noindexPageMeta } from "~/utils/meta";
import { useNonce } from "~/utils/nonce";
import { publicOrigin, requireLanguage, requirePublicSlug } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["prisoners", "pledges", "campaigns"], embed: true };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: pledgeStyles },
  { rel: "stylesheet", href: embedStyles },
];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const slug = requirePublicSlug(params.slug);
  return loadPrisonerEmbed(slug, language, { result: prisonerEmbedResultOf(new URL(request.url).searchParams.get("result")) });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const slug = requirePublicSlug(params.slug);
  const submission = await submitPrisonerEmbedPledge(slug, language, await request.formData(), publicOrigin(request, context));
  if (submission.kind === "result") return redirect(submission.location, 303);
  return json(await loadPrisonerEmbed(slug, language, { form: submission.page }), { status: 400, headers: { "Cache-Control": "no-store" } });
}

// A page that answers a form holds what was typed: the action's no-store must reach the browser.
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => (actionHeaders.has("Cache-Control") ? actionHeaders : loaderHeaders);

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

const RESULT_KEYS = {
  active: { title: "pledges:thanks.active-title", body: "pledges:thanks.active-body" },
  pending: { title: "pledges:thanks.pending-title", body: "pledges:thanks.pending-body" },
} as const;
// As the campaign embed's: tells the framing page the height, nothing else.
const RESIZE_SCRIPT = `(function(){var last=0;function send(){var h=document.documentElement.scrollHeight;if(h!==last&&window.parent!==window){last=h;window.parent.postMessage({type:"listy-embed-height",height:h},"*");}}addEventListener("load",send);addEventListener("resize",send);if(window.ResizeObserver)new ResizeObserver(send).observe(document.body);send();})();`;

export default function PrisonerEmbed() {
  const data = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const { language, prisoner, statusSince, pledges, result, form } = posted ?? data;
  const { t } = useTranslation();
  const nonce = useNonce();
  const profileUrl = `/${language}/prisoners/${prisoner.slug}`;
  const fieldErrors = form ? Object.keys(form.errors).length : 0;
  return (
    <main className="embed__main" aria-labelledby="embed-title">
      <h1 id="embed-title" className="embed__title">
        {prisoner.name}
      </h1>
      <p className="profile__status" data-testid="embed-status">
        <StatusWithReport status={prisoner.status} report={prisoner.statusReport}>
          {statusSince ? <span> {t("prisoners:profile.status-date", { date: statusSince })}</span> : null}
        </StatusWithReport>
      </p>
      <LetterStatusLine letterStatus={prisoner.letterStatus} />
      <p className="pledge-count" data-testid="embed-pledge-count">
        {t("pledges:counts.write-monthly", { count: pledges.monthly, number: pledges.monthlyText })}
      </p>

      {result ? (
        <section className="embed__result" role="status" aria-labelledby="embed-result-title" id="result">
          <h2 id="embed-result-title">{t(RESULT_KEYS[result].title)}</h2>
          <p>{t(RESULT_KEYS[result].body)}</p>
          <p>
            <a href={prisonerEmbedPath(language, prisoner.slug)}>{t("prisoners:embed.back")}</a>
          </p>
        </section>
      ) : pledges.open ? (
        <>
          {form ? (
            <div role="alert" className="embed__problem" id="result">
              <p>{t("pledges:problem.title")}</p>
              {form.problem ? <p>{t(PLEDGE_PROBLEM_KEYS[form.problem])}</p> : null}
              {fieldErrors > 0 ? <p>{t("pledges:problem.fields", { count: fieldErrors })}</p> : null}
            </div>
          ) : null}
          <PledgeForm
            language={language}
            scope={{ prisoner: prisoner.slug }}
            options={pledges.options}
            countries={pledges.countries}
            ticket={pledges.ticket}
            values={form?.values}
            errors={form?.errors}
            level={2}
            id="embed-pledge"
            action={`${prisonerEmbedPath(language, prisoner.slug)}#result`}
          />
        </>
      ) : null}

      <nav className="embed__links" aria-label={t("campaigns:embed.links-label")}>
        <p className="pledge-hint">{t("campaigns:embed.new-tab")}</p>
        <ul>
          {prisoner.letterStatus !== "NOT_APPLICABLE" ? (
            <li>
              <a href={`${profileUrl}/write`} target="_blank" rel="noopener">
                {t("campaigns:embed.write-to", { name: prisoner.name })}
              </a>
            </li>
          ) : null}
          <li>
            <a href={profileUrl} target="_blank" rel="noopener">
              {t("prisoners:embed.open-profile")}
            </a>
          </li>
        </ul>
      </nav>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: RESIZE_SCRIPT }} />
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
