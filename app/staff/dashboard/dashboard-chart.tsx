// One dashboard figure: a server-drawn SVG bar chart (the numbers page's FigureBarChart) with
// a table of the same figures beside it, for screen readers, keyboard users and exact values.
// Everything arrives formatted from the loader.
import type { ReactNode } from "react";

import { FigureBarChart } from "~/components/figure-chart";
import { ScrollTable } from "~/components/scroll-table";

import type { DashboardChartData } from "./dashboard-chart-data";

export type { DashboardBar, DashboardChartData, DashboardGroup } from "./dashboard-chart-data";

export interface DashboardSeries {
  key: string;
  label: string;
  tone: 1 | 2;
}

export function DashboardChart({
  chart,
  title,
  description,
  series,
  caption,
  rowHeader,
  emptyText,
  table,
}: {
  chart: DashboardChartData;
  title: string;
  description: string;
  series: DashboardSeries[];
  caption: string;
  rowHeader: string;
  emptyText: string;
  /** A table of its own, when the figure has more columns than the chart's series. */
  table?: ReactNode;
}) {
  const labels = new Map(series.map((entry) => [entry.key, entry.label]));
  return (
    <div className="dashboard-figure">
      <FigureBarChart
        id={chart.id}
        title={title}
        description={description}
        groups={chart.groups.map((group) => ({
          key: group.key,
          label: group.axis,
          secondLine: group.secondLine,
          bars: group.bars.map((bar) => ({
            key: `${group.key}-${bar.series}`,
            series: bar.series,
            value: bar.value,
            qualifier: "EXACT" as const,
            valueLabel: chart.groups.length <= 12 ? bar.display : "",
            label: `${group.name}, ${labels.get(bar.series) ?? bar.series}: ${bar.display}`,
          })),
        }))}
        series={series}
        yTicks={chart.yTicks}
        lowerBoundLegend=""
        emptyText={emptyText}
      />
      {table ?? (
        <ScrollTable className="dashboard-table" captionId={`${chart.id}-caption`}>
          <table>
            <caption id={`${chart.id}-caption`}>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{rowHeader}</th>
                {series.map((entry) => (
                  <th scope="col" key={entry.key}>
                    {entry.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chart.groups.length === 0 ? (
                <tr>
                  <td colSpan={series.length + 1}>{emptyText}</td>
                </tr>
              ) : (
                chart.groups.map((group) => (
                  <tr key={group.key} data-key={group.key}>
                    <th scope="row">{group.name}</th>
                    {series.map((entry) => (
                      <td key={entry.key} className="dashboard-table__number" data-series={entry.key}>
                        {group.bars.find((bar) => bar.series === entry.key)?.display ?? ""}
                      </td>
                    ))}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </div>
  );
}
