// The CSV import of prisoners: parse → validate → plan (the dry run, stored as a CHECKED
// PrisonerImport with its report) → apply (one transaction, in the background).
//
// All or nothing: apply re-reads the stored file, plans every row again against the
// database inside ONE transaction and writes as it goes; a row that now fails (a facility
// deleted since the dry run, a profile changed) throws, the whole transaction rolls back and
// the import becomes FAILED with the reason. A facility or charge the database does not know
// does not fail its row: the apply creates it as a DRAFT with a pending ReferenceChange of the
// import (app/staff/reference/), reviewed by a second person, and the report warns of it. Profiles are written only through
// writeProfileFields, with a PrisonerChange (origin IMPORT) for every row, as the editor does;
// new people, most of a big file, are written in batches by createDraftProfiles
// (prisoner-fields-bulk.server.ts: the same rows, a few multi-row INSERTs per batch).
//
// Progress: rows written inside the transaction are invisible to other connections until
// commit, so the count of rows done is written apart: on PostgreSQL into PrisonerImportProgress
// on another connection (at most every PROGRESS_WRITE_MS), so the import page of any instance
// behind a load balancer reads it; on the embedded database (one process, one connection that
// the transaction holds) in an in-process map. The import row holds the state
// (APPLYING → APPLIED or FAILED). The apply transaction locks its PrisonerImport row first;
// at start-up, failInterruptedImports() marks as FAILED the APPLYING imports whose row no
// live transaction holds (a restart mid-import: nothing was committed).
import { createHash } from "node:crypto";

import type { Prisma, PrismaClient, PrisonerImportState, PrisonerStatus } from "@prisma/client";

import { audit } from "~/staff/audit.server";
import { parseCsv, type ParsedCsv } from "~/staff/csv";
import type { Actor } from "~/staff/permissions";
import { profileNameField, type NameFields, type ProfileFields } from "~/staff/profiles/prisoner-fields";
import { createDraftProfiles, newRowIds } from "~/staff/profiles/prisoner-fields-bulk.server";
import { diffProfileFields, readProfileFields, writeProfileFields } from "~/staff/profiles/prisoner-fields.server";
import { initialChangeState } from "~/staff/profiles/profile-change-state";
import { firstFreeSlug } from "~/prisoners/profile-slug";
import { emptyChargeValues, emptyFacilityValues, type FacilityKindValue } from "~/staff/reference/reference-fields";
import { createDraftCharge, createDraftFacility } from "~/staff/reference/reference.server";
import { getCurrentDatabase, getPrisma } from "~/utils/database.server";

import { importLifecycle, INITIAL_IMPORT_STATE, mayApplyImport } from "./import-state";
import {
  columnsForHeaders,
  parseImportGender,
  parseImportLetterStatus,
  parseImportSentence,
  summaryLanguageOf,
  emptyCounts,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  nameScriptOf,
  normaliseText,
  parseImportDate,
  parseImportStatus,
  splitCharges,
  splitFullName,
  type FailureReason,
  type FileProblem,
  type ImportColumn,
  type ImportReport,
  type ProblemCode,
  type ReportRow,
  type RowOutcome,
  type RowProblem,
} from "./prisoner-import";

type Tx = Prisma.TransactionClient;
type Db = Tx | PrismaClient;

// ---------------------------------------------------------------------------
// What the database knows, loaded once per check or apply

/**
 * A facility as the import knows it. `proposed` is one the file names that Listy does not know
 * yet: the apply creates it as a draft (then `slug` is set) before writing the first row that
 * names it; rows share this one object, so every later row gets the same draft.
 */
interface KnownFacility {
  slug: string;
  addresses: string[];
  draft: boolean;
  proposed?: { text: string; address: string };
}
/** A charge type as the import knows it; `proposed` as for facilities (`id` set once created). */
interface KnownCharge {
  id: string;
  slug: string;
  draft: boolean;
  proposed?: { text: string };
}

interface Knowledge {
  facilities: Map<string, KnownFacility>;
  chargesByArticle: Map<string, KnownCharge>;
  chargesByName: Map<string, KnownCharge>;
  /** "family|given" (normalised) → the prisoners with such a name. */
  names: Map<string, { prisonerId: string; slug: string; patronymic: string | null; birthDate: string | null }[]>;
  slugs: Map<string, { prisonerId: string }>;
  /** Addresses profiles had before a correction (decision 0017): they redirect, so nobody new gets one. */
  formerSlugs: Map<string, { prisonerId: string; slug: string }>;
}

