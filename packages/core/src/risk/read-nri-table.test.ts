import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DomainError } from '../errors/index.ts';
import { computeRiskTable } from './compute-risk.ts';
import { formatCsv, neutralizeFormula } from './format-csv.ts';
import { formatNriResultsCsv } from './nri-export.ts';
import { hazardCodes } from './nri-hazards.ts';
import { parseCsv } from './parse-csv.ts';
import { readNriTable } from './read-nri-table.ts';

const virginiaCsv = readFileSync(
  new URL('../../../../data/nri-virginia/NRI_Table_Counties_Virginia.csv', import.meta.url),
  'utf8',
);

/** Virginia with some columns dropped and one cell replaced, as a user's file might come. */
function edited(options: {
  drop?: (name: string) => boolean;
  set?: { line: number; column: string; value: string };
}) {
  const table = parseCsv(virginiaCsv);
  const keep = table.header.map((name) => !(options.drop?.(name) ?? false));
  const rows = table.rows.map((row, i) => {
    const copy = [...row];
    if (options.set && table.lines[i] === options.set.line) {
      copy[table.header.indexOf(options.set.column)] = options.set.value;
    }
    return copy.filter((_, c) => keep[c]);
  });
  return formatCsv(
    table.header.filter((_, c) => keep[c]),
    rows,
  );
}

function assertRefused(act: () => unknown, pattern: RegExp, field?: string) {
  assert.throws(act, (error: unknown) => {
    assert.ok(error instanceof DomainError, String(error));
    assert.equal(error.code, 'VALIDATION_FAILED');
    assert.match(error.message, pattern);
    if (field) assert.equal(error.field, field);
    return true;
  });
}

describe('parseCsv', () => {
  it('handles a BOM, CRLF, quoted commas, doubled quotes and line breaks in quotes', () => {
    const table = parseCsv('\uFEFFA,B\r\n"x, y","say ""hi"""\r\n"two\nlines",051001\r\n');
    assert.deepEqual(table.header, ['A', 'B']);
    assert.deepEqual(table.rows, [
      ['x, y', 'say "hi"'],
      ['two\nlines', '051001'],
    ]);
    assert.deepEqual(table.lines, [2, 3]);
  });

  it('refuses a row with the wrong number of fields, naming its line', () => {
    assertRefused(() => parseCsv('A,B\n1,2\n3\n'), /line 3: 1 fields where the header has 2/);
  });

  it('refuses an unclosed quote, stray quotes and duplicate columns', () => {
    assertRefused(() => parseCsv('A\n"open\n'), /never closed/);
    assertRefused(() => parseCsv('A\nab"c\n'), /quote inside an unquoted field/);
    assertRefused(() => parseCsv('A,A\n1,2\n'), /names column A twice/);
  });

  it('enforces its limits on size, rows, columns and field length', () => {
    assertRefused(() => parseCsv('A\n1\n', { maxBytes: 3 }), /larger than 3 bytes/);
    assertRefused(() => parseCsv('A\n1\n2\n3\n', { maxRows: 2 }), /more than 2 data rows/);
    assertRefused(() => parseCsv('A,B,C\n', { maxColumns: 2 }), /more than 2 columns/);
    assertRefused(() => parseCsv('A\nabcdef\n', { maxFieldLength: 5 }), /longer than 5/);
  });
});

