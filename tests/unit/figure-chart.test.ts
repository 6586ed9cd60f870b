import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import {
  FigureBarChart,
  FigureTimeChart,
  periodMidpoint,
  timeTicks,
  valueTicks,
  type BarChartProps,
  type ChartQualifier,
  type TimeChartProps,
  type TimePoint,
} from "~/components/figure-chart";

const legend = { exact: "Exact number", atLeast: "At least: a lower bound", moreThan: "More than: a lower bound" };

function timeChart(points: TimePoint[], overrides: Partial<TimeChartProps> = {}) {
  const times = points.map((point) => point.time);
  const xTicks =
    times.length > 0
      ? timeTicks(Math.min(...times), Math.max(...times)).map((tick) => ({ at: tick.at, label: `x:${tick.iso}` }))
      : [];
  const yTicks = valueTicks(Math.max(0, ...points.map((point) => point.value))).map((at) => ({ at, label: `y:${at}` }));
  return renderToStaticMarkup(
    createElement(FigureTimeChart, {
      id: "chart-test",
      title: "Political prisoners over time",
      description: "Counts reported from 2024 to 2025.",
      points,
      xTicks,
      yTicks,
      legend,
      emptyText: "No numbers yet",
      ...overrides,
    }),
  );
}

const day = (iso: string) => Date.parse(`${iso}T00:00:00.000Z`);
const point = (key: string, iso: string, value: number, qualifier: ChartQualifier = "EXACT"): TimePoint => ({
  key,
  time: day(iso),
  value,
  qualifier,
  label: `${key}: ${value}`,
});

const count = (markup: string, pattern: RegExp) => markup.match(new RegExp(pattern.source, "g"))?.length ?? 0;
/** The chart image itself, without the legend that follows it. */
const image = (markup: string) => markup.slice(0, markup.indexOf("</svg>") + "</svg>".length);
const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** Every number in a geometry attribute (x, y, cx, cy, r, width, height, points, d). */
function coordinates(markup: string): number[] {
  const attributes = markup.match(/ (?:x|y|x1|x2|y1|y2|cx|cy|r|width|height|points|d)="[^"]*"/g) ?? [];
  return attributes.flatMap((attribute) => (attribute.match(/-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/g) ?? []).map(Number));
}

function expectSaneMarkup(markup: string) {
  expect(markup).not.toMatch(/NaN|Infinity|undefined|null/);
  expect(markup).not.toMatch(/ style=/);
  for (const value of coordinates(markup)) expect(Number.isFinite(value)).toBe(true);
}

