// Turns an appeal template (several subjects, openings, arguments and closings) and the
// facts of one appeal into a subject and a body. Pure: no I/O, no clock, no Math.random.
// The variants are picked with a seeded generator so that a form without JavaScript shows
// the same text on every submit (the seed travels in a hidden field) while different
// supporters, with different seeds, send letters that are not identical.
//
// Placeholders are written in single braces. Their meaning:
//   {prisonerName}     the prisoner's name as written in the template's language
//   {prisonerFacts}    one or two factual sentences (status, sentence, arrest date) in that language
//   {officialName}     the addressee's name
//   {officialPosition} the addressee's position
//   {campaignTitle}    the campaign's title in the template's language
//   {signature}        where the signature goes: always the end of the letter (see below)
// A sentence whose placeholder has no value, or names an unknown placeholder, is left out
// whole: the output never shows "{…}", "undefined" or a sentence with a hole in it.
//
// The signature is never part of the editable body: it is appended after the closing, so a
// supporter who switches from their name to "on behalf of the campaign" cannot leave their
// name behind in text they edited earlier. A {signature} written in a template only marks
// that place and is removed from the body.

export const APPEAL_PLACEHOLDERS = [
  "prisonerName",
  "prisonerFacts",
  "officialName",
  "officialPosition",
  "campaignTitle",
  "signature",
] as const;
export type AppealPlaceholder = (typeof APPEAL_PLACEHOLDERS)[number];

/** The limits the form states and the server enforces. */
export const SUBJECT_MAX_LENGTH = 200;
export const BODY_MAX_LENGTH = 5000;
export const SIGNER_NAME_MAX_LENGTH = 100;
export const SIGNER_TOWN_MAX_LENGTH = 100;

export interface AppealTemplateParts {
  subjects: readonly string[];
  openings: readonly string[];
  arguments: readonly string[];
  closings: readonly string[];
}

export interface AppealFacts {
  prisonerName?: string | null;
  prisonerFacts?: string | null;
  officialName?: string | null;
  officialPosition?: string | null;
  campaignTitle?: string | null;
}

export type SignatureChoice = { mode: "named"; name: string; town?: string | null } | { mode: "campaign" };

export interface ComposeAppealInput {
  template: AppealTemplateParts;
  facts: AppealFacts;
  signature: SignatureChoice;
  /**
   * The "on behalf of" line in the template's language; a {campaignTitle} in it is replaced,
   * e.g. "On behalf of the Listy supporters of the campaign “{campaignTitle}”".
   */
  onBehalfLine: string;
  seed: number;
}

export interface ComposedAppeal {
  subject: string;
  /** Opening, argument and closing, separated by blank lines; without the signature. */
  body: string;
  /** One or two lines; empty only when a named signature has no name yet. */
  signature: string;
  /** Which variant of each part was used (indices into the non-empty variants). */
  picked: { subject: number; opening: number; argument: number; closing: number };
}

const KNOWN = new Set<string>(APPEAL_PLACEHOLDERS);
const PLACEHOLDER = /\{([^{}\s]{1,40})\}/g;

/** A small, fast, seedable generator (mulberry32); good enough to vary wording. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const MAX_SEED = 2 ** 31 - 1;

/** A seed from a form field: a whole number 0…2³¹−1, or null for anything else. */
export function parseSeed(value: unknown): number | null {
  if (typeof value !== "string" || !/^\d{1,10}$/.test(value)) return null;
  const seed = Number(value);
  return seed <= MAX_SEED ? seed : null;
}

/** Collapses whitespace and removes control characters: facts and names are one line each. */
export function singleLine(value: string | null | undefined): string {
  if (!value) return "";
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim();
}

