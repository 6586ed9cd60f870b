// The staff dashboard: actions, pledges and appeals as server-drawn charts with tables beside
// them, filtered by a plain GET form (works without JavaScript). Counting happens in the
// database (app/staff/dashboard/dashboard.server.ts); this route only formats.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ScrollTable } from "~/components/scroll-table";
import { noStore, requireStaff, staffNavFor } from "~/staff/accounts/session.server";
import { DashboardChart, type DashboardChartData } from "~/staff/dashboard/dashboard-chart";
import { loadDashboardPage } from "~/staff/dashboard/dashboard-page.server";
import type { FilterProblem } from "~/staff/dashboard/dashboard.server";
import { StaffNav } from "~/staff/staff-nav";
import dashboardStyles from "~/styles/dashboards.css";
import numbersStyles from "~/styles/numbers.css";
import staffStyles from "~/styles/staff.css";
import { noindexPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";

export const handle = { i18n: ["staff", "dashboards", "arrivals"] };
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: staffStyles },
  { rel: "stylesheet", href: numbersStyles },
  { rel: "stylesheet", href: dashboardStyles },
];
export const headers: HeadersFunction = () => noStore;

const STATUS_KEYS = {
  DRAFT: "dashboards:status.draft",
  IN_REVIEW: "dashboards:status.in-review",
  PUBLISHED: "dashboards:status.published",
  CLOSED: "dashboards:status.closed",
} as const;

const PROBLEM_KEYS = {
  campaign: "dashboards:filters.problem-campaign",
  from: "dashboards:filters.problem-from",
  to: "dashboards:filters.problem-to",
  range: "dashboards:filters.problem-range",
} as const satisfies Record<FilterProblem, string>;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const language = requireLanguage(params);
  const state = await requireStaff(request, "dashboard:view");
  const page = await loadDashboardPage(state.actor, language, new URL(request.url));
  return json({ nav: staffNavFor(state, language), ...page }, { headers: noStore });
}

export const meta: MetaFunction<typeof loader> = noindexPageMeta;

type Translate = TFunction;

function describe(t: Translate, total: string, range: { from: string; to: string }) {
  return t("dashboards:chart.description", { total, from: range.from, to: range.to });
}

