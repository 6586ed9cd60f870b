// Finding people by name, however the reader spells it (app/utils/transliteration.ts).
// Every stored spelling (PrisonerName rows in all scripts) is turned into search keys once
// and kept in memory. Database triggers bump ContentRevision on every content change, so
// one cheap query per search tells whether the keys are still current.
import type { NameScript } from "@prisma/client";

import type { Language } from "~/i18n";
import { watchedContentRevision } from "~/utils/content-revision.server";
import { getCurrentDatabase, type Database } from "~/utils/database.server";
import { matchQuery, nameWords, parseQuery, type WordKeys } from "~/utils/transliteration";

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
  words: WordKeys[];
}

interface SearchIndex {
  revision: string;
  entries: IndexEntry[];
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

async function buildIndex(database: Database, revision: string): Promise<SearchIndex> {
  const rows = await database.prisma.prisonerName.findMany({
    // Drafts are not public: nobody finds them by name until they are published.
    where: { prisoner: { draft: false } },
    select: { prisonerId: true, script: true, givenName: true, patronymic: true, familyName: true },
    orderBy: [{ prisonerId: "asc" }, { id: "asc" }],
  });
  const byPrisoner = new Map<string, IndexEntry>();
  for (const { prisonerId, ...name } of rows) {
    let entry = byPrisoner.get(prisonerId);
    if (!entry) {
      entry = { prisonerId, names: [], words: [] };
      byPrisoner.set(prisonerId, entry);
    }
    entry.names.push(name);
    entry.words.push(...nameWords(name));
  }
  return { revision, entries: [...byPrisoner.values()] };
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
  const collator = new Intl.Collator(language);
  const sortName = (entry: IndexEntry) => {
    const name = displayName(entry.names, language);
    return `${name.familyName} ${name.givenName}`;
  };
  const hits: (SearchHit & { name: string })[] = [];
  for (const entry of index.entries) {
    const match = matchQuery(words, entry.words);
    if (match) hits.push({ prisonerId: entry.prisonerId, ...match, name: sortName(entry) });
  }
  hits.sort((a, b) => b.exact - a.exact || b.score - a.score || collator.compare(a.name, b.name));
  return hits.map(({ name: _name, ...hit }) => hit);
}
