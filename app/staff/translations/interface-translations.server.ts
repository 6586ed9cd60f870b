// The translation workspace's interface strings: completeness, the keys of one file with their
// English source and context, saving one key, and uploading a whole file. Every check is the
// one `npm run i18n:check` runs (analyzeNamespace in app/staff/translations/locale-check.server.ts), on the
// file as it would be after the change, so the workspace can never save what the check refuses.
//
// Where a saved string goes (decision 0022): into the database, one "InterfaceString" row per
// file key, in one transaction that bumps the strings revision; every instance follows it and
// serves the committed files overlaid by the rows (app/utils/locales.server.ts). Nothing is
// written to locales/. The effective file ("download", or `npm run i18n:export` for all of
// them) is formatted as `npm run i18n:format` writes it, ready to commit; once a deploy ships a
// different committed value for a key, the commit wins and the row no longer applies.
//
// Reviewed keys (reviewed-keys.ts: safety advice, privacy promises, emails): a save or an
// upload never writes them. It becomes an InterfaceProposal (interface-proposals.server.ts),
// and the string is saved only when someone with translation:review who neither wrote nor
// edited it approves that very version (decideProposal).
//
// "Outdated": each saved row records a short hash of the English text it was saved against;
// for committed translations, locales/.source-hashes.json does (read only here; derived from
// git history by `npm run i18n:history`: source-record.server.ts). When English changes, the
// hashes differ and the key is listed as outdated. Keys with no record are never called outdated.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { namespaces, sourceLanguage, supportedLanguages, workspaceNamespaces, type Language, type Namespace } from "~/i18n";
import { audit } from "~/staff/audit.server";
import type { Actor } from "~/staff/permissions";
import { getCurrentDatabase, getPrisma } from "~/utils/database.server";
import { followStringsRevision, localesDirectory, overlay, stillApplies, valueAt, type SavedString } from "~/utils/locales.server";

import { mayApproveProposal, mayRejectProposal, type ProposalDecision } from "./interface-proposal-state";
import { closeProposal, countPendingProposals, findProposal, listPendingProposals, proposeChange, staffNames, type ProposalRow } from "./interface-proposals.server";
import { MAX_UPLOAD_BYTES } from "./interface-translations";
import {
  analyzeNamespace,
  extractPlaceholders,
  listSourceUnits,
  pluralCategoriesFor,
  type PluralCategory,
  type Problem,
  type ProblemKind,
  type SourceUnit,
} from "./locale-check.server";
import { needsReview } from "./reviewed-keys";
import { isOutdated, readSourceRecord, sourceHash, unitId } from "./source-record.server";

export { MAX_UPLOAD_BYTES, sourceHash };

export type TargetLanguage = Exclude<Language, typeof sourceLanguage>;
export const targetLanguages = supportedLanguages.filter((lng): lng is TargetLanguage => lng !== sourceLanguage);

export function isTargetLanguage(value: unknown): value is TargetLanguage {
  return typeof value === "string" && (targetLanguages as readonly string[]).includes(value);
}
export function isNamespace(value: unknown): value is Namespace {
  return typeof value === "string" && (workspaceNamespaces as readonly string[]).includes(value);
}

export type KeyStatus = "translated" | "missing" | "outdated" | "invalid";

type Tree = { [key: string]: unknown };
const isTree = (value: unknown): value is Tree => typeof value === "object" && value !== null && !Array.isArray(value);

