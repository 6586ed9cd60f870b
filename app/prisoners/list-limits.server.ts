// How much of the list any one public page or file holds, so that none grows with the whole
// data set (issue 15: thousands of profiles). Fixed in production; tests with a few hundred
// generated people make them smaller with configureListLimits() to see several pages and files.

export interface ListLimits {
  /** People per directory page. */
  directoryPageSize: number;
  /** People in each of the home page's selections. */
  homeSelection: number;
  /** The home page's "birthdays soon": today and this many days ahead. */
  homeBirthdayDays: number;
  /** The birthday calendar feed: birthdays from today to this many days ahead. */
  birthdayFeedDays: number;
  /** URLs in one sitemap file; the protocol allows 50,000 and 50 MB, search engines 10 MB in practice. */
  sitemapUrlsPerFile: number;
}

export const DEFAULT_LIST_LIMITS: ListLimits = {
  directoryPageSize: 50,
  homeSelection: 12,
  homeBirthdayDays: 7,
  birthdayFeedDays: 60,
  // Each URL carries its six language alternates (~0.7 KB): 6,000 URLs are ~4 MB.
  sitemapUrlsPerFile: 6_000,
};

const KEY = Symbol.for("listy.listLimits");
type GlobalWithLimits = typeof globalThis & { [KEY]?: ListLimits };

export function listLimits(): ListLimits {
  return (globalThis as GlobalWithLimits)[KEY] ?? DEFAULT_LIST_LIMITS;
}

/** Replaces some limits (tests); returns the previous ones so a test can restore them. */
export function configureListLimits(limits: Partial<ListLimits>): ListLimits {
  const global = globalThis as GlobalWithLimits;
  const previous = listLimits();
  global[KEY] = { ...previous, ...limits };
  return previous;
}
