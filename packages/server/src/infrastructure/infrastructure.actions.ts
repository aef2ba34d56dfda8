import { randomUUID } from 'node:crypto';
import {
  type Asset,
  type AssetCreate,
  type AssetList,
  type AssetListQuery,
  type AssetUpdate,
  buildMarking,
  DomainError,
  decideAssetMarking,
  type JournalDraft,
  type Marking,
  type MarkingInput,
  mostRestrictiveTlp,
  sameMarking,
  type Viewer,
} from '@vigil/core';
import { assertShareTargets, insertMarking, loadMarkings } from '../platform/access/marking.store.ts';
import type { InfrastructureAssetTable } from '../platform/database/schema.ts';
import type { Trx } from '../platform/database/transaction.ts';
import type { AppDeps } from '../platform/deps.ts';
import { appendJournal } from '../platform/journal/journal.store.ts';
import { toAssetView } from './asset-view.ts';
import {
  type AssetRow,
  assetIdsTaken,
  findVisibleAsset,
  insertAssetRows,
  listVisibleAssets,
  updateAssetRow,
} from './infrastructure.store.ts';

export type AssetFields = Omit<AssetCreate, 'marking'>;

export function journalDraft(
  viewer: Viewer,
  at: string,
  action: string,
  entity: { type: 'infrastructure-asset' | 'infrastructure-edge'; id: string },
  markingId: string,
  marking: Marking,
  change: JournalDraft['change'],
): JournalDraft {
  return {
    at,
    actorUserId: viewer.userId,
    actorAgencyId: viewer.agencyId,
    action,
    kind: 'change',
    entityType: entity.type,
    entityId: entity.id,
    change,
    markingId,
    marking: { tlp: marking.tlp, caveats: marking.caveats, ownerAgencyId: marking.ownerAgencyId },
  };
}

/**
 * Assets carry PCII at most: an LES or PII caveat would make every map, graph and
 * simulation a sensitive read to journal per record, which the module does not do.
 */
function assertAssetCaveats(marking: Marking): void {
  const index = marking.caveats.findIndex((caveat) => caveat !== 'PCII');
  if (index >= 0) {
    throw new DomainError('VALIDATION_FAILED', 'infrastructure assets take the PCII caveat only', {
      field: `marking.caveats[${index}]`,
    });
  }
}

export async function markingsOf(deps: AppDeps, rows: AssetRow[]): Promise<Map<string, Marking>> {
  return loadMarkings(
    deps.database.db,
    rows.map((row) => row.marking_id),
  );
}

/**
 * Registers assets under one marking owned by the caller's agency, in one transaction with
 * one journal entry per asset. Used by the API (one asset), the import and the demo seed.
 */
export async function createAssets(
  deps: AppDeps,
  viewer: Viewer,
  inputs: readonly AssetFields[],
  markingInput: MarkingInput,
  via: 'api' | 'import' | 'seed',
): Promise<Asset[]> {
  const { db, engine } = deps.database;
  const marking = buildMarking(markingInput, { agencyId: viewer.agencyId, userId: viewer.userId });
  assertAssetCaveats(marking);
  await assertShareTargets(db, marking);
  const ids = inputs.map((input) => input.id ?? randomUUID());
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) {
      throw new DomainError('CONFLICT', `asset id ${id} appears twice`, {
        field: inputs.length > 1 ? `[${i}].id` : 'id',
      });
    }
    seen.add(id);
  });
  const taken = await assetIdsTaken(db, ids);
  const clash = ids.findIndex((id) => taken.has(id));
  if (clash >= 0) {
    throw new DomainError('CONFLICT', `an asset with id ${ids[clash]} exists`, {
      field: inputs.length > 1 ? `[${clash}].id` : 'id',
    });
  }
  const at = deps.now().toISOString();
  const rows = await db.transaction().execute(async (trx: Trx) => {
    const markingId = await insertMarking(trx, marking, at);
    const rows: InfrastructureAssetTable[] = inputs.map((input, i) => ({
      id: ids[i] as string,
      name: input.name,
      sector: input.sector,
      subsector: input.subsector,
      type: input.type,
      lon: input.lon,
      lat: input.lat,
      county_fips: input.countyFips,
      operator: input.operator,
      capacity: input.capacity,
      capacity_unit: input.capacityUnit,
      population_served: input.populationServed,
      backup_hours: input.backupHours,
      criticality: input.criticality,
      source: input.source,
      marking_id: markingId,
      version: 1,
      created_at: at,
      updated_at: at,
    }));
    await insertAssetRows(trx, rows);
    for (const row of rows) {
      await appendJournal(
        trx,
        engine,
        journalDraft(
          viewer,
          at,
          'infrastructure-asset.created',
          { type: 'infrastructure-asset', id: row.id },
          markingId,
          marking,
          {
            name: row.name,
            sector: row.sector,
            via,
          },
        ),
      );
    }
    return rows;
  });
  void deps.hub.notify();
  return rows.map((row) =>
    toAssetView({ ...row, tlp: marking.tlp, owner_agency_id: marking.ownerAgencyId }, marking),
  );
}