function localesDir(): string {
  return localesDirectory();
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function fileOf(lng: string, ns: string): string {
  return path.join(localesDir(), lng, `${ns}.json`);
}

async function readSourceTree(ns: Namespace): Promise<Tree> {
  const text = await readText(fileOf(sourceLanguage, ns));
  const tree: unknown = text === null ? {} : JSON.parse(text);
  return isTree(tree) ? tree : {};
}

interface SavedRow extends SavedString {
  sourceHash: string | null;
}

/** The strings saved for one file that still apply over its committed text. */
async function savedRows(language: string, namespace: string, committedTree: unknown): Promise<SavedRow[]> {
  const rows = await getPrisma().interfaceString.findMany({
    where: { locale: language, namespace },
    select: { locale: true, namespace: true, key: true, value: true, committedValue: true, sourceHash: true },
    orderBy: { key: "asc" },
  });
  return rows.filter((row) => stillApplies(row, committedTree));
}

interface EffectiveFile {
  /** The committed file as on disk ("{}" when absent). */
  committedText: string;
  /** Parsed committed file; null when it is not JSON. */
  committedTree: unknown;
  /** What this instance serves: the committed text, or, with saved strings, the overlay formatted. */
  text: string;
  rows: SavedRow[];
}

async function readEffectiveFile(language: string, namespace: Namespace, sourceTree: Tree): Promise<EffectiveFile> {
  const committedText = (await readText(fileOf(language, namespace))) ?? "{}";
  let committedTree: unknown = null;
  try {
    committedTree = JSON.parse(committedText);
  } catch {
    return { committedText, committedTree: null, text: committedText, rows: [] };
  }
  const rows = await savedRows(language, namespace, committedTree);
  const text = rows.length === 0 ? committedText : serializeLocale(overlay(committedTree, rows) as Tree, sourceTree);
  return { committedText, committedTree, text, rows };
}

// ---------------------------------------------------------------------------
// Source hashes ("outdated")

type Hashes = Record<string, Record<string, Record<string, string>>>;

async function readHashes(): Promise<Hashes> {
  return readSourceRecord(localesDir());
}

// ---------------------------------------------------------------------------
// Reading: completeness and key lists

export interface KeyView {
  /** The key path as code writes it ("hero.title"; a plural group by its base, "figure.count"). */
  id: string;
  status: KeyStatus;
  plural: boolean;
  /** English: one text, or one per English plural form. */
  source: { form: string; text: string }[];
  /** The current translation: one text, or one per form this language needs. */
  current: { form: string; text: string }[];
  placeholders: string[];
  /** The forms this language needs ("one", "few", …) for plural groups; [] for single keys. */
  forms: PluralCategory[];
  /** Numbers that take each form in this language ("1, 21, 31…"), so translators can say them aloud. */
  formExamples: Record<string, string>;
  /** What the check says is wrong now (English, as the command prints it). */
  problems: { kind: ProblemKind; message: string }[];
  /** Code files that use the key ("app/routes/$lang._index.tsx"). */
  usedIn: string[];
  /** Changes go live only after a second person's approval (reviewed-keys.ts). */
  reviewed: boolean;
  /** The change waiting for that approval, if any. */
  proposal: ProposalView | null;
}

export interface ProposalView {
  id: string;
  version: number;
  /** The proposed text, one per form like `current`. */
  values: { form: string; text: string }[];
  /** Who wrote it, first the author. */
  writers: string[];
  /** Whether the reader may approve it: a reviewer who wrote no version of it. */
  mayApprove: boolean;
  mayReject: boolean;
  /** The reader wrote a version of it (so someone else must review it). */
  mine: boolean;
}

export interface NamespaceView {
  language: TargetLanguage;
  namespace: Namespace;
  counts: Record<KeyStatus, number> & { total: number; percent: number; pending: number };
  keys: KeyView[];
  /** File-level problems (invalid JSON, extra keys…), which belong to no English key. */
  fileProblems: { key: string; kind: ProblemKind; message: string }[];
}

function getIn(tree: unknown, dotted: string): unknown {
  let node: unknown = tree;
  for (const part of dotted.split(".")) {
    if (!isTree(node)) return undefined;
    node = node[part];
  }
  return node;
}

function problemUnit(problem: Problem, units: Map<string, SourceUnit>): string | null {
  if (units.has(problem.key)) return problem.key;
  const base = /^(.+)_(zero|one|two|few|many|other)$/.exec(problem.key)?.[1];
  if (base !== undefined && units.get(base)?.type === "plural") return base;
  return null;
}

const exampleCache = new Map<string, Record<string, string>>();

/** The first numbers (and a fraction) that take each plural form, e.g. pl few: "2, 3, 4, 22…". */
export function examplesFor(language: string): Record<string, string> {
  const cached = exampleCache.get(language);
  if (cached) return cached;
  const rules = new Intl.PluralRules(language);
  const found: Record<string, (number | string)[]> = {};
  for (let n = 0; n <= 200; n++) {
    const list = (found[rules.select(n)] ??= []);
    if (list.length < 5) list.push(n);
  }
  const fraction = rules.select(1.5);
  (found[fraction] ??= []).push("1.5");
  const examples = Object.fromEntries(Object.entries(found).map(([form, list]) => [form, `${list.join(", ")}…`]));
  exampleCache.set(language, examples);
  return examples;
}

let codeUses: Promise<Map<string, string[]>> | undefined;

/** "ns:key" literals in app/ (read once per process; absent folders give no context). */
function findCodeUses(): Promise<Map<string, string[]>> {
  codeUses ??= (async () => {
    const uses = new Map<string, string[]>();
    const root = path.resolve(process.cwd(), "app");
    const pattern = new RegExp(`["'\`](${namespaces.join("|")}):([a-z0-9][a-z0-9._-]*)["'\`]`, "g");
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (/\.tsx?$/.test(entry.name)) {
          const text = await readFile(full, "utf8");
          for (const match of text.matchAll(pattern)) {
            const fullKey = `${match[1]}:${match[2]}`;
            const file = path.relative(process.cwd(), full);
            const list = uses.get(fullKey) ?? [];
            if (!list.includes(file)) list.push(file);
            uses.set(fullKey, list);
          }
        }
      }
    };
    await walk(root);
    return uses;
  })();
  return codeUses;
}

