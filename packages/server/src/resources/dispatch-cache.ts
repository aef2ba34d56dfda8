import { DispatchIndex } from '@vigil/core';
import type { Database } from '../platform/database/database.ts';
import { type DispatchRow, listResourcesChangedAfter } from './resources.store.ts';

/**
 * One dispatch index per open database and process. Every resource change stamps its row
 * with the journal seq of its entry, in the same transaction; journal entries commit in seq
 * order (the head lock), so "rows past my cursor" never skips a change, whichever process
 * or instance wrote it. Each nearest query first catches up (one indexed query, usually
 * empty), so a status change counts from the next query on.
 */
export type DispatchCache = {
  index: DispatchIndex;
  cursor: number;
  /** marking id → the index's visibility group, and back. */
  groupOf: Map<string, number>;
  markingIds: string[];
};

const caches = new WeakMap<Database, { cache: DispatchCache; sync: Promise<void> }>();

function apply(cache: DispatchCache, rows: readonly DispatchRow[]): void {
  for (const row of rows) {
    let group = cache.groupOf.get(row.marking_id);
    if (group === undefined) {
      group = cache.markingIds.length;
      cache.groupOf.set(row.marking_id, group);
      cache.markingIds.push(row.marking_id);
    }
    cache.index.upsert({
      id: row.id,
      resourceType: row.resource_type,
      lon: row.lon,
      lat: row.lat,
      available: row.status === 'available',
      group,
    });
    if (row.journal_seq > cache.cursor) cache.cursor = row.journal_seq;
  }
}

/** The database's dispatch index, caught up with every committed resource change. */
export async function syncedDispatchIndex(database: Database): Promise<DispatchCache> {
  let entry = caches.get(database);
  if (!entry) {
    const cache: DispatchCache = {
      index: new DispatchIndex(),
      cursor: 0,
      groupOf: new Map(),
      markingIds: [],
    };
    const sync = listResourcesChangedAfter(database.db, 0).then((rows) => {
      const loaded: DispatchRow[] = [...rows];
      // Build the trees once instead of growing deltas: `load` then `apply` for groups and cursor.
      apply(cache, loaded);
      cache.index.load([]);
    });
    entry = { cache, sync };
    caches.set(database, entry);
    await sync;
    return cache;
  }
  const current = entry;
  // Catch-ups run one after another so the cursor only moves forward.
  current.sync = current.sync
    .catch(() => undefined)
    .then(async () =>
      apply(current.cache, await listResourcesChangedAfter(database.db, current.cache.cursor)),
    );
  await current.sync;
  return current.cache;
}
