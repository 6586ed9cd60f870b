// CSV for the back office: reading what campaigners upload (UTF-8 or the Windows-1251 files
// that Belarusian and Russian spreadsheets still produce) and writing exports that a
// spreadsheet cannot turn into formulas (CSV injection).

export type CsvEncoding = "utf-8" | "windows-1251";

export interface ParsedCsv {
  encoding: CsvEncoding;
  delimiter: "," | ";" | "\t";
  header: string[];
  rows: string[][];
  /** The 1-based line of the file where each of `rows` starts. */
  rowLines: number[];
  /** Problems that make a row unusable, by 1-based line number of the file. */
  errors: { line: number; problem: "unterminated-quote" | "wrong-column-count" }[];
}

/** UTF-8 if the bytes are valid UTF-8, else Windows-1251 (the only other encoding we expect). */
export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "utf-8";
  } catch {
    return "windows-1251";
  }
}

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const encoding = detectEncoding(bytes);
  const text = new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF/, "");
  return { text, encoding };
}

/** The delimiter of the header line: Excel in Belarusian/Russian locales writes ";". */
function detectDelimiter(firstLine: string): ParsedCsv["delimiter"] {
  const counts = { ",": 0, ";": 0, "\t": 0 } as Record<ParsedCsv["delimiter"], number>;
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char as ParsedCsv["delimiter"]]++;
  }
  return (Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![0] as ParsedCsv["delimiter"]) ?? ",";
}

/** RFC 4180 parsing (quotes, doubled quotes, line breaks inside quotes), any line ending. */
export function parseCsv(input: Uint8Array | string): ParsedCsv {
  const { text, encoding } = typeof input === "string" ? { text: input.replace(/^\uFEFF/, ""), encoding: "utf-8" as const } : decodeCsvBytes(input);
  const delimiter = detectDelimiter(text.split(/\r\n|\n|\r/, 1)[0] ?? "");
  const records: { line: number; cells: string[]; unterminated: boolean }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === "\n" || (char === "\r" && text[i + 1] !== "\n")) line++;
        cell += char;
      }
    } else if (char === '"' && cell === "") {
      quoted = true;
    } else if (char === delimiter) {
      cells.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      cells.push(cell);
      records.push({ line: recordLine, cells, unterminated: false });
      cells = [];
      cell = "";
      line++;
      recordLine = line;
    } else {
      cell += char;
    }
  }
  if (cell !== "" || cells.length > 0 || quoted) {
    cells.push(cell);
    records.push({ line: recordLine, cells, unterminated: quoted });
  }
  const nonEmpty = records.filter((record) => record.cells.some((value) => value.trim() !== ""));
  const [headerRecord, ...dataRecords] = nonEmpty;
  const header = (headerRecord?.cells ?? []).map((name) => name.trim());
  const errors: ParsedCsv["errors"] = [];
  const rows: string[][] = [];
  const rowLines: number[] = [];
  for (const record of dataRecords) {
    if (record.unterminated) errors.push({ line: record.line, problem: "unterminated-quote" });
    else if (record.cells.length !== header.length) errors.push({ line: record.line, problem: "wrong-column-count" });
    else {
      rows.push(record.cells);
      rowLines.push(record.line);
    }
  }
  return { encoding, delimiter, header, rows, rowLines, errors };
}

/**
 * One exported cell. A cell a spreadsheet would read as a formula (=, +, -, @, or a tab or
 * carriage return first) gets a leading apostrophe, as OWASP advises; quotes are doubled.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document (UTF-8 with BOM, CRLF, as spreadsheets open it without asking). */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  const lines = [header.map(csvCell).join(","), ...rows.map((row) => row.map(csvCell).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
