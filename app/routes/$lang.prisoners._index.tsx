import type { PrisonerStatus } from "@prisma/client";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TranslatedText } from "~/components/translated-text";
import type { Language } from "~/i18n";
import { loadDirectoryPage } from "~/prisoners/directory-page.server";
import type { DirectorySort } from "~/prisoners/directory.server";
import { StatusWithReport, useStatusLabel } from "~/prisoners/prisoner-status";
import { HELD_STATUSES } from "~/prisoners/status-report";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/directory.css";
import { formatPersonName } from "~/utils/format";
import { atomFeedLink, errorPageMeta, originFrom, pageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";

export const handle = { i18n: ["directory", "prisoners", "reach"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ params, request }: LoaderFunctionArgs) {
  return loadDirectoryPage(requireLanguage(params), new URL(request.url));
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, location, error }) => {
  if (!data) return errorPageMeta(matches, error);
  // location.pathname only: the search and filters stay out of canonical and hreflang links.
  return [...pageMeta({ ...data.meta, origin: originFrom(matches), pathname: location.pathname }), atomFeedLink(data.newsFeed.href, data.newsFeed.title)];
};

type LoaderData = SerializeFrom<typeof loader>;
type Item = LoaderData["items"][number];

/** The address of this page with the same search and filters, on another page. */
function pageHref(language: Language, query: LoaderData["query"], page: number) {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.status) params.set("status", query.status);
  if (query.facility) params.set("facility", query.facility);
  if (query.month) params.set("month", String(query.month));
  if (query.canReceiveLetters) params.set("letters", "1");
  if (query.sort) params.set("sort", query.sort);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return `/${language}/prisoners${search ? `?${search}` : ""}`;
}

