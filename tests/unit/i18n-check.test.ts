import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { afterEach, describe, expect, it } from "vitest";

import { namespaces as appNamespaces, supportedLanguages } from "~/i18n";
import {
  analyzeNamespace,
  checkLocales,
  checkNamespace,
  listLeafKeys,
  pluralCategoriesFor,
  type Problem,
  type ProblemKind,
} from "~/staff/translations/locale-check.server";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// ---------------------------------------------------------------------------
// Fixture helpers: every test gets its own temp dir, removed afterwards.

const tempDirs: string[] = [];

afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function makeTempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "listy-i18n-check-"));
  tempDirs.push(dir);
  return dir;
}

/** Writes files relative to a fresh temp dir; objects are saved as JSON, strings verbatim. */
async function makeTree(files: Record<string, unknown>): Promise<string> {
  const root = await makeTempDir();
  for (const [relative, content] of Object.entries(files)) {
    const full = path.join(root, relative);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  }
  return root;
}

const enHome = {
  hero: { title: "Letters for political prisoners", greeting: "Hello, {{name}}" },
  figure: { prisoners_one: "{{count}} prisoner", prisoners_other: "{{count}} prisoners" },
};

const ruHome = {
  hero: { title: "Письма политзаключённым", greeting: "Здравствуйте, {{name}}" },
  figure: {
    prisoners_one: "{{count}} заключённый",
    prisoners_few: "{{count}} заключённых",
    prisoners_many: "{{count}} заключённых",
    prisoners_other: "{{count}} заключённого",
  },
};

const baseOptions = { languages: ["en", "ru"], namespaces: ["home"], sourceLanguage: "en" } as const;

async function checkTree(files: Record<string, unknown>, codeDirs: string[] = []) {
  const root = await makeTree(files);
  const report = await checkLocales({
    ...baseOptions,
    languages: [...baseOptions.languages],
    namespaces: [...baseOptions.namespaces],
    localesDir: path.join(root, "locales"),
    codeDirs: codeDirs.map((dir) => path.join(root, dir)),
  });
  return { root, report };
}

function kinds(problems: Problem[]): ProblemKind[] {
  return problems.map((problem) => problem.kind);
}

function only(problems: Problem[], kind: ProblemKind): Problem[] {
  return problems.filter((problem) => problem.kind === kind);
}

// ---------------------------------------------------------------------------

