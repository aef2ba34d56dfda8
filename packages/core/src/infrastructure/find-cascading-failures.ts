import type { DependencyGraph } from './dependency-graph.ts';

/**
 * The outcome of one scenario, in failure order. `cause[i]` is the supplier whose failure
 * took the last needed supplier away from `failed[i]` (−1 for an initial failure), and
 * `causeGroup[i]` the requirement group it lost (−1 likewise): following causes back gives
 * the chain to an initial failure.
 */
export type CascadeResult = {
  failed: Int32Array;
  failedAtHours: Float64Array;
  cause: Int32Array;
  causeGroup: Int32Array;
  populationAffected: number;
  /** Failed assets per sector index. */
  failedBySector: Int32Array;
};

/**
 * Reusable scratch space: the ranking runs one cascade per asset, and resetting only what a
 * cascade touched keeps each run proportional to its own size instead of to the graph's.
 */
export class CascadeWorkspace {
  /** 1 once an asset is scheduled to fail (its time is then in `time`). Zeroed memory, no fill needed. */
  readonly mark: Uint8Array;
  readonly time: Float64Array;
  /** Supplier number + 1 and group number + 1, so that 0 (fresh memory) means none. */
  readonly causeOf: Int32Array;
  readonly causeGroupOf: Int32Array;
  readonly lostCount: Int32Array;
  readonly order: Int32Array;
  readonly fifo: Int32Array;
  readonly heap: Int32Array;
  readonly touchedGroups: Int32Array;
  readonly scheduled: Int32Array;
  constructor(graph: DependencyGraph) {
    const n = graph.nodeCount;
    this.mark = new Uint8Array(n);
    this.time = new Float64Array(n);
    this.causeOf = new Int32Array(n);
    this.causeGroupOf = new Int32Array(n);
    this.lostCount = new Int32Array(graph.groupCount);
    this.order = new Int32Array(n);
    this.fifo = new Int32Array(n);
    this.heap = new Int32Array(n);
    this.touchedGroups = new Int32Array(graph.groupCount);
    this.scheduled = new Int32Array(n);
  }
}

/**
 * Runs the cascade into `ws` and answers how many assets failed (their indices are
 * `ws.order[0..count)`, times in `ws.time`). The caller must `resetWorkspace` afterwards.
 *
 * Semantics (docs/modules/infrastructure.md): initial failures fail at hour 0. A requirement
 * group is lost at the moment its `need`-th supplier fails. An asset fails at the earliest
 * moment any of its groups is lost, plus its backup hours; it fails within the scenario when
 * that moment is ≤ `horizonHours`. Failure is permanent. A loop of assets that supply each
 * other keeps running until enough of its own members fail (failures are only ever forced by
 * counts, the least fixed point), so cycles need no special case.
 *
 * Assets are finalised in time order: zero-delay failures go through a FIFO at the current
 * time, assets riding on a backup wait in a binary heap keyed by their failure time. Because
 * groups are discovered lost in time order, an asset is scheduled once, at its final time, so
 * the work is O(edges touched + b log b), b the failures delayed by a backup; with no backups
 * it is a plain linear worklist.
 */
