// The public numbers page's view-model: every reported figure formatted for the page, and
// the two charts' points and labelled ticks (political prisoners over time; releases and
// arrests by period).
import { dateTickLabel, labelledValueTicks, periodMidpoint, periodRange, startsYear, timeTicks } from "~/components/chart-scales";
import type { Language } from "~/i18n";
import { formatDate, formatNumber, withDisplayDate } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";

import { groupByPeriod, listReportedFigures } from "./figures.server";

/** Releases and arrests share the second chart; the order is the order of its bars. */
const FLOW_METRICS = ["RELEASED", "ARRESTED"] as const;

export async function loadNumbersPage(language: Language) {
  const [t, figures] = await Promise.all([getFixedT(language, "numbers"), listReportedFigures()]);
  // Everything the page prints is formatted here, on the server (see app/utils/format.ts).
  const rows = figures.map((figure) => ({
    ...figure,
    displayValue: formatNumber(figure.value, language),
    displayDate: formatDate(figure.observedOn, figure.observedPrecision, language),
    time: periodMidpoint(figure.observedOn, figure.observedPrecision),
    // The whole month or year a figure stands for: the chart draws it and orders by it.
    range: periodRange(figure.observedOn, figure.observedPrecision),
    source: withDisplayDate(figure.source, language),
  }));

  const prisoners = rows.filter((row) => row.metric === "POLITICAL_PRISONERS");
  // The axis covers the whole span of a month's or a year's figure, not only its midpoint.
  const times = prisoners.flatMap((row) => (row.observedPrecision === "DAY" ? [row.time] : [row.range.start, row.range.end]));
  const prisonerChart = {
    ids: prisoners.map((row) => row.id),
    xTicks:
      times.length > 0
        ? timeTicks(Math.min(...times), Math.max(...times)).map((tick, index, ticks) => ({
            at: tick.at,
            // The year goes under the first month tick and under each January.
            ...dateTickLabel(tick.iso, tick.precision, language, startsYear(ticks.map((each) => each.iso), index)),
          }))
        : [],
    yTicks: labelledValueTicks(prisoners.map((row) => row.value), language),
    ...dateRange(prisoners),
  };

  const periods = groupByPeriod(figures, FLOW_METRICS);
  const flowRows = rows.filter((row) => (FLOW_METRICS as readonly string[]).includes(row.metric));
  const flowChart = {
    periods: periods.map((period) => ({
      key: period.key,
      ...dateTickLabel(period.observedOn, period.observedPrecision, language),
      ids: period.figures.map((figure) => figure.id),
    })),
    yTicks: labelledValueTicks(flowRows.map((row) => row.value), language),
    ...dateRange(flowRows),
  };

  return {
    rows,
    prisonerChart,
    flowChart,
    meta: { title: t("numbers:meta.title"), description: t("numbers:meta.description") },
  };
}

/** First and last dates of a series, as the table shows them, for the chart's description. */
function dateRange(rows: { displayDate: string }[]) {
  return { from: rows[0]?.displayDate ?? null, to: rows[rows.length - 1]?.displayDate ?? null };
}

