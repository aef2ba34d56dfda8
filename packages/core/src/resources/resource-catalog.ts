/**
 * Common NIMS typed resources, after FEMA's Resource Typing Library Tool (RTLT) and the
 * FEMA 508 typed resource definitions it grew from. Names, resource category and kind are
 * the RTLT's words; `types` lists the type levels the definition has (Type 1 = most capable).
 * `rtltId` is filled only where it was checked against the public RTLT record; provenance in
 * data/rtlt-catalog/PROVENANCE.md.
 *
 * Travel figures feed the arrival estimate (see `estimateArrival`): `speedKmh` is a typical
 * sustained road speed for the kind of vehicle a resource moves in during an emergency
 * mobilization, and `detourFactor` the ratio of road to great-circle distance (1 for aircraft).
 */
export type ResourceDefinition = {
  /** Stable slug used in resource type keys: `<id>/type-<n>` or `<id>` for a single-type definition. */
  id: string;
  name: string;
  rtltId: string | null;
  category: string;
  kind: 'Team' | 'Personnel' | 'Equipment' | 'Facility' | 'Supplies';
  /** Type levels, most capable first; empty for a single-type definition. */
  types: number[];
  speedKmh: number;
  detourFactor: number;
  /** A typical all-in hourly rate in USD used when a resource is registered without one (demo planning figure). */
  hourlyRateUsd: number;
};

/**
 * Road circuity: US road distance is on average 1.2–1.4 times the great-circle distance
 * (Ballou, Rahardja and Sakai, 2002, "Selected country circuity factors for road travel
 * distance estimation"); 1.3 is the middle of that range.
 */
export const roadDetourFactor = 1.3;

const road = (speedKmh: number) => ({ speedKmh, detourFactor: roadDetourFactor });

export const resourceCatalog: readonly ResourceDefinition[] = [
  {
    id: 'ambulance-ground-team',
    name: 'Ambulance Ground Team',
    rtltId: '3-508-1028',
    category: 'Emergency Medical Services',
    kind: 'Team',
    types: [1, 2, 3, 4],
    ...road(70),
    hourlyRateUsd: 180,
  },
  {
    id: 'ambulance-strike-team',
    name: 'Ambulance Strike Team',
    rtltId: null,
    category: 'Emergency Medical Services',
    kind: 'Team',
    types: [1, 2, 3, 4],
    // Five ambulances and a leader travel as a convoy: slower than a single unit.
    ...road(60),
    hourlyRateUsd: 950,
  },
  {
    id: 'ambulance-task-force',
    name: 'Ambulance Task Force',
    rtltId: null,
    category: 'Emergency Medical Services',
    kind: 'Team',
    types: [1, 2],
    ...road(60),
    hourlyRateUsd: 1100,
  },
  {
    id: 'air-ambulance-rotary-wing',
    name: 'Air Ambulance (Rotary-Wing)',
    rtltId: null,
    category: 'Emergency Medical Services',
    kind: 'Team',
    types: [1, 2, 3, 4],
    speedKmh: 220,
    detourFactor: 1,
    hourlyRateUsd: 4200,
  },
  {
    id: 'engine-fire',
    name: 'Engine, Fire (Structure and Wildland)',
    rtltId: null,
    category: 'Fire/Hazardous Materials',
    kind: 'Equipment',
    types: [1, 2, 3, 4, 5, 6, 7],
    ...road(55),
    hourlyRateUsd: 260,
  },
  {
    id: 'water-tender-firefighting',
    name: 'Water Tender, Firefighting',
    rtltId: null,
    category: 'Fire/Hazardous Materials',
    kind: 'Equipment',
    types: [1, 2, 3],
    ...road(50),
    hourlyRateUsd: 190,
  },
  {
    id: 'hazardous-materials-response-team',
    name: 'Hazardous Materials Response Team',
    rtltId: null,
    category: 'Fire/Hazardous Materials',
    kind: 'Team',
    types: [1, 2, 3],
    ...road(55),
    hourlyRateUsd: 1400,
  },
  {
    id: 'swiftwater-flood-search-and-rescue-team',
    name: 'Swiftwater/Flood Search and Rescue Team',
    rtltId: null,
    category: 'Search and Rescue',
    kind: 'Team',
    types: [1, 2, 3, 4],
    // Boat trailers: slower than a car on the same roads.
    ...road(55),
    hourlyRateUsd: 1250,
  },
  {
    id: 'urban-search-and-rescue-task-force',
    name: 'Urban Search and Rescue Task Force',
    rtltId: null,
    category: 'Search and Rescue',
    kind: 'Team',
    types: [1, 2, 3],
    ...road(50),
    hourlyRateUsd: 6500,
  },
  {
    id: 'generator',
    name: 'Generator',
    rtltId: null,
    category: 'Public Works',
    kind: 'Equipment',
    types: [1, 2, 3, 4, 5],
    // Trailer-mounted units on a tractor: the slowest road movers in the catalog.
    ...road(50),
    hourlyRateUsd: 120,
  },
  {
    id: 'fuel-truck',
    name: 'Fuel Truck',
    rtltId: null,
    category: 'Logistics and Transportation',
    kind: 'Equipment',
    types: [1, 2, 3],
    ...road(55),
    hourlyRateUsd: 140,
  },
  {
    id: 'incident-management-team',
    name: 'Incident Management Team',
    rtltId: null,
    category: 'Incident Management',
    kind: 'Team',
    types: [1, 2, 3, 4, 5],
    ...road(65),
    hourlyRateUsd: 3200,
  },
  {
    id: 'shelter-management-team',
    name: 'Shelter Management Team',
    rtltId: null,
    category: 'Mass Care Services',
    kind: 'Team',
    types: [1, 2, 3],
    ...road(65),
    hourlyRateUsd: 600,
  },
  {
    id: 'mobile-feeding-kitchen',
    name: 'Mobile Feeding Kitchen',
    rtltId: null,
    category: 'Mass Care Services',
    kind: 'Equipment',
    types: [1, 2, 3, 4],
    ...road(50),
    hourlyRateUsd: 450,
  },
  {
    id: 'law-enforcement-patrol-team',
    name: 'Law Enforcement Patrol Team',
    rtltId: null,
    category: 'Law Enforcement Operations',
    kind: 'Team',
    types: [1, 2, 3],
    ...road(75),
    hourlyRateUsd: 520,
  },
];