describe("FigureTimeChart", () => {
  const demo = [
    point("a", "2024-07-02", 1400, "MORE_THAN"),
    point("b", "2025-07-16", 1174),
    point("c", "2025-09-16", 1168),
    point("d", "2025-09-18", 1184),
    point("e", "2025-05-01", 900, "AT_LEAST"),
  ];

  it("is an image named by its title and described by its description", () => {
    const markup = timeChart(demo);
    expect(markup).toMatch(/<svg[^>]* role="img"/);
    expect(markup).toContain('aria-labelledby="chart-test-title"');
    expect(markup).toContain('aria-describedby="chart-test-desc"');
    expect(markup).toContain('<title id="chart-test-title">Political prisoners over time</title>');
    expect(markup).toContain('<desc id="chart-test-desc">Counts reported from 2024 to 2025.</desc>');
    expectSaneMarkup(markup);
  });

  it("draws one point per figure, each with its tooltip, marked by its qualifier", () => {
    const markup = image(timeChart(demo));
    expect(count(markup, /class="figure-chart__point"/)).toBe(demo.length);
    expect(count(markup, /<polygon class="figure-chart__marker figure-chart__marker--more-than"/)).toBe(1);
    expect(count(markup, /<circle class="figure-chart__marker figure-chart__marker--at-least"/)).toBe(1);
    expect(count(markup, /<circle class="figure-chart__marker figure-chart__marker--exact"/)).toBe(3);
    for (const entry of demo) expect(markup).toContain(`<title>${entry.label}</title>`);
    expect(count(markup, /<path class="figure-chart__line"/)).toBe(1);
  });

  it("explains the markers it uses in a legend beside the image", () => {
    const legendPart = timeChart(demo).slice(image(timeChart(demo)).length);
    expect(legendPart).toMatch(/^<ul class="figure-chart__legend">/);
    for (const text of [legend.exact, legend.atLeast, legend.moreThan]) expect(legendPart).toContain(`</svg>${text}</li>`);
    expect(count(legendPart, /aria-hidden="true"/)).toBe(3);
    const onlyExact = timeChart([point("a", "2025-01-01", 5)]);
    expect(onlyExact).toContain(legend.exact);
    expect(onlyExact).not.toContain(legend.atLeast);
    expect(onlyExact).not.toContain(legend.moreThan);
  });

  it("labels both axes with the labels it is given", () => {
    const markup = timeChart(demo);
    expect(markup).toContain(">y:0</text>");
    expect(markup).toContain(">y:1500</text>");
    expect(markup).toContain(">x:2024-07-01</text>");
    expect(markup).toContain(">x:2025-10-01</text>");
  });

  it("writes a second line under an x label when it is given one", () => {
    const markup = timeChart(demo, {
      xTicks: [
        { at: day("2025-01-01"), label: "Jan", secondLine: "2025" },
        { at: day("2025-04-01"), label: "Apr" },
      ],
    });
    expect(markup).toMatch(/>Jan<tspan x="[\d.]+" dy="1.2em">2025<\/tspan><\/text>/);
    expect(markup).toContain(">Apr</text>");
  });

  it("places points by date and by value, with y starting at 0", () => {
    const markup = image(timeChart([point("early", "2024-01-01", 0), point("late", "2025-01-01", 1000)]));
    const circles = [...markup.matchAll(/<circle [^>]*cx="([\d.]+)" cy="([\d.]+)"/g)].map((match) => ({
      x: Number(match[1]),
      y: Number(match[2]),
    }));
    expect(circles).toHaveLength(2);
    const [early, late] = circles as [{ x: number; y: number }, { x: number; y: number }];
    expect(late.x).toBeGreaterThan(early.x);
    expect(late.y).toBeLessThan(early.y);
    // Zero sits on the x axis line.
    const axisY = Number(/<line class="figure-chart__axis-line" x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)" y2="\1"/.exec(markup)?.[1]);
    expect(early.y).toBe(axisY);
  });

  it("draws a time axis in proportion to time, not to the order of the points", () => {
    const markup = image(timeChart([point("a", "2025-01-01", 10), point("b", "2025-01-11", 10), point("c", "2025-12-31", 10)]));
    const xs = [...markup.matchAll(/<circle [^>]*cx="([\d.]+)"/g)].map((match) => Number(match[1]));
    const [a, b, c] = xs as [number, number, number];
    expect(b - a).toBeLessThan((c - b) / 10);
  });

  it("shows its empty text and no points or legend when there is nothing to draw", () => {
    const markup = timeChart([]);
    expect(markup).toContain("No numbers yet");
    expect(count(markup, /class="figure-chart__point"/)).toBe(0);
    expect(markup).not.toContain("figure-chart__legend");
    expectSaneMarkup(markup);
  });

  it("draws a single point without a line", () => {
    const markup = timeChart([point("only", "2025-09-18", 1184)]);
    expect(count(markup, /class="figure-chart__point"/)).toBe(1);
    expect(markup).not.toContain("figure-chart__line");
    expectSaneMarkup(markup);
  });

  it("copes with several figures on the same date, and with no ticks at all", () => {
    const same = [point("a", "2025-09-18", 1184), point("b", "2025-09-18", 1184, "AT_LEAST"), point("c", "2025-09-18", 1000)];
    const markup = timeChart(same, { xTicks: [], yTicks: [] });
    expect(count(markup, /class="figure-chart__point"/)).toBe(3);
    expectSaneMarkup(markup);
  });

  it("copes with all values zero and with huge values", () => {
    expectSaneMarkup(timeChart([point("a", "2025-01-01", 0), point("b", "2025-02-01", 0)]));
    const huge = image(timeChart([point("a", "2020-01-01", 2_147_483_647), point("b", "2025-02-01", 5)]));
    expect(count(huge, /class="figure-chart__point"/)).toBe(2);
    expectSaneMarkup(huge);
    // The largest value stays inside the drawing, at or below the top of the frame.
    const ys = [...huge.matchAll(/<circle [^>]*cy="([\d.]+)"/g)].map((match) => Number(match[1]));
    for (const y of ys) expect(y).toBeGreaterThanOrEqual(16);
  });

  it("leaves out a point that cannot be placed instead of printing NaN", () => {
    const markup = timeChart([point("good", "2025-01-01", 5), { ...point("bad", "2025-01-01", 5), time: Number.NaN }]);
    expect(count(markup, /class="figure-chart__point"/)).toBe(1);
    expectSaneMarkup(markup);
  });

  it("draws many points", () => {
    const many = Array.from({ length: 500 }, (_, index) => ({
      ...point(`p${index}`, "2000-01-01", index * 3, index % 3 === 0 ? "AT_LEAST" : "EXACT"),
      time: day("2000-01-01") + index * 7 * 86_400_000,
    }));
    const markup = timeChart(many);
    expect(count(markup, /class="figure-chart__point"/)).toBe(500);
    expect(count(markup, /figure-chart__tick/)).toBeLessThanOrEqual(6 + valueTicks(1500).length);
    expectSaneMarkup(markup);
  });
});

