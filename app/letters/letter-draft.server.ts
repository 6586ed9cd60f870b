// One use case: read a letter draft from the builder's form, compose it, check it, and say
// what (if anything) stops it from being printed or kept. Never throws on user input: every
// problem is a DraftMessage the page shows next to the field, with the draft kept intact.
import type { Language } from "~/i18n";
import { formFields } from "~/utils/form-fields";

import { checkLetter, type CensorFlag, type LetterLanguage as DraftLanguage, type PeopleIndex } from "./censor-check";
import { FREE_TEXT_MAX_CHARS, letterIntents, RETURN_ADDRESS_MAX_CHARS, RETURN_ADDRESS_MAX_LINES, SIGNATURE_MAX_CHARS, type LetterIntent } from "./letter-options";
import type { EnvelopeFormat } from "./letter-pdf.server";
import type { LetterRecipientView } from "./letter-recipient.server";
import { composeLetter, isHoliday, MAX_PHRASES, type ComposeProblemCode, type ComposeResult } from "./letter-text";
import { phraseById, type Gender, type Holiday, type LetterLanguage } from "./phrase-bank";
import { vocativeSourceOf } from "./vocative";

/** Anything longer than this is cut before any work is done (a paste of a whole book). */
const HARD_INPUT_CAP = 20_000;


export interface LetterDraft {
  phraseIds: string[];
  letterLanguage: LetterLanguage;
  gender: Gender | null;
  holiday: Holiday | null;
  freeText: string;
  /** The writer's first name for the signature line, as typed (kept even when it is refused). */
  signature: string;
  returnAddress: string;
  envelope: EnvelopeFormat;
  acknowledgeRisk: boolean;
  bankConsent: boolean;
}

export type DraftMessageCode =
  | ComposeProblemCode
  | "free-text-too-long"
  | "free-text-markup"
  | "free-text-mixed-script"
  | "control-characters-removed"
  | "input-cut"
  | "return-address-too-long"
  | "return-address-too-many-lines"
  | "signature-too-long"
  | "signature-not-a-name"
  | "signature-latin"
  | "signature-risky"
  | "gender-required"
  | "risk-not-acknowledged"
  | "bank-consent-required"
  | "route-not-available";

export type DraftField = "phrases" | "freeText" | "signature" | "returnAddress" | "gender" | "acknowledgeRisk" | "bankConsent" | "holiday";

export interface DraftMessage {
  code: DraftMessageCode;
  severity: "error" | "warning" | "info";
  field?: DraftField;
  /** Values for the message: limits, counts, the offending words. */
  values?: Record<string, string | number>;
}

export interface LetterReview {
  draft: LetterDraft;
  composed: ComposeResult;
  /** Censor flags on the free text; offsets are into `draft.freeText` as normalised here. */
  flags: CensorFlag[];
  /** The language the free text was checked as (it may be English, Polish… for drafts). */
  checkedAs: DraftLanguage;
  messages: DraftMessage[];
}

// ── reading the form ───────────────────────────────────────────────────────

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2064\uFEFF]/g;

export interface ReadDraftResult {
  draft: LetterDraft;
  intent: LetterIntent;
  /** Problems found while reading: cut input, removed control characters. */
  messages: DraftMessage[];
}

/**
 * Reads the builder's form. Unknown or malformed values fall back to defaults instead of
 * failing: a tampered field must not cost the writer their letter.
 */
