import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import {
  FigureBarChart,
  FigureTimeChart,
  knownOrderLinks,
  periodMidpoint,
  periodRange,
  timeTicks,
  valueTicks,
  type BarChartProps,
  type ChartPrecision,
  type ChartQualifier,
  type TimeChartProps,
  type TimePoint,
} from "~/components/figure-chart";

const legend = { exact: "Exact number", atLeast: "At least: a lower bound", moreThan: "More than: a lower bound" };
const precisionLegend = { month: "Date known only to the month", year: "Date known only to the year" };

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
      precisionLegend,
      emptyText: "No numbers yet",
      ...overrides,
    }),
  );
}

const day = (iso: string) => Date.parse(`${iso}T00:00:00.000Z`);
const point = (key: string, iso: string, value: number, qualifier: ChartQualifier = "EXACT", precision: ChartPrecision = "DAY"): TimePoint => ({
  key,
  time: periodMidpoint(iso, precision),
  precision,
  range: periodRange(iso, precision),
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

  describe("dates known only to the month or the year", () => {
    /** Each straight segment of the line, as [from, to] coordinates. */
    function segments(markup: string): [string, string][] {
      const d = /<path class="figure-chart__line" d="([^"]*)"/.exec(markup)?.[1] ?? "";
      const result: [string, string][] = [];
      let last = "";
      for (const [, command, where] of d.matchAll(/([ML])([-\d.]+,[-\d.]+)/g)) {
        if (command === "L") result.push([last, where!]);
        last = where!;
      }
      return result;
    }
    /** Where each point's marker sits, by its tooltip: a circle's centre, or a triangle's (its apex is 6.5 above). */
    function markerAt(markup: string, label: string): string {
      const marker = new RegExp(`<title>${label}</title>(?:<path class="figure-chart__range"[^>]*></path>)?<(circle|polygon) ([^>]*)>`).exec(markup);
      expect(marker, `the marker of ${label}`).not.toBeNull();
      const attributes = marker![2]!;
      if (marker![1] === "circle") return `${/cx="([\d.]+)"/.exec(attributes)![1]},${/cy="([\d.]+)"/.exec(attributes)![1]}`;
      const [apexX, apexY] = /points="([\d.]+),([\d.]+)/.exec(attributes)!.slice(1).map(Number) as [number, number];
      return `${apexX},${Math.round((apexY + 6.5) * 100) / 100}`;
    }
    const joined = (markup: string, a: string, b: string) =>
      segments(markup).some(([from, to]) => (from === markerAt(markup, a) && to === markerAt(markup, b)) || (from === markerAt(markup, b) && to === markerAt(markup, a)));

    // The Guardian's 1,168 is dated September 2025; IPS's 1,184 is dated 18 September.
    const guardian = point("guardian", "2025-09-01", 1168, "EXACT", "MONTH");
    const ips = point("ips", "2025-09-18", 1184);
    const july = point("july", "2025-07-01", 1174, "EXACT", "MONTH");
    const essay = point("essay", "2024-01-01", 1400, "MORE_THAN", "YEAR");

    it("does not join September 2025 to 18 September 2025: which came first is not known", () => {
      const markup = image(timeChart([essay, july, ips, guardian]));
      expect(joined(markup, "guardian: 1168", "ips: 1184")).toBe(false);
      // The two points whose order is known are joined: 2024, then July 2025, then each September figure.
      expect(joined(markup, "essay: 1400", "july: 1174")).toBe(true);
      expect(joined(markup, "july: 1174", "guardian: 1168")).toBe(true);
      expect(joined(markup, "july: 1174", "ips: 1184")).toBe(true);
      expect(segments(markup)).toHaveLength(3);
      expect(count(markup, /<path class="figure-chart__line"/)).toBe(1);
      expectSaneMarkup(markup);
    });

    it("draws a month's figure as a bar across the whole month, its marker in the middle", () => {
      const markup = image(timeChart([guardian, ips]));
      expect(count(markup, /<path class="figure-chart__range"/)).toBe(1);
      expect(markup).toMatch(/<g class="figure-chart__point" data-precision="MONTH"><title>guardian: 1168<\/title><path class="figure-chart__range"/);
      expect(markup).toMatch(/<g class="figure-chart__point" data-precision="DAY"><title>ips: 1184<\/title><circle/);
      const bar = /<path class="figure-chart__range" d="M([\d.]+),([\d.]+) H([\d.]+) /.exec(markup);
      const [start, barY, end] = [Number(bar?.[1]), Number(bar?.[2]), Number(bar?.[3])];
      const [markerX, markerY] = markerAt(markup, "guardian: 1168").split(",").map(Number) as [number, number];
      expect(markerY).toBe(barY);
      expect(markerX).toBeCloseTo((start + end) / 2, 0);
      // The day of 18 September lies inside the bar: drawn so, no order is suggested.
      const [ipsX] = markerAt(markup, "ips: 1184").split(",").map(Number) as [number];
      expect(ipsX).toBeGreaterThan(start);
      expect(ipsX).toBeLessThan(end);
      // Two figures, no order known between them: no line at all.
      expect(markup).not.toContain("figure-chart__line");
    });

    it("joins a month's figure to a day after the month has ended, and a day before it began", () => {
      const before = point("before", "2025-08-31", 1150);
      const after = point("after", "2025-10-01", 1190);
      const markup = image(timeChart([before, guardian, after]));
      expect(joined(markup, "before: 1150", "guardian: 1168")).toBe(true);
      expect(joined(markup, "guardian: 1168", "after: 1190")).toBe(true);
      // The day before and the day after are in a known order too, but the month lies between them.
      expect(joined(markup, "before: 1150", "after: 1190")).toBe(false);
    });

    it("keeps the line between days on either side of a month's figure that overlaps them", () => {
      const markup = image(timeChart([point("tenth", "2025-09-10", 1170), guardian, point("25th", "2025-09-25", 1180)]));
      expect(joined(markup, "tenth: 1170", "25th: 1180")).toBe(true);
      expect(joined(markup, "tenth: 1170", "guardian: 1168")).toBe(false);
      expect(joined(markup, "guardian: 1168", "25th: 1180")).toBe(false);
    });

    it("joins figures of days as before, in one continuous line", () => {
      const markup = image(timeChart([point("a", "2025-01-01", 10), point("c", "2025-03-01", 30), point("b", "2025-02-01", 20)]));
      expect(/<path class="figure-chart__line" d="M[\d.]+,[\d.]+ L[\d.]+,[\d.]+ L[\d.]+,[\d.]+"/.test(markup)).toBe(true);
      expect(joined(markup, "a: 10", "b: 20")).toBe(true);
      expect(joined(markup, "b: 20", "c: 30")).toBe(true);
      expect(markup).not.toContain("figure-chart__range");
    });

    it("explains the bars in the legend only when it draws them", () => {
      const both = timeChart([essay, guardian, ips]);
      expect(both).toContain(`</svg>${precisionLegend.month}</li>`);
      expect(both).toContain(`</svg>${precisionLegend.year}</li>`);
      const monthOnly = timeChart([guardian, ips]);
      expect(monthOnly).toContain(precisionLegend.month);
      expect(monthOnly).not.toContain(precisionLegend.year);
      const daysOnly = timeChart([ips, point("later", "2025-10-01", 1190)]);
      expect(daysOnly).not.toContain(precisionLegend.month);
      expect(daysOnly).not.toContain(precisionLegend.year);
    });
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

  it("gives the whole day, month or year a date stands for", () => {
    const iso = (time: number) => new Date(time).toISOString();
    const september = periodRange("2025-09-01", "MONTH");
    expect([iso(september.start), iso(september.end)]).toEqual(["2025-09-01T00:00:00.000Z", "2025-10-01T00:00:00.000Z"]);
    const year = periodRange("2024-01-01", "YEAR");
    expect([iso(year.start), iso(year.end)]).toEqual(["2024-01-01T00:00:00.000Z", "2025-01-01T00:00:00.000Z"]);
    const december = periodRange("2025-12-01", "MONTH");
    expect(iso(december.end)).toBe("2026-01-01T00:00:00.000Z");
    const eighteenth = periodRange("2025-09-18", "DAY");
    expect([iso(eighteenth.start), iso(eighteenth.end)]).toEqual(["2025-09-18T00:00:00.000Z", "2025-09-19T00:00:00.000Z"]);
    expect(Number.isNaN(periodRange("not a date", "MONTH").start)).toBe(true);
  });

  it("links only figures whose order is known, and only to the nearest ones", () => {
    const span = (iso: string, precision: ChartPrecision) => periodRange(iso, precision);
    // 2024; July 2025; September 2025; 18 September 2025.
    const spans = [span("2024-01-01", "YEAR"), span("2025-07-01", "MONTH"), span("2025-09-01", "MONTH"), span("2025-09-18", "DAY")];
    expect(knownOrderLinks(spans)).toEqual([
      [0, 1],
      [1, 2],
      [1, 3],
    ]);
    // Days in a row make a chain; two figures of the same day are not ordered.
    expect(knownOrderLinks([span("2025-01-01", "DAY"), span("2025-01-02", "DAY"), span("2025-01-03", "DAY")])).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(knownOrderLinks([span("2025-01-01", "DAY"), span("2025-01-01", "DAY")])).toEqual([]);
    expect(knownOrderLinks([])).toEqual([]);
  });

  it("links exactly the nearest known-order pairs among many mixed days, months and years", () => {
    // The definition, pair by pair: a before b for certain, and no c certainly between them.
    let seed = 13;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const precisions: ChartPrecision[] = ["DAY", "DAY", "DAY", "MONTH", "YEAR"];
    const spans = Array.from({ length: 120 }, () => {
      const iso = new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 1000) * 86_400_000).toISOString().slice(0, 10);
      return periodRange(iso, precisions[Math.floor(random() * precisions.length)]!);
    });
    const before = (a: number, b: number) => spans[a]!.end <= spans[b]!.start;
    const expected = new Set<string>();
    for (let a = 0; a < spans.length; a++)
      for (let b = 0; b < spans.length; b++)
        if (before(a, b) && !spans.some((_, c) => before(a, c) && before(c, b))) expected.add(`${a}>${b}`);
    const links = knownOrderLinks(spans).map(([a, b]) => `${a}>${b}`);
    expect(new Set(links)).toEqual(expected);
    expect(links).toHaveLength(expected.size);
    expect(expected.size).toBeGreaterThan(50);
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
