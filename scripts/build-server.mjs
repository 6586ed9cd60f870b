// The second half of `npm run build`: compiles the Express server and the commands an operator
// runs in production into build/server/, one self-contained ES module each, for plain `node`
// (tsx stays for development, tests and benchmarks). Our own code (app/ through "~/", server/,
// prisma/) is bundled in; packages stay in node_modules and are imported at run time, as
// the Remix build in build/index.js does. Plain JavaScript, so it needs nothing but node.
import { rmSync } from "node:fs";
import path from "node:path";

import { build } from "esbuild";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const outdir = path.join(root, "build", "server");

/** Entry → output name: build/server/<name>.js. */
const entries = {
  index: "server/index.ts",
  worker: "scripts/worker.ts",
  "db-migrate": "scripts/db-migrate.ts",
  "db-seed": "scripts/db-seed.ts",
  "admin-create": "scripts/admin-create.ts",
  "i18n-export": "scripts/i18n-export.ts",
};

/** Bare imports are packages, left to node; "~/…" is app/ (tsconfig's path), bundled. */
const packagesStayExternal = {
  name: "packages-stay-external",
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./~]|^~[^/]/ }, (args) => ({ path: args.path, external: true }));
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, path.join(root, file)])),
  outdir,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  tsconfig: path.join(root, "tsconfig.json"),
  plugins: [packagesStayExternal],
  // Stack traces point at the TypeScript sources.
  sourcemap: "linked",
  logLevel: "warning",
});
console.info(`server: compiled ${Object.keys(entries).length} entries into ${path.relative(root, outdir)}/`);