const compactAddress = (value: string) => normaliseText(value).replace(/[\s.,;:"«»'’()-]+/g, "");
const nameKey = (family: string, given: string) => `${normaliseText(family)}|${normaliseText(given)}`;

async function loadKnowledge(db: Db): Promise<Knowledge> {
  const [facilities, chargeTypes, prisoners, formerSlugs] = await Promise.all([
    db.facility.findMany({ include: { translations: true } }),
    db.chargeType.findMany({ include: { translations: true } }),
    db.prisoner.findMany({ select: { id: true, slug: true, birthDate: true, names: true } }),
    db.formerPrisonerSlug.findMany({ select: { slug: true, prisonerId: true, prisoner: { select: { slug: true } } } }),
  ]);
  const knowledge: Knowledge = { facilities: new Map(), chargesByArticle: new Map(), chargesByName: new Map(), names: new Map(), slugs: new Map(), formerSlugs: new Map() };
  for (const former of formerSlugs) knowledge.formerSlugs.set(former.slug, { prisonerId: former.prisonerId, slug: former.prisoner.slug });
  for (const facility of facilities) {
    const addresses = [facility.postalAddressCyrillic, facility.postalAddressLatin].filter((a): a is string => Boolean(a)).map(compactAddress);
    const entry: KnownFacility = { slug: facility.slug, addresses, draft: facility.reviewState !== "APPROVED" };
    knowledge.facilities.set(normaliseText(facility.slug), entry);
    // Lists name a facility by its official designation («ИК-3») as often as by a name.
    if (facility.designation) knowledge.facilities.set(normaliseText(facility.designation), entry);
    for (const translation of facility.translations) knowledge.facilities.set(normaliseText(translation.name), entry);
  }
  for (const chargeType of chargeTypes) {
    const entry: KnownCharge = { id: chargeType.id, slug: chargeType.slug, draft: chargeType.reviewState !== "APPROVED" };
    if (chargeType.article) knowledge.chargesByArticle.set(normaliseText(chargeType.article), entry);
    knowledge.chargesByName.set(normaliseText(chargeType.slug), entry);
    for (const translation of chargeType.translations) knowledge.chargesByName.set(normaliseText(translation.name), entry);
  }
  for (const prisoner of prisoners) {
    knowledge.slugs.set(prisoner.slug, { prisonerId: prisoner.id });
    const birthDate = prisoner.birthDate ? prisoner.birthDate.toISOString().slice(0, 10) : null;
    const seen = new Set<string>();
    for (const name of prisoner.names) {
      const key = nameKey(name.familyName, name.givenName);
      if (seen.has(key)) continue;
      seen.add(key);
      const list = knowledge.names.get(key) ?? [];
      list.push({ prisonerId: prisoner.id, slug: prisoner.slug, patronymic: name.patronymic ? normaliseText(name.patronymic) : null, birthDate });
      knowledge.names.set(key, list);
    }
  }
  return knowledge;
}

// ---------------------------------------------------------------------------
// Reading one row

interface ReadRow {
  line: number;
  displayName: string;
  fields: ProfileFields;
  slug: string | null;
  name: (NameFields & { script: string }) | null;
  chargeIds: KnownCharge[];
  /** The row's facility when it is one the import proposes (created as a draft by the apply). */
  facility: KnownFacility | null;
  problems: RowProblem[];
  /** For duplicate detection: the row's cells, normalised. */
  fingerprint: string;
}

interface FileLayout {
  columns: { header: string; column: ImportColumn | null }[];
  index: Partial<Record<ImportColumn, number>>;
}

function layoutOf(header: string[]): FileLayout {
  const columns = columnsForHeaders(header).map((column, index) => ({ header: header[index]!, column }));
  const index: FileLayout["index"] = {};
  columns.forEach(({ column }, position) => {
    if (column && index[column] === undefined) index[column] = position;
  });
  return { columns, index };
}

function readRow(cells: string[], line: number, layout: FileLayout, knowledge: Knowledge, today: string): ReadRow {
  const problems: RowProblem[] = [];
  const header = (column: ImportColumn) => layout.columns[layout.index[column]!]!.header;
  const cell = (column: ImportColumn): string => {
    const position = layout.index[column];
    return position === undefined ? "" : (cells[position] ?? "").trim();
  };
  const error = (code: ProblemCode, column: ImportColumn | null, value?: string) =>
    problems.push({ severity: "error", code, column: column ? header(column) : null, ...(value !== undefined ? { value } : {}) });
  const warning = (code: ProblemCode, column: ImportColumn | null, value?: string) =>
    problems.push({ severity: "warning", code, column: column ? header(column) : null, ...(value !== undefined ? { value } : {}) });
  const fields: ProfileFields = {};

  // The name: one "Family Given Patronymic" column, or separate ones.
  let name: ReadRow["name"] = null;
  let displayName = "";
  const full = cell("fullName");
  const nameColumn: ImportColumn = layout.index.fullName !== undefined ? "fullName" : "familyName";
  let parts: { familyName: string; givenName: string; patronymic: string | null } | null = null;
  if (layout.index.fullName !== undefined && full) {
    displayName = full;
    parts = splitFullName(full);
    if (!parts) error("name-unreadable", "fullName", full);
  } else if (cell("familyName") || cell("givenName")) {
    displayName = [cell("familyName"), cell("givenName"), cell("patronymic")].filter(Boolean).join(" ");
    if (cell("familyName") && cell("givenName")) parts = { familyName: cell("familyName"), givenName: cell("givenName"), patronymic: cell("patronymic") || null };
    else error("name-unreadable", nameColumn, displayName);
  } else {
    error("name-missing", nameColumn);
  }
  if (parts) {
    const script = nameScriptOf([parts.familyName, parts.givenName, parts.patronymic ?? ""].join(" "));
    if (!script) error("name-mixed-scripts", nameColumn, displayName);
    else {
      name = { ...parts, script };
      fields[profileNameField(script)] = { givenName: parts.givenName, patronymic: parts.patronymic, familyName: parts.familyName };
    }
  }

  const slug = cell("slug");
  if (slug && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) error("invalid-slug", "slug", slug);

  for (const column of ["birthDate", "arrestedOn"] as const) {
    const value = cell(column);
    if (!value) continue;
    const date = parseImportDate(value);
    if (!date) error("invalid-date", column, value);
    else if (date > today) error("date-in-future", column, value);
    else fields[column] = date;
  }

  const statusText = cell("status");
  if (statusText) {
    const status = parseImportStatus(statusText);
    if (!status) error("unknown-status", "status", statusText);
    else fields.status = status;
  }

  const letterStatusText = cell("letterStatus");
  if (letterStatusText) {
    const letterStatus = parseImportLetterStatus(letterStatusText);
    if (!letterStatus) error("unknown-letter-status", "letterStatus", letterStatusText);
    else fields.letterStatus = letterStatus;
  }
  // Released, in exile or dead: no prison to post to, whatever the file leaves out (issue 16:
  // imported released people were offered the letter builder).
  if (!letterStatusText && fields.status && fields.status !== "IN_CUSTODY" && fields.status !== "INCOMMUNICADO") fields.letterStatus = "NOT_APPLICABLE";
  const genderText = cell("gender");
  if (genderText) {
    const gender = parseImportGender(genderText);
    if (!gender) error("unknown-gender", "gender", genderText);
    else fields.grammaticalGender = gender;
  }
  const sentenceText = cell("sentence");
  if (sentenceText) {
    const months = parseImportSentence(sentenceText);
    // A life sentence or "?" is not a length: the row is imported, the reviewer adds it by hand.
    if (months === null) warning("invalid-sentence", "sentence", sentenceText);
    else fields.sentenceMonths = months;
  }
  // One summary column per language ("Описание", "Summary (pl)" …): every one is read.
  layout.columns.forEach(({ header: summaryHeader, column }, position) => {
    const summary = column === "summary" ? (cells[position] ?? "").trim() : "";
    if (summary) fields[`summary.${summaryLanguageOf(summaryHeader, summary)}`] = summary;
  });

  const facilityText = cell("facility");
  const address = cell("address");
  let facility: KnownFacility | undefined;
  if (facilityText) {
    facility = knowledge.facilities.get(normaliseText(facilityText));
    if (!facility) {
      // Unknown: proposed as a draft (issue 16: 64% of a real list failed here).
      facility = { slug: "", addresses: [], draft: true, proposed: { text: facilityText, address } };
      knowledge.facilities.set(normaliseText(facilityText), facility);
    }
    if (facility.draft) warning("facility-draft", "facility", facilityText);
    fields.facility = facility.slug || proposedFacilityKey(facilityText);
  }
  if (address) {
    if (!facility) {
      if (!facilityText) warning("address-without-facility", "address", address);
    } else if (facility.addresses.length > 0 && !facility.addresses.includes(compactAddress(address))) {
      warning("address-differs", "address", address);
    }
  }

  const chargeIds: ReadRow["chargeIds"] = [];
  for (const token of splitCharges(cell("charges"))) {
    let found = knowledge.chargesByArticle.get(normaliseText(token)) ?? knowledge.chargesByName.get(normaliseText(token));
    if (!found) {
      found = { id: "", slug: "", draft: true, proposed: { text: token } };
      (looksLikeArticle(token) ? knowledge.chargesByArticle : knowledge.chargesByName).set(normaliseText(token), found);
    }
    if (found.draft) warning("charge-draft", "charges", token);
    if (!chargeIds.includes(found) && (!found.id || !chargeIds.some((charge) => charge.id === found.id))) chargeIds.push(found);
  }

  const fingerprint = layout.columns.map((_, position) => normaliseText(cells[position] ?? "")).join("\u0001");
  return { line, displayName, fields, slug: slug || null, name, chargeIds, facility: facility?.proposed ? facility : null, problems, fingerprint };
}

// ---------------------------------------------------------------------------
// Planning one row against the database

interface PlannedRow {
  read: ReadRow;
  outcome: RowOutcome;
  prisonerId: string | null;
  slug: string | null;
  /** The fields to write (new: all of them; update: only what differs). */
  change: { before: ProfileFields; after: ProfileFields } | null;
  version: number;
  newCharges: KnownCharge[];
}

function matchPrisoner(read: ReadRow, knowledge: Knowledge): { prisonerId: string; slug: string } | "ambiguous" | null {
  if (read.slug) {
    const found = knowledge.slugs.get(read.slug);
    if (found) return { prisonerId: found.prisonerId, slug: read.slug };
    // An older list names a person by the address they had then: the same person, as its redirect says.
    const former = knowledge.formerSlugs.get(read.slug);
    return former ? { prisonerId: former.prisonerId, slug: former.slug } : null;
  }
  if (!read.name) return null;
  const patronymic = read.name.patronymic ? normaliseText(read.name.patronymic) : null;
  const birthDate = read.fields.birthDate ?? null;
  const candidates = (knowledge.names.get(nameKey(read.name.familyName, read.name.givenName)) ?? []).filter(
    (candidate) =>
      (!patronymic || !candidate.patronymic || candidate.patronymic === patronymic) && (!birthDate || !candidate.birthDate || candidate.birthDate === birthDate),
  );
  const prisoners = new Map(candidates.map((candidate) => [candidate.prisonerId, candidate]));
  if (prisoners.size > 1) return "ambiguous";
  const [only] = prisoners.values();
  return only ? { prisonerId: only.prisonerId, slug: only.slug } : null;
}

async function planRow(db: Db, read: ReadRow, knowledge: Knowledge, takenSlugs: Set<string>): Promise<PlannedRow> {
  const base: PlannedRow = { read, outcome: "error", prisonerId: null, slug: null, change: null, version: 0, newCharges: [] };
  if (read.problems.some((problem) => problem.severity === "error")) return base;
  const match = matchPrisoner(read, knowledge);
  if (match === "ambiguous") {
    read.problems.push({ severity: "error", code: "ambiguous-match", column: null, value: read.displayName });
    return base;
  }
  if (!match) {
    if (!read.name) {
      read.problems.push({ severity: "error", code: "name-missing", column: null });
      return base;
    }
    const slug = read.slug ?? uniqueSlug(read.name, read.fields.birthDate, knowledge, takenSlugs);
    takenSlugs.add(slug);
    return { ...base, outcome: "new", slug, change: { before: {}, after: { slug, ...read.fields } }, version: 1, newCharges: read.chargeIds };
  }
  const current = await readProfileFields(db, match.prisonerId);
  if (!current) return { ...base, outcome: "error" };
  // Empty cells mean "not in this file": only the columns given are compared. A name that
  // matches but for case, ё/е or spaces keeps its stored spelling.
  const wanted: ProfileFields = { ...read.fields };
  for (const key of Object.keys(wanted) as (keyof ProfileFields)[]) {
    if (!key.startsWith("name.")) continue;
    const stored = current.fields[key] as NameFields | null | undefined;
    const given = wanted[key] as NameFields;
    if (stored && sameName(stored, given)) delete wanted[key];
  }
  const change = diffProfileFields(current.fields, wanted);
  if (change && "status" in change.after) {
    // The file reports a new status: its report (the import's source, added on apply) replaces this one.
    change.before.statusSource = current.fields.statusSource ?? null;
    change.before.statusReportedOn = current.fields.statusReportedOn ?? null;
    change.before.statusReportedPrecision = current.fields.statusReportedPrecision ?? null;
  }
  if (change && "letterStatus" in change.after) {
    change.before.letterStatusSource = current.fields.letterStatusSource ?? null;
    change.before.letterStatusReportedOn = current.fields.letterStatusReportedOn ?? null;
    change.before.letterStatusReportedPrecision = current.fields.letterStatusReportedPrecision ?? null;
  }
  const existing = await db.prisonerCharge.findMany({ where: { prisonerId: match.prisonerId }, select: { chargeTypeId: true } });
  const newCharges = read.chargeIds.filter((charge) => !charge.id || !existing.some((held) => held.chargeTypeId === charge.id));
  const planned = { ...base, prisonerId: match.prisonerId, slug: match.slug, change, version: current.version, newCharges };
  if (!change && newCharges.length === 0) return { ...planned, outcome: "unchanged" };
  if (current.draft) return { ...planned, outcome: "update-draft" };
  // Charges are not profile fields: a moderator adds them to a published profile by hand.
  if (newCharges.length > 0) read.problems.push({ severity: "warning", code: "charges-need-review", column: null, value: newCharges.map((c) => c.slug || c.proposed?.text).join(", ") });
  return { ...planned, outcome: change ? "pending-review" : "unchanged" };
}

/** The facility field of a row whose facility the apply creates: replaced by its slug then. */
const proposedFacilityKey = (text: string) => `proposed:${normaliseText(text)}`;
const looksLikeArticle = (token: string) => /^\d/.test(token);

/** What a draft facility made by the import holds: the file's words, for a reviewer to complete. */
function proposedFacilityValues(proposed: { text: string; address: string }) {
  const values = emptyFacilityValues();
  const text = proposed.text;
  const kind: FacilityKindValue = /ИК|колон|калон/iu.test(text) ? "PENAL_COLONY" : /СИЗО|СІЗА|изолятор|ізалятар/iu.test(text) ? "PRE_TRIAL_DETENTION" : /тюрьм|турм/iu.test(text) ? "PRISON" : "OTHER";
  values.kind = kind;
  values.designation = text.slice(0, 80);
  values.names[/[a-z]/i.test(text) && !/[а-яёіў]/i.test(text) ? "en" : /[іў]/i.test(text) ? "be" : "ru"] = text.slice(0, 200);
  values.postalAddressCyrillic = proposed.address.slice(0, 500);
  return values;
}

function proposedChargeValues(proposed: { text: string }) {
  const values = emptyChargeValues();
  if (looksLikeArticle(proposed.text)) values.article = proposed.text.slice(0, 40);
  else values.names[/[a-z]/i.test(proposed.text) && !/[а-яёіў]/i.test(proposed.text) ? "en" : /[іў]/i.test(proposed.text) ? "be" : "ru"] = proposed.text.slice(0, 200);
  return values;
}

/**
 * Before a row is written: the drafts it names are created (once per file, in the apply's
 * transaction, as the importer's proposals) and the row points at them.
 */
async function createProposedReference(tx: Tx, plan: PlannedRow, staff: { id: string }, importId: string, tally: { facilities: number; draftCharges: number }) {
  const facility = plan.read.facility;
  if (facility?.proposed) {
    if (!facility.slug) {
      facility.slug = (await createDraftFacility(tx, staff, proposedFacilityValues(facility.proposed), { importId })).slug;
      tally.facilities++;
    }
    if (plan.change && plan.change.after.facility === proposedFacilityKey(facility.proposed.text)) plan.change.after.facility = facility.slug;
  }
  for (const charge of plan.newCharges) {
    if (charge.id || !charge.proposed) continue;
    const created = await createDraftCharge(tx, staff, proposedChargeValues(charge.proposed), { importId });
    charge.id = created.id;
    charge.slug = created.slug;
    tally.draftCharges++;
  }
}

function sameName(a: NameFields, b: NameFields): boolean {
  const key = (name: NameFields) => [name.familyName, name.givenName, name.patronymic ?? ""].map(normaliseText).join("|");
  return key(a) === key(b);
}

/** A readable address from the row's name (decision 0017): birth year, then patronymic, tell namesakes apart. */
function uniqueSlug(name: NameFields & { script: string }, birthDate: unknown, knowledge: Knowledge, taken: Set<string>): string {
  const birthYear = typeof birthDate === "string" && /^\d{4}/.test(birthDate) ? Number(birthDate.slice(0, 4)) : null;
  const person = {
    belarusian: name.script === "BE_CYRILLIC" ? name : null,
    russian: name.script === "RU_CYRILLIC" ? name : null,
    latin: name.script === "LATIN" ? name : null,
    birthYear,
  };
  return firstFreeSlug(person, (slug) => knowledge.slugs.has(slug) || knowledge.formerSlugs.has(slug) || taken.has(slug));
}

// ---------------------------------------------------------------------------
// The dry run

export interface CheckInput {
  fileName: string;
  bytes: Uint8Array;
  sourceTitle: string | null;
  sourceUrl: string | null;
}

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Bytes a text file does not hold: NUL and most C0 controls. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control > sample.length / 100;
}

interface Analysis {
  report: ImportReport;
  parsed: ParsedCsv | null;
  planned: PlannedRow[];
}

/** Reads and plans a whole file against the database (nothing written). */
export async function analyseFile(
  db: Db,
  input: CheckInput,
  today = new Date().toISOString().slice(0, 10),
  /** Called for each row once planned, in file order (apply writes it there and then). */
  onPlanned?: (plan: PlannedRow) => Promise<void>,
): Promise<Analysis> {
  const report: ImportReport = {
    version: 1,
    delimiter: ",",
    columns: [],
    fileProblem: null,
    counts: emptyCounts(),
    warnings: 0,
    rows: [],
    source: { title: input.sourceTitle, url: input.sourceUrl },
  };
  const fail = (problem: FileProblem): Analysis => ({ report: { ...report, fileProblem: problem }, parsed: null, planned: [] });
  if (input.bytes.length === 0) return fail("empty");
  if (input.bytes.length > IMPORT_MAX_BYTES) return fail("too-large");
  if (looksBinary(input.bytes)) return fail("binary");
  const parsed = parseCsv(input.bytes);
  report.delimiter = parsed.delimiter;
  const layout = layoutOf(parsed.header);
  report.columns = layout.columns;
  if (parsed.rows.length + parsed.errors.length > IMPORT_MAX_ROWS) return { ...fail("too-many-rows"), parsed };
  if (layout.index.fullName === undefined && (layout.index.familyName === undefined || layout.index.givenName === undefined)) {
    return { ...fail("no-name-column"), parsed };
  }
  if (parsed.rows.length + parsed.errors.length === 0) return { ...fail("no-rows"), parsed };

  const knowledge = await loadKnowledge(db);
  // parseCsv drops unusable records into `errors`; line numbers tell them apart from rows.
  const lines = dataLines(parsed);
  const rows: ReportRow[] = [];
  const planned: PlannedRow[] = [];
  const seenRows = new Map<string, number>();
  const seenPrisoners = new Map<string, number>();
  const seenNewNames = new Map<string, { line: number; patronymic: string; birthDate: string | null }[]>();
  const takenSlugs = new Set<string>();
  for (const problem of parsed.errors) {
    rows.push({ line: problem.line, name: "", outcome: "error", problems: [{ severity: "error", code: problem.problem, column: null }] });
  }
  for (let i = 0; i < parsed.rows.length; i++) {
    const read = readRow(parsed.rows[i]!, lines[i]!, layout, knowledge, today);
    const earlier = seenRows.get(read.fingerprint);
    if (earlier !== undefined) read.problems.push({ severity: "error", code: "duplicate-row", column: null, value: String(earlier) });
    else seenRows.set(read.fingerprint, read.line);
    const plan = await planRow(db, read, knowledge, takenSlugs);
    // Two rows about one person (one new, or one existing) would overwrite each other. A new
    // person is judged on the full name with patronymic and the date of birth: namesakes with
    // another patronymic or year are other people (issue 16: 83 of 110 refusals were).
    const newName = plan.outcome === "new" && !read.slug && read.name ? `${nameKey(read.name.familyName, read.name.givenName)}|${normaliseText(read.name.patronymic ?? "")}` : null;
    const who = plan.prisonerId ?? (newName ? `name:${newName}|${read.fields.birthDate ?? ""}` : plan.slug ? `slug:${plan.slug}` : null);
    if (who && plan.outcome !== "error" && earlier === undefined) {
      const first = seenPrisoners.get(who);
      if (first !== undefined) {
        read.problems.push({ severity: "error", code: "same-prisoner-twice", column: null, value: String(first) });
        plan.outcome = "error";
      } else {
        seenPrisoners.set(who, read.line);
        // The same full name where one row lacks the date of birth (or the patronymic): maybe one
        // person, maybe two. Imported as two drafts, with a warning for the reviewer.
        if (newName) {
          const loose = nameKey(read.name!.familyName, read.name!.givenName);
          const earlierSameName = seenNewNames.get(loose)?.find(
            (other) =>
              (other.patronymic === normaliseText(read.name!.patronymic ?? "") || !other.patronymic || !read.name!.patronymic) &&
              (!other.birthDate || !read.fields.birthDate),
          );
          if (earlierSameName) read.problems.push({ severity: "warning", code: "maybe-same-prisoner", column: null, value: String(earlierSameName.line) });
          const list = seenNewNames.get(loose) ?? [];
          list.push({ line: read.line, patronymic: normaliseText(read.name!.patronymic ?? ""), birthDate: typeof read.fields.birthDate === "string" ? read.fields.birthDate : null });
          seenNewNames.set(loose, list);
        }
      }
    }
    if (earlier !== undefined) plan.outcome = "error";
    planned.push(plan);
    rows.push({
      line: read.line,
      name: read.displayName,
      outcome: plan.outcome,
      ...(plan.slug ? { slug: plan.slug } : {}),
      ...(plan.change ? { fields: Object.keys(plan.change.after).filter((key) => key !== "slug") } : {}),
      problems: read.problems,
    });
    if (onPlanned) await onPlanned(plan);
  }
  rows.sort((a, b) => a.line - b.line);
  for (const row of rows) {
    report.counts[row.outcome]++;
    if (row.problems.some((problem) => problem.severity === "warning")) report.warnings++;
  }
  report.rows = rows;
  return { report, parsed, planned };
}

/** The 1-based file line where each parsed data row starts (parseCsv keeps them in order). */
function dataLines(parsed: ParsedCsv): number[] {
  return parsed.rowLines;
}

export async function checkImport(staff: { id: string }, input: CheckInput): Promise<{ id: string; report: ImportReport }> {
  const prisma = getPrisma();
  const { report, parsed } = await analyseFile(prisma, input);
  const encoding = parsed?.encoding ?? "unknown";
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.prisonerImport.create({
      data: {
        staffId: staff.id,
        fileName: input.fileName.slice(0, 200),
        sha256: sha256(input.bytes),
        encoding,
        state: INITIAL_IMPORT_STATE,
        totalRows: report.rows.length,
        report: report as unknown as Prisma.InputJsonObject,
      },
    });
    // The file is kept for the apply step only (public list data, no supporter data). Written
    // as base64 through SQL: the embedded database's Prisma adapter refuses Bytes arguments.
    if (!report.fileProblem && report.counts.error === 0) {
      const base64 = Buffer.from(input.bytes).toString("base64");
      await tx.$executeRaw`UPDATE "PrisonerImport" SET "content" = decode(${base64}, 'base64') WHERE "id" = ${created.id}`;
    }
    await audit(tx, staff, "prisoner.import.check", { type: "PrisonerImport", id: created.id }, { rows: report.rows.length, errors: report.counts.error, ...countDetails(report) });
    return created;
  });
  return { id: row.id, report };
}

