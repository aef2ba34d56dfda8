import type { DependencyGraph } from './dependency-graph.ts';

/**
 * Immediate dominators of an acyclic graph seen from a virtual root over all its sources
 * (assets with no suppliers): `idom[v]` is the asset every supply path to v passes through
 * last, or `root` (= nodeCount) when no single asset is on all of them.
 *
 * Cooper, Harvey & Kennedy's "A Simple, Fast Dominance Algorithm" (2001) iterates to a
 * fixed point over reverse postorder; on an acyclic graph one pass in topological order is
 * already the fixed point, because every predecessor's idom is final when a node is reached.
 * Their `intersect` walks the two candidates up the tree by depth, which is the tree LCA.
 * Answers null when the graph has a cycle (Kahn's algorithm does not reach every node).
 */
export function findImmediateDominators(
  graph: DependencyGraph,
): { idom: Int32Array; topoOrder: Int32Array; depth: Int32Array } | null {
  const n = graph.nodeCount;
  const { inStart, inSupplier, outStart, outGroup, groupDependent } = graph;
  const root = n;
  const pending = new Int32Array(n);
  for (let v = 0; v < n; v++) pending[v] = (inStart[v + 1] as number) - (inStart[v] as number);
  const topoOrder = new Int32Array(n);
  let tail = 0;
  for (let v = 0; v < n; v++) if (pending[v] === 0) topoOrder[tail++] = v;
  for (let head = 0; head < tail; head++) {
    const v = topoOrder[head] as number;
    const end = outStart[v + 1] as number;
    for (let i = outStart[v] as number; i < end; i++) {
      const d = groupDependent[outGroup[i] as number] as number;
      const left = (pending[d] as number) - 1;
      pending[d] = left;
      if (left === 0) topoOrder[tail++] = d;
    }
  }
  if (tail < n) return null;

  const idom = new Int32Array(n + 1);
  const depth = new Int32Array(n + 1);
  idom[root] = root;
  depth[root] = 0;
  for (let t = 0; t < n; t++) {
    const v = topoOrder[t] as number;
    const from = inStart[v] as number;
    const to = inStart[v + 1] as number;
    if (from === to) {
      idom[v] = root;
      depth[v] = 1;
      continue;
    }
    let a = inSupplier[from] as number;
    for (let i = from + 1; i < to && a !== root; i++) {
      let b = inSupplier[i] as number;
      while (a !== b) {
        // Depths differ by at least one step per iteration; the root has depth 0, so this ends.
        if ((depth[a] as number) >= (depth[b] as number)) a = idom[a] as number;
        else b = idom[b] as number;
      }
    }
    idom[v] = a;
    depth[v] = (depth[a] as number) + 1;
  }
  return { idom, topoOrder, depth };
}
