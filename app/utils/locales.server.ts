// Interface strings: the committed locale files (locales/{lng}/{ns}.json, read once) overlaid by
// the strings saved in the translation workspace ("InterfaceString" rows, decision 0022). The
// server renders with them directly; browsers fetch the same namespaces from /locales/… with a
// version in the URL, so they can be cached for a year and still change the moment a
// translation does. Nothing here writes to locales/: the disk may be read-only.
//
// Every instance follows the strings revision (row 3 of "ContentRevision", announced on
// 'listy_strings', see content-revision.server.ts) and reloads the rows when it moves. A page
// names the version of its own language (versionFor), and the bundle of every recent version
// stays answerable, so a browser never gets strings that differ from the page's.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

import type { Resource, ResourceKey } from "i18next";

import { namespaces, sourceLanguage, supportedLanguages } from "~/i18n";

import type { Database } from "./database.server";

export interface LocaleBundle {
  resources: Resource;
  /** Short hash of every language's strings: changes with any of them. */
  version: string;
  /** Per language, a short hash of its strings and English's (the fallback): what its pages name. */
  versions: Record<string, string>;
}

/** One saved string, as the overlay needs it. */
export interface SavedString {
  locale: string;
  namespace: string;
  key: string;
  value: string;
  committedValue: string | null;
}

/** LOCALES_DIR (checked in env.server.ts) or ./locales. Tests point it at a copy. */
export function localesDirectory(): string {
  return path.resolve(process.cwd(), process.env.LOCALES_DIR || "locales");
}

export const defaultLocalesDir = localesDirectory();

type Tree = { [key: string]: unknown };
const isTree = (value: unknown): value is Tree => typeof value === "object" && value !== null && !Array.isArray(value);

/** The committed files as parsed trees, by language and namespace. */
export function loadCommittedResources(localesDir: string = localesDirectory()): Resource {
  const resources: Resource = {};
  for (const lng of supportedLanguages) {
    resources[lng] = {};
    for (const ns of namespaces) {
      const file = path.join(localesDir, lng, `${ns}.json`);
      const text = readFileSync(file, "utf8");
      try {
        resources[lng][ns] = JSON.parse(text) as Record<string, unknown>;
      } catch (error) {
        throw new Error(`${file} is not valid JSON (run npm run i18n:check): ${(error as Error).message}`);
      }
    }
  }
  return resources;
}

export function valueAt(tree: unknown, dotted: string): unknown {
  let node: unknown = tree;
  for (const part of dotted.split(".")) {
    if (!isTree(node)) return undefined;
    node = node[part];
  }
  return node;
}

function setAt(tree: Tree, dotted: string, value: string) {
  const parts = dotted.split(".");
  let node = tree;
  for (const part of parts.slice(0, -1)) {
    if (!isTree(node[part])) node[part] = {};
    node = node[part] as Tree;
  }
  node[parts[parts.length - 1]!] = value;
}

/**
 * Whether a saved string still applies: only while the committed file says what it said when
 * the string was saved. A deploy that ships another value for the key retires it (the commit
 * wins, decision 0022); shipping the saved value itself retires it too, harmlessly.
 */
export function stillApplies(row: SavedString, committedTree: unknown): boolean {
  const committed = valueAt(committedTree, row.key);
  if (committed === undefined) return row.committedValue === null;
  return typeof committed === "string" && committed === row.committedValue;
}

/** A namespace's tree with the saved strings that still apply laid over it (a copy when any do). */
export function overlay(committedTree: unknown, rows: readonly SavedString[]): unknown {
  const live = rows.filter((row) => stillApplies(row, committedTree));
  if (live.length === 0) return committedTree;
  const tree = structuredClone(isTree(committedTree) ? committedTree : {});
  for (const row of live) setAt(tree, row.key, row.value);
  return tree;
}

/** The effective strings: committed resources overlaid by the rows (namespaces without rows are shared). */
export function effectiveResources(committed: Resource, rows: readonly SavedString[]): Resource {
  const byFile = new Map<string, SavedString[]>();
  for (const row of rows) {
    const file = `${row.locale}/${row.namespace}`;
    byFile.set(file, [...(byFile.get(file) ?? []), row]);
  }
  const resources: Resource = {};
  for (const [lng, byNamespace] of Object.entries(committed)) {
    resources[lng] = {};
    for (const [ns, tree] of Object.entries(byNamespace)) {
      const saved = byFile.get(`${lng}/${ns}`);
      resources[lng][ns] = (saved ? overlay(tree, saved) : tree) as ResourceKey;
    }
  }
  return resources;
}