export function runCascade(
  graph: DependencyGraph,
  initial: ArrayLike<number>,
  horizonHours: number,
  ws: CascadeWorkspace,
): { count: number; scheduledCount: number; touchedGroupCount: number } {
  const { mark, time, causeOf, causeGroupOf, lostCount, order, fifo, heap, touchedGroups, scheduled } = ws;
  const { outStart, outGroup, groupNeed, groupDependent, backupHours } = graph;
  let fifoHead = 0;
  let fifoTail = 0;
  let heapSize = 0;
  let count = 0;
  let scheduledCount = 0;
  let touchedGroupCount = 0;
  for (let i = 0; i < initial.length; i++) {
    const v = initial[i] as number;
    if (mark[v] !== 0) continue;
    mark[v] = 1;
    time[v] = 0;
    scheduled[scheduledCount++] = v;
    fifo[fifoTail++] = v;
  }
  let now = 0;
  for (;;) {
    let v: number;
    if (fifoHead < fifoTail) {
      v = fifo[fifoHead++] as number;
    } else if (heapSize > 0) {
      v = heap[0] as number;
      // Pop the minimum: move the last element to the root and sift it down.
      const last = heap[--heapSize] as number;
      if (heapSize > 0) {
        const t = time[last] as number;
        let i = 0;
        for (;;) {
          const left = 2 * i + 1;
          if (left >= heapSize) break;
          const right = left + 1;
          let child = left;
          if (
            right < heapSize &&
            (time[heap[right] as number] as number) < (time[heap[left] as number] as number)
          )
            child = right;
          if ((time[heap[child] as number] as number) >= t) break;
          heap[i] = heap[child] as number;
          i = child;
        }
        heap[i] = last;
      }
      now = time[v] as number;
      if (now > horizonHours) break;
    } else {
      break;
    }
    order[count++] = v;
    const end = outStart[v + 1] as number;
    for (let i = outStart[v] as number; i < end; i++) {
      const g = outGroup[i] as number;
      const lost = (lostCount[g] as number) + 1;
      lostCount[g] = lost;
      if (lost === 1) touchedGroups[touchedGroupCount++] = g;
      if (lost !== groupNeed[g]) continue;
      const d = groupDependent[g] as number;
      if (mark[d] !== 0) continue;
      const backup = backupHours[d] as number;
      const at = now + backup;
      mark[d] = 1;
      time[d] = at;
      causeOf[d] = v + 1;
      causeGroupOf[d] = g + 1;
      scheduled[scheduledCount++] = d;
      if (backup === 0) {
        fifo[fifoTail++] = d;
      } else if (at <= horizonHours) {
        // Sift up: only assets that can still fail within the horizon enter the heap.
        let i = heapSize++;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if ((time[heap[parent] as number] as number) <= at) break;
          heap[i] = heap[parent] as number;
          i = parent;
        }
        heap[i] = d;
      }
    }
  }
  return { count, scheduledCount, touchedGroupCount };
}

/** Puts back what a cascade touched, in time proportional to the cascade. */
export function resetWorkspace(
  ws: CascadeWorkspace,
  run: { scheduledCount: number; touchedGroupCount: number },
): void {
  for (let i = 0; i < run.scheduledCount; i++) {
    const v = ws.scheduled[i] as number;
    ws.mark[v] = 0;
    ws.causeOf[v] = 0;
    ws.causeGroupOf[v] = 0;
  }
  for (let i = 0; i < run.touchedGroupCount; i++) ws.lostCount[ws.touchedGroups[i] as number] = 0;
}

/**
 * Every asset that fails when `initialFailures` fail, when (hours from the start), and
 * through which chain, plus the population served by everything that failed. `horizonHours`
 * bounds the scenario (Infinity: every failure that ever happens). See `runCascade`.
 */
export function findCascadingFailures(
  graph: DependencyGraph,
  initialFailures: ArrayLike<number>,
  horizonHours = Number.POSITIVE_INFINITY,
  workspace?: CascadeWorkspace,
): CascadeResult {
  if (!(horizonHours >= 0)) throw new RangeError('horizonHours must be ≥ 0');
  for (let i = 0; i < initialFailures.length; i++) {
    const v = initialFailures[i] as number;
    if (!Number.isInteger(v) || v < 0 || v >= graph.nodeCount) throw new RangeError(`no asset number ${v}`);
  }
  const ws = workspace ?? new CascadeWorkspace(graph);
  const run = runCascade(graph, initialFailures, horizonHours, ws);
  const failed = ws.order.slice(0, run.count);
  const failedAtHours = new Float64Array(run.count);
  const cause = new Int32Array(run.count);
  const causeGroup = new Int32Array(run.count);
  const failedBySector = new Int32Array(256);
  let populationAffected = 0;
  for (let i = 0; i < run.count; i++) {
    const v = failed[i] as number;
    failedAtHours[i] = ws.time[v] as number;
    cause[i] = (ws.causeOf[v] as number) - 1;
    causeGroup[i] = (ws.causeGroupOf[v] as number) - 1;
    populationAffected += graph.population[v] as number;
    const s = graph.sector[v] as number;
    failedBySector[s] = (failedBySector[s] as number) + 1;
  }
  // A workspace made for this call is dropped; only a caller's is put back for reuse.
  if (workspace) resetWorkspace(ws, run);
  return { failed, failedAtHours, cause, causeGroup, populationAffected, failedBySector };
}