export async function loadVisibleAsset(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
): Promise<{ row: AssetRow; marking: Marking }> {
  const row = await findVisibleAsset(deps.database.db, viewer, id);
  // Absent and hidden answer alike: a 403 would confirm that the asset exists.
  if (!row) throw new DomainError('NOT_FOUND', `no asset ${id}`);
  const marking = (await markingsOf(deps, [row])).get(row.marking_id);
  if (!marking) throw new Error(`asset ${id} points at missing marking ${row.marking_id}`);
  return { row, marking };
}

export async function readAsset(deps: AppDeps, viewer: Viewer, id: string): Promise<Asset> {
  const { row, marking } = await loadVisibleAsset(deps, viewer, id);
  return toAssetView(row, marking);
}

export async function listAssets(deps: AppDeps, viewer: Viewer, query: AssetListQuery): Promise<AssetList> {
  const { rows, total } = await listVisibleAssets(deps.database.db, viewer, query);
  const markings = await markingsOf(deps, rows);
  const items = rows.map((row) => toAssetView(row, markings.get(row.marking_id) as Marking));
  return { items, total, marking: mostRestrictiveTlp(items.map((item) => item.marking.tlp)) };
}

export async function updateAsset(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  input: AssetUpdate,
): Promise<Asset> {
  const { db, engine } = deps.database;
  const { row, marking: current } = await loadVisibleAsset(deps, viewer, id);
  const proposed = input.marking
    ? buildMarking(input.marking, { agencyId: current.ownerAgencyId, userId: current.authorUserId })
    : undefined;
  const marking = decideAssetMarking(viewer, current, proposed);
  assertAssetCaveats(marking);
  if (input.version !== undefined && input.version !== Number(row.version)) {
    throw new DomainError('CONFLICT', `the asset changed since version ${input.version}; reload it`, {
      field: 'version',
    });
  }
  if (proposed) await assertShareTargets(db, proposed);
  const fields: Partial<InfrastructureAssetTable> = {};
  const changed: Record<string, string | number | null> = {};
  const set = <K extends keyof InfrastructureAssetTable>(
    column: K,
    key: string,
    value: InfrastructureAssetTable[K] | undefined,
  ) => {
    if (value === undefined || value === row[column]) return;
    fields[column] = value;
    changed[key] = value as string | number | null;
  };
  set('name', 'name', input.name);
  set('subsector', 'subsector', input.subsector);
  set('operator', 'operator', input.operator);
  set('capacity', 'capacity', input.capacity);
  set('population_served', 'populationServed', input.populationServed);
  set('backup_hours', 'backupHours', input.backupHours);
  set('criticality', 'criticality', input.criticality);
  const markingChanged = !sameMarking(current, marking);
  if (Object.keys(fields).length === 0 && !markingChanged) return toAssetView(row, current);
  const at = deps.now().toISOString();
  const saved = await db.transaction().execute(async (trx: Trx) => {
    const markingId = markingChanged ? await insertMarking(trx, marking, at) : row.marking_id;
    const update = { ...fields, marking_id: markingId, version: Number(row.version) + 1, updated_at: at };
    if (!(await updateAssetRow(trx, id, Number(row.version), update))) {
      throw new DomainError('CONFLICT', 'the asset changed while you edited it; reload it', {
        field: 'version',
      });
    }
    const change = markingChanged ? { ...changed, marking: { from: current.tlp, to: marking.tlp } } : changed;
    await appendJournal(
      trx,
      engine,
      journalDraft(
        viewer,
        at,
        'infrastructure-asset.updated',
        { type: 'infrastructure-asset', id },
        markingId,
        marking,
        change,
      ),
    );
    return { ...row, ...update, tlp: marking.tlp };
  });
  void deps.hub.notify();
  return toAssetView(saved, marking);
}
