import type { Viewer } from '@vigil/core';
import { visibleMarkings } from '../platform/access/visible-markings.ts';
import type { IncidentItemTable, IncidentTable } from '../platform/database/schema.ts';
import type { Executor } from '../platform/database/transaction.ts';

export type IncidentRow = IncidentTable & { tlp: string };

/** Incidents the viewer may see; their items are reached only through a visible incident. */
function visibleIncidents(db: Executor, viewer: Viewer) {
  return db
    .selectFrom('incidents as i')
    .innerJoin('markings as m', 'm.id', 'i.marking_id')
    .where(visibleMarkings(viewer));
}

export async function findVisibleIncident(
  db: Executor,
  viewer: Viewer,
  id: string,
): Promise<IncidentRow | undefined> {
  return visibleIncidents(db, viewer)
    .selectAll('i')
    .select('m.tlp')
    .where('i.id', '=', id)
    .executeTakeFirst();
}

export async function listVisibleIncidents(
  db: Executor,
  viewer: Viewer,
  filter: { status?: string; category?: string; limit: number; offset: number },
): Promise<{ rows: IncidentRow[]; total: number }> {
  let query = visibleIncidents(db, viewer);
  if (filter.status) query = query.where('i.status', '=', filter.status);
  if (filter.category) query = query.where('i.category', '=', filter.category);
  const [rows, count] = await Promise.all([
    query
      .selectAll('i')
      .select('m.tlp')
      .orderBy('i.started_at', 'desc')
      .orderBy('i.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export async function countIncidentsNumbered(db: Executor, prefix: string): Promise<number> {
  const row = await db
    .selectFrom('incidents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('number', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertIncident(db: Executor, row: IncidentTable): Promise<void> {
  await db.insertInto('incidents').values(row).execute();
}

export async function updateIncidentRow(
  db: Executor,
  id: string,
  version: number,
  fields: Partial<IncidentTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('incidents')
    .set({ ...fields, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listItems(
  db: Executor,
  incidentId: string,
  collection?: string,
): Promise<IncidentItemTable[]> {
  let query = db.selectFrom('incident_items').selectAll().where('incident_id', '=', incidentId);
  if (collection) query = query.where('collection', '=', collection);
  return query.orderBy('collection').orderBy('number').execute();
}

export async function findItem(
  db: Executor,
  incidentId: string,
  id: string,
): Promise<IncidentItemTable | undefined> {
  return db
    .selectFrom('incident_items')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function nextItemNumber(db: Executor, incidentId: string, collection: string): Promise<number> {
  const row = await db
    .selectFrom('incident_items')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('incident_id', '=', incidentId)
    .where('collection', '=', collection)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export async function insertItem(db: Executor, row: IncidentItemTable): Promise<void> {
  await db.insertInto('incident_items').values(row).execute();
}

export async function updateItemRow(
  db: Executor,
  id: string,
  version: number,
  fields: Partial<IncidentItemTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('incident_items')
    .set({ ...fields, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * What the ICS forms print of agencies and people: names only (every signed-in user may read
 * agencies and users), so no marking applies.
 */
export async function agencyNames(db: Executor): Promise<Record<string, string>> {
  const rows = await db.selectFrom('agencies').select(['id', 'name']).execute();
  return Object.fromEntries(rows.map((agency) => [agency.id, agency.name]));
}

export async function displayNameOf(db: Executor, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['display_name'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.display_name ?? undefined;
}

/** Each user's own agency, for the positions recorded without one. */
export async function agencyOfUsers(
  db: Executor,
  userIds: readonly string[],
): Promise<{ id: string; agency_id: string }[]> {
  if (userIds.length === 0) return [];
  return db.selectFrom('users').select(['id', 'agency_id']).where('id', 'in', userIds).execute();
}