async function proposalViews(proposals: ProposalRow[], actor: Actor | null): Promise<Map<string, ProposalView>> {
  const names = await staffNames(proposals.flatMap((proposal) => proposal.editorIds));
  return new Map(
    proposals.map((proposal) => [
      proposal.key,
      {
        id: proposal.id,
        version: proposal.version,
        values: Object.entries(proposal.values).map(([form, text]) => ({ form, text })),
        writers: proposal.editorIds.map((id) => names.get(id) ?? "?"),
        mayApprove: actor !== null && mayApproveProposal(actor, proposal),
        mayReject: actor !== null && mayRejectProposal(actor),
        mine: actor?.kind === "staff" && proposal.editorIds.includes(actor.id),
      },
    ]),
  );
}

/** One file's keys; `actor` (the reader) decides what they may do with pending proposals. */
export async function getNamespaceView(language: TargetLanguage, namespace: Namespace, actor: Actor | null = null, pendingCount?: number): Promise<NamespaceView> {
  const sourceTree = await readSourceTree(namespace);
  const units = listSourceUnits(sourceTree);
  const byId = new Map(units.map((unit) => [unitId(unit), unit]));
  const effective = await readEffectiveFile(language, namespace, sourceTree);
  const text = effective.text;
  const { problems } = analyzeNamespace(language, namespace, text, sourceTree, { sourceLanguage });
  let target: unknown = {};
  try {
    target = JSON.parse(text);
  } catch {
    target = {};
  }
  // A copy: the committed record is cached for every request. A saved string's own record wins.
  const hashes = { ...(await readHashes())[language]?.[namespace] };
  for (const unit of units) {
    const saved = unitKeys(unit, language)
      .map(([, key]) => effective.rows.find((row) => row.key === key)?.sourceHash)
      .find((hash) => hash !== undefined && hash !== null);
    if (saved) hashes[unitId(unit)] = saved;
  }
  const uses = await findCodeUses();
  const forms = pluralCategoriesFor(language);
  // The completeness table counts pending proposals in one query for all files.
  const proposals = pendingCount === undefined ? await proposalViews(await listPendingProposals(language, namespace), actor) : new Map<string, ProposalView>();

  const problemsByUnit = new Map<string, Problem[]>();
  const fileProblems: NamespaceView["fileProblems"] = [];
  for (const problem of problems) {
    const id = problemUnit(problem, byId);
    if (id === null || problem.kind === "extra-key") fileProblems.push({ key: problem.key, kind: problem.kind, message: problem.message });
    else problemsByUnit.set(id, [...(problemsByUnit.get(id) ?? []), problem]);
  }

  const keys: KeyView[] = units.map((unit) => {
    const id = unitId(unit);
    const unitProblems = problemsByUnit.get(id) ?? [];
    const missing = unitProblems.some((problem) => problem.kind === "missing-key");
    const status: KeyStatus = missing
      ? "missing"
      : unitProblems.length > 0
        ? "invalid"
        : isOutdated(hashes[id], unit)
          ? "outdated"
          : "translated";
    const source =
      unit.type === "single" ? [{ form: "", text: unit.text }] : [...unit.forms.entries()].map(([form, value]) => ({ form, text: value }));
    const current =
      unit.type === "single"
        ? [{ form: "", text: typeof getIn(target, id) === "string" ? (getIn(target, id) as string) : "" }]
        : forms.map((form) => {
            const value = getIn(target, `${id}_${form}`);
            return { form, text: typeof value === "string" ? value : "" };
          });
    const placeholders = [...extractPlaceholders(source.map((entry) => entry.text).join(" "))];
    return {
      id,
      status,
      plural: unit.type === "plural",
      source,
      current,
      placeholders,
      forms: unit.type === "plural" ? forms : [],
      formExamples: unit.type === "plural" ? examplesFor(language) : {},
      problems: unitProblems.map((problem) => ({ kind: problem.kind, message: problem.message })),
      usedIn: uses.get(`${namespace}:${id}`) ?? [],
      reviewed: needsReview(namespace, id),
      proposal: proposals.get(id) ?? null,
    };
  });

  const counts = { translated: 0, missing: 0, outdated: 0, invalid: 0, total: keys.length, percent: 100, pending: pendingCount ?? proposals.size };
  for (const key of keys) counts[key.status]++;
  counts.percent = keys.length ? Math.floor((counts.translated / keys.length) * 100) : 100;
  return { language, namespace, counts, keys, fileProblems };
}

