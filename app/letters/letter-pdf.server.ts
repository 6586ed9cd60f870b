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
  /** The official designation, for example «ИК-3», «СИЗО-1» or «Тюрьма № 1». */
  designation: string;
  /** Street and house, one entry per printed line (the free-text address when there are no parts). */
  streetLines: string[];
  /** A village or settlement that is not the post town, for example «пос. Витьба». */
  locality: string;
  /** For example «Витебский р-н». */
  district: string;
  /** For example «Витебская обл.». */
  region: string;
  postcode: string;
  /** The post town, for example «г. Могилёв», printed after the postcode; empty when the locality has its own post office. */
  town: string;
  /** False: the envelope leaves a labelled space for the address to be written by hand. */
  addressKnown: boolean;
}

export interface LetterPdfInput {
  /** Russian or Belarusian; paragraphs separated by blank lines. */
  letterText: string;
  recipient: LetterRecipient;
  /** Return-address lines; omitted, null or empty → no return block is printed. */
  sender?: string[] | null;
  format: EnvelopeFormat;
  /** Language of the letter: the PDF records it for screen readers, the date line is written in it. */
  language?: "ru" | "be";
  /** The day the letter is dated (in Minsk); omitted → no date line. */
  writtenOn?: Date | null;
}

/** Printed under every recipient address: Cyrillic for Belarus, Latin for the sending post office. */
export const COUNTRY_LINES = ["Республика Беларусь", "REPUBLIC OF BELARUS"] as const;

/**
 * The recipient block, top to bottom. Belpochta's rules list the address from the smallest
 * part to the largest (street, then the village, district and region) and end with the
 * postcode; for a town with its own post office the postcode is written with the town
 * («212013, г. Могилёв»). One line, "postcode", holds both, after the region: for a village
 * colony it is the postcode alone, last before the country; for a town it is postcode and town.
 * Nominative name («Иванов Иван Иванович»), family name first. To be confirmed by a letter
 * volunteer: change the order here and nowhere else.
 */
export const BELPOCHTA_ORDER = ["name", "designation", "street", "locality", "district", "region", "postcode", "country"] as const;
export type RecipientPart = (typeof BELPOCHTA_ORDER)[number];

/** The label over the ruled space left for an address written by hand (Russian, as the envelope). */
export const HANDWRITTEN_ADDRESS_LABEL = "Адрес учреждения (впишите от руки):";
const HANDWRITTEN_ADDRESS_RULES = 3;

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
    // Each listed character goes on its own: variation selectors are meant to be stripped here.
    // eslint-disable-next-line no-misleading-character-class
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

interface Line {
  text: string;
  bold: boolean;
  /** Ruled lines below the text, to write on by hand. */
  rules?: number;
}

function recipientPart(recipient: LetterRecipient, part: RecipientPart): Line[] {
  const plain = (text: string): Line[] => [{ text: cleanField(text), bold: false }];
  switch (part) {
    case "name": {
      const year =
        typeof recipient.yearOfBirth === "number" && Number.isInteger(recipient.yearOfBirth) && recipient.yearOfBirth > 0
          ? `${recipient.yearOfBirth}\u00A0г.\u00A0р.`
          : "";
      return [{ text: [cleanField(recipient.fullNameCyrillic), year].filter(Boolean).join(", "), bold: true }];
    }
    case "designation":
      return plain(recipient.designation);
    case "street":
      return (recipient.streetLines ?? []).flatMap(plain);
    case "locality":
      return plain(recipient.locality);
    case "district":
      return plain(recipient.district);
    case "region":
      return plain(recipient.region);
    case "postcode":
      return [{ text: [cleanField(recipient.postcode), cleanField(recipient.town)].filter(Boolean).join(", "), bold: false }];
    case "country":
      return COUNTRY_LINES.map((text) => ({ text, bold: false }));
  }
}

// An unknown address keeps only the name and the country; the rest is a space to fill in.
const ADDRESS_PARTS: ReadonlySet<RecipientPart> = new Set(["designation", "street", "locality", "district", "region", "postcode"]);

/** The recipient block, top to bottom, in BELPOCHTA_ORDER; empty parts are left out. */
export function recipientLines(recipient: LetterRecipient): Line[] {
  const known = recipient.addressKnown !== false;
  const lines: Line[] = [];
  for (const part of BELPOCHTA_ORDER) {
    if (!known && ADDRESS_PARTS.has(part)) {
      if (part === "designation") lines.push({ text: HANDWRITTEN_ADDRESS_LABEL, bold: false, rules: HANDWRITTEN_ADDRESS_RULES });
      continue;
    }
    lines.push(...recipientPart(recipient, part));
  }
  return lines.filter((line) => line.text !== "");
}

