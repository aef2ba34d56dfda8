import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { compareScenario, computeRiskTable } from './compute-risk.ts';
import { estimateAvoidedLoss } from './estimate-avoided-loss.ts';
import { hazardCodes } from './nri-hazards.ts';
import { parseCsv } from './parse-csv.ts';
import { readNriTable } from './read-nri-table.ts';

const virginiaCsv = readFileSync(
  new URL('../../../../data/nri-virginia/NRI_Table_Counties_Virginia.csv', import.meta.url),
  'utf8',
);
const virginia = readNriTable(virginiaCsv);
/** FEMA's own columns, read independently of Vigil's reader. */
const raw = parseCsv(virginiaCsv);
const column = (name: string) => raw.header.indexOf(name);
const published = (row: string[], name: string) => {
  const text = row[column(name)] ?? '';
  return text === '' ? null : Number(text);
};

function relativeError(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

describe('the NRI baseline on Virginia (FEMA v1.19 county table)', () => {
  const results = computeRiskTable(virginia);
  const byFips = new Map(results.map((r) => [r.stcofips, r]));

  it('reads all 133 counties and independent cities, FIPS kept as text', () => {
    assert.equal(results.length, 133);
    assert.equal(virginia.release.valueOfStatisticalLife, 11_600_000);
    assert.equal(byFips.get('51001')?.county, 'Accomack');
    assert.equal(byFips.get('51059')?.county, 'Fairfax');
  });

  it('equals FEMA’s totals: sums within 1e-9, where the VSL enters within 1e-4', () => {
    let worstSum = 0;
    let worstVsl = 0;
    for (const row of raw.rows) {
      const fips = row[column('STCOFIPS')] as string;
      const vigil = byFips.get(fips);
      assert.ok(vigil, fips);
      const sums: [number, string][] = [
        [vigil.eal.buildings, 'EAL_VALB'],
        [vigil.eal.population, 'EAL_VALP'],
        [vigil.eal.agriculture, 'EAL_VALA'],
      ];
      for (const [value, name] of sums) {
        const error = relativeError(value, published(row, name) as number);
        worstSum = Math.max(worstSum, error);
        assert.ok(error <= 1e-9, `${fips} ${name}: ${value} vs ${published(row, name)}`);
      }
      const withVsl: [number, string][] = [
        [vigil.eal.populationEquivalence, 'EAL_VALPE'],
        [vigil.eal.total, 'EAL_VALT'],
        [vigil.riskValue, 'RISK_VALUE'],
        ...vigil.hazards
          .filter((h) => column(`${h.code}_EALPE`) >= 0)
          .map((h): [number, string] => [h.populationEquivalence, `${h.code}_EALPE`]),
        ...vigil.hazards.map((h): [number, string] => [h.total, `${h.code}_EALT`]),
      ];
      for (const [value, name] of withVsl) {
        const error = relativeError(value, published(row, name) as number);
        if (!name.includes('_EAL')) worstVsl = Math.max(worstVsl, error);
        assert.ok(error <= 1e-4, `${fips} ${name}: ${value} vs ${published(row, name)}`);
      }
    }
    // Per-hazard population figures are printed with as few as 7 significant digits, hence
    // the 1e-4 tolerance; the composites must do far better, or a formula error could hide.
    assert.ok(worstVsl < 1e-9, `worst composite error ${worstVsl}`);
  });

  it('keeps FEMA’s published figures beside Vigil’s, under their own names', () => {
    const fairfax = virginia.counties.find((c) => c.stcofips === '51059');
    assert.equal(fairfax?.published.riskRating, 'Relatively Moderate');
    assert.equal(fairfax?.published.riskScore, Number('94.591154947502389'));
    assert.equal(fairfax?.hazards.HRCN?.published.riskValue, Number('76139892.575236678123474'));
    const albemarle = virginia.counties.find((c) => c.stcofips === '51003');
    assert.equal(albemarle?.hazards.CFLD, undefined, 'coastal flooding is Not Applicable in Albemarle');
  });

  it('per-hazard risk values add up to the composite risk value', () => {
    for (const result of results) {
      const sum = result.hazards.reduce((total, h) => total + h.riskValue, 0);
      assert.ok(relativeError(sum, result.riskValue) < 1e-12, result.stcofips);
    }
  });

  it('for riverine flooding, earthquake and tornado the county formula exposure × frequency × loss ratio reproduces FEMA', () => {
    for (const county of virginia.counties) {
      for (const code of ['RFLD', 'ERQK', 'TRND'] as const) {
        const hazard = county.hazards[code];
        if (!hazard) continue;
        for (const type of ['buildings', 'agriculture'] as const) {
          const exposure = hazard.exposure[type];
          const ratio = hazard.historicLossRatio[type];
          if (exposure === null || ratio === null || hazard.eal[type] === null) continue;
          const formula = exposure * hazard.annualizedFrequency * ratio;
          assert.ok(relativeError(formula, hazard.eal[type] as number) < 1e-9, `${county.stcofips} ${code}`);
        }
      }
    }
  });

  it('ranks counties within the state by risk value: Fairfax first, ranks 1..133', () => {
    assert.equal(byFips.get('51059')?.stateRank, 1);
    assert.deepEqual(
      results.map((r) => r.stateRank).sort((a, b) => a - b),
      Array.from({ length: 133 }, (_, i) => i + 1),
    );
  });

  it('on the coast, coastal flooding and hurricanes dominate (Virginia Beach, Norfolk, Accomack)', () => {
    for (const fips of ['51810', '51710', '51001']) {
      const top = [...(byFips.get(fips)?.hazards ?? [])].sort((a, b) => b.total - a.total).slice(0, 3);
      const codes = top.map((h) => h.code);
      assert.ok(codes.includes('HRCN') || codes.includes('CFLD'), `${fips}: ${codes.join(', ')}`);
    }
  });
});

describe('climate scenarios', () => {
  const baseline = computeRiskTable(virginia);

  it('multipliers of 1 reproduce the baseline exactly', () => {
    const ones = Object.fromEntries(hazardCodes.map((code) => [code, 1]));
    assert.deepEqual(computeRiskTable(virginia, ones), baseline);
    for (const change of compareScenario(virginia, ones)) {
      assert.equal(change.riskValueChange, 0);
      assert.equal(change.ealChange, 0);
    }
  });

  it('a multiplier scales only its hazard, linearly', () => {
    const changes = compareScenario(virginia, { CFLD: 2 });
    const norfolk = changes.find((c) => c.stcofips === '51710');
    const cfld = norfolk?.baseline.hazards.find((h) => h.code === 'CFLD');
    assert.ok(cfld && cfld.total > 0);
    assert.ok(relativeError(norfolk?.ealChange as number, cfld.total) < 1e-12);
    const albemarle = changes.find((c) => c.stcofips === '51003');
    assert.equal(albemarle?.ealChange, 0, 'no coastal flooding in Albemarle');
  });
});

describe('estimateAvoidedLoss (the budget optimizer’s contract)', () => {
  const baseline = new Map(computeRiskTable(virginia).map((r) => [r.stcofips, r]));

  it('a 100 % mitigation on a hazard removes exactly that hazard’s EAL', () => {
    const counties = ['51710', '51810', '51001', '51059'];
    const result = estimateAvoidedLoss(virginia, {
      hazard: 'HRCN',
      counties,
      reduces: 'loss-ratio',
      fraction: 1,
    });
    let expected = 0;
    for (const fips of counties) {
      const hrcn = baseline.get(fips)?.hazards.find((h) => h.code === 'HRCN');
      expected += hrcn?.total ?? 0;
      const row = result.byCounty.find((c) => c.stcofips === fips);
      assert.equal(row?.avoidedEal, hrcn?.total);
    }
    assert.ok(relativeError(result.avoidedEalPerYear, expected) < 1e-12);
  });

  it('scales with the fraction, the consequence types and the climate multiplier', () => {
    const half = estimateAvoidedLoss(virginia, {
      hazard: 'CFLD',
      counties: ['51710'],
      reduces: 'exposure',
      fraction: 0.5,
      consequences: ['buildings'],
    });
    const eal = virginia.counties.find((c) => c.stcofips === '51710')?.hazards.CFLD?.eal.buildings as number;
    assert.equal(half.avoidedEalPerYear, eal * 0.5);
    assert.equal(half.avoidedPopulationPerYear, 0);
    const future = estimateAvoidedLoss(virginia, {
      hazard: 'CFLD',
      counties: ['51710'],
      reduces: 'exposure',
      fraction: 0.5,
      consequences: ['buildings'],
      multipliers: { CFLD: 1.8 },
    });
    assert.ok(relativeError(future.avoidedEalPerYear, eal * 0.5 * 1.8) < 1e-12);
  });

  it('avoids nothing where the hazard does not apply, and refuses an unknown county by index', () => {
    const none = estimateAvoidedLoss(virginia, {
      hazard: 'CFLD',
      counties: ['51003'],
      reduces: 'loss-ratio',
      fraction: 1,
    });
    assert.equal(none.avoidedEalPerYear, 0);
    assert.throws(
      () =>
        estimateAvoidedLoss(virginia, {
          hazard: 'CFLD',
          counties: ['51003', '99999'],
          reduces: 'loss-ratio',
          fraction: 1,
        }),
      (error: { field?: string }) => error.field === 'counties[1]',
    );
  });
});
