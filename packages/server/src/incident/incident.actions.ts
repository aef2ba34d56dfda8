import { randomUUID } from 'node:crypto';
import {
  buildMarking,
  DomainError,
  decideIncidentEdit,
  decideIncidentTransition,
  decideItemUpdate,
  type Incident,
  type IncidentCollection,
  type IncidentCreate,
  type IncidentItem,
  type IncidentList,
  type IncidentListQuery,
  type IncidentStatus,
  type IncidentUpdate,
  type ItemBodies,
  type JournalDraft,
  type Marking,
  mostRestrictiveTlp,
  sameMarking,
  type Viewer,
} from '@vigil/core';
import { assertShareTargets, insertMarking, loadMarkings } from '../platform/access/marking.store.ts';
import type { IncidentItemTable, IncidentTable } from '../platform/database/schema.ts';
import type { AppDeps } from '../platform/deps.ts';
import { appendJournal } from '../platform/journal/journal.store.ts';
import { markedDraft } from '../resources/index.ts';
import {
  countIncidentsNumbered,
  findItem,
  findVisibleIncident,
  type IncidentRow,
  insertIncident,
  insertItem,
  listItems,
  listVisibleIncidents,
  nextItemNumber,
  updateIncidentRow,
  updateItemRow,
} from './incident.store.ts';
import { toIncidentView, toItemView } from './incident-view.ts';

/** A visible incident and its marking; 404 when absent or hidden (a 403 would confirm it exists). */
export async function loadIncidentForWork(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
): Promise<{ row: IncidentRow; marking: Marking }> {
  const row = await findVisibleIncident(deps.database.db, viewer, id);
  if (!row) throw new DomainError('NOT_FOUND', `no incident ${id}`);
  const marking = (await loadMarkings(deps.database.db, [row.marking_id])).get(row.marking_id);
  if (!marking) throw new Error(`incident ${id} points at missing marking ${row.marking_id}`);
  return { row, marking };
}

const draft = (
  viewer: Viewer,
  at: string,
  action: string,
  id: string,
  marked: { markingId: string; marking: Marking },
  change: JournalDraft['change'],
) => markedDraft(viewer, at, action, { type: 'incident', id }, marked, change);

export async function createIncident(
  deps: AppDeps,
  viewer: Viewer,
  input: IncidentCreate,
): Promise<Incident> {
  const { db, engine } = deps.database;
  const marking = buildMarking(input.marking, viewer);
  await assertShareTargets(db, marking);
  const at = deps.now().toISOString();
  const id = randomUUID();
  const row = await db.transaction().execute(async (trx) => {
    const markingId = await insertMarking(trx, marking, at);
    const prefix = `INC-${at.slice(0, 4)}-`;
    const incident: IncidentTable = {
      id,
      number: `${prefix}${String((await countIncidentsNumbered(trx, prefix)) + 1).padStart(4, '0')}`,
      name: input.name,
      category: input.category,
      hazard: input.hazard,
      description: input.description,
      status: 'reported',
      severity: input.severity,
      complexity: input.complexity,
      lat: input.lat,
      lon: input.lon,
      area: input.area ? JSON.stringify(input.area) : null,
      jurisdictions: JSON.stringify(input.jurisdictions),
      started_at: input.startedAt ? new Date(input.startedAt).toISOString() : at,
      closed_at: null,
      created_by: viewer.userId,
      marking_id: markingId,
      version: 1,
      created_at: at,
      updated_at: at,
    };
    await insertIncident(trx, incident);
    await appendJournal(
      trx,
      engine,
      draft(
        viewer,
        at,
        'incident.created',
        id,
        { markingId, marking },
        { name: input.name, category: input.category },
      ),
    );
    return incident;
  });
  void deps.hub.notify();
  return toIncidentView(row, marking);
}

export async function readIncident(deps: AppDeps, viewer: Viewer, id: string): Promise<Incident> {
  const { row, marking } = await loadIncidentForWork(deps, viewer, id);
  return toIncidentView(row, marking);
}