/** Splits one line into sentences, each keeping the spaces that follow it. */
function sentences(line: string): string[] {
  const result: string[] = [];
  // {prisonerFacts} is itself whole sentences, so it ends a sentence of the template too.
  const boundary = /(?:[.!?…]+["»”’)]*|\{prisonerFacts\})[ \t]+/g;
  let start = 0;
  for (let match = boundary.exec(line); match; match = boundary.exec(line)) {
    const end = match.index + match[0].length;
    result.push(line.slice(start, end));
    start = end;
  }
  if (start < line.length) result.push(line.slice(start));
  return result;
}

/**
 * Fills one template part. Sentences naming a missing or unknown placeholder are dropped
 * (a line left empty by that goes too); {signature} is removed (the signature is appended
 * separately).
 */
export function fillTemplate(text: string, values: Partial<Record<AppealPlaceholder, string>>): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n").flatMap((line) => {
    if (line.trim() === "") return [""];
    const kept = sentences(line).flatMap((sentence) => {
      // Stray braces ("{{name}}", "{ name }") would leak template syntax: drop the sentence.
      if (/[{}]/.test(sentence.replace(PLACEHOLDER, ""))) return [];
      for (const [, name] of sentence.matchAll(PLACEHOLDER)) {
        if (name === "signature") continue;
        if (!KNOWN.has(name!) || !values[name as AppealPlaceholder]) return [];
      }
      // One pass, so a value that itself looks like "{x}" is never expanded again.
      return [sentence.replace(PLACEHOLDER, (_whole, name: string) => (name === "signature" ? "" : (values[name as AppealPlaceholder] ?? "")))];
    });
    const filled = kept.join("").trim();
    return filled === "" ? [] : [filled];
  });
  return tidy(lines.join("\n"));
}

/** Trailing spaces off every line, at most one blank line in a row, no blank start or end. */
function tidy(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/g, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\n+$/g, "");
}

function pick(random: () => number, count: number): number {
  return Math.min(count - 1, Math.floor(random() * count));
}

/** The signature lines: name and town, or the campaign line in the template's language. */
export function signatureText(signature: SignatureChoice, onBehalfLine: string, campaignTitle: string | null | undefined): string {
  if (signature.mode === "campaign") {
    // Plain replacement: a title with braces in it must not make the line disappear.
    return singleLine(onBehalfLine.replaceAll("{campaignTitle}", singleLine(campaignTitle)));
  }
  const name = singleLine(signature.name);
  const town = singleLine(signature.town);
  if (!name) return "";
  return town ? `${name}\n${town}` : name;
}

/** The whole letter as it is sent, printed or handed to a mail program. */
export function letterText(body: string, signature: string): string {
  const trimmed = body.replace(/\r\n?/g, "\n").trim();
  return signature ? `${trimmed}\n\n${signature}` : trimmed;
}

export function composeAppeal({ template, facts, signature, onBehalfLine, seed }: ComposeAppealInput): ComposedAppeal {
  const values: Partial<Record<AppealPlaceholder, string>> = {};
  for (const key of ["prisonerName", "officialName", "officialPosition", "campaignTitle", "prisonerFacts"] as const) {
    const value = singleLine(facts[key]);
    if (value) values[key] = value;
  }
  const random = seededRandom(seed);
  const variants = (list: readonly string[]) => list.filter((text) => text.trim() !== "");
  const subjects = variants(template.subjects);
  const openings = variants(template.openings);
  const args = variants(template.arguments);
  const closings = variants(template.closings);

  // Always draw four numbers, in the same order, so one part's variants never shift another's.
  const picked = {
    subject: subjects.length ? pick(random, subjects.length) : 0,
    opening: openings.length ? pick(random, openings.length) : 0,
    argument: args.length ? pick(random, args.length) : 0,
    closing: closings.length ? pick(random, closings.length) : 0,
  };

  // A subject that loses every sentence falls back to the next variant, then to the title.
  let subject = "";
  for (let offset = 0; offset < subjects.length && !subject; offset += 1) {
    subject = singleLine(fillTemplate(subjects[(picked.subject + offset) % subjects.length]!, values));
  }
  if (!subject) subject = values.campaignTitle ?? "";

  const parts = [openings[picked.opening], args[picked.argument], closings[picked.closing]]
    .map((part) => (part === undefined ? "" : fillTemplate(part, values)))
    .filter((part) => part !== "");

  return {
    subject: subject.slice(0, SUBJECT_MAX_LENGTH),
    body: parts.join("\n\n"),
    signature: signatureText(signature, onBehalfLine, facts.campaignTitle),
    picked,
  };
}