describe("checkLocales on fixture trees", () => {
  it("passes a clean tree", async () => {
    const { report } = await checkTree({ "locales/en/home.json": enHome, "locales/ru/home.json": ruHome });
    expect(report.problems).toEqual([]);
    expect(report.completeness["ru"]?.total.percent).toBe(100);
    expect(report.sourceKeyCount).toBe(3); // two texts + one plural group
  });

  it("reports invalid JSON with the parser's line and column", async () => {
    const broken = '{\n  "hero": {\n    "title": "Письма"\n    "greeting": "Здравствуйте"\n  }\n}';
    const { report } = await checkTree({ "locales/en/home.json": enHome, "locales/ru/home.json": broken });
    expect(kinds(report.problems)).toEqual(["invalid-json"]);
    const [problem] = report.problems;
    expect(problem).toMatchObject({ language: "ru", namespace: "home", file: "ru/home.json", line: 4, column: 5 });
    expect(problem?.message).toMatch(/line 4, column 5/);
    expect(report.completeness["ru"]?.namespaces["home"]?.percent).toBe(0);
  });

  it("reports a trailing comma and a byte order mark as invalid JSON", () => {
    const [trailing] = checkNamespace("ru", "home", '{"hero": {"title": "x",}}', enHome);
    expect(trailing?.kind).toBe("invalid-json");
    expect(trailing?.message).toMatch(/comma after the last entry/);
    const [bom] = checkNamespace("ru", "home", "\uFEFF{}", enHome);
    expect(bom?.kind).toBe("invalid-json");
    expect(bom?.message).toMatch(/BOM/);
  });

  it("reports a missing file", async () => {
    const { report } = await checkTree({ "locales/en/home.json": enHome });
    expect(report.problems).toEqual([expect.objectContaining({ language: "ru", namespace: "home", kind: "missing-file" })]);
    expect(report.completeness["ru"]?.namespaces["home"]).toEqual({ complete: 0, total: 3, percent: 0 });
  });

  it("reports values that are neither text nor a group", async () => {
    const ru = { ...ruHome, hero: { title: ["Письма"], greeting: 42 } };
    const { report } = await checkTree({ "locales/en/home.json": enHome, "locales/ru/home.json": ru });
    expect(kinds(report.problems)).toEqual(["invalid-value", "invalid-value"]);
    expect(report.problems.map((problem) => problem.key)).toEqual(["hero.title", "hero.greeting"]);
  });

  it("reports a missing key with the English text", async () => {
    const ru = { ...ruHome, hero: { greeting: "Здравствуйте, {{name}}" } };
    const { report } = await checkTree({ "locales/en/home.json": enHome, "locales/ru/home.json": ru });
    expect(report.problems).toEqual([expect.objectContaining({ kind: "missing-key", key: "hero.title", language: "ru" })]);
    expect(report.problems[0]?.message).toBe('missing key "hero.title" (en: "Letters for political prisoners")');
  });

  it("reports an extra key", async () => {
    const ru = { ...ruHome, hero: { ...ruHome.hero, subtitle: "Лишнее" } };
    const { report } = await checkTree({ "locales/en/home.json": enHome, "locales/ru/home.json": ru });
    expect(report.problems).toEqual([expect.objectContaining({ kind: "extra-key", key: "hero.subtitle" })]);
  });

  it("reports empty and whitespace-only texts", async () => {
    const ru = { ...ruHome, hero: { title: "", greeting: "  \n " } };
    const { report } = await checkTree({ "locales/en/home.json": enHome, "locales/ru/home.json": ru });
    expect(kinds(report.problems)).toEqual(["empty-value", "empty-value"]);
  });

  it("reports HTML markup but not a lone < sign", async () => {
    const ru = { ...ruHome, hero: { title: "Письма <b>политзаключённым</b>", greeting: "Здравствуйте, {{name}} < 3" } };
    const { report } = await checkTree({ "locales/en/home.json": enHome, "locales/ru/home.json": ru });
    expect(report.problems).toEqual([expect.objectContaining({ kind: "html", key: "hero.title" })]);
    expect(checkNamespace("en", "home", '{"a": "close </p> tag"}', null).map((p) => p.kind)).toEqual(["html"]);
  });

  it("reports a key written twice in the same group", async () => {
    const text = '{"hero": {"title": "Первое", "title": "Второе", "greeting": "{{name}}"}, "figure": {}}';
    const problems = checkNamespace("ru", "home", text, { hero: enHome.hero });
    expect(problems).toEqual([expect.objectContaining({ kind: "duplicate-key", key: "hero.title", line: 1 })]);
  });
});

describe("placeholders", () => {
  it("reports missing and unknown {{variables}} compared with en", () => {
    const ru = { ...ruHome, hero: { title: "Письма", greeting: "Здравствуйте, {{имя}}" } };
    const problems = checkNamespace("ru", "home", JSON.stringify(ru), enHome);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: "placeholder-mismatch", key: "hero.greeting" });
    expect(problems[0]?.message).toMatch(/missing \{\{name\}\}; unknown \{\{имя\}\}/);
  });

  it("compares formatted placeholders by variable name", () => {
    const en = { sent: "Sent on {{date, datetime}}" };
    expect(checkNamespace("ru", "home", JSON.stringify({ sent: "Отправлено {{ date , datetime }}" }), en)).toEqual([]);
    expect(checkNamespace("ru", "home", JSON.stringify({ sent: "Отправлено {{day, datetime}}" }), en)).toHaveLength(1);
  });

  it("compares plural forms with en's _other form", () => {
    const ru = { ...ruHome, figure: { ...ruHome.figure, prisoners_few: "{{count}} заключённых {{name}}" } };
    const problems = checkNamespace("ru", "home", JSON.stringify(ru), enHome);
    expect(problems).toEqual([expect.objectContaining({ kind: "placeholder-mismatch", key: "figure.prisoners_few" })]);
  });
});

