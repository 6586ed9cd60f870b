import { PassThrough } from "node:stream";

import { extractText, extractTextItems, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";

import {
  BELPOCHTA_ORDER,
  COUNTRY_LINES,
  groupLettersByInstitution,
  HANDWRITTEN_ADDRESS_LABEL,
  renderLetterBatchPdf,
  renderLetterPdf,
  SIGNATURE_LINE,
  sortLettersForMailroom,
  writeLetterBatchPdf,
  type LetterPdfInput,
  type LetterRecipient,
} from "~/letters/letter-pdf.server";

import { VILLAGE_COLONY } from "../support/envelope-fixtures";

/* Reads a PDF back with pdf.js: per-page text, page sizes, positioned items, outline. */
async function readPdf(bytes: Buffer) {
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  const { items } = await extractTextItems(pdf);
  const sizes: [number, number][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    sizes.push([x1 - x0, y1 - y0]);
  }
  const outline = ((await pdf.getOutline()) ?? []).map((item) => item.title);
  return { pages: text, sizes, items, outline, numPages: pdf.numPages };
}

const squash = (text: string) => text.replace(/\s+/gu, " ").trim();
/** A letter page's text without the signature line every letter ends with. */
const body = (text: string) => {
  const squashed = squash(text);
  expect(squashed.endsWith(SIGNATURE_LINE)).toBe(true);
  return squashed.slice(0, -SIGNATURE_LINE.length).trim();
};

/** The page's text lines, top to bottom: items on the same baseline joined. */
function linesOf(items: { str: string; y: number; x: number }[]): string[] {
  const rows = new Map<number, { x: number; str: string }[]>();
  for (const item of items) {
    if (item.str.trim() === "") continue;
    const y = Math.round(item.y);
    rows.set(y, [...(rows.get(y) ?? []), item]);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => b - a) // PDF y grows upwards
    .map(([, row]) => squash(row.sort((a, b) => a.x - b.x).map((item) => item.str).join(" ")));
}

const A4 = [595.28, 841.89] as const;
const C6 = [459.21, 323.15] as const;
const DL = [623.62, 311.81] as const;

function expectSize(actual: [number, number] | undefined, expected: readonly [number, number]) {
  expect(actual).toBeDefined();
  expect(actual![0]).toBeCloseTo(expected[0], 0);
  expect(actual![1]).toBeCloseTo(expected[1], 0);
}

const RUSSIAN = [
  "Здравствуйте, Иван Иванович!",
  "У нас уже выпал первый снег, и ёлки во дворе стоят белые. Вчера дочитала «Войну и мир» — какая же это огромная и тёплая книга.",
  "Желаю вам здоровья, терпения и хорошего настроения.\nС уважением,\nАнна",
].join("\n\n");

const BELARUSIAN = [
  "Добры дзень, Мікола Андрэевіч!",
  "Ўчора ў нас быў першы снег, і ўсё наваколле стала белым. Я чытаю «Новую зямлю» Якуба Коласа і вельмі рада, што ёсць такія кнігі.",
  "Жадаю Вам моцнага здароўя і цёплых дзён.\nЗ павагай,\nАлеся",
].join("\n\n");

function letter(overrides: Partial<LetterPdfInput> = {}, recipient: Partial<LetterPdfInput["recipient"]> = {}): LetterPdfInput {
  return {
    letterText: RUSSIAN,
    recipient: {
      fullNameCyrillic: "Иванову Ивану Ивановичу",
      yearOfBirth: 1980,
      designation: "ИК-15",
      streetLines: ["Славгородское шоссе, 183"],
      locality: "",
      district: "",
      region: "",
      postcode: "212013",
      town: "г. Могилёв",
      addressKnown: true,
      ...recipient,
    },
    format: "c6",
    ...overrides,
  };
}

const SENDER = ["Anna Nowak", "ul. Łąkowa 12/4", "00-238 Warszawa", "POLAND"];

describe("renderLetterPdf", () => {
  it("prints a Russian letter on A4 exactly, and the C6 envelope with the full Cyrillic address", async () => {
    const pdf = await readPdf(await renderLetterPdf(letter()));
    expect(pdf.numPages).toBe(2);
    expectSize(pdf.sizes[0], A4);
    expectSize(pdf.sizes[1], C6);
    expect(body(pdf.pages[0]!)).toBe(squash(RUSSIAN));

    const envelope = squash(pdf.pages[1]!);
    for (const part of ["Республика Беларусь", "REPUBLIC OF BELARUS", "212013", "г. Могилёв", "ИК-15", "Иванову Ивану Ивановичу", "1980 г. р.", "Славгородское шоссе, 183"]) {
      expect(envelope).toContain(part);
    }
    // Country lines close the block, in this order.
    expect(envelope.endsWith(COUNTRY_LINES.join(" "))).toBe(true);
    // No sender given → the envelope holds the recipient block and nothing else.
    expect(envelope.startsWith("Иванову Ивану Ивановичу")).toBe(true);
  });

  it("prints a Belarusian letter with ў, і, ё and «» exactly (even from decomposed input)", async () => {
    const decomposed = BELARUSIAN.normalize("NFD");
    expect(decomposed).not.toBe(BELARUSIAN);
    const pdf = await readPdf(await renderLetterPdf(letter({ letterText: decomposed, language: "be" })));
    expect(body(pdf.pages[0]!)).toBe(squash(BELARUSIAN));
    expect(pdf.pages[0]).toContain("ў");
    expect(pdf.pages[0]).toContain("і");
    expect(pdf.pages[0]).toContain("«Новую зямлю»");
  });

  it("embeds a subset TrueType font with a Unicode map, never a standard font", async () => {
    const bytes = await renderLetterPdf(letter());
    const raw = bytes.toString("latin1");
    expect(raw).toContain("/FontFile2");
    expect(raw).toContain("/ToUnicode");
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVu/);
    expect(raw).not.toContain("Helvetica");
  });

  it("places the return address upper left and the recipient lower right on a DL envelope", async () => {
    const pdf = await readPdf(await renderLetterPdf(letter({ format: "dl", sender: SENDER })));
    expect(pdf.numPages).toBe(2);
    expectSize(pdf.sizes[1], DL);
    const envelope = squash(pdf.pages[1]!);
    for (const line of SENDER) expect(envelope).toContain(line);

    const [width, height] = pdf.sizes[1]!;
    const items = pdf.items[1]!;
    const find = (text: string) => {
      const item = items.find((candidate) => candidate.str.includes(text));
      expect(item, text).toBeDefined();
      return { x: item!.x, y: item!.y };
    };
    const sender = find("Anna Nowak");
    expect(sender.x).toBeLessThan(width / 4);
    expect(sender.y).toBeGreaterThan(height * 0.6); // PDF y grows upwards
    const country = find("REPUBLIC OF BELARUS");
    expect(country.x).toBeGreaterThan(width / 3);
    expect(country.y).toBeLessThan(height / 3);
    const name = find("Иванову");
    expect(name.y).toBeGreaterThan(country.y);
  });

  it("prints an A4 label sheet with the address, and the return address on the next label only when given", async () => {
    const without = await readPdf(await renderLetterPdf(letter({ format: "label" })));
    expect(without.numPages).toBe(2);
    expectSize(without.sizes[1], A4);
    const label = squash(without.pages[1]!);
    for (const part of [...COUNTRY_LINES, "212013", "г. Могилёв", "ИК-15", "Иванову Ивану Ивановичу", "1980 г. р."]) {
      expect(label).toContain(part);
    }
    expect(label.startsWith("Иванову")).toBe(true);

    const withSender = await readPdf(await renderLetterPdf(letter({ format: "label", sender: SENDER })));
    const items = withSender.items[1]!;
    const nowak = items.find((item) => item.str.includes("Anna Nowak"));
    const ivanov = items.find((item) => item.str.includes("Иванову"));
    expect(nowak).toBeDefined();
    expect(ivanov).toBeDefined();
    // Second label of the row: to the right, same height on the sheet, in the top ~60 mm.
    expect(nowak!.x).toBeGreaterThan(ivanov!.x + 250);
    expect(Math.abs(nowak!.y - ivanov!.y)).toBeLessThan(2);
    expect(ivanov!.y).toBeGreaterThan(A4[1] - 60 * (72 / 25.4));
  });

  it("leaves out the year of birth and empty lines when they are unknown", async () => {
    const pdf = await readPdf(
      await renderLetterPdf(letter({ sender: [] }, { yearOfBirth: null, streetLines: [], fullNameCyrillic: "Петровой Алесе" })),
    );
    const envelope = squash(pdf.pages[1]!);
    expect(envelope).not.toContain("г. р.");
    expect(envelope).toBe(`Петровой Алесе ИК-15 212013, г. Могилёв ${COUNTRY_LINES.join(" ")}`);
  });

  it("wraps a long letter onto further A4 pages and keeps every word", async () => {
    const paragraph = "Сегодня с утра шёл мягкий снег, я долго гуляла по парку и думала о том, какие книги вам могли бы понравиться этой зимой.";
    const text = Array.from({ length: 40 }, (_, i) => `${i + 1}. ${paragraph}`).join("\n\n");
    const pdf = await readPdf(await renderLetterPdf(letter({ letterText: text, format: "dl" })));
    expect(pdf.numPages).toBeGreaterThanOrEqual(3);
    const letterPages = pdf.sizes.slice(0, -1);
    for (const size of letterPages) expectSize(size, A4);
    expectSize(pdf.sizes.at(-1), DL);
    expect(pdf.pages[0]).toContain("1. Сегодня");
    expect(pdf.pages[1]).not.toContain("REPUBLIC OF BELARUS");
    expect(body(pdf.pages.slice(0, -1).join("\n"))).toBe(squash(text));
    expect(pdf.pages.at(-1)).toContain("REPUBLIC OF BELARUS");
  });

  it("never throws on odd input and keeps the envelope on a single page", async () => {
    const longWord = "о".repeat(3000);
    const twentyThousand = ("Привет! Как дела?\n\n\n\n  \n" + "слово ".repeat(50)).repeat(70).slice(0, 20_000);
    expect(twentyThousand.length).toBe(20_000);
    const odd: LetterPdfInput[] = [
      letter({ letterText: "" }),
      letter({ letterText: "\n\n \n\t\n\r\n" }),
      letter({ letterText: `Начало ${longWord} конец` }),
      letter({ letterText: twentyThousand, format: "label", sender: [longWord, "", "   "] }),
      letter({ letterText: "Эмодзи 😀👍🏽 и \u0000управляющие\u0007 символы\u200b, \uD800 одиночный суррогат" }),
      letter({ format: "label", writtenOn: new Date(Number.NaN) }, { addressKnown: false, fullNameCyrillic: "Я".repeat(500) }),
      letter(
        { format: "dl", sender: Array.from({ length: 50 }, () => "очень длинная строка обратного адреса ".repeat(10)) },
        { fullNameCyrillic: "Я".repeat(500), designation: "Учреждение ".repeat(80), streetLines: ["", "  "], postcode: "", town: "", yearOfBirth: Number.NaN },
      ),
    ];
    for (const input of odd) {
      const pdf = await readPdf(await renderLetterPdf(input));
      expect(pdf.numPages).toBeGreaterThanOrEqual(2);
      // Only the last page is the envelope / label sheet: nothing spilled onto an extra page.
      for (const size of pdf.sizes.slice(0, -1)) expectSize(size, A4);
      expect(pdf.pages.at(-1)).toContain("REPUBLIC OF BELARUS");
      for (const page of pdf.pages.slice(0, -1)) expect(page).not.toContain("REPUBLIC OF BELARUS");
    }

    const word = await readPdf(await renderLetterPdf(odd[2]!));
    // 3,000 letters without a space fill more than one page: the word is cut, not lost.
    expect(word.numPages).toBe(3);
    expect(body(word.pages.slice(0, -1).join("")).replace(/\s+/gu, "")).toBe(`Начало${longWord}конец`);
    const cleaned = await readPdf(await renderLetterPdf(odd[4]!));
    expect(body(cleaned.pages[0]!)).toBe("Эмодзи и управляющие символы, одиночный суррогат");
    const long = await readPdf(await renderLetterPdf(odd[3]!));
    expect(long.numPages).toBeGreaterThan(3);
    expect(body(long.pages.slice(0, -1).join("")).replace(/\s+/gu, "")).toBe(twentyThousand.replace(/\s+/gu, ""));
  });
});

