// The censor check measured on a labelled corpus (scripts/support/censor-corpus/{ru,be}.tsv):
// how many risky sentences it catches, per topic and per language, and how many everyday
// sentences it flags by mistake, per kind and per false alarm. Used by scripts/bench-censor.ts
// and by the gate in tests/unit/censor-corpus.test.ts. The corpus is the yardstick: it was
// written before the check was tuned, and is not changed to make a figure pass.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { checkLetter } from "~/letters/censor-check";
import { buildPeopleIndex, splitFullName, type PersonNameRow } from "~/letters/censor/people";
import { commonSurnames } from "~/letters/censor/lexicon";
import { censorCategories } from "~/letters/censor/topics";

import { demoOfficials, demoPrisoners } from "../../prisma/demo-data";

export const CORPUS_LANGUAGES = ["ru", "be"] as const;
export type CorpusLanguage = (typeof CORPUS_LANGUAGES)[number];

/** The check's own topics, most serious first (the order it merges flags in). */
export const TOPICS = censorCategories;
export type Topic = (typeof TOPICS)[number];

/** What an everyday sentence is about; "false-alarm" rows carry a phrase a naive check flags. */
export const EVERYDAY_KINDS = [
  "false-alarm",
  "greeting",
  "weather",
  "pets",
  "books",
  "sport",
  "family-history",
  "cooking",
  "garden",
  "health",
  "holidays",
  "work",
  "travel",
] as const;
export type EverydayKind = (typeof EVERYDAY_KINDS)[number];

/** The false alarms issue 14 names, as the `variant` of "false-alarm" rows; each needs ≥ 3 rows. */
export const NAMED_FALSE_ALARMS: Record<CorpusLanguage, readonly string[]> = {
  ru: [
    "освободилась пораньше",
    "свободно говорит",
    "место свободно",
    "площадь Свободы",
    "вольная борьба",
    "во время войны",
    "на фронте",
    "суда",
    "судов",
    "судить о",
  ],
  be: [
    "вызвалілася з працы",
    "свабодна размаўляе",
    "месца вольнае",
    "плошча Свабоды",
    "вольная барацьба",
    "падчас вайны",
    "на фронце",
    "судзіць пра",
  ],
};

/** Issue 14's targets: recall overall and in every topic (ru and be together), false alarms. */
export const TARGETS = { recall: 0.95, recallPerTopic: 0.9, falseAlarms: 0.03 } as const;

/** Minimum corpus sizes (plan §4c). */
export const CORPUS_MINIMUMS: Record<CorpusLanguage, { risky: number; everyday: number; perTopic: number }> = {
  ru: { risky: 200, everyday: 200, perTopic: 15 },
  be: { risky: 100, everyday: 100, perTopic: 7 },
};

interface RowBase {
  id: string;
  language: CorpusLanguage;
  variant: string;
  /** A demo prisoner's slug: the letter is written to them, so their own names are no risk. */
  recipient: string | null;
  sentence: string;
  /** Where the row is, for messages: "ru.tsv:42". */
  source: string;
}
export interface RiskyRow extends RowBase {
  label: "risky";
  topic: Topic;
  /** A substring of the sentence that a flag must overlap; null: any flag counts. */
  expect: string | null;
}
export interface EverydayRow extends RowBase {
  label: "everyday";
  kind: EverydayKind;
}
export type CorpusRow = RiskyRow | EverydayRow;

export const CORPUS_DIR = fileURLToPath(new URL("./censor-corpus", import.meta.url));

/**
 * Every corpus, in the order it was written. Each new corpus is measured once before anyone
 * looks at it (its "first reading", kept in docs/performance.md), then the check may be
 * tuned on it. The rows of one author never change to make a figure pass.
 */
export const CORPORA = [
  { name: "first author", dir: CORPUS_DIR },
  { name: "second author", dir: path.join(CORPUS_DIR, "second-author") },
  { name: "third author", dir: path.join(CORPUS_DIR, "third-author") },
  { name: "fourth author", dir: path.join(CORPUS_DIR, "fourth-author") },
] as const;

/**
 * Each corpus's first reading: the check's figures on it before anyone tuned on it, the honest
 * estimate of how the check does on text it has never seen. Written down once, never updated.
 * The first author's is the held-out half (odd rows) of the first tuning.
 */
export const FIRST_READINGS: Record<string, { recall: number; falseAlarms: number }> = {
  "first author": { recall: 0.905, falseAlarms: 0 },
  "second author": { recall: 158 / 185, falseAlarms: 11 / 185 },
  "third author": { recall: 100 / 110, falseAlarms: 7 / 110 },
  "fourth author": { recall: 100 / 110, falseAlarms: 8 / 110 },
};

