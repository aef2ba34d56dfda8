import { z } from 'zod';

/** The five mission areas of the National Preparedness Goal (2nd ed., 2015). */
export const missionAreas = ['Prevention', 'Protection', 'Mitigation', 'Response', 'Recovery'] as const;
export type MissionArea = (typeof missionAreas)[number];

const all: MissionArea[] = [...missionAreas];

/**
 * The 32 core capabilities with the mission areas each serves (a many-to-many: Planning,
 * Public Information and Warning and Operational Coordination serve all five; 48 pairs).
 * The exact names are the stable keys, as FEMA writes them.
 */
export const coreCapabilityAreas = {
  Planning: all,
  'Public Information and Warning': all,
  'Operational Coordination': all,
  'Forensics and Attribution': ['Prevention'],
  'Intelligence and Information Sharing': ['Prevention', 'Protection'],
  'Interdiction and Disruption': ['Prevention', 'Protection'],
  'Screening, Search, and Detection': ['Prevention', 'Protection'],
  'Access Control and Identity Verification': ['Protection'],
  Cybersecurity: ['Protection'],
  'Physical Protective Measures': ['Protection'],
  'Risk Management for Protection Programs and Activities': ['Protection'],
  'Supply Chain Integrity and Security': ['Protection'],
  'Community Resilience': ['Mitigation'],
  'Long-term Vulnerability Reduction': ['Mitigation'],
  'Risk and Disaster Resilience Assessment': ['Mitigation'],
  'Threats and Hazards Identification': ['Mitigation'],
  'Infrastructure Systems': ['Response', 'Recovery'],
  'Critical Transportation': ['Response'],
  'Environmental Response/Health and Safety': ['Response'],
  'Fatality Management Services': ['Response'],
  'Fire Management and Suppression': ['Response'],
  'Logistics and Supply Chain Management': ['Response'],
  'Mass Care Services': ['Response'],
  'Mass Search and Rescue Operations': ['Response'],
  'On-scene Security, Protection, and Law Enforcement': ['Response'],
  'Operational Communications': ['Response'],
  'Public Health, Healthcare, and Emergency Medical Services': ['Response'],
  'Situational Assessment': ['Response'],
  'Economic Recovery': ['Recovery'],
  'Health and Social Services': ['Recovery'],
  Housing: ['Recovery'],
  'Natural and Cultural Resources': ['Recovery'],
} as const satisfies Record<string, readonly MissionArea[]>;

export type CoreCapability = keyof typeof coreCapabilityAreas;
export const coreCapabilities = Object.keys(coreCapabilityAreas).sort() as CoreCapability[];
export const coreCapabilitySchema = z.enum(coreCapabilities as [CoreCapability, ...CoreCapability[]]);

export function missionAreasOf(capability: CoreCapability): readonly MissionArea[] {
  return coreCapabilityAreas[capability];
}

export function capabilitiesOf(area: MissionArea): CoreCapability[] {
  return coreCapabilities.filter((capability) =>
    (coreCapabilityAreas[capability] as readonly MissionArea[]).includes(area),
  );
}
