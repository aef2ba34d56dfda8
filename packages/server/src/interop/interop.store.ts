import type { Viewer } from '@vigil/core';
import type { TaxiiFilters } from '@vigil/core/standards/taxii';
import { type SqlBool, sql } from 'kysely';
import { visibleMarkings } from '../platform/access/visible-markings.ts';
import type {
  CapAlertTable,
  StixObjectTable,
  TaxiiCollectionTable,
  TaxiiStatusTable,
} from '../platform/database/schema.ts';
import type { Executor } from '../platform/database/transaction.ts';

export type CollectionAccess = TaxiiCollectionTable & { can_read: boolean; can_write: boolean };

/**
 * Collections the viewer's agency (or one of its parents) was granted, with what it may do.
 * The owning agency reads and writes its own collections.
 */
export async function listCollectionsFor(db: Executor, viewer: Viewer): Promise<CollectionAccess[]> {
  const agencies = [viewer.agencyId, ...viewer.agencyAncestorIds];
  const rows = await db
    .selectFrom('taxii_collections as c')
    .leftJoin('taxii_collection_access as a', (join) =>
      join.onRef('a.collection_id', '=', 'c.id').on('a.agency_id', 'in', agencies),
    )
    .selectAll('c')
    .select(['a.can_read', 'a.can_write'])
    .where((eb) => eb.or([eb('c.owner_agency_id', '=', viewer.agencyId), eb('a.agency_id', 'is not', null)]))
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  const byId = new Map<string, CollectionAccess>();
  for (const row of rows) {
    const own = row.owner_agency_id === viewer.agencyId;
    const current = byId.get(row.id);
    byId.set(row.id, {
      id: row.id,
      title: row.title,
      description: row.description,
      alias: row.alias,
      owner_agency_id: row.owner_agency_id,
      default_tlp: row.default_tlp,
      created_at: row.created_at,
      can_read: own || Boolean(row.can_read) || Boolean(current?.can_read),
      can_write: own || Boolean(row.can_write) || Boolean(current?.can_write),
    });
  }
  return [...byId.values()];
}

export async function readerAgencyIds(db: Executor, collectionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('taxii_collection_access')
    .select('agency_id')
    .where('collection_id', '=', collectionId)
    .where('can_read', '=', 1)
    .execute();
  return rows.map((r) => r.agency_id);
}

export async function insertStixObjects(db: Executor, rows: StixObjectTable[]): Promise<void> {
  // Bounded batches: SQLite allows 32766 bound values, PostgreSQL 65535; 8 columns × 250 rows stays far below.
  for (let i = 0; i < rows.length; i += 250) {
    await db
      .insertInto('stix_objects')
      .values(rows.slice(i, i + 250))
      .onConflict((oc) => oc.columns(['collection_id', 'object_id', 'version']).doNothing())
      .execute();
  }
}

/** The versions of one collection's objects the viewer may see, per the TAXII filters (AND-ed), one page. */
export async function listVisibleStixObjects(
  db: Executor,
  viewer: Viewer,
  collectionId: string,
  filters: TaxiiFilters,
  objectId?: string,
): Promise<(StixObjectTable & { tlp: string })[]> {
  let query = db
    .selectFrom('stix_objects as o')
    .innerJoin('markings as m', 'm.id', 'o.marking_id')
    .where('o.collection_id', '=', collectionId)
    .where(visibleMarkings(viewer));
  if (objectId) query = query.where('o.object_id', '=', objectId);
  if (filters.ids.length) query = query.where('o.object_id', 'in', filters.ids);
  if (filters.types.length) query = query.where('o.type', 'in', filters.types);
  if (filters.specVersions.length) query = query.where('o.spec_version', 'in', filters.specVersions);
  if (filters.addedAfter) query = query.where('o.date_added', '>', filters.addedAfter);
  if (filters.version.kind === 'at') query = query.where('o.version', 'in', filters.version.versions);
  if (filters.version.kind === 'last' || filters.version.kind === 'first') {
    // Only the newest (or oldest) version the viewer may see: a hidden later version must not hide an earlier one.
    const pick = filters.version.kind === 'last' ? sql`max(v.version)` : sql`min(v.version)`;
    query = query.where(
      sql<SqlBool>`o.version = (select ${pick} from stix_objects v inner join markings m2 on m2.id = v.marking_id where v.collection_id = o.collection_id and v.object_id = o.object_id and ${visibleMarkings(viewer, 'm2')})`,
    );
  }
  if (filters.next) {
    const { dateAdded, key } = filters.next;
    query = query.where(
      sql<SqlBool>`(o.date_added > ${dateAdded} or (o.date_added = ${dateAdded} and o.object_id || ' ' || o.version > ${key}))`,
    );
  }
  return query
    .selectAll('o')
    .select('m.tlp')
    .orderBy('o.date_added')
    .orderBy(sql`o.object_id || ' ' || o.version`)
    .limit(filters.limit + 1)
    .execute();
}

/** Removes the chosen versions of one object from a collection (the caller picked them among those it may see). */
export async function deleteStixVersions(
  db: Executor,
  collectionId: string,
  objectId: string,
  versions: string[],
): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < versions.length; i += 500) {
    const result = await db
      .deleteFrom('stix_objects')
      .where('collection_id', '=', collectionId)
      .where('object_id', '=', objectId)
      .where('version', 'in', versions.slice(i, i + 500))
      .executeTakeFirst();
    deleted += Number(result.numDeletedRows ?? 0);
  }
  return deleted;
}

export async function insertStatus(db: Executor, row: TaxiiStatusTable): Promise<void> {
  await db.insertInto('taxii_statuses').values(row).execute();
}

export async function findStatus(
  db: Executor,
  id: string,
  userId: string,
): Promise<TaxiiStatusTable | undefined> {
  return db
    .selectFrom('taxii_statuses')
    .selectAll()
    .where('id', '=', id)
    .where('requested_by', '=', userId)
    .executeTakeFirst();
}

export async function insertCapAlert(db: Executor, row: CapAlertTable): Promise<boolean> {
  const result = await db
    .insertInto('cap_alerts')
    .values(row)
    .onConflict((oc) => oc.columns(['sender', 'identifier', 'sent']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findVisibleCapAlert(
  db: Executor,
  viewer: Viewer,
  id: string,
): Promise<(CapAlertTable & { tlp: string }) | undefined> {
  return db
    .selectFrom('cap_alerts as a')
    .innerJoin('markings as m', 'm.id', 'a.marking_id')
    .where(visibleMarkings(viewer))
    .where('a.id', '=', id)
    .selectAll('a')
    .select('m.tlp')
    .executeTakeFirst();
}

export async function listVisibleCapAlerts(
  db: Executor,
  viewer: Viewer,
  limit: number,
): Promise<(CapAlertTable & { tlp: string })[]> {
  return db
    .selectFrom('cap_alerts as a')
    .innerJoin('markings as m', 'm.id', 'a.marking_id')
    .where(visibleMarkings(viewer))
    .selectAll('a')
    .select('m.tlp')
    .orderBy('a.received_at', 'desc')
    .orderBy('a.id')
    .limit(limit)
    .execute();
}