export function readLetterDraft(form: FormData | URLSearchParams, defaults: { letterLanguage: LetterLanguage; gender: Gender | null }): ReadDraftResult {
  const fields = formFields(form);
  const messages: DraftMessage[] = [];

  // Read as posted (the body limit bounds it): what is cut or removed is told to the writer.
  const cleanText = (field: "freeText" | "signature" | "returnAddress") => {
    let text = fields.posted(field, HARD_INPUT_CAP * 4).replace(/\r\n?/g, "\n");
    if (text.length > HARD_INPUT_CAP) {
      text = text.slice(0, HARD_INPUT_CAP);
      messages.push({ code: "input-cut", severity: "warning", field, values: { limit: HARD_INPUT_CAP } });
    }
    const cleaned = text.replace(/\t/g, " ").replace(CONTROL_CHARACTERS, "");
    if (cleaned !== text.replace(/\t/g, " ")) messages.push({ code: "control-characters-removed", severity: "info", field });
    return cleaned.normalize("NFC");
  };

  const phraseIds = fields.lines("phrase", 80, MAX_PHRASES * 4).filter((id) => id !== "");
  const holiday = fields.line("holiday", 80);
  return {
    draft: {
      phraseIds,
      letterLanguage: fields.choice("letterLanguage", ["ru", "be"] as const) ?? defaults.letterLanguage,
      gender: defaults.gender ?? fields.choice("gender", ["m", "f"] as const) ?? null,
      holiday: isHoliday(holiday) ? holiday : null,
      freeText: cleanText("freeText"),
      // One line: a pasted line break would otherwise split the signature.
      signature: cleanText("signature").replace(/\s+/g, " "),
      returnAddress: cleanText("returnAddress"),
      envelope: fields.choice("envelope", ["c6", "dl", "label"] as const) ?? "c6",
      acknowledgeRisk: fields.checked("acknowledgeRisk"),
      bankConsent: fields.checked("bankConsent"),
    },
    intent: fields.choice("intent", letterIntents) ?? "preview",
    messages,
  };
}

// ── checking it ────────────────────────────────────────────────────────────

