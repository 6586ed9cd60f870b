// Charts of reported figures, drawn as plain SVG on the server: they need no JavaScript,
// no inline styles (colours come from classes in numbers.css) and no client-side
// formatting. Every label arrives already formatted in the page language, so the charts
// are pure functions of their props and hydrate to exactly the server's markup.
import type { ReactNode } from "react";

import { knownOrderLinks, type ChartPrecision, type ChartQualifier, type ChartTick } from "./chart-scales";

// The scales live in chart-scales.ts, so that server code (a loader's view-model) can build ticks too.
export {
  knownOrderLinks,
  periodMidpoint,
  periodRange,
  timeTicks,
  valueTicks,
  type ChartPrecision,
  type ChartQualifier,
  type ChartTick,
} from "./chart-scales";

export interface TimePoint {
  key: string;
  /** Milliseconds since 1970 (UTC); see periodMidpoint for dates known only to the month or year. */
  time: number;
  /** How exactly the report dated the figure. */
  precision: ChartPrecision;
  /** The day, month or year the figure stands for (periodRange): it decides which points the line may join. */
  range: { start: number; end: number };
  value: number;
  qualifier: ChartQualifier;
  /** Tooltip text, e.g. "more than 1,400 people, 2024". */
  label: string;
}

export interface QualifierLegend {
  exact: string;
  atLeast: string;
  moreThan: string;
}

/** Explains the bars drawn for figures dated only to a month or a year. */
export interface PrecisionLegend {
  month: string;
  year: string;
}

export interface TimeChartProps {
  /** Unique on the page; prefixes the ids that name the chart. */
  id: string;
  title: string;
  description: string;
  points: readonly TimePoint[];
  xTicks: readonly ChartTick[];
  yTicks: readonly ChartTick[];
  legend: QualifierLegend;
  precisionLegend: PrecisionLegend;
  emptyText: string;
}

export interface Bar {
  key: string;
  series: string;
  value: number;
  qualifier: ChartQualifier;
  /** Short text drawn above the bar, e.g. "≥60". */
  valueLabel: string;
  /** Tooltip text. */
  label: string;
}

export interface BarGroup {
  key: string;
  /** Axis label for the period, kept short ("11 Sep"), and a second line ("2025"). */
  label: string;
  secondLine?: string;
  bars: readonly Bar[];
}

export interface BarSeries {
  key: string;
  label: string;
  /** Which of the two colours in numbers.css the series uses. */
  tone: 1 | 2;
}

export interface BarChartProps {
  id: string;
  title: string;
  description: string;
  groups: readonly BarGroup[];
  series: readonly BarSeries[];
  yTicks: readonly ChartTick[];
  /** Explains outlined bars: "at least" or "more than". */
  lowerBoundLegend: string;
  emptyText: string;
}

// ---------------------------------------------------------------------------------------
// Drawing

const DAY_MS = 86_400_000;
const isFiniteNumber = (value: number) => Number.isFinite(value);

const WIDTH = 600;
const round = (value: number) => Math.round(value * 100) / 100;

interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Room on the left for the longest value label (about 7 units per character at font size 12). */
function frameFor(yTicks: readonly ChartTick[], height: number, bottomRoom: number): Frame {
  const longest = Math.max(1, ...yTicks.map((tick) => tick.label.length));
  return { left: Math.min(160, 14 + longest * 7), right: WIDTH - 16, top: 16, bottom: height - bottomRoom };
}

function valueScale(values: number[], yTicks: readonly ChartTick[], frame: Frame) {
  const max = Math.max(0, ...values.filter(isFiniteNumber), ...yTicks.map((tick) => tick.at).filter(isFiniteNumber));
  const top = max > 0 ? max : 1;
  return (value: number) => round(frame.bottom - (Math.min(Math.max(value, 0), top) / top) * (frame.bottom - frame.top));
}

