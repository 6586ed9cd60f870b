// The staff dashboard's view-model: the figures counted in the database (dashboard.server.ts)
// as charts and tables, every number, date, name and percentage formatted for the page.
import { arrivalReportsMinimum, facilityIdsOfPrisoners, listFacilityReplyRates, rateWindowStart } from "~/arrivals/arrival.server";
import { labelledValueTicks, shortDate, startsYear } from "~/components/chart-scales";
import { isLanguage, languageAutonyms, type Language } from "~/i18n";
import { can, type Actor } from "~/staff/permissions";
import { formatDate, formatNumber } from "~/utils/format";
import { periodicJobsStatus } from "~/utils/health.server";
import { getFixedT } from "~/utils/i18next.server";
import { PERIODIC_JOBS, sumJobCounts } from "~/utils/job-runs.server";

import type { DashboardChartData, DashboardGroup } from "./dashboard-chart-data";
import { filtersToQuery, getDashboardFigures, listCampaignChoices, parseDashboardFilters, type Count } from "./dashboard.server";

const KIND_KEYS = {
  LETTER_WRITTEN: "dashboards:kind.letter-written",
  APPEAL_SENT: "dashboards:kind.appeal-sent",
  PLEDGE_MADE: "dashboards:kind.pledge-made",
  POSTED_SELF_REPORT: "dashboards:kind.posted-self-report",
} as const;

const PURGE_KEYS = {
  ok: "dashboards:purge.ok",
  late: "dashboards:purge.late",
  failed: "dashboards:purge.failed",
} as const;