function countDetails(report: ImportReport) {
  return { new: report.counts.new, updates: report.counts["update-draft"], pending: report.counts["pending-review"], unchanged: report.counts.unchanged };
}

// ---------------------------------------------------------------------------
// Viewing

export interface ImportView {
  id: string;
  fileName: string;
  state: PrisonerImportState;
  encoding: string;
  staffId: string | null;
  staffName: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  totalRows: number;
  processedRows: number;
  report: ImportReport;
}

export async function findImport(id: string): Promise<ImportView | null> {
  const row = await getPrisma().prisonerImport.findUnique({ where: { id }, include: { staff: { select: { displayName: true } } } });
  if (!row) return null;
  const live = row.state === "APPLYING" ? await readProgress(id) : null;
  return {
    id: row.id,
    fileName: row.fileName,
    state: row.state,
    encoding: row.encoding,
    staffId: row.staffId,
    staffName: row.staff?.displayName ?? null,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    totalRows: row.totalRows,
    processedRows: live ?? row.processedRows,
    report: row.report as unknown as ImportReport,
  };
}

export async function listImports(limit = 20) {
  const rows = await getPrisma().prisonerImport.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, fileName: true, state: true, totalRows: true, createdAt: true, staff: { select: { displayName: true } } },
  });
  return rows.map((row) => ({ id: row.id, fileName: row.fileName, state: row.state, totalRows: row.totalRows, createdAt: row.createdAt, staffName: row.staff?.displayName ?? null }));
}