/** All the corpora's rows together. */
export function loadAllCorpora(): CorpusRow[] {
  return CORPORA.flatMap((corpus) => loadCorpus(corpus.dir));
}

/** Reads both corpus files; throws with file:line on a malformed row. */
export function loadCorpus(dir: string = CORPUS_DIR): CorpusRow[] {
  return CORPUS_LANGUAGES.flatMap((language) => parseCorpus(readFileSync(path.join(dir, `${language}.tsv`), "utf8"), language));
}

export function parseCorpus(text: string, language: CorpusLanguage): CorpusRow[] {
  const rows: CorpusRow[] = [];
  text.split("\n").forEach((line, index) => {
    const source = `${language}.tsv:${index + 1}`;
    if (line.trim() === "" || line.startsWith("#")) return;
    const fields = line.split("\t");
    if (fields.length !== 7) throw new Error(`${source}: expected 7 tab-separated fields, found ${fields.length}`);
    const [id, label, topicOrKind, variant, expect, recipient, sentence] = fields as [string, string, string, string, string, string, string];
    if (!id || !sentence || !variant) throw new Error(`${source}: id, variant and sentence are required`);
    const base = { id, language, variant, recipient: recipient || null, sentence, source };
    if (label === "risky") {
      if (!(TOPICS as readonly string[]).includes(topicOrKind)) throw new Error(`${source}: unknown topic "${topicOrKind}"`);
      rows.push({ ...base, label, topic: topicOrKind as Topic, expect: expect || null });
    } else if (label === "everyday") {
      if (!(EVERYDAY_KINDS as readonly string[]).includes(topicOrKind)) throw new Error(`${source}: unknown kind "${topicOrKind}"`);
      if (expect) throw new Error(`${source}: an everyday row has nothing to expect`);
      rows.push({ ...base, label, kind: topicOrKind as EverydayKind });
    } else {
      throw new Error(`${source}: label must be risky or everyday, not "${label}"`);
    }
  });
  return rows;
}

/** What the evaluation needs of a flag: offsets into the sentence and its categories. */
export interface EvaluatedFlag {
  start: number;
  end: number;
  category: string;
  categories?: readonly string[];
}

/** A censor check as the evaluation calls it: one sentence, its language, the recipient's slug. */
export type CensorCheck = (sentence: string, language: CorpusLanguage, recipient: string | null) => readonly EvaluatedFlag[];

/**
 * Everyone in the demo data as the app's names index holds them (censor-people.server.ts reads
 * the same from the database): every prisoner's names in every script, and the officials'.
 */
export function demoPeopleRows(): PersonNameRow[] {
  const prisoners = demoPrisoners.flatMap((prisoner) =>
    prisoner.names.map((name) => ({
      personId: prisoner.slug,
      kind: "prisoner" as const,
      givenName: name.givenName,
      familyName: name.familyName,
      gender: prisoner.grammaticalGender === "FEMININE" ? ("f" as const) : ("m" as const),
    })),
  );
  const officials = demoOfficials.flatMap((official) =>
    [...Object.values(official.name), ...Object.values(official.addresseeName)].flatMap((fullName) => {
      const split = splitFullName(fullName);
      return split ? [{ personId: official.slug, kind: "official" as const, ...split }] : [];
    }),
  );
  return [...prisoners, ...officials];
}

const demoPeople = buildPeopleIndex(demoPeopleRows(), commonSurnames);

/**
 * The app's check as the letter builder calls it (letter-draft.server.ts): the names index of
 * everyone Listy knows, the recipient excluded by id, and the recipient's names allowed.
 */
export const appCheck: CensorCheck = (sentence, language, recipient) =>
  checkLetter(sentence, language, { allowNames: recipient ? recipientNames(recipient) : [], people: demoPeople, exceptPersonId: recipient });

/** Every name word of a demo prisoner, in every script and spelling the demo data holds. */
export function recipientNames(slug: string): string[] {
  const prisoner = demoPrisoners.find((candidate) => candidate.slug === slug);
  if (!prisoner) throw new Error(`unknown recipient "${slug}"`);
  return prisoner.names.flatMap((name) => [name.givenName, name.familyName]);
}

export interface Tally {
  n: number;
  hit: number;
  /** hit / n (recall for risky rows, false-alarm rate for everyday rows); 0 when n is 0. */
  rate: number;
}

export interface RowResult {
  id: string;
  language: CorpusLanguage;
  group: string;
  variant: string;
  sentence: string;
  expect: string | null;
  /** Each flag as "category:matched text". */
  flags: string[];
}

