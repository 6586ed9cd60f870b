// Validation rules for translation files (locales/{lng}/{ns}.json).
// Used by `npm run i18n:check` and, later, by the back office to vet uploaded files,
// so everything here is pure: no console, no process.exit, only file reads in checkLocales.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export type ProblemKind =
  | "invalid-json"
  | "missing-file"
  | "invalid-value"
  | "duplicate-key"
  | "missing-key"
  | "extra-key"
  | "empty-value"
  | "placeholder-mismatch"
  | "missing-plural-form"
  | "html"
  | "unknown-code-key";

export interface Problem {
  language: string;
  namespace: string;
  /** Dotted key path as written in code ("hero.title", "figure.letters_few"); "" for the whole file. */
  key: string;
  kind: ProblemKind;
  /** One line of plain English, meant for translators. */
  message: string;
  /** Where to fix it: "ru/home.json" for locale files, or the code file for unknown keys. */
  file: string;
  line?: number;
  column?: number;
}

export interface CompletenessCell {
  /** Source units (plural groups counted once) present, non-empty and valid in this language. */
  complete: number;
  total: number;
  /** complete / total × 100; null when the source file itself is missing or broken. */
  percent: number | null;
}

export type Completeness = Record<
  string,
  { namespaces: Record<string, CompletenessCell>; total: CompletenessCell }
>;

export interface Report {
  problems: Problem[];
  completeness: Completeness;
  languages: string[];
  namespaces: string[];
  sourceLanguage: string;
  /** Units (keys, plural groups counted once) per namespace in the source language. */
  sourceKeyCount: number;
  codeFilesScanned: number;
  /** Distinct "ns:key" literals found in code. */
  codeKeysFound: number;
}

export interface CheckLocalesOptions {
  localesDir: string;
  /** Directories scanned for "ns:key" literals in .ts/.tsx files; [] skips the code check. */
  codeDirs: string[];
  languages: readonly string[];
  namespaces: readonly string[];
  sourceLanguage: string;
}

export interface NamespaceCheckOptions {
  /** Shown in problems; defaults to "{lng}/{ns}.json". */
  file?: string;
  sourceLanguage?: string;
}

export interface CodeKeyUse {
  /** Fully qualified, as written: "home:hero.title". */
  fullKey: string;
  namespace: string;
  key: string;
  file: string;
  line: number;
}

// i18next v4 JSON suffixes, in CLDR order (used for sorting and messages).
const pluralSuffixOrder = ["zero", "one", "two", "few", "many", "other"] as const;
export type PluralCategory = (typeof pluralSuffixOrder)[number];
const pluralKeyPattern = /^(.+)_(zero|one|two|few|many|other)$/;

// ---------------------------------------------------------------------------
// Small helpers

type LocaleTree = { [key: string]: unknown };

function isPlainObject(value: unknown): value is LocaleTree {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPluralCategory(value: string): value is PluralCategory {
  return (pluralSuffixOrder as readonly string[]).includes(value);
}

function sortCategories(categories: Iterable<string>): PluralCategory[] {
  return [...categories]
    .filter(isPluralCategory)
    .sort((a, b) => pluralSuffixOrder.indexOf(a) - pluralSuffixOrder.indexOf(b));
}

const categoryCache = new Map<string, PluralCategory[]>();

/** The plural forms a language needs, as i18next picks them (Intl.PluralRules, cardinal). */
export function pluralCategoriesFor(lng: string): PluralCategory[] {
  let categories = categoryCache.get(lng);
  if (!categories) {
    categories = sortCategories(new Intl.PluralRules(lng).resolvedOptions().pluralCategories);
    categoryCache.set(lng, categories);
  }
  return categories;
}

const singleNumberCache = new Map<string, boolean>();

/**
 * True when a plural form is only ever used for one number (English and Polish "one" = 1),
 * so the translation may spell the number out instead of writing {{count}}.
 * Russian "one" also covers 21, 31, 101…, so there {{count}} must stay.
 */
function formCoversSingleNumber(lng: string, category: PluralCategory): boolean {
  if (category === "zero") return true; // i18next uses _zero only when count is exactly 0
  const cacheKey = `${lng}:${category}`;
  let single = singleNumberCache.get(cacheKey);
  if (single === undefined) {
    const rules = new Intl.PluralRules(lng);
    let matches = 0;
    for (let n = 0; n <= 1000 && matches < 2; n++) if (rules.select(n) === category) matches++;
    single = matches === 1;
    singleNumberCache.set(cacheKey, single);
  }
  return single;
}

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

function languageName(lng: string): string {
  try {
    return languageNames.of(lng) ?? lng;
  } catch {
    return lng;
  }
}

function quote(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return JSON.stringify(oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine);
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list [ … ]";
  if (typeof value === "number") return `a number (${value})`;
  if (typeof value === "boolean") return `true/false (${value})`;
  return typeof value;
}

/** Variable names of {{name}}, {{name, formatter}} and {{- name}} placeholders. */
export function extractPlaceholders(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/\{\{\s*-?\s*([^{}\s,]+)\s*(?:,[^{}]*)?\}\}/g)) {
    if (match[1]) names.add(match[1]);
  }
  return names;
}

