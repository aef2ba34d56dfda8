import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findCountyOf, isInsidePolygon, toCountyShape } from './footprint.ts';
import { GraphFileError, readGraphFiles } from './graph-files.ts';
import { assignPopulationToNearest, inferPowerDependencies } from './infer-dependencies.ts';

const nodes = `id,sector,type,lat,lon,population_served,backup_hours
plant,energy,power plant,37.5,-77.4,0,0
sub,Energy,substation,37.5,-77.5,12000,0
"hosp,1",healthcare-and-public-health,hospital,37.6,-77.5,300,48
`;
const edges = `supplier,dependent,type,k
plant,sub,electric-power,1
sub,"hosp,1",electric-power,1
`;

function refusal(n: string, e: string): string {
  try {
    readGraphFiles({ text: n, file: 'nodes.csv' }, { text: e, file: 'edges.csv' });
  } catch (error) {
    assert.ok(error instanceof GraphFileError, String(error));
    return error.message;
  }
  assert.fail('expected a refusal');
}

describe('readGraphFiles', () => {
  it('reads nodes and edges, quoted ids and sector names included', () => {
    const { assetGraph, nodes: rows } = readGraphFiles(
      { text: nodes, file: 'n' },
      { text: edges, file: 'e' },
    );
    assert.deepEqual(assetGraph.ids, ['plant', 'sub', 'hosp,1']);
    assert.equal(rows[1]?.sector, 'energy');
    assert.equal(assetGraph.graph.groupCount, 2);
  });

  it('refuses a duplicate id, naming both lines', () => {
    assert.equal(
      refusal(`${nodes}sub,energy,x,1,1,0,0\n`, edges),
      'nodes.csv:5: duplicate id "sub" (first on line 3)',
    );
  });
  it('refuses an unknown id in the edges', () => {
    assert.equal(
      refusal(nodes, `${edges}ghost,sub,electric-power,1\n`),
      'edges.csv:4: unknown supplier id "ghost"',
    );
  });
  it('refuses k larger than the suppliers of that type', () => {
    assert.equal(
      refusal(nodes, 'supplier,dependent,type,k\nplant,sub,electric-power,2\n'),
      'edges.csv:2: k 2 is larger than the 1 supplier(s) of this type',
    );
  });
  it('refuses non-numeric fields', () => {
    assert.equal(
      refusal(nodes.replace('12000', '12k'), edges),
      'nodes.csv:3: population_served "12k" is not a number',
    );
    assert.equal(
      refusal(nodes.replace('300,48', '300,'), edges),
      'nodes.csv:4: backup_hours "" is not a number',
    );
    assert.equal(
      refusal(nodes, edges.replace('plant,sub,electric-power,1', 'plant,sub,electric-power,one')),
      'edges.csv:2: k "one" is not a number',
    );
    assert.equal(
      refusal(nodes, edges.replace('plant,sub,electric-power,1', 'plant,sub,electric-power,1.5')),
      'edges.csv:2: k 1.5 is not a whole number',
    );
  });
  it('refuses an unknown sector or type, a missing column and broken quoting', () => {
    assert.match(
      refusal(nodes.replace(',Energy,', ',Power,'), edges),
      /^nodes\.csv:3: unknown sector "Power"/,
    );
    assert.match(
      refusal(nodes, edges.replace('plant,sub,electric-power', 'plant,sub,steam')),
      /^edges\.csv:2: unknown dependency type "steam"/,
    );
    assert.match(
      refusal(nodes.replace('backup_hours', 'backup'), edges),
      /^nodes\.csv:1: missing column "backup_hours"/,
    );
    assert.match(
      refusal(nodes, `${edges}"plant,sub,electric-power,1\n`),
      /^edges\.csv:4: a quoted field is not closed/,
    );
  });
  it('refuses an empty file', () => {
    assert.match(refusal('', edges), /^nodes\.csv:1: empty file/);
  });
});

describe('footprints and inference', () => {
  const square: [number, number][] = [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
    [0, 0],
  ];
  const hole: [number, number][] = [
    [4, 4],
    [6, 4],
    [6, 6],
    [4, 6],
    [4, 4],
  ];
  it('point in polygon honours holes', () => {
    assert.equal(isInsidePolygon(2, 2, [square]), true);
    assert.equal(isInsidePolygon(5, 5, [square, hole]), false);
    assert.equal(isInsidePolygon(11, 5, [square]), false);
  });
  it('finds the county a point lies in', () => {
    const counties = [toCountyShape('51001', { type: 'Polygon', coordinates: [square] })];
    assert.equal(findCountyOf(3, 3, counties), '51001');
    assert.equal(findCountyOf(30, 3, counties), null);
  });
  it('feeds facilities from their two nearest distribution substations, radially from transmission', () => {
    const at = (id: string, lon: number) => ({ id, lon, lat: 37 });
    const edges = inferPowerDependencies({
      generation: [at('g1', 0), at('g2', 5), at('g3', 50)],
      transmission: [at('t1', 1), at('t2', 40)],
      distribution: [at('d1', 2), at('d2', 3), at('d3', 39)],
      facility: [at('h', 2.4)],
    });
    const fed = (id: string) =>
      edges
        .filter((e) => e.dependent === id)
        .map((e) => e.supplier)
        .sort();
    assert.deepEqual(fed('t1'), ['g1', 'g2']);
    assert.deepEqual(fed('d3'), ['t2']);
    assert.deepEqual(fed('h'), ['d1', 'd2']);
    assert.ok(edges.every((e) => e.k === 1 && e.type === 'electric-power'));
    const served = assignPopulationToNearest(
      [
        { lon: 2.1, lat: 37, population: 10 },
        { lon: 38, lat: 37, population: 5 },
      ],
      [at('d1', 2), at('d3', 39)],
    );
    assert.deepEqual(
      [...served],
      [
        ['d1', 10],
        ['d3', 5],
      ],
    );
  });
});
