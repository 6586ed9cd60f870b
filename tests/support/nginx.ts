// Debian's nginx as the reverse proxy in front of several Listy instances, for the several-
// instance scenario: deploy/nginx/ci-two-instances.conf filled in and run in the foreground by
// the current user, with its pid file, logs and temporary files in a folder of its own.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { userInfo, tmpdir } from "node:os";
import path from "node:path";

export const CI_PROXY_CONFIG = path.join("deploy", "nginx", "ci-two-instances.conf");

/** The nginx binary (Debian puts it in /usr/sbin, which a user's PATH may lack), or null. */
export function findNginx(): string | null {
  for (const dir of [...(process.env.PATH ?? "").split(path.delimiter), "/usr/sbin", "/usr/local/sbin"]) {
    const candidate = path.join(dir, "nginx");
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

export interface RunningProxy {
  url: string;
  dir: string;
  output(): string;
  stop(): Promise<void>;
}

/** Starts nginx on 127.0.0.1:`port` in front of the given instance ports; resolves once it answers. */
export async function startNginx({ nginx, port, upstreams }: { nginx: string; port: number; upstreams: [number, number] }): Promise<RunningProxy> {
  const dir = mkdtempSync(path.join(tmpdir(), "listy-nginx-"));
  // Run as root, nginx would hand its workers to "nobody"; keep them with the current user.
  const user = process.getuid?.() === 0 ? `user ${userInfo().username};` : "";
  const config = readFileSync(CI_PROXY_CONFIG, "utf8")
    .replaceAll("{{DIR}}", dir)
    .replaceAll("{{USER}}", user)
    .replaceAll("{{PORT}}", String(port))
    .replaceAll("{{PORT_A}}", String(upstreams[0]))
    .replaceAll("{{PORT_B}}", String(upstreams[1]));
  const file = path.join(dir, "nginx.conf");
  writeFileSync(file, config);
  // -e: errors before the config is read go to the folder too, not to /var/log/nginx.
  const args = ["-p", dir, "-e", path.join(dir, "error.log"), "-c", file];
  const check = spawnSync(nginx, ["-t", ...args], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx refused ${CI_PROXY_CONFIG}:\n${check.stderr}`);

  let output = "";
  const child: ChildProcess = spawn(nginx, args, { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const url = `http://127.0.0.1:${port}`;
  const log = () => {
    const errors = existsSync(path.join(dir, "error.log")) ? readFileSync(path.join(dir, "error.log"), "utf8") : "";
    return `${output}${errors}`;
  };
  const stop = async () => {
    // SIGQUIT: nginx's graceful stop (finish open requests); SIGKILL if it hangs.
    if (child.exitCode === null) child.kill("SIGQUIT");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited at start:\n${log()}`);
    try {
      await fetch(`${url}/healthz`);
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`nginx did not answer within 20 s:\n${log()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { url, dir, output: log, stop };
}
