import {
  type AssetGraph,
  buildAssetGraph,
  type CascadeRequest,
  type CascadeResponse,
  type CisaSector,
  type DependencyType,
  DomainError,
  describeCascade,
  findCascadingFailures,
  type GraphAsset,
  type GraphEdge,
  isInFootprint,
  mostRestrictiveTlp,
  orderByImpact,
  type Ranking,
  type RankingQuery,
  rankSinglePointsOfFailure,
  sectorCount,
  sectorCounts,
  type TlpLabel,
  type Viewer,
} from '@vigil/core';
import type { AppDeps } from '../platform/deps.ts';
import {
  type AssetRow,
  countRequirementSuppliers,
  listAllVisibleAssets,
  listVisibleEdges,
} from './infrastructure.store.ts';

/** Ids of stand-ins for suppliers the viewer may not see; no asset id can start with a NUL. */
const hiddenPrefix = '\u0000hidden-';

export type ViewerGraph = { assetGraph: AssetGraph; rows: AssetRow[] };

/**
 * The dependency graph as this viewer may see it: visible assets, and edges whose two assets
 * are both visible. A supplier the viewer may not see is replaced by an anonymous stand-in
 * that never fails: the requirement keeps its real number of suppliers and its k (hiding a
 * second feed must not make a hospital look singly fed), and nothing about the hidden asset
 * is shown. The analysis is therefore what the viewer's own picture supports, no more.
 */
export async function loadViewerGraph(deps: AppDeps, viewer: Viewer): Promise<ViewerGraph> {
  const { db } = deps.database;
  const [rows, edges, requirements] = await Promise.all([
    listAllVisibleAssets(db, viewer),
    listVisibleEdges(db, viewer),
    countRequirementSuppliers(db, viewer),
  ]);
  const assets: GraphAsset[] = rows.map((row) => ({
    id: row.id,
    sector: row.sector as CisaSector,
    populationServed: Number(row.population_served),
    backupHours: Number(row.backup_hours),
  }));
  const graphEdges: GraphEdge[] = edges.rows.map((edge) => ({
    supplier: edge.supplier_id,
    dependent: edge.dependent_id,
    type: edge.type as DependencyType,
    k: Number(edge.k),
  }));
  const visibleCount = new Map<string, number>();
  for (const edge of graphEdges) {
    const key = `${edge.dependent}\u0000${edge.type}`;
    visibleCount.set(key, (visibleCount.get(key) ?? 0) + 1);
  }
  let standIns = 0;
  for (const requirement of requirements) {
    const hidden =
      requirement.suppliers - (visibleCount.get(`${requirement.dependent_id}\u0000${requirement.type}`) ?? 0);
    for (let h = 1; h <= hidden; h++) {
      graphEdges.push({
        supplier: `${hiddenPrefix}${h}`,
        dependent: requirement.dependent_id,
        type: requirement.type as DependencyType,
        k: requirement.k,
      });
    }
    standIns = Math.max(standIns, hidden);
  }
  for (let h = 1; h <= standIns; h++) {
    assets.push({ id: `${hiddenPrefix}${h}`, sector: 'energy', populationServed: 0, backupHours: 0 });
  }
  const built = buildAssetGraph(assets, graphEdges);
  // The database keeps requirements consistent; a refusal here means rows were written around the actions.
  if (!built.ok) throw new Error(`stored dependency graph is inconsistent: ${built.problems[0]?.reason}`);
  return { assetGraph: built.value, rows };
}

function labelOf(rows: readonly { tlp: string }[]): TlpLabel {
  return mostRestrictiveTlp(rows.map((row) => row.tlp as TlpLabel));
}

/** A what-if: named assets and/or a hazard footprint fail at hour 0; what follows, and when. */
export async function simulateCascade(
  deps: AppDeps,
  viewer: Viewer,
  request: CascadeRequest,
): Promise<CascadeResponse> {
  const { assetGraph, rows } = await loadViewerGraph(deps, viewer);
  const initial = new Set<number>();
  request.assetIds.forEach((id, i) => {
    const index = assetGraph.indexOf.get(id);
    if (index === undefined || id.startsWith(hiddenPrefix)) {
      throw new DomainError('NOT_FOUND', `no asset ${id}`, { field: `assetIds[${i}]` });
    }
    initial.add(index);
  });
  const footprint = request.footprint;
  if (footprint) {
    for (const row of rows) {
      const inside = isInFootprint(
        { lon: Number(row.lon), lat: Number(row.lat), countyFips: row.county_fips },
        {
          ...(footprint.polygon ? { polygon: footprint.polygon } : {}),
          ...(footprint.countyFips ? { countyFips: footprint.countyFips } : {}),
        },
      );
      if (inside) initial.add(assetGraph.indexOf.get(row.id) as number);
    }
  }
  const horizon = request.horizonHours ?? Number.POSITIVE_INFINITY;
  const summary = describeCascade(assetGraph, findCascadingFailures(assetGraph.graph, [...initial], horizon));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const failures = summary.failures.map((failure) => {
    const row = byId.get(failure.assetId) as AssetRow;
    return {
      assetId: failure.assetId,
      name: row.name,
      sector: row.sector as CisaSector,
      lon: Number(row.lon),
      lat: Number(row.lat),
      failedAtHours: failure.failedAtHours,
      causeAssetId: failure.causeAssetId,
      causeType: failure.causeType,
    };
  });
  return {
    horizonHours: request.horizonHours ?? null,
    initialAssetIds: [...initial].map((index) => assetGraph.ids[index] as string),
    failures,
    populationAffected: summary.populationAffected,
    failedBySector: summary.failedBySector,
    marking: labelOf(failures.map((failure) => byId.get(failure.assetId) as AssetRow)),
  };
}

/** Single points of failure over the viewer's graph, largest impact first. */
export async function rankAssets(deps: AppDeps, viewer: Viewer, query: RankingQuery): Promise<Ranking> {
  const { assetGraph, rows } = await loadViewerGraph(deps, viewer);
  const horizon = query.horizonHours ?? Number.POSITIVE_INFINITY;
  const impacts = rankSinglePointsOfFailure(assetGraph.graph, horizon);
  // Stand-ins are numbered after the real assets and are never ranked.
  const ranked = [...orderByImpact(impacts, query.limit + assetGraph.ids.length - rows.length)]
    .filter((v) => v < rows.length)
    .slice(0, query.limit);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = ranked.map((v, i) => {
    const row = byId.get(assetGraph.ids[v] as string) as AssetRow;
    return {
      rank: i + 1,
      assetId: row.id,
      name: row.name,
      sector: row.sector as CisaSector,
      lon: Number(row.lon),
      lat: Number(row.lat),
      impactPopulation: impacts.population[v] as number,
      impactAssets: impacts.assets[v] as number,
      impactBySector: sectorCounts(impacts.bySector, v * sectorCount, sectorCount),
    };
  });
  return {
    method: impacts.method,
    horizonHours: query.horizonHours ?? null,
    assetCount: rows.length,
    items,
    marking: labelOf(items.map((item) => byId.get(item.assetId) as AssetRow)),
  };
}
