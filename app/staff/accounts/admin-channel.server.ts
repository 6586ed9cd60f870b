// `npm run admin:create` while Listy runs on the embedded database: only one process may open
// PGlite's files, so the running server listens on a Unix socket beside the data directory and
// creates the administrator itself. The socket is the server user's alone (mode 0600): only an
// operator who could read the database files anyway can reach it, and nothing of it is on the
// network.
import { chmodSync, rmSync } from "node:fs";
import { createConnection, createServer, type Socket } from "node:net";
import path from "node:path";

import { createAdminFromCommandLine } from "./team.server";

const MAX_REQUEST_BYTES = 4_096;
const ANSWER_TIMEOUT_MS = 15_000;
/** Unix socket paths are limited to about 107 bytes on Linux. */
const MAX_SOCKET_PATH = 100;

export interface AdminRequest {
  email: string;
  name: string;
  language: string;
}

export type AdminAnswer =
  | { ok: true; staff: { displayName: string; email: string; language: string } }
  | { ok: false; reason: "invalid-email" | "invalid-name" | "exists" | "bad-request" };

/** Where the server listens for the embedded database at `dataDir`, or null if that path is too long for a socket. */
export function adminSocketPath(dataDir: string): string | null {
  const socket = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.admin.sock`);
  return socket.length <= MAX_SOCKET_PATH ? socket : null;
}

function parseRequest(line: string): AdminRequest | null {
  try {
    const value = JSON.parse(line) as Partial<AdminRequest>;
    if (typeof value.email !== "string" || typeof value.name !== "string" || typeof value.language !== "string") return null;
    return { email: value.email, name: value.name, language: value.language };
  } catch {
    return null;
  }
}

async function answer(line: string): Promise<AdminAnswer> {
  const request = parseRequest(line);
  if (!request) return { ok: false, reason: "bad-request" };
  const result = await createAdminFromCommandLine({ email: request.email, displayName: request.name, language: request.language });
  if (!result.ok) return result;
  return { ok: true, staff: { displayName: result.staff.displayName, email: result.staff.email, language: result.staff.language } };
}

/** Reads one line of JSON from the socket (at most MAX_REQUEST_BYTES). */
function readLine(socket: Socket, onLine: (line: string) => void) {
  let buffered = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => {
    buffered += chunk;
    const end = buffered.indexOf("\n");
    if (end >= 0) {
      socket.removeAllListeners("data");
      onLine(buffered.slice(0, end));
    } else if (buffered.length > MAX_REQUEST_BYTES) {
      socket.destroy();
    }
  });
}

/** Started by the server on the embedded database; `close()` removes the socket. */
export async function openAdminChannel(socketPath: string): Promise<{ close(): Promise<void> }> {
  // A socket left by a server that was killed: nobody answers on it any more (the data
  // directory is ours now, so no other server can be running on it).
  rmSync(socketPath, { force: true });
  const server = createServer((socket) => {
    socket.on("error", () => undefined);
    socket.setTimeout(ANSWER_TIMEOUT_MS, () => socket.destroy());
    readLine(socket, (line) => {
      answer(line)
        .catch((error: unknown) => {
          console.error("admin:create through the server failed:", (error as Error).message);
          return { ok: false, reason: "bad-request" } as const;
        })
        .then((reply) => socket.end(`${JSON.stringify(reply)}\n`));
    });
  });
  // Created with no access for group and others, then made sure of it.
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(socketPath, () => resolve());
    });
  } finally {
    process.umask(umask);
  }
  chmodSync(socketPath, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        rmSync(socketPath, { force: true });
      }),
  };
}

/**
 * Asks a running server to create the administrator. Null when no server listens there (no
 * socket, or one left by a server that stopped): then the caller opens the database itself.
 */
export function askRunningServer(socketPath: string, request: AdminRequest): Promise<AdminAnswer | null> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(socketPath);
    let connected = false;
    socket.once("connect", () => {
      connected = true;
      socket.write(`${JSON.stringify(request)}\n`);
    });
    socket.setTimeout(ANSWER_TIMEOUT_MS, () => socket.destroy(new Error("the running server did not answer in time")));
    socket.on("error", (error: NodeJS.ErrnoException) => {
      if (!connected && (error.code === "ENOENT" || error.code === "ECONNREFUSED")) resolve(null);
      else reject(error);
    });
    readLine(socket, (line) => {
      socket.end();
      try {
        resolve(JSON.parse(line) as AdminAnswer);
      } catch {
        reject(new Error("the running server gave an unreadable answer"));
      }
    });
    socket.on("close", () => reject(new Error("the running server closed the connection without an answer")));
  });
}
