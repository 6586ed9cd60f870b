// The appeal form's fields, read from a POST and checked. Pure, shared by the route and tests.
// Field errors are codes; the page maps each to a literal translation key.
import { formFields, type FormSource } from "~/utils/form-fields";

import {
  BODY_MAX_LENGTH,
  parseSeed,
  SIGNER_NAME_MAX_LENGTH,
  SIGNER_TOWN_MAX_LENGTH,
  singleLine,
  SUBJECT_MAX_LENGTH,
  type SignatureChoice,
} from "./appeal-text";

export const APPEAL_INTENTS = ["preview", "reword", "print", "pdf", "mailto", "send", "choose"] as const;
export type AppealIntent = (typeof APPEAL_INTENTS)[number];

/** What the supporter typed, kept verbatim so that nothing is lost when the page comes back. */
export interface AppealFormValues {
  target: string;
  prisoner: string;
  seed: string;
  subject: string;
  body: string;
  signature: "named" | "campaign";
  name: string;
  town: string;
  email: string;
  replies: boolean;
  followUp: boolean;
}

export type FieldError = "required" | "too-long" | "invalid";
export type AppealFieldErrors = Partial<Record<"target" | "subject" | "body" | "name" | "town" | "email", FieldError>>;

/** The honeypot's name: a field people never see (hidden with CSS) and bots fill in. */
export const HONEYPOT_FIELD = "website";

export function readAppealForm(form: FormSource): { intent: AppealIntent; values: AppealFormValues; honeypot: boolean } {
  const fields = formFields(form);
  // Anything absurdly long is cut rather than kept: the limits are stated on the page.
  const text = (name: string, max: number) => fields.text(name, max);
  const intent = fields.choice("intent", APPEAL_INTENTS) ?? "preview";
  const honeypot = text(HONEYPOT_FIELD, 500).trim() !== "";
  return {
    intent,
    honeypot,
    values: {
      target: text("target", 200),
      prisoner: text("prisoner", 200),
      seed: text("seed", 20),
      subject: text("subject", SUBJECT_MAX_LENGTH * 4),
      body: text("body", BODY_MAX_LENGTH * 4),
      signature: fields.choice("signature", ["named"] as const) ?? "campaign",
      name: text("name", SIGNER_NAME_MAX_LENGTH * 4),
      town: text("town", SIGNER_TOWN_MAX_LENGTH * 4),
      email: text("email", 1000),
      replies: fields.checked("replies"),
      followUp: fields.checked("follow-up"),
    },
  };
}

export function seedOf(values: AppealFormValues): number | null {
  return parseSeed(values.seed);
}

/** Checks what every way of sending needs: a subject, a body and, when named, a name. */
export function checkAppealValues(values: AppealFormValues, { needEmail }: { needEmail: boolean }): AppealFieldErrors {
  const errors: AppealFieldErrors = {};
  const subject = singleLine(values.subject);
  if (!subject) errors.subject = "required";
  else if (subject.length > SUBJECT_MAX_LENGTH) errors.subject = "too-long";
  const body = values.body.trim();
  if (!body) errors.body = "required";
  else if (body.length > BODY_MAX_LENGTH) errors.body = "too-long";
  if (values.signature === "named") {
    const name = singleLine(values.name);
    if (!name) errors.name = "required";
    else if (name.length > SIGNER_NAME_MAX_LENGTH) errors.name = "too-long";
    if (singleLine(values.town).length > SIGNER_TOWN_MAX_LENGTH) errors.town = "too-long";
  }
  if (needEmail && values.email.trim() === "") errors.email = "required";
  return errors;
}

export function signatureChoice(values: AppealFormValues): SignatureChoice {
  return values.signature === "named"
    ? { mode: "named", name: singleLine(values.name), town: singleLine(values.town) || null }
    : { mode: "campaign" };
}