describe("FigureBarChart", () => {
  const props: BarChartProps = {
    id: "chart-bars",
    title: "Releases and arrests",
    description: "Per reported period.",
    series: [
      { key: "RELEASED", label: "Released", tone: 1 },
      { key: "ARRESTED", label: "Arrested", tone: 2 },
    ],
    yTicks: valueTicks(100).map((at) => ({ at, label: String(at) })),
    lowerBoundLegend: "Outlined bar: a lower bound",
    emptyText: "No numbers yet",
    groups: [
      { key: "may", label: "May 2025", bars: [{ key: "1", series: "ARRESTED", value: 100, qualifier: "MORE_THAN", valueLabel: ">100", label: "Arrested: more than 100" }] },
      {
        key: "june",
        label: "Jun 2025",
        bars: [
          { key: "2", series: "RELEASED", value: 14, qualifier: "EXACT", valueLabel: "14", label: "Released: 14" },
          { key: "3", series: "ARRESTED", value: 60, qualifier: "AT_LEAST", valueLabel: "≥60", label: "Arrested: at least 60" },
        ],
      },
      { key: "sep", label: "Sep 11, 2025", bars: [{ key: "4", series: "RELEASED", value: 52, qualifier: "EXACT", valueLabel: "52", label: "Released: 52" }] },
    ],
  };

  it("draws one bar per figure, outlined for lower bounds, with value and period labels", () => {
    const markup = renderToStaticMarkup(createElement(FigureBarChart, props));
    expect(markup).toMatch(/<svg[^>]* role="img"[^>]* aria-labelledby="chart-bars-title"/);
    expect(count(image(markup), /<rect class="figure-chart__bar /)).toBe(4);
    expect(count(markup, /<rect class="figure-chart__bar /)).toBe(4 + 3); // and three legend swatches
    expect(count(markup, /data-qualifier="EXACT"/)).toBe(2);
    expect(count(markup, /figure-chart__bar--lower-bound" data-qualifier/)).toBe(2);
    expect(count(markup, /figure-chart__bar--tone-2 figure-chart__bar--lower-bound" data-qualifier="MORE_THAN"/)).toBe(1);
    for (const label of [">100", "14", "≥60", "52", "May 2025", "Jun 2025", "Sep 11, 2025", "Released", "Arrested", props.lowerBoundLegend]) {
      expect(markup).toContain(`>${escapeHtml(label)}<`);
    }
    expectSaneMarkup(markup);
  });

  it("makes a taller bar for a larger value, from the same baseline", () => {
    const markup = renderToStaticMarkup(createElement(FigureBarChart, props));
    const bars = [...markup.matchAll(/data-qualifier="[A-Z_]+" x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/g)].map(
      (match) => ({ y: Number(match[1]), height: Number(match[2]) }),
    );
    expect(bars).toHaveLength(4);
    const [arrestedMay, releasedJune] = bars as [{ y: number; height: number }, { y: number; height: number }];
    expect(arrestedMay.height).toBeGreaterThan(releasedJune.height * 5);
    expect(arrestedMay.y + arrestedMay.height).toBeCloseTo(releasedJune.y + releasedJune.height, 5);
  });

  it("copes with no groups, empty groups, zero and huge values", () => {
    const empty = renderToStaticMarkup(createElement(FigureBarChart, { ...props, groups: [], yTicks: [] }));
    expect(empty).toContain("No numbers yet");
    expect(empty).not.toContain("figure-chart__legend");
    expectSaneMarkup(empty);
    const odd = renderToStaticMarkup(
      createElement(FigureBarChart, {
        ...props,
        yTicks: valueTicks(2_147_483_647).map((at) => ({ at, label: String(at) })),
        groups: [
          { key: "none", label: "none", bars: [] },
          { key: "zero", label: "zero", bars: [{ key: "z", series: "RELEASED", value: 0, qualifier: "EXACT", valueLabel: "0", label: "0" }] },
          { key: "huge", label: "huge", bars: [{ key: "h", series: "ARRESTED", value: 2_147_483_647, qualifier: "EXACT", valueLabel: "2147483647", label: "h" }] },
        ],
      }),
    );
    expect(count(odd, /class="figure-chart__point"/)).toBe(2);
    expectSaneMarkup(odd);
  });
});

describe("scales", () => {
  it("gives value ticks from 0 in round steps that cover the largest value", () => {
    expect(valueTicks(1400)).toEqual([0, 500, 1000, 1500]);
    expect(valueTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(valueTicks(0)).toEqual([0, 1]);
    expect(valueTicks(Number.NaN)).toEqual([0, 1]);
    expect(valueTicks(3)).toEqual([0, 1, 2, 3]);
    const huge = valueTicks(2_147_483_647);
    expect(huge[0]).toBe(0);
    expect(huge[huge.length - 1]).toBeGreaterThanOrEqual(2_147_483_647);
    expect(huge.length).toBeLessThanOrEqual(6);
  });

  it("places month and year figures in the middle of their period", () => {
    expect(new Date(periodMidpoint("2025-09-18", "DAY")).toISOString()).toBe("2025-09-18T00:00:00.000Z");
    expect(new Date(periodMidpoint("2025-09-01", "MONTH")).toISOString()).toBe("2025-09-16T00:00:00.000Z");
    expect(new Date(periodMidpoint("2024-01-01", "YEAR")).toISOString()).toBe("2024-07-02T00:00:00.000Z");
    expect(Number.isNaN(periodMidpoint("not a date", "DAY"))).toBe(true);
  });

  it("gives at most six time ticks at month or year starts, covering the range", () => {
    const ticks = timeTicks(periodMidpoint("2024-01-01", "YEAR"), day("2025-09-18"));
    expect(ticks.map((tick) => tick.iso)).toEqual(["2024-07-01", "2024-10-01", "2025-01-01", "2025-04-01", "2025-07-01", "2025-10-01"]);
    expect(ticks.every((tick) => tick.precision === "MONTH")).toBe(true);
    const long = timeTicks(day("1991-08-25"), day("2025-09-18"));
    expect(long.length).toBeLessThanOrEqual(6);
    expect(long.every((tick) => tick.precision === "YEAR" && tick.iso.endsWith("-01-01"))).toBe(true);
    expect(long[0]!.at).toBeLessThanOrEqual(day("1991-08-25"));
    expect(long[long.length - 1]!.at).toBeGreaterThanOrEqual(day("2025-09-18"));
    // One date still gets an axis of two ticks around it.
    expect(timeTicks(day("2025-09-18"), day("2025-09-18")).map((tick) => tick.iso)).toEqual(["2025-09-01", "2025-10-01"]);
    expect(timeTicks(Number.NaN, 0)).toEqual([]);
  });
});
