// One way to read a submitted form (docs/decisions/0021-reading-forms.md): every action reads
// its fields with app/utils/form-fields.ts. Checked on the code with the type checker: no file
// of app/ but form-fields.ts reads a value of type FormData by hand (.get, .getAll, .has,
// .entries …, iterating it, Object.fromEntries/Array.from of it), and nothing imports conform.
// Passing a FormData along (to formFields, to a feature's reader) is how it should be.
import path from "node:path";

import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const rel = (file: string) => path.relative(root, file).split(path.sep).join("/");

const READER = "app/utils/form-fields.ts";
/** Files allowed to look inside a FormData themselves, and why. Keep it short. */
const EXEMPT: Record<string, string> = {
  // RFC 8058 one-click unsubscribe, before any route runs: the whole body must be exactly one
  // given field and value, which is a check of the body, not the reading of a form's fields.
  "app/utils/security.server.ts": "the one-click unsubscribe body check",
};
const READ_METHODS = new Set(["get", "getAll", "has", "entries", "keys", "values", "forEach"]);

function isFormData(checker: ts.TypeChecker, node: ts.Node): boolean {
  const type = checker.getNonNullableType(checker.getTypeAtLocation(node));
  const types = type.isUnion() ? type.types : [type];
  return types.some((member) => (member.getSymbol() ?? member.aliasSymbol)?.getName() === "FormData");
}

/** `file:line what` for every hand read of a form in app/ (and in `extraFiles`). */
function handFormReads(extraFiles: Record<string, string> = {}): string[] {
  const config = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const appFiles = parsed.fileNames.filter((file) => rel(file).startsWith("app/"));
  // A test may add a file of its own (to prove the check fails), served from memory.
  const host = ts.createCompilerHost(parsed.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => extraFiles[path.resolve(file)] ?? readFile(file);
  host.fileExists = ((fileExists) => (file: string) => path.resolve(file) in extraFiles || fileExists(file))(host.fileExists.bind(host));
  const program = ts.createProgram([...appFiles, ...Object.keys(extraFiles)], parsed.options, host);
  const checker = program.getTypeChecker();
  const found: string[] = [];
  for (const source of program.getSourceFiles()) {
    const name = rel(source.fileName);
    if (!name.startsWith("app/") || name === READER || name in EXEMPT) continue;
    const report = (node: ts.Node, what: string) => found.push(`${name}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${what}`);
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text.startsWith("@conform-to/")) {
        report(node, `imports ${node.moduleSpecifier.text}`);
      }
      if (ts.isPropertyAccessExpression(node) && READ_METHODS.has(node.name.text) && isFormData(checker, node.expression)) {
        report(node, `.${node.name.text}() on a FormData`);
      }
      if ((ts.isForOfStatement(node) || ts.isSpreadElement(node)) && isFormData(checker, node.expression)) report(node, "iterates a FormData");
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const callee = node.expression.getText(source);
        if ((callee === "Object.fromEntries" || callee === "Array.from") && node.arguments.some((argument) => isFormData(checker, argument))) report(node, `${callee} of a FormData`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

// A hand read in a file of its own, served from memory: proves the check sees each kind.
const PROBE = "app/routes/zz-hand-read-probe.tsx";
const PROBE_TEXT = [
  'import { parseWithZod } from "@conform-to/zod";',
  "export async function action({ request }: { request: Request }) {",
  "  const form = await request.formData();",
  '  const name = form.get("name");',
  '  const intent = (await request.formData()).getAll("intent");',
  "  const all = Object.fromEntries(form);",
  "  for (const entry of form) void entry;",
  "  return { name, intent, all, parseWithZod };",
  "}",
  "",
].join("\n");

describe("reading forms", () => {
  // One type-checked program for both tests (it takes a while to build).
  let reads: string[] = [];
  const found = () => (reads.length > 0 ? reads : (reads = handFormReads({ [path.join(root, PROBE)]: PROBE_TEXT })));

  it("every action reads its form with app/utils/form-fields.ts, and nothing imports conform", () => {
    expect(found().filter((read) => !read.startsWith(PROBE))).toEqual([]);
  }, 120_000);

  it("the check sees a hand read, wherever the FormData came from", () => {
    expect(found().filter((read) => read.startsWith(PROBE))).toEqual([
      `${PROBE}:1 imports @conform-to/zod`,
      `${PROBE}:4 .get() on a FormData`,
      `${PROBE}:5 .getAll() on a FormData`,
      `${PROBE}:6 Object.fromEntries of a FormData`,
      `${PROBE}:7 iterates a FormData`,
    ]);
  }, 120_000);
});
