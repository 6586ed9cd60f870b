import { describe, expect, it } from "vitest";

import { csvCell, detectEncoding, parseCsv, toCsv } from "~/staff/csv";

/** Windows-1251 bytes for a string of Cyrillic and ASCII (what Excel saves in a Russian locale). */
function cp1251(text: string): Uint8Array {
  return Uint8Array.from([...text].map((char) => {
    const code = char.codePointAt(0)!;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (char === "ё") return 0xb8;
    if (char === "Ё") return 0xa8;
    if (char === "і") return 0xb3;
    if (char === "І") return 0xb2;
    if (char === "ў") return 0xa2;
    if (char === "Ў") return 0xa1;
    throw new Error(`no cp1251 byte for ${char}`);
  }));
}

describe("parseCsv", () => {
  it("reads UTF-8 with a BOM, quotes, doubled quotes and line breaks inside a cell", () => {
    const bytes = new TextEncoder().encode('\uFEFFname,note\r\n"Калеснікава, Марыя","Said ""hello""\nthen left"\r\nАлесь Бяляцкі,\r\n');
    const parsed = parseCsv(bytes);
    expect(parsed.encoding).toBe("utf-8");
    expect(parsed.header).toEqual(["name", "note"]);
    expect(parsed.rows).toEqual([
      ["Калеснікава, Марыя", 'Said "hello"\nthen left'],
      ["Алесь Бяляцкі", ""],
    ]);
    expect(parsed.errors).toEqual([]);
  });

  it("recognises a Windows-1251 file with semicolons, as Excel writes it in Belarus", () => {
    const bytes = cp1251("ФИО;Учреждение\r\nБяляцкі Алесь;ИК-9 г. Горки\r\nКолесникова Мария Александровна;ИК-4\r\n");
    expect(detectEncoding(bytes)).toBe("windows-1251");
    const parsed = parseCsv(bytes);
    expect(parsed).toMatchObject({ encoding: "windows-1251", delimiter: ";", header: ["ФИО", "Учреждение"] });
    expect(parsed.rows[0]).toEqual(["Бяляцкі Алесь", "ИК-9 г. Горки"]);
    expect(parsed.rows[1]![0]).toBe("Колесникова Мария Александровна");
  });

  it("reports rows with the wrong number of cells and unterminated quotes by line, keeping the rest", () => {
    const parsed = parseCsv("a,b\n1,2\n3\n4,5,6\n7,8\n\"9,10\n");
    expect(parsed.rows).toEqual([["1", "2"], ["7", "8"]]);
    expect(parsed.errors).toEqual([
      { line: 3, problem: "wrong-column-count" },
      { line: 4, problem: "wrong-column-count" },
      { line: 6, problem: "unterminated-quote" },
    ]);
  });
});

describe("CSV export", () => {
  it.each([
    ["=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""],
    ["+7 999", "'+7 999"],
    ["-1+2", "'-1+2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["plain text", "plain text"],
  ])("neutralises %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("leaves numbers alone (a negative count is data, not a formula) and writes a BOM and CRLF", () => {
    expect(csvCell(-3)).toBe("-3");
    const csv = toCsv(["kind", "count"], [["LETTER_WRITTEN", 12], ["a,b", null]]);
    expect(csv).toBe('\uFEFFkind,count\r\nLETTER_WRITTEN,12\r\n"a,b",\r\n');
    // What we write, we read back the same.
    expect(parseCsv(csv).rows).toEqual([["LETTER_WRITTEN", "12"], ["a,b", ""]]);
  });
});
