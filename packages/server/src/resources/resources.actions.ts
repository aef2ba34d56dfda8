import { randomUUID } from 'node:crypto';
import {
  buildMarking,
  DomainError,
  describeResourceType,
  estimateArrivalMinutes,
  localResourceDefaults,
  type Marking,
  type NearestItem,
  type NearestQuery,
  type Resource,
  type ResourceCreate,
  type ResourceList,
  type ResourceListQuery,
  type ResourceUpdate,
  substitutableTypes,
  type Viewer,
} from '@vigil/core';
import { assertShareTargets, loadMarkings } from '../platform/access/marking.store.ts';
import type { ResourceTable } from '../platform/database/schema.ts';
import type { AppDeps } from '../platform/deps.ts';
import { appendJournal } from '../platform/journal/journal.store.ts';
import { syncedDispatchIndex } from './dispatch-cache.ts';
import { markedDraft } from './marked-draft.ts';
import { toResourceView } from './resource-view.ts';
import {
  findOrInsertResourceMarking,
  findVisibleResource,
  findVisibleResources,
  insertResource,
  listVisibleResources,
  type ResourceRow,
  updateResourceRow,
  visibleMarkingIds,
} from './resources.store.ts';

/** The viewer may manage resources of its own agency and of the agencies under it. */
async function assertManages(deps: AppDeps, viewer: Viewer, agencyId: string, field?: string): Promise<void> {
  if (agencyId === viewer.agencyId) return;
  const ancestors = await deps.agencies.ancestorsOf(agencyId);
  if (!ancestors.includes(viewer.agencyId)) {
    throw new DomainError(
      'PERMISSION_DENIED',
      `agency ${agencyId} is not yours or under yours`,
      field ? { field } : {},
    );
  }
}

export async function createResource(
  deps: AppDeps,
  viewer: Viewer,
  input: ResourceCreate,
): Promise<Resource> {
  const { db, engine } = deps.database;
  const agencyId = input.agencyId ?? viewer.agencyId;
  const agency = await db
    .selectFrom('agencies')
    .select(['id', 'active'])
    .where('id', '=', agencyId)
    .executeTakeFirst();
  if (agency?.active !== 1) {
    throw new DomainError('VALIDATION_FAILED', `no active agency ${agencyId}`, { field: 'agencyId' });
  }
  await assertManages(deps, viewer, agencyId, 'agencyId');
  const marking = buildMarking(input.marking ?? { tlp: 'GREEN' }, { agencyId, userId: viewer.userId });
  await assertShareTargets(db, marking);
  const at = deps.now().toISOString();
  const id = randomUUID();
  const rate =
    input.costRateUsdPerHour ??
    (describeResourceType(input.resourceType).definition ?? localResourceDefaults).hourlyRateUsd;
  const row = await db.transaction().execute(async (trx) => {
    const markingId = await findOrInsertResourceMarking(trx, marking, at);
    const entry = await appendJournal(
      trx,
      engine,
      markedDraft(
        viewer,
        at,
        'resource.created',
        { type: 'resource', id },
        { markingId, marking },
        {
          name: input.name,
          resourceType: input.resourceType,
          status: input.status,
        },
      ),
    );
    const resource: ResourceTable = {
      id,
      name: input.name,
      resource_type: input.resourceType,
      agency_id: agencyId,
      status: input.status,
      lat: input.lat,
      lon: input.lon,
      home_lat: input.lat,
      home_lon: input.lon,
      incident_id: null,
      request_id: null,
      cost_rate: rate,
      marking_id: markingId,
      journal_seq: entry.seq,
      version: 1,
      created_at: at,
      updated_at: at,
    };
    await insertResource(trx, resource);
    return resource;
  });
  void deps.hub.notify();
  return toResourceView(row, marking);
}

async function markingOf(deps: AppDeps, row: { id: string; marking_id: string }): Promise<Marking> {
  const marking = (await loadMarkings(deps.database.db, [row.marking_id])).get(row.marking_id);
  if (!marking) throw new Error(`record ${row.id} points at missing marking ${row.marking_id}`);
  return marking;
}

async function loadVisible(deps: AppDeps, viewer: Viewer, id: string): Promise<ResourceRow> {
  const row = await findVisibleResource(deps.database.db, viewer, id);
  if (!row) throw new DomainError('NOT_FOUND', `no resource ${id}`);
  return row;
}

export async function readResource(deps: AppDeps, viewer: Viewer, id: string): Promise<Resource> {
  const row = await loadVisible(deps, viewer, id);
  return toResourceView(row, await markingOf(deps, row));
}

