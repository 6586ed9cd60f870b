// A facility list from CSV, browser-safe part: which header is which field, how a row reads
// as facility values, and the report's shape. A dry run reports every line (new, update,
// unchanged or an error with its translated reason); the apply writes nothing unless every
// line reads, and then only drafts and pending changes for a second person to approve.
import { supportedLanguages, type Language } from "~/i18n";

import { emptyFacilityValues, facilityErrors, FACILITY_KINDS, type FacilityKindValue, type FacilityTextField, type FacilityValues, type ReferenceErrorCode } from "./reference-fields";

export const FACILITY_IMPORT_MAX_BYTES = 1024 * 1024;
export const FACILITY_IMPORT_MAX_ROWS = 2000;

type Column = FacilityTextField | "kind" | `name.${Language}`;

const HEADERS: Record<string, Column> = {
  designation: "designation",
  обозначение: "designation",
  абазначэнне: "designation",
  учреждение: "designation",
  установа: "designation",
  kind: "kind",
  type: "kind",
  тип: "kind",
  street: "street",
  улица: "street",
  вуліца: "street",
  locality: "locality",
  village: "locality",
  посёлок: "locality",
  поселок: "locality",
  вёска: "locality",
  town: "town",
  city: "town",
  город: "town",
  горад: "town",
  district: "district",
  район: "district",
  раён: "district",
  region: "region",
  область: "region",
  вобласць: "region",
  postcode: "postcode",
  zip: "postcode",
  индекс: "postcode",
  індэкс: "postcode",
  address: "postalAddressCyrillic",
  адрес: "postalAddressCyrillic",
  адрас: "postalAddressCyrillic",
  "address latin": "postalAddressLatin",
  "latin address": "postalAddressLatin",
  "адрес латиницей": "postalAddressLatin",
  "адрас лацінкай": "postalAddressLatin",
  source: "sources",
  sources: "sources",
  источник: "sources",
  источники: "sources",
  крыніца: "sources",
  крыніцы: "sources",
  name: "name.en",
  название: "name.ru",
  назва: "name.be",
};

/** The field a header names, or null (ignored): "Name (pl)", "name_be" and "назва" name languages. */
export function facilityColumnOf(header: string): Column | null {
  const key = header.trim().toLowerCase().replace(/ё/g, "ё").replace(/[_\s]+/g, " ");
  const language = /^(?:name|название|назва|nazwa|pavadinimas)\s*\(?\s*(be|ru|uk|pl|lt|en)\)?$/.exec(key)?.[1];
  if (language) return `name.${language as Language}`;
  return HEADERS[key] ?? null;
}

/** A kind cell («колония», "prison", PENAL_COLONY …), or guessed from the designation when empty. */
export function facilityKindOf(cell: string, designation: string): FacilityKindValue | null {
  const text = cell.trim();
  if ((FACILITY_KINDS as readonly string[]).includes(text.toUpperCase())) return text.toUpperCase() as FacilityKindValue;
  const probe = text || designation;
  if (/ИК|колон|калон|colony|kolonia/iu.test(probe)) return "PENAL_COLONY";
  if (/СИЗО|СІЗА|изолятор|ізалятар|pre-trial|detention|areszt/iu.test(probe)) return "PRE_TRIAL_DETENTION";
  if (/тюрьм|турм|prison|więzien/iu.test(probe)) return "PRISON";
  return text ? null : "OTHER";
}

export type FacilityRowOutcome = "new" | "update" | "unchanged" | "error";
export type FacilityRowProblem = { field: string; code: ReferenceErrorCode | "kind-unknown" | "same-as-line" | "unterminated-quote" | "wrong-column-count"; value?: string };

export interface FacilityReportRow {
  line: number;
  designation: string;
  outcome: FacilityRowOutcome;
  problems: FacilityRowProblem[];
}

export interface FacilityImportReport {
  fileProblem: "empty" | "too-large" | "no-designation-column" | "no-rows" | "too-many-rows" | null;
  ignoredHeaders: string[];
  rows: FacilityReportRow[];
  counts: Record<FacilityRowOutcome, number>;
}

/** One row as facility values and its problems (empty cells stay empty). */
export function readFacilityRow(cells: string[], columns: (Column | null)[]): { values: FacilityValues; given: Set<string>; problems: FacilityRowProblem[] } {
  const values = emptyFacilityValues();
  const given = new Set<string>();
  let kindCell = "";
  columns.forEach((column, position) => {
    const cell = (cells[position] ?? "").trim();
    if (!column || !cell) return;
    given.add(column);
    if (column === "kind") kindCell = cell;
    else if (column.startsWith("name.")) values.names[column.slice(5) as Language] = cell;
    else values[column as FacilityTextField] = cell;
  });
  const problems: FacilityRowProblem[] = [];
  const kind = facilityKindOf(kindCell, values.designation);
  if (!kind) problems.push({ field: "kind", code: "kind-unknown", value: kindCell });
  values.kind = kind ?? "OTHER";
  // A list without names: the designation stands in for the Russian one until a reviewer adds them.
  if (supportedLanguages.every((language) => !values.names[language]) && values.designation) values.names.ru = values.designation;
  for (const [field, code] of Object.entries(facilityErrors(values))) if (code && field !== "kind") problems.push({ field, code, value: field.startsWith("name.") ? values.names[field.slice(5) as Language] : String(values[field as FacilityTextField] ?? "") });
  return { values, given, problems };
}

export const FACILITY_IMPORT_PROBLEM_KEYS = {
  required: "reference-data:import.problem.required",
  "too-long": "reference-data:import.problem.too-long",
  "choice-invalid": "reference-data:import.problem.choice-invalid",
  "postcode-invalid": "reference-data:import.problem.postcode-invalid",
  "name-required": "reference-data:import.problem.name-required",
  duplicate: "reference-data:import.problem.duplicate",
  "kind-unknown": "reference-data:import.problem.kind-unknown",
  "same-as-line": "reference-data:import.problem.same-as-line",
  "unterminated-quote": "reference-data:import.problem.unterminated-quote",
  "wrong-column-count": "reference-data:import.problem.wrong-column-count",
} as const satisfies Record<FacilityRowProblem["code"], string>;

export const FACILITY_FILE_PROBLEM_KEYS = {
  empty: "reference-data:import.file.empty",
  "too-large": "reference-data:import.file.too-large",
  "no-designation-column": "reference-data:import.file.no-designation-column",
  "no-rows": "reference-data:import.file.no-rows",
  "too-many-rows": "reference-data:import.file.too-many-rows",
} as const;

export const FACILITY_OUTCOME_KEYS = {
  new: "reference-data:import.outcome.new",
  update: "reference-data:import.outcome.update",
  unchanged: "reference-data:import.outcome.unchanged",
  error: "reference-data:import.outcome.error",
} as const;
