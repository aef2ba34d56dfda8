import { randomUUID } from 'node:crypto';
import {
  buildMarking,
  DomainError,
  decideIncidentEdit,
  decideOffer,
  decideRequestStep,
  estimateArrivalMinutes,
  greatCircleKm,
  holdingStatuses,
  type Marking,
  type RequestActionInput,
  type RequestCreate,
  type RequestListQuery,
  type RequestState,
  type RequestStatus,
  type ResourceRequest,
  sameMarking,
  tlpRank,
  type Viewer,
} from '@vigil/core';
import { loadIncidentForWork } from '../incident/index.ts';
import { assertShareTargets, insertMarking, loadMarkings } from '../platform/access/marking.store.ts';
import type { ResourceRequestTable } from '../platform/database/schema.ts';
import type { Trx } from '../platform/database/transaction.ts';
import type { AppDeps } from '../platform/deps.ts';
import { appendJournal } from '../platform/journal/journal.store.ts';
import { markedDraft } from './marked-draft.ts';
import { presentRequests } from './present-requests.ts';
import {
  countRequests,
  findResourcesForDecision,
  findVisibleRequest,
  findVisibleResources,
  insertAssignment,
  insertRequest,
  listVisibleRequests,
  type RequestRow,
  releaseAssignments,
  updateRequestRow,
  updateResourceRow,
} from './resources.store.ts';

/**
 * ICS 213RR: a request for an incident the requester works on. By default it carries the
 * incident's share list at TLP:AMBER or stricter, so an unrelated agency never sees it
 * even when the incident itself is public.
 */
export async function createRequest(
  deps: AppDeps,
  viewer: Viewer,
  incidentId: string,
  input: RequestCreate,
): Promise<ResourceRequest> {
  const { db, engine } = deps.database;
  const incident = await loadIncidentForWork(deps, viewer, incidentId);
  decideIncidentEdit(viewer, {
    name: incident.row.name,
    status: incident.row.status as 'active',
    marking: incident.marking,
  });
  const inherited = incident.marking;
  const tlp = tlpRank(inherited.tlp) > tlpRank('AMBER') ? inherited.tlp : 'AMBER';
  const defaultShares =
    tlp === 'RED' ? inherited.shareUserIds : inherited.shareAgencyIds.filter((id) => id !== viewer.agencyId);
  const marking = buildMarking(
    input.marking ?? { tlp, ...(defaultShares.length ? { shareWith: defaultShares } : {}) },
    viewer,
  );
  await assertShareTargets(db, marking);
  const at = deps.now().toISOString();
  const id = randomUUID();
  const row = await db.transaction().execute(async (trx) => {
    const markingId = await insertMarking(trx, marking, at);
    const request: ResourceRequestTable = {
      id,
      number: `RR-${(await countRequests(trx, incidentId)) + 1}`,
      incident_id: incidentId,
      quantity: input.quantity,
      resource_type: input.resourceType,
      description: input.description,
      requested_arrival: input.requestedArrival ?? null,
      estimated_arrival: null,
      delivery_location: input.deliveryLocation,
      delivery_lat: input.deliveryLat,
      delivery_lon: input.deliveryLon,
      substitutes: input.substitutes,
      priority: input.priority,
      requested_by: viewer.userId,
      requested_by_position: input.requestedByPosition,
      status: 'requested',
      supplier_agency_id: null,
      resource_ids: '[]',
      note: null,
      steps: JSON.stringify([{ status: 'requested', at }]),
      marking_id: markingId,
      version: 1,
      created_at: at,
      updated_at: at,
    };
    await insertRequest(trx, request);
    await appendJournal(
      trx,
      engine,
      markedDraft(
        viewer,
        at,
        'resource-request.created',
        { type: 'resource-request', id },
        { markingId, marking },
        {
          number: request.number,
          incidentId,
          quantity: input.quantity,
          resourceType: input.resourceType,
          priority: input.priority,
        },
      ),
    );
    return request;
  });
  void deps.hub.notify();
  return (await presentRequests(deps, [row]))[0] as ResourceRequest;
}

export async function listRequests(
  deps: AppDeps,
  viewer: Viewer,
  query: RequestListQuery,
): Promise<{ items: ResourceRequest[] }> {
  const rows = await listVisibleRequests(deps.database.db, viewer, query);
  return { items: await presentRequests(deps, rows) };
}