export async function listResources(
  deps: AppDeps,
  viewer: Viewer,
  query: ResourceListQuery,
): Promise<ResourceList> {
  const { db } = deps.database;
  const { rows, total } = await listVisibleResources(db, viewer, query);
  const markings = await loadMarkings(
    db,
    rows.map((row) => row.marking_id),
  );
  return { items: rows.map((row) => toResourceView(row, markings.get(row.marking_id) as Marking)), total };
}

/**
 * Status and position as the owner reports them. A resource committed to a resource request
 * leaves it through the request (demobilize or cancel), so its cost and history stay whole.
 */
export async function updateResource(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  input: ResourceUpdate,
): Promise<Resource> {
  const { db, engine } = deps.database;
  const row = await loadVisible(deps, viewer, id);
  await assertManages(deps, viewer, row.agency_id);
  if (row.request_id && (input.status === 'available' || input.status === 'demobilized')) {
    throw new DomainError(
      'INVALID_STATE',
      `resource ${row.name} is committed to a resource request: cannot go from ${row.status} to ${input.status}; demobilize or cancel the request`,
      { field: 'status' },
    );
  }
  const marking = await markingOf(deps, row);
  const at = deps.now().toISOString();
  const fields: Partial<ResourceTable> = {
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(input.lat !== undefined && input.lon !== undefined ? { lat: input.lat, lon: input.lon } : {}),
    updated_at: at,
  };
  const saved = await db.transaction().execute(async (trx) => {
    const entry = await appendJournal(
      trx,
      engine,
      markedDraft(
        viewer,
        at,
        'resource.updated',
        { type: 'resource', id },
        { markingId: row.marking_id, marking },
        {
          ...(input.status !== undefined ? { status: { from: row.status, to: input.status } } : {}),
          ...(input.lat !== undefined ? { lat: input.lat, lon: input.lon ?? row.lon } : {}),
        },
      ),
    );
    if (!(await updateResourceRow(trx, id, row.version, { ...fields, journal_seq: entry.seq }))) {
      throw new DomainError('CONFLICT', 'the resource changed meanwhile; retry', { field: 'version' });
    }
    return { ...row, ...fields, journal_seq: entry.seq, version: row.version + 1 };
  });
  void deps.hub.notify();
  return toResourceView(saved, marking);
}

/**
 * The k nearest available resources of a type the caller may see. The index answers from
 * memory after catching up with committed changes; which markings the caller may see is
 * asked of SQL (`visibleMarkings`), once per distinct resource marking, not per resource.
 */
export async function findNearestResources(
  deps: AppDeps,
  viewer: Viewer,
  query: Pick<NearestQuery, 'type' | 'lat' | 'lon' | 'k' | 'substitutes'>,
): Promise<{ items: NearestItem[] }> {
  const { db } = deps.database;
  const cache = await syncedDispatchIndex(deps.database);
  const visible = await visibleMarkingIds(db, viewer, cache.markingIds);
  const allowed = new Uint8Array(cache.markingIds.length);
  cache.markingIds.forEach((markingId, group) => {
    allowed[group] = visible.has(markingId) ? 1 : 0;
  });
  const hits = cache.index.nearest({
    types: query.substitutes ? substitutableTypes(query.type) : [query.type],
    lon: query.lon,
    lat: query.lat,
    k: query.k,
    accept: (group) => allowed[group] === 1,
  });
  // Names for the answer, read through the same visibility filter.
  const rows = new Map(
    (
      await findVisibleResources(
        db,
        viewer,
        hits.map((hit) => hit.id),
      )
    ).map((row) => [row.id, row]),
  );
  return {
    items: hits.flatMap((hit) => {
      const row = rows.get(hit.id);
      if (!row) return [];
      const distanceKm = Math.round(hit.distanceKm * 1000) / 1000;
      return [
        {
          id: hit.id,
          distanceKm,
          etaMinutes: estimateArrivalMinutes(hit.resourceType, hit.distanceKm),
          name: row.name,
          resourceType: row.resource_type,
          agencyId: row.agency_id,
          lat: row.lat,
          lon: row.lon,
        },
      ];
    }),
  };
}

/** Resources by id as the viewer may see them (hidden ones are simply absent). */
export async function readResourcesByIds(
  deps: AppDeps,
  viewer: Viewer,
  ids: readonly string[],
): Promise<Resource[]> {
  const rows = await findVisibleResources(deps.database.db, viewer, ids);
  const markings = await loadMarkings(
    deps.database.db,
    rows.map((row) => row.marking_id),
  );
  return rows.map((row) => toResourceView(row, markings.get(row.marking_id) as Marking));
}