const MARKUP = /<\s*\/?\s*[a-z!?][^<>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;
const WORD = /[\p{L}\p{M}’'-]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/** Words written with both Latin and Cyrillic letters (a keyboard-layout slip, or a trick). */
export function mixedScriptWords(text: string): string[] {
  const found = new Set<string>();
  for (const [word] of text.matchAll(WORD)) if (CYRILLIC.test(word) && LATIN.test(word)) found.add(word);
  return [...found];
}

/** The language to check a free text as: mostly Latin letters means a draft in the reader's language. */
export function draftLanguage(text: string, letterLanguage: LetterLanguage, readerLanguage: Language): DraftLanguage {
  let cyrillic = 0;
  let latin = 0;
  for (const char of text) {
    if (CYRILLIC.test(char)) cyrillic++;
    else if (LATIN.test(char)) latin++;
  }
  if (latin > cyrillic) return readerLanguage === "pl" || readerLanguage === "lt" ? readerLanguage : "en";
  if (readerLanguage === "uk" && /[їєґ]/iu.test(text)) return "uk";
  return letterLanguage;
}

const nonEmpty = (value: string | null | undefined): value is string => Boolean(value);

export function reviewLetterDraft(
  read: ReadDraftResult,
  recipient: LetterRecipientView,
  readerLanguage: Language,
  today: Date = new Date(),
  /** Everyone Listy knows (censor-people.server.ts), for the names part of the check. */
  people?: PeopleIndex,
): LetterReview {
  const { draft } = read;
  const messages: DraftMessage[] = [...read.messages];
  const freeText = draft.freeText.trim();

  if (freeText.length > FREE_TEXT_MAX_CHARS) {
    messages.push({ code: "free-text-too-long", severity: "error", field: "freeText", values: { limit: FREE_TEXT_MAX_CHARS, count: freeText.length } });
  }
  if (MARKUP.test(freeText)) messages.push({ code: "free-text-markup", severity: "error", field: "freeText" });
  const mixed = mixedScriptWords(freeText);
  if (mixed.length > 0) {
    messages.push({ code: "free-text-mixed-script", severity: "error", field: "freeText", values: { words: mixed.slice(0, 10).join(", ") } });
  }
  const returnAddress = draft.returnAddress.trim();
  if (returnAddress.length > RETURN_ADDRESS_MAX_CHARS) {
    messages.push({ code: "return-address-too-long", severity: "error", field: "returnAddress", values: { limit: RETURN_ADDRESS_MAX_CHARS, count: returnAddress.length } });
  }
  if (returnAddress.split("\n").length > RETURN_ADDRESS_MAX_LINES) {
    messages.push({ code: "return-address-too-many-lines", severity: "error", field: "returnAddress", values: { limit: RETURN_ADDRESS_MAX_LINES } });
  }

  const signature = draft.signature.trim();
  const signatureProblems = signatureMessages(signature, draft.letterLanguage);
  messages.push(...signatureProblems);

  const name = recipient.letterNames[draft.letterLanguage];
  const readerName = recipient.names.display;

  const composed = composeLetter({
    phraseIds: draft.phraseIds,
    letterLanguage: draft.letterLanguage,
    readerLanguage,
    recipient: { firstName: name.firstName, patronymic: name.patronymic, gender: draft.gender ?? "m" },
    readerName: {
      firstName: readerName.givenName,
      patronymic: readerName.patronymic,
      // Polish and Lithuanian vocatives are derived from the Cyrillic name (Алесь → Alesiu).
      vocativeSource: vocativeSourceOf(recipient.names),
    },
    holiday: draft.holiday ?? undefined,
    freeText,
    // A refused signature stays in its field for the writer to fix, but not in the letter.
    signature: signatureProblems.some((message) => message.severity === "error") ? "" : signature,
    today,
  });
  for (const problem of composed.problems) {
    messages.push({ code: problem.code, severity: problem.severity, field: problem.code === "missing-holiday" ? "holiday" : "phrases", values: { limit: MAX_PHRASES } });
  }
  // Only phrases whose letter text differs by gender need to know it (Дарагі / Дарагая).
  const gendered = composed.usedPhraseIds.some((id) => typeof phraseById.get(id)?.text[draft.letterLanguage] === "object");
  if (draft.gender === null && gendered) messages.push({ code: "gender-required", severity: "error", field: "gender" });

  // The recipient's own names are never a risk, in either letter language.
  const allowNames = [recipient.names.belarusian, recipient.names.russian, recipient.names.latin]
    .flatMap((n) => (n ? [n.givenName, n.familyName, n.patronymic] : []))
    .filter(nonEmpty);
  const checkedAs = draftLanguage(freeText, draft.letterLanguage, readerLanguage);
  const flags = freeText ? checkLetter(freeText, checkedAs, { allowNames, people, exceptPersonId: recipient.slug }) : [];

  return { draft: { ...draft, freeText, signature }, composed, flags, checkedAs, messages: dedupe(messages) };
}

const NAME_LIKE = /^[\p{L}\p{M}’'-]+(?: [\p{L}\p{M}’'-]+)?$/u;

/**
 * The signature is printed in the letter, so it meets the letter's rules: a name (letters, one
 * space for a double name, hyphen, apostrophe: no digits, which a censor reads as code), in
 * Cyrillic if possible, and nothing the censor check flags («Воля» is a name and a risky word).
 */
function signatureMessages(signature: string, letterLanguage: LetterLanguage): DraftMessage[] {
  if (signature === "") return [];
  if (signature.length > SIGNATURE_MAX_CHARS) {
    return [{ code: "signature-too-long", severity: "error", field: "signature", values: { limit: SIGNATURE_MAX_CHARS, count: signature.length } }];
  }
  if (!NAME_LIKE.test(signature) || mixedScriptWords(signature).length > 0) return [{ code: "signature-not-a-name", severity: "error", field: "signature" }];
  // The check would only repeat the Latin warning (foreign words), so it runs on Cyrillic names.
  if (LATIN.test(signature)) return [{ code: "signature-latin", severity: "warning", field: "signature" }];
  const flagged = checkLetter(signature, letterLanguage);
  if (flagged.length === 0) return [];
  return [{ code: "signature-risky", severity: "warning", field: "signature", values: { words: flagged.map((flag) => flag.match).join(", ") } }];
}

function dedupe(messages: DraftMessage[]): DraftMessage[] {
  const seen = new Set<string>();
  return messages.filter((message) => {
    const key = `${message.code}:${message.field ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What stops this draft from being finished in the way asked for (empty when nothing does). */
export function finishingProblems(review: LetterReview, intent: Exclude<LetterIntent, "preview">, allowed: readonly LetterIntent[]): DraftMessage[] {
  const problems = review.messages.filter((message) => message.severity === "error");
  if (!allowed.includes(intent)) problems.push({ code: "route-not-available", severity: "error" });
  if (review.flags.length > 0 && !review.draft.acknowledgeRisk) {
    problems.push({ code: "risk-not-acknowledged", severity: "error", field: "acknowledgeRisk", values: { count: review.flags.length } });
  }
  if (intent === "bank" && !review.draft.bankConsent) problems.push({ code: "bank-consent-required", severity: "error", field: "bankConsent" });
  return problems;
}
