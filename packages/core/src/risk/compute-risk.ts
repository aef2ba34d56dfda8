import { type FrequencyMultipliers, multiplierOf } from './climate-scenario.ts';
import type { NriCounty, NriTable } from './nri-county.ts';
import { type HazardCode, hazardCodes } from './nri-hazards.ts';

/** Expected annual loss split by consequence type, in dollars except `population` (people per year). */
export type EalBreakdown = {
  buildings: number;
  population: number;
  /** Population in dollars: `population` × the release's value of statistical life. */
  populationEquivalence: number;
  agriculture: number;
  /** buildings + populationEquivalence + agriculture. */
  total: number;
};

export type HazardRisk = EalBreakdown & {
  code: HazardCode;
  /** This hazard's share of the county's risk value: its EAL × the community risk factor. */
  riskValue: number;
};

/** What Vigil computes for one county; FEMA's own figures stay in `NriCounty.published`. */
export type CountyRisk = {
  stcofips: string;
  county: string;
  eal: EalBreakdown;
  riskValue: number;
  /** 1 = highest risk value in its state (ties share a rank). */
  stateRank: number;
  hazards: HazardRisk[];
};

export type RiskOptions = { valueOfStatisticalLife: number; multipliers?: FrequencyMultipliers };

/**
 * NRI v1.19 for one county:
 *   EAL_h,c = (FEMA's EAL_h,c) × frequency multiplier_h   for c ∈ {B, P, A}
 *   EAL_h,PE = EAL_h,P × VSL
 *   EAL_h = EAL_h,B + EAL_h,PE + EAL_h,A;   EAL = Σ_h EAL_h (in FEMA's hazard order)
 *   risk value = EAL × CRF;   hazard risk value = EAL_h × CRF (they add up to the composite)
 * With multipliers of 1 this reproduces FEMA's composite totals and risk value.
 */
export function computeCountyRisk(county: NriCounty, options: RiskOptions): CountyRisk {
  return computeWithMultipliers(county, options.valueOfStatisticalLife, multiplierList(options.multipliers));
}

function multiplierList(multipliers: FrequencyMultipliers | undefined): number[] {
  return hazardCodes.map((code) => multiplierOf(multipliers, code));
}

// The hot loop of a national recomputation (3,000+ counties × 18 hazards): multipliers by
// hazard index, no closures, one object per applicable hazard.
function computeWithMultipliers(county: NriCounty, vsl: number, multipliers: number[]): CountyRisk {
  const crf = county.communityRiskFactor;
  const hazards: HazardRisk[] = [];
  let buildings = 0;
  let population = 0;
  let populationEquivalence = 0;
  let agriculture = 0;
  let total = 0;
  for (let h = 0; h < hazardCodes.length; h += 1) {
    const code = hazardCodes[h] as HazardCode;
    const hazard = county.hazards[code];
    if (hazard === undefined) continue;
    const m = multipliers[h] as number;
    const eal = hazard.eal;
    const b = eal.buildings === null ? 0 : eal.buildings * m;
    const p = eal.population === null ? 0 : eal.population * m;
    const pe = p * vsl;
    const a = eal.agriculture === null ? 0 : eal.agriculture * m;
    const t = b + pe + a;
    hazards.push({
      code,
      buildings: b,
      population: p,
      populationEquivalence: pe,
      agriculture: a,
      total: t,
      riskValue: t * crf,
    });
    buildings += b;
    population += p;
    populationEquivalence += pe;
    agriculture += a;
    total += t;
  }
  return {
    stcofips: county.stcofips,
    county: county.county,
    eal: { buildings, population, populationEquivalence, agriculture, total },
    riskValue: total * crf,
    stateRank: 0,
    hazards,
  };
}

/** Every county of the table, ranked within its state (first two FIPS digits) by risk value. */
export function computeRiskTable(table: NriTable, multipliers?: FrequencyMultipliers): CountyRisk[] {
  const vsl = table.release.valueOfStatisticalLife;
  const list = multiplierList(multipliers);
  const results = table.counties.map((county) => computeWithMultipliers(county, vsl, list));
  rankWithinStates(results);
  return results;
}

function rankWithinStates(results: CountyRisk[]): void {
  // Group by the two state digits of the FIPS code, as a number: no substring per county.
  const byState: CountyRisk[][] = [];
  for (const result of results) {
    const code = result.stcofips;
    const state = (code.charCodeAt(0) - 48) * 10 + (code.charCodeAt(1) - 48);
    const list = byState[state];
    if (list) list.push(result);
    else byState[state] = [result];
  }
  for (const list of byState) {
    if (!list) continue;
    list.sort((a, b) => b.riskValue - a.riskValue);
    for (let i = 0; i < list.length; i += 1) {
      const result = list[i] as CountyRisk;
      const previous = list[i - 1];
      result.stateRank = previous && previous.riskValue === result.riskValue ? previous.stateRank : i + 1;
    }
  }
}

/** Baseline and projection side by side, for the change a scenario makes. */
export type ScenarioChange = {
  stcofips: string;
  baseline: CountyRisk;
  projected: CountyRisk;
  ealChange: number;
  riskValueChange: number;
  /** Relative change of the risk value (0.12 = +12 %); 0 when the baseline is 0. */
  riskValueChangeRatio: number;
};

export function compareScenario(table: NriTable, multipliers: FrequencyMultipliers): ScenarioChange[] {
  const baseline = computeRiskTable(table);
  const projected = computeRiskTable(table, multipliers);
  return baseline.map((base, i) => {
    const next = projected[i] as CountyRisk;
    const change = next.riskValue - base.riskValue;
    return {
      stcofips: base.stcofips,
      baseline: base,
      projected: next,
      ealChange: next.eal.total - base.eal.total,
      riskValueChange: change,
      riskValueChangeRatio: base.riskValue === 0 ? 0 : change / base.riskValue,
    };
  });
}
