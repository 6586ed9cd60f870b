// Limits and choices the builder page shows and the server enforces: one module, shared by
// both, so the numbers on the page are the numbers that are checked.

/** A printed A4 page holds about 2,500 characters; a little more than a page is allowed. */
export const FREE_TEXT_MAX_CHARS = 3_000;
export const RETURN_ADDRESS_MAX_CHARS = 300;
export const RETURN_ADDRESS_MAX_LINES = 6;
/** The signature is a first name only («С теплом, Аня»); this is room for a double name, not a surname. */
export const SIGNATURE_MAX_CHARS = 40;

export const letterIntents = ["preview", "download", "bank", "mailroom"] as const;
export type LetterIntent = (typeof letterIntents)[number];

/** What the builder does with a finished letter, decided by the person's letter status. */
export type LetterRouteChoice =
  /** Print and post it yourself (or ask the mailroom); the letter can arrive. */
  | "print"
  /** Print and post it, knowing nobody has confirmed that letters arrive now. */
  | "print-uncertain"
  /** Keep it in the letter bank until the person can read it. */
  | "letter-bank"
  /** No letter: the person is free, in exile or has died. */
  | "none";

/** Which finishing buttons each route offers. */
export const INTENTS_FOR_ROUTE: Record<LetterRouteChoice, readonly LetterIntent[]> = {
  print: ["download", "mailroom"],
  "print-uncertain": ["download"],
  "letter-bank": ["bank"],
  none: [],
};
