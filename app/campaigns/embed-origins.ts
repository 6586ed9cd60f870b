// The partner sites allowed to frame a campaign's embed, as staff type them: one origin a
// line ("https://partner.example"). Browser-safe; errors are codes, the text comes back as typed.
// Plain http is accepted only for local addresses and only where Listy itself is not on https
// (development and tests): a partner page on http could be changed by anyone on its network.

export const EMBED_ORIGINS_MAX = 20;
const TEXT_MAX = 4_000;

export type EmbedOriginError = "not-origin" | "not-https" | "too-many";

export type EmbedOriginsResult =
  | { ok: true; origins: string[]; text: string }
  | { ok: false; text: string; error: EmbedOriginError; line: string };

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** One typed origin, normalised ("HTTPS://Partner.Example/" → "https://partner.example"), or why not. */
export function parseEmbedOrigin(typed: string, { allowLocal }: { allowLocal: boolean }): { origin: string } | { error: EmbedOriginError } {
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return { error: "not-origin" };
  }
  // An origin is scheme, host and port: a path, query, fragment or user name is a mistake.
  const bare = (url.pathname === "/" || url.pathname === "") && !url.search && !url.hash && !url.username && !url.password;
  if (!bare || !/^[a-z]+:\/\/[^/?#]+\/?$/i.test(typed)) return { error: "not-origin" };
  if (url.protocol === "https:") return { origin: url.origin };
  if (url.protocol === "http:" && allowLocal && LOCAL_HOSTS.has(url.hostname)) return { origin: url.origin };
  return { error: url.protocol === "http:" ? "not-https" : "not-origin" };
}

/** The textarea's lines, each a partner origin; blank lines are ignored, repeats kept once. */
export function readEmbedOrigins(raw: unknown, options: { allowLocal: boolean }): EmbedOriginsResult {
  const text = (typeof raw === "string" ? raw : "").slice(0, TEXT_MAX).replace(/\r\n?/g, "\n");
  const origins: string[] = [];
  for (const line of text.split(/[\n,]/).map((part) => part.trim()).filter(Boolean)) {
    const parsed = parseEmbedOrigin(line, options);
    if ("error" in parsed) return { ok: false, text, error: parsed.error, line };
    if (!origins.includes(parsed.origin)) origins.push(parsed.origin);
  }
  if (origins.length > EMBED_ORIGINS_MAX) return { ok: false, text, error: "too-many", line: "" };
  return { ok: true, origins, text };
}