describe("plural forms", () => {
  it("knows the categories of each supported language", () => {
    expect(pluralCategoriesFor("en")).toEqual(["one", "other"]);
    for (const lng of ["be", "ru", "uk", "pl", "lt"]) expect(pluralCategoriesFor(lng)).toEqual(["one", "few", "many", "other"]);
  });

  it("requires one/few/many/other in Russian", () => {
    const ru = { ...ruHome, figure: { prisoners_one: "{{count}} заключённый", prisoners_other: "{{count}} заключённого" } };
    const problems = checkNamespace("ru", "home", JSON.stringify(ru), enHome);
    expect(problems.map((p) => [p.kind, p.key])).toEqual([
      ["missing-plural-form", "figure.prisoners_few"],
      ["missing-plural-form", "figure.prisoners_many"],
    ]);
  });

  it("accepts one/other in English and treats _many there as an extra key", () => {
    expect(checkNamespace("en", "home", JSON.stringify(enHome), enHome)).toEqual([]);
    const en = { ...enHome, figure: { ...enHome.figure, prisoners_many: "{{count}} prisoners" } };
    const problems = checkNamespace("en", "home", JSON.stringify(en), enHome);
    expect(problems).toEqual([expect.objectContaining({ kind: "extra-key", key: "figure.prisoners_many" })]);
  });

  it("reports a plural group missing entirely once, by its base key", () => {
    const ru = { hero: ruHome.hero };
    const problems = checkNamespace("ru", "home", JSON.stringify(ru), enHome);
    expect(problems).toEqual([expect.objectContaining({ kind: "missing-key", key: "figure.prisoners" })]);
  });

  it("lets {{count}} be spelled out only where a form means exactly one number", () => {
    const spelled = (lng: string, forms: Record<string, string>) =>
      checkNamespace(lng, "home", JSON.stringify({ hero: enHome.hero, figure: forms }), enHome);
    // English and Polish "one" is only 1.
    expect(spelled("en", { prisoners_one: "one prisoner", prisoners_other: "{{count}} prisoners" })).toEqual([]);
    const pl = { prisoners_one: "jeden więzień", prisoners_few: "{{count}} więźniów", prisoners_many: "{{count}} więźniów", prisoners_other: "{{count}} więźnia" };
    expect(spelled("pl", pl)).toEqual([]);
    // Russian "one" is also 21, 31…, so "один" would be wrong for them.
    const ru = { ...ruHome.figure, prisoners_one: "один заключённый" };
    const problems = spelled("ru", ru);
    expect(problems.map((p) => [p.kind, p.key])).toEqual([["placeholder-mismatch", "figure.prisoners_one"]]);
    expect(problems[0]?.message).toMatch(/the _one form is used for several numbers/);
  });

  it("allows an optional _zero form in any language", () => {
    const ru = { ...ruHome, figure: { ...ruHome.figure, prisoners_zero: "Пока никого" } };
    expect(checkNamespace("ru", "home", JSON.stringify(ru), enHome)).toEqual([]);
  });
});