async function loadRequest(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
): Promise<{ row: RequestRow; marking: Marking }> {
  const row = await findVisibleRequest(deps.database.db, viewer, id);
  if (!row) throw new DomainError('NOT_FOUND', `no resource request ${id}`);
  const marking = (await loadMarkings(deps.database.db, [row.marking_id])).get(row.marking_id) as Marking;
  return { row, marking };
}

export async function readRequest(deps: AppDeps, viewer: Viewer, id: string): Promise<ResourceRequest> {
  const { row } = await loadRequest(deps, viewer, id);
  return (await presentRequests(deps, [row]))[0] as ResourceRequest;
}

type ResourceChange = {
  id: string;
  fields: {
    status: string;
    incident_id: string | null;
    request_id: string | null;
    lat?: number;
    lon?: number;
  };
  action: string;
};

/** Moves one resource inside the action's transaction, journaled under the resource's own marking. */
async function changeResource(
  trx: Trx,
  deps: AppDeps,
  viewer: Viewer,
  at: string,
  change: ResourceChange,
): Promise<void> {
  const resource = (await findResourcesForDecision(trx, [change.id]))[0];
  if (!resource) throw new DomainError('NOT_FOUND', `no resource ${change.id}`);
  const marking = (await loadMarkings(trx, [resource.marking_id])).get(resource.marking_id) as Marking;
  const entry = await appendJournal(
    trx,
    deps.database.engine,
    markedDraft(
      viewer,
      at,
      change.action,
      { type: 'resource', id: resource.id },
      { markingId: resource.marking_id, marking },
      {
        status: { from: resource.status, to: change.fields.status },
        requestId: change.fields.request_id ?? resource.request_id,
      },
    ),
  );
  const ok = await updateResourceRow(trx, resource.id, resource.version, {
    ...change.fields,
    updated_at: at,
    journal_seq: entry.seq,
  });
  if (!ok)
    throw new DomainError('CONFLICT', `resource ${resource.name} changed meanwhile; retry`, {
      field: 'resourceIds',
    });
}

/**
 * One step of the request, with everything it moves: resources assigned on a fill, moved to
 * the reporting location at check-in, sent home and released on demobilization or cancel.
 */
