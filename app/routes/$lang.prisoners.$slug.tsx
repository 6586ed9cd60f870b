import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PledgeForm, PostedItForm } from "~/pledges/pledge-form-view";
import { LetterStatusPanel, StatusBadge } from "~/prisoners/prisoner-status";
import { ProgressBar } from "~/components/progress-bar";
import { SourceCitation } from "~/prisoners/source-citation";
import { TranslatedText } from "~/components/translated-text";
import { languageAutonyms, type Language } from "~/i18n";
import type { LocalizedText } from "~/utils/localized";
import { todayInMinsk } from "~/prisoners/birthdays.server";
import { pledgeCounts } from "~/pledges/pledge.server";
import { findPrisonerProfile, type PersonName } from "~/prisoners/prisoner.server";
import { countryOptions } from "~/pledges/countries";
import { goalProgress } from "~/pledges/goal-steps";
import { findPrisonerPledgeScope } from "~/pledges/pledge-targets.server";
import type { loader as rootLoader } from "~/root";
import pledgeStyles from "~/styles/pledges.css";
import { ageOn, formatDate, formatNumber, formatPersonName, withDisplayDate, type Precision } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";
import { errorPageMeta, originFrom, pageMeta } from "~/utils/meta";
import { requireFound, requireLanguage } from "~/utils/route.server";

export const handle = { i18n: ["prisoners", "pledges"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: pledgeStyles }];

/** The first goal for pledges to one person; it steps up when reached (goal-steps.ts). */
const PRISONER_FIRST_GOAL = 100;

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+){0,7}$/;

export async function loader({ params }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  // A malformed slug cannot name anyone: answer 404 without asking the database.
  const slug = params.slug ?? "";
  if (slug.length > 120 || !SLUG_PATTERN.test(slug)) throw new Response("Not Found", { status: 404 });
  const [t, tPhoto, prisoner, pledgeScope] = await Promise.all([
    getFixedT(language, "prisoners"),
    getFixedT(language, "profile-editor"),
    findPrisonerProfile(slug, language).then(requireFound),
    findPrisonerPledgeScope(slug),
  ]);
  // Read afresh on every request (a counter row per kind): a pledge shows at once.
  const counts = pledgeScope ? await pledgeCounts({ prisonerId: pledgeScope.id }) : null;
  const total = counts?.total ?? 0;
  const progress = goalProgress(total, PRISONER_FIRST_GOAL);
  const name = formatPersonName(prisoner.names.display);
  const date = (iso: string | null, precision: Precision | null) => (iso ? formatDate(iso, precision, language) : null);
  return {
    language,
    prisoner: {
      ...prisoner,
      charges: prisoner.charges.map((charge) => ({ ...charge, source: withDisplayDate(charge.source, language) })),
      facts: prisoner.facts.map((fact) => ({
        ...fact,
        displayDate: date(fact.occurredOn, fact.datePrecision),
        source: withDisplayDate(fact.source, language),
      })),
      photo: prisoner.photo
        ? {
            ...prisoner.photo,
            alt: tPhoto("profile-editor:public.photo-alt", { name }),
            creditText: prisoner.photo.credit ? tPhoto("profile-editor:public.photo-credit", { credit: prisoner.photo.credit }) : null,
          }
        : null,
    },
    pledges: {
      open: Boolean(pledgeScope?.open),
      options: pledgeScope?.options ?? [],
      countries: pledgeScope?.open ? countryOptions(language) : [],
      total,
      totalText: formatNumber(total, language),
      goal: progress.goal,
      goalText: formatNumber(progress.goal, language),
      reachedText: progress.reached.map((goal) => formatNumber(goal, language)),
      monthly: counts?.byKind.WRITE_MONTHLY ?? 0,
      monthlyText: formatNumber(counts?.byKind.WRITE_MONTHLY ?? 0, language),
      birthday: counts?.byKind.BIRTHDAY_CARD ?? 0,
      birthdayText: formatNumber(counts?.byKind.BIRTHDAY_CARD ?? 0, language),
    },
    // Age as people in Belarus count it today; none for someone who has died.
    age: prisoner.birthDate && prisoner.status !== "DIED_IN_CUSTODY" ? ageOn(prisoner.birthDate, todayInMinsk()) : null,
    dates: {
      statusSince: date(prisoner.statusSince, prisoner.statusSincePrecision),
      arrestedOn: date(prisoner.arrestedOn, prisoner.arrestedOnPrecision),
      birthDate: date(prisoner.birthDate, "DAY"),
      lastVerified: date(prisoner.lastVerified.date, prisoner.lastVerified.precision),
    },
    meta: {
      title: t("prisoners:profile.meta-title", { name }),
      description: prisoner.summary?.text ?? t("prisoners:profile.meta-description", { name }),
    },
  };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, location, error }) => {
  if (!data) return errorPageMeta(matches, error);
  return pageMeta({ ...data.meta, origin: originFrom(matches), pathname: location.pathname });
};

