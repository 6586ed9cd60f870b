// Which page numbers a numbered pagination shows: the first and the last, the current page
// with a few neighbours, and gaps ("…") for what lies between. Browser-safe and pure.

/** A page number to link to, or a gap standing for two or more pages not shown. */
export type PageWindowItem = number | "gap";

/**
 * The items of a pagination for `page` of `pageCount`, `neighbours` on each side of the
 * current page. A gap never hides a single page: that page is shown instead, so the list has
 * the same length on every page and no "…" stands for just one number.
 */
export function pageWindow(page: number, pageCount: number, neighbours = 2): PageWindowItem[] {
  const last = Math.max(1, Math.floor(pageCount));
  const current = Math.min(last, Math.max(1, Math.floor(page) || 1));
  const from = Math.max(1, current - neighbours);
  const to = Math.min(last, current + neighbours);
  const items: PageWindowItem[] = [];
  if (from > 1) {
    items.push(1);
    if (from === 3) items.push(2);
    else if (from > 3) items.push("gap");
  }
  for (let number = from; number <= to; number++) items.push(number);
  if (to < last) {
    if (to === last - 2) items.push(last - 1);
    else if (to < last - 2) items.push("gap");
    items.push(last);
  }
  return items;
}
