// The pledge form's fields, read from a POST and checked. Pure (no database), shared by the
// action route and the tests. Field errors are codes; the page maps each to a literal key.
import { formFields, type FormSource } from "~/utils/form-fields";
import { SLUG_PATTERN } from "~/utils/slug";

import { COUNTRY_CODES } from "./countries";

/** What a supporter can pledge, plus "I posted it", which is an action and no pledge. */
export const PLEDGE_CHOICES = ["WRITE_MONTHLY", "BIRTHDAY_CARD", "CAMPAIGN_PLEDGE", "EVENT", "POSTED"] as const;
export type PledgeChoice = (typeof PLEDGE_CHOICES)[number];

/** The honeypot's name: a field people never see (hidden with CSS) and bots fill in. */
export const PLEDGE_HONEYPOT_FIELD = "website";
/** The hidden field with the form ticket (app/pledges/form-ticket.server.ts). */
export const PLEDGE_TICKET_FIELD = "ticket";
export const EMAIL_MAX_LENGTH = 254;
const EVENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
// A deliberately plain check: one @, something on each side, a dot in the domain, no spaces.
const EMAIL_PATTERN = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

/** What the supporter typed, kept verbatim (cut to sane lengths) for the page that comes back. */
export interface PledgeFormValues {
  /** "WRITE_MONTHLY", "CAMPAIGN_PLEDGE", … or "event-<id>" for one event. */
  pledge: string;
  campaign: string;
  prisoner: string;
  email: string;
  country: string;
}

export type PledgeFieldError = "required" | "invalid" | "too-long";
export type PledgeFieldErrors = Partial<Record<"pledge" | "email" | "country", PledgeFieldError>>;

export type ParsedPledge =
  | { choice: "WRITE_MONTHLY" | "BIRTHDAY_CARD" | "POSTED"; prisonerSlug: string }
  | { choice: "CAMPAIGN_PLEDGE"; campaignSlug: string }
  | { choice: "EVENT"; campaignSlug: string; eventId: string };

export interface ReadPledgeResult {
  values: PledgeFormValues;
  honeypot: boolean;
  errors: PledgeFieldErrors;
  /** What is pledged, when the choice itself is valid (even if other fields are not). */
  parsed: ParsedPledge | null;
  ok: boolean;
  email: string | null;
  country: string | null;
  /** The hidden form ticket as posted (checked on the server: form-ticket.server.ts). */
  ticket: string;
}

// A tampered field still gives the page back with what was typed: the readers never fail.
export function readPledgeForm(form: FormSource): ReadPledgeResult {
  const fields = formFields(form);
  const values: PledgeFormValues = {
    pledge: fields.line("pledge", 100),
    campaign: fields.line("campaign", 200),
    prisoner: fields.line("prisoner", 200),
    // Longer than any address may be, so that "too long" can be told apart from "invalid".
    email: fields.line("email", EMAIL_MAX_LENGTH + 50).trim(),
    country: fields.line("country", 10).trim().toUpperCase(),
  };
  const errors: PledgeFieldErrors = {};

  let parsed: ParsedPledge | null = null;
  const campaignOk = SLUG_PATTERN.test(values.campaign);
  const prisonerOk = SLUG_PATTERN.test(values.prisoner);
  if (values.pledge === "WRITE_MONTHLY" || values.pledge === "BIRTHDAY_CARD" || values.pledge === "POSTED") {
    if (prisonerOk) parsed = { choice: values.pledge, prisonerSlug: values.prisoner };
  } else if (values.pledge === "CAMPAIGN_PLEDGE") {
    if (campaignOk) parsed = { choice: "CAMPAIGN_PLEDGE", campaignSlug: values.campaign };
  } else if (values.pledge.startsWith("event-")) {
    const eventId = values.pledge.slice("event-".length);
    if (campaignOk && EVENT_ID_PATTERN.test(eventId)) parsed = { choice: "EVENT", campaignSlug: values.campaign, eventId };
  }
  if (!parsed) errors.pledge = values.pledge === "" ? "required" : "invalid";

  if (values.email !== "") {
    if (values.email.length > EMAIL_MAX_LENGTH) errors.email = "too-long";
    else if (!EMAIL_PATTERN.test(values.email)) errors.email = "invalid";
  }
  if (values.country !== "" && !COUNTRY_CODES.includes(values.country)) errors.country = "invalid";

  const ok = Object.keys(errors).length === 0;
  return {
    values,
    honeypot: fields.line(PLEDGE_HONEYPOT_FIELD, 500).trim() !== "",
    errors,
    parsed,
    ok,
    // "I posted it" never takes an address.
    email: ok && values.email !== "" && parsed?.choice !== "POSTED" ? values.email : null,
    country: ok && values.country !== "" ? values.country : null,
    ticket: fields.line(PLEDGE_TICKET_FIELD, 100),
  };
}