describe('readNriTable refuses malformed imports with row and column', () => {
  it('a non-numeric loss', () => {
    assertRefused(
      () => readNriTable(edited({ set: { line: 5, column: 'HRCN_EALB', value: 'n/a' } })),
      /^row 5, column HRCN_EALB: "n\/a" is not a number/,
      'HRCN_EALB',
    );
  });

  it('a missing loss where the hazard applies', () => {
    assertRefused(
      () => readNriTable(edited({ set: { line: 40, column: 'RFLD_EALA', value: '' } })),
      /^row 40, column RFLD_EALA: the value is missing/,
    );
  });

  it('a missing community risk factor', () => {
    assertRefused(
      () => readNriTable(edited({ set: { line: 2, column: 'CRF_VALUE', value: ' ' } })),
      /^row 2, column CRF_VALUE/,
    );
  });

  it('a county code that lost its leading zero or is not a code', () => {
    assertRefused(
      () => readNriTable(edited({ set: { line: 3, column: 'STCOFIPS', value: '1001' } })),
      /^row 3, column STCOFIPS: "1001" is not a 5-digit/,
    );
  });

  it('a missing required column, and an unknown release', () => {
    assertRefused(() => readNriTable(edited({ drop: (name) => name === 'CRF_VALUE' })), /column CRF_VALUE/);
    assertRefused(
      () => readNriTable(edited({ drop: (name) => name.startsWith('WFIR_AFREQ') })),
      /column WFIR_AFREQ/,
    );
    assertRefused(
      () => readNriTable(edited({ set: { line: 2, column: 'NRI_VER', value: 'July 2031' } })),
      /row 2, column NRI_VER: release "July 2031" is unknown/,
    );
  });
});

describe('readNriTable without FEMA’s totals and scores', () => {
  const summary = /^(RISK_|EAL_|SOVI_|RESL_|ALR_)|_(EALT|EALS|EALR|RISKV|RISKS|RISKR|ALR.*|EALPE)$/;
  const stripped = readNriTable(edited({ drop: (name) => summary.test(name) }));
  const full = readNriTable(virginiaCsv);

  it('computes the same results from the per-hazard columns alone', () => {
    assert.deepEqual(computeRiskTable(stripped), computeRiskTable(full));
    assert.equal(stripped.counties[0]?.published.riskValue, null);
  });

  it('falls back to exposure × frequency × loss ratio when a type’s EAL column is absent', () => {
    const formula = readNriTable(edited({ drop: (name) => name === 'RFLD_EALB' }));
    const county = formula.counties.find((c) => c.stcofips === '51059');
    assert.equal(county?.hazards.RFLD?.source, 'county-formula');
    const fema = full.counties.find((c) => c.stcofips === '51059')?.hazards.RFLD?.eal.buildings as number;
    assert.ok(Math.abs((county?.hazards.RFLD?.eal.buildings as number) - fema) / fema < 1e-9);
  });
});

describe('CSV output', () => {
  it('neutralizes formulas in text cells, never in numbers', () => {
    assert.equal(neutralizeFormula('=HYPERLINK("x")'), `'=HYPERLINK("x")`);
    for (const lead of ['+', '-', '@', '\t']) assert.equal(neutralizeFormula(`${lead}1`), `'${lead}1`);
    assert.equal(neutralizeFormula('Fairfax'), 'Fairfax');
    assert.equal(formatCsv(['A', 'B'], [['=1+1', -5]]), `A,B\r\n'=1+1,-5\r\n`);
  });

  it('writes one row per county with FEMA’s column names, and projected columns for a scenario', () => {
    const table = readNriTable(virginiaCsv);
    const out = parseCsv(formatNriResultsCsv(table, { name: 'test', multipliers: { HWAV: 2 } }));
    assert.equal(out.rows.length, 133);
    for (const name of [
      'STCOFIPS',
      'EAL_VALT',
      'EAL_VALB',
      'EAL_VALP',
      'EAL_VALPE',
      'EAL_VALA',
      'RISK_VALUE',
    ]) {
      assert.ok(out.header.includes(name), name);
    }
    for (const code of hazardCodes) assert.ok(out.header.includes(`${code}_EALT`));
    assert.ok(out.header.includes('PROJ_RISK_VALUE') && out.header.includes('PROJ_HWAV_EALT'));
    const fairfax = out.rows.find((row) => row[0] === '51059') as string[];
    const at = (name: string) => Number(fairfax[out.header.indexOf(name)]);
    assert.ok(at('PROJ_HWAV_EALT') > at('HWAV_EALT'));
    const albemarle = out.rows.find((row) => row[0] === '51003') as string[];
    assert.equal(albemarle[out.header.indexOf('CFLD_EALT')], '', 'not applicable is empty, not 0');
  });
});
