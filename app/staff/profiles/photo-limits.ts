// The photo upload's size caps, browser-safe: the profile code and the HTTP layer's body limit
// both read them.

export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
/** The profile editor's whole multipart POST: the largest photo and the text fields beside it. */
export const PROFILE_FORM_MAX_BYTES = PHOTO_MAX_BYTES + 512 * 1024;
