import { DomainError, type Viewer } from '@vigil/core';
import type { TaxiiFilters } from '@vigil/core/standards/taxii';
import { loadMarkings } from '../platform/access/marking.store.ts';
import type { AppDeps } from '../platform/deps.ts';
import { appendJournal } from '../platform/journal/journal.store.ts';
import { entry } from './interop.actions.ts';
import { type CollectionAccess, deleteStixVersions, listVisibleStixObjects } from './interop.store.ts';

/** More versions of one object than any real producer makes; a bound so the select stays one query. */
const maxVersions = 100_000;

/**
 * TAXII 2.1 §5.7: deletes the versions of one object that `match[version]` and
 * `match[spec_version]` pick (all of them by default), among the versions the caller may see.
 * A version the caller may not see is not touched, and an object with nothing visible answers
 * 404, as every read does. Needs write permission on the collection. One transaction: the rows
 * go and one `stix.deleted` journal entry per marking is written, under that marking.
 */
export async function deleteStixObject(
  deps: AppDeps,
  viewer: Viewer,
  collection: CollectionAccess,
  objectId: string,
  filters: Pick<TaxiiFilters, 'version' | 'specVersions'>,
): Promise<{ deleted: { id: string; version: string }[] }> {
  if (!collection.can_write)
    throw new DomainError('PERMISSION_DENIED', 'you may not delete from this collection');
  const { db, engine } = deps.database;
  const at = deps.now().toISOString();
  const deleted = await db.transaction().execute(async (trx) => {
    const rows = await listVisibleStixObjects(
      trx,
      viewer,
      collection.id,
      { ids: [], types: [], limit: maxVersions, ...filters },
      objectId,
    );
    if (rows.length === 0) throw new DomainError('NOT_FOUND', 'no such object (or not yours to see)');
    await deleteStixVersions(
      trx,
      collection.id,
      objectId,
      rows.map((r) => r.version),
    );
    const markings = await loadMarkings(trx, [...new Set(rows.map((r) => r.marking_id))]);
    for (const [markingId, value] of markings) {
      const versions = rows.filter((r) => r.marking_id === markingId).map((r) => r.version);
      await appendJournal(
        trx,
        engine,
        entry(
          viewer,
          at,
          'stix.deleted',
          'taxii-collection',
          collection.id,
          { object: objectId, versions: versions.slice(0, 50), count: versions.length },
          { id: markingId, value },
        ),
      );
    }
    return rows.map((r) => ({ id: r.object_id, version: r.version }));
  });
  void deps.hub.notify();
  return { deleted };
}
