// Tracks the database's content revision (bumped by triggers on every content table, see
// the 20261123130000 migration) so caches know when public pages may have changed.
// Notifications make it immediate; a periodic re-read covers a lost notification.
//
// Supporter activity (pledge counters, actions, appeal figures) has a revision of its own
// (row 2, the 20261207150000 migration): a pledge storm must not empty every cache. Caches
// take it in at most once per COUNTER_REFRESH_MS, so a counter on a cached page is at most
// that old and a page is re-rendered at most that often for counters (decision 0015).
//
// Interface strings saved in the translation workspace have a revision too (row 3, the
// 20261208010000 migration, announced on 'listy_strings'): when it moves, this process reads
// the saved strings again (locales.server.ts) before its caches take in the change.
import type { Database } from "./database.server";
import { followStringsRevision, forgetSavedStrings, getLocaleBundle } from "./locales.server";

export interface ContentRevisionWatcher {
  current(): bigint;
  /**
   * What cached pages and reads that show counters depend on: the content revision and the
   * counter revision as adopted at most once per COUNTER_REFRESH_MS.
   */
  viewVersion(): string;
  /** The counter revision as caches take it in (the second half of viewVersion). */
  countersVersion(): bigint;
  /** Re-reads both revisions from the database now (and adopts the counters at once). */
  refresh(): Promise<bigint>;
  /**
   * Re-reads both revisions now without adopting the counters early: after this process
   * changed something, its caches must not wait for the notification (see catchUpWithWrites).
   */
  catchUp(): Promise<void>;
  stop(): Promise<void>;
}

const CHANNEL = "listy_content";
const COUNTERS_CHANNEL = "listy_counters";
const STRINGS_CHANNEL = "listy_strings";
const SAFETY_REREAD_MS = 30_000;
/** How long a counter on a cached page may lag behind the database. */
export const COUNTER_REFRESH_MS = 1_000;

export async function watchContentRevision(database: Database): Promise<ContentRevisionWatcher> {
  let revision = 0n;
  const counters = new CounterRevision();
  const read = async ({ forwardOnly = false } = {}) => {
    const rows = await database.sql.query<{ id: number; revision: string | number | bigint }>(
      `SELECT id, revision FROM "ContentRevision" WHERE id IN (1, 2, 3)`,
    );
    // Strings first: a page rendered once the revision moves must already have them.
    await followStringsRevision(database, BigInt(rows.find((row) => Number(row.id) === 3)?.revision ?? 0));
    // Any difference counts, also backwards: a restored or replaced database must still
    // drop every cache. (Notifications only ever move forwards.) A catch-up after an action
    // only moves forwards: its snapshot may predate a commit whose notification came first.
    const value = BigInt(rows.find((row) => Number(row.id) === 1)?.revision ?? 0);
    if (forwardOnly ? value > revision : value !== revision) revision = value;
    counters.seen(BigInt(rows.find((row) => Number(row.id) === 2)?.revision ?? 0), { exact: true });
    return revision;
  };
  await followStringsRevision(database);
  await read();
  counters.adoptNow();
  const unlisten = await database.sql.listen(CHANNEL, (payload) => {
    try {
      const value = BigInt(payload);
      if (value > revision) revision = value;
    } catch {
      void read().catch(() => undefined);
    }
  });
  const unlistenCounters = await database.sql.listen(COUNTERS_CHANNEL, (payload) => {
    try {
      counters.seen(BigInt(payload));
    } catch {
      void read().catch(() => undefined);
    }
  });
  const unlistenStrings = await database.sql.listen(STRINGS_CHANNEL, (payload) => {
    let value: bigint | undefined;
    try {
      value = BigInt(payload);
    } catch {
      value = undefined;
    }
    void followStringsRevision(database, value).catch(() => undefined);
  });
  const timer = setInterval(() => void read().catch(() => undefined), SAFETY_REREAD_MS);
  timer.unref();
  return {
    current: () => revision,
    viewVersion: () => `${revision}.${counters.adopted()}`,
    countersVersion: () => counters.adopted(),
    refresh: async () => {
      const value = await read();
      counters.adoptNow();
      return value;
    },
    catchUp: async () => {
      await read({ forwardOnly: true });
    },
    async stop() {
      clearInterval(timer);
      await unlisten();
      await unlistenCounters();
      await unlistenStrings();
      forgetSavedStrings();
    },
  };
}

