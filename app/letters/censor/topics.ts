// The censor check's topics, most serious first: when passages overlap, the merged flag takes
// the most serious topic. Each topic has a "why" and an "instead" text in locales/*/letters.json.

export const censorCategories = [
  "names",
  "hidden-messages",
  "charges",
  "case-and-court",
  "prison-conditions",
  "extremist-organisations",
  "symbols-and-slogans",
  "war",
  "protest",
  "politics",
  "release-and-pardon",
  "freedom-and-struggle",
  "foreign-words",
] as const;

export type CensorCategory = (typeof censorCategories)[number];

/** The topics whose words live in the lexicon files (names and foreign words have their own rules). */
export type LexiconTopic = Exclude<CensorCategory, "names" | "foreign-words">;

export const lexiconTopics: readonly LexiconTopic[] = censorCategories.filter(
  (category): category is LexiconTopic => category !== "names" && category !== "foreign-words",
);

// Literal keys, so that the translation check finds every one of them in code.
export const censorExplanationKeys: Record<CensorCategory, string> = {
  names: "letters:censor.names.why",
  "hidden-messages": "letters:censor.hidden-messages.why",
  charges: "letters:censor.charges.why",
  "case-and-court": "letters:censor.case-and-court.why",
  "prison-conditions": "letters:censor.prison-conditions.why",
  "extremist-organisations": "letters:censor.extremist-organisations.why",
  "symbols-and-slogans": "letters:censor.symbols-and-slogans.why",
  war: "letters:censor.war.why",
  protest: "letters:censor.protest.why",
  politics: "letters:censor.politics.why",
  "release-and-pardon": "letters:censor.release-and-pardon.why",
  "freedom-and-struggle": "letters:censor.freedom-and-struggle.why",
  "foreign-words": "letters:censor.foreign-words.why",
};

export const censorSuggestionKeys: Record<CensorCategory, string> = {
  names: "letters:censor.names.instead",
  "hidden-messages": "letters:censor.hidden-messages.instead",
  charges: "letters:censor.charges.instead",
  "case-and-court": "letters:censor.case-and-court.instead",
  "prison-conditions": "letters:censor.prison-conditions.instead",
  "extremist-organisations": "letters:censor.extremist-organisations.instead",
  "symbols-and-slogans": "letters:censor.symbols-and-slogans.instead",
  war: "letters:censor.war.instead",
  protest: "letters:censor.protest.instead",
  politics: "letters:censor.politics.instead",
  "release-and-pardon": "letters:censor.release-and-pardon.instead",
  "freedom-and-struggle": "letters:censor.freedom-and-struggle.instead",
  "foreign-words": "letters:censor.foreign-words.instead",
};
