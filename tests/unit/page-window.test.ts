import { describe, expect, it } from "vitest";

import { pageWindow } from "~/components/page-window";

describe("pageWindow", () => {
  it("lists every page when there are few", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(3, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageWindow(1, 7)).toEqual([1, 2, 3, "gap", 7]);
  });

  it("shows the first and last page, the neighbours and gaps in the middle of a long list", () => {
    expect(pageWindow(25, 50)).toEqual([1, "gap", 23, 24, 25, 26, 27, "gap", 50]);
  });

  it("shows the page a gap would hide alone instead of a gap", () => {
    expect(pageWindow(5, 50)).toEqual([1, 2, 3, 4, 5, 6, 7, "gap", 50]);
    expect(pageWindow(46, 50)).toEqual([1, "gap", 44, 45, 46, 47, 48, 49, 50]);
  });

  it("keeps the first and last page at either end", () => {
    expect(pageWindow(1, 50)).toEqual([1, 2, 3, "gap", 50]);
    expect(pageWindow(50, 50)).toEqual([1, "gap", 48, 49, 50]);
  });

  it("clamps a page outside the list to its nearest end", () => {
    expect(pageWindow(0, 50)).toEqual(pageWindow(1, 50));
    expect(pageWindow(-3, 50)).toEqual(pageWindow(1, 50));
    expect(pageWindow(999, 50)).toEqual(pageWindow(50, 50));
    expect(pageWindow(Number.NaN, 4)).toEqual([1, 2, 3, 4]);
    expect(pageWindow(1, 0)).toEqual([1]);
  });

  it("takes the number of neighbours", () => {
    expect(pageWindow(10, 20, 1)).toEqual([1, "gap", 9, 10, 11, "gap", 20]);
  });

  it("never repeats or skips a number, in order, on every page", () => {
    for (let pageCount = 1; pageCount <= 30; pageCount++) {
      for (let page = 1; page <= pageCount; page++) {
        const numbers = pageWindow(page, pageCount).filter((item): item is number => item !== "gap");
        expect(numbers).toContain(page);
        expect(numbers[0]).toBe(1);
        expect(numbers.at(-1)).toBe(pageCount);
        for (let index = 1; index < numbers.length; index++) expect(numbers[index]).toBeGreaterThan(numbers[index - 1]!);
      }
    }
  });
});
