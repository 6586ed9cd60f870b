// Finding people by name, however the reader spells it (app/utils/transliteration.ts).
// Every stored spelling (PrisonerName rows in all scripts) is turned into search keys once
// and kept in memory. Thousands of people share a few hundred surnames and given names, so
// each distinct word is compared with the query once per search, not once per person. Database triggers bump ContentRevision on every content change, so
// one cheap query per search tells whether the keys are still current.
import type { NameScript } from "@prisma/client";

import type { Language } from "~/i18n";
import { watchedContentRevision } from "~/utils/content-revision.server";
import { getCurrentDatabase, type Database } from "~/utils/database.server";
import { matchQueryBy, matchWord, nameWords, parseQuery, type WordKeys, type WordMatch } from "~/utils/transliteration";

import { displayName } from "./person-name";

export interface StoredName {
  script: NameScript;
  givenName: string;
  patronymic: string | null;
  familyName: string;
}

interface IndexEntry {
  prisonerId: string;
  names: StoredName[];
  /** Positions in the index's vocabulary of every word of every spelling. */
  words: number[];
}

interface SearchIndex {
  revision: string;
  entries: IndexEntry[];
  /** Each distinct stored word once. */
  vocabulary: WordKeys[];
  /** Position of each entry in name order, per language (made on first use). */
  nameOrder(language: Language): Map<IndexEntry, number>;
}

export interface SearchHit {
  prisonerId: string;
  /** Words of the query that matched a stored spelling exactly. */
  exact: number;
  score: number;
}

/** One index per open database (tests open several in one process); a build is shared by concurrent searches. */
const indexes = new WeakMap<Database, { revision: string; index: Promise<SearchIndex> }>();

async function currentRevision(database: Database): Promise<string> {
  // In the server the watcher already knows the revision; ask the database only without one.
  const watched = watchedContentRevision();
  if (watched !== undefined) return String(watched);
  const rows = await database.sql.query<{ revision: string | number | bigint }>(
    'SELECT revision FROM "ContentRevision" WHERE id = 1',
  );
  // No row would mean a database without the trigger migration: never trust a cached index then.
  return rows[0] ? String(rows[0].revision) : `missing-${Date.now()}-${Math.random()}`;
}

/**
 * Search keys of a spelling, kept across rebuilds: every supporter action moves the content
 * revision, and working out keys for 15,000 spellings again each time took seconds. Entries
 * are dropped when they were not used by the last build (names edited or deleted).
 */
let keysCache = new Map<string, WordKeys[]>();
let keysUsed = new Map<string, WordKeys[]>();
function wordsOf(name: { givenName: string; patronymic: string | null; familyName: string }): WordKeys[] {
  const key = `${name.givenName}\u0000${name.patronymic ?? ""}\u0000${name.familyName}`;
  let words = keysUsed.get(key) ?? keysCache.get(key);
  if (!words) words = nameWords(name);
  keysUsed.set(key, words);
  return words;
}

async function buildIndex(database: Database, revision: string): Promise<SearchIndex> {
  const rows = await database.prisma.prisonerName.findMany({
    // Drafts are not public: nobody finds them by name until they are published.
    where: { prisoner: { draft: false } },
    select: { prisonerId: true, script: true, givenName: true, patronymic: true, familyName: true },
    orderBy: [{ prisonerId: "asc" }, { id: "asc" }],
  });
  const byPrisoner = new Map<string, IndexEntry>();
  const vocabulary: WordKeys[] = [];
  const positions = new Map<string, number>();
  for (const { prisonerId, ...name } of rows) {
    let entry = byPrisoner.get(prisonerId);
    if (!entry) {
      entry = { prisonerId, names: [], words: [] };
      byPrisoner.set(prisonerId, entry);
    }
    entry.names.push(name);
    for (const word of wordsOf(name)) {
      const key = `${word.keys.join(" ")}|${word.stemmed.join(" ")}`;
      let position = positions.get(key);
      if (position === undefined) {
        position = vocabulary.push(word) - 1;
        positions.set(key, position);
      }
      if (!entry.words.includes(position)) entry.words.push(position);
    }
  }
  // What this build used is what the next one starts from.
  keysCache = keysUsed;
  keysUsed = new Map();
  const entries = [...byPrisoner.values()];
  const orders = new Map<Language, Map<IndexEntry, number>>();
  const nameOrder = (language: Language) => {
    let order = orders.get(language);
    if (!order) {
      const collator = new Intl.Collator(language);
      const named = entries.map((entry) => {
        const name = displayName(entry.names, language);
        return { entry, name: `${name.familyName} ${name.givenName}` };
      });
      named.sort((a, b) => collator.compare(a.name, b.name));
      order = new Map(named.map(({ entry }, position) => [entry, position]));
      orders.set(language, order);
    }
    return order;
  };
  return { revision, entries, vocabulary, nameOrder };
}

/** The index for the open database, rebuilt when the content revision has moved on. */
async function getIndex(): Promise<SearchIndex> {
  const database = getCurrentDatabase();
  const revision = await currentRevision(database);
  const cached = indexes.get(database);
  if (cached && cached.revision === revision) return cached.index;
  const index = buildIndex(database, revision);
  indexes.set(database, { revision, index });
  // A failed build must not stay cached.
  index.catch(() => {
    if (indexes.get(database)?.index === index) indexes.delete(database);
  });
  return index;
}

/**
 * People whose names match the query, best first: more words matching a stored
 * spelling exactly, then closer matches overall, then by name in the reader's language.
 */
export async function searchPrisoners(query: string, language: Language): Promise<SearchHit[]> {
  const words = parseQuery(query);
  if (words.length === 0) return [];
  const index = await getIndex();
  // How each query word relates to each distinct stored word: 0 none, 1 close, 2 prefix, 3 exact.
  const matches = words.map((word) => {
    const levels = new Uint8Array(index.vocabulary.length);
    index.vocabulary.forEach((stored, position) => {
      levels[position] = LEVEL[matchWord(word.keys, stored) ?? "none"];
    });
    return levels;
  });
  const hits: (SearchHit & { entry: IndexEntry })[] = [];
  for (const entry of index.entries) {
    const match = matchQueryBy(words, (_word, wordIndex) => {
      const levels = matches[wordIndex]!;
      let best = 0;
      for (const position of entry.words) if (levels[position]! > best) best = levels[position]!;
      return BY_LEVEL[best]!;
    });
    if (match) hits.push({ prisonerId: entry.prisonerId, ...match, entry });
  }
  const order = index.nameOrder(language);
  hits.sort((a, b) => b.exact - a.exact || b.score - a.score || order.get(a.entry)! - order.get(b.entry)!);
  return hits.map(({ entry: _entry, ...hit }) => hit);
}

const LEVEL: Record<WordMatch | "none", number> = { none: 0, fuzzy: 1, prefix: 2, exact: 3 };
const BY_LEVEL: (WordMatch | null)[] = [null, "fuzzy", "prefix", "exact"];
