import type { Writable } from "node:stream";

import PDFDocument from "pdfkit";

import { letterFont } from "~/letters/fonts/letter-fonts.server";

/*
 * Printable letters for prisoners: the letter on A4, then its envelope (C6 or DL,
 * landscape) or an A4 sheet with an address label. Everything is drawn with DejaVu
 * (full Cyrillic incl. Belarusian ў і), embedded as a subset with a ToUnicode map,
 * so the text stays selectable and extractable.
 */

export type EnvelopeFormat = "c6" | "dl" | "label";

export interface LetterRecipient {
  /** Full name in Cyrillic, with patronymic when known, in the form to print. */
  fullNameCyrillic: string;
  yearOfBirth: number | null;
  /** For example "ИК-15" or "СИЗО-1". */
  institution: string;
  /** Street and house, one entry per printed line. */
  addressLines: string[];
  postcode: string;
  /** For example "г. Могилёв", printed after the postcode. */
  town: string;
}

export interface LetterPdfInput {
  /** Russian or Belarusian; paragraphs separated by blank lines. */
  letterText: string;
  recipient: LetterRecipient;
  /** Return-address lines; omitted, null or empty → no return block is printed. */
  sender?: string[] | null;
  format: EnvelopeFormat;
  /** Language of the letter, recorded in the PDF for screen readers. */
  language?: "ru" | "be";
}

/** Printed under every recipient address: Cyrillic for Belarus, Latin for the sending post office. */
export const COUNTRY_LINES = ["Республика Беларусь", "REPUBLIC OF BELARUS"] as const;

const MM = 72 / 25.4;
type Size = readonly [width: number, height: number];
/** Page sizes in PDF points; envelopes are landscape. */
export const PAGE_SIZES = {
  a4: [595.28, 841.89],
  c6: [162 * MM, 114 * MM],
  dl: [220 * MM, 110 * MM],
} as const satisfies Record<string, Size>;

const LETTER_MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 25 * MM, right: 20 * MM };
const LETTER_FONT_SIZE = 12;
const LETTER_LINE_GAP = 2.5;
const PARAGRAPH_GAP_LINES = 0.6;

interface EnvelopeLayout {
  size: Size;
  edge: number; // distance of both blocks from the envelope's edges
  recipientWidth: number;
  recipientMaxHeight: number;
  recipientFontSize: number;
  senderWidth: number;
  senderMaxHeight: number;
  senderFontSize: number;
}

const ENVELOPES: Record<"c6" | "dl", EnvelopeLayout> = {
  c6: {
    size: PAGE_SIZES.c6,
    edge: 10 * MM,
    recipientWidth: 82 * MM,
    recipientMaxHeight: 58 * MM,
    recipientFontSize: 11,
    senderWidth: 70 * MM,
    senderMaxHeight: 34 * MM,
    senderFontSize: 8.5,
  },
  dl: {
    size: PAGE_SIZES.dl,
    edge: 12 * MM,
    recipientWidth: 95 * MM,
    recipientMaxHeight: 58 * MM,
    recipientFontSize: 12,
    senderWidth: 85 * MM,
    senderMaxHeight: 32 * MM,
    senderFontSize: 9,
  },
};

// One label in the first cell of the common 14-per-sheet A4 layout (99.1 × 38.1 mm,
// two columns), so the page prints on a label sheet as well as on plain paper.
const LABEL = {
  x: 4.65 * MM,
  y: 15.15 * MM,
  width: 99.1 * MM,
  height: 38.1 * MM,
  columnStep: (99.1 + 2.5) * MM,
  padding: 4 * MM,
  fontSize: 10,
};

const MIN_FONT_SIZE = 6;
// Field lengths far beyond any real address; keeps fitting cheap on hostile input.
const MAX_FIELD_CHARS = 300;
const MAX_SENDER_LINES = 10;

/* ------------------------------------------------------------------ text clean-up */

/**
 * Makes arbitrary user text safe for the font: composed forms (е + ̈ → ё, у + ̆ → ў),
 * no control characters, no emoji or other characters DejaVu cannot draw.
 */
