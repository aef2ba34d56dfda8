import type { Asset, CisaSector, Edge, EdgeCreate, Marking } from '@vigil/core';
import { toMarkingView } from '../platform/access/marking-view.ts';
import type { AssetRow, EdgeRow } from './infrastructure.store.ts';

/** The presenter: names every field a client gets, so a new column never leaks by accident. */
export function toAssetView(row: AssetRow, marking: Marking): Asset {
  return {
    id: row.id,
    name: row.name,
    sector: row.sector as CisaSector,
    subsector: row.subsector,
    type: row.type,
    lon: Number(row.lon),
    lat: Number(row.lat),
    operator: row.operator,
    capacity: row.capacity === null ? null : Number(row.capacity),
    capacityUnit: row.capacity_unit,
    populationServed: Number(row.population_served),
    backupHours: Number(row.backup_hours),
    criticality: Number(row.criticality),
    countyFips: row.county_fips,
    source: row.source,
    marking: toMarkingView(marking),
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toEdgeView(row: EdgeRow): Edge {
  return {
    id: row.id,
    supplierId: row.supplier_id,
    dependentId: row.dependent_id,
    type: row.type as EdgeCreate['type'],
    k: Number(row.k),
    createdAt: row.created_at,
  };
}