/** Axis labels must stay short: names are cut to a few characters, the table has them whole. */
function shorten(text: string, max = 14): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export async function loadDashboardPage(actor: Actor, language: Language, url: URL) {
  const { filters, problems } = await parseDashboardFilters(url.searchParams);
  const dayAgo = new Date(Date.now() - 86_400_000);
  const [t, figures, campaigns, jobs, jobCounts] = await Promise.all([
    getFixedT(language, ["common", "staff", "dashboards"]),
    getDashboardFigures(filters, language),
    listCampaignChoices(language),
    periodicJobsStatus(),
    sumJobCounts(PERIODIC_JOBS, dayAgo),
  ]);
  const number = (value: number) => formatNumber(value, language);
  const percent = new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 0 });
  const regions = new Intl.DisplayNames([language], { type: "region" });

  const chart = (id: string, groups: DashboardGroup[]): DashboardChartData => ({
    id,
    groups,
    yTicks: labelledValueTicks(groups.flatMap((group) => group.bars.map((bar) => bar.value)), language),
  });
  const single = (series: string) => (count: number) => [{ series, value: count, display: number(count) }];
  const weekly = (id: string, rows: Count[], series: string) => {
    const weeks = rows.map((row) => row.key);
    return chart(
      id,
      rows.map((row, index) => ({
        key: row.key,
        name: t("dashboards:week-of", { date: formatDate(row.key, "DAY", language) }),
        axis: shortDate(row.key, "DAY", language),
        // The year under the first week and under the first week of each year.
        secondLine: startsYear(weeks, index) ? row.key.slice(0, 4) : undefined,
        bars: single(series)(row.count),
      })),
    );
  };
  const languageName = (code: string) => (isLanguage(code) ? languageAutonyms[code] : code);
  const countryName = (code: string) => {
    if (code === "") return t("dashboards:not-declared");
    try {
      return regions.of(code) ?? code;
    } catch {
      return code;
    }
  };

  // The retention purge, so staff notice when it stops: when it last ran (UTC) and how many
  // pieces of personal data (addresses, texts, hashes, requests) it removed in the last day.
  const erased = Object.entries(jobCounts)
    .filter(([name]) => /(Erased|Deleted)$/.test(name))
    .reduce((sum, [, count]) => sum + count, 0);
  const lastRun = jobs.lastRun
    ? `${new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(jobs.lastRun)} UTC`
    : "";
  const purge =
    jobs.state === "never"
      ? t("dashboards:purge.never")
      : t(PURGE_KEYS[jobs.state], { time: lastRun, erased: number(erased) });

  const rate = (part: number, whole: number) => (whole > 0 ? percent.format(part / whole) : "—");

  // Arrival reports: the same figures and the same minimum as on the public profiles.
  const now = new Date();
  const arrivalsSince = rateWindowStart(now);
  const [arrivalRates, prisonerFacilities] = await Promise.all([
    listFacilityReplyRates(language, now),
    facilityIdsOfPrisoners(figures.byPrisoner.map((row) => row.key)),
  ]);
  const rateByFacility = new Map(arrivalRates.map((row) => [row.facilityId, row]));
  const arrivals = {
    since: formatDate(arrivalsSince, "DAY", language),
    minimum: arrivalReportsMinimum(),
    facilities: arrivalRates.map((row) => ({
      key: row.facilityId,
      name: row.label,
      reports: number(row.reports),
      replied: number(row.replied),
      returned: number(row.returned),
      noAnswer: number(row.noAnswer),
      replyRate: rate(row.replied, row.reports),
    })),
    // The prisoners of the "by prisoner" chart, each with the figures of their facility.
    prisoners: figures.byPrisoner.flatMap((row) => {
      const facility = rateByFacility.get(prisonerFacilities.get(row.key) ?? "");
      return facility ? [{ key: row.slug ?? row.key, name: row.label, facility: facility.label, reports: number(facility.reports), replyRate: rate(facility.replied, facility.reports) }] : [];
    }),
  };

  return {
    language,
    filters,
    problems,
    campaigns,
    query: filtersToQuery(filters),
    canExport: can(actor, "export:actions"),
    canExportContact: can(actor, "export:pledges-with-contact"),
    range: { from: formatDate(filters.from, "DAY", language), to: formatDate(filters.to, "DAY", language) },
    totals: {
      actions: number(figures.totals.actions),
      pledges: number(figures.totals.pledges),
      appeals: number(figures.totals.appeals),
    },
    charts: {
      actionsPerWeek: weekly("chart-actions-week", figures.actionsPerWeek, "actions"),
      pledgesPerWeek: weekly("chart-pledges-week", figures.pledgesPerWeek, "pledges"),
      byLanguage: chart(
        "chart-language",
        figures.byLanguage.map((row) => ({ key: row.key, name: languageName(row.key), axis: row.key, bars: single("actions")(row.count) })),
      ),
      byKind: chart(
        "chart-kind",
        figures.byKind.map((row) => ({ key: row.key, name: t(KIND_KEYS[row.key]), axis: shorten(t(KIND_KEYS[row.key])), bars: single("actions")(row.count) })),
      ),
      byCountry: chart(
        "chart-country",
        figures.byCountry.map((row) => ({ key: row.key || "none", name: countryName(row.key), axis: row.key || "—", bars: single("actions")(row.count) })),
      ),
      byPrisoner: chart(
        "chart-prisoner",
        figures.byPrisoner.map((row) => ({ key: row.slug ?? row.key, name: row.label, axis: shorten(row.label), bars: single("actions")(row.count) })),
      ),
      byCampaign: chart(
        "chart-campaign",
        figures.byCampaign.map((row) => ({ key: row.slug ?? row.key, name: row.label, axis: shorten(row.label), bars: single("actions")(row.count) })),
      ),
      delivery: chart(
        "chart-delivery",
        figures.delivery.map((row) => ({
          key: row.slug,
          name: row.label,
          axis: shorten(row.label),
          bars: [
            { series: "sent", value: row.sent, display: number(row.sent) },
            { series: "failed", value: row.failed, display: number(row.failed) },
          ],
        })),
      ),
      goals: chart(
        "chart-goals",
        figures.goals
          .filter((goal) => goal.progress)
          .map((goal) => ({
            key: goal.slug,
            name: goal.title,
            axis: shorten(goal.title),
            bars: [{ series: "percent", value: goal.progress!.percent, display: percent.format(goal.progress!.percent / 100) }],
          })),
      ),
    },
    delivery: figures.delivery.map((row) => ({
      key: row.slug,
      name: row.label,
      sent: number(row.sent),
      failed: number(row.failed),
      pending: number(row.pending),
      other: number(row.other),
      replied: number(row.replied),
      replyRate: rate(row.replied, row.sent),
    })),
    goals: figures.goals.map((goal) => ({
      key: goal.slug,
      title: goal.title,
      status: goal.status,
      actions: number(goal.actions),
      goal: goal.progress ? number(goal.progress.goal) : null,
      reached: goal.progress ? goal.progress.reached.map(number).join(", ") : "",
      percent: goal.progress ? percent.format(goal.progress.percent / 100) : null,
    })),
    purge: { state: jobs.state, text: purge },
    arrivals,
    meta: { title: t("common:page-title", { page: t("dashboards:meta.title") }) },
  };
}
