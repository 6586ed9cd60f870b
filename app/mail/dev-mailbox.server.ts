// The development mailbox: .eml files the file transport wrote under MAIL_DIR, for the
// /dev/mail page (only with DEV_MAILBOX=on, which `npm run dev` sets and production refuses). Names are checked before any path is built, so a
// request cannot read outside the directory.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

import { getMailSettings } from "./mail-settings.server";

export interface DevMailSummary {
  name: string;
  size: number;
  /** ISO time the file was written. */
  writtenAt: string;
  subject: string | null;
  to: string | null;
}

export interface DevMail extends DevMailSummary {
  /** The whole message as written (headers and MIME parts). */
  raw: string;
  /** The text/plain part, decoded, when it could be found. */
  text: string | null;
}

/** It shows sign-in codes and private links, so it is off unless explicitly turned on. */
export function isDevMailboxOn(): boolean {
  return getMailSettings().devMailbox === true;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.eml$/;

export function devMailDir(): string {
  const setting = getMailSettings().transport;
  return setting.kind === "files" ? setting.dir : path.resolve("data", "mail");
}

function header(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const line = unfolded.split(/\r?\n/).find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? decodeWords(line.slice(name.length + 1).trim()) : null;
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) for display. */
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_match, kind: string, data: string) =>
    kind.toLowerCase() === "b"
      ? Buffer.from(data, "base64").toString("utf8")
      : Buffer.from(data.replace(/_/g, " ").replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8"),
  );
}

function textPart(raw: string): string | null {
  const match = /Content-Type: text\/plain[^\n]*\n(?:[^\n]+\n)*?Content-Transfer-Encoding: ([^\n]+)\n(?:[^\n]+\n)*\n([\s\S]*?)\n--/i.exec(raw);
  if (!match) return null;
  const encoding = (match[1] ?? "").trim().toLowerCase();
  const body = match[2] ?? "";
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

/** Newest first. An absent directory is an empty mailbox. */
export async function listDevMail(dir: string = devMailDir()): Promise<DevMailSummary[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => NAME.test(name));
  } catch {
    return [];
  }
  const summaries = await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      const [info, raw] = await Promise.all([stat(file), readFile(file, "utf8")]);
      return { name, size: info.size, writtenAt: info.mtime.toISOString(), subject: header(raw, "Subject"), to: header(raw, "To") };
    }),
  );
  return summaries.sort((a, b) => b.name.localeCompare(a.name));
}

/** One message by file name, or null for an unknown or unsafe name. */
export async function readDevMail(name: string, dir: string = devMailDir()): Promise<DevMail | null> {
  if (typeof name !== "string" || !NAME.test(name) || path.basename(name) !== name) return null;
  const file = path.join(path.resolve(dir), name);
  if (path.dirname(file) !== path.resolve(dir)) return null;
  try {
    const [info, raw] = await Promise.all([stat(file), readFile(file, "utf8")]);
    if (!info.isFile()) return null;
    return {
      name,
      size: info.size,
      writtenAt: info.mtime.toISOString(),
      subject: header(raw, "Subject"),
      to: header(raw, "To"),
      raw,
      text: textPart(raw),
    };
  } catch {
    return null;
  }
}
