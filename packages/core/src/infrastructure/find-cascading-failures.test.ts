import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type AssetGraph,
  buildAssetGraph,
  describeCascade,
  type GraphAsset,
  type GraphEdge,
} from './asset-graph.ts';
import { findCascadingFailures } from './find-cascading-failures.ts';
import type { CisaSector } from './sectors.ts';

function asset(id: string, sector: CisaSector, populationServed = 0, backupHours = 0): GraphAsset {
  return { id, sector, populationServed, backupHours };
}
function power(supplier: string, dependent: string, k = 1): GraphEdge {
  return { supplier, dependent, type: 'electric-power', k };
}

function graphOf(assets: GraphAsset[], edges: GraphEdge[]): AssetGraph {
  const built = buildAssetGraph(assets, edges);
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return built.value;
}

/** The cascade as `id@hours` sorted by id, and the summary. */
function simulate(g: AssetGraph, fail: string[], horizon?: number) {
  const summary = describeCascade(
    g,
    findCascadingFailures(
      g.graph,
      fail.map((id) => g.indexOf.get(id) as number),
      horizon,
    ),
  );
  const times = summary.failures.map((f) => `${f.assetId}@${f.failedAtHours}`).sort();
  return { times, summary };
}

describe('findCascadingFailures', () => {
  it('k = 1 of 2: the dependent rides on the remaining supplier, and fails when both are gone', () => {
    const g = graphOf(
      [
        asset('sub-a', 'energy'),
        asset('sub-b', 'energy'),
        asset('hospital', 'healthcare-and-public-health', 300),
      ],
      [power('sub-a', 'hospital'), power('sub-b', 'hospital')],
    );
    assert.deepEqual(simulate(g, ['sub-a']).times, ['sub-a@0']);
    const both = simulate(g, ['sub-a', 'sub-b']);
    assert.deepEqual(both.times, ['hospital@0', 'sub-a@0', 'sub-b@0']);
    assert.equal(both.summary.populationAffected, 300);
    assert.deepEqual(both.summary.failedBySector, { energy: 2, 'healthcare-and-public-health': 1 });
  });

  it('k = 2 of 3: losing any two of three suppliers fails the dependent, one does not', () => {
    const g = graphOf(
      [
        asset('p1', 'energy'),
        asset('p2', 'energy'),
        asset('p3', 'energy'),
        asset('plant', 'water-and-wastewater-systems'),
      ],
      [power('p1', 'plant', 2), power('p2', 'plant', 2), power('p3', 'plant', 2)],
    );
    assert.deepEqual(simulate(g, ['p2']).times, ['p2@0']);
    assert.deepEqual(simulate(g, ['p1', 'p3']).times, ['p1@0', 'p3@0', 'plant@0']);
  });

  it('needs every type it has: losing all water fails a plant that still has power', () => {
    const g = graphOf(
      [
        asset('sub', 'energy'),
        asset('pump', 'water-and-wastewater-systems'),
        asset('hospital', 'healthcare-and-public-health'),
      ],
      [power('sub', 'hospital'), { supplier: 'pump', dependent: 'hospital', type: 'water', k: 1 }],
    );
    assert.deepEqual(simulate(g, ['pump']).times, ['hospital@0', 'pump@0']);
    assert.deepEqual(simulate(g, ['sub']).times, ['hospital@0', 'sub@0']);
  });

  it('a backup delays the failure by its hours, and the delay adds up along the chain', () => {
    const g = graphOf(
      [
        asset('sub', 'energy'),
        asset('hospital', 'healthcare-and-public-health', 200, 48),
        asset('lab', 'healthcare-and-public-health', 0, 6),
      ],
      [power('sub', 'hospital'), { supplier: 'hospital', dependent: 'lab', type: 'communications', k: 1 }],
    );
    const { times, summary } = simulate(g, ['sub']);
    assert.deepEqual(times, ['hospital@48', 'lab@54', 'sub@0']);
    // Failure order is time order, and each failure names the supplier that tripped it.
    assert.deepEqual(
      summary.failures.map((f) => [f.assetId, f.causeAssetId, f.causeType]),
      [
        ['sub', null, null],
        ['hospital', 'sub', 'electric-power'],
        ['lab', 'hospital', 'communications'],
      ],
    );
  });

  it('the horizon keeps out what fails later, and what it would have taken down', () => {
    const g = graphOf(
      [
        asset('sub', 'energy'),
        asset('hospital', 'healthcare-and-public-health', 200, 48),
        asset('lab', 'healthcare-and-public-health'),
      ],
      [power('sub', 'hospital'), power('hospital', 'lab')],
    );
    assert.deepEqual(simulate(g, ['sub'], 47.5).times, ['sub@0']);
    assert.deepEqual(simulate(g, ['sub'], 48).times, ['hospital@48', 'lab@48', 'sub@0']);
  });

  it('the backup runs from the first loss: a second type lost later does not restart it', () => {
    const g = graphOf(
      [
        asset('sub', 'energy', 0, 10),
        asset('pump', 'water-and-wastewater-systems'),
        asset('clinic', 'healthcare-and-public-health', 0, 12),
      ],
      // The clinic loses water at 0 (pump fails) and power at 10 (sub rides 10 h on its own backup).
      [
        power('pump', 'sub'),
        power('sub', 'clinic'),
        { supplier: 'pump', dependent: 'clinic', type: 'water', k: 1 },
      ],
    );
    assert.deepEqual(simulate(g, ['pump']).times, ['clinic@12', 'pump@0', 'sub@10']);
  });

  it('with two loss routes the earliest wins', () => {
    const g = graphOf(
      [
        asset('a', 'energy'),
        asset('b', 'energy', 0, 30),
        asset('c', 'energy', 0, 5),
        asset('d', 'communications', 0, 1),
      ],
      [
        power('a', 'b'),
        power('a', 'c'),
        power('b', 'd'),
        { supplier: 'c', dependent: 'd', type: 'fuel', k: 1 },
      ],
    );
    assert.deepEqual(simulate(g, ['a']).times, ['a@0', 'b@30', 'c@5', 'd@6']);
  });

  it('a cycle that supplies itself keeps running; the cycle fails once a member fails', () => {
    // Plant needs water from the pump, the pump needs power from the plant; the grid also feeds the pump.
    const g = graphOf(
      [
        asset('grid', 'energy'),
        asset('plant', 'energy', 1000),
        asset('pump', 'water-and-wastewater-systems', 50),
      ],
      [
        power('grid', 'pump'),
        power('plant', 'pump'),
        { supplier: 'pump', dependent: 'plant', type: 'water', k: 1 },
      ],
    );
    assert.deepEqual(simulate(g, ['grid']).times, ['grid@0']);
    const fromInside = simulate(g, ['plant']);
    assert.deepEqual(fromInside.times, ['plant@0']);
    const both = simulate(g, ['grid', 'plant']);
    assert.deepEqual(both.times, ['grid@0', 'plant@0', 'pump@0']);
    assert.equal(both.summary.populationAffected, 1050);
  });

  it('a cycle of single feeds fails all round from any member, each asset once', () => {
    const g = graphOf(
      [asset('a', 'energy', 1), asset('b', 'energy', 2), asset('c', 'energy', 4)],
      [power('a', 'b'), power('b', 'c'), power('c', 'a')],
    );
    const { times, summary } = simulate(g, ['b']);
    assert.deepEqual(times, ['a@0', 'b@0', 'c@0']);
    assert.equal(summary.populationAffected, 7);
  });

  it('counts an initial failure named twice once, and refuses a number outside the graph', () => {
    const g = graphOf([asset('a', 'energy', 5)], []);
    assert.equal(findCascadingFailures(g.graph, [0, 0]).populationAffected, 5);
    assert.throws(() => findCascadingFailures(g.graph, [1]), RangeError);
    assert.throws(() => findCascadingFailures(g.graph, [0], -1), RangeError);
  });
});