function ValueAxis({ yTicks, frame, y }: { yTicks: readonly ChartTick[]; frame: Frame; y: (value: number) => number }) {
  return (
    <g className="figure-chart__axis">
      {yTicks
        .filter((tick) => isFiniteNumber(tick.at))
        .map((tick) => (
          <g key={`y-${tick.at}`}>
            <line className="figure-chart__grid" x1={frame.left} x2={frame.right} y1={y(tick.at)} y2={y(tick.at)} />
            <text className="figure-chart__tick" x={frame.left - 6} y={y(tick.at)} textAnchor="end" dominantBaseline="middle" fontSize={12}>
              {tick.label}
            </text>
          </g>
        ))}
      <line className="figure-chart__axis-line" x1={frame.left} x2={frame.left} y1={frame.top} y2={frame.bottom} />
      <line className="figure-chart__axis-line" x1={frame.left} x2={frame.right} y1={frame.bottom} y2={frame.bottom} />
    </g>
  );
}

/** A label under the x axis, on one line or two; dy in em follows the font size set in CSS. */
function AxisLabel({ x, y, label, secondLine }: { x: number; y: number; label: string; secondLine?: string }) {
  return (
    <text className="figure-chart__tick" x={x} y={y} textAnchor="middle" fontSize={12}>
      {label}
      {secondLine ? (
        <tspan x={x} dy="1.2em">
          {secondLine}
        </tspan>
      ) : null}
    </text>
  );
}

