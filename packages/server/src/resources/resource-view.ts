import {
  accrueCost,
  describeResourceType,
  type Marking,
  type RequestPriority,
  type RequestStatus,
  type Resource,
  type ResourceRequest,
  type ResourceStatus,
} from '@vigil/core';
import { toMarkingView } from '../platform/access/marking-view.ts';
import type { ResourceAssignmentTable } from '../platform/database/schema.ts';
import type { RequestRow, ResourceRow } from './resources.store.ts';

/** The presenter: names every field a client gets, so a new column never leaks by accident. */
export function toResourceView(row: Omit<ResourceRow, 'tlp'>, marking: Marking): Resource {
  const type = describeResourceType(row.resource_type);
  return {
    id: row.id,
    name: row.name,
    resourceType: row.resource_type,
    typeLabel: type.label,
    category: type.definition?.category ?? null,
    kind: type.definition?.kind ?? null,
    agencyId: row.agency_id,
    status: row.status as ResourceStatus,
    lat: row.lat,
    lon: row.lon,
    homeLat: row.home_lat,
    homeLon: row.home_lon,
    incidentId: row.incident_id,
    requestId: row.request_id,
    costRateUsdPerHour: row.cost_rate,
    marking: toMarkingView(marking),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toRequestView(
  row: Omit<RequestRow, 'tlp'>,
  marking: Marking,
  context: { assignments: readonly ResourceAssignmentTable[]; requesterName: string; now: string },
): ResourceRequest {
  const costUsd = context.assignments
    .filter((assignment) => assignment.request_id === row.id)
    .reduce((sum, a) => sum + accrueCost(a.assigned_at, a.released_at, context.now, a.rate), 0);
  return {
    id: row.id,
    number: row.number,
    incidentId: row.incident_id,
    quantity: row.quantity,
    resourceType: row.resource_type,
    typeLabel: describeResourceType(row.resource_type).label,
    description: row.description,
    requestedArrival: row.requested_arrival,
    estimatedArrival: row.estimated_arrival,
    deliveryLocation: row.delivery_location,
    deliveryLat: row.delivery_lat,
    deliveryLon: row.delivery_lon,
    substitutes: row.substitutes,
    priority: row.priority as RequestPriority,
    requestedByUserId: row.requested_by,
    requestedByName: context.requesterName,
    requestedByPosition: row.requested_by_position,
    status: row.status as RequestStatus,
    supplierAgencyId: row.supplier_agency_id,
    resourceIds: JSON.parse(row.resource_ids) as string[],
    note: row.note,
    costUsd: Math.round(costUsd * 100) / 100,
    steps: JSON.parse(row.steps) as ResourceRequest['steps'],
    marking: toMarkingView(marking),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
