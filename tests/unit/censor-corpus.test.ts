// The censor check's evaluation corpus (scripts/support/censor-corpus) and its gate. The shape
// tests keep the corpus what issue 14 asks for; the gate holds the check to the targets.
import { describe, expect, it } from "vitest";

import { demoPrisoners } from "../../prisma/demo-data";
import {
  CORPUS_LANGUAGES,
  CORPUS_MINIMUMS,
  EVERYDAY_KINDS,
  NAMED_FALSE_ALARMS,
  TOPICS,
  TARGETS,
  appCheck,
  evaluate,
  loadCorpus,
  missedTargets,
  parseCorpus,
  type CorpusRow,
} from "../../scripts/support/censor-evaluation";

const rows = loadCorpus();
const group = (row: CorpusRow) => (row.label === "risky" ? row.topic : row.kind);

describe("the censor corpus", () => {
  it.each(CORPUS_LANGUAGES)("%s has enough risky and everyday sentences, and every topic its minimum", (language) => {
    const minimum = CORPUS_MINIMUMS[language];
    const own = rows.filter((row) => row.language === language);
    expect(own.filter((row) => row.label === "risky").length).toBeGreaterThanOrEqual(minimum.risky);
    expect(own.filter((row) => row.label === "everyday").length).toBeGreaterThanOrEqual(minimum.everyday);
    const short = TOPICS.filter((topic) => own.filter((row) => row.label === "risky" && row.topic === topic).length < minimum.perTopic);
    expect(short).toEqual([]);
  });

  it.each(CORPUS_LANGUAGES)("%s has ordinary letter content of every kind, at least 3 sentences each", (language) => {
    const thin = EVERYDAY_KINDS.filter((kind) => rows.filter((row) => row.language === language && row.label === "everyday" && row.kind === kind).length < 3);
    expect(thin).toEqual([]);
  });

  it.each(CORPUS_LANGUAGES)("%s carries every false alarm the issue names at least 3 times", (language) => {
    const count = (variant: string) =>
      rows.filter((row) => row.language === language && row.label === "everyday" && row.kind === "false-alarm" && row.variant === variant).length;
    const rare = NAMED_FALSE_ALARMS[language].filter((variant) => count(variant) < 3);
    expect(rare).toEqual([]);
  });

  it("has unique ids of the form <language>-<topic or kind>-<nn>, and no sentence twice in a language", () => {
    const ids = rows.map((row) => row.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(rows.filter((row) => !new RegExp(`^${row.language}-${group(row)}-\\d{2,3}$`).test(row.id)).map((row) => row.id)).toEqual([]);
    const sentences = rows.map((row) => `${row.language} ${row.sentence}`);
    expect(sentences.filter((sentence, index) => sentences.indexOf(sentence) !== index)).toEqual([]);
  });

  it("names only recipients who are in the demo data", () => {
    const slugs = new Set(demoPrisoners.map((prisoner) => prisoner.slug));
    const unknown = rows.filter((row) => row.recipient !== null && !slugs.has(row.recipient)).map((row) => `${row.id}: ${row.recipient}`);
    expect(unknown).toEqual([]);
    // The exclusion is exercised in both languages, as a greeting and beside another person's name.
    for (const language of CORPUS_LANGUAGES) {
      const withRecipient = rows.filter((row) => row.language === language && row.recipient !== null);
      expect(withRecipient.some((row) => row.label === "everyday")).toBe(true);
      expect(withRecipient.some((row) => row.label === "risky" && row.topic === "names")).toBe(true);
    }
  });

  it("holds every word form and topic word the issue's review lists, in a risky sentence", () => {
    const fromIssue = [
      // Long adjective forms, stem changes, release and pardon.
      "демократического", "террористической", "оппозиционного", "конституционного", "пропагандистского", "протестовавших",
      "апазіцыянераў", "тэрарыстычнага", "освобожусь", "освободишься", "освободится", "вызвалюся", "вызвалішся", "вызваленых",
      "выпустят", "отпустят", "помилуют", "амнистия", "амністыя",
      // Prison conditions, charges, slogans, campaign signals, hidden content, war.
      "ШИЗО", "ШІЗА", "ПКТ", "карцер", "голодовка", "пытки", "избиение", "жёлтая бирка", "жалобы", "администрация колонии",
      "измена государству", "здрада дзяржаве", "Погоня", "Жыве Беларусь", "вы не одни",
      "от всех, кто о Вас помнит", "многие люди помнят о Вас", "мысленно с Вами", "передай", "беженцы", "ракеты", "дроны",
    ];
    const risky = rows.filter((row) => row.label === "risky").map((row) => row.sentence.toLowerCase());
    expect(fromIssue.filter((form) => !risky.some((sentence) => sentence.includes(form.toLowerCase())))).toEqual([]);
  });

  it("expects only text that is in the sentence", () => {
    const absent = rows.filter((row) => row.label === "risky" && row.expect !== null && !row.sentence.includes(row.expect));
    expect(absent.map((row) => row.id)).toEqual([]);
  });

  it("keeps everyday sentences free of what a topic defines as risky: Latin letters and runs of 5 digits", () => {
    const risky = rows.filter((row) => row.label === "everyday" && (/\p{Script=Latin}/u.test(row.sentence) || /\d{5}/.test(row.sentence)));
    expect(risky.map((row) => row.id)).toEqual([]);
  });

  it("refuses a malformed row, naming its line", () => {
    expect(() => parseCorpus("ru-x-01\trisky\tweather\tv\t\t\tСнег.", "ru")).toThrow(/ru\.tsv:1: unknown topic "weather"/);
    expect(() => parseCorpus("# comment\nru-x-01\teveryday\tpets\tv\tкот\t\tКот спит.", "ru")).toThrow(/ru\.tsv:2: an everyday row/);
    expect(() => parseCorpus("ru-x-01 risky names", "ru")).toThrow(/expected 7 tab-separated fields/);
  });
});

describe("the censor check against the corpus", () => {
  // Baseline of the first check (stems with a few endings, 2026-12-07): recall 49.0 % (202/412),
  // two topics at 0 % (hidden-messages, prison-conditions), false alarms 19.9 % (65/326), of
  // which 60/81 on the false alarms the issue names. See docs/performance.md.
  // The rewrite (morphology and lexicon as data, tuned on the even-numbered rows only):
  // recall 95.1 % (392/412), false alarms 0.0 % (0/326); on the held-out odd rows recall is
  // 90.5 % and hidden-messages (89.7 %) and freedom-and-struggle (87.5 %) miss the per-topic
  // target over all rows, so the gate stays marked as failing.
  // `it.fails` passes while the targets are missed. When the new engine meets them, this
  // test fails: turn it into `it(...)`, and from then on it fails if a target is missed.
  it.fails(`meets issue 14's targets: recall ≥ ${TARGETS.recall * 100} % and ≥ ${TARGETS.recallPerTopic * 100} % per topic, false alarms ≤ ${TARGETS.falseAlarms * 100} % (expected to fail until the engine rewrite lands)`, () => {
    expect(missedTargets(evaluate(appCheck, rows))).toEqual([]);
  });
});
