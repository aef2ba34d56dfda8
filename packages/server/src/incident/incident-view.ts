import type {
  Incident,
  IncidentArea,
  IncidentCategory,
  IncidentItem,
  IncidentSeverity,
  IncidentStatus,
  Marking,
} from '@vigil/core';
import { toMarkingView } from '../platform/access/marking-view.ts';
import type { IncidentItemTable } from '../platform/database/schema.ts';
import type { IncidentRow } from './incident.store.ts';

/** The presenter: names every field a client gets, so a new column never leaks by accident. */
export function toIncidentView(row: Omit<IncidentRow, 'tlp'>, marking: Marking): Incident {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    category: row.category as IncidentCategory,
    hazard: row.hazard,
    description: row.description,
    status: row.status as IncidentStatus,
    severity: row.severity as IncidentSeverity,
    complexity: row.complexity,
    lat: row.lat,
    lon: row.lon,
    area: row.area ? (JSON.parse(row.area) as IncidentArea) : null,
    jurisdictions: JSON.parse(row.jurisdictions) as string[],
    startedAt: row.started_at,
    closedAt: row.closed_at,
    createdByUserId: row.created_by,
    marking: toMarkingView(marking),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toItemView(row: IncidentItemTable): IncidentItem {
  return {
    id: row.id,
    incidentId: row.incident_id,
    collection: row.collection as IncidentItem['collection'],
    number: row.number,
    periodId: row.period_id,
    body: JSON.parse(row.body) as IncidentItem['body'],
    createdByUserId: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  } as IncidentItem;
}
