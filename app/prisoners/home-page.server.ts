// The home page's view-model: a bounded selection (people waiting for a letter, birthdays of
// the coming days), how many people the directory holds in each status, and the latest count
// of political prisoners with its source, formatted for the page's language. Nothing on it
// grows with the list: the directory pages through everyone.
import type { Language } from "~/i18n";
import { cachedUntilContentChanges } from "~/utils/content-revision.server";
import { formatDate, formatNumber, formatPersonName, withDisplayDate } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";

import { listKnownBirthdays, todayInMinsk, upcomingBirthdays } from "./birthdays.server";
import { countByStatus, listDirectory, PRISONER_STATUSES, type DirectoryQuery } from "./directory.server";
import { listLimits } from "./list-limits.server";
import { findLatestPrisonerCount } from "./source.server";

const EVERYONE: DirectoryQuery = { q: "", status: null, facility: null, month: null, canReceiveLetters: false, sort: "needs-letters", page: 1 };

/**
 * People in prison whom letters reach now (a fresh report), fewest letters in the last 30
 * days first: the directory's default order. Without any fresh report, everyone in custody.
 */
const findWaitingForLetters = cachedUntilContentChanges(async (language: Language, size: number) => {
  const reachable = await listDirectory({ ...EVERYONE, canReceiveLetters: true }, language, { pageSize: size });
  if (reachable.total > 0) return reachable.items;
  return (await listDirectory({ ...EVERYONE, status: "IN_CUSTODY" }, language, { pageSize: size })).items;
});

export async function loadHomePage(language: Language) {
  const limits = listLimits();
  const [t, waiting, knownBirthdays, counts, latestCount] = await Promise.all([
    getFixedT(language, "home"),
    findWaitingForLetters(language, limits.homeSelection),
    listKnownBirthdays(language),
    countByStatus(),
    findLatestPrisonerCount(),
  ]);
  const relative = new Intl.RelativeTimeFormat(language, { numeric: "auto" });
  const birthdays = upcomingBirthdays(knownBirthdays, { today: todayInMinsk(), language, days: limits.homeBirthdayDays });
  return {
    language,
    waiting: waiting.map(({ slug, names, status, statusReport, letterStatus, letterStatusReport, letterStatusToActOn, summary }) => ({
      slug,
      names,
      status,
      statusReport,
      letterStatus,
      letterStatusReport,
      letterStatusToActOn,
      summary,
    })),
    birthdayDays: limits.homeBirthdayDays,
    birthdays: birthdays.slice(0, limits.homeSelection).map((person) => ({
      slug: person.slug,
      name: formatPersonName(person.name),
      displayDate: formatDate(person.date, "DAY", language),
      displayWhen: relative.format(person.daysUntil, "day"),
    })),
    moreBirthdays: birthdays.length > limits.homeSelection,
    total: counts.total,
    totalDisplay: formatNumber(counts.total, language),
    statuses: PRISONER_STATUSES.filter((status) => counts.byStatus[status] > 0).map((status) => ({
      status,
      count: counts.byStatus[status],
      countDisplay: formatNumber(counts.byStatus[status], language),
    })),
    latestCount: latestCount && {
      ...latestCount,
      displayValue: formatNumber(latestCount.value, language),
      displayObservedOn: formatDate(latestCount.observedOn, latestCount.observedPrecision, language),
      source: withDisplayDate(latestCount.source, language),
    },
    meta: { title: t("home:meta.title"), description: t("home:meta.description") },
  };
}
