// iCalendar (RFC 5545) text: content lines folded at 75 octets, escaped TEXT values, UTC
// timestamps, and UIDs qualified by the site's host so they are unique beyond this site.

const MAX_LINE_OCTETS = 75;

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line into lines of at most 75 octets (RFC 5545 §3.1): each continuation
 * starts with one space. Splits only between characters, never inside a UTF-8 sequence.
 */
export function foldIcsLine(line: string): string {
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join("\r\n");
}

/** Escapes a TEXT value (RFC 5545 §3.3.11); other control characters are dropped. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

export const compactDate = (iso: string) => iso.replaceAll("-", "");

/** 2026-11-23T10:04:05.123Z → 20261123T100405Z */
export function compactTimestamp(iso: string): string {
  return iso.replace(/[-:]/g, "").replace(/\.\d+/, "").replace(/Z?$/, "Z");
}


/** The host of the site's origin, for UIDs ("listy.example.org" from "https://listy.example.org:8443"). */
export function hostOf(origin: string): string {
  return new URL(origin).hostname;
}

/** A property with a TEXT value, escaped. */
export const icsText = (property: string, value: string) => `${property}:${escapeIcsText(value)}`;

/** Joins content lines as RFC 5545 wants them: folded, each ended with CRLF. */
export const icsBody = (lines: readonly string[]) => lines.map(foldIcsLine).join("\r\n") + "\r\n";
