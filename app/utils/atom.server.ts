// Atom feeds (RFC 4287): one document per feed and language, with escaped text, absolute
// links and ids that stay the same however often the feed is generated.
import { taggedXml, type TaggedXml } from "./xml-response.server";

export interface AtomEntry {
  /** A stable URL with the site's host; never changes once published. */
  id: string;
  title: string;
  /** ISO timestamp of the last significant change. */
  updated: string;
  /** The page a reader opens for this entry. */
  link: string;
  summary: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  /** The language of every text in the feed (xml:lang). */
  language: string;
  selfUrl: string;
  /** The HTML page the feed belongs to. */
  alternateUrl: string;
  authorName: string;
  /** When nothing is in the feed yet: the feed still needs an `updated`. */
  emptyUpdated: string;
  entries: AtomEntry[];
}

const escapeXml = (text: string) =>
  text
    // Characters XML 1.0 does not allow at all are dropped, not escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/[<>&'"]/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[char]!);

/** Seconds precision, "Z": what RFC 3339 and every feed reader accept. */
const atomTime = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, "Z");

export function buildAtomFeed(feed: AtomFeed): TaggedXml {
  const newest = feed.entries.reduce<string | null>((latest, entry) => (latest === null || entry.updated > latest ? entry.updated : latest), null);
  const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.language)}">`,
    `  ${element("id", feed.id)}`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    `  <subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>`,
    `  ${element("updated", atomTime(newest ?? feed.emptyUpdated))}`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternateUrl)}"/>`,
    `  <author>${element("name", feed.authorName)}</author>`,
    ...feed.entries.flatMap((entry) => [
      `  <entry>`,
      `    ${element("id", entry.id)}`,
      `    <title type="text">${escapeXml(entry.title)}</title>`,
      `    ${element("updated", atomTime(entry.updated))}`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.link)}"/>`,
      `    <summary type="text">${escapeXml(entry.summary)}</summary>`,
      `  </entry>`,
    ]),
    `</feed>`,
  ];
  return taggedXml(lines.join("\n") + "\n");
}
