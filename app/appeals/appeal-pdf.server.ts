// The printable appeal as a PDF: A4, addressee block, date, subject, text and signature,
// drawn with the DejaVu fonts the letter PDFs use (Cyrillic, Polish and Lithuanian letters).
import PDFDocument from "pdfkit";

import { letterFont } from "~/letters/fonts/letter-fonts.server";
import { cleanLetterText, splitParagraphs } from "~/letters/letter-pdf.server";

export interface AppealPdfInput {
  /** Addressee lines: the office (in the dative where the language has one), the name, institution, postal address lines. */
  recipient: string[];
  date: string;
  subjectLabel: string;
  subject: string;
  /** The whole letter, signature included. */
  text: string;
  language: string;
  title: string;
}

const MM = 72 / 25.4;
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 25 * MM, right: 20 * MM };

export function renderAppealPdf(input: AppealPdfInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGINS,
    compress: true,
    lang: input.language,
    displayTitle: true,
    info: { Title: input.title, Creator: "Listy", Producer: "Listy" },
  });
  doc.registerFont("serif", letterFont("serif"));
  doc.registerFont("serif-bold", letterFont("serif-bold"));
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  try {
    const width = doc.page.width - MARGINS.left - MARGINS.right;
    // The addressee on the right half, as on a business letter.
    doc.font("serif").fontSize(11);
    const recipient = input.recipient.map((line) => cleanLetterText(line)).join("\n");
    if (recipient) doc.text(recipient, MARGINS.left + width / 2, MARGINS.top, { width: width / 2 });
    doc.moveDown(2);
    doc.text(cleanLetterText(input.date), MARGINS.left, undefined, { width, align: "right" });
    doc.moveDown(1.5);
    doc.font("serif-bold").fontSize(12).text(`${cleanLetterText(input.subjectLabel)} ${cleanLetterText(input.subject)}`, MARGINS.left, undefined, { width });
    doc.moveDown(1);
    doc.font("serif").fontSize(12);
    for (const paragraph of splitParagraphs(input.text)) {
      doc.text(paragraph, MARGINS.left, undefined, { width, lineGap: 2.5 });
      doc.moveDown(0.6);
    }
  } finally {
    doc.end();
  }
  return done;
}
