// The layout's rules (docs/decisions/0012-layout-by-feature.md), checked on the code as it is:
// imports flow one way (routes → staff → features → components → mail → utils), there is no
// import cycle, server code never imports a React file, and route files stay thin.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const FEATURES = ["appeals", "campaigns", "letters", "pledges", "prisoners", "privacy", "arrivals"] as const;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const rel = (file: string) => path.relative(root, file).split(path.sep).join("/");

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("~/")) base = path.join(root, "app", specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every file of app/, server/, scripts/ and prisma/ with the project files it imports (type-only imports included). */
function importGraph(): Map<string, string[]> {
  const files = ["app", "server", "scripts", "prisma"].flatMap((dir) => walk(path.join(root, dir)));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const targets = info.importedFiles.map((imported) => resolveImport(file, imported.fileName)).filter((target): target is string => target !== null);
    graph.set(rel(file), [...new Set(targets.filter((target) => /\.(ts|tsx)$/.test(target)).map(rel))]);
  }
  return graph;
}

/** The layer a file belongs to; a higher layer may import a lower one, never the reverse. */
function layerOf(file: string): { name: string; rank: number } | null {
  const [top, second] = file.split("/");
  if (top !== "app" || !second) return null;
  if (second === "routes") return { name: "routes", rank: 7 };
  if (second === "root.tsx" || second.startsWith("entry.") || second === "jobs.server.ts") return { name: "shell", rank: 6 };
  if (second === "staff") return { name: "staff", rank: 5 };
  if ((FEATURES as readonly string[]).includes(second)) return { name: `feature ${second}`, rank: 4 };
  if (second === "components") return { name: "components", rank: 3 };
  if (second === "mail") return { name: "mail", rank: 2 };
  if (second === "utils" || second === "i18n.ts") return { name: "utils", rank: 1 };
  return { name: `unknown (${second})`, rank: -1 };
}

describe("the layout", () => {
  const graph = importGraph();

  it("has no app/models or app/backoffice, and every app file is in a known layer", () => {
    expect(existsSync(path.join(root, "app/models"))).toBe(false);
    expect(existsSync(path.join(root, "app/backoffice"))).toBe(false);
    const unknown = [...graph.keys()].filter((file) => layerOf(file)?.rank === -1);
    expect(unknown).toEqual([]);
  });

  it("imports flow one way: no import from a lower layer back up to a higher one", () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      const from = layerOf(file);
      if (!from) continue;
      for (const target of targets) {
        const to = layerOf(target);
        if (to && to.rank > from.rank) upward.push(`${file} (${from.name}) → ${target} (${to.name})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it("nothing outside app/routes imports a route (the root module's types excepted)", () => {
    const found = [...graph].flatMap(([file, targets]) =>
      file.startsWith("app/routes/") ? [] : targets.filter((target) => target.startsWith("app/routes/")).map((target) => `${file} → ${target}`),
    );
    expect(found).toEqual([]);
  });

  it("server code never imports a React (.tsx) file", () => {
    const found = [...graph].flatMap(([file, targets]) =>
      /\.server\.ts$/.test(file) || /^(server|scripts|prisma)\//.test(file) ? targets.filter((target) => target.endsWith(".tsx")).map((target) => `${file} → ${target}`) : [],
    );
    expect(found).toEqual([]);
  });

  it("scripts and the server import no test code", () => {
    const found = [...graph].flatMap(([file, targets]) => targets.filter((target) => target.startsWith("tests/")).map((target) => `${file} → ${target}`));
    expect(found).toEqual([]);
  });

  it("has no import cycle, between files or between feature folders", () => {
    // Tarjan's strongly connected components over the file graph.
    const cycles = (nodes: string[], edges: (node: string) => string[]) => {
      let index = 0;
      const indices = new Map<string, number>();
      const low = new Map<string, number>();
      const stack: string[] = [];
      const onStack = new Set<string>();
      const found: string[][] = [];
      const visit = (node: string) => {
        indices.set(node, index);
        low.set(node, index++);
        stack.push(node);
        onStack.add(node);
        for (const next of edges(node)) {
          if (!indices.has(next)) {
            visit(next);
            low.set(node, Math.min(low.get(node)!, low.get(next)!));
          } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indices.get(next)!));
        }
        if (low.get(node) === indices.get(node)) {
          const component: string[] = [];
          let member: string;
          do {
            member = stack.pop()!;
            onStack.delete(member);
            component.push(member);
          } while (member !== node);
          if (component.length > 1) found.push(component.sort());
        }
      };
      for (const node of nodes) if (!indices.has(node)) visit(node);
      return found;
    };
    expect(cycles([...graph.keys()], (file) => graph.get(file) ?? [])).toEqual([]);

    const folderOf = (file: string) => {
      const second = file.split("/")[1] ?? "";
      return file.startsWith("app/") && (FEATURES as readonly string[]).includes(second) ? second : null;
    };
    const folderEdges = new Map<string, Set<string>>();
    for (const [file, targets] of graph) {
      const from = folderOf(file);
      if (!from) continue;
      for (const target of targets) {
        const to = folderOf(target);
        if (to && to !== from) folderEdges.set(from, (folderEdges.get(from) ?? new Set()).add(to));
      }
    }
    expect(cycles([...FEATURES], (folder) => [...(folderEdges.get(folder) ?? [])])).toEqual([]);
  });

  it("route files only map a URL to a feature: loader + action at most 60 lines, no database access", () => {
    const routesDir = path.join(root, "app/routes");
    const tooLong: string[] = [];
    const database: string[] = [];
    for (const name of readdirSync(routesDir)) {
      const file = path.join(routesDir, name);
      const text = readFileSync(file, "utf8");
      const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      let lines = 0;
      for (const statement of source.statements) {
        const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
        if (!exported) continue;
        const names = ts.isFunctionDeclaration(statement)
          ? [statement.name?.text]
          : ts.isVariableStatement(statement)
            ? statement.declarationList.declarations.map((declaration) => (ts.isIdentifier(declaration.name) ? declaration.name.text : undefined))
            : [];
        if (!names.some((exportedName) => exportedName === "loader" || exportedName === "action")) continue;
        const start = source.getLineAndCharacterOfPosition(statement.getStart()).line;
        const end = source.getLineAndCharacterOfPosition(statement.getEnd()).line;
        lines += end - start + 1;
      }
      if (lines > 60) tooLong.push(`${name}: ${lines} lines`);
      if (/from "~\/utils\/database\.server"|getPrisma\(/.test(text)) database.push(name);
    }
    expect(tooLong).toEqual([]);
    expect(database).toEqual([]);
  });
});
