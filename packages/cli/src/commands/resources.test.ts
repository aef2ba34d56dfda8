import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runVigil } from '../testing/run-vigil.ts';

/* `vigil resources nearest` run as a user runs it, on an inventory CSV in a temporary folder. */

const vigil = (args: string[]) => runVigil(args);

const inventory = `id,name,resource_type,lat,lon,status
ast-chesapeake,Chesapeake AST,ambulance-strike-team/type-1,36.77,-76.29,available
ast-richmond,Richmond AST,ambulance-strike-team/type-1,37.54,-77.43,available
ast-norfolk,Norfolk AST,ambulance-strike-team/type-1,36.85,-76.28,assigned
ast2-vb,VB AST 2,ambulance-strike-team/type-2,36.85,-76.0,available
`;

describe('vigil resources nearest', () => {
  let dir: string;
  let file: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-resources-'));
    file = join(dir, 'inventory.csv');
    writeFileSync(file, inventory);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the nearest available of the type, nearest first, with distance and ETA', async () => {
    const run = await vigil([
      'resources',
      'nearest',
      '--inventory',
      file,
      '--type',
      'ambulance-strike-team/type-1',
      '--lat',
      '36.8508',
      '--lon',
      '-76.2859',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const [header, ...rows] = run.stdout.trim().split('\n');
    assert.equal(header, 'id,resource_type,distance_km,eta_minutes');
    assert.deepEqual(
      rows.map((row) => row.split(',')[0]),
      ['ast-chesapeake', 'ast-richmond'],
    );
    const [, , km, eta] = (rows[0] as string).split(',');
    assert.ok(Math.abs(Number(eta) - (Number(km) * 1.3 * 60) / 60) < 0.1);
  });

  it('includes more capable types with --substitutes', async () => {
    const run = await vigil([
      'resources',
      'nearest',
      '--inventory',
      file,
      '--type',
      'ambulance-strike-team/type-2',
      '--lat',
      '36.8508',
      '--lon',
      '-76.2859',
      '--k',
      '2',
      '--substitutes',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(
      run.stdout
        .trim()
        .split('\n')
        .slice(1)
        .map((row) => row.split(',')[0]),
      ['ast-chesapeake', 'ast2-vb'],
    );
  });

  it('refuses bad input in one line naming the flag or the file, line and column (exit 2)', async () => {
    const k = await vigil([
      'resources',
      'nearest',
      '--inventory',
      file,
      '--type',
      'x',
      '--lat',
      '36',
      '--lon',
      '-76',
      '--k',
      '0',
    ]);
    assert.equal(k.code, 2);
    assert.match(k.stderr, /^vigil: --k: /);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'id,resource_type,lat,lon,status\nr1,generator/type-2,95,-76,available\n');
    const row = await vigil([
      'resources',
      'nearest',
      '--inventory',
      bad,
      '--type',
      'generator/type-2',
      '--lat',
      '36',
      '--lon',
      '-76',
    ]);
    assert.equal(row.code, 2);
    assert.equal(row.stderr, 'vigil: bad.csv:2: lat "95" is not a number in -90..90\n');
    const missing = await vigil([
      'resources',
      'nearest',
      '--inventory',
      join(dir, 'nope.csv'),
      '--type',
      'x',
      '--lat',
      '36',
      '--lon',
      '-76',
    ]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--inventory: cannot read/);
  });
});
