// Share images (1200×630 PNG, the size Open Graph previews use): an SVG template filled with
// escaped text and rendered on the server by resvg with the shipped DejaVu fonts only (no
// system fonts, nothing fetched). Never a photo: a card carries text and nothing else.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

import { Resvg } from "@resvg/resvg-js";

export const SHARE_IMAGE_WIDTH = 1200;
export const SHARE_IMAGE_HEIGHT = 630;

export interface ShareCardText {
  heading: string;
  /** A second line under the heading (the name in the other script). */
  subheading: string | null;
  /** The body: a dated status, a summary, progress. Wrapped and cut to fit. */
  lines: string[];
  footer: string;
}

let fontFiles: string[] | null = null;
function shippedFonts(): string[] {
  if (fontFiles === null) {
    // The same package the letter PDFs use; resolved, so hoisting does not matter.
    const directory = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
    fontFiles = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) => join(directory, file));
  }
  return fontFiles;
}

const escapeXml = (text: string) =>
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "").replace(/[<>&'"]/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[char]!);

/** Breaks text into lines of at most `width` characters (DejaVu Sans averages ~0.6 em). */
function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && (current + " " + word).length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, width - 1)}…`;
  return kept;
}

/** The card as SVG source (what tests read) and as PNG. */
export function renderShareCard(card: ShareCardText): { svg: string; png: Buffer } {
  const heading = wrap(card.heading, 30, 2);
  let y = 130;
  const text: string[] = [];
  for (const line of heading) {
    text.push(`<text x="72" y="${y}" font-size="60" font-weight="bold" fill="#1b1f24">${escapeXml(line)}</text>`);
    y += 72;
  }
  if (card.subheading) {
    text.push(`<text x="72" y="${y}" font-size="36" fill="#4a5360">${escapeXml(card.subheading)}</text>`);
    y += 64;
  } else y += 16;
  for (const line of card.lines.flatMap((paragraph) => wrap(paragraph, 52, 3)).slice(0, 5)) {
    text.push(`<text x="72" y="${y}" font-size="34" fill="#1b1f24">${escapeXml(line)}</text>`);
    y += 46;
  }
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_IMAGE_WIDTH}" height="${SHARE_IMAGE_HEIGHT}" viewBox="0 0 ${SHARE_IMAGE_WIDTH} ${SHARE_IMAGE_HEIGHT}" font-family="DejaVu Sans">`,
    `<rect width="100%" height="100%" fill="#f4f1ea"/>`,
    `<rect width="16" height="100%" fill="#8a1c1c"/>`,
    ...text,
    `<text x="72" y="580" font-size="30" font-weight="bold" fill="#8a1c1c">${escapeXml(card.footer)}</text>`,
    `</svg>`,
  ].join("\n");
  const png = new Resvg(svg, {
    font: { fontFiles: shippedFonts(), loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
    fitTo: { mode: "width", value: SHARE_IMAGE_WIDTH },
  })
    .render()
    .asPng();
  return { svg, png };
}