export { mayApplyImport };

// ---------------------------------------------------------------------------
// Applying

/** Rows done so far, per running import of this process (see the comment at the top). */
const progress = new Map<string, { processed: number; total: number }>();
const running = new Map<string, Promise<void>>();

/** How often a running apply writes its count for the other instances (PostgreSQL). */
const PROGRESS_WRITE_MS = 200;

const sharesProgress = () => getCurrentDatabase().target.kind === "postgres";

/**
 * Rows done by a running apply. On PostgreSQL every instance, the one applying included, reads
 * the shared count, so the figure never goes back when the next refresh lands elsewhere.
 */
async function readProgress(id: string): Promise<number | null> {
  if (!sharesProgress()) return progress.get(id)?.processed ?? null;
  const [row] = await getCurrentDatabase().sql.query<{ processedRows: number }>(`SELECT "processedRows" FROM "PrisonerImportProgress" WHERE "importId" = $1`, [id]);
  return row?.processedRows ?? null;
}

/**
 * Records the count of rows done in this process and, on PostgreSQL, in PrisonerImportProgress
 * through the pool (not the apply's transaction, whose writes nobody sees before it commits).
 * The row is made before the transaction locks the import row: an update that leaves the key
 * alone needs no foreign-key check, so it never waits for that lock.
 */
