// What one dashboard chart receives from the page's view-model (dashboard-page.server.ts),
// everything formatted; dashboard-chart.tsx draws it.
import type { ChartTick } from "~/components/chart-scales";

export interface DashboardBar {
  series: string;
  value: number;
  display: string;
}

export interface DashboardGroup {
  key: string;
  /** Full name, for the table and the tooltip. */
  name: string;
  /** Short axis label. */
  axis: string;
  secondLine?: string;
  bars: DashboardBar[];
}

export interface DashboardChartData {
  id: string;
  groups: DashboardGroup[];
  yTicks: ChartTick[];
}