describe("keys used in code", () => {
  it("reports literals absent from en, counting plural bases as present and skipping tests", async () => {
    const code = [
      'import { useTranslation } from "react-i18next";',
      "// home:in.a.comment is not code",
      "export function Hero({ count }: { count: number }) {",
      "  const { t } = useTranslation();",
      "  const labels = { A: \"home:hero.title\", B: `home:hero.greeting` };",
      "  return (",
      "    <p title=\"home:hero.subtitle\">",
      "      Don't {t(\"home:figure.prisoners\", { count })} {labels.A} {t('other:not.a.namespace')}",
      "    </p>",
      "  );",
      "}",
    ].join("\n");
    const { report } = await checkTree(
      {
        "locales/en/home.json": enHome,
        "locales/ru/home.json": ruHome,
        "app/routes/_index.tsx": code,
        "app/utils/text.ts": 'export const broken = "home:hero.titel";\nexport const again = "home:hero.subtitle";',
        "app/utils/text.test.ts": 'export const onlyInTests = "home:not.checked";',
      },
      ["app"],
    );
    const unknown = only(report.problems, "unknown-code-key");
    expect(unknown.map((p) => [p.key, path.basename(p.file), p.line])).toEqual([
      ["hero.subtitle", "_index.tsx", 7],
      ["hero.titel", "text.ts", 1],
    ]);
    expect(unknown[0]?.message).toMatch(/"home:hero.subtitle" is used in code \(here and 1 more place\)/);
    expect(report.problems).toHaveLength(2);
    expect(report.codeFilesScanned).toBe(2);
    expect(report.codeKeysFound).toBe(5);
  });
});