async function progressRecorder(id: string, total: number) {
  const shared = sharesProgress();
  const sql = getCurrentDatabase().sql;
  progress.set(id, { processed: 0, total });
  if (shared) {
    await sql.query(
      `INSERT INTO "PrisonerImportProgress" ("importId", "processedRows", "updatedAt") VALUES ($1, 0, now())
       ON CONFLICT ("importId") DO UPDATE SET "processedRows" = 0, "updatedAt" = now()`,
      [id],
    );
  }
  let writtenAt = 0; // the first batch is shown at once
  let writing = false;
  return {
    // Not awaited by the apply: the write needs a second connection from the pool, and the
    // apply's transaction (holding locks others wait for) must never wait for one, nor fail
    // because a progress figure could not be written. One write at a time; a later count wins.
    async record(processed: number) {
      progress.set(id, { processed, total });
      if (!shared || writing || Date.now() - writtenAt < PROGRESS_WRITE_MS) return;
      writtenAt = Date.now();
      writing = true;
      void sql
        .query(`UPDATE "PrisonerImportProgress" SET "processedRows" = $2, "updatedAt" = now() WHERE "importId" = $1`, [id, processed])
        .catch(() => undefined)
        .finally(() => {
          writing = false;
        });
    },
    // The shared row stays (it goes with its import): a page that read the import as APPLYING
    // just before the commit still finds the count, not nothing.
    end() {
      progress.delete(id);
    },
  };
}

