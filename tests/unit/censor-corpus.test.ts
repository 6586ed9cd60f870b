// The censor check's evaluation corpus (scripts/support/censor-corpus) and its gate. The shape
// tests keep the corpus what issue 14 asks for; the gate holds the check to the targets.
import { describe, expect, it } from "vitest";

import { demoPrisoners } from "../../prisma/demo-data";
import {
  CORPORA,
  CORPUS_LANGUAGES,
  CORPUS_MINIMUMS,
  EVERYDAY_KINDS,
  NAMED_FALSE_ALARMS,
  TOPICS,
  TARGETS,
  appCheck,
  evaluate,
  loadAllCorpora,
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

describe("the later authors' corpora", () => {
  const all = loadAllCorpora();
  it("has unique ids and known recipients across every corpus, and risky rows expect text of their sentence", () => {
    const ids = all.map((row) => row.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    const slugs = new Set(demoPrisoners.map((prisoner) => prisoner.slug));
    expect(all.filter((row) => row.recipient !== null && !slugs.has(row.recipient)).map((row) => row.id)).toEqual([]);
    expect(all.filter((row) => row.label === "risky" && row.expect !== null && !row.sentence.includes(row.expect)).map((row) => row.id)).toEqual([]);
  });

  it.each(CORPORA.slice(1).map((corpus) => corpus.name))("the %s's covers every topic in both languages", (name) => {
    const own = loadCorpus(CORPORA.find((corpus) => corpus.name === name)!.dir);
    for (const language of CORPUS_LANGUAGES) {
      const missing = TOPICS.filter((topic) => !own.some((row) => row.language === language && row.label === "risky" && row.topic === topic));
      expect(missing, language).toEqual([]);
      expect(own.filter((row) => row.language === language && row.label === "everyday" && row.kind === "false-alarm").length, language).toBeGreaterThanOrEqual(10);
    }
  });
});

describe("the censor check against the corpus", () => {
  // History (docs/performance.md has the tables):
  // - The first check (stems with a few endings): recall 49.0 % (202/412), false alarms 19.9 %.
  // - The rewrite (morphology, lexicon as data), tuned on the first author's even rows: recall
  //   95.1 %, false alarms 0 %; on its held-out odd rows 90.5 %.
  // - The second author's corpus, read once before any tuning on it: recall 85.4 % (158/185),
  //   false alarms 5.9 % (11/185). Then tuned on it (mechanisms, not rows: clause-final
  //   slogans, safe phrases that win over risky ones, struggling *with* something, the
  //   Belarusian т/ст → ц/сц alternation, fleeting е in surnames in -ец …).
  // - The third author's corpus, read once before any tuning on it: recall 90.9 % (100/110),
  //   false alarms 6.4 % (7/110). Then tuned on it (imperatives in phrases written as exact
  //   forms, animals and sport as everyday contexts, refused parcels and doctors, the
  //   article numbers of the political charges …).
  // - The fourth author's corpus, read once before any tuning on it: recall 90.9 % (100/110),
  //   false alarms 7.3 % (8/110). Then tuned on it (a Belarusian paradigm bug: «танк» gave
  //   «танцы»; context words as whole forms, «дачка» is not «дача»; feuds, leisure,
  //   a teenager's independence, parcels sent back, demanding a doctor …).
  // The first reading of each new corpus is the honest figure for text nobody tuned on.
  // From here on this fails when a target is missed on any corpus.
  for (const corpus of CORPORA) {
    it(`meets issue 14's targets on the ${corpus.name}'s corpus: recall ≥ ${TARGETS.recall * 100} % and ≥ ${TARGETS.recallPerTopic * 100} % per topic, false alarms ≤ ${TARGETS.falseAlarms * 100} %`, () => {
      expect(missedTargets(evaluate(appCheck, loadCorpus(corpus.dir)))).toEqual([]);
    });
  }

  it("would notice a check that flags nothing, or everything", () => {
    const all = loadAllCorpora();
    expect(missedTargets(evaluate(() => [], all)).length).toBeGreaterThan(0);
    expect(missedTargets(evaluate((sentence) => [{ start: 0, end: sentence.length, category: "politics" }], all)).length).toBeGreaterThan(0);
  });
});