describe("completeness", () => {
  it("counts en's keys once per plural group and only valid, non-empty translations", async () => {
    const en = {
      a: "A",
      b: "B {{name}}",
      c: { d: "D", e: "E" },
      letters_one: "{{count}} letter",
      letters_other: "{{count}} letters",
    }; // 5 units: a, b, c.d, c.e, letters
    const ru = {
      a: "А",
      b: "Б", // placeholder missing: not complete
      c: { d: "" }, // empty, and c.e missing
      letters_one: "{{count}} письмо",
      letters_few: "{{count}} письма",
      letters_many: "{{count}} писем",
      letters_other: "{{count}} письма",
      extra: "does not count", // extra keys do not raise the percentage
    };
    const root = await makeTree({ "locales/en/common.json": en, "locales/ru/common.json": ru, "locales/en/home.json": { x: "X" } });
    const report = await checkLocales({
      localesDir: path.join(root, "locales"),
      codeDirs: [],
      languages: ["en", "ru"],
      namespaces: ["common", "home"],
      sourceLanguage: "en",
    });
    expect(report.completeness["en"]?.total).toEqual({ complete: 6, total: 6, percent: 100 });
    expect(report.completeness["ru"]?.namespaces["common"]).toEqual({ complete: 2, total: 5, percent: 40 });
    expect(report.completeness["ru"]?.namespaces["home"]).toEqual({ complete: 0, total: 1, percent: 0 }); // missing file
    expect(report.completeness["ru"]?.total).toEqual({ complete: 2, total: 6, percent: (2 / 6) * 100 });
  });

  it("counts a plural group as incomplete when one form is missing", () => {
    const ru = { ...ruHome, figure: { ...ruHome.figure, prisoners_many: undefined } };
    const analysis = analyzeNamespace("ru", "home", JSON.stringify(ru), enHome);
    expect(analysis.completeness).toEqual({ complete: 2, total: 3, percent: (2 / 3) * 100 });
  });

  it("has no percentage when en itself is missing", () => {
    const analysis = analyzeNamespace("ru", "home", JSON.stringify(ruHome), null);
    expect(analysis.completeness.percent).toBeNull();
    expect(analysis.problems).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// The CLI, as a child process

function runCli(args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/i18n-check.ts", ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A complete tree for every app language and namespace, shaped like the real one. */
async function makeFullTree(): Promise<string> {
  const files: Record<string, unknown> = {};
  for (const lng of supportedLanguages) {
    for (const ns of appNamespaces) {
      files[`locales/${lng}/${ns}.json`] = lng === "en" ? enHome : lng === "ru" ? ruHome : { ...ruHome, hero: { ...ruHome.hero, title: `${lng} title` } };
    }
  }
  return makeTree(files);
}

/** A completeness-table row: the language, then one cell per namespace and the total. */
function tableRow(language: string, cells: string[]) {
  return new RegExp(`^${language}\\s+${cells.join("\\s+")}$`, "m");
}

describe("scripts/i18n-check.ts", () => {
  it("exits 0 on a clean tree and prints the table as plain text", async () => {
    const root = await makeFullTree();
    await mkdir(path.join(root, "code"));
    const { code, output } = runCli(["--locales", path.join(root, "locales"), "--code", path.join(root, "code")]);
    expect(output).not.toContain("\u001b[");
    expect(output).toMatch(tableRow("en", [...appNamespaces.map(() => "100%"), "100%"]));
    expect(output).toMatch(/✓ No problems/);
    expect(code).toBe(0);
  });

  it("exits 1 and names the file, key and English text of a problem", async () => {
    const root = await makeFullTree();
    await mkdir(path.join(root, "code"));
    await writeFile(path.join(root, "locales/ru/home.json"), JSON.stringify({ ...ruHome, hero: { greeting: "{{name}}" } }));
    const { code, output } = runCli(["--locales", path.join(root, "locales"), "--code", path.join(root, "code")]);
    expect(output).toContain('✗ ru/home.json  missing key "hero.title" (en: "Letters for political prisoners")');
    // Each namespace holds 3 keys and ru/home lacks one of them.
    const total = `${Math.floor((100 * (3 * appNamespaces.length - 1)) / (3 * appNamespaces.length))}%`;
    expect(output).toMatch(tableRow("ru", [...appNamespaces.map((ns) => (ns === "home" ? "66%" : "100%")), total]));
    expect(output).toMatch(/✗ 1 problem in 1 file \(ru 1\)/);
    expect(code).toBe(1);
  });

  it("exits 2 on a wrong argument", () => {
    const { code, output } = runCli(["--nope"]);
    expect(code).toBe(2);
    expect(output).toContain("Usage:");
  });
});

// ---------------------------------------------------------------------------
// The real locales/ of the repository

describe("the repository's locales/", () => {
  const realLocales = path.join(repoRoot, "locales");

  /** First key (depth-first, file order) of the first ru namespace file, and the file. */
  async function firstRuKey(localesDir: string): Promise<{ file: string; key: string }> {
    const ruDir = path.join(localesDir, "ru");
    const present = new Set(await readdir(ruDir));
    const ns = appNamespaces.find((name) => present.has(`${name}.json`));
    if (!ns) throw new Error(`no ru namespace file in ${ruDir}`);
    const file = path.join(ruDir, `${ns}.json`);
    const key = listLeafKeys(JSON.parse(await readFile(file, "utf8")))[0];
    if (!key) throw new Error(`${file} has no keys`);
    return { file, key };
  }

  function deleteKey(tree: Record<string, unknown>, dotted: string): void {
    const parts = dotted.split(".");
    let node: Record<string, unknown> = tree;
    for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
    delete node[parts[parts.length - 1] ?? ""];
  }

  it("fails when a key is removed from a ru file", async () => {
    expect(existsSync(path.join(realLocales, "ru")), "locales/ru/ must exist in the repository").toBe(true);
    const copy = path.join(await makeTempDir(), "locales");
    await cp(realLocales, copy, { recursive: true });
    const { file, key } = await firstRuKey(copy);
    const tree = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
    deleteKey(tree, key);
    await writeFile(file, JSON.stringify(tree, null, 2));

    const { code, output } = runCli(["--locales", copy, "--code", "app"]);
    expect(code).toBe(1);
    expect(output).toContain(`ru/${path.basename(file)}`);
    expect(output).toContain(`"${key}"`);
  });

  it("passes as they are", () => {
    expect(existsSync(realLocales), "locales/ must exist in the repository").toBe(true);
    const { code, output } = runCli([]);
    expect(output).toMatch(/✓ No problems/);
    expect(code).toBe(0);
  });
});
