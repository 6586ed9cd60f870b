// What the two letter routes share: the builder page and the PDF endpoint look the person up,
// read and review the draft, and decide what may be done with it, in the same way.
import type { Language } from "~/i18n";
import { parseEnv } from "~/utils/env.server";
import { formatPersonName } from "~/utils/format";
import { requireFound, requireLanguage, requirePublicSlug } from "~/utils/route.server";

import { censorExplanationKeys, censorSuggestionKeys, type PeopleIndex } from "./censor-check";
import { censorPeople } from "./censor-people.server";
import { finishingProblems, readLetterDraft, reviewLetterDraft, type LetterReview } from "./letter-draft.server";
import { INTENTS_FOR_ROUTE, type LetterIntent } from "./letter-options";
import { renderLetterPdf } from "./letter-pdf.server";
import { envelopeWithoutAddress, findLetterRecipient, type LetterRecipientView } from "./letter-recipient.server";
import { holidayName, MAX_PHRASES, renderPhrase, seasonFor, seasonName } from "./letter-text";
import { holidays, phraseSections, phrasesInSection } from "./phrase-bank";
import { vocativeSourceOf } from "./vocative";

export async function requireRecipient(params: { lang?: string; slug?: string }): Promise<{ language: Language; recipient: LetterRecipientView }> {
  const language = requireLanguage(params);
  const slug = requirePublicSlug(params.slug);
  const recipient = requireFound(await findLetterRecipient(slug, language));
  // Loaded here, where the routes already wait, so that reviewing a draft stays synchronous.
  namesIndexFor.set(recipient, await censorPeople());
  return { language, recipient };
}

/** The censor check's names index, as loaded with the recipient. */
const namesIndexFor = new WeakMap<LetterRecipientView, PeopleIndex>();

/** Reads and reviews the posted draft; `intent` overrides the form's own (the PDF endpoint). */
export function reviewPostedDraft(form: FormData, recipient: LetterRecipientView, language: Language, intent?: LetterIntent) {
  const read = readLetterDraft(form, { letterLanguage: recipient.defaultLetterLanguage, gender: recipient.gender });
  if (intent) read.intent = intent;
  const review = reviewLetterDraft(read, recipient, language, new Date(), namesIndexFor.get(recipient));
  const problems = read.intent === "preview" ? [] : finishingProblems(review, read.intent, INTENTS_FOR_ROUTE[recipient.route]);
  return { intent: read.intent, review, problems };
}

export async function letterPdf(review: ReturnType<typeof reviewPostedDraft>["review"], recipient: LetterRecipientView): Promise<Buffer> {
  const returnAddress = review.draft.returnAddress.trim();
  return renderLetterPdf({
    letterText: review.composed.letterText,
    recipient: recipient.envelope ?? envelopeWithoutAddress(recipient),
    sender: returnAddress ? returnAddress.split("\n") : null,
    format: review.draft.envelope,
    language: review.draft.letterLanguage,
    writtenOn: new Date(),
  });
}

let addressLookupUrl: string | null = null;

/** LETTER_ADDRESS_LOOKUP_URL, read once: where the page sends a writer to find a prison's address. */
function letterAddressLookupUrl(): string {
  addressLookupUrl ??= parseEnv().LETTER_ADDRESS_LOOKUP_URL;
  return addressLookupUrl;
}

// ── what the builder page shows ─────────────────────────────────────────────

/** The phrase chooser in the reader's language, the season in Belarus, the holidays. */
export function builderPageData(recipient: LetterRecipientView, language: Language, now: Date = new Date()) {
  return {
    chooser: phraseChooser(recipient, language),
    season: seasonName(seasonFor(now), language),
    maxPhrases: MAX_PHRASES,
    holidays: holidays.map((holiday) => ({ value: holiday, label: holidayName(holiday, language) })),
  };
}

/** What the page may know about the person (serialisable). */
export function publicRecipient(recipient: LetterRecipientView) {
  return {
    slug: recipient.slug,
    name: formatPersonName(recipient.names.display),
    route: recipient.route,
    // The write page says which report the route rests on, and when it is too old to act on.
    letterStatus: recipient.letterStatus,
    letterStatusToActOn: recipient.letterStatusToActOn,
    letterStatusReport: recipient.letterStatusReport,
    gender: recipient.gender,
    defaultLetterLanguage: recipient.defaultLetterLanguage,
    addressKnown: recipient.envelope !== null,
    facilityName: recipient.facilityName,
    envelopeWarnings: recipient.envelopeWarnings,
    addressLookupUrl: recipient.envelope === null ? letterAddressLookupUrl() : null,
  };
}

function phraseChooser(recipient: LetterRecipientView, language: Language) {
  const reader = recipient.names.display;
  const context = {
    firstName: reader.givenName,
    patronymic: reader.patronymic,
    gender: recipient.gender ?? "m",
    season: seasonFor(new Date()),
    holiday: null,
    // Polish and Lithuanian vocatives come from the Cyrillic name (Алесь → Alesiu), as in the letter.
    vocativeSource: vocativeSourceOf(recipient.names),
  };
  return phraseSections.map((section) => {
    // A variant that comes out the same as an earlier one, in the reader's language and in
    // both letter languages (say "name and patronymic" when no patronymic is known), is the
    // same choice twice: it is offered once.
    const seen = new Set<string>();
    const phrases = phrasesInSection(section).flatMap((phrase) => {
      const text = renderPhrase(phrase, language, context);
      const sameness = [text, renderPhrase(phrase, "ru", context), renderPhrase(phrase, "be", context)].join("\u0000");
      if (seen.has(sameness)) return [];
      seen.add(sameness);
      return [{ id: phrase.id, text }];
    });
    return { section, phrases };
  });
}

interface FreeTextSegment {
  text: string;
  flagged: boolean;
}

/** The reviewed draft as the page shows it: flags already mapped to their translation keys. */
export function reviewView(review: LetterReview) {
  const { draft, composed, flags } = review;
  const segments: FreeTextSegment[] = [];
  let position = 0;
  for (const flag of flags) {
    if (flag.start < position) continue;
    if (flag.start > position) segments.push({ text: draft.freeText.slice(position, flag.start), flagged: false });
    segments.push({ text: draft.freeText.slice(flag.start, flag.end), flagged: true });
    position = flag.end;
  }
  if (position < draft.freeText.length) segments.push({ text: draft.freeText.slice(position), flagged: false });
  return {
    draft,
    paragraphs: composed.paragraphs.map((p) => ({ kind: p.kind, letterText: p.letterText, readerText: p.readerText })),
    letterText: composed.letterText,
    patronymicUsed: composed.patronymicUsed,
    flags: flags.map((flag) => ({ match: flag.match, category: flag.category, why: censorExplanationKeys[flag.category], instead: censorSuggestionKeys[flag.category] })),
    checkedAs: review.checkedAs,
    freeTextSegments: segments,
    messages: review.messages,
  };
}

export type LetterReviewView = ReturnType<typeof reviewView>;
