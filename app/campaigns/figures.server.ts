import type { FigureMetric } from "@prisma/client";

import { toSourceSummary, type ReportedFigureView } from "~/prisoners/source.server";
import { cachedUntilContentChanges } from "~/utils/content-revision.server";
import { getPrisma } from "~/utils/database.server";

export interface ReportedFigureRow extends ReportedFigureView {
  id: string;
}

/** The order metrics take when several share a date: the headline count first. */
export const METRIC_ORDER: Record<FigureMetric, number> = {
  POLITICAL_PRISONERS: 0,
  JOURNALISTS_IMPRISONED: 1,
  DIED_IN_CUSTODY: 2,
  ARRESTED: 3,
  RELEASED: 4,
};

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Every figure reported, oldest observation first. Figures are never merged or
 * adjusted: each stays tied to the report that gave it.
 */
export const listReportedFigures = cachedUntilContentChanges(readListReportedFigures, { countersShown: false });

async function readListReportedFigures(): Promise<ReportedFigureRow[]> {
  const rows = await getPrisma().reportedFigure.findMany({
    include: { source: true },
    orderBy: [{ observedOn: "asc" }, { source: { publishedOn: "asc" } }, { id: "asc" }],
  });
  return rows
    .map((row) => ({
      id: row.id,
      metric: row.metric,
      value: row.value,
      qualifier: row.qualifier,
      countedBy: row.countedBy?.trim() || null,
      observedOn: isoDate(row.observedOn),
      observedPrecision: row.observedPrecision,
      source: toSourceSummary(row.source),
    }))
    .sort((a, b) => a.observedOn.localeCompare(b.observedOn) || METRIC_ORDER[a.metric] - METRIC_ORDER[b.metric]);
}

export interface ReportedPeriod {
  /** observedOn and its precision: "2025-06-01/MONTH". */
  key: string;
  observedOn: string;
  observedPrecision: ReportedFigureRow["observedPrecision"];
  figures: ReportedFigureRow[];
}

/**
 * Figures of the given metrics grouped by the period they describe (a day, a month or a
 * year as the report gave it), in date order, metrics in the order asked for.
 */
export function groupByPeriod(figures: readonly ReportedFigureRow[], metrics: readonly FigureMetric[]): ReportedPeriod[] {
  const periods = new Map<string, ReportedPeriod>();
  for (const figure of figures) {
    if (!metrics.includes(figure.metric)) continue;
    const key = `${figure.observedOn}/${figure.observedPrecision}`;
    const period = periods.get(key) ?? { key, observedOn: figure.observedOn, observedPrecision: figure.observedPrecision, figures: [] };
    period.figures.push(figure);
    periods.set(key, period);
  }
  const width = { YEAR: 0, MONTH: 1, DAY: 2 } as const;
  return [...periods.values()]
    .map((period) => ({
      ...period,
      figures: [...period.figures].sort((a, b) => metrics.indexOf(a.metric) - metrics.indexOf(b.metric)),
    }))
    .sort((a, b) => a.observedOn.localeCompare(b.observedOn) || width[a.observedPrecision] - width[b.observedPrecision]);
}