export interface Evaluation {
  recall: Tally;
  recallByLanguage: Record<CorpusLanguage, Tally>;
  recallByTopic: Record<Topic, Tally & { byLanguage: Record<CorpusLanguage, Tally> }>;
  falseAlarms: Tally;
  falseAlarmsByLanguage: Record<CorpusLanguage, Tally>;
  falseAlarmsByKind: Record<EverydayKind, Tally>;
  /** Everyday rows of the kinds "false-alarm" and "greeting", grouped by variant. */
  falseAlarmsByVariant: Record<string, Tally>;
  misses: RowResult[];
  falseAlarmRows: RowResult[];
  /** Caught, but none of the overlapping flags names the row's topic (reported, not counted against). */
  wrongTopic: RowResult[];
}

function tally(n = 0, hit = 0): Tally {
  return { n, hit, rate: n === 0 ? 0 : hit / n };
}

function add(target: Tally, hit: boolean): void {
  target.n += 1;
  if (hit) target.hit += 1;
  target.rate = target.hit / target.n;
}

function perLanguage(): Record<CorpusLanguage, Tally> {
  return { ru: tally(), be: tally() };
}

/** The flags that overlap a row's `expect` (every flag when it has none). */
export function flagsOnExpect(row: RiskyRow, flags: readonly EvaluatedFlag[]): EvaluatedFlag[] {
  if (row.expect === null) return [...flags];
  const start = row.sentence.indexOf(row.expect);
  if (start < 0) return [];
  const end = start + row.expect.length;
  return flags.filter((flag) => flag.start < end && flag.end > start);
}

function rowResult(row: CorpusRow, flags: readonly EvaluatedFlag[]): RowResult {
  return {
    id: row.id,
    language: row.language,
    group: row.label === "risky" ? row.topic : row.kind,
    variant: row.variant,
    sentence: row.sentence,
    expect: row.label === "risky" ? row.expect : null,
    flags: flags.map((flag) => `${flag.category}:${row.sentence.slice(flag.start, flag.end)}`),
  };
}

/** Runs the check on every row. A risky row is caught when a flag overlaps `expect`. */
export function evaluate(check: CensorCheck, rows: readonly CorpusRow[] = loadCorpus()): Evaluation {
  const result: Evaluation = {
    recall: tally(),
    recallByLanguage: perLanguage(),
    recallByTopic: Object.fromEntries(TOPICS.map((topic) => [topic, { ...tally(), byLanguage: perLanguage() }])) as Evaluation["recallByTopic"],
    falseAlarms: tally(),
    falseAlarmsByLanguage: perLanguage(),
    falseAlarmsByKind: Object.fromEntries(EVERYDAY_KINDS.map((kind) => [kind, tally()])) as Evaluation["falseAlarmsByKind"],
    falseAlarmsByVariant: {},
    misses: [],
    falseAlarmRows: [],
    wrongTopic: [],
  };
  for (const row of rows) {
    const flags = check(row.sentence, row.language, row.recipient);
    if (row.label === "risky") {
      const overlapping = flagsOnExpect(row, flags);
      const caught = overlapping.length > 0;
      const topic = result.recallByTopic[row.topic];
      for (const target of [result.recall, result.recallByLanguage[row.language], topic, topic.byLanguage[row.language]]) add(target, caught);
      if (!caught) result.misses.push(rowResult(row, flags));
      else if (!overlapping.some((flag) => (flag.categories ?? [flag.category]).includes(row.topic))) result.wrongTopic.push(rowResult(row, overlapping));
    } else {
      const flagged = flags.length > 0;
      for (const target of [result.falseAlarms, result.falseAlarmsByLanguage[row.language], result.falseAlarmsByKind[row.kind]]) add(target, flagged);
      if (row.kind === "false-alarm" || row.kind === "greeting") {
        const key = `${row.language} ${row.variant}`;
        add((result.falseAlarmsByVariant[key] ??= tally()), flagged);
      }
      if (flagged) result.falseAlarmRows.push(rowResult(row, flags));
    }
  }
  return result;
}

/** The targets an evaluation misses, as sentences; empty when it meets them all. */
export function missedTargets(evaluation: Evaluation): string[] {
  const missed: string[] = [];
  const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;
  if (evaluation.recall.rate < TARGETS.recall) missed.push(`recall ${percent(evaluation.recall.rate)} < ${percent(TARGETS.recall)}`);
  for (const topic of TOPICS) {
    const { rate } = evaluation.recallByTopic[topic];
    if (rate < TARGETS.recallPerTopic) missed.push(`recall in ${topic} ${percent(rate)} < ${percent(TARGETS.recallPerTopic)}`);
  }
  if (evaluation.falseAlarms.rate > TARGETS.falseAlarms) missed.push(`false alarms ${percent(evaluation.falseAlarms.rate)} > ${percent(TARGETS.falseAlarms)}`);
  return missed;
}
