import { compileDependencyGraph, type DependencyGraph } from './dependency-graph.ts';
import type { CascadeResult } from './find-cascading-failures.ts';
import {
  type CisaSector,
  type DependencyType,
  dependencyTypeIndex,
  dependencyTypes,
  sectorIndex,
  sectorSlugs,
} from './sectors.ts';

export type GraphAsset = {
  id: string;
  sector: CisaSector;
  populationServed: number;
  backupHours: number;
};

export type GraphEdge = { supplier: string; dependent: string; type: DependencyType; k: number };

/** A dependency graph whose asset numbers map back to ids. */
export type AssetGraph = { graph: DependencyGraph; ids: string[]; indexOf: Map<string, number> };

/** What is wrong, and where: `asset` or `edge` is the position in the list given. */
export type AssetGraphProblem = { asset?: number; edge?: number; reason: string };

/**
 * Numbers the assets and compiles the edges. Refuses duplicate asset ids, edges naming an
 * unknown asset, and whatever `compileDependencyGraph` refuses (self-loops, duplicate edges,
 * inconsistent or too large k).
 */
export function buildAssetGraph(
  assets: readonly GraphAsset[],
  edges: readonly GraphEdge[],
): { ok: true; value: AssetGraph } | { ok: false; problems: AssetGraphProblem[] } {
  const problems: AssetGraphProblem[] = [];
  const indexOf = new Map<string, number>();
  const ids: string[] = [];
  const n = assets.length;
  const sector = new Uint8Array(n);
  const population = new Float64Array(n);
  const backupHours = new Float64Array(n);
  assets.forEach((asset, i) => {
    const first = indexOf.get(asset.id);
    if (first !== undefined) {
      problems.push({ asset: i, reason: `duplicate id "${asset.id}" (first at asset ${first + 1})` });
      return;
    }
    if (!(asset.populationServed >= 0) || !Number.isFinite(asset.populationServed)) {
      problems.push({ asset: i, reason: 'population served must be a number ≥ 0' });
    }
    if (!(asset.backupHours >= 0) || !Number.isFinite(asset.backupHours)) {
      problems.push({ asset: i, reason: 'backup hours must be a number ≥ 0' });
    }
    indexOf.set(asset.id, i);
    ids.push(asset.id);
    sector[i] = sectorIndex(asset.sector);
    population[i] = asset.populationServed;
    backupHours[i] = asset.backupHours;
  });
  const m = edges.length;
  const edgeSupplier = new Int32Array(m);
  const edgeDependent = new Int32Array(m);
  const edgeType = new Uint8Array(m);
  const edgeK = new Int32Array(m);
  edges.forEach((edge, e) => {
    const supplier = indexOf.get(edge.supplier);
    const dependent = indexOf.get(edge.dependent);
    if (supplier === undefined) problems.push({ edge: e, reason: `unknown supplier id "${edge.supplier}"` });
    if (dependent === undefined)
      problems.push({ edge: e, reason: `unknown dependent id "${edge.dependent}"` });
    edgeSupplier[e] = supplier ?? 0;
    edgeDependent[e] = dependent ?? 0;
    edgeType[e] = dependencyTypeIndex(edge.type);
    edgeK[e] = edge.k;
  });
  if (problems.length > 0) return { ok: false, problems };
  const compiled = compileDependencyGraph({
    nodeCount: n,
    sector,
    population,
    backupHours,
    edgeSupplier,
    edgeDependent,
    edgeType,
    edgeK,
  });
  if (!compiled.graph) {
    return { ok: false, problems: compiled.problems.map((p) => ({ edge: p.edge, reason: p.reason })) };
  }
  return { ok: true, value: { graph: compiled.graph, ids, indexOf } };
}

export type CascadeFailure = {
  assetId: string;
  failedAtHours: number;
  /** The supplier whose failure took the last needed one away; null for an initial failure. */
  causeAssetId: string | null;
  causeType: DependencyType | null;
};

export type CascadeSummary = {
  failures: CascadeFailure[];
  populationAffected: number;
  failedBySector: Partial<Record<CisaSector, number>>;
};

/** The cascade in ids and words, for the API, the CLI and the UI. */
export function describeCascade(assetGraph: AssetGraph, result: CascadeResult): CascadeSummary {
  const { ids, graph } = assetGraph;
  const failures: CascadeFailure[] = [];
  for (let i = 0; i < result.failed.length; i++) {
    const cause = result.cause[i] as number;
    const group = result.causeGroup[i] as number;
    failures.push({
      assetId: ids[result.failed[i] as number] as string,
      failedAtHours: result.failedAtHours[i] as number,
      causeAssetId: cause < 0 ? null : (ids[cause] as string),
      causeType: group < 0 ? null : (dependencyTypes[graph.groupType[group] as number] as DependencyType),
    });
  }
  return {
    failures,
    populationAffected: result.populationAffected,
    failedBySector: sectorCounts(result.failedBySector, 0, 256),
  };
}

/** Non-zero counts of `counts[offset + s]` as a record keyed by sector slug. */
export function sectorCounts(
  counts: Int32Array,
  offset: number,
  width: number,
): Partial<Record<CisaSector, number>> {
  const out: Partial<Record<CisaSector, number>> = {};
  for (let s = 0; s < sectorSlugs.length && s < width; s++) {
    const c = counts[offset + s] as number;
    if (c > 0) out[sectorSlugs[s] as CisaSector] = c;
  }
  return out;
}
