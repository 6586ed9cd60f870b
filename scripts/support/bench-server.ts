// What every load bench needs: a production build, Listy started on its own embedded
// database as its own process, and a wait until it answers. Used by scripts/bench*.ts.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/** Stops the bench when there is no production build to measure. */
export function requireProductionBuild(): void {
  if (!existsSync(path.resolve("build", "index.js"))) {
    console.error("No production build: run `npm run build` first (npm run bench does).");
    process.exit(1);
  }
}

/** Resolves once `url` answers 2xx; throws after `timeoutMs`. */
export async function waitFor(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not come up`);
}

/** The production server on `port` over the embedded database in `dataDir`; `env` adds settings. */
export function startListy(port: number, dataDir: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", PGLITE_DATA_DIR: dataDir, LOG_LEVEL: "error", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
}
