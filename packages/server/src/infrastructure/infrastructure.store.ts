import type { AssetListQuery, Viewer } from '@vigil/core';
import { type SqlBool, sql } from 'kysely';
import { visibleMarkings } from '../platform/access/visible-markings.ts';
import type { InfrastructureAssetTable, InfrastructureEdgeTable } from '../platform/database/schema.ts';
import type { Executor } from '../platform/database/transaction.ts';

export type AssetRow = InfrastructureAssetTable & { tlp: string; owner_agency_id: string };

/** Assets joined with their marking and filtered by the viewer in SQL: what is hidden never leaves the database. */
function visibleAssets(db: Executor, viewer: Viewer) {
  return db
    .selectFrom('infrastructure_assets as a')
    .innerJoin('markings as m', 'm.id', 'a.marking_id')
    .where(visibleMarkings(viewer));
}

const assetColumns = [
  'a.id',
  'a.name',
  'a.sector',
  'a.subsector',
  'a.type',
  'a.lon',
  'a.lat',
  'a.county_fips',
  'a.operator',
  'a.capacity',
  'a.capacity_unit',
  'a.population_served',
  'a.backup_hours',
  'a.criticality',
  'a.source',
  'a.marking_id',
  'a.version',
  'a.created_at',
  'a.updated_at',
  'm.tlp',
  'm.owner_agency_id',
] as const;

export async function findVisibleAsset(
  db: Executor,
  viewer: Viewer,
  id: string,
): Promise<AssetRow | undefined> {
  return visibleAssets(db, viewer).select(assetColumns).where('a.id', '=', id).executeTakeFirst();
}

export async function findVisibleAssets(
  db: Executor,
  viewer: Viewer,
  ids: readonly string[],
): Promise<AssetRow[]> {
  const rows: AssetRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...(await visibleAssets(db, viewer)
        .select(assetColumns)
        .where('a.id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  return rows;
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listVisibleAssets(
  db: Executor,
  viewer: Viewer,
  query: AssetListQuery,
): Promise<{ rows: AssetRow[]; total: number }> {
  let filtered = visibleAssets(db, viewer);
  if (query.sector) filtered = filtered.where('a.sector', '=', query.sector);
  if (query.countyFips) filtered = filtered.where('a.county_fips', '=', query.countyFips);
  if (query.q) {
    const pattern = likePattern(query.q);
    filtered = filtered.where(sql<SqlBool>`lower(a.name) like ${pattern} escape '\\'`);
  }
  const [rows, count] = await Promise.all([
    filtered
      .select(assetColumns)
      .orderBy('a.name')
      .orderBy('a.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** Every asset the viewer may see, for the graph, the map and exports. */
export async function listAllVisibleAssets(db: Executor, viewer: Viewer): Promise<AssetRow[]> {
  return visibleAssets(db, viewer).select(assetColumns).orderBy('a.id').execute();
}

export type EdgeRow = InfrastructureEdgeTable;

/** Edges whose supplier and dependent the viewer may both see (each checked against its own marking). */
function visibleEdges(db: Executor, viewer: Viewer) {
  return db
    .selectFrom('infrastructure_edges as e')
    .innerJoin('infrastructure_assets as s', 's.id', 'e.supplier_id')
    .innerJoin('markings as ms', 'ms.id', 's.marking_id')
    .innerJoin('infrastructure_assets as d', 'd.id', 'e.dependent_id')
    .innerJoin('markings as md', 'md.id', 'd.marking_id')
    .where(visibleMarkings(viewer, 'ms'))
    .where(visibleMarkings(viewer, 'md'));
}

const edgeColumns = [
  'e.id',
  'e.supplier_id',
  'e.dependent_id',
  'e.type',
  'e.k',
  'e.created_at',
  'e.updated_at',
] as const;

export async function listVisibleEdges(
  db: Executor,
  viewer: Viewer,
  options: { assetId?: string; limit?: number; offset?: number } = {},
): Promise<{ rows: EdgeRow[]; total: number }> {
  let filtered = visibleEdges(db, viewer);
  if (options.assetId) {
    const id = options.assetId;
    filtered = filtered.where((eb) => eb.or([eb('e.supplier_id', '=', id), eb('e.dependent_id', '=', id)]));
  }
  let page = filtered
    .select(edgeColumns)
    .orderBy('e.dependent_id')
    .orderBy('e.type')
    .orderBy('e.supplier_id');
  if (options.limit !== undefined) page = page.limit(options.limit).offset(options.offset ?? 0);
  const [rows, count] = await Promise.all([
    page.execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export async function findVisibleEdge(
  db: Executor,
  viewer: Viewer,
  id: string,
): Promise<EdgeRow | undefined> {
  return visibleEdges(db, viewer).select(edgeColumns).where('e.id', '=', id).executeTakeFirst();
}

/**
 * How many suppliers each requirement (dependent, type) of a visible dependent has in all,
 * hidden ones included: the simulation counts a supplier the viewer may not see as working,
 * so that hiding it never turns a redundant feed into a single one.
 */
export async function countRequirementSuppliers(
  db: Executor,
  viewer: Viewer,
): Promise<{ dependent_id: string; type: string; suppliers: number; k: number }[]> {
  const rows = await db
    .selectFrom('infrastructure_edges as e')
    .innerJoin('infrastructure_assets as d', 'd.id', 'e.dependent_id')
    .innerJoin('markings as m', 'm.id', 'd.marking_id')
    .where(visibleMarkings(viewer))
    .select([
      'e.dependent_id',
      'e.type',
      (eb) => eb.fn.countAll<number>().as('suppliers'),
      (eb) => eb.fn.max<number>('e.k').as('k'),
    ])
    .groupBy(['e.dependent_id', 'e.type'])
    .execute();
  return rows.map((row) => ({ ...row, suppliers: Number(row.suppliers), k: Number(row.k) }));
}

/** All edges of one requirement, visible or not: k must fit the real number of suppliers. */
export async function listRequirementEdges(
  db: Executor,
  dependentId: string,
  type: string,
): Promise<EdgeRow[]> {
  return db
    .selectFrom('infrastructure_edges')
    .selectAll()
    .where('dependent_id', '=', dependentId)
    .where('type', '=', type)
    .execute();
}

/** Multi-row inserts in slices that stay under SQLite's bound-parameter limit. */
export async function insertAssetRows(db: Executor, rows: InfrastructureAssetTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) {
    await db
      .insertInto('infrastructure_assets')
      .values(rows.slice(i, i + 400))
      .execute();
  }
}

export async function insertEdgeRows(db: Executor, rows: InfrastructureEdgeTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('infrastructure_edges')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

export async function assetIdsTaken(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('infrastructure_assets')
      .select('id')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) taken.add(row.id);
  }
  return taken;
}

export async function updateAssetRow(
  db: Executor,
  id: string,
  expectedVersion: number,
  fields: Partial<Omit<InfrastructureAssetTable, 'id'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('infrastructure_assets')
    .set(fields)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setRequirementK(
  db: Executor,
  dependentId: string,
  type: string,
  k: number,
  at: string,
): Promise<void> {
  await db
    .updateTable('infrastructure_edges')
    .set({ k, updated_at: at })
    .where('dependent_id', '=', dependentId)
    .where('type', '=', type)
    .execute();
}

export async function deleteEdgeRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('infrastructure_edges').where('id', '=', id).execute();
}
