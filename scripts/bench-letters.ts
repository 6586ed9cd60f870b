/*
 * Letter PDF benchmark: one letter with its envelope (median of 20 renders) and a
 * campaign batch of 1,000 letters with envelopes grouped by facility (target ≤ 15 s).
 * Run: npx tsx scripts/bench-letters.ts [batchSize]
 */
import { renderLetterBatchPdf, renderLetterPdf, type LetterPdfInput } from "~/letters/letter-pdf.server";

const FACILITIES = [
  { designation: "ИК-15", street: "Славгородское шоссе, 183", locality: "", district: "", region: "", postcode: "212013", town: "г. Могилёв" },
  { designation: "ИК-3", street: "", locality: "пос. Витьба", district: "Витебский р-н", region: "Витебская обл.", postcode: "211322", town: "" },
  { designation: "ИК-17", street: "ул. Ленина, 1", locality: "", district: "", region: "Могилёвская обл.", postcode: "213004", town: "г. Шклов" },
  { designation: "СИЗО-1", street: "ул. Володарского, 2", locality: "", district: "", region: "", postcode: "220030", town: "г. Минск" },
  { designation: "ИК-4", street: "ул. Антошкина, 3", locality: "", district: "", region: "", postcode: "246035", town: "г. Гомель" },
  { designation: "ИК-9", street: "ул. Заводская, 1", locality: "", district: "", region: "Могилёвская обл.", postcode: "213410", town: "г. Горки" },
] as const;

const NAMES = ["Иванову Ивану Ивановичу", "Петровой Алесе Николаевне", "Сидоренко Миколе Андреевичу", "Ковалёвой Марии Сергеевне"];

const PARAGRAPHS = [
  "Добрый день! Пишу вам из небольшого города, где сейчас стоит настоящая золотая осень. По утрам в парке пахнет опавшими листьями, а вечером рано темнеет.",
  "Недавно прочитал(а) «Мастера и Маргариту» ещё раз и удивился(ась), как много нового заметил(а). Может быть, вам тоже нравятся книги, которые хочется перечитывать?",
  "Добры дзень! У нас ужо халаднавата, але сонечна. Я шмат гуляю ў лесе і збіраю грыбы. Жадаю вам моцнага здароўя, цярпення і добрага настрою.",
  "Желаю вам тёплых дней, хороших книг и писем от близких. Обнимаю и жду ответа, если будет возможность.",
];

function sampleLetter(index: number): LetterPdfInput {
  const facility = FACILITIES[index % FACILITIES.length]!;
  const paragraphs = Array.from({ length: 3 + (index % 5) }, (_, i) => PARAGRAPHS[(index + i) % PARAGRAPHS.length]!);
  return {
    letterText: paragraphs.join("\n\n"),
    recipient: {
      fullNameCyrillic: `${NAMES[index % NAMES.length]!} (${index})`,
      yearOfBirth: 1960 + (index % 40),
      designation: facility.designation,
      streetLines: facility.street ? [facility.street] : [],
      locality: facility.locality,
      district: facility.district,
      region: facility.region,
      postcode: facility.postcode,
      town: facility.town,
      addressKnown: true,
    },
    writtenOn: new Date(),
    sender: index % 3 === 0 ? null : ["Anna Nowak", "ul. Długa 12/4", "00-238 Warszawa", "POLAND"],
    format: index % 2 === 0 ? "c6" : "dl",
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const batchSize = Number(process.argv[2] ?? 1000);

await renderLetterPdf(sampleLetter(0)); // warm-up: font parsing and module loading
const singleTimes: number[] = [];
for (let i = 0; i < 20; i++) {
  const start = performance.now();
  await renderLetterPdf(sampleLetter(i));
  singleTimes.push(performance.now() - start);
}
console.log(`one letter + envelope: median ${median(singleTimes).toFixed(1)} ms (20 runs, min ${Math.min(...singleTimes).toFixed(1)}, max ${Math.max(...singleTimes).toFixed(1)})`);

const letters = Array.from({ length: batchSize }, (_, i) => sampleLetter(i));
const heapBefore = process.memoryUsage().rss;
const start = performance.now();
const batch = await renderLetterBatchPdf(letters);
const seconds = (performance.now() - start) / 1000;
const peakRss = process.memoryUsage().rss;
console.log(
  `batch of ${batchSize} letters with envelopes, grouped by facility: ${seconds.toFixed(2)} s (target ≤ 15 s), ` +
    `${(batch.length / 1024 / 1024).toFixed(2)} MB, rss ${(heapBefore / 1048576).toFixed(0)} → ${(peakRss / 1048576).toFixed(0)} MB`,
);
// Ratios from this one run, comparable across machines: a batch shares fonts and the
// document, so each letter in it should cost a small fraction of a single download.
const perLetterMs = (seconds * 1000) / batchSize;
console.log(
  `batch cost per letter: ${perLetterMs.toFixed(2)} ms = ${((perLetterMs / median(singleTimes)) * 100).toFixed(1)}% of a single letter; ` +
    `batch time = ${((seconds / 15) * 100).toFixed(1)}% of the 15 s target`,
);
