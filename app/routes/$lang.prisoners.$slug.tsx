import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { loadArrivalBox } from "~/arrivals/arrival-box.server";
import { ArrivalFormLink, ArrivalRateNote, ArrivalReportForm } from "~/arrivals/arrival-form-view";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLanguageNames } from "~/components/language-name";
import { ProgressBar } from "~/components/progress-bar";
import { ShareLinks } from "~/components/share-links";
import { TranslatedText } from "~/components/translated-text";
import { prisonerPledgeBox } from "~/pledges/pledge-box.server";
import { PledgeForm, PostedItForm } from "~/pledges/pledge-form-view";
import { loadPrisonerPage } from "~/prisoners/prisoner-page.server";
import { LetterStatusPanel, StatusWithReport } from "~/prisoners/prisoner-status";
import type { PersonName } from "~/prisoners/prisoner.server";
import { SourceCitation } from "~/prisoners/source-citation";
import type { loader as rootLoader } from "~/root";
import pledgeStyles from "~/styles/pledges.css";
import reachStyles from "~/styles/reach.css";
import { formatPersonName } from "~/utils/format";
import type { LocalizedText } from "~/utils/localized";
import { errorPageMeta, originFrom, pageMeta, shareMeta } from "~/utils/meta";
import { publicOrigin, requireLanguage, requirePublicSlug } from "~/utils/route.server";
import { followFormerSlug } from "~/prisoners/former-slugs.server";

export const handle = { i18n: ["prisoners", "pledges", "reach", "arrivals"] };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: pledgeStyles },
  { rel: "stylesheet", href: reachStyles },
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  // A slug corrected before publication still works: 301 to the current one.
  return followFormerSlug(request, async () => {
    const language = requireLanguage(params);
    const slug = requirePublicSlug(params.slug);
    const [page, pledges, arrivals] = await Promise.all([loadPrisonerPage(slug, language), prisonerPledgeBox(slug, language), loadArrivalBox(slug, language)]);
    return { ...page, pledges, arrivals, pageUrl: `${publicOrigin(request, context)}/${language}/prisoners/${slug}` };
  });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, location, error }) => {
  if (!data) return errorPageMeta(matches, error);
  const origin = originFrom(matches);
  return [
    ...pageMeta({ ...data.meta, origin, pathname: location.pathname }),
    ...shareMeta({ ...data.share, language: data.language, origin, pathname: location.pathname, type: "profile", imagePath: `${location.pathname}/share.png` }),
  ];
};

