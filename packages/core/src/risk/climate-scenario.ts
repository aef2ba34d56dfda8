import { z } from 'zod';
import { type HazardCode, hazardCodes } from './nri-hazards.ts';

/**
 * A climate scenario: per-hazard multipliers of the annualized frequency (1 = today's).
 * EAL is linear in frequency at every level FEMA computes it (grid cell, tract, county),
 * so scaling a county's hazard EAL by the multiplier is exact, not an approximation.
 */
export const frequencyMultipliersSchema = z
  .partialRecord(z.enum(hazardCodes), z.number().min(0).max(20))
  .refine((value) => Object.keys(value).length <= hazardCodes.length, { message: 'too many hazards' });
export type FrequencyMultipliers = Partial<Record<HazardCode, number>>;

export const climateScenarioInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(4000).default(''),
  /** The year the scenario projects to, for the reader (e.g. 2050). */
  horizonYear: z.number().int().min(2000).max(2200).nullable().default(null),
  multipliers: frequencyMultipliersSchema,
});
export type ClimateScenarioInput = z.infer<typeof climateScenarioInputSchema>;

export function multiplierOf(multipliers: FrequencyMultipliers | undefined, code: HazardCode): number {
  return multipliers?.[code] ?? 1;
}

/**
 * Scenarios shipped with Vigil, usable by name in the CLI (`--scenario "2050 (demo)"`).
 * The numbers are illustrative demo values chosen to tell the Virginia story (more heat
 * waves, coastal and riverine flooding); they do not come from a climate model.
 */
export const presetClimateScenarios: ClimateScenarioInput[] = [
  {
    name: '2050 (demo)',
    description:
      '[Demo data] Illustrative mid-century scenario: sea-level rise raises coastal flood frequency, more frequent heat waves and heavy-rain riverine floods, slightly more hurricanes and drought, fewer cold waves. Multipliers are not from a climate model.',
    horizonYear: 2050,
    multipliers: { CFLD: 1.8, HWAV: 1.6, RFLD: 1.25, HRCN: 1.1, DRGT: 1.1, CWAV: 0.85, WNTW: 0.9 },
  },
];

export function findPresetScenario(name: string): ClimateScenarioInput | undefined {
  return presetClimateScenarios.find((scenario) => scenario.name === name);
}