/** The first HTML-looking fragment ("<b", "</p") in a value, if any. */
export function findHtml(text: string): string | null {
  const match = /<\/?[A-Za-z][^<>\s]*>?/.exec(text);
  return match ? match[0] : null;
}

function isBlank(text: string): boolean {
  return text.trim() === "";
}

// ---------------------------------------------------------------------------
// Parsing

interface FlatLocale {
  /** Leaf path → text, in file order. */
  strings: Map<string, string>;
  /** Leaves whose value is neither text nor a group (number, list, null…). */
  invalid: Map<string, unknown>;
}

function flatten(tree: LocaleTree, prefix = "", out: FlatLocale = { strings: new Map(), invalid: new Map() }): FlatLocale {
  for (const [name, value] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === "string") out.strings.set(key, value);
    else if (isPlainObject(value)) flatten(value, key, out);
    else out.invalid.set(key, value);
  }
  return out;
}

/** Dotted paths of all leaves of a parsed locale file, in file order (depth first). */
export function listLeafKeys(tree: unknown, prefix = ""): string[] {
  if (!isPlainObject(tree)) return [];
  return Object.entries(tree).flatMap(([name, value]) => {
    const key = prefix ? `${prefix}.${name}` : name;
    return isPlainObject(value) ? listLeafKeys(value, key) : [key];
  });
}

const jsonHints: [RegExp, string][] = [
  [/^Expected double-quoted property name/, "is there a comma after the last entry, or a key without double quotes?"],
  [/^Expected ',' or '}' after property value/, 'a comma is probably missing between two entries, or a " inside the text is not written as \\"'],
  [/^Expected ',' or ']' after array element/, "a comma is probably missing between two list items"],
  [/^Expected property name or '}'/, "keys must be written in double quotes"],
  [/^Bad control character in string literal/, "text cannot contain a real line break or tab; write \\n instead"],
  [/^Bad escaped character/, "a backslash must be written as \\\\"],
  [/^Unterminated string/, 'a closing " is missing'],
  [/^Unexpected end of JSON input/, 'the file ends too early; a closing } or " is probably missing'],
  [/^Unexpected non-whitespace character after JSON/, "there is extra text after the final }"],
];

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - (before.lastIndexOf("\n") + 1) + 1;
  return { line, column };
}

type ParseResult = { ok: true; value: LocaleTree } | { ok: false; problem: Omit<Problem, "language" | "namespace" | "file"> };

