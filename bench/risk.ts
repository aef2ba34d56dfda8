/**
 * NRI recomputation: a national-size county table (≥ 3,100 counties × 18 hazards) in core, against a naive per-row baseline.
 *
 * The table is synthetic from real distributions: each county of FEMA's national summary
 * (`../shared/data/national/nri_counties_summary_national.csv.gz`, 3,142 counties, composite
 * EAL by consequence type only) gets its 18 hazards' shares of building, population and
 * agriculture loss, and its community risk factor, from a Virginia county of the real v1.19
 * table (data/nri-virginia), drawn with a seeded generator. Without the national file the
 * Virginia counties are repeated with jitter up to 3,142.
 *
 * Subject: `computeRiskTable` (EAL by consequence, population equivalence, hazard totals,
 * composite EAL, risk value, rank within state), baseline and with a climate scenario.
 * Peer (the naive baseline): the same computation over generic rows, one Map per county
 * keyed by FEMA's column names (`HRCN_EALB` …) as a generic CSV library would hand them
 * over, building the column names per lookup. Both run in this process, interleaved, and
 * must agree; medians over the runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import {
  computeRiskTable,
  consequenceSuffix,
  consequenceTypes,
  findPresetScenario,
  hazardCodes,
  type NriCounty,
  type NriTable,
  parseCsv,
  readNriTable,
} from '@vigil/core';
import { median } from './lib/measure.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '31' },
    national: {
      type: 'string',
      default: join(root, '..', 'shared', 'data', 'national', 'nri_counties_summary_national.csv.gz'),
    },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(
    `usage: npm run bench -- risk [--runs N] [--national path/to/nri_counties_summary_national.csv.gz]\n`,
  );
  process.exit(0);
}
const runs = Math.max(5, Number(values.runs));

/** Mulberry32: a small seeded generator, so every run builds the same table. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const virginia = readNriTable(
  readFileSync(join(root, 'data/nri-virginia/NRI_Table_Counties_Virginia.csv'), 'utf8'),
);
const random = generator(20260915);

/** A county with the composite losses given, split over hazards as `pattern` (a real Virginia county) splits them. */
function synthesize(
  fips: string,
  name: string,
  totals: Record<'B' | 'P' | 'A', number>,
  pattern: NriCounty,
): NriCounty {
  const sums = { B: 0, P: 0, A: 0 };
  for (const code of hazardCodes) {
    const hazard = pattern.hazards[code];
    if (!hazard) continue;
    sums.B += hazard.eal.buildings ?? 0;
    sums.P += hazard.eal.population ?? 0;
    sums.A += hazard.eal.agriculture ?? 0;
  }
  const hazards: NriCounty['hazards'] = {};
  for (const code of hazardCodes) {
    const hazard = pattern.hazards[code];
    if (!hazard) continue;
    const share = (value: number | null, key: 'B' | 'P' | 'A') =>
      value === null
        ? null
        : sums[key] === 0
          ? 0
          : (value / sums[key]) * totals[key] * (0.9 + 0.2 * random());
    hazards[code] = {
      ...hazard,
      eal: {
        buildings: share(hazard.eal.buildings, 'B'),
        population: share(hazard.eal.population, 'P'),
        agriculture: share(hazard.eal.agriculture, 'A'),
      },
    };
  }
  return { ...pattern, stcofips: fips, county: name, hazards };
}

function nationalTable(): { table: NriTable; source: string } {
  const pick = () => virginia.counties[Math.floor(random() * virginia.counties.length)] as NriCounty;
  const counties: NriCounty[] = [];
  if (existsSync(values.national)) {
    const csv = parseCsv(gunzipSync(readFileSync(values.national)).toString('utf8'));
    const at = (row: string[], name: string) => row[csv.header.indexOf(name)] as string;
    for (const row of csv.rows) {
      // The national file lost leading zeros (Alabama's 1001): rebuild the 5-digit code as text.
      const fips = at(row, 'STATEFIPS').padStart(2, '0') + at(row, 'COUNTYFIPS').padStart(3, '0');
      const totals = {
        B: Number(at(row, 'EAL_VALB')),
        P: Number(at(row, 'EAL_VALP')),
        A: Number(at(row, 'EAL_VALA')),
      };
      counties.push(synthesize(fips, at(row, 'COUNTY'), totals, pick()));
    }
    return {
      table: { release: virginia.release, counties },
      source: `${csv.rows.length} counties of the national summary`,
    };
  }
  for (let i = 0; counties.length < 3142; i += 1) {
    const pattern = pick();
    const state = String(10 + Math.floor(i / 133)).padStart(2, '0');
    const totals = { B: 0, P: 0, A: 0 };
    for (const hazard of Object.values(pattern.hazards)) {
      totals.B += (hazard.eal.buildings ?? 0) * (0.5 + random());
      totals.P += (hazard.eal.population ?? 0) * (0.5 + random());
      totals.A += (hazard.eal.agriculture ?? 0) * (0.5 + random());
    }
    counties.push(
      synthesize(`${state}${String(i % 1000).padStart(3, '0')}`, pattern.county, totals, pattern),
    );
  }
  return {
    table: { release: virginia.release, counties },
    source: 'Virginia repeated (national file not found)',
  };
}