function senderLines(sender: string[] | null | undefined): Line[] {
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

/** «8 марта 2026 г.» / «8 сакавіка 2026 г.»: the day in Minsk, in the letter's language. */
export function letterDateLine(date: Date, language: "ru" | "be"): string {
  return new Intl.DateTimeFormat(language, { timeZone: "Europe/Minsk", day: "numeric", month: "long", year: "numeric" }).format(date);
}

/** What the writer signs on, by hand, with a first name after the closing words. */
export const SIGNATURE_LINE = "_".repeat(24);

function drawLetter(doc: Doc, input: LetterPdfInput): void {
  doc.addPage({ size: [...PAGE_SIZES.a4], margins: LETTER_MARGINS });
  doc.font("serif").fontSize(LETTER_FONT_SIZE).fillColor("black");
  const width = doc.page.width - LETTER_MARGINS.left - LETTER_MARGINS.right;
  if (input.writtenOn && !Number.isNaN(input.writtenOn.getTime())) {
    doc.text(letterDateLine(input.writtenOn, input.language === "be" ? "be" : "ru"), LETTER_MARGINS.left, undefined, { width, align: "right" });
    doc.moveDown(1);
  }
  for (const paragraph of splitParagraphs(input.letterText ?? "")) {
    // Without a height limit pdfkit wraps lines and continues on a new A4 page by itself.
    doc.text(paragraph, LETTER_MARGINS.left, undefined, { width, lineGap: LETTER_LINE_GAP, align: "left" });
    doc.moveDown(PARAGRAPH_GAP_LINES);
  }
  doc.moveDown(1);
  doc.text(SIGNATURE_LINE, LETTER_MARGINS.left, undefined, { width, align: "right" });
}

/** Largest font size (down to MIN_FONT_SIZE) at which the lines fit in width × maxHeight. */
function fitFontSize(
  doc: Doc,
  lines: Line[],
  width: number,
  maxHeight: number,
  startSize: number,
): number {
  for (let size = startSize; size > MIN_FONT_SIZE; size -= 0.5) {
    if (blockHeight(doc, lines, width, size) <= maxHeight) return size;
  }
  return MIN_FONT_SIZE;
}

// Each ruled line for handwriting is this many text lines high: room for a pen.
const RULE_HEIGHT_LINES = 1.8;
// Below this size printed text gets hard to read: fewer ruled lines first, then smaller text.
const READABLE_FONT_SIZE = 8;

/**
 * The lines and font size for a block: the largest size that fits, keeping every ruled line
 * when that size stays readable, otherwise with fewer ruled lines (the name and the country
 * must never be pushed off the envelope by the space left for handwriting).
 */
function fitBlock(doc: Doc, lines: Line[], width: number, maxHeight: number, startSize: number): { lines: Line[]; size: number } {
  const mostRules = Math.max(0, ...lines.map((line) => line.rules ?? 0));
  for (let rules = mostRules; rules >= 0; rules--) {
    const fitted = lines.map((line) => (line.rules ? { ...line, rules: Math.min(line.rules, rules) } : line));
    const size = fitFontSize(doc, fitted, width, maxHeight, startSize);
    const fits = blockHeight(doc, fitted, width, size) <= maxHeight;
    if ((fits && size >= Math.min(READABLE_FONT_SIZE, startSize)) || rules === 0) return { lines: fitted, size };
  }
  return { lines, size: MIN_FONT_SIZE };
}

function blockHeight(doc: Doc, lines: Line[], width: number, size: number): number {
  let height = 0;
  for (const line of lines) {
    doc.font(line.bold ? "sans-bold" : "sans").fontSize(size);
    height += doc.heightOfString(line.text, { width, lineGap: size * 0.2 });
    if (line.rules) height += line.rules * RULE_HEIGHT_LINES * doc.currentLineHeight(true) + size * 0.6;
  }
  return height;
}

/** Draws the lines from (x, y); the height limit makes pdfkit clip instead of adding a page. */
function drawBlock(
  doc: Doc,
  lines: Line[],
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
    const ruleHeight = RULE_HEIGHT_LINES * doc.currentLineHeight(true);
    for (let rule = 0; rule < (line.rules ?? 0) && cursor + ruleHeight <= bottom; rule++) {
      cursor += ruleHeight;
      doc.save().lineWidth(0.6).strokeColor("#606060").moveTo(x, cursor).lineTo(x + width, cursor).stroke().restore();
    }
    if (line.rules) cursor += size * 0.6;
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
  const { lines: recipient, size } = fitBlock(doc, recipientLines(input.recipient), layout.recipientWidth, layout.recipientMaxHeight, layout.recipientFontSize);
  const height = Math.min(blockHeight(doc, recipient, layout.recipientWidth, size), layout.recipientMaxHeight);
  const x = pageWidth - layout.edge - layout.recipientWidth;
  const y = pageHeight - layout.edge - height;
  drawBlock(doc, recipient, x, y, layout.recipientWidth, layout.recipientMaxHeight, size);
}

function drawLabelSheet(doc: Doc, input: LetterPdfInput): void {
  doc.addPage({ size: [...PAGE_SIZES.a4], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
  const innerWidth = LABEL.width - 2 * LABEL.padding;
  const innerHeight = LABEL.height - 2 * LABEL.padding;

  const drawLabel = (x: number, lines: Line[]) => {
    // A faint dashed outline to cut along when printing on plain paper.
    doc.save().lineWidth(0.5).dash(3, { space: 3 }).strokeColor("#b0b0b0");
    doc.roundedRect(x, LABEL.y, LABEL.width, LABEL.height, 2 * MM).stroke();
    doc.restore().fillColor("black");
    const fitted = fitBlock(doc, lines, innerWidth, innerHeight, LABEL.fontSize);
    drawBlock(doc, fitted.lines, x + LABEL.padding, LABEL.y + LABEL.padding, innerWidth, innerHeight, fitted.size);
  };

  drawLabel(LABEL.x, recipientLines(input.recipient));
  // The return address, when given, goes on the neighbouring label.
  const sender = senderLines(input.sender);
  if (sender.length > 0) drawLabel(LABEL.x + LABEL.columnStep, sender);
}

function drawLetterWithAddress(doc: Doc, input: LetterPdfInput): void {
  drawLetter(doc, input);
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
      collator.compare(cleanField(a.recipient.designation), cleanField(b.recipient.designation)) ||
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
    const institution = cleanField(letter.recipient.designation);
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
