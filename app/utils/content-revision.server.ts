// Tracks the database's content revision (bumped by triggers on every content table, see
// the 20261123130000 migration) so caches know when public pages may have changed.
// Notifications make it immediate; a periodic re-read covers a lost notification.
import type { Database } from "./database.server";

export interface ContentRevisionWatcher {
  current(): bigint;
  /** Re-reads the revision from the database now. */
  refresh(): Promise<bigint>;
  stop(): Promise<void>;
}

const CHANNEL = "listy_content";
const SAFETY_REREAD_MS = 30_000;

export async function watchContentRevision(database: Database): Promise<ContentRevisionWatcher> {
  let revision = 0n;
  const read = async () => {
    const [row] = await database.sql.query<{ revision: string | number | bigint }>(
      `SELECT revision FROM "ContentRevision" WHERE id = 1`,
    );
    // Any difference counts, also backwards: a restored or replaced database must still
    // drop every cache. (Notifications only ever move forwards.)
    const value = BigInt(row?.revision ?? 0);
    if (value !== revision) revision = value;
    return revision;
  };
  await read();
  const unlisten = await database.sql.listen(CHANNEL, (payload) => {
    try {
      const value = BigInt(payload);
      if (value > revision) revision = value;
    } catch {
      void read().catch(() => undefined);
    }
  });
  const timer = setInterval(() => void read().catch(() => undefined), SAFETY_REREAD_MS);
  timer.unref();
  return {
    current: () => revision,
    refresh: read,
    async stop() {
      clearInterval(timer);
      await unlisten();
    },
  };
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
 * Wraps a read so that its result is reused until public content changes (or the day
 * does: "last 30 days" counts and ages depend on it). Without a watcher (scripts, model
 * tests) every call reads afresh. Arguments must be JSON-serialisable.
 */
export function cachedUntilContentChanges<Args extends unknown[], Result>(
  read: (...args: Args) => Promise<Result>,
  { maxEntries = 1_000 }: { maxEntries?: number } = {},
): (...args: Args) => Promise<Result> {
  const entries = new Map<string, { revision: bigint; day: string; value: Promise<Result> }>();
  return (...args: Args) => {
    const watcher = currentWatcher();
    if (!watcher) return read(...args);
    const key = JSON.stringify(args);
    // The revision is taken before reading: a change during the read leaves the entry stale.
    const revision = watcher.current();
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
