import type { GraphEdge } from './asset-graph.ts';

/** Where an asset sits in the power supply chain inferred from geography. */
export type PowerRole = 'generation' | 'transmission' | 'distribution' | 'facility';
export type Site = { id: string; lon: number; lat: number };

/**
 * Squared distance on a local equirectangular projection: longitude shrinks with the
 * cosine of latitude. Within one state that ranks neighbours as the great circle does.
 */
function distance2(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const x = (a.lon - b.lon) * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  const y = a.lat - b.lat;
  return x * x + y * y;
}

/** The `count` sites nearest to `from`, nearest first; ties go to the earlier site. */
export function findNearestSites<S extends { lon: number; lat: number }>(
  from: { lon: number; lat: number },
  sites: readonly S[],
  count: number,
): S[] {
  const best: { site: S; d: number }[] = [];
  for (const site of sites) {
    const d = distance2(from, site);
    if (best.length === count && d >= (best[count - 1] as { d: number }).d) continue;
    let i = best.length === count ? count - 1 : best.length;
    if (best.length < count) best.push({ site, d });
    while (i > 0 && (best[i - 1] as { d: number }).d > d) {
      best[i] = best[i - 1] as { site: S; d: number };
      i--;
    }
    best[i] = { site, d };
  }
  return best.map((b) => b.site);
}

/**
 * The demo's electric-power dependencies, inferred from where things are (documented in
 * docs/modules/infrastructure.md): each transmission substation is fed by its nearest
 * `transmissionFeeds` power plants (k = 1: any one suffices); each distribution substation
 * hangs radially off its nearest transmission substation (k = 1 of 1); each facility
 * (hospital, fire/EMS station) is served by its nearest `facilityFeeds` distribution
 * substations (k = 1: a second feed is the redundancy).
 */
export function inferPowerDependencies(
  sites: { generation: Site[]; transmission: Site[]; distribution: Site[]; facility: Site[] },
  options: { transmissionFeeds?: number; facilityFeeds?: number } = {},
): GraphEdge[] {
  const transmissionFeeds = options.transmissionFeeds ?? 2;
  const facilityFeeds = options.facilityFeeds ?? 2;
  const edges: GraphEdge[] = [];
  const feed = (dependent: Site, suppliers: Site[]) => {
    for (const supplier of suppliers) {
      edges.push({ supplier: supplier.id, dependent: dependent.id, type: 'electric-power', k: 1 });
    }
  };
  for (const site of sites.transmission) {
    feed(site, findNearestSites(site, sites.generation, transmissionFeeds));
  }
  for (const site of sites.distribution) feed(site, findNearestSites(site, sites.transmission, 1));
  for (const site of sites.facility) {
    feed(site, findNearestSites(site, sites.distribution, facilityFeeds));
  }
  return edges;
}

/** Residents each site serves: every demand point (a block group) goes whole to its nearest site. */
export function assignPopulationToNearest(
  points: readonly { lon: number; lat: number; population: number }[],
  sites: readonly Site[],
): Map<string, number> {
  const served = new Map<string, number>(sites.map((site) => [site.id, 0]));
  for (const point of points) {
    const [nearest] = findNearestSites(point, sites, 1);
    if (nearest) served.set(nearest.id, (served.get(nearest.id) ?? 0) + point.population);
  }
  return served;
}
