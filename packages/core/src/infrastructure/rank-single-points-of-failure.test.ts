import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compileDependencyGraph, type DependencyGraph } from './dependency-graph.ts';
import { findCascadingFailures } from './find-cascading-failures.ts';
import { orderByImpact, rankSinglePointsOfFailure, sectorCount } from './rank-single-points-of-failure.ts';

type RawEdge = { s: number; d: number; type: number };
type RawGraph = {
  n: number;
  edges: RawEdge[];
  /** k per (dependent, type) as a fraction of its suppliers, turned into 1..size. */
  kFraction: number[];
  backup: number[];
  population: number[];
  sector: number[];
};

/**
 * The reference: the defining equations iterated to their fixed point, written apart from
 * the worklist. An asset's failure time is the earliest, over its types, of the moment the
 * (size − k + 1)-th supplier of that type failed, plus its backup; initial failures are 0.
 * Starting from "nothing fails" (all ∞) and lowering until stable gives the least failure set.
 */
function bruteForceCascade(raw: RawGraph, ks: Map<string, number>, initial: number[]): Float64Array {
  const time = new Float64Array(raw.n).fill(Number.POSITIVE_INFINITY);
  for (const v of initial) time[v] = 0;
  for (let sweep = 0; sweep <= raw.n + 1; sweep++) {
    let changed = false;
    for (let d = 0; d < raw.n; d++) {
      if (initial.includes(d)) continue;
      const byType = new Map<number, number[]>();
      for (const e of raw.edges) {
        if (e.d !== d) continue;
        byType.set(e.type, [...(byType.get(e.type) ?? []), time[e.s] as number]);
      }
      let lost = Number.POSITIVE_INFINITY;
      for (const [type, times] of byType) {
        const k = ks.get(`${d}/${type}`) as number;
        times.sort((a, b) => a - b);
        lost = Math.min(lost, times[times.length - k] as number);
      }
      const t = lost + (raw.backup[d] as number);
      if (t < (time[d] as number)) {
        time[d] = t;
        changed = true;
      }
    }
    if (!changed) return time;
  }
  throw new Error('the reference did not converge');
}

function compile(raw: RawGraph): { graph: DependencyGraph; ks: Map<string, number> } {
  const sizes = new Map<string, number>();
  for (const e of raw.edges) sizes.set(`${e.d}/${e.type}`, (sizes.get(`${e.d}/${e.type}`) ?? 0) + 1);
  const ks = new Map<string, number>();
  [...sizes.entries()].forEach(([key, size], i) => {
    ks.set(key, 1 + Math.floor((raw.kFraction[i % raw.kFraction.length] ?? 0) * size));
  });
  const compiled = compileDependencyGraph({
    nodeCount: raw.n,
    sector: Uint8Array.from(raw.sector),
    population: Float64Array.from(raw.population),
    backupHours: Float64Array.from(raw.backup),
    edgeSupplier: Int32Array.from(raw.edges.map((e) => e.s)),
    edgeDependent: Int32Array.from(raw.edges.map((e) => e.d)),
    edgeType: Uint8Array.from(raw.edges.map((e) => e.type)),
    edgeK: Int32Array.from(raw.edges.map((e) => ks.get(`${e.d}/${e.type}`) as number)),
  });
  if (!compiled.graph) throw new Error(JSON.stringify(compiled.problems));
  return { graph: compiled.graph, ks };
}

/** Random small graphs. `plain`: one type, k = 1, acyclic (suppliers numbered below dependents). */
function rawGraph(options: { plain: boolean; maxNodes: number }): fc.Arbitrary<RawGraph> {
  return fc.integer({ min: 1, max: options.maxNodes }).chain((n) =>
    fc
      .record({
        pairs: fc.array(
          fc.record({
            s: fc.nat(n - 1),
            d: fc.nat(n - 1),
            type: options.plain ? fc.constant(0) : fc.nat(2),
          }),
          { maxLength: n * 3 },
        ),
        kFraction: options.plain
          ? fc.constant<number[]>([0])
          : fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 1 }),
        backup: fc.array(fc.constantFrom(0, 0, 0, 6, 24, 48), { minLength: n, maxLength: n }),
        population: fc.array(fc.nat(1000), { minLength: n, maxLength: n }),
        sector: fc.array(fc.nat(sectorCount - 1), { minLength: n, maxLength: n }),
      })
      .map(({ pairs, ...rest }) => {
        const seen = new Set<string>();
        const edges = pairs.filter((e) => {
          const key = `${e.s}/${e.d}/${e.type}`;
          if (e.s === e.d || seen.has(key) || (options.plain && e.s > e.d)) return false;
          seen.add(key);
          return true;
        });
        return { n, edges, ...rest };
      }),
  );
}

const horizons = fc.constantFrom(0, 6, 30, 48, 54, Number.POSITIVE_INFINITY);