export type CompletenessTable = { language: TargetLanguage; namespace: Namespace; counts: NamespaceView["counts"] }[];

export async function getCompleteness(): Promise<CompletenessTable> {
  const table: CompletenessTable = [];
  const pending = await countPendingProposals();
  for (const language of targetLanguages) {
    for (const namespace of workspaceNamespaces) {
      const view = await getNamespaceView(language, namespace, null, pending.get(`${language}/${namespace}`) ?? 0);
      table.push({ language, namespace, counts: view.counts });
    }
  }
  return table;
}

/**
 * The effective file (committed overlaid by saved strings) formatted as `npm run i18n:format`
 * writes it, so that committing it passes `npm run i18n:check`. A broken committed file is
 * given as it is; null when there is no file.
 */
export async function readLocaleFile(language: Language, namespace: Namespace): Promise<string | null> {
  if ((await readText(fileOf(language, namespace))) === null) return null;
  const sourceTree = await readSourceTree(namespace);
  const effective = await readEffectiveFile(language, namespace, sourceTree);
  if (effective.committedTree === null) return effective.text;
  return serializeLocale(JSON.parse(effective.text) as Tree, sourceTree);
}

// ---------------------------------------------------------------------------
// Writing

/** Orders a tree like the English file (extra keys keep their place after), for small diffs. */
function orderLike(tree: Tree, source: unknown): Tree {
  const out: Tree = {};
  const sourceKeys = isTree(source) ? Object.keys(source) : [];
  const ordered = [...sourceKeys.flatMap((key) => [key, ...pluralSiblings(key, tree)]), ...Object.keys(tree)];
  for (const key of ordered) {
    if (!(key in tree) || key in out) continue;
    const value = tree[key];
    out[key] = isTree(value) ? orderLike(value, isTree(source) ? source[key] : undefined) : value;
  }
  return out;
}

/** After "count_one" in English come this language's other forms of the same group, in CLDR order. */
function pluralSiblings(key: string, tree: Tree): string[] {
  const base = /^(.+)_(zero|one|two|few|many|other)$/.exec(key)?.[1];
  if (base === undefined) return [];
  return ["zero", "one", "two", "few", "many", "other"].map((form) => `${base}_${form}`).filter((name) => name in tree);
}

export function serializeLocale(tree: Tree, sourceTree: unknown): string {
  return `${JSON.stringify(orderLike(tree, sourceTree), null, 2)}\n`;
}