export async function actOnRequest(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  input: RequestActionInput,
): Promise<ResourceRequest> {
  const { db, engine } = deps.database;
  const { row, marking } = await loadRequest(deps, viewer, id);
  const state: RequestState = {
    number: row.number,
    status: row.status as RequestStatus,
    quantity: row.quantity,
    resourceType: row.resource_type,
    requesterAgencyId: marking.ownerAgencyId,
    supplierAgencyId: row.supplier_agency_id,
  };
  let next = decideRequestStep(viewer, state, input.action);
  const at = deps.now().toISOString();
  const current: string[] = JSON.parse(row.resource_ids);
  let resourceIds = current;
  let supplier = row.supplier_agency_id;
  let nextMarking = marking;
  let assign = false;
  let estimatedArrival = row.estimated_arrival;

  const offered = async (ids: string[], visibleOnly: boolean) => {
    const rows = visibleOnly
      ? await findVisibleResources(db, viewer, ids)
      : await findResourcesForDecision(db, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((rid, index) => {
      const found = byId.get(rid);
      if (!found)
        throw new DomainError('VALIDATION_FAILED', `no resource ${rid}`, { field: `resourceIds[${index}]` });
      return found;
    });
  };
  const eta = (rows: { resource_type: string; lat: number; lon: number }[]) => {
    const minutes = Math.max(
      ...rows.map((r) =>
        estimateArrivalMinutes(
          r.resource_type,
          greatCircleKm(r, { lat: row.delivery_lat, lon: row.delivery_lon }),
        ),
      ),
    );
    return new Date(Date.parse(at) + minutes * 60_000).toISOString();
  };

  if (
    input.action === 'fill' ||
    input.action === 'counter-offer' ||
    (input.action === 'accept' && input.resourceIds)
  ) {
    const rows = await offered(input.resourceIds ?? [], true);
    const decided = decideOffer(
      state,
      rows.map((r) => ({ id: r.id, agencyId: r.agency_id, resourceType: r.resource_type, status: r.status })),
    );
    if (input.action !== 'fill' && decided.agencyId !== state.supplierAgencyId) {
      throw new DomainError('VALIDATION_FAILED', 'offer resources of your own agency', {
        field: 'resourceIds',
      });
    }
    resourceIds = rows.map((r) => r.id);
    estimatedArrival = eta(rows);
    supplier = decided.agencyId;
    if (input.action === 'fill' && !decided.ownInventory) {
      // Mutual aid: the supplier must see the request to answer it, so it joins the share list.
      next = 'mutual-aid-requested';
      if (marking.tlp === 'RED') {
        throw new DomainError(
          'VALIDATION_FAILED',
          'a TLP:RED request names people; lower it to ask another agency',
          { field: 'resourceIds' },
        );
      }
      if (!marking.shareAgencyIds.includes(decided.agencyId)) {
        nextMarking = { ...marking, shareAgencyIds: [...marking.shareAgencyIds, decided.agencyId] };
      }
    }
    assign = next === 'filled';
  } else if (input.action === 'accept' || input.action === 'accept-counter') {
    const rows = await offered(current, false);
    decideOffer(
      state,
      rows.map((r) => ({ id: r.id, agencyId: r.agency_id, resourceType: r.resource_type, status: r.status })),
    );
    estimatedArrival = eta(rows);
    assign = true;
  } else if (input.action === 'decline' || input.action === 'reject-counter') {
    resourceIds = [];
    supplier = input.action === 'decline' ? null : row.supplier_agency_id;
    if (input.action === 'reject-counter') supplier = null;
    estimatedArrival = null;
  }
  const releasing =
    input.action === 'demobilize' || (input.action === 'cancel' && holdingStatuses.includes(state.status));

  const saved = await db.transaction().execute(async (trx) => {
    const markingId = sameMarking(marking, nextMarking)
      ? row.marking_id
      : await insertMarking(trx, nextMarking, at);
    if (assign) {
      for (const resourceId of resourceIds) {
        await changeResource(trx, deps, viewer, at, {
          id: resourceId,
          action: 'resource.assigned',
          fields: { status: 'assigned', incident_id: row.incident_id, request_id: row.id },
        });
        const rate = (await findResourcesForDecision(trx, [resourceId]))[0]?.cost_rate ?? 0;
        await insertAssignment(trx, {
          request_id: row.id,
          resource_id: resourceId,
          incident_id: row.incident_id,
          assigned_at: at,
          released_at: null,
          rate,
        });
      }
    }
    if (input.action === 'check-in') {
      for (const resourceId of resourceIds) {
        await changeResource(trx, deps, viewer, at, {
          id: resourceId,
          action: 'resource.checked-in',
          fields: {
            status: 'assigned',
            incident_id: row.incident_id,
            request_id: row.id,
            lat: row.delivery_lat,
            lon: row.delivery_lon,
          },
        });
      }
    }
    if (releasing) {
      for (const resource of await findResourcesForDecision(trx, resourceIds)) {
        await changeResource(trx, deps, viewer, at, {
          id: resource.id,
          action: 'resource.released',
          fields: {
            status: 'available',
            incident_id: null,
            request_id: null,
            lat: resource.home_lat,
            lon: resource.home_lon,
          },
        });
      }
      await releaseAssignments(trx, row.id, at);
    }
    const fields: Partial<ResourceRequestTable> = {
      status: next,
      supplier_agency_id: supplier,
      resource_ids: JSON.stringify(resourceIds),
      note: input.note ?? row.note,
      estimated_arrival: estimatedArrival,
      steps: JSON.stringify([...JSON.parse(row.steps), { status: next, at }]),
      marking_id: markingId,
      updated_at: at,
    };
    if (!(await updateRequestRow(trx, row.id, row.version, fields))) {
      throw new DomainError('CONFLICT', `resource request ${row.number} changed meanwhile; reload it`, {
        field: 'version',
      });
    }
    await appendJournal(
      trx,
      engine,
      markedDraft(
        viewer,
        at,
        `resource-request.${input.action}`,
        { type: 'resource-request', id: row.id },
        { markingId, marking: nextMarking },
        {
          status: { from: state.status, to: next },
          ...(resourceIds.length ? { resourceIds } : {}),
          ...(supplier ? { supplierAgencyId: supplier } : {}),
          ...(input.note ? { note: input.note } : {}),
        },
      ),
    );
    return { ...row, ...fields, version: row.version + 1 };
  });
  void deps.hub.notify();
  return (await presentRequests(deps, [saved]))[0] as ResourceRequest;
}