function ChartFrame({
  id,
  title,
  description,
  height,
  children,
}: {
  id: string;
  title: string;
  description: string;
  height: number;
  children: ReactNode;
}) {
  return (
    <svg
      className="figure-chart__svg"
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      preserveAspectRatio="xMidYMid meet"
      focusable="false"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}

function EmptyText({ text, frame }: { text: string; frame: Frame }) {
  return (
    <text className="figure-chart__empty" x={round((frame.left + frame.right) / 2)} y={round((frame.top + frame.bottom) / 2)} textAnchor="middle" fontSize={14}>
      {text}
    </text>
  );
}

const MARKER_CLASS: Record<ChartQualifier, string> = {
  EXACT: "figure-chart__marker figure-chart__marker--exact",
  AT_LEAST: "figure-chart__marker figure-chart__marker--at-least",
  MORE_THAN: "figure-chart__marker figure-chart__marker--more-than",
};

/** Filled circle: exact. Hollow circle: at least. Hollow triangle pointing up: more than. */
function Marker({ qualifier, x, y, size = 5 }: { qualifier: ChartQualifier; x: number; y: number; size?: number }) {
  if (qualifier === "MORE_THAN") {
    const h = size * 1.3;
    const points = [
      [x, y - h],
      [x + h, y + h * 0.75],
      [x - h, y + h * 0.75],
    ]
      .map(([px, py]) => `${round(px!)},${round(py!)}`)
      .join(" ");
    return <polygon className={MARKER_CLASS[qualifier]} points={points} data-qualifier={qualifier} />;
  }
  return <circle className={MARKER_CLASS[qualifier]} cx={x} cy={y} r={size} data-qualifier={qualifier} />;
}

/** A horizontal bar with end caps across the period a figure stands for, like an error bar. */
function RangeBar({ precision, x1, x2, y }: { precision: ChartPrecision; x1: number; x2: number; y: number }) {
  const cap = 5;
  const d = `M${x1},${y} H${x2} M${x1},${round(y - cap)} V${round(y + cap)} M${x2},${round(y - cap)} V${round(y + cap)}`;
  return <path className="figure-chart__range" d={d} fill="none" data-precision={precision} />;
}

/**
 * A line-and-point chart of one metric over time, y from 0. A figure dated only to a month
 * or a year is drawn as a bar across that period, marker in the middle, and the line joins
 * two figures only when their order in time is certain (knownOrderLinks).
 */
export function FigureTimeChart({ id, title, description, points, xTicks, yTicks, legend, precisionLegend, emptyText }: TimeChartProps) {
  const height = 300;
  const frame = frameFor(yTicks, height, 48);
  const usable = points.filter(
    (point) =>
      isFiniteNumber(point.time) && isFiniteNumber(point.value) && isFiniteNumber(point.range.start) && isFiniteNumber(point.range.end),
  );
  const ticks = xTicks.filter((tick) => isFiniteNumber(tick.at));
  const imprecise = usable.filter((point) => point.precision !== "DAY");
  const times = [
    ...usable.map((point) => point.time),
    ...imprecise.flatMap((point) => [point.range.start, point.range.end]),
    ...ticks.map((tick) => tick.at),
  ];
  let [minTime, maxTime] = times.length > 0 ? [Math.min(...times), Math.max(...times)] : [0, 1];
  // A single date (or several figures on the same day) still needs a span to draw in.
  if (maxTime - minTime < DAY_MS) [minTime, maxTime] = [minTime - 15 * DAY_MS, maxTime + 15 * DAY_MS];
  // Markers stay inside the frame: keep a small margin at both ends of the time axis.
  const inset = 12;
  const x = (time: number) =>
    round(frame.left + inset + ((time - minTime) / (maxTime - minTime)) * (frame.right - frame.left - 2 * inset));
  const y = valueScale(
    usable.map((point) => point.value),
    yTicks,
    frame,
  );
  // Ordered by time; ties keep the order given (stable sort).
  const ordered = [...usable].sort((a, b) => a.time - b.time);
  // One path of sub-paths: a link that starts where the last one ended continues it.
  const at = (point: TimePoint) => `${x(point.time)},${y(point.value)}`;
  let lastEnd = -1;
  const path = knownOrderLinks(ordered.map((point) => point.range))
    .map(([earlier, later]) => {
      const segment = `${earlier === lastEnd ? "" : `M${at(ordered[earlier]!)} `}L${at(ordered[later]!)}`;
      lastEnd = later;
      return segment;
    })
    .join(" ");
  const used = new Set(usable.map((point) => point.qualifier));
  const usedPrecisions = new Set(imprecise.map((point) => point.precision));

  return (
    <div className="figure-chart">
      <ChartFrame id={id} title={title} description={description} height={height}>
        <ValueAxis yTicks={yTicks} frame={frame} y={y} />
        <g className="figure-chart__axis">
          {ticks.map((tick) => (
            <g key={`x-${tick.at}`}>
              <line className="figure-chart__axis-line" x1={x(tick.at)} x2={x(tick.at)} y1={frame.bottom} y2={frame.bottom + 5} />
              <AxisLabel x={x(tick.at)} y={frame.bottom + 18} label={tick.label} secondLine={tick.secondLine} />
            </g>
          ))}
        </g>
        {path ? <path className="figure-chart__line" d={path} fill="none" /> : null}
        {ordered.map((point) => (
          <g key={point.key} className="figure-chart__point" data-precision={point.precision}>
            <title>{point.label}</title>
            {point.precision === "DAY" ? null : (
              <RangeBar precision={point.precision} x1={x(point.range.start)} x2={x(point.range.end)} y={y(point.value)} />
            )}
            <Marker qualifier={point.qualifier} x={x(point.time)} y={y(point.value)} />
          </g>
        ))}
        {usable.length === 0 ? <EmptyText text={emptyText} frame={frame} /> : null}
      </ChartFrame>
      {used.size > 0 ? (
        <ul className="figure-chart__legend">
          {(["EXACT", "AT_LEAST", "MORE_THAN"] as const)
            .filter((qualifier) => used.has(qualifier))
            .map((qualifier) => (
              <li key={qualifier}>
                <svg className="figure-chart__swatch" viewBox="0 0 20 20" width={20} height={20} aria-hidden="true" focusable="false">
                  <Marker qualifier={qualifier} x={10} y={11} />
                </svg>
                {qualifier === "EXACT" ? legend.exact : qualifier === "AT_LEAST" ? legend.atLeast : legend.moreThan}
              </li>
            ))}
          {(["MONTH", "YEAR"] as const)
            .filter((precision) => usedPrecisions.has(precision))
            .map((precision) => (
              <li key={precision}>
                <svg className="figure-chart__swatch" viewBox="0 0 20 20" width={20} height={20} aria-hidden="true" focusable="false">
                  <RangeBar precision={precision} x1={2} x2={18} y={11} />
                </svg>
                {precision === "MONTH" ? precisionLegend.month : precisionLegend.year}
              </li>
            ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Bars per reported period, one per figure, grouped by period; y from 0. */
export function FigureBarChart({ id, title, description, groups, series, yTicks, lowerBoundLegend, emptyText }: BarChartProps) {
  const height = 260;
  const frame = frameFor(yTicks, height, 48);
  const usable = groups.map((group) => ({ ...group, bars: group.bars.filter((bar) => isFiniteNumber(bar.value)) }));
  const y = valueScale(
    usable.flatMap((group) => group.bars.map((bar) => bar.value)),
    yTicks,
    frame,
  );
  const groupWidth = (frame.right - frame.left) / Math.max(1, usable.length);
  const mostBars = Math.max(1, ...usable.map((group) => group.bars.length));
  const barWidth = round(Math.min(40, (groupWidth * 0.8) / mostBars));
  // Long period names would overlap when there are many groups: label every n-th one.
  const longestLabel = Math.max(1, ...usable.flatMap((group) => [group.label.length, group.secondLine?.length ?? 0]));
  const labelEvery = Math.max(1, Math.ceil((longestLabel * 6.5) / groupWidth));
  const tones = new Map(series.map((entry) => [entry.key, entry.tone]));
  const hasLowerBound = usable.some((group) => group.bars.some((bar) => bar.qualifier !== "EXACT"));
  const barCount = usable.reduce((sum, group) => sum + group.bars.length, 0);

  return (
    <div className="figure-chart">
      <ChartFrame id={id} title={title} description={description} height={height}>
        <ValueAxis yTicks={yTicks} frame={frame} y={y} />
        {usable.map((group, groupIndex) => {
          const center = frame.left + groupWidth * (groupIndex + 0.5);
          const firstX = center - (barWidth * group.bars.length) / 2;
          return (
            <g key={group.key} className="figure-chart__group">
              {group.bars.map((bar, barIndex) => {
                const top = y(bar.value);
                const left = round(firstX + barIndex * barWidth + 1);
                const tone = tones.get(bar.series) ?? 1;
                const shape = bar.qualifier === "EXACT" ? "exact" : "lower-bound";
                return (
                  <g key={bar.key} className="figure-chart__point">
                    <title>{bar.label}</title>
                    <rect
                      className={`figure-chart__bar figure-chart__bar--tone-${tone} figure-chart__bar--${shape}`}
                      data-qualifier={bar.qualifier}
                      x={left}
                      y={top}
                      width={round(Math.max(1, barWidth - 2))}
                      height={round(Math.max(0, frame.bottom - top))}
                    />
                    <text
                      className="figure-chart__value"
                      x={round(left + (barWidth - 2) / 2)}
                      y={round(top - 4)}
                      textAnchor="middle"
                      fontSize={11}
                    >
                      {bar.valueLabel}
                    </text>
                  </g>
                );
              })}
              {groupIndex % labelEvery === 0 ? (
                <AxisLabel x={round(center)} y={frame.bottom + 18} label={group.label} secondLine={group.secondLine} />
              ) : null}
            </g>
          );
        })}
        {barCount === 0 ? <EmptyText text={emptyText} frame={frame} /> : null}
      </ChartFrame>
      {barCount > 0 ? (
        <ul className="figure-chart__legend">
          {series.map((entry) => (
            <li key={entry.key}>
              <svg className="figure-chart__swatch" viewBox="0 0 20 20" width={20} height={20} aria-hidden="true" focusable="false">
                <rect className={`figure-chart__bar figure-chart__bar--tone-${entry.tone} figure-chart__bar--exact`} x={3} y={3} width={14} height={14} />
              </svg>
              {entry.label}
            </li>
          ))}
          {hasLowerBound ? (
            <li>
              <svg className="figure-chart__swatch" viewBox="0 0 20 20" width={20} height={20} aria-hidden="true" focusable="false">
                <rect className="figure-chart__bar figure-chart__bar--neutral figure-chart__bar--lower-bound" x={3} y={3} width={14} height={14} />
              </svg>
              {lowerBoundLegend}
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
