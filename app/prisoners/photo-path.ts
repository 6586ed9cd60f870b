/** The public address of a prisoner's photo: it changes whenever the photo does, so it can be cached for a year. */
export const photoPath = (prisonerId: string, sha256: string) => `/photos/${prisonerId}-${sha256.slice(0, 16)}.jpg`;
