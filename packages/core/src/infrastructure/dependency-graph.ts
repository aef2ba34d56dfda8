/**
 * The dependency graph in compact typed arrays (CSR), so one cascade over a million assets
 * touches a few flat arrays instead of a million objects.
 *
 * Assets are numbered 0..n-1. Each edge supplier → dependent carries a dependency type and
 * a k. The edges into one dependent of one type form a **requirement group**: the dependent
 * keeps that type while at least k of the group's suppliers work, so the group is lost when
 * `need = size − k + 1` of its suppliers have failed. Edges leaving a supplier are stored as
 * the groups they feed (`outStart`/`outGroup`); edges entering a dependent as its suppliers
 * (`inStart`/`inSupplier`, used by the dominator ranking and to explain chains).
 */
export type DependencyGraph = {
  nodeCount: number;
  /** Sector index per asset (position in `cisaSectors`). */
  sector: Uint8Array;
  population: Float64Array;
  backupHours: Float64Array;
  groupCount: number;
  groupDependent: Int32Array;
  groupType: Uint8Array;
  groupSize: Int32Array;
  groupK: Int32Array;
  groupNeed: Int32Array;
  /** Groups per dependent: `groupsOf` holds, for asset v, its groups at nodeGroupStart[v]..nodeGroupStart[v+1]. */
  nodeGroupStart: Int32Array;
  outStart: Int32Array;
  outGroup: Int32Array;
  inStart: Int32Array;
  inSupplier: Int32Array;
};

/** The graph as numbered arrays, before grouping: what the bench builds and what `buildDependencyGraph` fills. */
export type GraphArrays = {
  nodeCount: number;
  sector: Uint8Array;
  population: Float64Array;
  backupHours: Float64Array;
  edgeSupplier: Int32Array;
  edgeDependent: Int32Array;
  edgeType: Uint8Array;
  edgeK: Int32Array;
};

/** Why an edge list cannot form a graph, naming the edge (its index) so the caller can name the line. */
export type GraphProblem = {
  edge: number;
  reason: string;
};

/**
 * Groups the edges and builds both adjacency directions in O(n + m) (counting sorts, no
 * comparison sort). Returns the problems instead of a graph when an edge is a self-loop, a
 * duplicate of an earlier edge, disagrees with its group's k, or when a group's k exceeds
 * its number of suppliers.
 */
export function compileDependencyGraph(
  arrays: GraphArrays,
): { graph: DependencyGraph; problems: [] } | { graph: null; problems: GraphProblem[] } {
  const { nodeCount: n, edgeSupplier, edgeDependent, edgeType, edgeK } = arrays;
  const m = edgeSupplier.length;
  const problems: GraphProblem[] = [];

  // Edges sorted by dependent (counting sort).
  const inStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const at = (edgeDependent[e] as number) + 1;
    inStart[at] = (inStart[at] as number) + 1;
  }
  for (let v = 0; v < n; v++) inStart[v + 1] = (inStart[v + 1] as number) + (inStart[v] as number);
  const byDependent = new Int32Array(m);
  const fill = inStart.slice(0, n);
  for (let e = 0; e < m; e++) {
    const d = edgeDependent[e] as number;
    const slot = fill[d] as number;
    fill[d] = slot + 1;
    byDependent[slot] = e;
  }

  // Within each dependent's edges, one group per type; scratch arrays are reset per dependent.
  const edgeGroup = new Int32Array(m);
  const groupOfType = new Int32Array(256).fill(-1);
  const seenSupplier = new Int32Array(n).fill(-1);
  const nodeGroupStart = new Int32Array(n + 1);
  const groupDependentList: number[] = [];
  const groupTypeList: number[] = [];
  const groupSizeList: number[] = [];
  const groupKList: number[] = [];
  const groupFirstEdge: number[] = [];
  for (let v = 0; v < n; v++) {
    nodeGroupStart[v] = groupDependentList.length;
    const from = inStart[v] as number;
    const to = inStart[v + 1] as number;
    for (let i = from; i < to; i++) {
      const e = byDependent[i] as number;
      const type = edgeType[e] as number;
      const supplier = edgeSupplier[e] as number;
      if (supplier === v) problems.push({ edge: e, reason: 'an asset cannot supply itself' });
      let g = groupOfType[type] as number;
      if (g < 0) {
        g = groupDependentList.length;
        groupOfType[type] = g;
        groupDependentList.push(v);
        groupTypeList.push(type);
        groupSizeList.push(0);
        groupKList.push(edgeK[e] as number);
        groupFirstEdge.push(e);
      } else if (groupKList[g] !== edgeK[e]) {
        problems.push({
          edge: e,
          reason: `k ${edgeK[e]} differs from k ${groupKList[g]} given for the same dependent and type`,
        });
      }
      // Same supplier twice in one group: the stamp is the group id, unique per dependent and type.
      if (seenSupplier[supplier] === g) {
        problems.push({ edge: e, reason: 'duplicate edge (same supplier, dependent and type)' });
      }
      seenSupplier[supplier] = g;
      groupSizeList[g] = (groupSizeList[g] as number) + 1;
      edgeGroup[e] = g;
    }
    for (let i = from; i < to; i++) groupOfType[edgeType[byDependent[i] as number] as number] = -1;
  }
  nodeGroupStart[n] = groupDependentList.length;
  const groupCount = groupDependentList.length;
  for (let g = 0; g < groupCount; g++) {
    const k = groupKList[g] as number;
    const size = groupSizeList[g] as number;
    if (!Number.isInteger(k) || k < 1) {
      problems.push({ edge: groupFirstEdge[g] as number, reason: `k must be a whole number ≥ 1 (got ${k})` });
    } else if (k > size) {
      problems.push({
        edge: groupFirstEdge[g] as number,
        reason: `k ${k} is larger than the ${size} supplier(s) of this type`,
      });
    }
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.edge - b.edge);
    return { graph: null, problems };
  }

  // Edges sorted by supplier, stored as the group they feed.
  const outStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const at = (edgeSupplier[e] as number) + 1;
    outStart[at] = (outStart[at] as number) + 1;
  }
  for (let v = 0; v < n; v++) outStart[v + 1] = (outStart[v + 1] as number) + (outStart[v] as number);
  const outGroup = new Int32Array(m);
  const outFill = outStart.slice(0, n);
  for (let e = 0; e < m; e++) {
    const s = edgeSupplier[e] as number;
    const slot = outFill[s] as number;
    outFill[s] = slot + 1;
    outGroup[slot] = edgeGroup[e] as number;
  }

  const inSupplier = new Int32Array(m);
  for (let i = 0; i < m; i++) inSupplier[i] = edgeSupplier[byDependent[i] as number] as number;

  const groupK = Int32Array.from(groupKList);
  const groupSize = Int32Array.from(groupSizeList);
  const groupNeed = new Int32Array(groupCount);
  for (let g = 0; g < groupCount; g++) groupNeed[g] = (groupSize[g] as number) - (groupK[g] as number) + 1;
  return {
    graph: {
      nodeCount: n,
      sector: arrays.sector,
      population: arrays.population,
      backupHours: arrays.backupHours,
      groupCount,
      groupDependent: Int32Array.from(groupDependentList),
      groupType: Uint8Array.from(groupTypeList),
      groupSize,
      groupK,
      groupNeed,
      nodeGroupStart,
      outStart,
      outGroup,
      inStart,
      inSupplier,
    },
    problems: [],
  };
}