export default function StaffFiguresPage() {
  const data = useLoaderData<typeof loader>();
  const { nav, language, filters, problems, campaigns, query, charts, totals, range } = data;
  const { t } = useTranslation();
  const empty = t("dashboards:chart.empty");
  const exportBase = `/${language}/staff/exports`;
  const actionsSeries = [{ key: "actions", label: t("dashboards:series.actions"), tone: 1 as const }];
  const section = (id: string, heading: string, rowHeader: string, chartData: DashboardChartData, total: string) => (
    <section aria-labelledby={`${id}-heading`} className="dashboard-section">
      <h2 id={`${id}-heading`}>{heading}</h2>
      <DashboardChart
        chart={chartData}
        title={heading}
        description={describe(t, total, range)}
        series={actionsSeries}
        caption={t("dashboards:table.caption", { title: heading, from: range.from, to: range.to })}
        rowHeader={rowHeader}
        emptyText={empty}
      />
    </section>
  );

  return (
    <article aria-labelledby="figures-title" className="dashboard">
      <StaffNav nav={nav} />
      <h1 id="figures-title">{t("dashboards:title")}</h1>
      <p>{t("dashboards:lead")}</p>
      <p className={data.purge.state === "ok" ? "staff-hint" : "dashboard-notice"} data-testid="purge-status">
        {data.purge.text}
      </p>

      {problems.length > 0 ? (
        <div className="dashboard-notice" role="status" data-testid="filter-problems">
          {problems.map((problem) => (
            <p key={problem}>{t(PROBLEM_KEYS[problem])}</p>
          ))}
        </div>
      ) : null}

      <Form method="get" className="dashboard-filters" aria-labelledby="filters-heading">
        <h2 id="filters-heading">{t("dashboards:filters.heading")}</h2>
        <div className="dashboard-filters__fields">
          <p>
            <label htmlFor="filter-campaign">{t("dashboards:filters.campaign")}</label>
            <select id="filter-campaign" name="campaign" defaultValue={filters.campaignId ?? ""}>
              <option value="">{t("dashboards:filters.all-campaigns")}</option>
              {campaigns.map((campaign) => (
                <option key={campaign.id} value={campaign.id}>
                  {campaign.title}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label htmlFor="filter-from">{t("dashboards:filters.from")}</label>
            <input id="filter-from" name="from" type="date" defaultValue={filters.from} aria-describedby="filter-from-hint" />
            <span id="filter-from-hint" className="staff-hint">
              {t("dashboards:filters.from-hint")}
            </span>
          </p>
          <p>
            <label htmlFor="filter-to">{t("dashboards:filters.to")}</label>
            <input id="filter-to" name="to" type="date" defaultValue={filters.to} />
          </p>
        </div>
        <button type="submit">{t("dashboards:filters.submit")}</button>
      </Form>

      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading">{t("dashboards:totals.heading", { from: range.from, to: range.to })}</h2>
        <dl className="dashboard-totals" data-testid="totals">
          <div>
            <dt>{t("dashboards:series.actions")}</dt>
            <dd data-total="actions">{totals.actions}</dd>
          </div>
          <div>
            <dt>{t("dashboards:series.pledges")}</dt>
            <dd data-total="pledges">{totals.pledges}</dd>
          </div>
          <div>
            <dt>{t("dashboards:series.appeals")}</dt>
            <dd data-total="appeals">{totals.appeals}</dd>
          </div>
        </dl>
      </section>

      {data.canExport ? (
        <section aria-labelledby="exports-heading">
          <h2 id="exports-heading">{t("dashboards:exports.heading")}</h2>
          <p>{t("dashboards:exports.lead")}</p>
          <ul>
            <li>
              <a href={`${exportBase}/actions.csv?${query}`} download>
                {t("dashboards:exports.actions")}
              </a>
            </li>
            <li>
              <a href={`${exportBase}/appeals.csv?${query}`} download>
                {t("dashboards:exports.appeals")}
              </a>
            </li>
            <li>
              <a href={`${exportBase}/pledges.csv?${query}`} download>
                {t("dashboards:exports.pledges")}
              </a>
            </li>
            {data.canExportContact ? (
              <li>
                <a href={`${exportBase}/pledges.csv?${query}&contact=yes`} download>
                  {t("dashboards:exports.pledges-with-contact")}
                </a>
                <span className="staff-hint"> {t("dashboards:exports.contact-hint")}</span>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}

      {section("actions-week", t("dashboards:charts.actions-per-week"), t("dashboards:table.week"), charts.actionsPerWeek, totals.actions)}

      <section aria-labelledby="pledges-week-heading" className="dashboard-section">
        <h2 id="pledges-week-heading">{t("dashboards:charts.pledges-per-week")}</h2>
        <DashboardChart
          chart={charts.pledgesPerWeek}
          title={t("dashboards:charts.pledges-per-week")}
          description={describe(t, totals.pledges, range)}
          series={[{ key: "pledges", label: t("dashboards:series.pledges"), tone: 2 }]}
          caption={t("dashboards:table.caption", { title: t("dashboards:charts.pledges-per-week"), from: range.from, to: range.to })}
          rowHeader={t("dashboards:table.week")}
          emptyText={empty}
        />
        <p className="staff-hint">{t("dashboards:charts.pledges-note")}</p>
      </section>

      {section("language", t("dashboards:charts.by-language"), t("dashboards:table.language"), charts.byLanguage, totals.actions)}
      {section("kind", t("dashboards:charts.by-kind"), t("dashboards:table.kind"), charts.byKind, totals.actions)}
      {section("country", t("dashboards:charts.by-country"), t("dashboards:table.country"), charts.byCountry, totals.actions)}
      {section("prisoner", t("dashboards:charts.by-prisoner"), t("dashboards:table.prisoner"), charts.byPrisoner, totals.actions)}
      {section("campaign", t("dashboards:charts.by-campaign"), t("dashboards:table.campaign"), charts.byCampaign, totals.actions)}

      <section aria-labelledby="delivery-heading" className="dashboard-section">
        <h2 id="delivery-heading">{t("dashboards:charts.delivery")}</h2>
        <DashboardChart
          chart={charts.delivery}
          title={t("dashboards:charts.delivery")}
          description={describe(t, totals.appeals, range)}
          series={[
            { key: "sent", label: t("dashboards:delivery.sent"), tone: 1 },
            { key: "failed", label: t("dashboards:delivery.failed"), tone: 2 },
          ]}
          caption=""
          rowHeader=""
          emptyText={empty}
          table={
            <ScrollTable className="dashboard-table" captionId="delivery-caption">
              <table data-testid="delivery-table">
                <caption id="delivery-caption">{t("dashboards:table.caption", { title: t("dashboards:charts.delivery"), from: range.from, to: range.to })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("dashboards:table.target")}</th>
                    <th scope="col">{t("dashboards:delivery.sent")}</th>
                    <th scope="col">{t("dashboards:delivery.failed")}</th>
                    <th scope="col">{t("dashboards:delivery.pending")}</th>
                    <th scope="col">{t("dashboards:delivery.other")}</th>
                    <th scope="col">{t("dashboards:delivery.replied")}</th>
                    <th scope="col">{t("dashboards:delivery.reply-rate")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.delivery.length === 0 ? (
                    <tr>
                      <td colSpan={7}>{empty}</td>
                    </tr>
                  ) : (
                    data.delivery.map((row) => (
                      <tr key={row.key} data-key={row.key}>
                        <th scope="row">{row.name}</th>
                        <td data-series="sent">{row.sent}</td>
                        <td data-series="failed">{row.failed}</td>
                        <td data-series="pending">{row.pending}</td>
                        <td data-series="other">{row.other}</td>
                        <td data-series="replied">{row.replied}</td>
                        <td data-series="reply-rate">{row.replyRate}</td>
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </ScrollTable>
          }
        />
        <p className="staff-hint">{t("dashboards:delivery.note")}</p>
      </section>

      <section aria-labelledby="arrivals-heading" className="dashboard-section">
        <h2 id="arrivals-heading">{t("arrivals:dashboard.heading")}</h2>
        <p className="staff-hint">{t("arrivals:dashboard.note", { since: data.arrivals.since, count: data.arrivals.minimum })}</p>
        <ScrollTable className="dashboard-table" captionId="arrivals-caption">
          <table data-testid="arrivals-table">
            <caption id="arrivals-caption">{t("arrivals:dashboard.facilities-caption", { since: data.arrivals.since })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("arrivals:dashboard.facility")}</th>
                <th scope="col">{t("arrivals:dashboard.reports")}</th>
                <th scope="col">{t("arrivals:dashboard.replied")}</th>
                <th scope="col">{t("arrivals:dashboard.returned")}</th>
                <th scope="col">{t("arrivals:dashboard.no-answer")}</th>
                <th scope="col">{t("arrivals:dashboard.reply-rate")}</th>
              </tr>
            </thead>
            <tbody>
              {data.arrivals.facilities.length === 0 ? (
                <tr>
                  <td colSpan={6}>{t("arrivals:dashboard.empty", { count: data.arrivals.minimum })}</td>
                </tr>
              ) : (
                data.arrivals.facilities.map((row) => (
                  <tr key={row.key} data-key={row.key}>
                    <th scope="row">{row.name}</th>
                    <td data-series="reports">{row.reports}</td>
                    <td data-series="replied">{row.replied}</td>
                    <td data-series="returned">{row.returned}</td>
                    <td data-series="no-answer">{row.noAnswer}</td>
                    <td data-series="reply-rate">{row.replyRate}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </ScrollTable>
        <ScrollTable className="dashboard-table" captionId="arrivals-prisoners-caption">
          <table data-testid="arrivals-prisoners-table">
            <caption id="arrivals-prisoners-caption">{t("arrivals:dashboard.prisoners-caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("dashboards:table.prisoner")}</th>
                <th scope="col">{t("arrivals:dashboard.facility")}</th>
                <th scope="col">{t("arrivals:dashboard.reports")}</th>
                <th scope="col">{t("arrivals:dashboard.reply-rate")}</th>
              </tr>
            </thead>
            <tbody>
              {data.arrivals.prisoners.length === 0 ? (
                <tr>
                  <td colSpan={4}>{t("arrivals:dashboard.empty", { count: data.arrivals.minimum })}</td>
                </tr>
              ) : (
                data.arrivals.prisoners.map((row) => (
                  <tr key={row.key} data-key={row.key}>
                    <th scope="row">{row.name}</th>
                    <td data-series="facility">{row.facility}</td>
                    <td data-series="reports">{row.reports}</td>
                    <td data-series="reply-rate">{row.replyRate}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </ScrollTable>
      </section>

      <section aria-labelledby="goals-heading" className="dashboard-section">
        <h2 id="goals-heading">{t("dashboards:charts.goals")}</h2>
        <DashboardChart
          chart={charts.goals}
          title={t("dashboards:charts.goals")}
          description={t("dashboards:goals.description")}
          series={[{ key: "percent", label: t("dashboards:goals.percent"), tone: 1 }]}
          caption=""
          rowHeader=""
          emptyText={empty}
          table={
            <ScrollTable className="dashboard-table" captionId="goals-caption">
              <table data-testid="goals-table">
                <caption id="goals-caption">{t("dashboards:goals.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("dashboards:table.campaign")}</th>
                    <th scope="col">{t("dashboards:goals.status")}</th>
                    <th scope="col">{t("dashboards:goals.actions")}</th>
                    <th scope="col">{t("dashboards:goals.goal")}</th>
                    <th scope="col">{t("dashboards:goals.reached")}</th>
                    <th scope="col">{t("dashboards:goals.percent")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.goals.length === 0 ? (
                    <tr>
                      <td colSpan={6}>{empty}</td>
                    </tr>
                  ) : (
                    data.goals.map((row) => (
                      <tr key={row.key} data-key={row.key}>
                        <th scope="row">{row.title}</th>
                        <td>{t(STATUS_KEYS[row.status])}</td>
                        <td data-series="actions">{row.actions}</td>
                        <td data-series="goal">{row.goal ?? t("dashboards:goals.no-goal")}</td>
                        <td data-series="reached">{row.reached}</td>
                        <td data-series="percent">{row.percent ?? "—"}</td>
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </ScrollTable>
          }
        />
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
