/** What every public slug (prisoners, campaigns, officials) looks like: lower-case words of letters and digits joined by hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+){0,7}$/;