/** The peer's input: what a generic CSV reader hands over, one Map of column name → number per county. */
function toGenericRows(table: NriTable): Map<string, number | string>[] {
  return table.counties.map((county) => {
    const row = new Map<string, number | string>([
      ['STCOFIPS', county.stcofips],
      ['CRF_VALUE', county.communityRiskFactor],
    ]);
    for (const code of hazardCodes) {
      const hazard = county.hazards[code];
      if (!hazard) continue;
      for (const type of consequenceTypes) {
        const value = hazard.eal[type];
        if (value !== null) row.set(`${code}_EAL${consequenceSuffix[type]}`, value);
      }
    }
    return row;
  });
}

/** The naive baseline: the same formulas, looked up by column name per county and hazard. */
function naiveRecompute(
  rows: Map<string, number | string>[],
  vsl: number,
  multipliers: Record<string, number> = {},
) {
  const results = rows.map((row) => {
    const out: Record<string, number | string> = { STCOFIPS: row.get('STCOFIPS') as string };
    let total = 0;
    for (const code of hazardCodes) {
      const m = multipliers[code] ?? 1;
      const b = row.get(`${code}_EALB`);
      const p = row.get(`${code}_EALP`);
      const a = row.get(`${code}_EALA`);
      if (b === undefined && p === undefined && a === undefined) continue;
      const t = (Number(b ?? 0) + Number(p ?? 0) * vsl + Number(a ?? 0)) * m;
      out[`${code}_EALT`] = t;
      total += t;
    }
    out.EAL_VALT = total;
    out.RISK_VALUE = total * Number(row.get('CRF_VALUE'));
    return out;
  });
  const byState = new Map<string, Record<string, number | string>[]>();
  for (const r of results) {
    const state = String(r.STCOFIPS).slice(0, 2);
    byState.set(state, [...(byState.get(state) ?? []), r]);
  }
  for (const list of byState.values()) {
    list.sort((x, y) => Number(y.RISK_VALUE) - Number(x.RISK_VALUE));
    list.forEach((r, i) => {
      r.STATE_RANK = i + 1;
    });
  }
  return results;
}

function time(act: () => unknown): number {
  const start = process.hrtime.bigint();
  act();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const { table, source } = nationalTable();
const rows = toGenericRows(table);
const hazardsTotal = table.counties.reduce((n, c) => n + Object.keys(c.hazards).length, 0);
const scenario = findPresetScenario('2050 (demo)')?.multipliers ?? {};
const vsl = table.release.valueOfStatisticalLife;

// The two must compute the same thing, or the comparison means nothing.
const vigil = computeRiskTable(table);
const naive = naiveRecompute(rows, vsl);
for (let i = 0; i < vigil.length; i += 1) {
  const a = vigil[i]?.riskValue as number;
  const b = Number(naive[i]?.RISK_VALUE);
  if (Math.abs(a - b) > 1e-6 * Math.max(1, Math.abs(b)))
    throw new Error(`disagreement at ${vigil[i]?.stcofips}`);
}

for (let i = 0; i < 5; i += 1) {
  computeRiskTable(table, scenario);
  naiveRecompute(rows, vsl, scenario);
}
const samples = {
  vigil: [] as number[],
  vigilScenario: [] as number[],
  naive: [] as number[],
  naiveScenario: [] as number[],
};
for (let i = 0; i < runs; i += 1) {
  samples.vigil.push(time(() => computeRiskTable(table)));
  samples.naive.push(time(() => naiveRecompute(rows, vsl)));
  samples.vigilScenario.push(time(() => computeRiskTable(table, scenario)));
  samples.naiveScenario.push(time(() => naiveRecompute(rows, vsl, scenario)));
}
const m = (list: number[]) => median(list) as number;
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
process.stdout.write(
  `NRI recomputation — ${table.counties.length} counties × 18 hazards (${hazardsTotal} applicable hazard rows), ${source}\n`,
);
process.stdout.write(`medians of ${runs} interleaved runs, Node ${process.version}\n\n`);
process.stdout.write(
  'measurement                    vigil (core)   naive (Map rows)   vigil / naive time   goal ≤ 20 ms\n',
);
for (const [label, subject, peer] of [
  ['baseline (EAL, risk, ranks)', samples.vigil, samples.naive],
  ['2050 (demo) scenario', samples.vigilScenario, samples.naiveScenario],
] as const) {
  const s = m(subject);
  const p = m(peer);
  process.stdout.write(
    `${label.padEnd(30)} ${fmt(s).padStart(12)}   ${fmt(p).padStart(16)}   ${(s / p).toFixed(2).padStart(18)}   ${s <= 20 ? 'met' : 'NOT met'}\n`,
  );
}