describe('buildAssetGraph', () => {
  const assets = [asset('a', 'energy'), asset('b', 'energy'), asset('c', 'dams')];
  const reasons = (edges: GraphEdge[], list = assets) => {
    const built = buildAssetGraph(list, edges);
    return built.ok ? [] : built.problems.map((p) => p.reason);
  };

  it('refuses k larger than the suppliers of that type', () => {
    assert.match(reasons([power('a', 'c', 2)])[0] ?? '', /k 2 is larger than the 1 supplier/);
  });
  it('refuses disagreeing k within one requirement', () => {
    assert.match(reasons([power('a', 'c', 1), power('b', 'c', 2)])[0] ?? '', /differs/);
  });
  it('refuses a duplicate edge and a self-loop', () => {
    assert.match(reasons([power('a', 'c'), power('a', 'c')])[0] ?? '', /duplicate edge/);
    assert.match(reasons([power('a', 'a')])[0] ?? '', /cannot supply itself/);
  });
  it('refuses unknown and duplicate ids', () => {
    assert.match(reasons([power('x', 'c')])[0] ?? '', /unknown supplier id "x"/);
    assert.match(reasons([], [...assets, asset('a', 'dams')])[0] ?? '', /duplicate id "a"/);
  });
  it('accepts the same supplier under two types', () => {
    assert.deepEqual(reasons([power('a', 'c'), { supplier: 'a', dependent: 'c', type: 'water', k: 1 }]), []);
  });
});