/** Defaults for a locally typed resource (NIMS allows types a jurisdiction defines itself). */
export const localResourceDefaults = { speedKmh: 55, detourFactor: roadDetourFactor, hourlyRateUsd: 150 };

export type ResourceTypeInfo = {
  key: string;
  label: string;
  definition: ResourceDefinition | null;
  /** The type level, or null for a single-type or locally defined resource. */
  level: number | null;
};

const byId = new Map(resourceCatalog.map((definition) => [definition.id, definition]));

/** `ambulance-strike-team/type-1` → the catalog's words for it; an unknown key is a locally typed resource. */
export function describeResourceType(key: string): ResourceTypeInfo {
  const match = /^([a-z0-9-]+)(?:\/type-(\d+))?$/.exec(key);
  const definition = match?.[1] ? byId.get(match[1]) : undefined;
  const level = match?.[2] ? Number(match[2]) : null;
  if (!definition || (level === null ? definition.types.length > 0 : !definition.types.includes(level))) {
    return { key, label: key, definition: null, level: null };
  }
  return {
    key,
    label: level === null ? definition.name : `${definition.name} Type ${level}`,
    definition,
    level,
  };
}

/** Every catalog type key, in catalog order (for pickers and the demo). */
export function listResourceTypes(): ResourceTypeInfo[] {
  return resourceCatalog.flatMap((definition) =>
    definition.types.length === 0
      ? [describeResourceType(definition.id)]
      : definition.types.map((level) => describeResourceType(`${definition.id}/type-${level}`)),
  );
}

/**
 * Types that may fill a request for `key`: the type itself, then the more capable types of
 * the same definition (a lower-numbered type meets or exceeds a higher-numbered type's
 * minimum capabilities, NIMS Guideline for Resource Management Preparedness, App. D).
 */
export function substitutableTypes(key: string): string[] {
  const info = describeResourceType(key);
  if (!info.definition || info.level === null) return [key];
  const better = info.definition.types.filter((level) => level < (info.level as number));
  return [key, ...better.reverse().map((level) => `${info.definition?.id}/type-${level}`)];
}