export default function PrisonerProfilePage() {
  const { language, prisoner, dates, age, pledges, arrivals, pageUrl } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const unknown = t("prisoners:profile.unknown");
  const languageNames = useLanguageNames();
  const fallbackLanguages = new Set(
    [
      prisoner.summary,
      prisoner.biography,
      prisoner.facility?.name,
      ...prisoner.facts.map((fact) => fact.text),
      ...prisoner.charges.flatMap((charge) => [charge.name, charge.explanation]),
    ]
      .filter((text): text is LocalizedText => Boolean(text?.isFallback))
      .map((text) => text.locale),
  );
  const sentence = prisoner.sentenceMonths
    ? prisoner.sentenceMonths % 12 === 0
      ? t("prisoners:profile.sentence-years", { count: prisoner.sentenceMonths / 12 })
      : t("prisoners:profile.sentence-months", { count: prisoner.sentenceMonths })
    : null;

  return (
    <article className="profile" aria-labelledby="profile-name">
      <p className="breadcrumb">
        <Link to={`/${language}/prisoners`}>{t("prisoners:profile.back")}</Link>
      </p>
      <header className="profile__header">
        <h1 id="profile-name">{formatPersonName(prisoner.names.display)}</h1>
        {/* Status and "can a letter arrive" come first: on a phone they are what a reader came for. */}
        <p className="profile__status">
          <StatusWithReport status={prisoner.status} report={prisoner.statusReport}>
            {dates.statusSince ? <span> {t("prisoners:profile.status-date", { date: dates.statusSince })}</span> : null}
          </StatusWithReport>
        </p>
      </header>

      {/* The first screen on a phone: what can be done, right under the name and status, then the
          answer to "can a letter arrive?". The longer reading (facts, sources) follows. */}
      <section aria-labelledby="actions-title" className="actions profile__actions">
        <h2 id="actions-title">{t("prisoners:actions.heading")}</h2>
        <ul className="profile__action-list">
          {prisoner.letterStatusToActOn !== "NOT_APPLICABLE" ? (
            <li className="actions__primary">
              <Link to={`/${language}/prisoners/${prisoner.slug}/write`} className="action-button">
                {prisoner.letterStatusToActOn === "INCOMMUNICADO" || prisoner.letterStatusToActOn === "RELATIVES_ONLY"
                  ? t("prisoners:actions.write-letter-bank")
                  : t("prisoners:actions.write-letter", { name: formatPersonName(prisoner.names.display) })}
              </Link>
            </li>
          ) : null}
          {prisoner.campaigns.length > 0 ? (
            <li>
              {t("prisoners:actions.appeals-intro")}{" "}
              {prisoner.campaigns.map((campaign, index) => (
                <span key={campaign.slug}>
                  {index > 0 ? ", " : null}
                  <Link to={`/${language}/campaigns/${campaign.slug}`}>
                    {campaign.title ? <TranslatedText value={campaign.title} /> : campaign.slug}
                  </Link>
                </span>
              ))}
            </li>
          ) : null}
          {pledges.open ? (
            <li>
              <a href="#pledges-title">{t("prisoners:actions.pledge-link")}</a>
            </li>
          ) : null}
        </ul>
      </section>

      {/* The acted-on answer: a stale report says "not known", with what the last report said. */}
      <LetterStatusPanel
        letterStatus={prisoner.letterStatusToActOn}
        reported={{ letterStatus: prisoner.letterStatus, report: prisoner.letterStatusReport }}
      >
        <ArrivalRateNote rate={arrivals.rate} />
        {arrivals.open ? <ArrivalFormLink /> : null}
      </LetterStatusPanel>

      {prisoner.photo ? (
        <figure className="profile__photo">
          <img src={prisoner.photo.url} alt={prisoner.photo.alt} width={prisoner.photo.width} height={prisoner.photo.height} />
          {prisoner.photo.creditText ? <figcaption>{prisoner.photo.creditText}</figcaption> : null}
        </figure>
      ) : null}
      {prisoner.summary ? (
        <p className="profile__summary">
          <TranslatedText value={prisoner.summary} />
        </p>
      ) : null}

      {fallbackLanguages.size > 0 ? (
        <p className="notice" role="note">
          {t("prisoners:profile.not-translated", {
            languages: languageNames(fallbackLanguages),
          })}{" "}
          <Link to={`/${language}/about/translate`}>{t("prisoners:profile.help-translate")}</Link>
        </p>
      ) : null}

      <section aria-labelledby="pledges-title" className="pledges">
        <h2 id="pledges-title">{t("pledges:prisoner.heading")}</h2>
        <p>{t("prisoners:actions.letters-last-30-days", { count: prisoner.lettersLast30Days })}</p>
        {/* "I posted it" only where a posted letter can go (not to the letter bank, not to nobody). */}
        {pledges.open && (prisoner.letterStatusToActOn === "CAN_RECEIVE" || prisoner.letterStatusToActOn === "UNKNOWN") ? (
          <PostedItForm language={language} prisoner={prisoner.slug} />
        ) : null}
        <ProgressBar
          id="pledge-progress"
          value={pledges.total}
          max={pledges.goal}
          label={t("pledges:counts.progress-label")}
          valueText={t("pledges:counts.of-goal", { count: pledges.total, number: pledges.totalText, goal: pledges.goalText })}
        />
        {pledges.reachedText.length > 0 ? <p className="goal-steps">{t("pledges:counts.reached", { goals: pledges.reachedText.join(" → ") })}</p> : null}
        <ul className="pledge-counts">
          <li>{t("pledges:counts.write-monthly", { count: pledges.monthly, number: pledges.monthlyText })}</li>
          {pledges.options.some((option) => option.value === "BIRTHDAY_CARD") ? (
            <li>{t("pledges:counts.birthday-card", { count: pledges.birthday, number: pledges.birthdayText })}</li>
          ) : null}
        </ul>
        {pledges.open ? (
          <>
            <p>{t("pledges:prisoner.lead")}</p>
            <PledgeForm language={language} scope={{ prisoner: prisoner.slug }} options={pledges.options} countries={pledges.countries} ticket={pledges.ticket} />
          </>
        ) : (
          <p>{t("pledges:prisoner.closed")}</p>
        )}
      </section>

      {prisoner.biography ? (
        <section aria-labelledby="biography-title">
          <h2 id="biography-title">{t("prisoners:profile.biography-heading")}</h2>
          {prisoner.biography.text.split(/\n{2,}/).map((paragraph, index) => (
            <p key={index} lang={prisoner.biography!.isFallback ? prisoner.biography!.locale : undefined}>
              {paragraph}
            </p>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="names-title">
        <h2 id="names-title">{t("prisoners:profile.names-heading")}</h2>
        <dl className="facts-table">
          <NameRow label={t("prisoners:profile.name-belarusian")} name={prisoner.names.belarusian} lang="be" unknown={unknown} />
          <NameRow label={t("prisoners:profile.name-russian")} name={prisoner.names.russian} lang="ru" unknown={unknown} />
          <NameRow label={t("prisoners:profile.name-latin")} name={prisoner.names.latin} lang="be-Latn" unknown={unknown} />
        </dl>
      </section>

      <section aria-labelledby="details-title">
        <h2 id="details-title">{t("prisoners:profile.details-heading")}</h2>
        <dl className="facts-table">
          <div>
            <dt>{t("prisoners:profile.arrested")}</dt>
            <dd>{dates.arrestedOn ?? unknown}</dd>
          </div>
          <div>
            <dt>{t("prisoners:profile.sentence")}</dt>
            <dd>{sentence ?? unknown}</dd>
          </div>
          <div>
            <dt>{t("prisoners:profile.birthday")}</dt>
            <dd>
              {dates.birthDate
                ? age !== null
                  ? t("prisoners:profile.birthday-with-age", { date: dates.birthDate, age: t("prisoners:profile.age", { count: age }) })
                  : dates.birthDate
                : unknown}
            </dd>
          </div>
          <div>
            <dt>{t("prisoners:profile.facility")}</dt>
            <dd>{prisoner.facility?.name ? <TranslatedText value={prisoner.facility.name} /> : unknown}</dd>
          </div>
          <div>
            <dt>{t("prisoners:profile.address")}</dt>
            <dd>
              {prisoner.facility?.postalAddressCyrillic ? (
                <address lang="ru" className="postal-address">
                  {prisoner.facility.postalAddressCyrillic}
                </address>
              ) : (
                unknown
              )}
            </dd>
          </div>
        </dl>
      </section>

      {prisoner.charges.length > 0 ? (
        <section aria-labelledby="charges-title">
          <h2 id="charges-title">{t("prisoners:profile.charges-heading")}</h2>
          <ul className="charges">
            {prisoner.charges.map((charge) => (
              <li key={charge.slug}>
                <p className="charges__name">
                  {charge.name ? <TranslatedText value={charge.name} /> : charge.slug}
                  {charge.article ? <span> · {t("prisoners:profile.article", { article: charge.article })}</span> : null}
                </p>
                {charge.explanation ? (
                  <p>
                    <TranslatedText value={charge.explanation} />
                  </p>
                ) : null}
                <p className="timeline__source">
                  <SourceCitation source={charge.source} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}



      {arrivals.open ? (
        <section className="arrivals">
          <ArrivalReportForm language={language} prisoner={prisoner.slug} months={arrivals.months} ticket={arrivals.ticket} />
        </section>
      ) : null}

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("prisoners:profile.facts-heading")}</h2>
        <ol className="timeline">
          {prisoner.facts.map((fact) => (
            <li key={fact.id}>
              {fact.displayDate ? <p className="timeline__date">{fact.displayDate}</p> : null}
              <p>{fact.text ? <TranslatedText value={fact.text} /> : t("prisoners:profile.fact-missing")}</p>
              <p className="timeline__source">
                <SourceCitation source={fact.source} />
              </p>
            </li>
          ))}
        </ol>
        <p className="last-verified">
          {t("prisoners:profile.last-verified", { date: dates.lastVerified })}
        </p>
      </section>
      <ShareLinks url={pageUrl} title={t("prisoners:profile.meta-title", { name: formatPersonName(prisoner.names.display) })} />
    </article>
  );
}

function NameRow({ label, name, lang, unknown }: { label: string; name: PersonName | null; lang: string; unknown: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd lang={name ? lang : undefined}>{name ? formatPersonName(name) : unknown}</dd>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
