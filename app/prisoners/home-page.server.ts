// The home page's view-model: the people listed, and the latest count of political prisoners
// with its source, formatted for the page's language.
import type { Language } from "~/i18n";
import { formatDate, formatNumber, withDisplayDate } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";

import { listPrisoners } from "./prisoner.server";
import { findLatestPrisonerCount } from "./source.server";

export async function loadHomePage(language: Language) {
  const [t, prisoners, latestCount] = await Promise.all([
    getFixedT(language, "home"),
    listPrisoners(language),
    findLatestPrisonerCount(),
  ]);
  return {
    language,
    prisoners,
    latestCount: latestCount && {
      ...latestCount,
      displayValue: formatNumber(latestCount.value, language),
      displayObservedOn: formatDate(latestCount.observedOn, latestCount.observedPrecision, language),
      source: withDisplayDate(latestCount.source, language),
    },
    meta: { title: t("home:meta.title"), description: t("home:meta.description") },
  };
}