export type StartApplyResult = { ok: true } | { ok: false; reason: "not-found" | "forbidden" | "not-checked" | "has-errors" };

/** Moves CHECKED → APPLYING and starts the work in the background; the caller answers at once. */
export async function startApply(actor: Actor & { kind: "staff" }, id: string): Promise<StartApplyResult> {
  const prisma = getPrisma();
  const row = await prisma.prisonerImport.findUnique({ where: { id }, select: { staffId: true, state: true, report: true } });
  if (!row) return { ok: false, reason: "not-found" };
  if (!mayApplyImport(actor, row)) return { ok: false, reason: "forbidden" };
  const report = row.report as unknown as ImportReport;
  if (report.fileProblem || report.counts.error > 0) return { ok: false, reason: "has-errors" };
  const { count } = await prisma.prisonerImport.updateMany({ where: { id, state: { in: importLifecycle.fromStates("start") } }, data: { state: importLifecycle.moves.start.to } });
  if (count === 0) return { ok: false, reason: "not-checked" };
  const work = applyImport(id, { id: actor.id })
    .catch((error: unknown) => console.error(`import ${id}: ${(error as Error).message}`))
    .finally(() => running.delete(id));
  running.set(id, work);
  return { ok: true };
}

/** Rows written so far by a running apply in this process, or null. */
export function importProgress(id: string): { processed: number; total: number } | null {
  return progress.get(id) ?? null;
}

/** For tests and the benchmark: resolves when this process's apply of the import is over. */
export async function waitForImport(id: string): Promise<void> {
  await running.get(id);
}

class ImportAbort extends Error {
  constructor(
    readonly reason: FailureReason,
    readonly line?: number,
    readonly code?: ProblemCode,
  ) {
    super(`import aborted: ${reason}${line ? ` at line ${line}` : ""}${code ? ` (${code})` : ""}`);
  }
}

/**
 * New people are written in batches of this many rows (smaller for small files, so that the
 * progress bar still moves): ~20 progress steps, at most 500 rows per statement.
 */
export const importBatchSize = (totalRows: number) => Math.min(500, Math.max(25, Math.ceil(totalRows / 20)));

const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Every row in one transaction; any failure rolls all of them back and marks the import FAILED.
 * `perRow` writes new people one by one as before batching (kept for the benchmark, which
 * compares both on the same data).
 */
