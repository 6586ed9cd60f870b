// The directory page's view-model: one page of people for the query in the address, with the
// filters' choices, every number and birthday formatted for the page's language.
import type { Language } from "~/i18n";
import { formatNumber } from "~/utils/format";
import { getFixedT } from "~/utils/i18next.server";

import { findDirectoryPage, formatBirthday, monthNames, parseDirectoryQuery, PRISONER_STATUSES, QUERY_MAX_LENGTH } from "./directory.server";

export async function loadDirectoryPage(language: Language, url: URL) {
  // Anything malformed in the address is corrected here, never an error.
  const query = parseDirectoryQuery(url.searchParams);
  const [t, { facilities, result }] = await Promise.all([getFixedT(language, ["directory", "reach"]), findDirectoryPage(query, language)]);
  return {
    language,
    query: { ...query, facility: result.facility, page: result.page },
    sort: result.sort,
    total: result.total,
    totalDisplay: formatNumber(result.total, language),
    page: result.page,
    pageCount: result.pageCount,
    pageDisplay: formatNumber(result.page, language),
    pageCountDisplay: formatNumber(result.pageCount, language),
    items: result.items.map((item) => ({
      ...item,
      lettersDisplay: formatNumber(item.lettersLastDays, language),
      birthdayDisplay: item.birthDate ? formatBirthday(item.birthDate, language) : null,
    })),
    facilities: facilities.map((facility) => ({ slug: facility.slug, name: facility.name?.text ?? facility.slug })),
    months: monthNames(language),
    // Sent as data: values imported from a .server module do not exist in the browser.
    statuses: [...PRISONER_STATUSES],
    queryMaxLength: QUERY_MAX_LENGTH,
    meta: { title: t("directory:meta.title"), description: t("directory:meta.description") },
    newsFeed: { href: `/${language}/news.atom`, title: t("reach:news.link-title") },
  };
}