function parseLocaleJson(text: string): ParseResult {
  if (text.charCodeAt(0) === 0xfeff) {
    return {
      ok: false,
      problem: {
        key: "",
        kind: "invalid-json",
        message: "invalid JSON: the file starts with an invisible byte order mark (BOM); save it as UTF-8 without BOM",
        line: 1,
        column: 1,
      },
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    // Node 20 says "… in JSON at position 42"; newer versions add "(line 3 column 5)".
    const positionMatch = /at position (\d+)/.exec(raw);
    const position = positionMatch ? Number(positionMatch[1]) : /end of JSON input/.test(raw) ? text.length : null;
    const reason = raw.replace(/\s*\(line \d+ column \d+\)/, "").replace(/ in JSON at position \d+/, "");
    const hint = jsonHints.find(([pattern]) => pattern.test(reason))?.[1];
    const where = position === null ? null : lineAndColumn(text, position);
    const at = where ? ` at line ${where.line}, column ${where.column}` : "";
    return {
      ok: false,
      problem: {
        key: "",
        kind: "invalid-json",
        message: `invalid JSON${at}: ${reason}${hint ? ` (${hint})` : ""}`,
        ...(where ?? {}),
      },
    };
  }
  if (!isPlainObject(value)) {
    return {
      ok: false,
      problem: {
        key: "",
        kind: "invalid-json",
        message: `invalid JSON: the file must contain one group { … } at the top level, found ${describeType(value)}`,
      },
    };
  }
  return { ok: true, value };
}

/**
 * Keys written twice in the same group. JSON.parse silently keeps the last one,
 * which hides a translator's edit, so we scan the (already valid) text ourselves.
 */
function findDuplicateKeys(text: string): { key: string; line: number; column: number }[] {
  type Frame = { isObject: boolean; path: string; keys: Set<string>; expectKey: boolean; lastKey: string };
  const stack: Frame[] = [];
  const duplicates: { key: string; line: number; column: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const top = stack[stack.length - 1];
    if (ch === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      if (top?.isObject && top.expectKey) {
        const name = JSON.parse(text.slice(i, end + 1)) as string;
        const key = top.path ? `${top.path}.${name}` : name;
        if (top.keys.has(name)) duplicates.push({ key, ...lineAndColumn(text, i) });
        top.keys.add(name);
        top.lastKey = name;
        top.expectKey = false;
      }
      i = end;
    } else if (ch === "{" || ch === "[") {
      const childPath = top?.isObject ? (top.path ? `${top.path}.${top.lastKey}` : top.lastKey) : (top?.path ?? "");
      stack.push({ isObject: ch === "{", path: childPath, keys: new Set(), expectKey: ch === "{", lastKey: "" });
    } else if (ch === "}" || ch === "]") {
      stack.pop();
    } else if (ch === "," && top?.isObject) {
      top.expectKey = true;
    }
  }
  return duplicates;
}

// ---------------------------------------------------------------------------
// Source units: what every language must provide

export type SourceUnit =
  | { type: "single"; key: string; text: string }
  | { type: "plural"; base: string; forms: Map<PluralCategory, string> };

interface Source {
  units: SourceUnit[];
  groups: Map<string, Map<PluralCategory, string>>;
  /** Leaves of any kind (also invalid ones): used to tell "extra" keys apart. */
  leafKeys: Set<string>;
}

function buildSource(tree: LocaleTree): Source {
  const flat = flatten(tree);
  const allKeys = [...flat.strings.keys(), ...flat.invalid.keys()];

  // A plural group is a base with an _other form and at least one more form (en: _one + _other).
  const formsByBase = new Map<string, Map<PluralCategory, string>>();
  for (const [key, text] of flat.strings) {
    const match = pluralKeyPattern.exec(key);
    if (!match?.[1] || !match[2] || !isPluralCategory(match[2])) continue;
    const forms = formsByBase.get(match[1]) ?? new Map<PluralCategory, string>();
    forms.set(match[2], text);
    formsByBase.set(match[1], forms);
  }
  const groups = new Map<string, Map<PluralCategory, string>>();
  for (const [base, forms] of formsByBase) if (forms.has("other") && forms.size > 1) groups.set(base, forms);

  const units: SourceUnit[] = [];
  const seenGroups = new Set<string>();
  for (const key of flat.strings.keys()) {
    const base = pluralKeyPattern.exec(key)?.[1];
    if (base !== undefined && groups.has(base)) {
      if (!seenGroups.has(base)) {
        seenGroups.add(base);
        units.push({ type: "plural", base, forms: groups.get(base) ?? new Map() });
      }
      continue;
    }
    const text = flat.strings.get(key) ?? "";
    units.push({ type: "single", key, text });
  }
  return { units, groups, leafKeys: new Set(allKeys) };
}

/**
 * What every language must provide, in source-file order: single keys, and plural groups
 * counted once (the translation workspace lists and counts exactly these units).
 */
export function listSourceUnits(sourceTree: unknown): SourceUnit[] {
  return isPlainObject(sourceTree) ? buildSource(sourceTree).units : [];
}

function parseSource(sourceJson: unknown): LocaleTree | null {
  if (typeof sourceJson === "string") {
    const parsed = parseLocaleJson(sourceJson);
    return parsed.ok ? parsed.value : null;
  }
  return isPlainObject(sourceJson) ? sourceJson : null;
}

// ---------------------------------------------------------------------------
// Checking one file

export interface NamespaceAnalysis {
  problems: Problem[];
  completeness: CompletenessCell;
}

/**
 * Checks one locale file against the source language file.
 * `sourceJson` is the source file's text or parsed object; pass null to run only the
 * checks that need no source (JSON syntax, value types, empty text, HTML, duplicates).
 */
export function analyzeNamespace(
  lng: string,
  ns: string,
  jsonText: string,
  sourceJson: unknown,
  options: NamespaceCheckOptions = {},
): NamespaceAnalysis {
  const file = options.file ?? `${lng}/${ns}.json`;
  const srcLng = options.sourceLanguage ?? "en";
  const problems: Problem[] = [];
  const report = (problem: Omit<Problem, "language" | "namespace" | "file">) =>
    problems.push({ language: lng, namespace: ns, file, ...problem });

  const sourceTree = parseSource(sourceJson);
  const source = sourceTree ? buildSource(sourceTree) : null;
  const total = source?.units.length ?? 0;
  const noCompleteness = (): CompletenessCell => ({ complete: 0, total, percent: source ? (total ? 0 : 100) : null });

  const parsed = parseLocaleJson(jsonText);
  if (!parsed.ok) {
    report(parsed.problem);
    return { problems, completeness: noCompleteness() };
  }

  for (const duplicate of findDuplicateKeys(jsonText)) {
    report({
      key: duplicate.key,
      kind: "duplicate-key",
      message: `key "${duplicate.key}" is written twice in the same group; only the last one would be used`,
      line: duplicate.line,
      column: duplicate.column,
    });
  }

  const target = flatten(parsed.value);
  for (const [key, value] of target.invalid) {
    report({
      key,
      kind: "invalid-value",
      message: `value of "${key}" must be text in double quotes or a group { … }, found ${describeType(value)}`,
    });
  }

  // Checks every text gets regardless of the source; returns false if the text is unusable.
  const checkText = (key: string, text: string, sourceText: string | undefined): boolean => {
    if (isBlank(text)) {
      const en = sourceText === undefined ? "" : ` (${srcLng}: ${quote(sourceText)})`;
      report({ key, kind: "empty-value", message: `empty text for "${key}"${en}` });
      return false;
    }
    const html = findHtml(text);
    if (html) {
      report({
        key,
        kind: "html",
        message: `HTML markup ${JSON.stringify(html)} in "${key}"; texts are shown as plain text, so remove the tags`,
      });
      return false;
    }
    return true;
  };

  if (!source) {
    for (const [key, text] of target.strings) checkText(key, text, undefined);
    return { problems, completeness: noCompleteness() };
  }

  const checkPlaceholders = (key: string, text: string, sourceText: string, mayOmitCount: boolean, countNote = ""): boolean => {
    const expected = extractPlaceholders(sourceText);
    const actual = extractPlaceholders(text);
    const missing = [...expected].filter((name) => !actual.has(name) && !(mayOmitCount && name === "count"));
    const extra = [...actual].filter((name) => !expected.has(name));
    if (missing.length === 0 && extra.length === 0) return true;
    const parts: string[] = [];
    if (missing.length) {
      const note = missing.includes("count") ? countNote : "";
      parts.push(`missing ${missing.map((name) => `{{${name}}}`).join(", ")}${note}`);
    }
    if (extra.length) parts.push(`unknown ${extra.map((name) => `{{${name}}}`).join(", ")}`);
    report({
      key,
      kind: "placeholder-mismatch",
      message: `placeholders in "${key}" differ from ${srcLng}: ${parts.join("; ")} (${srcLng}: ${quote(sourceText)}); keep every {{…}} exactly as in ${srcLng}`,
    });
    return false;
  };

  const required = pluralCategoriesFor(lng);
  let complete = 0;

  for (const unit of source.units) {
    if (unit.type === "single") {
      const text = target.strings.get(unit.key);
      if (text === undefined) {
        if (!target.invalid.has(unit.key)) {
          report({ key: unit.key, kind: "missing-key", message: `missing key "${unit.key}" (${srcLng}: ${quote(unit.text)})` });
        }
        continue;
      }
      const textOk = checkText(unit.key, text, unit.text);
      const placeholdersOk = textOk && checkPlaceholders(unit.key, text, unit.text, false);
      if (placeholdersOk) complete++;
      continue;
    }

    // Plural group: exactly this language's categories; _zero is optional everywhere
    // because i18next prefers key_zero for count 0 in any language when it exists.
    const sourceOther = unit.forms.get("other") ?? "";
    const present = pluralSuffixOrder.filter(
      (category) => target.strings.has(`${unit.base}_${category}`) || target.invalid.has(`${unit.base}_${category}`),
    );
    const formList = required.map((category) => `_${category}`).join(", ");
    if (present.length === 0) {
      report({
        key: unit.base,
        kind: "missing-key",
        message: `missing plural key "${unit.base}" (${languageName(lng)} needs the forms ${formList}; ${srcLng}: ${quote(sourceOther)})`,
      });
      continue;
    }
    let groupOk = true;
    for (const category of required) {
      if (!present.includes(category)) {
        groupOk = false;
        const key = `${unit.base}_${category}`;
        report({
          key,
          kind: "missing-plural-form",
          message: `missing plural form "${key}" (${languageName(lng)} needs ${formList}; ${srcLng}: ${quote(sourceOther)})`,
        });
      }
    }
    for (const category of present) {
      const key = `${unit.base}_${category}`;
      const text = target.strings.get(key);
      if (text === undefined) {
        groupOk = false; // reported as invalid-value above
        continue;
      }
      // Forms the language does not use are reported as extra keys below.
      if (!required.includes(category) && category !== "zero") continue;
      const sourceText = (category === "zero" ? unit.forms.get("zero") : undefined) ?? sourceOther;
      const mayOmitCount = formCoversSingleNumber(lng, category);
      const note = ` (in ${languageName(lng)} the _${category} form is used for several numbers, so it needs {{count}})`;
      const ok = checkText(key, text, sourceText) && checkPlaceholders(key, text, sourceText, mayOmitCount, note);
      if (!ok) groupOk = false;
    }
    if (groupOk) complete++;
  }

  // Keys the source does not have, including plural forms this language does not use.
  // Wrong-typed values were already reported as invalid-value; one line per mistake is enough.
  for (const key of target.strings.keys()) {
    const match = pluralKeyPattern.exec(key);
    const base = match?.[1];
    const category = match?.[2];
    if (base !== undefined && category !== undefined && isPluralCategory(category) && source.groups.has(base)) {
      if (required.includes(category) || category === "zero") continue;
      report({
        key,
        kind: "extra-key",
        message: `extra plural form "${key}": ${languageName(lng)} does not use the "${category}" form (it needs ${required.map((c) => `_${c}`).join(", ")}); delete it`,
      });
      continue;
    }
    if (source.leafKeys.has(key)) continue;
    report({ key, kind: "extra-key", message: `extra key "${key}" is not in ${srcLng}/${ns}.json; delete it or check its spelling` });
  }

  return { problems, completeness: { complete, total, percent: total ? (complete / total) * 100 : 100 } };
}

/** Problems in one locale file; see analyzeNamespace. */
export function checkNamespace(
  lng: string,
  ns: string,
  jsonText: string,
  sourceJson: unknown,
  options: NamespaceCheckOptions = {},
): Problem[] {
  return analyzeNamespace(lng, ns, jsonText, sourceJson, options).problems;
}

// ---------------------------------------------------------------------------
// Keys used in code

const codeFilePattern = /\.tsx?$/;
const testFilePattern = /\.(test|spec)\.tsx?$/;

async function listCodeFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules" || entry.name === "__tests__") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listCodeFiles(full)));
    else if (entry.isFile() && codeFilePattern.test(entry.name) && !testFilePattern.test(entry.name)) files.push(full);
  }
  return files.sort();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * String literals of the form "ns:path.to.key" in .ts/.tsx files (test files excluded).
 * Uses the TypeScript parser so that comments, JSX text and apostrophes cannot confuse it;
 * it is imported lazily so that runtime users of checkNamespace never load it.
 */
