import { z } from 'zod';

/**
 * The 16 critical infrastructure sectors of PPD-21 as CISA names them. The slug is what
 * files and the API carry; the name is what planners read.
 */
export const cisaSectors = [
  { slug: 'chemical', name: 'Chemical' },
  { slug: 'commercial-facilities', name: 'Commercial Facilities' },
  { slug: 'communications', name: 'Communications' },
  { slug: 'critical-manufacturing', name: 'Critical Manufacturing' },
  { slug: 'dams', name: 'Dams' },
  { slug: 'defense-industrial-base', name: 'Defense Industrial Base' },
  { slug: 'emergency-services', name: 'Emergency Services' },
  { slug: 'energy', name: 'Energy' },
  { slug: 'financial-services', name: 'Financial Services' },
  { slug: 'food-and-agriculture', name: 'Food and Agriculture' },
  { slug: 'government-facilities', name: 'Government Facilities' },
  { slug: 'healthcare-and-public-health', name: 'Healthcare and Public Health' },
  { slug: 'information-technology', name: 'Information Technology' },
  { slug: 'nuclear-reactors-materials-and-waste', name: 'Nuclear Reactors, Materials, and Waste' },
  { slug: 'transportation-systems', name: 'Transportation Systems' },
  { slug: 'water-and-wastewater-systems', name: 'Water and Wastewater Systems' },
] as const;

export type CisaSector = (typeof cisaSectors)[number]['slug'];
export const sectorSlugs = cisaSectors.map((sector) => sector.slug) as [CisaSector, ...CisaSector[]];
export const sectorSchema = z.enum(sectorSlugs);

/** Sector index as stored in the graph's typed arrays (its position in `cisaSectors`). */
export function sectorIndex(slug: CisaSector): number {
  return sectorSlugs.indexOf(slug);
}

export function sectorName(slug: CisaSector): string {
  return cisaSectors[sectorIndex(slug)]?.name ?? slug;
}

/** Accepts the slug or CISA's own name in any case, so a spreadsheet typed by hand is understood. */
export function parseSector(text: string): CisaSector | undefined {
  const wanted = text.trim().toLowerCase();
  return cisaSectors.find((sector) => sector.slug === wanted || sector.name.toLowerCase() === wanted)?.slug;
}

/**
 * What flows along a dependency edge, supplier → dependent. A dependent needs every type it
 * has; within one type it keeps working while at least k of its suppliers work.
 */
export const dependencyTypes = [
  'electric-power',
  'water',
  'wastewater',
  'communications',
  'fuel',
  'natural-gas',
  'transportation',
  'information-technology',
] as const;
export type DependencyType = (typeof dependencyTypes)[number];
export const dependencyTypeSchema = z.enum(dependencyTypes);

export function dependencyTypeIndex(type: DependencyType): number {
  return dependencyTypes.indexOf(type);
}
