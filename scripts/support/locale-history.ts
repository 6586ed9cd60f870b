// Derives the "outdated" record (app/staff/translations/source-record.server.ts) from git
// history: for each language other than English and each key, the English text at the newest
// commit that changed that language's text of the key. A commit from a translation platform
// (Weblate, Crowdin) or by hand therefore counts like a save in the workspace.
//
// Like `git blame`: walking the commits that touch the locales folder oldest to newest, a key
// whose text equals its text in a parent commit keeps the parent's entry; a new text takes the
// English of that commit. Merges keep the entry of the parent whose text they took. The files
// in the working tree count as one more commit on top of HEAD, so that the record written
// before committing is the one the history will give after.
//
// Git is read with three batched `git cat-file --batch` calls (commit trees, language
// folders, files); every distinct object is read and parsed once.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { namespaces as allNamespaces, sourceLanguage as defaultSourceLanguage, supportedLanguages } from "~/i18n";
import { listSourceUnits, type SourceUnit } from "~/staff/translations/locale-check.server";
import { isOutdated, parseSourceRecord, serializeSourceRecord, sourceHash, SOURCE_RECORD_FILE, unitId, type SourceRecord } from "~/staff/translations/source-record.server";

export interface HistoryOptions {
  localesDir: string;
  languages?: readonly string[];
  namespaces?: readonly string[];
  sourceLanguage?: string;
}

export type HistoryResult =
  | { ok: true; record: SourceRecord; commits: number }
  | { ok: false; reason: "no-git" | "not-a-repository" | "shallow" | "no-commits"; message: string };

const reasons = {
  "no-git": "git is not installed",
  "not-a-repository": "the locales folder is not in a git repository",
  shallow: "this clone is shallow (its history is cut off)",
  "no-commits": "no commit touches the locales folder",
} as const;

function unavailable(reason: keyof typeof reasons): HistoryResult {
  return { ok: false, reason, message: reasons[reason] };
}

