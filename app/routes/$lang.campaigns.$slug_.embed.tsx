// A campaign's embed for partner sites: /:lang/campaigns/:slug/embed, shown in their <iframe>.
// No site chrome and no application script (root.tsx, handle.embed); server/app.ts sends the
// campaign's frame-ancestors and no cookie. The pledge form posts here and the answer (a
// 303 back here with the result) stays inside the frame. The one script, served with the
// page's nonce, only tells the partner's page how tall the embed is.
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { EMBED_PARTNER_FIELD, embedPath, embedResultOf, loadEmbedPage, submitEmbedPledge } from "~/campaigns/embed.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CampaignProgress } from "~/components/progress-bar";
import { TranslatedText } from "~/components/translated-text";
import { PLEDGE_PROBLEM_KEYS, PledgeForm } from "~/pledges/pledge-form-view";
import styles from "~/styles/campaigns.css";
import embedStyles from "~/styles/embed.css";
import pledgeStyles from "~/styles/pledges.css";
import { noindexPageMeta } from "~/utils/meta";
import { useNonce } from "~/utils/nonce";
import { publicOrigin, requireLanguage, requirePublicSlug } from "~/utils/route.server";
import { requireSameOrigin } from "~/utils/security.server";

export const handle = { i18n: ["campaigns", "pledges"], embed: true };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: pledgeStyles },
  { rel: "stylesheet", href: embedStyles },
];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const slug = requirePublicSlug(params.slug);
  const search = new URL(request.url).searchParams;
  return loadEmbedPage(slug, language, { result: embedResultOf(search.get("result")), partner: search.get(EMBED_PARTNER_FIELD) });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  requireSameOrigin(request, context.publicUrl);
  const language = requireLanguage(params);
  const slug = requirePublicSlug(params.slug);
  const submission = await submitEmbedPledge(slug, language, await request.formData(), publicOrigin(request, context));
  if (submission.kind === "result") return redirect(submission.location, 303);
  return json(await loadEmbedPage(slug, language, { form: submission.page, partner: submission.partner }), { status: 400, headers: { "Cache-Control": "no-store" } });
}

// A page that answers a form holds what was typed: the action's no-store must reach the browser.
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => (actionHeaders.has("Cache-Control") ? actionHeaders : loaderHeaders);

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

const RESULT_KEYS = {
  active: { title: "pledges:thanks.active-title", body: "pledges:thanks.active-body" },
  pending: { title: "pledges:thanks.pending-title", body: "pledges:thanks.pending-body" },
  posted: { title: "pledges:thanks.posted-title", body: "pledges:thanks.posted-body" },
} as const;
// Tells the framing page the embed's height (nothing else), whenever it changes. The partner's
// snippet accepts it only from Listy's origin; "*" here because the embed cannot know which of
// the allowed partners frames it, and a height is no secret.
const RESIZE_SCRIPT = `(function(){var last=0;function send(){var h=document.documentElement.scrollHeight;if(h!==last&&window.parent!==window){last=h;window.parent.postMessage({type:"listy-embed-height",height:h},"*");}}addEventListener("load",send);addEventListener("resize",send);if(window.ResizeObserver)new ResizeObserver(send).observe(document.body);send();})();`;

export default function CampaignEmbed() {
  const data = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const { language, campaign, pledges, result, form, partner } = posted ?? data;
  const { t } = useTranslation();
  const nonce = useNonce();
  const campaignUrl = `/${language}/campaigns/${campaign.slug}`;
  const fieldErrors = form ? Object.keys(form.errors).length : 0;
  return (
    <main className="embed__main" aria-labelledby="embed-title">
      <h1 id="embed-title" className="embed__title">
        {campaign.title ? <TranslatedText value={campaign.title} /> : t("campaigns:untitled")}
      </h1>
      <CampaignProgress id="embed-progress" campaign={campaign} />
      <p className="pledge-count" data-testid="embed-pledge-count">
        {t("pledges:counts.campaign", { count: pledges.campaign, number: pledges.campaignText })}
      </p>

      {result ? (
        <section className="embed__result" role="status" aria-labelledby="embed-result-title" id="result">
          <h2 id="embed-result-title">{t(RESULT_KEYS[result].title)}</h2>
          <p>{t(RESULT_KEYS[result].body)}</p>
          <p>
            <a href={embedPath(language, campaign.slug)}>{t("campaigns:embed.back")}</a>
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
            scope={{ campaign: campaign.slug }}
            options={pledges.options}
            countries={pledges.countries}
            ticket={pledges.ticket}
            values={form?.values}
            errors={form?.errors}
            level={2}
            id="embed-pledge"
            action={`${embedPath(language, campaign.slug)}#result`}
            hidden={partner ? { [EMBED_PARTNER_FIELD]: partner } : undefined}
          />
        </>
      ) : (
        <p>{t("pledges:campaign.closed")}</p>
      )}

      <nav className="embed__links" aria-label={t("campaigns:embed.links-label")}>
        <p className="pledge-hint">{t("campaigns:embed.new-tab")}</p>
        <ul>
          <li>
            <a href={campaignUrl} target="_blank" rel="noopener">
              {t("campaigns:embed.open-campaign")}
            </a>
          </li>
          {campaign.appeal ? (
            <li>
              <a href={`${campaignUrl}/appeal`} target="_blank" rel="noopener">
                {t("campaigns:embed.open-appeal")}
              </a>
            </li>
          ) : null}
          {campaign.prisoners.map((prisoner) => (
            <li key={prisoner.slug}>
              <a href={`/${language}/prisoners/${prisoner.slug}/write`} target="_blank" rel="noopener">
                {t("campaigns:embed.write-to", { name: prisoner.displayName })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: RESIZE_SCRIPT }} />
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
