import type { ConsequenceType, HazardCode, NriRelease } from './nri-hazards.ts';

/** A value per consequence type; `null` where the type does not apply to the hazard. */
export type ByConsequence = Record<ConsequenceType, number | null>;

/**
 * What FEMA published for one hazard in one county, kept apart from what Vigil computes
 * so the two are never confused: totals, scores (national percentiles) and ratings.
 */
export type PublishedHazard = {
  ealTotal: number | null;
  ealScore: number | null;
  ealRating: string | null;
  riskValue: number | null;
  riskScore: number | null;
  riskRating: string | null;
};

/**
 * One hazard's inputs in one county. `eal` is the expected annual loss per consequence
 * type: buildings and agriculture in dollars, population in people per year (before the
 * VSL turns it into dollars). FEMA computes these on a sub-county grid and publishes
 * them per county (`*_EALB`, `*_EALP`, `*_EALA`); the county-level frequency, exposure and
 * loss ratio below are averages of that grid, so their product only approximates `eal`
 * (see docs/adr/0007). `source` says which the import used.
 */
export type HazardBaseline = {
  annualizedFrequency: number;
  eal: ByConsequence;
  exposure: ByConsequence;
  historicLossRatio: ByConsequence;
  source: 'fema-components' | 'county-formula';
  published: PublishedHazard;
};

export type PublishedCounty = {
  riskValue: number | null;
  riskScore: number | null;
  riskRating: string | null;
  ealValue: number | null;
  ealScore: number | null;
  ealRating: string | null;
  socialVulnerabilityScore: number | null;
  communityResilienceScore: number | null;
};

/** One county (or county-equivalent) of an NRI county table. FIPS codes are text. */
export type NriCounty = {
  stcofips: string;
  state: string | null;
  county: string;
  countyType: string | null;
  population: number | null;
  buildValue: number | null;
  agriValue: number | null;
  /** `CRF_VALUE`: social vulnerability over community resilience, scaled by FEMA. */
  communityRiskFactor: number;
  /** Applicable hazards only: a hazard FEMA rates "Not Applicable" here is absent. */
  hazards: Partial<Record<HazardCode, HazardBaseline>>;
  published: PublishedCounty;
};

export type NriTable = { release: NriRelease; counties: NriCounty[] };
