// The "outdated" record of interface strings: locales/.source-hashes.json lists, per language,
// namespace and key, a short hash of the English text the translation was written against,
// for the translations whose English has changed since. `npm run i18n:history` derives it from
// git history (scripts/support/locale-history.ts), so a commit made by a translation platform or
// by hand keeps it right; a running server (no git there) only reads the committed file.
// An entry equal to the current English hash means "up to date", the same as no entry: the
// derived file leaves those out, so it stays small and changes only when English or a
// translation of a changed English text does (docs/decisions/0023-outdated-from-git-history.md).
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";

import type { SourceUnit } from "./locale-check.server";

export const SOURCE_RECORD_FILE = ".source-hashes.json";

/** language → namespace → key (a plural group by its base) → hash of the English text. */
export type SourceRecord = Record<string, Record<string, Record<string, string>>>;

const isTree = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export function unitId(unit: SourceUnit): string {
  return unit.type === "single" ? unit.key : unit.base;
}

/** A short hash of the English text of a unit (all forms of a plural group). */
export function sourceHash(unit: SourceUnit): string {
  const text = unit.type === "single" ? unit.text : JSON.stringify([...unit.forms.entries()].sort());
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** Outdated: the translation was written against another English text than today's. */
export function isOutdated(recordedHash: string | undefined, unit: SourceUnit): boolean {
  return recordedHash !== undefined && recordedHash !== sourceHash(unit);
}

/** Keeps only well-formed entries (a broken record only loses "outdated" marks, never a translation). */
export function parseSourceRecord(text: string | null): SourceRecord {
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  const record: SourceRecord = {};
  if (!isTree(parsed)) return record;
  for (const [language, byNamespace] of Object.entries(parsed)) {
    if (!isTree(byNamespace)) continue;
    for (const [namespace, byKey] of Object.entries(byNamespace)) {
      if (!isTree(byKey)) continue;
      for (const [key, hash] of Object.entries(byKey)) {
        if (typeof hash === "string") ((record[language] ??= {})[namespace] ??= {})[key] = hash;
      }
    }
  }
  return record;
}

/** Sorted like the workspace writes it (languages, namespaces, then keys), two spaces, final newline. */
export function serializeSourceRecord(record: SourceRecord): string {
  const sorted: SourceRecord = {};
  for (const language of Object.keys(record).sort()) {
    for (const namespace of Object.keys(record[language]!).sort()) {
      const entries = Object.entries(record[language]![namespace]!).sort(([a], [b]) => a.localeCompare(b));
      if (entries.length > 0) (sorted[language] ??= {})[namespace] = Object.fromEntries(entries);
    }
  }
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

let cached: { file: string; stamp: string; record: SourceRecord } | undefined;

/**
 * The committed record of a locales folder. Read again only when the file changes (the
 * completeness table asks once per language and namespace).
 */
export function readSourceRecord(localesDir: string): SourceRecord {
  const file = path.join(localesDir, SOURCE_RECORD_FILE);
  let stamp: string;
  try {
    const stat = statSync(file);
    stamp = `${stat.mtimeMs}:${stat.size}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
  if (cached?.file !== file || cached.stamp !== stamp) cached = { file, stamp, record: parseSourceRecord(readFileSync(file, "utf8")) };
  // A copy: the workspace adds its saves to what it read before writing the file.
  return structuredClone(cached.record);
}
