// The CSV import of prisoners, the pure half: which header names mean which column, how a
// cell becomes a date, a status or a name, and the shape of the report the import page
// shows. No database here (prisoner-import.server.ts plans and applies).
import type { PrisonerStatus } from "@prisma/client";

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
  return HEADER_LOOKUP.get(normaliseHeader(name)) ?? null;
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
  | "charges-need-review";

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
  "charges-need-review": "prisoner-import:problem.charges-need-review",
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