export async function applyImport(
  id: string,
  staff: { id: string },
  { today = new Date().toISOString().slice(0, 10), perRow = false }: { today?: string; perRow?: boolean } = {},
): Promise<void> {
  const prisma = getPrisma();
  const stored = await prisma.prisonerImport.findUniqueOrThrow({ where: { id } });
  const checkedReport = stored.report as unknown as ImportReport;
  let recorder: Awaited<ReturnType<typeof progressRecorder>> | undefined;
  try {
    recorder = await progressRecorder(id, stored.totalRows);
    const { record } = recorder;
    await prisma.$transaction(
      async (tx) => {
        // The lock tells failInterruptedImports() that this import is alive.
        const locked = await tx.$queryRaw<{ state: PrisonerImportState }[]>`SELECT "state"::text AS state FROM "PrisonerImport" WHERE "id" = ${id} FOR UPDATE`;
        if (!locked[0] || !importLifecycle.allows("finish", locked[0].state)) throw new ImportAbort("interrupted");
        if (!stored.content || sha256(stored.content) !== stored.sha256) throw new ImportAbort("file-changed");
        const expected = new Map(checkedReport.rows.map((row) => [row.line, row.outcome]));
        // One source per import, made when the first charge needs it.
        let sourceId: string | null = null;
        const source = async () => (sourceId ??= (await createImportSource(tx, stored.fileName, checkedReport, today, id)).id);
        const tally = { created: 0, updated: 0, pending: 0, charges: 0 };
        const drafts = { facilities: 0, draftCharges: 0 };
        // A status cell is a report by the file: the import's source, dated on its day.
        const reported = async (fields: ProfileFields): Promise<ProfileFields> => {
          if (!("status" in fields) && !("letterStatus" in fields)) return fields;
          await source();
          const report = { reportedOn: today, precision: "DAY" as const };
          return {
            ...fields,
            ...("status" in fields ? { statusSource: importSourceKey(id), statusReportedOn: report.reportedOn, statusReportedPrecision: report.precision } : {}),
            // «Unknown» needs no report (as in the editor).
            ...("letterStatus" in fields && fields.letterStatus !== "UNKNOWN"
              ? { letterStatusSource: importSourceKey(id), letterStatusReportedOn: report.reportedOn, letterStatusReportedPrecision: report.precision }
              : {}),
          };
        };
        const context = { importId: id, staffId: staff.id, source, reported, tally };
        let done = 0;
        // New people wait here until a batch is full. Deferring them changes nothing: the
        // plan of a later row does not depend on earlier rows' writes (matching uses what the
        // database held when apply began, and the slugs handed out are tracked while planning).
        const batch: PlannedRow[] = [];
        const batchSize = importBatchSize(stored.totalRows);
        const flush = async () => {
          if (batch.length === 0) return;
          const rows = batch.splice(0);
          await writeNewRows(tx, rows, context);
          done += rows.length;
          await record(done);
          // The embedded database answers in microtasks: let timers and requests run between batches.
          await yieldToEventLoop();
        };
        // Each row is planned again against the database as it is now, then written.
        const { report } = await analyseFile(tx, { fileName: stored.fileName, bytes: stored.content, sourceTitle: null, sourceUrl: null }, today, async (plan) => {
          const line = plan.read.line;
          const firstError = plan.read.problems.find((problem) => problem.severity === "error");
          if (plan.outcome === "error") throw new ImportAbort("row-error", line, firstError?.code);
          if (expected.get(line) !== plan.outcome) throw new ImportAbort("changed-since-check", line);
          if (plan.outcome !== "unchanged") await createProposedReference(tx, plan, staff, id, drafts);
          if (plan.outcome === "new" && !perRow) {
            batch.push(plan);
            if (batch.length >= batchSize) await flush();
            return;
          }
          await writePlannedRow(tx, plan, context);
          done++;
          await record(done);
          if (done % 50 === 0) await yieldToEventLoop();
        });
        if (report.fileProblem || report.counts.error > 0) throw new ImportAbort("row-error", report.rows.find((row) => row.outcome === "error")?.line);
        await flush();
        await tx.prisonerImport.update({
          where: { id },
          data: {
            state: importLifecycle.moves.finish.to,
            processedRows: stored.totalRows,
            finishedAt: new Date(),
            content: null,
            report: { ...checkedReport, applied: tally } as unknown as Prisma.InputJsonObject,
          },
        });
        await audit(tx, staff, "prisoner.import.apply", { type: "PrisonerImport", id }, { rows: stored.totalRows, ...tally, ...drafts });
      },
      { timeout: 30 * 60_000, maxWait: 60_000 },
    );
  } catch (error) {
    const failure = error instanceof ImportAbort ? { reason: error.reason, ...(error.line ? { line: error.line } : {}), ...(error.code ? { code: error.code } : {}) } : { reason: "database" as const };
    if (!(error instanceof ImportAbort)) console.error(`import ${id} failed: ${(error as Error).message}`);
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.prisonerImport.updateMany({
        where: { id, state: { in: importLifecycle.fromStates("fail") } },
        data: { state: importLifecycle.moves.fail.to, finishedAt: new Date(), report: { ...checkedReport, failure } as unknown as Prisma.InputJsonObject },
      });
      if (count > 0) await audit(tx, staff, "prisoner.import.fail", { type: "PrisonerImport", id }, { rows: stored.totalRows, reason: failure.reason });
    });
  } finally {
    recorder?.end();
  }
}

const importSourceKey = (importId: string) => `csv-import-${importId}`;

async function createImportSource(tx: Tx, fileName: string, report: ImportReport, today: string, importId: string) {
  const publication = `CSV import ${fileName}, ${today}`.slice(0, 300);
  return tx.source.create({
    data: {
      key: importSourceKey(importId),
      datePrecision: "DAY",
      publication,
      title: report.source.title,
      url: report.source.url,
      publishedOn: new Date(`${today}T00:00:00.000Z`),
      note: "Created by the CSV import in the back office.",
    },
  });
}

interface ImportWriteContext {
  importId: string;
  staffId: string;
  /** The import's Source row (created on first use); its id. */
  source: () => Promise<string>;
  /** The fields with the file's status reported by the import's source. */
  reported: (fields: ProfileFields) => Promise<ProfileFields>;
  tally: { created: number; updated: number; pending: number; charges: number };
}