function setIn(tree: Tree, dotted: string, value: string) {
  const parts = dotted.split(".");
  let node = tree;
  for (const part of parts.slice(0, -1)) {
    if (!isTree(node[part])) node[part] = {};
    node = node[part] as Tree;
  }
  node[parts[parts.length - 1]!] = value;
}

/** Removes a key, and the groups it leaves empty. */
function deleteIn(tree: Tree, dotted: string) {
  const [first = "", ...rest] = dotted.split(".");
  if (rest.length === 0) {
    delete tree[first];
    return;
  }
  const child = tree[first];
  if (!isTree(child)) return;
  deleteIn(child, rest.join("."));
  if (Object.keys(child).length === 0) delete tree[first];
}

type Transaction = Parameters<Parameters<ReturnType<typeof getPrisma>["$transaction"]>[0]>[0];

/**
 * Saves the units' texts in `tree` as rows over the committed file (a text equal to the
 * committed one needs no row) and bumps the strings revision, which every instance follows.
 */
async function saveStrings(tx: Transaction, staff: { id: string }, language: string, namespace: string, units: SourceUnit[], tree: unknown, committedTree: unknown) {
  for (const unit of units) {
    const hash = sourceHash(unit);
    for (const [, key] of unitKeys(unit, language)) {
      const value = getIn(tree, key);
      const committed = valueAt(committedTree, key);
      const where = { locale_namespace_key: { locale: language, namespace, key } };
      if (typeof value !== "string" || value === committed) {
        await tx.interfaceString.deleteMany({ where: { locale: language, namespace, key } });
        continue;
      }
      const row = { value, committedValue: typeof committed === "string" ? committed : null, sourceHash: hash, savedById: staff.id, savedAt: new Date() };
      await tx.interfaceString.upsert({ where, create: { locale: language, namespace, key, ...row }, update: row });
    }
  }
  const rows = await tx.$queryRaw<{ revision: bigint }[]>`UPDATE "ContentRevision" SET "revision" = "revision" + 1, "changedAt" = CURRENT_TIMESTAMP WHERE "id" = 3 RETURNING "revision"`;
  const revision = rows[0]?.revision;
  if (revision !== undefined) await tx.$executeRaw`SELECT pg_notify('listy_strings', ${String(revision)})`;
}

/** Read your writes: this process serves the saved strings before the answer leaves. */
async function serveSavedStrings() {
  await followStringsRevision(getCurrentDatabase());
}

export interface KeyProblem {
  key: string;
  kind: ProblemKind;
  message: string;
}

export type SaveKeyResult =
  | { ok: true; outcome: "saved" | "proposed" | "unchanged" }
  | { ok: false; error: "unknown-key" | "broken-file" }
  | { ok: false; error: "invalid"; problems: KeyProblem[] };

/** The file keys of a unit in this language, by form ("" for a single key). */
function unitKeys(unit: SourceUnit, language: string): [form: string, key: string][] {
  return unit.type === "single" ? [["", unit.key]] : pluralCategoriesFor(language).map((form) => [form, `${unit.base}_${form}`]);
}

/** A unit's texts in a parsed file, by form; absent keys are left out. */
function unitValues(unit: SourceUnit, language: string, tree: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [form, key] of unitKeys(unit, language)) {
    const value = getIn(tree, key);
    if (typeof value === "string") values[form] = value;
  }
  return values;
}

const sameValues = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * Saves one key (or every form of a plural group) after checking the whole file as it would
 * be. `values` maps "" (single key) or a plural form ("one", "few"…) to the typed text.
 */
