import type { DependencyGraph } from './dependency-graph.ts';
import { findImmediateDominators } from './dominator-tree.ts';
import { CascadeWorkspace, resetWorkspace, runCascade } from './find-cascading-failures.ts';
import { cisaSectors } from './sectors.ts';

export const sectorCount = cisaSectors.length;

/**
 * The impact of losing each asset alone: population served by everything that then fails
 * (the asset included), how many assets fail, and how many per sector
 * (`bySector[v * sectorCount + s]`). Unordered; `orderByImpact` ranks it.
 */
export type SinglePointImpacts = {
  method: 'dominator-tree' | 'pruned-cascades';
  population: Float64Array;
  assets: Int32Array;
  bySector: Int32Array;
};

/**
 * Does losing one asset take down exactly what it dominates? That holds when every dependent
 * has one requirement group with k = 1 (it fails only once all its suppliers have), the graph
 * is acyclic, and backups cannot matter (no backups, or an unbounded horizon: a backup delays
 * a failure but never prevents it). Then, by induction in topological order, v fails after x
 * fails exactly when every supply path from a source to v passes through x, which is the
 * definition of x dominating v from a virtual root over all sources.
 */
export function isPlainRedundancy(graph: DependencyGraph, horizonHours: number): boolean {
  const { nodeGroupStart, groupK, backupHours } = graph;
  for (let v = 0; v < graph.nodeCount; v++) {
    const groups = (nodeGroupStart[v + 1] as number) - (nodeGroupStart[v] as number);
    if (groups > 1) return false;
    if (groups === 1 && groupK[nodeGroupStart[v] as number] !== 1) return false;
  }
  if (horizonHours !== Number.POSITIVE_INFINITY) {
    for (let v = 0; v < graph.nodeCount; v++) if (backupHours[v] !== 0) return false;
  }
  return true;
}

/**
 * Exact single-point-of-failure impacts for every asset.
 *
 * - Plain redundancy on an acyclic graph (`isPlainRedundancy`): one dominator tree, and each
 *   asset's impact is the sum over its dominator subtree, accumulated in reverse topological
 *   order: O(n + m) plus the tree intersections.
 * - Otherwise (k-of-n, several types, cycles, backups racing a finite horizon): one cascade per
 *   asset, which is the definition of the impact, made cheap two ways. An asset none of whose
 *   groups is lost by a single supplier failure (`need > 1` everywhere it supplies) cannot
 *   trip anything: its impact is itself, read off in O(out-degree). The others run the
 *   worklist cascade in a shared workspace reset by touched lists, so each costs the size of
 *   its own cascade, never a pass over the graph. Worst case quadratic; on sparse,
 *   mostly-redundant graphs close to linear. Property tests hold both paths equal to brute force.
 */
export function rankSinglePointsOfFailure(
  graph: DependencyGraph,
  horizonHours = Number.POSITIVE_INFINITY,
  onProgress?: (done: number, total: number) => void,
): SinglePointImpacts {
  if (isPlainRedundancy(graph, horizonHours)) {
    const dominators = findImmediateDominators(graph);
    if (dominators) return impactsFromDominators(graph, dominators.idom, dominators.topoOrder);
  }
  return impactsFromCascades(graph, horizonHours, onProgress);
}

function impactsFromDominators(
  graph: DependencyGraph,
  idom: Int32Array,
  topoOrder: Int32Array,
): SinglePointImpacts {
  const n = graph.nodeCount;
  const population = Float64Array.from(graph.population);
  const assets = new Int32Array(n).fill(1);
  const bySector = new Int32Array(n * sectorCount);
  for (let v = 0; v < n; v++) bySector[v * sectorCount + (graph.sector[v] as number)] = 1;
  for (let t = n - 1; t >= 0; t--) {
    const v = topoOrder[t] as number;
    const parent = idom[v] as number;
    if (parent === n) continue;
    population[parent] = (population[parent] as number) + (population[v] as number);
    assets[parent] = (assets[parent] as number) + (assets[v] as number);
    const from = v * sectorCount;
    const to = parent * sectorCount;
    for (let s = 0; s < sectorCount; s++) {
      const c = bySector[from + s] as number;
      if (c !== 0) bySector[to + s] = (bySector[to + s] as number) + c;
    }
  }
  return { method: 'dominator-tree', population, assets, bySector };
}

function impactsFromCascades(
  graph: DependencyGraph,
  horizonHours: number,
  onProgress?: (done: number, total: number) => void,
): SinglePointImpacts {
  const n = graph.nodeCount;
  const population = new Float64Array(n);
  const assets = new Int32Array(n);
  const bySector = new Int32Array(n * sectorCount);
  const ws = new CascadeWorkspace(graph);
  const single = new Int32Array(1);
  const { outStart, outGroup, groupNeed } = graph;
  for (let x = 0; x < n; x++) {
    if (onProgress && (x & 4095) === 0) onProgress(x, n);
    let canTrip = false;
    const end = outStart[x + 1] as number;
    for (let i = outStart[x] as number; i < end && !canTrip; i++) {
      canTrip = groupNeed[outGroup[i] as number] === 1;
    }
    const base = x * sectorCount;
    if (!canTrip) {
      population[x] = graph.population[x] as number;
      assets[x] = 1;
      bySector[base + (graph.sector[x] as number)] = 1;
      continue;
    }
    single[0] = x;
    const run = runCascade(graph, single, horizonHours, ws);
    let sum = 0;
    for (let i = 0; i < run.count; i++) {
      const v = ws.order[i] as number;
      sum += graph.population[v] as number;
      const slot = base + (graph.sector[v] as number);
      bySector[slot] = (bySector[slot] as number) + 1;
    }
    population[x] = sum;
    assets[x] = run.count;
    resetWorkspace(ws, run);
  }
  onProgress?.(n, n);
  return { method: 'pruned-cascades', population, assets, bySector };
}

/**
 * Asset numbers from the largest impact down: population, then assets, then number (stable
 * across runs). With `top`, keeps only the first `top` through a bounded selection, so a
 * short list from a million assets costs no full sort.
 */
export function orderByImpact(impacts: SinglePointImpacts, top?: number): Int32Array {
  const { population, assets } = impacts;
  const n = population.length;
  const before = (a: number, b: number) =>
    (population[b] as number) - (population[a] as number) ||
    (assets[b] as number) - (assets[a] as number) ||
    a - b;
  if (top !== undefined && top <= 0) return new Int32Array(0);
  if (top === undefined || top >= n) {
    const all = new Int32Array(n);
    for (let v = 0; v < n; v++) all[v] = v;
    return all.sort(before);
  }
  // The kept list stays sorted; a candidate enters only when it beats the last one kept.
  const kept: number[] = [];
  for (let v = 0; v < n; v++) {
    if (kept.length === top && before(v, kept[top - 1] as number) >= 0) continue;
    let i = kept.length === top ? top - 1 : kept.length;
    if (kept.length < top) kept.push(v);
    while (i > 0 && before(v, kept[i - 1] as number) < 0) {
      kept[i] = kept[i - 1] as number;
      i--;
    }
    kept[i] = v;
  }
  return Int32Array.from(kept);
}