export function cleanLetterText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, "    ")
    .replace(/[\u2028\u2029]/g, "\n")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, "")
    .replace(/[\u200B-\u200D\u2060\uFEFF\uFE00-\uFE0F]/g, "")
    .replace(/[\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/[\uD800-\uDFFF]/g, "");
}

/** Paragraphs split at blank lines; single line breaks inside a paragraph are kept. */
export function splitParagraphs(text: string): string[] {
  return cleanLetterText(text)
    .split(/\n[ \u00A0]*\n/)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .map((line) => line.replace(/\s+$/u, ""))
        .join("\n")
        .replace(/^\n+|\n+$/g, ""),
    )
    .filter((paragraph) => paragraph.trim() !== "");
}

function cleanField(value: string | null | undefined): string {
  return cleanLetterText(value ?? "")
    .replace(/\s+/gu, " ")
    .trim()
    .slice(0, MAX_FIELD_CHARS);
}

/** The recipient block, top to bottom, in the order the Belarusian post reads it. */
export function recipientLines(recipient: LetterRecipient): { text: string; bold: boolean }[] {
  const name = cleanField(recipient.fullNameCyrillic);
  const year =
    typeof recipient.yearOfBirth === "number" && Number.isInteger(recipient.yearOfBirth) && recipient.yearOfBirth > 0
      ? `${recipient.yearOfBirth}\u00A0г.\u00A0р.`
      : "";
  const nameLine = [name, year].filter(Boolean).join(", ");
  const placeLine = [cleanField(recipient.postcode), cleanField(recipient.town)].filter(Boolean).join(", ");
  const lines = [
    { text: nameLine, bold: true },
    { text: cleanField(recipient.institution), bold: false },
    ...(recipient.addressLines ?? []).map((line) => ({ text: cleanField(line), bold: false })),
    { text: placeLine, bold: false },
    ...COUNTRY_LINES.map((text) => ({ text, bold: false })),
  ];
  return lines.filter((line) => line.text !== "");
}

function senderLines(sender: string[] | null | undefined): { text: string; bold: boolean }[] {
  return (sender ?? [])
    .map(cleanField)
    .filter((line) => line !== "")
    .slice(0, MAX_SENDER_LINES)
    .map((text) => ({ text, bold: false }));
}

/* --------------------------------------------------------------------- drawing */

type Doc = PDFKit.PDFDocument;

function createDocument(title: string, language: string): Doc {
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [...PAGE_SIZES.a4],
    margins: LETTER_MARGINS,
    compress: true,
    lang: language,
    displayTitle: true,
    info: { Title: title, Creator: "Listy", Producer: "Listy" },
  });
  doc.registerFont("serif", letterFont("serif"));
  doc.registerFont("sans", letterFont("sans"));
  doc.registerFont("sans-bold", letterFont("sans-bold"));
  return doc;
}

function drawLetter(doc: Doc, letterText: string): void {
  doc.addPage({ size: [...PAGE_SIZES.a4], margins: LETTER_MARGINS });
  doc.font("serif").fontSize(LETTER_FONT_SIZE).fillColor("black");
  const width = doc.page.width - LETTER_MARGINS.left - LETTER_MARGINS.right;
  for (const paragraph of splitParagraphs(letterText)) {
    // Without a height limit pdfkit wraps lines and continues on a new A4 page by itself.
    doc.text(paragraph, LETTER_MARGINS.left, undefined, { width, lineGap: LETTER_LINE_GAP, align: "left" });
    doc.moveDown(PARAGRAPH_GAP_LINES);
  }
}

/** Largest font size (down to MIN_FONT_SIZE) at which the lines fit in width × maxHeight. */
function fitFontSize(
  doc: Doc,
  lines: { text: string; bold: boolean }[],
  width: number,
  maxHeight: number,
  startSize: number,
): number {
  for (let size = startSize; size > MIN_FONT_SIZE; size -= 0.5) {
    if (blockHeight(doc, lines, width, size) <= maxHeight) return size;
  }
  return MIN_FONT_SIZE;
}

