// Limits of the "Review drafts" form, shared by the page and the server.

/** At most this many profiles in one form post (a page holds 100). */
export const MAX_BATCH = 1000;
/** The longest reason a returned draft may carry. */
export const RETURN_REASON_MAX = 500;
