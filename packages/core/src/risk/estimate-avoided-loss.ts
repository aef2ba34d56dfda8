import { z } from 'zod';
import { DomainError } from '../errors/index.ts';
import { type FrequencyMultipliers, frequencyMultipliersSchema, multiplierOf } from './climate-scenario.ts';
import type { NriTable } from './nri-county.ts';
import {
  type ConsequenceType,
  consequenceTypeSchema,
  consequenceTypes,
  hazardCodeSchema,
} from './nri-hazards.ts';

/**
 * A mitigation action as the budget optimizer (issue 8) describes it: reduce one hazard's
 * historic loss ratio (hardening: flood walls, roof straps) or exposure (buyouts,
 * elevation, relocation) by `fraction` in the chosen counties, for the chosen consequence
 * types (all the hazard has, by default).
 */
export const mitigationActionSchema = z.strictObject({
  hazard: hazardCodeSchema,
  counties: z
    .array(z.string().regex(/^\d{5}$/, 'a 5-digit county FIPS code'))
    .min(1)
    .max(4000),
  reduces: z.enum(['loss-ratio', 'exposure']),
  fraction: z.number().min(0).max(1),
  consequences: z.array(consequenceTypeSchema).min(1).max(3).optional(),
  /** Frequency multipliers of a climate scenario: avoided losses under that future. */
  multipliers: frequencyMultipliersSchema.optional(),
});
export type MitigationAction = z.infer<typeof mitigationActionSchema>;

export type AvoidedLoss = {
  /** Dollars of expected annual loss avoided per year, population at the release's VSL. */
  avoidedEalPerYear: number;
  /** The same, weighted by each county's community risk factor (risk value avoided per year). */
  avoidedRiskValuePerYear: number;
  /** Fatality-equivalents avoided per year (population consequence, before the VSL). */
  avoidedPopulationPerYear: number;
  byCounty: {
    stcofips: string;
    county: string;
    /** The hazard's EAL in this county before the action (under the multipliers, if any). */
    hazardEal: number;
    avoidedEal: number;
    avoidedRiskValue: number;
  }[];
};

/**
 * THE risk-reduction figure of a mitigation action, per year (contract for the budget
 * optimizer; documented in docs/modules/risk.md).
 *
 * Inputs: the NRI table, and an action {hazard, counties, reduces, fraction, consequences?,
 * multipliers?}. Output: avoided EAL per year in dollars, avoided risk value, avoided
 * population losses, and the split per county.
 *
 * EAL_h,c = exposure × frequency × loss ratio, so cutting either the loss ratio or the
 * exposure by a fraction f cuts EAL_h,c by exactly f (the two differ in what they cost
 * and how long they last, which is the optimizer's business, not in this figure).
 * A hazard not applicable in a county avoids nothing there. A county not in the table is
 * refused, naming it. f = 1 on every consequence type removes the hazard's EAL exactly.
 */
export function estimateAvoidedLoss(table: NriTable, action: MitigationAction): AvoidedLoss {
  const vsl = table.release.valueOfStatisticalLife;
  const types: readonly ConsequenceType[] = action.consequences ?? consequenceTypes;
  const byFips = new Map(table.counties.map((county) => [county.stcofips, county]));
  const multiplier = multiplierOf(action.multipliers as FrequencyMultipliers | undefined, action.hazard);
  const result: AvoidedLoss = {
    avoidedEalPerYear: 0,
    avoidedRiskValuePerYear: 0,
    avoidedPopulationPerYear: 0,
    byCounty: [],
  };
  const seen = new Set<string>();
  action.counties.forEach((fips, i) => {
    const county = byFips.get(fips);
    if (!county) {
      throw new DomainError('VALIDATION_FAILED', `county ${fips} is not in the NRI table`, {
        field: `counties[${i}]`,
      });
    }
    if (seen.has(fips)) return;
    seen.add(fips);
    const hazard = county.hazards[action.hazard];
    const b = (hazard?.eal.buildings ?? 0) * multiplier;
    const p = (hazard?.eal.population ?? 0) * multiplier;
    const a = (hazard?.eal.agriculture ?? 0) * multiplier;
    const hazardEal = b + p * vsl + a;
    let avoidedPopulation = 0;
    let avoided = 0;
    if (types.includes('buildings')) avoided += b * action.fraction;
    if (types.includes('population')) {
      avoidedPopulation = p * action.fraction;
      avoided += avoidedPopulation * vsl;
    }
    if (types.includes('agriculture')) avoided += a * action.fraction;
    const avoidedRisk = avoided * county.communityRiskFactor;
    result.avoidedEalPerYear += avoided;
    result.avoidedRiskValuePerYear += avoidedRisk;
    result.avoidedPopulationPerYear += avoidedPopulation;
    result.byCounty.push({
      stcofips: fips,
      county: county.county,
      hazardEal,
      avoidedEal: avoided,
      avoidedRiskValue: avoidedRisk,
    });
  });
  return result;
}
