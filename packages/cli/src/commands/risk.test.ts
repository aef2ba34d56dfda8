import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { formatCsv, parseCsv } from '@vigil/core';
import { repoRoot, runVigil, sqliteAt } from '../testing/run-vigil.ts';

/* `vigil risk …` run as a user runs it, in a child process. */

const virginia = join(repoRoot, 'data', 'nri-virginia', 'NRI_Table_Counties_Virginia.csv');
const dir = mkdtempSync(join(tmpdir(), 'vigil-risk-cli-'));

const vigil = (args: string[]) => runVigil(args, sqliteAt(join(dir, 'vigil.db')));

/** Virginia's table with FEMA's totals, scores and ratings removed, and optionally one cell replaced. */
function strippedVirginia(set?: { line: number; column: string; value: string }): string {
  const table = parseCsv(readFileSync(virginia, 'utf8'));
  const summary = /^(RISK_|EAL_|SOVI_|RESL_|ALR_)|_(EALT|EALS|EALR|RISKV|RISKS|RISKR|ALR.*|EALPE)$/;
  const keep = table.header.map((name) => !summary.test(name));
  const rows = table.rows.map((row, i) => {
    const copy = [...row];
    if (set && table.lines[i] === set.line) copy[table.header.indexOf(set.column)] = set.value;
    return copy.filter((_, c) => keep[c]);
  });
  return formatCsv(
    table.header.filter((_, c) => keep[c]),
    rows,
  );
}

describe('vigil risk', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('nri computes FEMA’s figures from the per-hazard columns alone, and projects a scenario', async () => {
    const input = join(dir, 'stripped.csv');
    writeFileSync(input, strippedVirginia());
    const output = join(dir, 'out.csv');
    const run = await vigil([
      'risk',
      'nri',
      '--input',
      input,
      '--output',
      output,
      '--scenario',
      '2050 (demo)',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /wrote 133 counties/);
    const out = parseCsv(readFileSync(output, 'utf8'));
    const fema = parseCsv(readFileSync(virginia, 'utf8'));
    assert.equal(out.rows.length, 133);
    for (const row of fema.rows) {
      const fips = row[fema.header.indexOf('STCOFIPS')];
      const mine = out.rows.find((r) => r[0] === fips) as string[];
      for (const name of ['RISK_VALUE', 'EAL_VALT', 'EAL_VALB', 'HRCN_EALT']) {
        const expected = Number(row[fema.header.indexOf(name)]);
        const actual = Number(mine[out.header.indexOf(name)]);
        assert.ok(Math.abs(actual - expected) / expected < 1e-6, `${fips} ${name}`);
      }
      assert.equal(mine[out.header.indexOf('SCENARIO')], '2050 (demo)');
    }
  });

  it('refuses a malformed import in one line naming row and column, exit 2, nothing written', async () => {
    const input = join(dir, 'bad.csv');
    writeFileSync(input, strippedVirginia({ line: 7, column: 'RFLD_EALB', value: '12,5' }));
    const output = join(dir, 'never.csv');
    const run = await vigil(['risk', 'nri', '--input', input, '--output', output]);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, 'vigil: --input: row 7, column RFLD_EALB: "12,5" is not a number\n');
    assert.throws(() => readFileSync(output));
  });

  it('import loads the table into the database', async () => {
    const run = await vigil(['risk', 'import', '--input', virginia]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'imported 133 counties (NRI March 2023)\n');
  });
});