function git(cwd: string, args: string[], input?: Buffer) {
  return spawnSync("git", args, { cwd, input, maxBuffer: 1 << 30, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" } });
}

/** Runs one `git cat-file --batch` over many names; a missing object gives null. */
function catFiles(cwd: string, names: string[]): Map<string, { id: string; type: string; body: Buffer } | null> {
  const found = new Map<string, { id: string; type: string; body: Buffer } | null>();
  if (names.length === 0) return found;
  const result = git(cwd, ["cat-file", "--batch"], Buffer.from(names.map((name) => `${name}\n`).join("")));
  if (result.status !== 0) throw new Error(`git cat-file failed: ${result.stderr.toString()}`);
  const out = result.stdout;
  let at = 0;
  for (const name of names) {
    const end = out.indexOf(10, at);
    const header = out.subarray(at, end).toString();
    at = end + 1;
    if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
      found.set(name, null);
      continue;
    }
    const [id, type, size] = header.split(" ");
    const length = Number(size);
    found.set(name, { id: id!, type: type!, body: out.subarray(at, at + length) });
    at += length + 1; // the object, then a newline
  }
  return found;
}

/** Entries of a raw tree object: "mode name\0" followed by the binary object id. */
function treeEntries(body: Buffer, idBytes: number): Map<string, string> {
  const entries = new Map<string, string>();
  let at = 0;
  while (at < body.length) {
    const nul = body.indexOf(0, at);
    const name = body.subarray(body.indexOf(32, at) + 1, nul).toString();
    entries.set(name, body.subarray(nul + 1, nul + 1 + idBytes).toString("hex"));
    at = nul + 1 + idBytes;
  }
  return entries;
}

type Tree = Record<string, unknown>;
const isTree = (value: unknown): value is Tree => typeof value === "object" && value !== null && !Array.isArray(value);

/** Every string of a locale file by its dotted key. */
function flatten(tree: unknown, prefix = "", into = new Map<string, string>()): Map<string, string> {
  if (!isTree(tree)) return into;
  for (const [key, value] of Object.entries(tree)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") into.set(dotted, value);
    else flatten(value, dotted, into);
  }
  return into;
}

const pluralForms = ["zero", "one", "two", "few", "many", "other"];

/** A language's text of a unit (all its forms for a plural group), or undefined when it has none. */
function textOf(strings: Map<string, string>, unit: SourceUnit): string | undefined {
  if (unit.type === "single") return strings.get(unit.key) || undefined;
  const forms = pluralForms.map((form) => [form, strings.get(`${unit.base}_${form}`)]).filter(([, value]) => value);
  return forms.length > 0 ? JSON.stringify(forms) : undefined;
}

/** The working tree's file as git would name it, so an unchanged file is recognised as HEAD's. */
function blobId(bytes: Buffer, idBytes: number): string {
  return createHash(idBytes === 32 ? "sha256" : "sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

/** Derives the record for the locales folder, or says why the history cannot give it. */
export function deriveSourceRecord(options: HistoryOptions): HistoryResult {
  const localesDir = path.resolve(options.localesDir);
  const sourceLanguage = options.sourceLanguage ?? defaultSourceLanguage;
  const languages = (options.languages ?? supportedLanguages).filter((language) => language !== sourceLanguage);
  const namespaces = options.namespaces ?? allNamespaces;

  const probe = git(localesDir, ["rev-parse", "--is-shallow-repository", "--show-prefix", "--show-object-format"]);
  if (probe.error) return unavailable("no-git");
  if (probe.status !== 0) return unavailable("not-a-repository");
  const [shallow, prefixLine, objectFormat] = probe.stdout.toString().split("\n");
  if (shallow === "true") return unavailable("shallow");
  const prefix = (prefixLine ?? "").replace(/\/$/, "");
  const idBytes = objectFormat === "sha256" ? 32 : 20;

  // Commits touching the folder, oldest first, each with its (rewritten) parents among them.
  const list = git(localesDir, ["rev-list", "--reverse", "--topo-order", "--parents", "HEAD", "--", "."]);
  const lines = list.status === 0 ? list.stdout.toString().trim().split("\n").filter(Boolean) : [];
  if (lines.length === 0) return unavailable("no-commits");
  const commits = lines.map((line) => {
    const [id, ...parents] = line.split(" ");
    return { id: id!, parents };
  });

  // Commit → language folder ids → file ids, then every distinct file once.
  const roots = catFiles(localesDir, commits.map((commit) => `${commit.id}:${prefix}`));
  const folderIds = new Set<string>();
  const foldersOf = new Map<string, Map<string, string>>();
  for (const commit of commits) {
    const root = roots.get(`${commit.id}:${prefix}`);
    const entries = root?.type === "tree" ? treeEntries(root.body, idBytes) : new Map<string, string>();
    foldersOf.set(commit.id, entries);
    for (const language of [sourceLanguage, ...languages]) {
      const id = entries.get(language);
      if (id) folderIds.add(id);
    }
  }
  const folders = catFiles(localesDir, [...folderIds]);
  const filesOfFolder = new Map<string, Map<string, string>>();
  const fileIds = new Set<string>();
  for (const [id, folder] of folders) {
    const entries = folder?.type === "tree" ? treeEntries(folder.body, idBytes) : new Map<string, string>();
    filesOfFolder.set(id, entries);
    for (const namespace of namespaces) {
      const file = entries.get(`${namespace}.json`);
      if (file) fileIds.add(file);
    }
  }
  const parsed = new Map<string, unknown>();
  for (const [id, blob] of catFiles(localesDir, [...fileIds])) {
    try {
      parsed.set(id, blob ? JSON.parse(blob.body.toString("utf8")) : null);
    } catch {
      parsed.set(id, null); // a broken file in history: its keys have no text there
    }
  }
  const fileOf = (commit: string, language: string, namespace: string): string | undefined => {
    const folder = foldersOf.get(commit)?.get(language);
    return folder ? filesOfFolder.get(folder)?.get(`${namespace}.json`) : undefined;
  };

  // The working tree, as one more commit on top of the newest one (HEAD, as far as the folder goes).
  const worktree = { id: "(working tree)", parents: [commits.at(-1)!.id] };
  const worktreeFiles = new Map<string, string>();
  for (const language of [sourceLanguage, ...languages]) {
    for (const namespace of namespaces) {
      const file = path.join(localesDir, language, `${namespace}.json`);
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      const id = blobId(bytes, idBytes);
      worktreeFiles.set(`${language}/${namespace}`, id);
      if (!parsed.has(id)) {
        try {
          parsed.set(id, JSON.parse(bytes.toString("utf8")));
        } catch {
          parsed.set(id, null);
        }
      }
    }
  }
  const fileAt = (commit: string, language: string, namespace: string) =>
    commit === worktree.id ? worktreeFiles.get(`${language}/${namespace}`) : fileOf(commit, language, namespace);

  const record: SourceRecord = {};
  for (const namespace of namespaces) {
    // Today's English decides which keys there are (and how a key's text is read).
    const currentEnglish = worktreeFiles.get(`${sourceLanguage}/${namespace}`);
    const units = listSourceUnits(currentEnglish ? parsed.get(currentEnglish) : {});
    if (units.length === 0) continue;
    const englishHashes = new Map<string | undefined, Map<string, string>>();
    const hashesOfEnglish = (file: string | undefined) => {
      let hashes = englishHashes.get(file);
      if (!hashes) {
        hashes = new Map(listSourceUnits(file ? parsed.get(file) : {}).map((unit) => [unitId(unit), sourceHash(unit)]));
        englishHashes.set(file, hashes);
      }
      return hashes;
    };
    for (const language of languages) {
      const texts = new Map<string | undefined, Map<string, string | undefined>>();
      const textsOf = (file: string | undefined) => {
        let map = texts.get(file);
        if (!map) {
          const strings = flatten(file ? parsed.get(file) : undefined);
          map = new Map(units.map((unit) => [unitId(unit), textOf(strings, unit)]));
          texts.set(file, map);
        }
        return map;
      };
      // Per commit: this language's file and, per key, the English hash its text was written against.
      const states = new Map<string, { file: string | undefined; entries: Map<string, string> }>();
      for (const commit of [...commits, worktree]) {
        const file = fileAt(commit.id, language, namespace);
        const parents = commit.parents.map((parent) => states.get(parent)).filter((state) => state !== undefined);
        const same = parents.find((parent) => parent.file === file);
        if (same) {
          states.set(commit.id, same);
          continue;
        }
        const mine = textsOf(file);
        const english = hashesOfEnglish(fileAt(commit.id, sourceLanguage, namespace));
        const entries = new Map<string, string>();
        for (const unit of units) {
          const id = unitId(unit);
          const text = mine.get(id);
          if (text === undefined) continue;
          const from = parents.find((parent) => textsOf(parent.file).get(id) === text);
          const hash = from ? from.entries.get(id) : english.get(id);
          if (hash !== undefined) entries.set(id, hash);
        }
        states.set(commit.id, { file, entries });
      }
      const final = states.get(worktree.id)!;
      for (const unit of units) {
        const hash = final.entries.get(unitId(unit));
        if (isOutdated(hash, unit)) ((record[language] ??= {})[namespace] ??= {})[unitId(unit)] = hash!;
      }
    }
  }
  return { ok: true, record, commits: commits.length };
}

/** The outdated entries of a record: those whose hash differs from today's English. */
export function outdatedEntries(record: SourceRecord, localesDir: string, sourceLanguage: string = defaultSourceLanguage): Set<string> {
  const entries = new Set<string>();
  for (const [language, byNamespace] of Object.entries(record)) {
    for (const [namespace, byKey] of Object.entries(byNamespace)) {
      const file = path.join(localesDir, sourceLanguage, `${namespace}.json`);
      if (!existsSync(file)) continue;
      let english: unknown;
      try {
        english = JSON.parse(readFileSync(file, "utf8"));
      } catch {
        continue;
      }
      for (const unit of listSourceUnits(english)) {
        const hash = byKey[unitId(unit)];
        if (isOutdated(hash, unit)) entries.add(`${language}/${namespace}:${unitId(unit)}=${hash}`);
      }
    }
  }
  return entries;
}

export type RecordComparison =
  | { ok: true; same: boolean; derived: SourceRecord; commits: number; stale: string[]; unknown: string[] }
  | { ok: false; message: string };

/**
 * The committed record against the one the history gives, by what they call outdated (an entry
 * equal to today's English means the same as none). `stale`: outdated by the history but not by
 * the file; `unknown`: outdated by the file only.
 */
export function compareWithHistory(options: HistoryOptions): RecordComparison {
  const derived = deriveSourceRecord(options);
  if (!derived.ok) return { ok: false, message: derived.message };
  const localesDir = path.resolve(options.localesDir);
  const committedPath = path.join(localesDir, SOURCE_RECORD_FILE);
  const committed = parseSourceRecord(existsSync(committedPath) ? readFileSync(committedPath, "utf8") : null);
  const fromHistory = outdatedEntries(derived.record, localesDir, options.sourceLanguage);
  const fromFile = outdatedEntries(committed, localesDir, options.sourceLanguage);
  const stale = [...fromHistory].filter((entry) => !fromFile.has(entry));
  const unknown = [...fromFile].filter((entry) => !fromHistory.has(entry));
  return { ok: true, same: stale.length === 0 && unknown.length === 0, derived: derived.record, commits: derived.commits, stale, unknown };
}

/** Rewrites the record from the history when they differ (`npm run i18n:history`); says what it did in one line. */
export function updateRecordFromHistory(localesDir: string): string {
  const started = performance.now();
  const comparison = compareWithHistory({ localesDir });
  if (!comparison.ok) return `Outdated record kept as committed: ${comparison.message}.`;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const file = path.join(localesDir, SOURCE_RECORD_FILE);
  const text = serializeSourceRecord(comparison.derived);
  if (existsSync(file) && readFileSync(file, "utf8") === text) return `Outdated record matches the history (${comparison.commits} commits read in ${seconds} s).`;
  writeFileSync(file, text);
  const changes = comparison.stale.length + comparison.unknown.length;
  return `Outdated record written from the history (${comparison.commits} commits read in ${seconds} s): ${changes} key(s) changed status.`;
}
