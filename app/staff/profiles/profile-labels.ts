// Translation keys for the profile editor's codes and values (literal keys, so the locale
// check sees every one). No React here: the server's history and review pages use them too.
import type { PrisonerChangeOrigin, PrisonerChangeState } from "@prisma/client";

import { DATE_PRECISIONS, FACT_KINDS, type EditableNameScript } from "./prisoner-fields";
import { GENDERS, LETTER_LANGUAGES, LETTER_STATUSES, PRISONER_STATUSES } from "./profile-form";

export type ProfileErrorCode =
  | "required"
  | "too-long"
  | "date-invalid"
  | "number-invalid"
  | "choice-invalid"
  | "facility-unknown"
  | "too-large"
  | "not-an-image"
  | "too-many-pixels"
  | "unreadable"
  | "source-required"
  | "text-required"
  | "url-invalid"
  | "duplicate"
  | "source-unknown"
  | "charge-type-unknown";

export const ERROR_KEYS = {
  required: "profile-editor:errors.required",
  "too-long": "profile-editor:errors.too-long",
  "date-invalid": "profile-editor:errors.date-invalid",
  "number-invalid": "profile-editor:errors.number-invalid",
  "choice-invalid": "profile-editor:errors.choice-invalid",
  "facility-unknown": "profile-editor:errors.facility-unknown",
  "too-large": "profile-editor:errors.photo-too-large",
  "not-an-image": "profile-editor:errors.photo-not-an-image",
  "too-many-pixels": "profile-editor:errors.photo-too-many-pixels",
  unreadable: "profile-editor:errors.photo-unreadable",
  "source-required": "profile-editor:errors.source-required",
  "text-required": "profile-editor:errors.text-required",
  "url-invalid": "profile-editor:errors.url-invalid",
  duplicate: "profile-editor:errors.duplicate",
  "source-unknown": "profile-editor:errors.source-unknown",
  "charge-type-unknown": "profile-editor:errors.charge-type-unknown",
} as const satisfies Record<ProfileErrorCode, string>;

export const FACT_KIND_KEYS = {
  ROLE: "profile-editor:values.fact-kind.role",
  ARREST: "profile-editor:values.fact-kind.arrest",
  SENTENCE: "profile-editor:values.fact-kind.sentence",
  DETENTION: "profile-editor:values.fact-kind.detention",
  INCOMMUNICADO: "profile-editor:values.fact-kind.incommunicado",
  RELEASE: "profile-editor:values.fact-kind.release",
  EXILE: "profile-editor:values.fact-kind.exile",
  REARREST: "profile-editor:values.fact-kind.rearrest",
  DEATH: "profile-editor:values.fact-kind.death",
  OTHER: "profile-editor:values.fact-kind.other",
} as const satisfies Record<(typeof FACT_KINDS)[number], string>;
export const PRECISION_KEYS = {
  DAY: "profile-editor:values.precision.day",
  MONTH: "profile-editor:values.precision.month",
  YEAR: "profile-editor:values.precision.year",
} as const satisfies Record<(typeof DATE_PRECISIONS)[number], string>;

export const STATUS_KEYS = {
  IN_CUSTODY: "profile-editor:values.status.in-custody",
  INCOMMUNICADO: "profile-editor:values.status.incommunicado",
  RELEASED: "profile-editor:values.status.released",
  IN_EXILE: "profile-editor:values.status.in-exile",
  DIED_IN_CUSTODY: "profile-editor:values.status.died-in-custody",
} as const satisfies Record<(typeof PRISONER_STATUSES)[number], string>;
export const LETTER_STATUS_KEYS = {
  CAN_RECEIVE: "profile-editor:values.letter-status.can-receive",
  RELATIVES_ONLY: "profile-editor:values.letter-status.relatives-only",
  INCOMMUNICADO: "profile-editor:values.letter-status.incommunicado",
  UNKNOWN: "profile-editor:values.letter-status.unknown",
  NOT_APPLICABLE: "profile-editor:values.letter-status.not-applicable",
} as const satisfies Record<(typeof LETTER_STATUSES)[number], string>;
export const GENDER_KEYS = {
  MASCULINE: "profile-editor:values.gender.masculine",
  FEMININE: "profile-editor:values.gender.feminine",
} as const satisfies Record<(typeof GENDERS)[number], string>;
export const LETTER_LANGUAGE_KEYS = {
  RU: "profile-editor:values.letter-language.ru",
  BE: "profile-editor:values.letter-language.be",
} as const satisfies Record<(typeof LETTER_LANGUAGES)[number], string>;
export const SCRIPT_KEYS = {
  BE_CYRILLIC: "profile-editor:form.name-be",
  RU_CYRILLIC: "profile-editor:form.name-ru",
  LATIN: "profile-editor:form.name-latin",
} as const satisfies Record<EditableNameScript, string>;
export const CHANGE_STATE_KEYS = {
  PENDING: "profile-editor:change.state.pending",
  APPLIED: "profile-editor:change.state.applied",
  REJECTED: "profile-editor:change.state.rejected",
  WITHDRAWN: "profile-editor:change.state.withdrawn",
} as const satisfies Record<PrisonerChangeState, string>;
export const ORIGIN_KEYS = {
  EDITOR: "profile-editor:change.origin.editor",
  IMPORT: "profile-editor:change.origin.import",
  TRANSLATION: "profile-editor:change.origin.translation",
} as const satisfies Record<PrisonerChangeOrigin, string>;

export const SCALAR_FIELD_KEYS = {
  slug: "profile-editor:form.slug",
  status: "profile-editor:form.status",
  statusSource: "profile-editor:form.status-source",
  statusReportedOn: "profile-editor:form.status-reported-on-field",
  statusReportedPrecision: "profile-editor:form.status-reported-precision-field",
  letterStatus: "profile-editor:form.letter-status",
  letterStatusSource: "profile-editor:form.letter-status-source",
  letterStatusReportedOn: "profile-editor:form.letter-status-reported-on-field",
  letterStatusReportedPrecision: "profile-editor:form.letter-status-reported-precision-field",
  grammaticalGender: "profile-editor:form.gender",
  letterLanguage: "profile-editor:form.letter-language",
  birthDate: "profile-editor:form.birth-date",
  arrestedOn: "profile-editor:form.arrested-on",
  sentenceMonths: "profile-editor:form.sentence-months",
  statusSince: "profile-editor:form.status-since",
  facility: "profile-editor:form.facility",
  lastVerifiedOn: "profile-editor:form.last-verified-on",
  photo: "profile-editor:form.photo",
  "photo.credit": "profile-editor:form.photo-credit",
  facts: "profile-editor:form.facts",
  charges: "profile-editor:form.charges",
  sources: "profile-editor:form.new-sources",
} as const;

/** A changed field's name for the history and the review queue. */