function assertRankingEqualsBruteForce(raw: RawGraph, horizon: number): string {
  const { graph, ks } = compile(raw);
  const fast = rankSinglePointsOfFailure(graph, horizon);
  for (let x = 0; x < raw.n; x++) {
    const time = bruteForceCascade(raw, ks, [x]);
    let population = 0;
    let assets = 0;
    const bySector = new Int32Array(sectorCount);
    for (let v = 0; v < raw.n; v++) {
      if (!Number.isFinite(time[v]) || (time[v] as number) > horizon) continue;
      population += raw.population[v] as number;
      assets++;
      const s = raw.sector[v] as number;
      bySector[s] = (bySector[s] as number) + 1;
    }
    assert.equal(fast.population[x], population, `population of asset ${x}`);
    assert.equal(fast.assets[x], assets, `assets of asset ${x}`);
    assert.deepEqual(
      [...fast.bySector.subarray(x * sectorCount, (x + 1) * sectorCount)],
      [...bySector],
      `sectors of asset ${x}`,
    );
  }
  return fast.method;
}

describe('rankSinglePointsOfFailure equals one brute-force cascade per asset', () => {
  it('plain redundancy (k = 1, one type, acyclic): the dominator tree, on 3000 random graphs', () => {
    let dominatorRuns = 0;
    fc.assert(
      fc.property(rawGraph({ plain: true, maxNodes: 14 }), fc.boolean(), (raw, unbounded) => {
        // Backups never matter with no horizon; with one, the fast path needs no backups.
        const horizon = unbounded ? Number.POSITIVE_INFINITY : 0;
        const method = assertRankingEqualsBruteForce(
          unbounded ? raw : { ...raw, backup: raw.backup.map(() => 0) },
          horizon,
        );
        assert.equal(method, 'dominator-tree');
        dominatorRuns++;
      }),
      { numRuns: 3000, seed: 5 },
    );
    assert.equal(dominatorRuns, 3000);
  });

  it('the general case (k-of-n, three types, cycles, backups racing a horizon), on 3000 random graphs', () => {
    const methods = new Map<string, number>();
    fc.assert(
      fc.property(rawGraph({ plain: false, maxNodes: 10 }), horizons, (raw, horizon) => {
        const method = assertRankingEqualsBruteForce(raw, horizon);
        methods.set(method, (methods.get(method) ?? 0) + 1);
      }),
      { numRuns: 3000, seed: 55 },
    );
    // The sample must exercise the general path, or it proves nothing about it.
    assert.ok((methods.get('pruned-cascades') ?? 0) > 1500, JSON.stringify([...methods]));
  });

  it('plain redundancy with cycles falls back to cascades and stays exact', () => {
    fc.assert(
      fc.property(rawGraph({ plain: false, maxNodes: 10 }), (raw) => {
        const cyclic = { ...raw, edges: raw.edges.map((e) => ({ ...e, type: 0 })), kFraction: [0] };
        const seen = new Set<string>();
        cyclic.edges = cyclic.edges.filter((e) => !seen.has(`${e.s}/${e.d}`) && seen.add(`${e.s}/${e.d}`));
        assertRankingEqualsBruteForce(cyclic, Number.POSITIVE_INFINITY);
      }),
      { numRuns: 1000, seed: 555 },
    );
  });
});

describe('findCascadingFailures equals the fixed point of its equations', () => {
  it('on 3000 random graphs and random initial failures', () => {
    fc.assert(
      fc.property(
        rawGraph({ plain: false, maxNodes: 12 }),
        fc.array(fc.nat(11), { minLength: 1, maxLength: 4 }),
        horizons,
        (raw, picks, horizon) => {
          const { graph, ks } = compile(raw);
          const initial = [...new Set(picks.map((p) => p % raw.n))];
          const expected = bruteForceCascade(raw, ks, initial);
          const result = findCascadingFailures(graph, initial, horizon);
          const got = new Map<number, number>();
          result.failed.forEach((v, i) => {
            got.set(v, result.failedAtHours[i] as number);
          });
          for (let v = 0; v < raw.n; v++) {
            const t = expected[v] as number;
            assert.equal(got.get(v), Number.isFinite(t) && t <= horizon ? t : undefined, `asset ${v}`);
          }
          // Reported in time order.
          for (let i = 1; i < result.failed.length; i++) {
            assert.ok((result.failedAtHours[i - 1] as number) <= (result.failedAtHours[i] as number));
          }
        },
      ),
      { numRuns: 3000, seed: 7 },
    );
  });
});

describe('orderByImpact', () => {
  const impacts = {
    method: 'pruned-cascades' as const,
    population: Float64Array.from([5, 90, 90, 0, 40]),
    assets: Int32Array.from([1, 2, 3, 1, 9]),
    bySector: new Int32Array(5 * sectorCount),
  };
  it('ranks by population, then assets, then number', () => {
    assert.deepEqual([...orderByImpact(impacts)], [2, 1, 4, 0, 3]);
  });
  it('keeps the same order for a top N', () => {
    for (let top = 0; top <= 6; top++) {
      assert.deepEqual([...orderByImpact(impacts, top)], [2, 1, 4, 0, 3].slice(0, top));
    }
  });
});
