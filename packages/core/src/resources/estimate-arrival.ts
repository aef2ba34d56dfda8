import { distance } from 'geokdbush';
import { describeResourceType, localResourceDefaults } from './resource-catalog.ts';

/**
 * Great-circle distance in km on a sphere of radius 6371 km (geokdbush's haversine), the one
 * distance the dispatch index, its brute-force check and the API all use, so they agree to the bit.
 */
export function greatCircleKm(from: { lon: number; lat: number }, to: { lon: number; lat: number }): number {
  return distance(from.lon, from.lat, to.lon, to.lat);
}

/**
 * Estimated travel time in minutes: great-circle distance × road-detour factor ÷ typical speed
 * for the resource's kind (figures in the catalog). It is a planning estimate for ranking and
 * for the ICS-213RR "Estimated" arrival, not a routed drive time: it knows no closed roads.
 */
export function estimateArrivalMinutes(resourceType: string, distanceKm: number): number {
  const definition = describeResourceType(resourceType).definition ?? localResourceDefaults;
  const hours = (distanceKm * definition.detourFactor) / definition.speedKmh;
  return Math.round(hours * 60 * 10) / 10;
}