export async function listIncidents(
  deps: AppDeps,
  viewer: Viewer,
  query: IncidentListQuery,
): Promise<IncidentList> {
  const { db } = deps.database;
  const { rows, total } = await listVisibleIncidents(db, viewer, query);
  const markings = await loadMarkings(
    db,
    rows.map((row) => row.marking_id),
  );
  const items = rows.map((row) => toIncidentView(row, markings.get(row.marking_id) as Marking));
  return { items, total, marking: mostRestrictiveTlp(items.map((item) => item.marking.tlp)) };
}

async function saveIncident(
  deps: AppDeps,
  viewer: Viewer,
  current: { row: IncidentRow; marking: Marking },
  fields: Partial<IncidentTable>,
  next: Marking,
  action: string,
  change: JournalDraft['change'],
): Promise<Incident> {
  const { db, engine } = deps.database;
  const at = deps.now().toISOString();
  const saved = await db.transaction().execute(async (trx) => {
    const markingId = sameMarking(current.marking, next)
      ? current.row.marking_id
      : await insertMarking(trx, next, at);
    const all = { ...fields, marking_id: markingId, updated_at: at };
    if (!(await updateIncidentRow(trx, current.row.id, current.row.version, all))) {
      throw new DomainError('CONFLICT', 'the incident changed meanwhile; reload it', { field: 'version' });
    }
    await appendJournal(
      trx,
      engine,
      draft(viewer, at, action, current.row.id, { markingId, marking: next }, change),
    );
    return { ...current.row, ...all, version: current.row.version + 1 };
  });
  void deps.hub.notify();
  return toIncidentView(saved, next);
}

export async function updateIncident(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  input: IncidentUpdate,
): Promise<Incident> {
  const current = await loadIncidentForWork(deps, viewer, id);
  if (input.version !== undefined && input.version !== current.row.version) {
    throw new DomainError('CONFLICT', `the incident changed since version ${input.version}; reload it`, {
      field: 'version',
    });
  }
  // The owner stays the owner whoever edits: only label, caveats and shares change.
  const proposed = input.marking
    ? buildMarking(input.marking, {
        agencyId: current.marking.ownerAgencyId,
        userId: current.marking.authorUserId,
      })
    : undefined;
  decideIncidentEdit(
    viewer,
    { name: current.row.name, status: current.row.status as IncidentStatus, marking: current.marking },
    proposed,
  );
  if (proposed) await assertShareTargets(deps.database.db, proposed);
  const { marking: _marking, version: _version, area, jurisdictions, ...plain } = input;
  const fields: Partial<IncidentTable> = {
    ...plain,
    ...(area !== undefined ? { area: area ? JSON.stringify(area) : null } : {}),
    ...(jurisdictions !== undefined ? { jurisdictions: JSON.stringify(jurisdictions) } : {}),
  };
  const change = {
    ...plain,
    ...(proposed ? { marking: { from: current.marking.tlp, to: proposed.tlp } } : {}),
  };
  return saveIncident(deps, viewer, current, fields, proposed ?? current.marking, 'incident.updated', change);
}

export async function transitionIncident(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  input: { status: IncidentStatus; note?: string | undefined },
): Promise<Incident> {
  const current = await loadIncidentForWork(deps, viewer, id);
  const from = current.row.status as IncidentStatus;
  decideIncidentEdit(viewer, { name: current.row.name, status: 'active', marking: current.marking });
  const to = decideIncidentTransition(current.row.name, from, input.status);
  const at = deps.now().toISOString();
  return saveIncident(
    deps,
    viewer,
    current,
    { status: to, closed_at: to === 'closed' ? at : null },
    current.marking,
    'incident.status-changed',
    { status: { from, to }, ...(input.note ? { note: input.note } : {}) },
  );
}

export async function listIncidentItems(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  collection?: IncidentCollection,
): Promise<IncidentItem[]> {
  await loadIncidentForWork(deps, viewer, id);
  return (await listItems(deps.database.db, id, collection)).map(toItemView);
}

