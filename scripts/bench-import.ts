/*
 * CSV import benchmark: the dry run and the apply of a BENCH_ROWS-row file (default 1,000; the
 * figures in docs/performance.md use 10,000) of new people, half of them with a facility and a
 * charge, on a database that already holds 1,000 profiles. Prints seconds and rows per second.
 *
 * Apply is measured twice in the same run, on two files of the same shape (different names, so
 * both are all new people): first one row at a time (the path before batching, applyImport's
 * `perRow`), then in batches as the app does it; the ratio is printed. BENCH_PER_ROW=0 skips
 * the slow per-row pass.
 * Embedded PGlite by default; TEST_DATABASE_URL=postgres://… measures PostgreSQL instead.
 * Run: npx tsx scripts/bench-import.ts   (part of npm run bench)
 */
import { performance } from "node:perf_hooks";

import { importLifecycle } from "~/staff/imports/import-state";
import { analyseFile, applyImport, checkImport, findImport, startApply, waitForImport } from "~/staff/imports/prisoner-import.server";

import { createImportFixtures } from "./support/import-fixtures";
import { useFreshDatabase } from "./support/scratch-database";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000);
const PER_ROW = process.env.BENCH_PER_ROW !== "0";

const database = await useFreshDatabase();
const prisma = database.prisma;
await createImportFixtures(prisma);
await prisma.$executeRawUnsafe(`INSERT INTO "Prisoner" ("id", "slug", "status", "lastVerifiedOn", "updatedAt")
  SELECT 'p' || i, 'existing-' || i, 'IN_CUSTODY', now(), now() FROM generate_series(1, 1000) i`);
await prisma.$executeRawUnsafe(`INSERT INTO "PrisonerName" ("id", "prisonerId", "script", "givenName", "familyName")
  SELECT 'n' || i, 'p' || i, 'RU_CYRILLIC', 'Иван', 'Существующий' || i FROM generate_series(1, 1000) i`);
const staff = await prisma.staffMember.create({ data: { email: "bench@team.example.org", displayName: "bench", roles: ["campaigner"] } });

const letters = "абвгдежзиклмнопрстуфхцчшщ";
const word = (n: number) => {
  let text = "";
  do {
    text = letters[n % letters.length]! + text;
    n = Math.floor(n / letters.length);
  } while (n > 0);
  return text;
};
const fileOf = (family: string) => {
  const lines = ["ФИО;Дата рождения;Дата задержания;Статьи;Учреждение;Статус"];
  for (let i = 0; i < ROWS; i++) {
    lines.push(i % 2 ? `${family}${word(i)} Иван Петрович;01.02.1990;04.03.2021;293;ik-test;в заключении` : `${family}${word(i)} Анна;;;;;освобождена`);
  }
  const bytes = new TextEncoder().encode(lines.join("\r\n"));
  return { fileName: `${family}.csv`, bytes, sourceTitle: null, sourceUrl: null };
};
const input = fileOf("Импортов");

const rate = (seconds: number) => `${seconds.toFixed(1)} s, ${Math.round(ROWS / seconds)} rows/s`;
let started = performance.now();
const { report } = await analyseFile(prisma, input);
console.info(`${database.target.kind === "pglite" ? "PGlite" : "PostgreSQL"}; dry run, ${ROWS} rows (${(input.bytes.length / 1024).toFixed(0)} KiB): ${rate((performance.now() - started) / 1000)}; ${report.counts.new} new, ${report.counts.error} errors`);

started = performance.now();
const { id } = await checkImport(staff, input);
console.info(`dry run stored with its report: ${rate((performance.now() - started) / 1000)}`);

let perRowSeconds: number | null = null;
if (PER_ROW) {
  // Same shape, other names: all new people again.
  const { id: slowId } = await checkImport(staff, fileOf("Построчный"));
  // What startApply does, without starting the batched apply in the background.
  await prisma.prisonerImport.update({ where: { id: slowId }, data: { state: importLifecycle.moves.start.to } });
  started = performance.now();
  await applyImport(slowId, staff, { perRow: true });
  perRowSeconds = (performance.now() - started) / 1000;
  const slow = await findImport(slowId);
  console.info(`apply one row at a time (before batching): ${rate(perRowSeconds)}; state ${slow?.state}, ${JSON.stringify(slow?.report.applied ?? slow?.report.failure)}`);
}

started = performance.now();
const result = await startApply({ kind: "staff", id: staff.id, roles: ["campaigner"] }, id);
if (!result.ok) throw new Error(`apply refused: ${result.reason}`);
await waitForImport(id);
const seconds = (performance.now() - started) / 1000;
const done = await findImport(id);
console.info(`apply in batches (one transaction): ${rate(seconds)}; state ${done?.state}, ${JSON.stringify(done?.report.applied ?? done?.report.failure)}`);
if (perRowSeconds !== null) console.info(`apply speed-up, same run: ${(perRowSeconds / seconds).toFixed(1)}× (${perRowSeconds.toFixed(1)} s → ${seconds.toFixed(1)} s)`);
await database.destroy();
