import { DomainError } from '../errors/index.ts';
import type { ByConsequence, HazardBaseline, NriCounty, NriTable, PublishedHazard } from './nri-county.ts';
import {
  type ConsequenceType,
  consequenceSuffix,
  consequenceTypes,
  defaultNriRelease,
  findNriRelease,
  type HazardCode,
  hazardCodes,
  type NriRelease,
  nriReleases,
} from './nri-hazards.ts';
import { type CsvLimits, parseCsv } from './parse-csv.ts';

const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function refuse(line: number, column: string, message: string): never {
  throw new DomainError('VALIDATION_FAILED', `row ${line}, column ${column}: ${message}`, {
    field: column,
  });
}

/**
 * Reads FEMA's NRI county table (v1.19 columns, any state or the whole nation) into
 * typed counties. Only what Vigil computes from is required: `STCOFIPS`, `COUNTY`,
 * `CRF_VALUE` and, per hazard, `X_AFREQ` with `X_EALB`/`X_EALP`/`X_EALA` (or, for a type
 * whose EAL column is absent, `X_EXP*` and `X_HLR*` to compute it). FEMA's totals, scores
 * and ratings are read when present and kept as `published`; they are never inputs.
 * A missing or non-numeric value is refused with its row (the spreadsheet row: header = 1)
 * and column, so no NaN reaches a result.
 */
export function readNriTable(
  text: string,
  options: { limits?: Partial<CsvLimits>; release?: NriRelease } = {},
): NriTable {
  const csv = parseCsv(text, options.limits);
  const index = new Map(csv.header.map((name, i) => [name, i]));
  const has = (column: string) => index.has(column);
  for (const column of ['STCOFIPS', 'COUNTY', 'CRF_VALUE']) {
    if (!has(column)) refuse(1, column, 'the header has no such column');
  }
  const hazardColumns = new Map<HazardCode, ConsequenceType[]>();
  for (const code of hazardCodes) {
    if (!has(`${code}_AFREQ`)) refuse(1, `${code}_AFREQ`, 'the header has no such column');
    const types = consequenceTypes.filter((type) => {
      const s = consequenceSuffix[type];
      return has(`${code}_EAL${s}`) || (has(`${code}_EXP${s}`) && has(`${code}_HLR${s}`));
    });
    if (types.length === 0) refuse(1, `${code}_EALB`, 'no expected annual loss columns for this hazard');
    hazardColumns.set(code, types);
  }

  let release = options.release ?? defaultNriRelease;
  const seen = new Set<string>();
  const counties = csv.rows.map((row, r): NriCounty => {
    const line = csv.lines[r] as number;
    const cell = (column: string): string | undefined => {
      const i = index.get(column);
      return i === undefined ? undefined : (row[i] as string).trim();
    };
    const optionalNumber = (column: string): number | null => {
      const text = cell(column);
      if (text === undefined || text === '') return null;
      if (!numberPattern.test(text)) refuse(line, column, `${JSON.stringify(text)} is not a number`);
      return Number(text);
    };
    const requiredNumber = (column: string): number => {
      const value = optionalNumber(column);
      if (value === null) refuse(line, column, 'the value is missing');
      return value;
    };
    const text = (column: string): string | null => {
      const value = cell(column);
      return value === undefined || value === '' ? null : value;
    };

    const stcofips = cell('STCOFIPS') as string;
    if (!/^\d{5}$/.test(stcofips)) {
      refuse(
        line,
        'STCOFIPS',
        `${JSON.stringify(stcofips)} is not a 5-digit county FIPS code (did a spreadsheet drop a leading zero?)`,
      );
    }
    if (seen.has(stcofips)) refuse(line, 'STCOFIPS', `county ${stcofips} appears twice`);
    seen.add(stcofips);
    const county = cell('COUNTY') as string;
    if (county === '') refuse(line, 'COUNTY', 'the value is missing');

    const version = text('NRI_VER');
    if (version !== null && !options.release) {
      const known = findNriRelease(version);
      if (!known) {
        refuse(
          line,
          'NRI_VER',
          `release ${JSON.stringify(version)} is unknown (known: ${Object.keys(nriReleases).join(', ')}); its value of statistical life is needed`,
        );
      }
      if (r > 0 && known.name !== release.name) refuse(line, 'NRI_VER', 'rows of different releases');
      release = known;
    }

    const hazards: NriCounty['hazards'] = {};
    for (const code of hazardCodes) {
      const types = hazardColumns.get(code) as ConsequenceType[];
      const frequency = optionalNumber(`${code}_AFREQ`);
      if (frequency === null) {
        // Not applicable here: then no loss may be given either, or the row contradicts itself.
        for (const type of types) {
          const column = `${code}_EAL${consequenceSuffix[type]}`;
          if (optionalNumber(column) !== null) refuse(line, `${code}_AFREQ`, `the value is missing`);
        }
        continue;
      }
      const eal: ByConsequence = { buildings: null, population: null, agriculture: null };
      const exposure: ByConsequence = { buildings: null, population: null, agriculture: null };
      const ratio: ByConsequence = { buildings: null, population: null, agriculture: null };
      let source: HazardBaseline['source'] = 'fema-components';
      for (const type of types) {
        const s = consequenceSuffix[type];
        exposure[type] = optionalNumber(`${code}_EXP${s}`);
        ratio[type] = optionalNumber(`${code}_HLR${s}`);
        if (has(`${code}_EAL${s}`)) {
          eal[type] = requiredNumber(`${code}_EAL${s}`);
        } else {
          source = 'county-formula';
          eal[type] = requiredNumber(`${code}_EXP${s}`) * frequency * requiredNumber(`${code}_HLR${s}`);
        }
      }
      const published: PublishedHazard = {
        ealTotal: optionalNumber(`${code}_EALT`),
        ealScore: optionalNumber(`${code}_EALS`),
        ealRating: text(`${code}_EALR`),
        riskValue: optionalNumber(`${code}_RISKV`),
        riskScore: optionalNumber(`${code}_RISKS`),
        riskRating: text(`${code}_RISKR`),
      };
      hazards[code] = {
        annualizedFrequency: frequency,
        eal,
        exposure,
        historicLossRatio: ratio,
        source,
        published,
      };
    }

    return {
      stcofips,
      state: text('STATE'),
      county,
      countyType: text('COUNTYTYPE'),
      population: optionalNumber('POPULATION'),
      buildValue: optionalNumber('BUILDVALUE'),
      agriValue: optionalNumber('AGRIVALUE'),
      communityRiskFactor: requiredNumber('CRF_VALUE'),
      hazards,
      published: {
        riskValue: optionalNumber('RISK_VALUE'),
        riskScore: optionalNumber('RISK_SCORE'),
        riskRating: text('RISK_RATNG'),
        ealValue: optionalNumber('EAL_VALT'),
        ealScore: optionalNumber('EAL_SCORE'),
        ealRating: text('EAL_RATNG'),
        socialVulnerabilityScore: optionalNumber('SOVI_SCORE'),
        communityResilienceScore: optionalNumber('RESL_SCORE'),
      },
    };
  });
  if (counties.length === 0) refuse(2, 'STCOFIPS', 'the table has no counties');
  return { release, counties };
}