export async function saveKey(
  staff: { id: string },
  language: TargetLanguage,
  namespace: Namespace,
  id: string,
  values: Record<string, string>,
): Promise<SaveKeyResult> {
  const sourceTree = await readSourceTree(namespace);
  const unit = listSourceUnits(sourceTree).find((candidate) => unitId(candidate) === id);
  if (!unit) return { ok: false, error: "unknown-key" } as const;
  const effective = await readEffectiveFile(language, namespace, sourceTree);
  if (effective.committedTree === null) return { ok: false, error: "broken-file" } as const;
  const before = effective.text;
  let tree: unknown;
  try {
    tree = JSON.parse(before);
  } catch {
    return { ok: false, error: "broken-file" } as const;
  }
  if (!isTree(tree)) return { ok: false, error: "broken-file" } as const;
  if (unit.type === "single") setIn(tree, id, values[""] ?? "");
  else for (const form of pluralCategoriesFor(language)) setIn(tree, `${id}_${form}`, values[form] ?? "");
  const text = serializeLocale(tree, sourceTree);
  const { problems } = analyzeNamespace(language, namespace, text, sourceTree, { sourceLanguage });
  const mine = problems.filter((problem) => problem.key === id || problem.key.startsWith(`${id}_`));
  if (mine.length > 0) return { ok: false, error: "invalid", problems: mine.map(({ key, kind, message }) => ({ key, kind, message })) } as const;

  if (needsReview(namespace, id)) {
    // Checked like a save, but held for a second person: nothing is saved yet.
    const proposed = unitValues(unit, language, tree);
    const pending = (await listPendingProposals(language, namespace)).some((proposal) => proposal.key === id);
    if (!pending && sameValues(proposed, unitValues(unit, language, JSON.parse(before)))) return { ok: true, outcome: "unchanged" } as const;
    await getPrisma().$transaction((tx) => proposeChange(tx, staff, { locale: language, namespace, key: id, values: proposed }));
    return { ok: true, outcome: "proposed" } as const;
  }

  await getPrisma().$transaction(async (tx) => {
    await audit(tx, staff, "translation.key.save", { type: "Locale", id: `${language}/${namespace}` }, { key: id });
    await saveStrings(tx, staff, language, namespace, [unit], tree, effective.committedTree);
  });
  await serveSavedStrings();
  return { ok: true, outcome: "saved" } as const;
}


// Missing keys do not block an upload: the file is simply as incomplete as before. Everything
// else the check reports does (nothing is saved when any of it is present).
const WARNING_KINDS: readonly ProblemKind[] = ["missing-key"];

export type UploadResult =
  | { ok: true; saved: boolean; warnings: KeyProblem[]; changedKeys: number; proposedKeys: number }
  | { ok: false; error: "too-large" | "not-utf8" | "empty" }
  | { ok: false; error: "invalid"; problems: KeyProblem[]; warnings: KeyProblem[] };

/**
 * Checks an uploaded file with the same rules; saves it only when nothing but missing keys is
 * reported. Reviewed keys keep their live text in the saved file (whatever the upload says,
 * even when it leaves them out); each one the upload changes becomes a proposal instead.
 */
export async function uploadLocaleFile(
  staff: { id: string },
  language: TargetLanguage,
  namespace: Namespace,
  bytes: Uint8Array,
): Promise<UploadResult> {
  if (bytes.byteLength === 0) return { ok: false, error: "empty" };
  if (bytes.byteLength > MAX_UPLOAD_BYTES) return { ok: false, error: "too-large" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: "not-utf8" };
  }
  const sourceTree = await readSourceTree(namespace);
  const { problems } = analyzeNamespace(language, namespace, text, sourceTree, { sourceLanguage });
  const toView = ({ key, kind, message }: Problem): KeyProblem => ({ key, kind, message });
  const warnings = problems.filter((problem) => WARNING_KINDS.includes(problem.kind)).map(toView);
  const errors = problems.filter((problem) => !WARNING_KINDS.includes(problem.kind)).map(toView);
  if (errors.length > 0) return { ok: false, error: "invalid", problems: errors, warnings } as const;

  const tree = JSON.parse(text) as Tree;
  const effective = await readEffectiveFile(language, namespace, sourceTree);
  let before: unknown = {};
  try {
    before = JSON.parse(effective.text);
  } catch {
    before = {};
  }
  const units = listSourceUnits(sourceTree);
  const changed = units.filter((unit) => unitKeys(unit, language).some(([, key]) => getIn(tree, key) !== undefined && getIn(tree, key) !== getIn(before, key)));
  const reviewed = units.filter((unit) => needsReview(namespace, unitId(unit)));
  for (const unit of reviewed) {
    for (const [, key] of unitKeys(unit, language)) {
      const live = getIn(before, key);
      if (typeof live === "string") setIn(tree, key, live);
      else deleteIn(tree, key);
    }
  }
  const pending = new Map((await listPendingProposals(language, namespace)).map((proposal) => [proposal.key, proposal.values]));
  const proposals = changed
    .filter((unit) => needsReview(namespace, unitId(unit)))
    .map((unit) => ({ key: unitId(unit), values: unitValues(unit, language, JSON.parse(text)) }))
    .filter((proposal) => !sameValues(proposal.values, pending.get(proposal.key) ?? {}));
  // Keys the upload leaves out keep their text (missing keys are only a warning).
  const live = changed.filter((unit) => !needsReview(namespace, unitId(unit)));
  const saved = live.length > 0;
  if (!saved && proposals.length === 0) return { ok: true, saved: false, warnings, changedKeys: 0, proposedKeys: 0 } as const;
  await getPrisma().$transaction(async (tx) => {
    for (const proposal of proposals) await proposeChange(tx, staff, { locale: language, namespace, ...proposal }, { via: "upload" });
    if (!saved) return;
    await audit(tx, staff, "translation.file.upload", { type: "Locale", id: `${language}/${namespace}` }, { changedKeys: live.length, proposedKeys: proposals.length });
    await saveStrings(tx, staff, language, namespace, live, tree, effective.committedTree);
  });
  if (saved) await serveSavedStrings();
  return { ok: true, saved, warnings, changedKeys: live.length, proposedKeys: proposals.length } as const;
}