function blockHeight(doc: Doc, lines: { text: string; bold: boolean }[], width: number, size: number): number {
  let height = 0;
  for (const line of lines) {
    doc.font(line.bold ? "sans-bold" : "sans").fontSize(size);
    height += doc.heightOfString(line.text, { width, lineGap: size * 0.2 });
  }
  return height;
}

/** Draws the lines from (x, y); the height limit makes pdfkit clip instead of adding a page. */
function drawBlock(
  doc: Doc,
  lines: { text: string; bold: boolean }[],
  x: number,
  y: number,
  width: number,
  maxHeight: number,
  size: number,
): void {
  const bottom = y + maxHeight;
  let cursor = y;
  for (const line of lines) {
    doc.font(line.bold ? "sans-bold" : "sans").fontSize(size);
    const remaining = bottom - cursor;
    if (remaining < doc.currentLineHeight(true)) break;
    doc.text(line.text, x, cursor, { width, height: remaining, lineGap: size * 0.2, ellipsis: true });
    cursor = doc.y;
  }
}

function drawEnvelope(doc: Doc, input: LetterPdfInput, format: "c6" | "dl"): void {
  const layout = ENVELOPES[format];
  const [pageWidth, pageHeight] = layout.size;
  doc.addPage({ size: [pageWidth, pageHeight], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
  doc.fillColor("black");

  const sender = senderLines(input.sender);
  if (sender.length > 0) {
    const size = fitFontSize(doc, sender, layout.senderWidth, layout.senderMaxHeight, layout.senderFontSize);
    drawBlock(doc, sender, layout.edge, layout.edge, layout.senderWidth, layout.senderMaxHeight, size);
  }

  // Lower right: the block grows upwards from the bottom edge, as the post expects.
  const recipient = recipientLines(input.recipient);
  const size = fitFontSize(doc, recipient, layout.recipientWidth, layout.recipientMaxHeight, layout.recipientFontSize);
  const height = Math.min(blockHeight(doc, recipient, layout.recipientWidth, size), layout.recipientMaxHeight);
  const x = pageWidth - layout.edge - layout.recipientWidth;
  const y = pageHeight - layout.edge - height;
  drawBlock(doc, recipient, x, y, layout.recipientWidth, layout.recipientMaxHeight, size);
}

function drawLabelSheet(doc: Doc, input: LetterPdfInput): void {
  doc.addPage({ size: [...PAGE_SIZES.a4], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
  const innerWidth = LABEL.width - 2 * LABEL.padding;
  const innerHeight = LABEL.height - 2 * LABEL.padding;

  const drawLabel = (x: number, lines: { text: string; bold: boolean }[]) => {
    // A faint dashed outline to cut along when printing on plain paper.
    doc.save().lineWidth(0.5).dash(3, { space: 3 }).strokeColor("#b0b0b0");
    doc.roundedRect(x, LABEL.y, LABEL.width, LABEL.height, 2 * MM).stroke();
    doc.restore().fillColor("black");
    const size = fitFontSize(doc, lines, innerWidth, innerHeight, LABEL.fontSize);
    drawBlock(doc, lines, x + LABEL.padding, LABEL.y + LABEL.padding, innerWidth, innerHeight, size);
  };

  drawLabel(LABEL.x, recipientLines(input.recipient));
  // The return address, when given, goes on the neighbouring label.
  const sender = senderLines(input.sender);
  if (sender.length > 0) drawLabel(LABEL.x + LABEL.columnStep, sender);
}

function drawLetterWithAddress(doc: Doc, input: LetterPdfInput): void {
  drawLetter(doc, input.letterText ?? "");
  if (input.format === "label") drawLabelSheet(doc, input);
  else drawEnvelope(doc, input, input.format === "dl" ? "dl" : "c6");
}

/* ------------------------------------------------------------------ public API */

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

/** One letter: page 1… the letter on A4, last page the envelope or label sheet. */
export async function renderLetterPdf(input: LetterPdfInput): Promise<Buffer> {
  const doc = createDocument("Письмо", input.language ?? "ru");
  const done = collect(doc);
  try {
    drawLetterWithAddress(doc, input);
  } finally {
    doc.end();
  }
  return done;
}

const collator = new Intl.Collator("ru", { sensitivity: "base", numeric: true });

/** Mailroom order: by town, then institution, then recipient's name (ИК-2 before ИК-15). */
export function sortLettersForMailroom<T extends LetterPdfInput>(letters: readonly T[]): T[] {
  return [...letters].sort(
    (a, b) =>
      collator.compare(cleanField(a.recipient.town), cleanField(b.recipient.town)) ||
      collator.compare(cleanField(a.recipient.institution), cleanField(b.recipient.institution)) ||
      collator.compare(cleanField(a.recipient.fullNameCyrillic), cleanField(b.recipient.fullNameCyrillic)),
  );
}

export interface InstitutionGroup<T extends LetterPdfInput = LetterPdfInput> {
  town: string;
  institution: string;
  letters: T[];
}

/** Letters in mailroom order, grouped by institution (same town and institution name). */
export function groupLettersByInstitution<T extends LetterPdfInput>(letters: readonly T[]): InstitutionGroup<T>[] {
  const groups: InstitutionGroup<T>[] = [];
  for (const letter of sortLettersForMailroom(letters)) {
    const town = cleanField(letter.recipient.town);
    const institution = cleanField(letter.recipient.institution);
    const last = groups.at(-1);
    if (last && collator.compare(last.town, town) === 0 && collator.compare(last.institution, institution) === 0) {
      last.letters.push(letter);
    } else {
      groups.push({ town, institution, letters: [letter] });
    }
  }
  return groups;
}

// Unread output allowed to pile up inside pdfkit before rendering pauses.
const HIGH_WATER_BYTES = 4 * 1024 * 1024;

async function letOutputDrain(doc: Doc, out: Writable | null): Promise<void> {
  while (doc.readableLength > HIGH_WATER_BYTES) {
    if (out && (out.destroyed || out.writableEnded)) throw new Error("PDF output closed before the batch was written");
    if (out?.writableNeedDrain) {
      await new Promise<void>((resolve) => {
        const done = () => {
          out.off("drain", done);
          out.off("close", done);
          resolve();
        };
        out.once("drain", done);
        out.once("close", done);
      });
    } else {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}

async function drawBatch(doc: Doc, letters: readonly LetterPdfInput[], out: Writable | null): Promise<void> {
  for (const group of groupLettersByInstitution(letters)) {
    // Bookmarks let the mailroom jump to a facility and see how many letters go there.
    const heading = [group.town, group.institution].filter(Boolean).join(" — ") || "—";
    let bookmark: PDFKit.PDFOutline | null = null;
    for (const letter of group.letters) {
      drawLetterWithAddress(doc, letter);
      bookmark ??= doc.outline.addItem(`${heading} (${group.letters.length})`);
      // Yielding between letters lets pages stream out instead of piling up in memory.
      await letOutputDrain(doc, out);
    }
  }
}

/**
 * Writes one PDF with every letter followed by its envelope or label, grouped by
 * institution (see sortLettersForMailroom). Streams page by page into `out`.
 */
export async function writeLetterBatchPdf(letters: readonly LetterPdfInput[], out: Writable): Promise<void> {
  const doc = createDocument(`Письма (${letters.length})`, "ru");
  const finished = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("close", resolve);
    out.on("error", reject);
    doc.on("error", reject);
  });
  // If rendering fails first, the caller gets that error; a later stream error is not left unhandled.
  finished.catch(() => undefined);
  doc.pipe(out);
  try {
    await drawBatch(doc, letters, out);
  } finally {
    doc.end();
  }
  await finished;
}

/** The batch as one Buffer (pages still stream out of pdfkit while it renders). */
export async function renderLetterBatchPdf(letters: readonly LetterPdfInput[]): Promise<Buffer> {
  const doc = createDocument(`Письма (${letters.length})`, "ru");
  const done = collect(doc);
  try {
    await drawBatch(doc, letters, null);
  } finally {
    doc.end();
  }
  return done;
}