export async function findKeysInCode(
  codeDirs: readonly string[],
  namespaces: readonly string[],
): Promise<{ uses: CodeKeyUse[]; filesScanned: number }> {
  const ts = (await import("typescript")).default;
  const keyPattern = new RegExp(`^(${namespaces.map(escapeRegExp).join("|")}):([a-z0-9][a-z0-9._-]*)$`);
  const uses: CodeKeyUse[] = [];
  let filesScanned = 0;
  for (const dir of codeDirs) {
    for (const file of await listCodeFiles(dir)) {
      filesScanned++;
      const text = await readFile(file, "utf8");
      const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
      const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
      const visit = (node: import("typescript").Node): void => {
        if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
          const match = keyPattern.exec(node.text);
          if (match?.[1] && match[2]) {
            const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
            uses.push({ fullKey: node.text, namespace: match[1], key: match[2], file, line: line + 1 });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(sourceFile);
    }
  }
  return { uses, filesScanned };
}

// ---------------------------------------------------------------------------
// Whole tree

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function sumCells(cells: CompletenessCell[]): CompletenessCell {
  const known = cells.filter((cell) => cell.percent !== null);
  const complete = known.reduce((sum, cell) => sum + cell.complete, 0);
  const total = known.reduce((sum, cell) => sum + cell.total, 0);
  if (known.length === 0) return { complete: 0, total: 0, percent: null };
  return { complete, total, percent: total ? (complete / total) * 100 : 100 };
}

/** Checks every language × namespace file, plus the keys used in code against the source language. */
export async function checkLocales(options: CheckLocalesOptions): Promise<Report> {
  const { localesDir, codeDirs, languages, namespaces, sourceLanguage } = options;
  const problems: Problem[] = [];
  const cells = new Map<string, Record<string, CompletenessCell>>();
  const sourceTrees = new Map<string, LocaleTree>();
  let sourceKeyCount = 0;

  // Source first: every other language is compared with it.
  const sourceTexts = new Map<string, string | null>();
  for (const ns of namespaces) {
    const text = await readIfExists(path.join(localesDir, sourceLanguage, `${ns}.json`));
    sourceTexts.set(ns, text);
    const tree = text === null ? null : parseSource(text);
    if (tree) {
      sourceTrees.set(ns, tree);
      sourceKeyCount += buildSource(tree).units.length;
    }
  }

  for (const lng of languages) {
    const row: Record<string, CompletenessCell> = {};
    for (const ns of namespaces) {
      const file = `${lng}/${ns}.json`;
      const sourceTree = sourceTrees.get(ns) ?? null;
      const text = lng === sourceLanguage ? (sourceTexts.get(ns) ?? null) : await readIfExists(path.join(localesDir, file));
      if (text === null) {
        problems.push({
          language: lng,
          namespace: ns,
          key: "",
          kind: "missing-file",
          file,
          message: `file is missing: create ${file} (copy ${sourceLanguage}/${ns}.json and translate it)`,
        });
        const total = sourceTree ? buildSource(sourceTree).units.length : 0;
        row[ns] = { complete: 0, total, percent: sourceTree ? (total ? 0 : 100) : null };
        continue;
      }
      const analysis = analyzeNamespace(lng, ns, text, sourceTree, { file, sourceLanguage });
      problems.push(...analysis.problems);
      row[ns] = analysis.completeness;
    }
    cells.set(lng, row);
  }

  // Keys in code must exist in the source language (a plural group counts by its base).
  let codeFilesScanned = 0;
  let codeKeysFound = 0;
  if (codeDirs.length > 0) {
    const { uses, filesScanned } = await findKeysInCode(codeDirs, namespaces);
    codeFilesScanned = filesScanned;
    const byKey = new Map<string, CodeKeyUse[]>();
    for (const use of uses) byKey.set(use.fullKey, [...(byKey.get(use.fullKey) ?? []), use]);
    codeKeysFound = byKey.size;
    const sources = new Map<string, Source>();
    for (const [ns, tree] of sourceTrees) sources.set(ns, buildSource(tree));
    for (const [fullKey, places] of byKey) {
      const first = places[0];
      if (!first) continue;
      const source = sources.get(first.namespace);
      if (!source) continue; // the source file itself is missing or broken: already reported
      const isLeaf = source.leafKeys.has(first.key);
      const isGroup = pluralSuffixOrder.some((category) => source.leafKeys.has(`${first.key}_${category}`));
      if (isLeaf || isGroup) continue;
      const more = places.length > 1 ? ` and ${places.length - 1} more place${places.length > 2 ? "s" : ""}` : "";
      problems.push({
        language: sourceLanguage,
        namespace: first.namespace,
        key: first.key,
        kind: "unknown-code-key",
        file: first.file,
        line: first.line,
        message: `key "${fullKey}" is used in code${more ? ` (here${more})` : ""} but is missing from ${sourceLanguage}/${first.namespace}.json`,
      });
    }
  }

  const completeness: Completeness = {};
  for (const lng of languages) {
    const row = cells.get(lng) ?? {};
    completeness[lng] = { namespaces: row, total: sumCells(Object.values(row)) };
  }

  const languageIndex = (lng: string) => languages.indexOf(lng);
  const namespaceIndex = (ns: string) => namespaces.indexOf(ns);
  // Stable sort keeps file order within one file.
  problems.sort(
    (a, b) => languageIndex(a.language) - languageIndex(b.language) || namespaceIndex(a.namespace) - namespaceIndex(b.namespace),
  );

  return {
    problems,
    completeness,
    languages: [...languages],
    namespaces: [...namespaces],
    sourceLanguage,
    sourceKeyCount,
    codeFilesScanned,
    codeKeysFound,
  };
}
