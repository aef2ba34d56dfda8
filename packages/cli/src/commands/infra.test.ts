import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runVigil } from '../testing/run-vigil.ts';

/* `vigil infra cascade|rank` run as a user runs them, on CSV files in a temporary folder. */

const vigil = (args: string[]) => runVigil(args);

const nodes = `id,sector,type,lat,lon,population_served,backup_hours
plant,energy,power plant,37.50,-77.40,0,0
tx,energy,substation,37.52,-77.45,0,0
sub-a,energy,substation,37.55,-77.50,12000,0
sub-b,energy,substation,37.56,-77.52,8000,0
hospital,healthcare-and-public-health,hospital,37.60,-77.50,300,48
station,emergency-services,fire station,37.61,-77.51,0,12
`;
const edges = `supplier,dependent,type,k
plant,tx,electric-power,1
tx,sub-a,electric-power,1
tx,sub-b,electric-power,1
sub-a,hospital,electric-power,1
sub-b,hospital,electric-power,1
sub-a,station,electric-power,1
`;

describe('vigil infra', () => {
  let dir: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-infra-'));
    file('nodes.csv', nodes);
    file('edges.csv', edges);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const graph = () => ['--nodes', join(dir, 'nodes.csv'), '--edges', join(dir, 'edges.csv')];

  it('cascade prints every asset that fails, initial ones included, in failure order', async () => {
    const run = await vigil(['infra', 'cascade', ...graph(), '--fail', 'tx']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'id,failed_at_hours\ntx,0\nsub-a,0\nsub-b,0\nstation,12\nhospital,48\n');
  });

  it('cascade with a horizon leaves out what fails later; one lost feed of two fails nothing', async () => {
    const run = await vigil(['infra', 'cascade', ...graph(), '--fail', 'tx', '--horizon', '24']);
    assert.equal(run.stdout, 'id,failed_at_hours\ntx,0\nsub-a,0\nsub-b,0\nstation,12\n');
    const one = await vigil(['infra', 'cascade', ...graph(), '--fail', 'sub-b']);
    assert.equal(one.stdout, 'id,failed_at_hours\nsub-b,0\n');
  });

  it('rank prints every asset by impact, and --top the first N', async () => {
    const run = await vigil(['infra', 'rank', ...graph()]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stdout,
      'id,impact_population,impact_assets\nplant,20300,6\ntx,20300,5\nsub-a,12000,2\nsub-b,8000,1\nhospital,300,1\nstation,0,1\n',
    );
    const top = await vigil(['infra', 'rank', ...graph(), '--top', '2']);
    assert.equal(top.stdout, 'id,impact_population,impact_assets\nplant,20300,6\ntx,20300,5\n');
  });

  for (const [name, nodeText, edgeText, expected] of [
    [
      'a duplicate id',
      `${nodes}tx,energy,x,1,1,0,0\n`,
      edges,
      'nodes.csv:8: duplicate id "tx" (first on line 3)',
    ],
    [
      'an unknown id',
      nodes,
      `${edges}tx,clinic,electric-power,1\n`,
      'edges.csv:8: unknown dependent id "clinic"',
    ],
    [
      'k larger than the suppliers',
      nodes,
      edges.replace('sub-a,station,electric-power,1', 'sub-a,station,electric-power,2'),
      'edges.csv:7: k 2 is larger than the 1 supplier(s) of this type',
    ],
    [
      'a non-numeric field',
      nodes.replace('37.61', 'north'),
      edges,
      'nodes.csv:7: lat "north" is not a number',
    ],
  ] as const) {
    it(`refuses ${name} with the file, line and reason (exit 2)`, async () => {
      const n = file('nodes.csv', nodeText);
      const e = file('edges.csv', edgeText);
      const run = await vigil(['infra', 'rank', '--nodes', n, '--edges', e]);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, `vigil: ${expected}\n`);
      file('nodes.csv', nodes);
      file('edges.csv', edges);
    });
  }

  it('refuses an unknown --fail id and a bad --horizon, naming the flag', async () => {
    const unknown = await vigil(['infra', 'cascade', ...graph(), '--fail', 'tx,ghost']);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'vigil: --fail: unknown asset id "ghost"\n');
    const horizon = await vigil(['infra', 'cascade', ...graph(), '--fail', 'tx', '--horizon', 'soon']);
    assert.equal(horizon.stderr, 'vigil: --horizon: "soon" is not a number of hours ≥ 0\n');
  });
});
