/*
 * Censor-check benchmark: recall per topic and false alarms per kind on the labelled corpus
 * (scripts/support/censor-corpus: the first author's {ru,be}.tsv and the later authors' folders),
 * each corpus apart beside its first reading, then all together, then throughput. Part of `npm run bench`;
 * alone: npx tsx scripts/bench-censor.ts. Writes the figures to .cache/bench-censor.json.
 * Timings are printed for comparison only and never asserted.
 */
import { mkdirSync, writeFileSync } from "node:fs";

import { checkLetter } from "~/letters/censor-check";

import {
  CORPORA,
  CORPUS_LANGUAGES,
  FIRST_READINGS,
  EVERYDAY_KINDS,
  TARGETS,
  TOPICS,
  appCheck,
  evaluate,
  loadAllCorpora,
  loadCorpus,
  missedTargets,
  type RowResult,
  type Tally,
} from "./support/censor-evaluation";

const SHOWN = 30;
const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;
const mark = (ok: boolean) => (ok ? "✓" : "✗");
const cell = (t: Tally) => (t.n === 0 ? "—" : `${t.hit}/${t.n}`);

const rows = loadAllCorpora();
const evaluation = evaluate(appCheck, rows);

// Each corpus apart: today's figures beside the first reading (before anyone tuned on it).
console.log("\nper corpus: today (first reading, before tuning on it)");
const perCorpus = CORPORA.map((corpus) => {
  const own = evaluate(appCheck, loadCorpus(corpus.dir));
  const first = FIRST_READINGS[corpus.name];
  console.log(
    `  ${corpus.name.padEnd(14)} recall ${percent(own.recall.rate).padStart(7)} (${first ? percent(first.recall) : "—"}), ` +
      `false alarms ${percent(own.falseAlarms.rate).padStart(6)} (${first ? percent(first.falseAlarms) : "—"})  ${mark(missedTargets(own).length === 0)}`,
  );
  return { corpus: corpus.name, recall: own.recall, falseAlarms: own.falseAlarms, firstReading: first ?? null, missedTargets: missedTargets(own) };
});

const count = (language: string, label: string) => rows.filter((row) => row.language === language && row.label === label).length;
console.log(`\nCensor check on the corpus: ${CORPUS_LANGUAGES.map((l) => `${l} ${count(l, "risky")} risky + ${count(l, "everyday")} everyday`).join(", ")}\n`);

console.log("recall per topic (ru + be; target ≥ " + percent(TARGETS.recallPerTopic) + ")");
console.log("  " + "topic".padEnd(26) + "n".padStart(5) + "caught".padStart(8) + "recall".padStart(9) + "ru".padStart(9) + "be".padStart(9));
for (const topic of TOPICS) {
  const t = evaluation.recallByTopic[topic];
  console.log(
    "  " + topic.padEnd(26) + String(t.n).padStart(5) + String(t.hit).padStart(8) + percent(t.rate).padStart(9) +
      cell(t.byLanguage.ru).padStart(9) + cell(t.byLanguage.be).padStart(9) + `  ${mark(t.rate >= TARGETS.recallPerTopic)}`,
  );
}
const byLanguage = (tallies: Record<string, Tally>) => CORPUS_LANGUAGES.map((l) => `${l} ${percent(tallies[l]!.rate)}`).join(", ");
console.log(
  `\nrecall overall: ${evaluation.recall.hit}/${evaluation.recall.n} = ${percent(evaluation.recall.rate)} ` +
    `${mark(evaluation.recall.rate >= TARGETS.recall)} (target ≥ ${percent(TARGETS.recall)}; ${byLanguage(evaluation.recallByLanguage)})`,
);
console.log(
  `false alarms: ${evaluation.falseAlarms.hit}/${evaluation.falseAlarms.n} = ${percent(evaluation.falseAlarms.rate)} ` +
    `${mark(evaluation.falseAlarms.rate <= TARGETS.falseAlarms)} (target ≤ ${percent(TARGETS.falseAlarms)}; ${byLanguage(evaluation.falseAlarmsByLanguage)})`,
);
console.log(`caught under another topic (reported, not counted against): ${evaluation.wrongTopic.length}`);

