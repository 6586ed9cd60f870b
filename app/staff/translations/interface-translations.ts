// What the translation workspace's file page filters on, browser-safe (the page's tabs use it),
// and the upload's size caps (the HTTP layer's body limit reads them too).

export const MAX_UPLOAD_BYTES = 256 * 1024;
/** The whole multipart POST of an upload: the file and the form's few fields. */
export const UPLOAD_FORM_MAX_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

/** The file page's filters: keys that need work (the default), changes waiting for review, by status, or all of them. */
export const SHOW = ["todo", "review", "missing", "outdated", "invalid", "all"] as const;
export type Show = (typeof SHOW)[number];

/** A requested filter, or the default. */
export function showOf(value: string | null | undefined): Show {
  return (SHOW as readonly string[]).includes(value ?? "") ? (value as Show) : "todo";
}