export default function DirectoryPage() {
  const data = useLoaderData<typeof loader>();
  const { language, query, items, total, page, pageCount } = data;
  const { t } = useTranslation();
  const filtered = Boolean(query.q || query.status || query.facility || query.month || query.canReceiveLetters);

  return (
    <div className="directory">
      <h1>{t("directory:title")}</h1>
      <p className="directory__lead">{t("directory:lead")}</p>

      <SearchForm data={data} />

      <section aria-labelledby="directory-results" className="directory__results">
        <h2 id="directory-results">{t("directory:results.heading")}</h2>
        <p role="status" className={total === 0 ? "directory__count directory__count--empty" : "directory__count"}>
          {total === 0
            ? query.q
              ? t("directory:results.empty-query", { query: query.q })
              : t("directory:results.empty-filters")
            : query.q
              ? t("directory:results.count-query", { count: total, number: data.totalDisplay, query: query.q })
              : t("directory:results.count", { count: total, number: data.totalDisplay })}
        </p>
        {total === 0 && filtered ? (
          <p>
            <Link to={`/${language}/prisoners`}>{t("directory:results.show-everyone")}</Link>
          </p>
        ) : null}
        {items.length > 0 ? (
          <ul className="prisoner-list directory__list">
            {items.map((item) => (
              <li key={item.slug}>
                <DirectoryCard item={item} language={language} />
              </li>
            ))}
          </ul>
        ) : null}
        {pageCount > 1 ? (
          <nav aria-label={t("directory:pagination.label")} className="pagination">
            {page > 1 ? (
              <Link to={pageHref(language, query, page - 1)} rel="prev" className="pagination__previous">
                {t("directory:pagination.previous")}
              </Link>
            ) : null}
            <span className="pagination__status">
              {t("directory:pagination.status", { page: data.pageDisplay, pages: data.pageCountDisplay })}
            </span>
            {page < pageCount ? (
              <Link to={pageHref(language, query, page + 1)} rel="next" className="pagination__next">
                {t("directory:pagination.next")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
      <p className="directory__feed">
        <a href={data.newsFeed.href} type="application/atom+xml">{t("reach:news.follow")}</a>
      </p>
    </div>
  );
}

function SearchForm({ data }: { data: LoaderData }) {
  const { language, query, sort, facilities, months, statuses, queryMaxLength } = data;
  const { t } = useTranslation();
  const statusLabel = useStatusLabel();
  const sortLabels: Record<DirectorySort, string> = {
    "needs-letters": t("directory:sort.needs-letters"),
    name: t("directory:sort.name"),
    verified: t("directory:sort.verified"),
    relevance: t("directory:sort.relevance"),
  };
  // The first option is "the default order" (value ""): best match for a search, otherwise
  // letters needed. A first search from the plain list then gets the best matches first.
  const sortOptions: { value: "" | DirectorySort; label: string }[] = query.q
    ? [
        { value: "", label: sortLabels.relevance },
        { value: "needs-letters", label: sortLabels["needs-letters"] },
        { value: "name", label: sortLabels.name },
        { value: "verified", label: sortLabels.verified },
      ]
    : [
        { value: "", label: sortLabels["needs-letters"] },
        { value: "name", label: sortLabels.name },
        { value: "verified", label: sortLabels.verified },
      ];
  const defaultSort = sort === "relevance" || (!query.q && sort === "needs-letters") ? "" : sort;
  // Remounted for each new address, so the fields always show what the page was asked for.
  const formKey = pageHref(language, query, 1);
  const applied = [query.status, query.facility, query.month, query.canReceiveLetters, defaultSort].filter(Boolean).length;

  return (
    <Form method="get" action={`/${language}/prisoners`} role="search" aria-label={t("directory:form.label")} className="directory-form" key={formKey}>
      <div className="directory-form__query">
        <label htmlFor="directory-q">{t("directory:form.query")}</label>
        {/* The button beside the field: the first submit button, so Enter in the field searches. */}
        <div className="directory-form__search-row">
          <input
            id="directory-q"
            type="search"
            name="q"
            defaultValue={query.q}
            maxLength={queryMaxLength}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="directory-q-hint"
          />
          <button type="submit">{t("directory:form.submit")}</button>
        </div>
        <p id="directory-q-hint" className="directory-form__hint">
          {t("directory:form.query-hint")}
        </p>
      </div>
      {/* Folded on a phone so the first people found are on the first screen: a <details> opens
          without JavaScript, and is open whenever something in it is applied (directory.css
          shows it unfolded on wider screens). */}
      <details className="directory-form__filters-box" open={applied > 0 || undefined}>
        <summary>
          {t("directory:form.filters")}
          {applied > 0 ? <span className="directory-form__applied"> ({t("directory:form.filters-applied", { count: applied })})</span> : null}
        </summary>
        <div className="directory-form__filters">
          <div className="directory-form__field">
            <label htmlFor="directory-status">{t("directory:form.status")}</label>
            <select id="directory-status" name="status" defaultValue={query.status ?? ""}>
              <option value="">{t("directory:form.status-any")}</option>
              {statuses.map((status: PrisonerStatus) => (
                <option key={status} value={status}>
                  {statusLabel(status)}
                </option>
              ))}
            </select>
          </div>
          <div className="directory-form__field">
            <label htmlFor="directory-facility">{t("directory:form.facility")}</label>
            <select id="directory-facility" name="facility" defaultValue={query.facility ?? ""}>
              <option value="">{t("directory:form.facility-any")}</option>
              {facilities.map((facility) => (
                <option key={facility.slug} value={facility.slug}>
                  {facility.name}
                </option>
              ))}
            </select>
          </div>
          <div className="directory-form__field">
            <label htmlFor="directory-month">{t("directory:form.month")}</label>
            <select id="directory-month" name="month" defaultValue={query.month ? String(query.month) : ""}>
              <option value="">{t("directory:form.month-any")}</option>
              {months.map((month) => (
                <option key={month.value} value={String(month.value)}>
                  {month.label}
                </option>
              ))}
            </select>
          </div>
          <div className="directory-form__field">
            <label htmlFor="directory-sort">{t("directory:form.sort")}</label>
            <select id="directory-sort" name="sort" defaultValue={defaultSort}>
              {sortOptions.map((option) => (
                <option key={option.value || "default"} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <div className="directory-form__check">
            <input id="directory-letters" type="checkbox" name="letters" value="1" defaultChecked={query.canReceiveLetters} />
            <label htmlFor="directory-letters">{t("directory:form.letters")}</label>
          </div>
          <div className="directory-form__actions">
            <button type="submit">{t("directory:form.apply")}</button>
          </div>
        </div>
      </details>
      {/* Only when there is something to clear. */}
      {applied > 0 || query.q ? (
        <p className="directory-form__reset">
          <Link to={`/${language}/prisoners`}>{t("directory:form.reset")}</Link>
        </p>
      ) : null}
    </Form>
  );
}

function DirectoryCard({ item, language }: { item: Item; language: Language }) {
  const { t } = useTranslation();
  return (
    <article className="prisoner-card directory-card">
      <h3 className="prisoner-card__name">
        <Link to={`/${language}/prisoners/${item.slug}`}>{formatPersonName(item.names.display)}</Link>
      </h3>
      <StatusWithReport status={item.status} report={item.statusReport} />
      {item.summary ? (
        <p className="prisoner-card__summary">
          <TranslatedText value={item.summary} />
        </p>
      ) : null}
      <ul className="directory-card__facts">
        {/* Nobody released, in exile or dead is shown as waiting for letters. */}
        {HELD_STATUSES.has(item.status) ? (
          <li>
            {item.lettersLastDays === 0
              ? t("directory:card.letters-none")
              : t("directory:card.letters", { count: item.lettersLastDays, number: item.lettersDisplay })}
          </li>
        ) : null}
        {item.facility?.name ? (
          <li>{t("directory:card.facility", { facility: item.facility.name.text })}</li>
        ) : null}
        {item.birthdayDisplay ? <li>{t("directory:card.birthday", { date: item.birthdayDisplay })}</li> : null}
      </ul>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
