// Real-scale data (issue 15): a generated list of BENCH_PEOPLE profiles (default 5,000; about a
// quarter in custody, shared surnames in three scripts) in its own embedded database, served
// by the production server. Prints, from one run:
// - search and directory p99, uncached: one request at a time, each a query or page nobody
//   asked for before (so no cached answer exists) and with a cookie the page cache refuses;
//   the name index and the directory snapshot are warm (they are rebuilt once per content
//   change; that first request is printed apart, as "after a content change");
// - the home page's HTML size, every sitemap file's size and URL count, the birthdays page and feed;
// - /en/write ÷ /ping in requests/s at 32 connections, measured side by side.
// Run: npx tsx scripts/bench-scale.ts   (part of npm run bench; needs `npm run build`)
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import autocannon from "autocannon";

import { migrateDatabase, openDatabase } from "~/utils/database.server";

import { startListy, waitFor } from "./support/bench-server";
import { generateScaleData } from "./support/scale-data";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 5_000);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 32;
const PORT = 4303;
const app = `http://127.0.0.1:${PORT}`;
const UNCACHED = { cookie: "bench=uncached" };

async function timed(pathname: string): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  const response = await fetch(`${app}${pathname}`, { headers: UNCACHED });
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, body };
}

function percentile(values: number[], share: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

async function latencies(label: string, paths: string[]) {
  const times: number[] = [];
  for (const pathname of paths) {
    const { ms, status } = await timed(pathname);
    if (status !== 200) throw new Error(`${pathname}: ${status}`);
    times.push(ms);
  }
  return { label, count: times.length, p50: percentile(times, 0.5), p99: percentile(times, 0.99), max: Math.max(...times) };
}

async function rate(url: string) {
  await autocannon({ url, connections: CONNECTIONS, duration: 1 });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
  return { requestsPerSecond: Math.round(result.requests.average), p99: result.latency.p99, non2xx: result.non2xx };
}

// What people type: surnames and given names in Belarusian, Russian and Latin spellings,
// Polish and Lithuanian forms, typos, name pairs and first letters.
const SEARCHES = [
  "Kavalenka", "Коваленко", "Каваленка", "Kowalenko", "Shauchenka", "Шевченко", "Szewczenko", "Melnik", "Мельнік", "Novik",
  "Kovalev", "Ковалёв", "Kavaliou", "Kozlov", "Казлоў", "Marozava", "Морозова", "Lukashevich", "Łukaszewicz", "Karpovich",
  "Vasilevskaya", "Васілеўская", "Smirnov", "Losik", "Łosik", "Klimovich", "Babaryka", "Бабарико", "Kalesnikava", "Колесникова",
  "Zhuk", "Жук", "Kryvaltsevich", "Pashkevich", "Paškevič", "Voitka", "Sidarenka", "Сидоренко", "Yarashevich", "Hurynovich",
  "Dashkevich", "Stankevich", "Stankiewicz", "Bahdanovich", "Богданович", "Mikhailau", "Михайлов", "Siankevich", "Sienkiewicz", "Tsimashenka",
  "Tymoshenko", "Yermalovich", "Ермолович", "Sharejka", "Шарейко", "Aliaksandr", "Аляксандр", "Siarhei", "Сергей", "Dzmitry",
  "Дмитрий", "Mikalai", "Николай", "Ihar", "Игорь", "Uladzimir", "Владимир", "Viktar", "Pavel", "Yury",
  "Maryia", "Мария", "Katsiaryna", "Екатерина", "Volha", "Ольга", "Natallia", "Alena", "Tatsiana", "Iryna",
  "Sviatlana", "Hanna", "Yulia", "Kavalenko", "Shevchenka", "Melnyk", "Nowik", "Kozlou", "Marozau", "Lukaszevich",
  "Aliaksandr Kavalenka", "Сергей Коваленко", "Maryia Marozava", "Ольга Морозова", "Ihar Losik", "Андрэй Жук", "Dzmitry Zhuk", "Iryna Novik", "Pavel Melnik", "Yury Smirnou",
  "Aliaksandr Aliaksandravich", "Сергей Сергеевич", "Ольга Игоревна Морозова", "Kalesnikava Maryia", "Станкевіч", "Dashkevič", "Jarašėvič", "Gurynowicz", "Bahdanovič", "Sharejko",
  "a", "ka", "mar", "sm", "ст", "ко", "ja", "zh", "sh", "ch",
];

async function main() {
  if (!existsSync(path.resolve("build", "index.js"))) throw new Error("Run `npm run build` first (npm run bench does).");
  const dataDir = mkdtempSync(path.join(tmpdir(), "listy-bench-scale-"));
  let child: ChildProcess | null = null;
  try {
    let started = performance.now();
    const database = await openDatabase({ kind: "pglite", dataDir });
    await migrateDatabase(database);
    const generated = await generateScaleData(database, { people: PEOPLE });
    await database.close();
    const generatedIn = (performance.now() - started) / 1000;

    child = startListy(PORT, dataDir);
    await waitFor(`${app}/healthz`, 180_000);

    // The first request after start (or after any content change) builds the snapshot and the name index.
    started = performance.now();
    await timed("/en/prisoners?q=warm");
    const firstSearch = performance.now() - started;
    started = performance.now();
    await timed("/be/prisoners?sort=name&page=7");
    const firstDirectory = performance.now() - started;
    for (const language of ["en", "be", "ru", "uk", "pl", "lt"]) await timed(`/${language}/prisoners?q=${encodeURIComponent("Жук")}`);

    const languages = ["en", "be", "ru", "uk", "pl", "lt"];
    const searchPaths = SEARCHES.map((query, index) => `/${languages[index % languages.length]}/prisoners?q=${encodeURIComponent(query)}`);
    const directoryPaths: string[] = [];
    const statuses = ["", "IN_CUSTODY", "RELEASED", "IN_EXILE"];
    const sorts = ["", "name", "verified"];
    for (let index = 0; directoryPaths.length < 120; index++) {
      const params = new URLSearchParams();
      const status = statuses[index % statuses.length]!;
      const sort = sorts[Math.floor(index / statuses.length) % sorts.length]!;
      if (status) params.set("status", status);
      if (sort) params.set("sort", sort);
      if (index % 5 === 0) params.set("letters", "1");
      if (index % 7 === 0) params.set("month", String(1 + (index % 12)));
      params.set("page", String(1 + (index % 9)));
      directoryPaths.push(`/${languages[index % languages.length]}/prisoners?${params}`);
    }
    const search = await latencies("search, uncached", searchPaths);
    const directory = await latencies("directory, uncached", directoryPaths);

    const home = await Promise.all(["en", "be"].map(async (language) => ({ language, bytes: Buffer.byteLength((await timed(`/${language}/`)).body) })));
    const birthdaysPage = Buffer.byteLength((await timed("/en/birthdays")).body);
    const feed = (await timed("/en/birthdays.ics")).body;
    const index = (await timed("/sitemap.xml")).body;
    const files = [...index.matchAll(/<loc>[^<]*?(\/sitemaps\/\d+\.xml)<\/loc>/g)].map((match) => match[1]!);
    const sitemapFiles = [];
    for (const file of files) {
      const first = await timed(file);
      const again = await timed(file);
      sitemapFiles.push({ file, bytes: Buffer.byteLength(first.body), urls: (first.body.match(/<loc>/g) ?? []).length, firstMs: first.ms, againMs: again.ms });
    }

    const ping = await rate(`${app}/ping`);
    // /en/write chooses and redirects (302, not stored); the chosen page is then served from the page cache.
    const write = await rate(`${app}/en/write`);
    const chosen = (await fetch(`${app}/en/write`, { redirect: "manual" })).headers.get("location") ?? "/en/write";
    const chosenRate = await rate(`${app}${chosen}`);

    const ok = (pass: boolean) => (pass ? "✓" : "✗");
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(`\nListy at scale: ${PEOPLE} profiles (${generated.inCustody} in custody), generated in ${generatedIn.toFixed(1)} s, ${new Date().toISOString()}\n`);
    console.log("target".padEnd(34) + "requests".padStart(9) + "p50 ms".padStart(9) + "p99 ms".padStart(9) + "max ms".padStart(9));
    for (const row of [search, directory]) {
      console.log(row.label.padEnd(34) + String(row.count).padStart(9) + row.p50.toFixed(1).padStart(9) + row.p99.toFixed(1).padStart(9) + row.max.toFixed(1).padStart(9) + `  ${ok(row.p99 <= 50)} target p99 ≤ 50 ms`);
    }
    console.log(`first search after start (builds the name index)   ${firstSearch.toFixed(0)} ms`);
    console.log(`first directory page after start (builds the snapshot) ${firstDirectory.toFixed(0)} ms`);
    console.log("\nsizes");
    for (const { language, bytes } of home) console.log(`  home page /${language}/ HTML`.padEnd(36) + kb(bytes).padStart(10) + `  ${ok(bytes <= 100 * 1024)} target ≤ 100 KB`);
    console.log("  birthdays page /en/birthdays".padEnd(36) + kb(birthdaysPage).padStart(10));
    console.log("  birthday feed /en/birthdays.ics".padEnd(36) + kb(Buffer.byteLength(feed)).padStart(10) + `  ${(feed.match(/BEGIN:VEVENT/g) ?? []).length} events`);
    console.log("  /sitemap.xml (index)".padEnd(36) + kb(Buffer.byteLength(index)).padStart(10) + `  ${files.length} files`);
    for (const file of sitemapFiles) {
      const pass = file.bytes <= 10 * 1024 * 1024 && file.urls <= 50_000;
      console.log(`  ${file.file}`.padEnd(36) + kb(file.bytes).padStart(10) + `  ${file.urls} URLs, first ${file.firstMs.toFixed(0)} ms, again ${file.againMs.toFixed(0)} ms  ${ok(pass)} target ≤ 10 MB and 50,000 URLs`);
    }
    console.log("\nrequests/s at 32 connections, side by side");
    console.log(`  /ping       ${String(ping.requestsPerSecond).padStart(7)}  p99 ${ping.p99} ms`);
    console.log(`  /en/write (the choice, 302)   ${String(write.requestsPerSecond).padStart(7)}  p99 ${write.p99} ms`);
    console.log(`  ${chosen} (cached)`.padEnd(32) + `${String(chosenRate.requestsPerSecond).padStart(7)}  p99 ${chosenRate.p99} ms  non-2xx ${chosenRate.non2xx}`);
    const ratio = write.requestsPerSecond / ping.requestsPerSecond;
    console.log(`  /en/write ÷ /ping ${(ratio * 100).toFixed(1)}%  ${ok(ratio >= 0.5)} target ≥ 50%`);
    console.log(`  chosen page ÷ /ping ${((chosenRate.requestsPerSecond / ping.requestsPerSecond) * 100).toFixed(1)}%`);
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child!.once("exit", () => resolve()));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