function bundleOf(resources: Resource): LocaleBundle {
  const hashOf = (languages: string[]) => {
    const hash = createHash("sha256");
    for (const lng of languages) for (const ns of namespaces) hash.update(`${lng}/${ns}\n${JSON.stringify(resources[lng]?.[ns] ?? null)}\n`);
    return hash.digest("hex").slice(0, 12);
  };
  const versions = Object.fromEntries(supportedLanguages.map((lng) => [lng, hashOf(lng === sourceLanguage ? [lng] : [sourceLanguage, lng])]));
  return { resources, version: hashOf([...supportedLanguages]), versions };
}

export function loadLocaleBundle(localesDir: string = localesDirectory()): LocaleBundle {
  return bundleOf(loadCommittedResources(localesDir));
}

// Shared by the Express layer and the Remix bundle (two module graphs in one process), the
// same way as the database handle, so that a reload reaches both.
const STATE_KEY = Symbol.for("listy.localeBundle");
/** Bundles a page may still name: a page rendered (or cached) just before a save. */
const RECENT_BUNDLES = 8;

interface StringsState {
  committed?: Resource;
  rows: SavedString[];
  bundle?: LocaleBundle;
  recent: LocaleBundle[];
  /** The strings revision the rows were read at (undefined: never read from a database). */
  revision?: bigint;
  reloading: Promise<void>;
}
type GlobalWithState = typeof globalThis & { [STATE_KEY]?: StringsState };

function state(): StringsState {
  const store = globalThis as GlobalWithState;
  store[STATE_KEY] ??= { rows: [], recent: [], reloading: Promise.resolve() };
  return store[STATE_KEY];
}

function adopt(bundle: LocaleBundle) {
  const current = state();
  if (current.bundle?.version === bundle.version) return;
  if (current.bundle) current.recent = [current.bundle, ...current.recent].slice(0, RECENT_BUNDLES);
  current.bundle = bundle;
}

/** The bundle for this process (committed files overlaid by the last rows read). */
export function getLocaleBundle(): LocaleBundle {
  const current = state();
  current.bundle ??= bundleOf(effectiveResources((current.committed ??= loadCommittedResources()), current.rows));
  return current.bundle;
}

/** The version a page in this language names in its bundle URLs. */
export function localesVersionFor(language: string): string {
  const bundle = getLocaleBundle();
  return bundle.versions[language] ?? bundle.version;
}

/** The current or a recent bundle that a page named by `version`, if this process knows it. */
export function findLocaleBundle(version: string): LocaleBundle | undefined {
  const current = state();
  return [getLocaleBundle(), ...current.recent].find((bundle) => bundle.version === version || Object.values(bundle.versions).includes(version));
}

/** Reads the committed files again (tests that change them); the saved strings stay laid over them. */
export function reloadLocaleBundle(localesDir: string = localesDirectory()): LocaleBundle {
  const current = state();
  current.committed = loadCommittedResources(localesDir);
  adopt(bundleOf(effectiveResources(current.committed, current.rows)));
  return current.bundle!;
}

const STRINGS_REVISION_ID = 3;

/** The saved strings and their revision, as a database holds them now. */
export async function readSavedStrings(database: Pick<Database, "sql">): Promise<{ revision: bigint; rows: SavedString[] }> {
  const [revisionRow] = await database.sql.query<{ revision: string | number | bigint }>(`SELECT revision FROM "ContentRevision" WHERE id = $1`, [STRINGS_REVISION_ID]);
  const rows = await database.sql.query<SavedString>(
    `SELECT locale, namespace, key, value, "committedValue" FROM "InterfaceString" ORDER BY locale, namespace, key`,
  );
  return { revision: BigInt(revisionRow?.revision ?? 0), rows: rows.map(({ locale, namespace, key, value, committedValue }) => ({ locale, namespace, key, value, committedValue })) };
}

/**
 * Makes this process serve the saved strings as of `revision` (or whatever is newer): reads the
 * rows again unless it already has. One reload at a time, so an older read never lands last.
 */
export function followStringsRevision(database: Pick<Database, "sql">, revision?: bigint): Promise<void> {
  const current = state();
  const run = current.reloading.then(async () => {
    if (revision !== undefined && current.revision !== undefined && current.revision >= revision) return;
    const read = await readSavedStrings(database);
    current.committed ??= loadCommittedResources();
    current.rows = read.rows;
    current.revision = read.revision;
    adopt(bundleOf(effectiveResources(current.committed, current.rows)));
  });
  current.reloading = run.catch(() => undefined);
  return run;
}

/** Back to the committed files alone (a test's server closed its database). */
export function forgetSavedStrings() {
  const current = state();
  current.rows = [];
  current.revision = undefined;
  if (current.committed) adopt(bundleOf(current.committed));
}

/** The strings revision this process has read (undefined: none yet). */
export function followedStringsRevision(): bigint | undefined {
  return state().revision;
}