export default function PrisonerProfilePage() {
  const { language, prisoner, dates, age, pledges } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const unknown = t("prisoners:profile.unknown");
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
        {prisoner.photo ? (
          <figure className="profile__photo">
            <img src={prisoner.photo.url} alt={prisoner.photo.alt} width={prisoner.photo.width} height={prisoner.photo.height} />
            {prisoner.photo.creditText ? <figcaption>{prisoner.photo.creditText}</figcaption> : null}
          </figure>
        ) : null}
        <p className="profile__status">
          <StatusBadge status={prisoner.status} />
          {dates.statusSince ? <span> {t("prisoners:profile.status-date", { date: dates.statusSince })}</span> : null}
        </p>
        {prisoner.summary ? (
          <p className="profile__summary">
            <TranslatedText value={prisoner.summary} />
          </p>
        ) : null}
      </header>

      {fallbackLanguages.size > 0 ? (
        <p className="notice" role="note">
          {t("prisoners:profile.not-translated", {
            languages: [...fallbackLanguages].map((code) => languageAutonyms[code as Language] ?? code).join(", "),
          })}{" "}
          <Link to={`/${language}/about/translate`}>{t("prisoners:profile.help-translate")}</Link>
        </p>
      ) : null}

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

      <LetterStatusPanel letterStatus={prisoner.letterStatus} />

      <section aria-labelledby="actions-title" className="actions">
        <h2 id="actions-title">{t("prisoners:actions.heading")}</h2>
        <p>{t("prisoners:actions.letters-last-30-days", { count: prisoner.lettersLast30Days })}</p>
        {prisoner.letterStatus !== "NOT_APPLICABLE" ? (
          <p className="actions__primary">
            <Link to={`/${language}/prisoners/${prisoner.slug}/write`}>
              {prisoner.letterStatus === "INCOMMUNICADO" || prisoner.letterStatus === "RELATIVES_ONLY"
                ? t("prisoners:actions.write-letter-bank")
                : t("prisoners:actions.write-letter", { name: formatPersonName(prisoner.names.display) })}
            </Link>
          </p>
        ) : null}
        {prisoner.campaigns.length > 0 ? (
          <>
            <p>{t("prisoners:actions.appeals-intro")}</p>
            <ul>
              {prisoner.campaigns.map((campaign) => (
                <li key={campaign.slug}>
                  <Link to={`/${language}/campaigns/${campaign.slug}`}>
                    {campaign.title ? <TranslatedText value={campaign.title} /> : campaign.slug}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {pledges.open ? <PostedItForm language={language} prisoner={prisoner.slug} /> : null}
      </section>

      <section aria-labelledby="pledges-title" className="pledges">
        <h2 id="pledges-title">{t("pledges:prisoner.heading")}</h2>
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
            <PledgeForm language={language} scope={{ prisoner: prisoner.slug }} options={pledges.options} countries={pledges.countries} />
          </>
        ) : (
          <p>{t("pledges:prisoner.closed")}</p>
        )}
      </section>

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
