import { z } from 'zod';
import { tlpLabelSchema } from '../access/index.ts';
import { hazardCodeSchema } from './nri-hazards.ts';

const nullableNumber = z.number().nullable();
const ealSchema = z.object({
  buildings: z.number(),
  population: z.number(),
  populationEquivalence: z.number(),
  agriculture: z.number(),
  total: z.number(),
});

/** FEMA's published figures for a county, named apart from Vigil's computed ones. */
const publishedCountySchema = z.object({
  riskValue: nullableNumber,
  riskScore: nullableNumber,
  riskRating: z.string().nullable(),
  ealValue: nullableNumber,
  ealScore: nullableNumber,
  ealRating: z.string().nullable(),
  socialVulnerabilityScore: nullableNumber,
  communityResilienceScore: nullableNumber,
});

export const riskCountyQuerySchema = z.strictObject({
  /** A climate scenario (a visible `climate-scenarios` record) to project. */
  scenarioId: z.string().min(1).max(64).optional(),
});
export type RiskCountyQuery = z.infer<typeof riskCountyQuerySchema>;

const scenarioRefSchema = z
  .object({ id: z.string(), name: z.string(), multipliers: z.record(z.string(), z.number()) })
  .nullable();

/** One county in the table and on the map: Vigil's computed figures, FEMA's beside them. */
export const riskCountySummarySchema = z.object({
  stcofips: z.string(),
  county: z.string(),
  countyType: z.string().nullable(),
  population: nullableNumber,
  communityRiskFactor: z.number(),
  eal: ealSchema,
  riskValue: z.number(),
  stateRank: z.number().int(),
  /** Hazard EAL totals (dollars) by NRI code; applicable hazards only. */
  hazardEal: z.record(z.string(), z.number()),
  projected: z
    .object({
      eal: ealSchema,
      riskValue: z.number(),
      stateRank: z.number().int(),
      riskValueChange: z.number(),
      riskValueChangeRatio: z.number(),
      hazardEal: z.record(z.string(), z.number()),
    })
    .nullable(),
  published: publishedCountySchema,
});
export type RiskCountySummary = z.infer<typeof riskCountySummarySchema>;

export const riskCountyListSchema = z.object({
  release: z.object({ name: z.string(), version: z.string(), valueOfStatisticalLife: z.number() }),
  scenario: scenarioRefSchema,
  items: z.array(riskCountySummarySchema),
  /** NRI data is public (CLEAR); a marked scenario raises the label of the projection. */
  marking: tlpLabelSchema,
});
export type RiskCountyList = z.infer<typeof riskCountyListSchema>;

const byConsequenceSchema = z.object({
  buildings: nullableNumber,
  population: nullableNumber,
  agriculture: nullableNumber,
});

export const riskHazardDetailSchema = z.object({
  code: hazardCodeSchema,
  name: z.string(),
  annualizedFrequency: z.number(),
  exposure: byConsequenceSchema,
  historicLossRatio: byConsequenceSchema,
  source: z.enum(['fema-components', 'county-formula']),
  eal: ealSchema,
  riskValue: z.number(),
  projected: z.object({ eal: ealSchema, riskValue: z.number(), multiplier: z.number() }).nullable(),
  published: z.object({
    ealTotal: nullableNumber,
    ealScore: nullableNumber,
    ealRating: z.string().nullable(),
    riskValue: nullableNumber,
    riskScore: nullableNumber,
    riskRating: z.string().nullable(),
  }),
});
export type RiskHazardDetail = z.infer<typeof riskHazardDetailSchema>;

export const riskCountyDetailSchema = riskCountySummarySchema.extend({
  hazards: z.array(riskHazardDetailSchema),
  scenario: scenarioRefSchema,
  marking: tlpLabelSchema,
});
export type RiskCountyDetail = z.infer<typeof riskCountyDetailSchema>;
