// The CSV import of prisoners, the pure half: which header names mean which column, how a
// cell becomes a date, a status or a name, and the shape of the report the import page
// shows. No database here (prisoner-import.server.ts plans and applies).
import type { GrammaticalGender, LetterStatus, PrisonerStatus } from "@prisma/client";

import type { EditableNameScript } from "~/staff/profiles/prisoner-fields";

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** The whole multipart POST of an upload: the file, its source title and address. */
export const IMPORT_FORM_MAX_BYTES = IMPORT_MAX_BYTES + 64 * 1024;
export const IMPORT_MAX_ROWS = 20_000;
/** Rows per page of the report table; the counts above it are always complete. */
export const REPORT_PAGE_SIZE = 100;

export const IMPORT_COLUMNS = [
  "slug",
  "fullName",
  "familyName",
  "givenName",
  "patronymic",
  "birthDate",
  "arrestedOn",
  "charges",
  "facility",
  "address",
  "status",
  "letterStatus",
  "gender",
  "sentence",
  "summary",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/**
 * Accepted header names, compared lower-case with ё→е and spaces collapsed. Documented in
 * docs/campaigners.md ("Importing prisoners from CSV"): keep the two in step.
 */
export const HEADER_NAMES: Record<ImportColumn, readonly string[]> = {
  slug: ["slug", "id", "идентификатор", "ідэнтыфікатар", "адрас старонкі"],
  fullName: ["name", "full name", "фио", "ф.и.о.", "имя", "полное имя", "піб", "імя", "поўнае імя", "прозвішча, імя, імя па бацьку", "фамилия, имя, отчество", "фамилия имя отчество"],
  familyName: ["family name", "surname", "last name", "фамилия", "прозвішча"],
  givenName: ["given name", "first name", "имя (только)", "імя (толькі)", "given"],
  patronymic: ["patronymic", "отчество", "імя па бацьку"],
  birthDate: ["date of birth", "birth date", "born", "дата рождения", "дата нараджэння", "день рождения", "дзень нараджэння"],
  arrestedOn: ["detention date", "date of detention", "arrested", "arrest date", "дата задержания", "дата затрымання", "дата ареста", "дата арышту", "задержан", "затрыманы"],
  charges: ["charges", "articles", "article", "статьи", "статья", "артыкулы", "артыкул", "обвинение", "абвінавачванне"],
  facility: ["facility", "prison", "place of detention", "учреждение", "место содержания", "месца ўтрымання", "установа", "колония", "калонія"],
  address: ["address", "postal address", "адрес", "адрас", "почтовый адрес", "паштовы адрас"],
  status: ["status", "статус", "состояние", "стан"],
  letterStatus: ["letter status", "letters", "can receive letters", "статус писем", "письма", "можно писать", "статус лістоў", "лісты", "можна пісаць"],
  gender: ["gender", "sex", "пол", "род", "пол (м/ж)", "полу", "пол/род", "полъ"],
  sentence: ["sentence", "term", "prison term", "срок", "приговор", "срок заключения", "тэрмін", "прысуд", "тэрмін зняволення"],
  summary: ["summary", "description", "about", "описание", "кратко", "о человеке", "апісанне", "коратка", "пра чалавека"],
};

export function normaliseHeader(name: string): string {
  return name
    .normalize("NFC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[:*]+$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

const HEADER_LOOKUP = new Map<string, ImportColumn>();
for (const column of IMPORT_COLUMNS) for (const name of HEADER_NAMES[column]) HEADER_LOOKUP.set(normaliseHeader(name), column);

export function columnForHeader(name: string): ImportColumn | null {
  const found = HEADER_LOOKUP.get(normaliseHeader(name));
  if (found) return found;
  // "summary (pl)", «описание_ru»: a summary in a stated language.
  const withLanguage = SUMMARY_WITH_LANGUAGE.exec(normaliseHeader(name));
  return withLanguage && HEADER_LOOKUP.get(withLanguage[1]!) === "summary" ? "summary" : null;
}

const SUMMARY_WITH_LANGUAGE = /^(.+?)\s*[([_ -]\s*(be|ru|uk|pl|lt|en)\s*\)?\]?$/u;
export type SummaryLanguage = "be" | "ru" | "uk" | "pl" | "lt" | "en";

/**
 * The language of a summary cell: the one its header states ("summary (pl)"), else the one its
 * letters show (і/ў Belarusian, ї/є/ґ Ukrainian, other Cyrillic Russian, Latin English).
 */
export function summaryLanguageOf(header: string, text: string): SummaryLanguage {
  const stated = SUMMARY_WITH_LANGUAGE.exec(normaliseHeader(header))?.[2] as SummaryLanguage | undefined;
  if (stated) return stated;
  if (/[іўІЎ]/u.test(text)) return "be";
  if (/[їєґЇЄҐ]/u.test(text)) return "uk";
  if (/\p{Script=Cyrillic}/u.test(text)) return "ru";
  return "en";
}

/** Headers that mean the given name beside a family-name column, and the full name alone. */
const GIVEN_OR_FULL = new Set(["name", "имя", "імя", "імя і прозвішча", "имя и фамилия"].map(normaliseHeader));

/**
 * The columns of a whole header row. «Имя»/«Імя»/"Name" is the full name in a file with one
 * name column, and the given name in `Фамилия;Имя;Отчество` or `Прозвішча;Імя;Імя па бацьку`.
 */
export function columnsForHeaders(names: readonly string[]): (ImportColumn | null)[] {
  const columns = names.map(columnForHeader);
  const separateNames = columns.includes("familyName");
  return columns.map((column, index) => (column === "fullName" && separateNames && GIVEN_OR_FULL.has(normaliseHeader(names[index]!)) ? "givenName" : column));
}

/** "DD.MM.YYYY" (also with / or -) or "YYYY-MM-DD" → "YYYY-MM-DD"; null if not a real day. */
export function parseImportDate(value: string): string | null {
  const text = value.trim();
  let year: number;
  let month: number;
  let day: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
    if (!match) return null;
    [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (year < 1900 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Lower case, ё→е, one space between words: the form names and words are compared in. */
export function normaliseText(value: string): string {
  return value.normalize("NFC").toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
}

const STATUS_WORDS: [string, PrisonerStatus][] = [
  ["in custody", "IN_CUSTODY"],
  ["imprisoned", "IN_CUSTODY"],
  ["detained", "IN_CUSTODY"],
  ["в заключении", "IN_CUSTODY"],
  ["под стражей", "IN_CUSTODY"],
  ["за кратами", "IN_CUSTODY"],
  ["у зняволенні", "IN_CUSTODY"],
  ["пад вартай", "IN_CUSTODY"],
  ["incommunicado", "INCOMMUNICADO"],
  ["инкоммуникадо", "INCOMMUNICADO"],
  ["інкамунікада", "INCOMMUNICADO"],
  ["без связи", "INCOMMUNICADO"],
  ["без сувязі", "INCOMMUNICADO"],
  ["released", "RELEASED"],
  ["free", "RELEASED"],
  ["освобожден", "RELEASED"],
  ["освобождена", "RELEASED"],
  ["освобожден(а)", "RELEASED"],
  ["на свободе", "RELEASED"],
  ["вызвалены", "RELEASED"],
  ["вызваленая", "RELEASED"],
  ["вызвалены(я)", "RELEASED"],
  ["вызвалены(ая)", "RELEASED"],
  ["на волі", "RELEASED"],
  ["in exile", "IN_EXILE"],
  ["exiled", "IN_EXILE"],
  ["deported", "IN_EXILE"],
  ["в изгнании", "IN_EXILE"],
  ["выслан", "IN_EXILE"],
  ["выслана", "IN_EXILE"],
  ["выслан(а)", "IN_EXILE"],
  ["у выгнанні", "IN_EXILE"],
  ["высланы", "IN_EXILE"],
  ["died in custody", "DIED_IN_CUSTODY"],
  ["погиб в заключении", "DIED_IN_CUSTODY"],
  ["умер в заключении", "DIED_IN_CUSTODY"],
  ["умерла в заключении", "DIED_IN_CUSTODY"],
  ["загінуў у зняволенні", "DIED_IN_CUSTODY"],
  ["памёр у зняволенні", "DIED_IN_CUSTODY"],
  ["памерла ў зняволенні", "DIED_IN_CUSTODY"],
];
const STATUS_LOOKUP = new Map<string, PrisonerStatus>(STATUS_WORDS.map(([word, status]) => [normaliseText(word), status]));
for (const status of ["IN_CUSTODY", "INCOMMUNICADO", "RELEASED", "IN_EXILE", "DIED_IN_CUSTODY"] as const) STATUS_LOOKUP.set(status.toLowerCase(), status);

export function parseImportStatus(value: string): PrisonerStatus | null {
  const text = normaliseText(value);
  return STATUS_LOOKUP.get(text) ?? STATUS_LOOKUP.get(text.replace(/ /g, "_")) ?? null;
}

const LETTER_STATUS_WORDS: [string, LetterStatus][] = [
  ["can receive", "CAN_RECEIVE"], ["can receive letters", "CAN_RECEIVE"], ["yes", "CAN_RECEIVE"], ["receives", "CAN_RECEIVE"],
  ["может получать", "CAN_RECEIVE"], ["получает", "CAN_RECEIVE"], ["да", "CAN_RECEIVE"], ["можно", "CAN_RECEIVE"],
  ["можа атрымліваць", "CAN_RECEIVE"], ["атрымлівае", "CAN_RECEIVE"], ["так", "CAN_RECEIVE"], ["можна", "CAN_RECEIVE"],
  ["relatives only", "RELATIVES_ONLY"], ["only relatives", "RELATIVES_ONLY"], ["только родственники", "RELATIVES_ONLY"], ["только от родных", "RELATIVES_ONLY"],
  ["толькі сваякі", "RELATIVES_ONLY"], ["толькі ад родных", "RELATIVES_ONLY"],
  ["incommunicado", "INCOMMUNICADO"], ["no contact", "INCOMMUNICADO"], ["инкоммуникадо", "INCOMMUNICADO"], ["без связи", "INCOMMUNICADO"],
  ["інкамунікада", "INCOMMUNICADO"], ["без сувязі", "INCOMMUNICADO"],
  ["unknown", "UNKNOWN"], ["?", "UNKNOWN"], ["неизвестно", "UNKNOWN"], ["невядома", "UNKNOWN"],
  ["not applicable", "NOT_APPLICABLE"], ["n/a", "NOT_APPLICABLE"], ["не применимо", "NOT_APPLICABLE"], ["не дастасавальна", "NOT_APPLICABLE"],
];
const LETTER_STATUS_LOOKUP = new Map<string, LetterStatus>(LETTER_STATUS_WORDS.map(([word, status]) => [normaliseText(word), status]));
for (const status of ["CAN_RECEIVE", "RELATIVES_ONLY", "INCOMMUNICADO", "UNKNOWN", "NOT_APPLICABLE"] as const) LETTER_STATUS_LOOKUP.set(status.toLowerCase(), status);

/** "can receive", «может получать», «толькі сваякі», CAN_RECEIVE … → the letter status; null if unknown. */
export function parseImportLetterStatus(value: string): LetterStatus | null {
  const text = normaliseText(value);
  return LETTER_STATUS_LOOKUP.get(text) ?? LETTER_STATUS_LOOKUP.get(text.replace(/ /g, "_")) ?? null;
}

const GENDER_WORDS: [string, GrammaticalGender][] = [
  ["m", "MASCULINE"], ["male", "MASCULINE"], ["man", "MASCULINE"], ["he", "MASCULINE"], ["м", "MASCULINE"], ["муж", "MASCULINE"], ["мужской", "MASCULINE"],
  ["мужчина", "MASCULINE"], ["мужчына", "MASCULINE"], ["мужчынскі", "MASCULINE"], ["masculine", "MASCULINE"],
  ["ч", "MASCULINE"], ["чол", "MASCULINE"], ["чоловік", "MASCULINE"], ["чоловіча", "MASCULINE"], ["mężczyzna", "MASCULINE"], ["vyras", "MASCULINE"],
  ["f", "FEMININE"], ["female", "FEMININE"], ["woman", "FEMININE"], ["she", "FEMININE"], ["ж", "FEMININE"], ["жен", "FEMININE"], ["женский", "FEMININE"],
  ["женщина", "FEMININE"], ["жанчына", "FEMININE"], ["жаночы", "FEMININE"], ["feminine", "FEMININE"],
  ["жін", "FEMININE"], ["жінка", "FEMININE"], ["жіноча", "FEMININE"], ["k", "FEMININE"], ["kobieta", "FEMININE"], ["moteris", "FEMININE"],
];
const GENDER_LOOKUP = new Map<string, GrammaticalGender>(GENDER_WORDS.map(([word, gender]) => [normaliseText(word), gender]));

/** How Russian and Belarusian address the person: "m", «ж», «мужчына», female … → the gender; null if unknown. */
export function parseImportGender(value: string): GrammaticalGender | null {
  return GENDER_LOOKUP.get(normaliseText(value).replace(/\.$/, "")) ?? null;
}

/**
 * A sentence as lists write it, in months: "5 лет", «3 года 6 месяцев», «4 гады 6 месяцаў»,
 * "2 years 3 months", "2 г. 6 мес.", "18 months", «6 лет 6 мес.» or a bare number of years.
 * Null when it is not a length (life, "?"): the reviewer adds it by hand.
 */
export function parseImportSentence(value: string): number | null {
  const text = normaliseText(value).replace(/,/g, " ").replace(/(\d)([a-zа-яёіў])/gu, "$1 $2");
  if (/^\d{1,2}$/.test(text)) return Number(text) * 12;
  const YEARS = /^(?:г|г\.|год|года|лет|гад|гады|гадоў|y|yr|yrs|year|years)$/u;
  const MONTHS = /^(?:м|мес|мес\.|месяц|месяца|месяцев|месяцаў|месяцы|m|mo|mos|month|months)$/u;
  const words = text.split(" ").filter((word) => word !== "и" && word !== "і" && word !== "and");
  let months = 0;
  let seen = false;
  for (let i = 0; i < words.length; i += 2) {
    const number = words[i];
    const unit = words[i + 1];
    if (!number || !/^\d{1,3}$/.test(number) || !unit) return null;
    if (YEARS.test(unit)) months += Number(number) * 12;
    else if (MONTHS.test(unit)) months += Number(number);
    else return null;
    seen = true;
  }
  return seen && months > 0 && months <= 12 * 50 ? months : null;
}

/** The script a name is written in: Belarusian letters (і, ў) mark Belarusian Cyrillic. */
export function nameScriptOf(text: string): EditableNameScript | null {
  if (/^[\p{Script=Latin}\s'’.-]+$/u.test(text)) return "LATIN";
  if (!/^[\p{Script=Cyrillic}\s'’.-]+$/u.test(text)) return null;
  return /[іўІЎ]/.test(text) ? "BE_CYRILLIC" : "RU_CYRILLIC";
}

/** "Family Given Patronymic" (the order of Belarusian and Russian lists) → its parts. */
export function splitFullName(text: string): { familyName: string; givenName: string; patronymic: string | null } | null {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 4) return null;
  const [familyName, givenName, ...rest] = words as [string, string, ...string[]];
  return { familyName, givenName, patronymic: rest.length ? rest.join(" ") : null };
}

/** Article tokens of a charges cell: "342, 361-1" → ["342", "361-1"]; names stay as written. */
export function splitCharges(value: string): string[] {
  return value
    .split(/[,;\n]+/)
    .map((part) =>
      part
        .trim()
        .replace(/^(ст\.|ст|стат\.|статья|арт\.|артыкул|art\.|article)\s*/i, "")
        .replace(/\s*(ук|кк|уголовного кодекса|крымінальнага кодэкса)$/i, "")
        .trim(),
    )
    .filter(Boolean);
}

// ---------------------------------------------------------------------------
// The report (stored as JSON on PrisonerImport and shown on the import page)

export type RowOutcome = "new" | "update-draft" | "pending-review" | "unchanged" | "error";
export const ROW_OUTCOMES: readonly RowOutcome[] = ["new", "update-draft", "pending-review", "unchanged", "error"];

export type ProblemCode =
  | "unterminated-quote"
  | "wrong-column-count"
  | "name-missing"
  | "name-unreadable"
  | "name-mixed-scripts"
  | "invalid-date"
  | "date-in-future"
  | "unknown-facility"
  | "unknown-status"
  | "unknown-charge"
  | "address-differs"
  | "address-without-facility"
  | "ambiguous-match"
  | "invalid-slug"
  | "duplicate-row"
  | "same-prisoner-twice"
  | "maybe-same-prisoner"
  | "unknown-letter-status"
  | "unknown-gender"
  | "invalid-sentence"
  | "charges-need-review"
  // Not yet approved reference data: created as a draft by the apply (or the draft already waiting).
  | "facility-draft"
  | "charge-draft";

export interface RowProblem {
  severity: "error" | "warning";
  code: ProblemCode;
  /** The header as written in the file, or null for the whole row. */
  column: string | null;
  /** The offending value (shown as text), or another line number for duplicates. */
  value?: string;
}

export interface ReportRow {
  line: number;
  name: string;
  outcome: RowOutcome;
  /** The matched or planned profile. */
  slug?: string;
  /** Field names that would change. */
  fields?: string[];
  problems: RowProblem[];
}

export type FileProblem = "empty" | "binary" | "too-large" | "too-many-rows" | "no-name-column" | "no-rows";
export type FailureReason = "row-error" | "changed-since-check" | "file-changed" | "interrupted" | "database";

export interface ImportReport {
  version: 1;
  delimiter: string;
  /** Each header of the file and the column it was read as (null: ignored). */
  columns: { header: string; column: ImportColumn | null }[];
  fileProblem: FileProblem | null;
  counts: Record<RowOutcome, number>;
  warnings: number;
  rows: ReportRow[];
  source: { title: string | null; url: string | null };
  failure?: { reason: FailureReason; line?: number; code?: ProblemCode };
  applied?: { created: number; updated: number; pending: number; charges: number };
}

export function emptyCounts(): Record<RowOutcome, number> {
  return { new: 0, "update-draft": 0, "pending-review": 0, unchanged: 0, error: 0 };
}

// ---------------------------------------------------------------------------
// Translation keys (literal, so that the i18n check sees them)

export const IMPORT_STATE_KEYS = {
  CHECKED: "prisoner-import:state.checked",
  APPLYING: "prisoner-import:state.applying",
  APPLIED: "prisoner-import:state.applied",
  FAILED: "prisoner-import:state.failed",
} as const;

export const OUTCOME_KEYS = {
  new: "prisoner-import:outcome.new",
  "update-draft": "prisoner-import:outcome.update-draft",
  "pending-review": "prisoner-import:outcome.pending-review",
  unchanged: "prisoner-import:outcome.unchanged",
  error: "prisoner-import:outcome.error",
} as const satisfies Record<RowOutcome, string>;

export const COUNT_KEYS = {
  new: "prisoner-import:counts.new",
  "update-draft": "prisoner-import:counts.update-draft",
  "pending-review": "prisoner-import:counts.pending-review",
  unchanged: "prisoner-import:counts.unchanged",
  error: "prisoner-import:counts.error",
} as const satisfies Record<RowOutcome, string>;

export const PROBLEM_KEYS = {
  "unterminated-quote": "prisoner-import:problem.unterminated-quote",
  "wrong-column-count": "prisoner-import:problem.wrong-column-count",
  "name-missing": "prisoner-import:problem.name-missing",
  "name-unreadable": "prisoner-import:problem.name-unreadable",
  "name-mixed-scripts": "prisoner-import:problem.name-mixed-scripts",
  "invalid-date": "prisoner-import:problem.invalid-date",
  "date-in-future": "prisoner-import:problem.date-in-future",
  "unknown-facility": "prisoner-import:problem.unknown-facility",
  "unknown-status": "prisoner-import:problem.unknown-status",
  "unknown-charge": "prisoner-import:problem.unknown-charge",
  "address-differs": "prisoner-import:problem.address-differs",
  "address-without-facility": "prisoner-import:problem.address-without-facility",
  "ambiguous-match": "prisoner-import:problem.ambiguous-match",
  "invalid-slug": "prisoner-import:problem.invalid-slug",
  "duplicate-row": "prisoner-import:problem.duplicate-row",
  "same-prisoner-twice": "prisoner-import:problem.same-prisoner-twice",
  "maybe-same-prisoner": "prisoner-import:problem.maybe-same-prisoner",
  "unknown-letter-status": "prisoner-import:problem.unknown-letter-status",
  "unknown-gender": "prisoner-import:problem.unknown-gender",
  "invalid-sentence": "prisoner-import:problem.invalid-sentence",
  "charges-need-review": "prisoner-import:problem.charges-need-review",
  "facility-draft": "prisoner-import:problem.facility-draft",
  "charge-draft": "prisoner-import:problem.charge-draft",
} as const satisfies Record<ProblemCode, string>;

export const FILE_PROBLEM_KEYS = {
  empty: "prisoner-import:file-problem.empty",
  binary: "prisoner-import:file-problem.binary",
  "too-large": "prisoner-import:file-problem.too-large",
  "too-many-rows": "prisoner-import:file-problem.too-many-rows",
  "no-name-column": "prisoner-import:file-problem.no-name-column",
  "no-rows": "prisoner-import:file-problem.no-rows",
} as const satisfies Record<FileProblem, string>;

export const FAILURE_KEYS = {
  "row-error": "prisoner-import:failure.row-error",
  "changed-since-check": "prisoner-import:failure.changed-since-check",
  "file-changed": "prisoner-import:failure.file-changed",
  interrupted: "prisoner-import:failure.interrupted",
  database: "prisoner-import:failure.database",
} as const satisfies Record<FailureReason, string>;