/**
 * The counter revision as caches see it: a change is adopted COUNTER_REFRESH_MS after it was
 * first seen, so however many pledges arrive, caches move on at most once per interval.
 */
class CounterRevision {
  private live = 0n;
  private current = 0n;
  private pendingSince: number | undefined;

  seen(value: bigint, { exact = false } = {}) {
    if (exact ? value === this.live : value <= this.live) return;
    this.live = value;
    this.pendingSince ??= Date.now();
  }

  adoptNow() {
    this.current = this.live;
    this.pendingSince = undefined;
  }

  adopted(): bigint {
    if (this.pendingSince !== undefined && Date.now() - this.pendingSince >= COUNTER_REFRESH_MS) this.adoptNow();
    return this.current;
  }
}

const minskDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Minsk" });

/**
 * What "today" means for cached content: "last 30 days" counts use UTC days, birthdays
 * the date in Minsk. Anything cached is valid only while both are unchanged.
 */
export function dayKey(now: Date): string {
  return `${now.toISOString().slice(0, 10)}|${minskDate.format(now)}`;
}

// ---------------------------------------------------------------------------
// The process-wide watcher, shared with the Remix bundle (a separate module graph) the same
// way as the database handle.

const WATCHER_KEY = Symbol.for("listy.contentRevision");
type GlobalWithWatcher = typeof globalThis & { [WATCHER_KEY]?: ContentRevisionWatcher };

export function setCurrentContentRevisionWatcher(watcher: ContentRevisionWatcher | undefined) {
  (globalThis as GlobalWithWatcher)[WATCHER_KEY] = watcher;
}

/** The revision the process-wide watcher last saw, or undefined when none is running. */
export function watchedContentRevision(): bigint | undefined {
  return currentWatcher()?.current();
}

function currentWatcher(): ContentRevisionWatcher | undefined {
  return (globalThis as GlobalWithWatcher)[WATCHER_KEY];
}

/**
 * Read your writes. On PostgreSQL a change reaches the watcher by a notification that can
 * arrive after the browser's next request (the page a form redirects to), which would then be
 * answered from a cache that has not seen the change. Awaited after every action, before its
 * answer leaves. Other instances still learn of it by notification, a moment later.
 */
export async function catchUpWithWrites(): Promise<void> {
  // A failed re-read only delays the caches: the notification or the periodic re-read follows.
  await currentWatcher()?.catchUp().catch(() => undefined);
}

/**
 * Wraps a read so that its result is reused until public content changes (or the day
 * does: "last 30 days" counts and ages depend on it). Without a watcher (scripts, model
 * tests) every call reads afresh. Arguments must be JSON-serialisable.
 * Counters (letters, actions, pledges) are refreshed at most once per COUNTER_REFRESH_MS;
 * a read that shows none says `countersShown: false` and is kept through a pledge storm.
 */
export function cachedUntilContentChanges<Args extends unknown[], Result>(
  read: (...args: Args) => Promise<Result>,
  { maxEntries = 1_000, countersShown = true }: { maxEntries?: number; countersShown?: boolean } = {},
): (...args: Args) => Promise<Result> {
  const entries = new Map<string, { revision: string; day: string; value: Promise<Result> }>();
  return (...args: Args) => {
    const watcher = currentWatcher();
    if (!watcher) return read(...args);
    const key = JSON.stringify(args);
    // The revision is taken before reading: a change during the read leaves the entry stale.
    // The strings' version too: some reads put translated text into what they keep (feeds).
    const revision = `${countersShown ? watcher.viewVersion() : String(watcher.current())}/${getLocaleBundle().version}`;
    const day = dayKey(new Date());
    const hit = entries.get(key);
    if (hit && hit.revision === revision && hit.day === day) return hit.value;
    const value = read(...args);
    const entry = { revision, day, value };
    entries.delete(key);
    entries.set(key, entry);
    // A failed read is not kept, but only its own entry goes, not a newer one.
    value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    return value;
  };
}
