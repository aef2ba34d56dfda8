import { type Marking, sameMarking, type Viewer } from '@vigil/core';
import { insertMarking, loadMarkings } from '../platform/access/marking.store.ts';
import { visibleMarkings } from '../platform/access/visible-markings.ts';
import type {
  ResourceAssignmentTable,
  ResourceRequestTable,
  ResourceTable,
} from '../platform/database/schema.ts';
import type { Executor } from '../platform/database/transaction.ts';

export type ResourceRow = ResourceTable & { tlp: string };
export type RequestRow = ResourceRequestTable & { tlp: string };

const markingColumn = 'm.tlp' as const;

/** Resources the viewer may see, the marking decided in SQL. */
function visibleResources(db: Executor, viewer: Viewer) {
  return db
    .selectFrom('resources as r')
    .innerJoin('markings as m', 'm.id', 'r.marking_id')
    .where(visibleMarkings(viewer));
}

/** Null when absent and when hidden: the caller answers 404 either way. */
export async function findVisibleResource(
  db: Executor,
  viewer: Viewer,
  id: string,
): Promise<ResourceRow | undefined> {
  return visibleResources(db, viewer)
    .selectAll('r')
    .select(markingColumn)
    .where('r.id', '=', id)
    .executeTakeFirst();
}

export async function findVisibleResources(
  db: Executor,
  viewer: Viewer,
  ids: readonly string[],
): Promise<ResourceRow[]> {
  if (ids.length === 0) return [];
  return visibleResources(db, viewer)
    .selectAll('r')
    .select(markingColumn)
    .where('r.id', 'in', [...ids])
    .execute();
}

/**
 * Resources by id whatever the viewer: only for deciding (is it still available?) on a
 * resource another agency offered, never for answering a client.
 */
export async function findResourcesForDecision(
  db: Executor,
  ids: readonly string[],
): Promise<ResourceTable[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('resources')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

export async function listVisibleResources(
  db: Executor,
  viewer: Viewer,
  filter: {
    status?: string;
    type?: string;
    agencyId?: string;
    incidentId?: string;
    limit: number;
    offset: number;
  },
): Promise<{ rows: ResourceRow[]; total: number }> {
  let query = visibleResources(db, viewer);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.type) query = query.where('r.resource_type', '=', filter.type);
  if (filter.agencyId) query = query.where('r.agency_id', '=', filter.agencyId);
  if (filter.incidentId) query = query.where('r.incident_id', '=', filter.incidentId);
  const [rows, count] = await Promise.all([
    query
      .selectAll('r')
      .select(markingColumn)
      .orderBy('r.name')
      .orderBy('r.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export async function insertResource(db: Executor, row: ResourceTable): Promise<void> {
  await db.insertInto('resources').values(row).execute();
}

/** Optimistic: the update applies only on the version the caller read. */
export async function updateResourceRow(
  db: Executor,
  id: string,
  version: number,
  fields: Partial<ResourceTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('resources')
    .set({ ...fields, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * An inventory shares a handful of markings (per agency, author and label), so a new
 * resource reuses an identical immutable marking row instead of adding one per resource:
 * the dispatch index then checks visibility per marking, not per resource.
 */
export async function findOrInsertResourceMarking(
  db: Executor,
  marking: Marking,
  at: string,
): Promise<string> {
  const candidates = await db
    .selectFrom('markings as m')
    .select('m.id')
    .where('m.owner_agency_id', '=', marking.ownerAgencyId)
    .where('m.author_user_id', '=', marking.authorUserId)
    .where('m.tlp', '=', marking.tlp)
    .where((eb) =>
      eb.exists(eb.selectFrom('resources as r').select('r.id').whereRef('r.marking_id', '=', 'm.id')),
    )
    .limit(50)
    .execute();
  const loaded = await loadMarkings(
    db,
    candidates.map((row) => row.id),
  );
  for (const [id, existing] of loaded) if (sameMarking(existing, marking)) return id;
  return insertMarking(db, marking, at);
}

/** Of `markingIds`, those the viewer may see: the dispatch index's visibility, decided in SQL. */
export async function visibleMarkingIds(
  db: Executor,
  viewer: Viewer,
  markingIds: readonly string[],
): Promise<Set<string>> {
  const visible = new Set<string>();
  for (let start = 0; start < markingIds.length; start += 500) {
    const chunk = markingIds.slice(start, start + 500);
    const rows = await db
      .selectFrom('markings as m')
      .select('m.id')
      .where('m.id', 'in', chunk)
      .where(visibleMarkings(viewer))
      .execute();
    for (const row of rows) visible.add(row.id);
  }
  return visible;
}

export type DispatchRow = Pick<
  ResourceTable,
  'id' | 'resource_type' | 'lat' | 'lon' | 'status' | 'marking_id' | 'journal_seq'
>;

/** Rows changed after `cursor` (a journal seq), oldest first: how an in-memory index catches up. */
export async function listResourcesChangedAfter(db: Executor, cursor: number): Promise<DispatchRow[]> {
  return db
    .selectFrom('resources')
    .select(['id', 'resource_type', 'lat', 'lon', 'status', 'marking_id', 'journal_seq'])
    .where('journal_seq', '>', cursor)
    .orderBy('journal_seq')
    .execute();
}

// Requests ---------------------------------------------------------------------------------

function visibleRequests(db: Executor, viewer: Viewer) {
  return db
    .selectFrom('resource_requests as q')
    .innerJoin('markings as m', 'm.id', 'q.marking_id')
    .where(visibleMarkings(viewer));
}

export async function findVisibleRequest(
  db: Executor,
  viewer: Viewer,
  id: string,
): Promise<RequestRow | undefined> {
  return visibleRequests(db, viewer)
    .selectAll('q')
    .select(markingColumn)
    .where('q.id', '=', id)
    .executeTakeFirst();
}

export async function listVisibleRequests(
  db: Executor,
  viewer: Viewer,
  filter: { incidentId?: string; status?: string },
): Promise<RequestRow[]> {
  let query = visibleRequests(db, viewer);
  if (filter.incidentId) query = query.where('q.incident_id', '=', filter.incidentId);
  if (filter.status) query = query.where('q.status', '=', filter.status);
  return query
    .selectAll('q')
    .select(markingColumn)
    .orderBy('q.created_at', 'desc')
    .orderBy('q.id')
    .limit(500)
    .execute();
}

export async function countRequests(db: Executor, incidentId: string): Promise<number> {
  const row = await db
    .selectFrom('resource_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('incident_id', '=', incidentId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertRequest(db: Executor, row: ResourceRequestTable): Promise<void> {
  await db.insertInto('resource_requests').values(row).execute();
}

export async function updateRequestRow(
  db: Executor,
  id: string,
  version: number,
  fields: Partial<ResourceRequestTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('resource_requests')
    .set({ ...fields, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listAssignments(
  db: Executor,
  requestIds: readonly string[],
): Promise<ResourceAssignmentTable[]> {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('resource_assignments')
    .selectAll()
    .where('request_id', 'in', [...requestIds])
    .execute();
}

export async function insertAssignment(db: Executor, row: ResourceAssignmentTable): Promise<void> {
  await db.insertInto('resource_assignments').values(row).execute();
}

export async function releaseAssignments(db: Executor, requestId: string, at: string): Promise<void> {
  await db
    .updateTable('resource_assignments')
    .set({ released_at: at })
    .where('request_id', '=', requestId)
    .where('released_at', 'is', null)
    .execute();
}