export type DecideProposalResult =
  | { ok: true; key: string }
  | { ok: false; error: "not-found" | "forbidden" | "stale" }
  | { ok: false; error: "invalid"; problems: KeyProblem[] };

/**
 * Approves (writes to the file and publishes) or rejects a pending proposal, exactly the version
 * the reviewer saw. Approval needs translation:review and no part in writing it; the text is
 * checked again against the file and English as they are now.
 */
export async function decideProposal(
  staff: { id: string },
  actor: Actor,
  language: TargetLanguage,
  namespace: Namespace,
  decision: { proposalId: string; version: number; move: ProposalDecision },
): Promise<DecideProposalResult> {
  const prisma = getPrisma();
  const proposal = await findProposal(prisma, decision.proposalId);
  if (!proposal || proposal.locale !== language || proposal.namespace !== namespace) return { ok: false, error: "not-found" } as const;
  const allowed = decision.move === "approve" ? mayApproveProposal(actor, proposal) : mayRejectProposal(actor);
  if (!allowed) return { ok: false, error: "forbidden" } as const;
  if (proposal.state !== "PENDING" || proposal.version !== decision.version) return { ok: false, error: "stale" } as const;
  if (decision.move === "reject") {
    const rejected = await prisma.$transaction((tx) => closeProposal(tx, staff, proposal, decision.version, "reject"));
    return rejected ? ({ ok: true, key: proposal.key } as const) : ({ ok: false, error: "stale" } as const);
  }

  const sourceTree = await readSourceTree(namespace);
  const unit = listSourceUnits(sourceTree).find((candidate) => unitId(candidate) === proposal.key);
  const effective = await readEffectiveFile(language, namespace, sourceTree);
  let tree: unknown;
  try {
    tree = JSON.parse(effective.text);
  } catch {
    tree = null;
  }
  if (!unit || !isTree(tree)) return { ok: false, error: "invalid", problems: [] } as const;
  for (const [form, key] of unitKeys(unit, language)) setIn(tree, key, proposal.values[form] ?? "");
  const text = serializeLocale(tree, sourceTree);
  const { problems } = analyzeNamespace(language, namespace, text, sourceTree, { sourceLanguage });
  const mine = problems.filter((problem) => problem.key === proposal.key || problem.key.startsWith(`${proposal.key}_`));
  if (mine.length > 0) return { ok: false, error: "invalid", problems: mine.map(({ key, kind, message }) => ({ key, kind, message })) } as const;

  const applied = await prisma.$transaction(async (tx) => {
    if (!(await closeProposal(tx, staff, proposal, decision.version, "approve"))) return false;
    await saveStrings(tx, staff, language, namespace, [unit], tree, effective.committedTree);
    return true;
  });
  if (!applied) return { ok: false, error: "stale" } as const;
  await serveSavedStrings();
  return { ok: true, key: proposal.key } as const;
}
