// What the translation workspace's file page filters on, browser-safe (the page's tabs use it).

/** The file page's filters: keys that need work (the default), changes waiting for review, by status, or all of them. */
export const SHOW = ["todo", "review", "missing", "outdated", "invalid", "all"] as const;
export type Show = (typeof SHOW)[number];

/** A requested filter, or the default. */
export function showOf(value: string | null | undefined): Show {
  return (SHOW as readonly string[]).includes(value ?? "") ? (value as Show) : "todo";
}