console.log("\nfalse alarms by kind");
for (const kind of EVERYDAY_KINDS) {
  const t = evaluation.falseAlarmsByKind[kind];
  console.log("  " + kind.padEnd(18) + cell(t).padStart(8) + percent(t.rate).padStart(9));
}
console.log("\nfalse alarms by variant (false-alarm and greeting rows)");
for (const [variant, t] of Object.entries(evaluation.falseAlarmsByVariant)) {
  console.log("  " + variant.padEnd(50) + cell(t).padStart(7));
}

const show = (title: string, list: readonly RowResult[]) => {
  console.log(`\n${title}: ${list.length}${list.length > SHOWN ? ` (first ${SHOWN})` : ""}`);
  for (const row of list.slice(0, SHOWN)) {
    const expected = row.expect ? ` [expect «${row.expect}»]` : "";
    const flags = row.flags.length > 0 ? ` → ${row.flags.join(", ")}` : "";
    console.log(`  ${row.id} (${row.variant})${expected}: ${row.sentence}${flags}`);
  }
};
show("misses", evaluation.misses);
show("false alarms", evaluation.falseAlarmRows);

// Throughput: every corpus sentence on its own, as the letter builder checks a short draft,
// then one long letter against the 100 ms budget (measured here only, never in a test).
for (const row of rows) appCheck(row.sentence, row.language, row.recipient); // warm-up: compiles the lists
const passes = 5;
let started = performance.now();
for (let pass = 0; pass < passes; pass++) for (const row of rows) appCheck(row.sentence, row.language, row.recipient);
const sentencesPerSecond = (rows.length * passes) / ((performance.now() - started) / 1000);

const paragraph = rows.map((row) => row.sentence).join(" ");
let letter = "";
while (letter.length < 100_000) letter += `${paragraph}\n`;
letter = letter.slice(0, 100_000);
const letterTimes: number[] = [];
for (let run = 0; run < 5; run++) {
  started = performance.now();
  checkLetter(letter, "ru");
  letterTimes.push(performance.now() - started);
}
const letterMs = Math.min(...letterTimes);
console.log(`\nthroughput: ${Math.round(sentencesPerSecond).toLocaleString("en")} sentences/s (${rows.length} sentences × ${passes})`);
console.log(`100 KB letter: ${letterMs.toFixed(1)} ms = ${percent(letterMs / 100)} of the 100 ms budget (best of 5)`);

const missed = [...missedTargets(evaluation), ...perCorpus.flatMap((one) => one.missedTargets.map((target) => `${one.corpus}: ${target}`))];
console.log(missed.length === 0 ? "\ntargets: all met ✓" : `\ntargets not met ✗\n  ${missed.join("\n  ")}`);

mkdirSync(".cache", { recursive: true });
writeFileSync(
  ".cache/bench-censor.json",
  JSON.stringify(
    {
      date: new Date().toISOString(),
      targets: TARGETS,
      missedTargets: missed,
      perCorpus,
      recall: evaluation.recall,
      recallByLanguage: evaluation.recallByLanguage,
      recallByTopic: evaluation.recallByTopic,
      falseAlarms: evaluation.falseAlarms,
      falseAlarmsByLanguage: evaluation.falseAlarmsByLanguage,
      falseAlarmsByKind: evaluation.falseAlarmsByKind,
      falseAlarmsByVariant: evaluation.falseAlarmsByVariant,
      misses: evaluation.misses,
      falseAlarmRows: evaluation.falseAlarmRows,
      wrongTopic: evaluation.wrongTopic,
      throughput: { sentencesPerSecond, letter100KbMs: letterMs, letter100KbShareOfBudget: letterMs / 100 },
    },
    null,
    2,
  ),
);
