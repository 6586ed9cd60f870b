// Checks every translation file against English and the keys used in code.
//   tsx scripts/i18n-check.ts [--locales DIR] [--code DIR ...]
// Exit code: 0 when everything is fine, 1 when there is any problem, 2 on wrong usage.
import { existsSync, statSync } from "node:fs";

import { namespaces, sourceLanguage, supportedLanguages } from "~/i18n";
import { checkLocales, type CompletenessCell, type Problem, type Report } from "~/staff/translations/locale-check.server";

import { compareWithHistory } from "./support/locale-history";

const usage = `Usage: tsx scripts/i18n-check.ts [--locales DIR] [--code DIR ...]

  --locales DIR   folder with one subfolder per language (default: locales)
  --code DIR      folder scanned for "ns:key" strings in .ts/.tsx files; repeat for several
                  (default: app)
  --help          show this text`;

interface Args {
  localesDir: string;
  codeDirs: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args | "help" {
  let localesDir = "locales";
  const codeDirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return "help";
    const [flag, inline] = arg?.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (flag !== "--locales" && flag !== "--code") throw new UsageError(`unknown argument "${arg}"`);
    const value = inline ?? argv[++i];
    if (!value || value.startsWith("--")) throw new UsageError(`${flag} needs a folder`);
    if (flag === "--locales") localesDir = value;
    else codeDirs.push(value);
  }
  return { localesDir, codeDirs: codeDirs.length > 0 ? codeDirs : ["app"] };
}

// Colours only for a terminal, so logs and CI output stay plain text.
const useColor = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const paint = (code: number) => (text: string) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);
const red = paint(31);
const green = paint(32);
const yellow = paint(33);
const bold = paint(1);
const dim = paint(2);

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

function locationOf(problem: Problem): string {
  return problem.kind === "unknown-code-key" && problem.line !== undefined ? `${problem.file}:${problem.line}` : problem.file;
}

function formatProblems(report: Report): string[] {
  const lines: string[] = [];
  for (const lng of report.languages) {
    const mine = report.problems.filter((problem) => problem.language === lng && problem.kind !== "unknown-code-key");
    if (mine.length === 0) continue;
    lines.push(bold(`${languageNames.of(lng) ?? lng} (${lng}): ${mine.length} problem${mine.length === 1 ? "" : "s"}`));
    // Problems are already sorted by namespace, then by their order in the file.
    for (const problem of mine) lines.push(`  ${red("✗")} ${locationOf(problem)}  ${problem.message}`);
    lines.push("");
  }
  const inCode = report.problems.filter((problem) => problem.kind === "unknown-code-key");
  if (inCode.length > 0) {
    lines.push(bold(`Keys used in code but missing from ${report.sourceLanguage}: ${inCode.length}`));
    for (const problem of inCode) lines.push(`  ${red("✗")} ${locationOf(problem)}  ${problem.message}`);
    lines.push("");
  }
  return lines;
}

function formatPercent(cell: CompletenessCell | undefined): string {
  if (!cell || cell.percent === null) return "—";
  // Round down so that 100% always means complete.
  return `${Math.floor(cell.percent)}%`;
}

function colourPercent(text: string, cell: CompletenessCell | undefined): string {
  if (!cell || cell.percent === null) return dim(text);
  return cell.percent >= 100 ? green(text) : cell.percent >= 80 ? yellow(text) : red(text);
}

function formatTable(report: Report): string[] {
  const header = ["", ...report.namespaces, "total"];
  const rows = report.languages.map((lng) => {
    const row = report.completeness[lng];
    const cells = report.namespaces.map((ns) => row?.namespaces[ns]);
    return { label: lng, cells: [...cells, row?.total] };
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (column === 0 ? row.label.length : formatPercent(row.cells[column - 1]).length))),
  );
  const lines = [
    bold(`Completeness: share of ${report.sourceLanguage} keys that are translated and valid`),
    header.map((title, column) => (column === 0 ? title.padEnd(widths[0] ?? 0) : title.padStart(widths[column] ?? 0))).join("  "),
  ];
  for (const row of rows) {
    const cells = row.cells.map((cell, index) => colourPercent(formatPercent(cell).padStart(widths[index + 1] ?? 0), cell));
    lines.push([row.label.padEnd(widths[0] ?? 0), ...cells].join("  "));
  }
  return lines;
}

function formatSummary(report: Report): string {
  const fileCount = report.languages.length * report.namespaces.length;
  const codeNote =
    report.codeFilesScanned > 0 ? `, ${report.codeKeysFound} keys used in ${report.codeFilesScanned} code files` : "";
  if (report.problems.length === 0) {
    return green(
      `✓ No problems: ${fileCount} files (${report.languages.length} languages × ${report.namespaces.length} namespaces), ${report.sourceKeyCount} ${report.sourceLanguage} keys${codeNote}.`,
    );
  }
  const files = new Set(report.problems.map((problem) => problem.file));
  const perLanguage = report.languages
    .map((lng) => [lng, report.problems.filter((problem) => problem.language === lng).length] as const)
    .filter(([, count]) => count > 0)
    .map(([lng, count]) => `${lng} ${count}`)
    .join(", ");
  const count = report.problems.length;
  return red(`✗ ${count} problem${count === 1 ? "" : "s"} in ${files.size} file${files.size === 1 ? "" : "s"} (${perLanguage}).`);
}

/** The committed record of outdated translations against the one git history gives. */
function formatHistory(localesDir: string): { ok: boolean; line: string } {
  const comparison = compareWithHistory({ localesDir });
  if (!comparison.ok) return { ok: true, line: dim(`Outdated record not compared with the history: ${comparison.message}; the committed file is used.`) };
  if (comparison.same) return { ok: true, line: green(`✓ The outdated record matches the history (${comparison.commits} commits).`) };
  const show = (entry: string) => entry.replace(/=.*$/, "");
  const lines = [
    red(`✗ ${localesDir}/.source-hashes.json differs from the history: run npm run i18n:history and commit it.`),
    ...comparison.stale.slice(0, 10).map((entry) => `  ${red("✗")} ${show(entry)}  outdated by the history, not in the file`),
    ...comparison.unknown.slice(0, 10).map((entry) => `  ${red("✗")} ${show(entry)}  outdated in the file, not by the history`),
  ];
  const more = comparison.stale.length + comparison.unknown.length - Math.min(10, comparison.stale.length) - Math.min(10, comparison.unknown.length);
  if (more > 0) lines.push(`  … and ${more} more`);
  return { ok: false, line: lines.join("\n") };
}

async function main(): Promise<number> {
  let args: Args | "help";
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`i18n-check: ${error.message}\n\n${usage}`);
    return 2;
  }
  if (args === "help") {
    console.log(usage);
    return 0;
  }
  for (const dir of [args.localesDir, ...args.codeDirs]) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      console.error(`i18n-check: folder "${dir}" does not exist (run from the project root, or pass --locales / --code)`);
      return 2;
    }
  }

  const report = await checkLocales({
    localesDir: args.localesDir,
    codeDirs: args.codeDirs,
    languages: supportedLanguages,
    namespaces,
    sourceLanguage,
  });

  const output = [
    ...formatProblems(report),
    ...formatTable(report),
    "",
    formatSummary(report),
  ];
  const history = formatHistory(args.localesDir);
  output.push(history.line);
  console.log(output.join("\n"));
  return report.problems.length > 0 || !history.ok ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error("i18n-check failed:", error);
    process.exitCode = 2;
  },
);
