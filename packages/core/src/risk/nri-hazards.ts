import { z } from 'zod';

/**
 * The 18 natural hazards of FEMA's National Risk Index, keyed by the field prefix the
 * NRI tables use (`HRCN_EALB` …). Order is FEMA's (alphabetical by code), which is also
 * the order Vigil sums them in, so composite totals add up exactly as FEMA's do.
 */
export const hazardCodes = [
  'AVLN',
  'CFLD',
  'CWAV',
  'DRGT',
  'ERQK',
  'HAIL',
  'HWAV',
  'HRCN',
  'ISTM',
  'LNDS',
  'LTNG',
  'RFLD',
  'SWND',
  'TRND',
  'TSUN',
  'VLCN',
  'WFIR',
  'WNTW',
] as const;
export type HazardCode = (typeof hazardCodes)[number];
export const hazardCodeSchema = z.enum(hazardCodes);

export const hazardNames: Record<HazardCode, string> = {
  AVLN: 'Avalanche',
  CFLD: 'Coastal Flooding',
  CWAV: 'Cold Wave',
  DRGT: 'Drought',
  ERQK: 'Earthquake',
  HAIL: 'Hail',
  HWAV: 'Heat Wave',
  HRCN: 'Hurricane',
  ISTM: 'Ice Storm',
  LNDS: 'Landslide',
  LTNG: 'Lightning',
  RFLD: 'Riverine Flooding',
  SWND: 'Strong Wind',
  TRND: 'Tornado',
  TSUN: 'Tsunami',
  VLCN: 'Volcanic Activity',
  WFIR: 'Wildfire',
  WNTW: 'Winter Weather',
};

/**
 * Consequence types of the NRI and their field suffixes: buildings (B, dollars),
 * population (P, people: fatalities plus injuries/10 per year), agriculture (A, dollars).
 * Population becomes dollars as population equivalence (PE) at the release's VSL.
 */
export const consequenceTypes = ['buildings', 'population', 'agriculture'] as const;
export type ConsequenceType = (typeof consequenceTypes)[number];
export const consequenceTypeSchema = z.enum(consequenceTypes);
export const consequenceSuffix: Record<ConsequenceType, 'B' | 'P' | 'A'> = {
  buildings: 'B',
  population: 'P',
  agriculture: 'A',
};

/**
 * NRI releases Vigil knows, by the `NRI_VER` text FEMA writes in the table. The value of
 * statistical life changes between releases; v1.19 (March 2023) uses $11.6 million in
 * 2022 dollars, which the Virginia table confirms (`*_EXPPE / *_EXPP` = 11,600,000).
 */
export const nriReleases = {
  'March 2023': { version: '1.19.0', valueOfStatisticalLife: 11_600_000 },
} as const;
export type NriReleaseName = keyof typeof nriReleases;
export type NriRelease = { name: string; version: string; valueOfStatisticalLife: number };

export const defaultNriRelease: NriRelease = { name: 'March 2023', ...nriReleases['March 2023'] };

export function findNriRelease(name: string): NriRelease | undefined {
  const known = (nriReleases as Record<string, { version: string; valueOfStatisticalLife: number }>)[name];
  return known ? { name, ...known } : undefined;
}

export function isHazardCode(value: string): value is HazardCode {
  return (hazardCodes as readonly string[]).includes(value);
}
