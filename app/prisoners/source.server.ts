import type { DatePrecision, FigureMetric, FigureQualifier, Source } from "@prisma/client";

import { cachedUntilContentChanges } from "~/utils/content-revision.server";
import { getPrisma } from "~/utils/database.server";

export interface SourceSummary {
  publication: string;
  title: string | null;
  url: string | null;
  publishedOn: string;
  datePrecision: DatePrecision;
}

export function toSourceSummary(source: Source): SourceSummary {
  return {
    publication: source.publication,
    title: source.title,
    // Only http(s) links are ever rendered as links.
    url: source.url && /^https?:\/\//.test(source.url) ? source.url : null,
    publishedOn: source.publishedOn.toISOString().slice(0, 10),
    datePrecision: source.datePrecision,
  };
}

export interface ReportedFigureView {
  metric: FigureMetric;
  value: number;
  qualifier: FigureQualifier;
  countedBy: string | null;
  observedOn: string;
  observedPrecision: DatePrecision;
  source: SourceSummary;
}

/**
 * The newest count of political prisoners: the one from the most recently published
 * report, and within it the latest observation.
 */
export const findLatestPrisonerCount = cachedUntilContentChanges(readLatestPrisonerCount, { countersShown: false });

async function readLatestPrisonerCount(): Promise<ReportedFigureView | null> {
  const row = await getPrisma().reportedFigure.findFirst({
    where: { metric: "POLITICAL_PRISONERS" },
    orderBy: [{ source: { publishedOn: "desc" } }, { observedOn: "desc" }],
    include: { source: true },
  });
  if (!row) return null;
  return {
    metric: row.metric,
    value: row.value,
    qualifier: row.qualifier,
    countedBy: row.countedBy,
    observedOn: row.observedOn.toISOString().slice(0, 10),
    observedPrecision: row.observedPrecision,
    source: toSourceSummary(row.source),
  };
}
