// What the server's log may say about a request. Paths carry the tokens of emailed links
// (confirm, manage, export, erase, invitations): whoever reads the log could use them. And
// anyone can send malformed requests, so each costs at most one short line, never a stack
// trace (a flood would bury real faults and fill the disk).
import { parseEnv } from "./env.server";
import { SLUG_PATTERN } from "./slug";

/** The URL segments a token follows, e.g. /:lang/pledges/manage/:token. */
const TOKEN_FOLLOWS = new Set(["confirm", "follow-up", "manage", "erase", "export", "invitation"]);
const MAX_PATH = 200;

/** The path with every token (and any long opaque segment) replaced by ":token". */
export function pathForLog(pathname: string): string {
  const segments = pathname.split("/");
  const redacted = segments.map((segment, index) =>
    segment !== "" && (TOKEN_FOLLOWS.has(segments[index - 1] ?? "") || looksOpaque(segment)) ? ":token" : segment,
  );
  const path = redacted.join("/");
  return path.length > MAX_PATH ? `${path.slice(0, MAX_PATH)}…` : path;
}

/** Slugs are lowercase words joined by hyphens; a long segment that is not one is treated as a secret. */
function looksOpaque(segment: string): boolean {
  return segment.length >= 20 && !SLUG_PATTERN.test(segment);
}

let stackTraces: boolean | undefined;

/** One line: the error's name and message. The stack only with LOG_LEVEL=debug. */
export function errorForLog(error: unknown): string {
  if (!(error instanceof Error)) return oneLine(String(error));
  stackTraces ??= logLevel() === "debug";
  if (stackTraces && error.stack) return error.stack;
  return oneLine(`${error.name}: ${error.message}`);
}

function logLevel(): string {
  try {
    return parseEnv().LOG_LEVEL;
  } catch {
    return "info";
  }
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