async function writePlannedRow(
  tx: Tx,
  plan: PlannedRow,
  { importId, staffId, source, reported, tally }: ImportWriteContext,
) {
  if (plan.outcome === "unchanged" || (!plan.change && plan.newCharges.length === 0)) return;
  const common = { origin: "IMPORT" as const, importId, authorId: staffId };
  const change = plan.change ? { before: plan.change.before, after: await reported(plan.change.after) } : null;
  if (plan.outcome === "new") {
    const after = change!.after;
    const created = await tx.prisoner.create({
      data: { slug: after.slug!, status: (after.status ?? "IN_CUSTODY") as PrisonerStatus, lastVerifiedOn: new Date(), draft: true },
    });
    const { slug: _slug, ...rest } = after;
    await writeProfileFields(tx, created.id, rest, { otherLanguagesNeedReview: false });
    const full: ProfileFields = { ...after, status: after.status ?? "IN_CUSTODY" };
    await tx.prisonerChange.create({ data: { ...common, prisonerId: created.id, state: initialChangeState({ draft: true }), baseVersion: 1, before: {}, after: full as Prisma.InputJsonObject, decidedAt: new Date() } });
    await addCharges(tx, created.id, plan.newCharges, source, tally);
    tally.created++;
    return;
  }
  const prisonerId = plan.prisonerId!;
  if (plan.outcome === "update-draft") {
    if (change) {
      await writeProfileFields(tx, prisonerId, change.after, { otherLanguagesNeedReview: false });
      await tx.prisonerChange.create({
        data: { ...common, prisonerId, state: initialChangeState({ draft: true }), baseVersion: plan.version, before: change.before as Prisma.InputJsonObject, after: change.after as Prisma.InputJsonObject, decidedAt: new Date() },
      });
    }
    await addCharges(tx, prisonerId, plan.newCharges, source, tally);
    tally.updated++;
    return;
  }
  // A published profile: a proposal for the moderators; nothing public changes.
  const charges = plan.newCharges.map((charge) => charge.slug).join(", ");
  await tx.prisonerChange.create({
    data: {
      ...common,
      prisonerId,
      state: initialChangeState({ draft: false }),
      baseVersion: plan.version,
      before: change!.before as Prisma.InputJsonObject,
      after: change!.after as Prisma.InputJsonObject,
      note: charges ? `CSV import, line ${plan.read.line}. Charges in the file not on the profile: ${charges}` : `CSV import, line ${plan.read.line}`,
    },
  });
  tally.pending++;
}

/**
 * New people in one batch: profiles, history rows and charges, five statements in all. The
 * history rows are those writePlannedRow writes one by one (origin IMPORT, APPLIED, base
 * version 1, before {}, after = every field given); raw SQL for the speed (see
 * prisoner-fields-bulk.server.ts).
 */
async function writeNewRows(
  tx: Tx,
  plans: PlannedRow[],
  { importId, staffId, source, reported, tally }: ImportWriteContext,
) {
  const now = new Date();
  const stamp = now.toISOString();
  // One by one: the first status makes the import's source.
  const fields: ProfileFields[] = [];
  for (const plan of plans) fields.push(await reported(plan.change!.after));
  const ids = await createDraftProfiles(tx, fields, { now });
  const afters = fields.map((after) => JSON.stringify({ ...after, status: after.status ?? "IN_CUSTODY" }));
  await tx.$executeRaw`
    INSERT INTO "PrisonerChange" ("id", "prisonerId", "origin", "state", "baseVersion", "before", "after", "authorId", "importId", "createdAt", "decidedAt")
    SELECT id, pid, 'IMPORT', ${initialChangeState({ draft: true })}::"PrisonerChangeState", 1, '{}'::jsonb, after::jsonb, ${staffId}, ${importId}, ${stamp}::timestamp(3), ${stamp}::timestamp(3)
    FROM unnest(${newRowIds(plans.length)}::text[], ${ids}::text[], ${afters}::text[]) AS t(id, pid, after)`;
  const charged = plans.flatMap((plan, index) => plan.newCharges.map((charge) => ({ prisonerId: ids[index]!, chargeTypeId: charge.id })));
  if (charged.length > 0) {
    const sourceId = await source();
    await tx.$executeRaw`
      INSERT INTO "PrisonerCharge" ("prisonerId", "chargeTypeId", "sourceId")
      SELECT pid, cid, ${sourceId} FROM unnest(${charged.map((c) => c.prisonerId)}::text[], ${charged.map((c) => c.chargeTypeId)}::text[]) AS t(pid, cid)`;
    tally.charges += charged.length;
  }
  tally.created += plans.length;
}

async function addCharges(tx: Tx, prisonerId: string, charges: { id: string }[], source: () => Promise<string>, tally: { charges: number }) {
  for (const charge of charges) {
    await tx.prisonerCharge.create({ data: { prisonerId, chargeTypeId: charge.id, sourceId: await source() } });
    tally.charges++;
  }
}

/**
 * At start-up (server/index.ts, before listening): imports left APPLYING by a process that
 * stopped mid-apply are FAILED; their transaction never committed, so nothing was written.
 * Rows locked by a live apply (another instance) are skipped.
 */
export async function failInterruptedImports(prisma: PrismaClient = getPrisma()): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const interruptible = importLifecycle.fromStates("interrupt");
    const stale = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "PrisonerImport" WHERE "state"::text = ANY(${interruptible}::text[]) FOR UPDATE SKIP LOCKED`;
    for (const { id } of stale) {
      const row = await tx.prisonerImport.findUniqueOrThrow({ where: { id }, select: { report: true, staffId: true, totalRows: true } });
      const report = { ...(row.report as unknown as ImportReport), failure: { reason: "interrupted" as const } };
      await tx.prisonerImport.update({ where: { id }, data: { state: importLifecycle.moves.interrupt.to, finishedAt: new Date(), report: report as unknown as Prisma.InputJsonObject } });
      await audit(tx, null, "prisoner.import.fail", { type: "PrisonerImport", id }, { rows: row.totalRows, reason: "interrupted" });
    }
    return stale.length;
  });
}