describe("the envelope and the letter page, as a letter volunteer reads them", () => {
  it("prints a village colony's address line by line in Belpochta's order", async () => {
    expect(BELPOCHTA_ORDER).toEqual(["name", "designation", "street", "locality", "district", "region", "postcode", "country"]);
    const expected = [
      "Иванов Иван Иванович, 1970 г. р.",
      "ИК-3",
      "ул. Лесная, 1",
      "пос. Заречный",
      "Витебский р-н",
      "Витебская обл.",
      "211300",
      "Республика Беларусь",
      "REPUBLIC OF BELARUS",
    ];
    for (const format of ["c6", "dl", "label"] as const) {
      const pdf = await readPdf(await renderLetterPdf({ letterText: RUSSIAN, recipient: VILLAGE_COLONY, format }));
      expect(linesOf(pdf.items.at(-1)!), format).toEqual(expected);
    }
    // A town with its own post office: the postcode goes with the town.
    const town = await readPdf(await renderLetterPdf(letter({}, { fullNameCyrillic: "Петров Пётр Петрович" })));
    expect(linesOf(town.items.at(-1)!)).toEqual(["Петров Пётр Петрович, 1980 г. р.", "ИК-15", "Славгородское шоссе, 183", "212013, г. Могилёв", ...COUNTRY_LINES]);
  });

  it("leaves a labelled space for an unknown address, between the name and the country", async () => {
    const unknown: LetterRecipient = { ...VILLAGE_COLONY, designation: "", streetLines: [], locality: "", district: "", region: "", postcode: "", addressKnown: false };
    for (const format of ["c6", "dl", "label"] as const) {
      const pdf = await readPdf(await renderLetterPdf({ letterText: RUSSIAN, recipient: unknown, format }));
      expect(linesOf(pdf.items.at(-1)!), format).toEqual(["Иванов Иван Иванович, 1970 г. р.", HANDWRITTEN_ADDRESS_LABEL, ...COUNTRY_LINES]);
    }
    // Whatever parts are filled in, an unknown address prints none of them.
    const stale = await readPdf(await renderLetterPdf({ letterText: RUSSIAN, recipient: { ...VILLAGE_COLONY, addressKnown: false }, format: "c6" }));
    expect(squash(stale.pages[1]!)).not.toContain("ИК-3");
    expect(squash(stale.pages[1]!)).toContain(HANDWRITTEN_ADDRESS_LABEL);
  });

  it("dates the letter with the day in Minsk, in the letter's language, and ends it with a line to sign", async () => {
    // 21:30 UTC on 8 March is already 9 March in Minsk (UTC+3).
    const writtenOn = new Date("2026-03-08T21:30:00Z");
    const russian = await readPdf(await renderLetterPdf({ letterText: RUSSIAN, recipient: VILLAGE_COLONY, format: "c6", language: "ru", writtenOn }));
    const lines = linesOf(russian.items[0]!);
    expect(lines[0]).toBe("9 марта 2026 г.");
    expect(lines[1]).toBe("Здравствуйте, Иван Иванович!");
    expect(lines.at(-1)).toBe(SIGNATURE_LINE);
    // Right-aligned, like the date: the first name goes on the line, under the closing words.
    const dateItem = russian.items[0]!.find((item) => item.str.includes("марта"))!;
    expect(dateItem.x).toBeGreaterThan(A4[0] / 2);

    const belarusian = await readPdf(await renderLetterPdf({ letterText: BELARUSIAN, recipient: VILLAGE_COLONY, format: "c6", language: "be", writtenOn }));
    expect(linesOf(belarusian.items[0]!)[0]).toBe("9 сакавіка 2026 г.");
    // No date given: no date line.
    const undated = await readPdf(await renderLetterPdf({ letterText: RUSSIAN, recipient: VILLAGE_COLONY, format: "c6" }));
    expect(linesOf(undated.items[0]!)[0]).toBe("Здравствуйте, Иван Иванович!");
  });
});