/** Completes a body with what the server knows: times default to now, positions start unrelieved. */
function completeBody(
  collection: IncidentCollection,
  body: Record<string, unknown>,
  at: string,
): Record<string, unknown> {
  switch (collection) {
    case 'positions':
      return { ...body, assignedAt: at, relievedAt: null };
    case 'log':
      return { ...body, at: body.at ? new Date(String(body.at)).toISOString() : at };
    case 'decisions':
      return {
        ...body,
        decidedAt: body.decidedAt ? new Date(String(body.decidedAt)).toISOString() : at,
        outcome: null,
        outcomeRecordedAt: null,
      };
    default:
      return body;
  }
}

export async function addIncidentItem(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  collection: IncidentCollection,
  input: Record<string, unknown>,
): Promise<IncidentItem> {
  const { db, engine } = deps.database;
  const current = await loadIncidentForWork(deps, viewer, id);
  decideIncidentEdit(viewer, {
    name: current.row.name,
    status: current.row.status as IncidentStatus,
    marking: current.marking,
  });
  const periodId = typeof input.periodId === 'string' ? input.periodId : null;
  if (periodId) {
    const period = await findItem(db, id, periodId);
    if (period?.collection !== 'periods') {
      throw new DomainError('VALIDATION_FAILED', `no operational period ${periodId} in this incident`, {
        field: 'periodId',
      });
    }
  }
  const at = deps.now().toISOString();
  const body = completeBody(collection, input, at);
  const itemId = randomUUID();
  const row = await db.transaction().execute(async (trx) => {
    // A new holder of a position relieves the one before: the position's history stays in the record.
    const relieved: string[] = [];
    if (collection === 'positions') {
      for (const held of await listItems(trx, id, 'positions')) {
        const heldBody = JSON.parse(held.body) as ItemBodies['positions'];
        if (
          heldBody.position === input.position &&
          heldBody.relievedAt === null &&
          heldBody.position !== 'agency-representative'
        ) {
          await updateItemRow(trx, held.id, held.version, {
            body: JSON.stringify({ ...heldBody, relievedAt: at }),
            updated_at: at,
          });
          relieved.push(held.id);
        }
      }
    }
    const item: IncidentItemTable = {
      id: itemId,
      incident_id: id,
      collection,
      number: await nextItemNumber(trx, id, collection),
      period_id: periodId,
      body: JSON.stringify(body),
      created_by: viewer.userId,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    await insertItem(trx, item);
    await appendJournal(
      trx,
      engine,
      draft(
        viewer,
        at,
        `incident.${collection}.added`,
        id,
        { markingId: current.row.marking_id, marking: current.marking },
        {
          itemId,
          number: item.number,
          ...(relieved.length ? { relieved } : {}),
        },
      ),
    );
    return item;
  });
  void deps.hub.notify();
  return toItemView(row);
}

export async function updateIncidentItem(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  collection: IncidentCollection,
  itemId: string,
  change: Record<string, unknown>,
): Promise<IncidentItem> {
  const { db, engine } = deps.database;
  const current = await loadIncidentForWork(deps, viewer, id);
  decideIncidentEdit(viewer, {
    name: current.row.name,
    status: current.row.status as IncidentStatus,
    marking: current.marking,
  });
  const item = await findItem(db, id, itemId);
  if (!item || item.collection !== collection)
    throw new DomainError('NOT_FOUND', `no ${collection} item ${itemId}`);
  const at = deps.now().toISOString();
  const body = decideItemUpdate(
    collection,
    JSON.parse(item.body) as ItemBodies[typeof collection],
    change,
    at,
  );
  const saved = await db.transaction().execute(async (trx) => {
    if (!(await updateItemRow(trx, itemId, item.version, { body: JSON.stringify(body), updated_at: at }))) {
      throw new DomainError('CONFLICT', 'the item changed meanwhile; reload it', { field: 'version' });
    }
    await appendJournal(
      trx,
      engine,
      draft(
        viewer,
        at,
        `incident.${collection}.updated`,
        id,
        { markingId: current.row.marking_id, marking: current.marking },
        {
          itemId,
          fields: Object.keys(change),
        },
      ),
    );
    return { ...item, body: JSON.stringify(body), updated_at: at, version: item.version + 1 };
  });
  void deps.hub.notify();
  return toItemView(saved);
}
