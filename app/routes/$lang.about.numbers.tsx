import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { loadNumbersPage } from "~/campaigns/figures-page.server";
import type { ReportedFigureRow } from "~/campaigns/figures.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FigureBarChart, FigureTimeChart, type ChartQualifier } from "~/components/figure-chart";
import { organisationName } from "~/components/organisation-name";
import { ScrollTable } from "~/components/scroll-table";
import { SourceCitation } from "~/prisoners/source-citation";
import type { loader as rootLoader } from "~/root";
import styles from "~/styles/numbers.css";
import { errorPageMeta, originFrom, pageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";

export const handle = { i18n: ["numbers"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ params }: LoaderFunctionArgs) {
  return loadNumbersPage(requireLanguage(params));
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches, location, error }) => {
  if (!data) return errorPageMeta(matches, error);
  return pageMeta({ ...data.meta, origin: originFrom(matches), pathname: location.pathname });
};

type Row = ReportedFigureRow & { displayValue: string; displayDate: string; time: number };
type Translate = ReturnType<typeof useTranslation>["t"];

/** "more than 1,400 people", with the plural form the number needs. */
function valueInWords(t: Translate, row: Pick<Row, "value" | "qualifier" | "displayValue">) {
  const options = { count: row.value, number: row.displayValue };
  if (row.qualifier === "AT_LEAST") return t("numbers:value.at-least", options);
  if (row.qualifier === "MORE_THAN") return t("numbers:value.more-than", options);
  return t("numbers:value.exact", options);
}

function shortValue(t: Translate, qualifier: ChartQualifier, number: string) {
  if (qualifier === "AT_LEAST") return t("numbers:chart.short-at-least", { number });
  if (qualifier === "MORE_THAN") return t("numbers:chart.short-more-than", { number });
  return number;
}

function chartDescription(t: Translate, kind: "prisoners" | "flows", range: { from: string | null; to: string | null }) {
  if (!range.from || !range.to) return t("numbers:chart.desc-empty");
  if (kind === "prisoners") {
    return range.from === range.to
      ? t("numbers:chart.prisoners-desc-one-date", { date: range.from })
      : t("numbers:chart.prisoners-desc", { from: range.from, to: range.to });
  }
  return range.from === range.to
    ? t("numbers:chart.flows-desc-one-date", { date: range.from })
    : t("numbers:chart.flows-desc", { from: range.from, to: range.to });
}

export default function NumbersPage() {
  const { rows, prisonerChart, flowChart } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const metricLabels = {
    POLITICAL_PRISONERS: t("numbers:metric.political-prisoners"),
    RELEASED: t("numbers:metric.released"),
    ARRESTED: t("numbers:metric.arrested"),
    DIED_IN_CUSTODY: t("numbers:metric.died-in-custody"),
    JOURNALISTS_IMPRISONED: t("numbers:metric.journalists-imprisoned"),
  };
  const byId = new Map(rows.map((row) => [row.id, row]));
  const pick = (ids: string[]) => ids.map((id) => byId.get(id)).filter((row): row is (typeof rows)[number] => Boolean(row));
  const pointLabel = (row: (typeof rows)[number]) =>
    t("numbers:chart.point", { metric: metricLabels[row.metric], value: valueInWords(t, row), date: row.displayDate });

  return (
    <article className="numbers" aria-labelledby="numbers-title">
      <h1 id="numbers-title">{t("numbers:page.title")}</h1>
      <p className="numbers__lead">{t("numbers:page.lead")}</p>

      <section aria-labelledby="prisoners-chart-heading">
        <h2 id="prisoners-chart-heading">{t("numbers:chart.prisoners-heading")}</h2>
        <FigureTimeChart
          id="chart-prisoners"
          title={t("numbers:chart.prisoners-title")}
          description={chartDescription(t, "prisoners", prisonerChart)}
          points={pick(prisonerChart.ids).map((row) => ({
            key: row.id,
            time: row.time,
            precision: row.observedPrecision,
            range: row.range,
            value: row.value,
            qualifier: row.qualifier,
            label: pointLabel(row),
          }))}
          xTicks={prisonerChart.xTicks}
          yTicks={prisonerChart.yTicks}
          legend={{
            exact: t("numbers:chart.legend-exact"),
            atLeast: t("numbers:chart.legend-at-least"),
            moreThan: t("numbers:chart.legend-more-than"),
          }}
          precisionLegend={{ month: t("numbers:chart.legend-month"), year: t("numbers:chart.legend-year") }}
          emptyText={t("numbers:chart.empty")}
        />
        <p className="numbers__note">{t("numbers:chart.placement-note")}</p>
      </section>

      <section aria-labelledby="flows-chart-heading">
        <h2 id="flows-chart-heading">{t("numbers:chart.flows-heading")}</h2>
        <FigureBarChart
          id="chart-flows"
          title={t("numbers:chart.flows-title")}
          description={chartDescription(t, "flows", flowChart)}
          groups={flowChart.periods.map((period) => ({
            key: period.key,
            label: period.label,
            secondLine: period.secondLine,
            bars: pick(period.ids).map((row) => ({
              key: row.id,
              series: row.metric,
              value: row.value,
              qualifier: row.qualifier,
              valueLabel: shortValue(t, row.qualifier, row.displayValue),
              label: pointLabel(row),
            })),
          }))}
          series={[
            { key: "RELEASED", label: metricLabels.RELEASED, tone: 1 },
            { key: "ARRESTED", label: metricLabels.ARRESTED, tone: 2 },
          ]}
          yTicks={flowChart.yTicks}
          lowerBoundLegend={t("numbers:chart.legend-lower-bound")}
          emptyText={t("numbers:chart.empty")}
        />
        <p className="numbers__note">{t("numbers:chart.periods-note")}</p>
      </section>

      <section aria-labelledby="explain-heading">
        <h2 id="explain-heading">{t("numbers:explain.heading")}</h2>
        <p>{t("numbers:explain.counters")}</p>
        <p>{t("numbers:explain.recognised")}</p>
        <p>{t("numbers:explain.bounds")}</p>
        <p>{t("numbers:explain.listy")}</p>
      </section>

      <section aria-labelledby="table-heading">
        <h2 id="table-heading">{t("numbers:table.heading")}</h2>
        {rows.length === 0 ? (
          <p>{t("numbers:table.empty")}</p>
        ) : (
          // Focusable so that keyboard users can scroll the table sideways on narrow screens.
          <ScrollTable className="numbers-table" captionId="numbers-table-caption">
            <table>
              <caption id="numbers-table-caption">{t("numbers:table.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("numbers:table.metric")}</th>
                  <th scope="col">{t("numbers:table.value")}</th>
                  <th scope="col">{t("numbers:table.as-of")}</th>
                  <th scope="col">{t("numbers:table.counted-by")}</th>
                  <th scope="col">{t("numbers:table.source")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">{metricLabels[row.metric]}</th>
                    <td className="numbers-table__value">{valueInWords(t, row)}</td>
                    <td>{row.displayDate}</td>
                    <td>{row.countedBy ? organisationName(t, row.countedBy) : <span className="numbers-table__unknown">{t("numbers:table.not-stated")}</span>}</td>
                    <td>
                      <SourceCitation source={row.source} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