describe("renderLetterBatchPdf", () => {
  const unsorted: LetterPdfInput[] = [
    letter({ format: "dl" }, { fullNameCyrillic: "Яковлеву Петру", designation: "ИК-15", town: "г. Могилёв" }),
    letter({}, { fullNameCyrillic: "Адамовичу Сергею", designation: "СИЗО-1", town: "г. Минск", postcode: "220030" }),
    letter({ format: "label" }, { fullNameCyrillic: "Борисовой Анне", designation: "ИК-15", town: "г. Могилёв" }),
    letter({}, { fullNameCyrillic: "Зайцеву Олегу", designation: "ИК-2", town: "г. Могилёв" }),
    letter({ sender: SENDER }, { fullNameCyrillic: "Ёлкиной Вере", designation: "ИК-4", town: "г. Гомель", postcode: "246035" }),
    letter({ letterText: `${RUSSIAN}\n\n`.repeat(12) }, { fullNameCyrillic: "Андрееву Павлу", designation: "ИК-15", town: "г. Могилёв" }),
  ];
  const expectedOrder = ["Ёлкиной Вере", "Адамовичу Сергею", "Зайцеву Олегу", "Андрееву Павлу", "Борисовой Анне", "Яковлеву Петру"];

  it("sorts by town, institution (numbers in numeric order) and name", () => {
    expect(sortLettersForMailroom(unsorted).map((l) => l.recipient.fullNameCyrillic)).toEqual(expectedOrder);
    expect(groupLettersByInstitution(unsorted).map((g) => `${g.town} ${g.institution} ${g.letters.length}`)).toEqual([
      "г. Гомель ИК-4 1",
      "г. Минск СИЗО-1 1",
      "г. Могилёв ИК-2 1",
      "г. Могилёв ИК-15 3",
    ]);
  });

  it("renders one PDF with each letter followed by its envelope, grouped by institution", async () => {
    const pdf = await readPdf(await renderLetterBatchPdf(unsorted));
    const addressPages = pdf.pages.flatMap((text, index) => (text.includes("REPUBLIC OF BELARUS") ? [index] : []));
    expect(addressPages.length).toBe(unsorted.length);
    const names = addressPages.map((index) => expectedOrder.find((name) => pdf.pages[index]!.includes(name)));
    expect(names).toEqual(expectedOrder);

    // Every letter sits on the A4 pages right before its own address page.
    let previous = -1;
    for (const [n, index] of addressPages.entries()) {
      expect(index - previous).toBeGreaterThanOrEqual(2);
      for (let page = previous + 1; page < index; page++) expectSize(pdf.sizes[page], A4);
      previous = index;
      expect(n < addressPages.length).toBe(true);
    }
    expect(addressPages.at(-1)).toBe(pdf.numPages - 1);
    // The long letter (Андрееву) spans several pages.
    expect(addressPages[3]! - addressPages[2]!).toBeGreaterThan(2);
    // Envelope and label page sizes follow each letter's own format.
    expectSize(pdf.sizes[addressPages[5]!], DL); // Яковлеву: dl
    expectSize(pdf.sizes[addressPages[4]!], A4); // Борисовой: label sheet
    expectSize(pdf.sizes[addressPages[0]!], C6);

    expect(pdf.outline).toEqual(["г. Гомель — ИК-4 (1)", "г. Минск — СИЗО-1 (1)", "г. Могилёв — ИК-2 (1)", "г. Могилёв — ИК-15 (3)"]);
  });

  it("streams the same batch into a writable", async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (chunk: Buffer) => chunks.push(chunk));
    await writeLetterBatchPdf(unsorted, out);
    const pdf = await readPdf(Buffer.concat(chunks));
    expect(pdf.pages.filter((text) => text.includes("REPUBLIC OF BELARUS")).length).toBe(unsorted.length);
  });

  it("renders an empty batch without throwing", async () => {
    const bytes = await renderLetterBatchPdf([]);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
