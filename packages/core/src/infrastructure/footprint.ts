import { z } from 'zod';

/** A position as GeoJSON writes it: [longitude, latitude]. */
export type Position = [number, number];
/** Rings of a GeoJSON Polygon: the outer ring first, then holes. */
export type PolygonRings = Position[][];

const positionSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export const polygonRingsSchema = z.array(z.array(positionSchema).min(4).max(10_000)).min(1).max(100);

/**
 * Ray casting (even–odd rule) over every ring, so holes exclude what they enclose. Points
 * exactly on an edge may fall either way; a footprint drawn by hand is not that precise.
 */
export function isInsidePolygon(lon: number, lat: number, rings: readonly (readonly Position[])[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as Position;
      const [xj, yj] = ring[j] as Position;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

export function isInsideMultiPolygon(
  lon: number,
  lat: number,
  polygons: readonly (readonly (readonly Position[])[])[],
): boolean {
  return polygons.some((rings) => isInsidePolygon(lon, lat, rings));
}

/** A county-equivalent as the map draws it: FIPS code and its (multi)polygon. */
export type CountyShape = { fips: string; polygons: Position[][][]; bbox: [number, number, number, number] };

export function toCountyShape(fips: string, geometry: { type: string; coordinates: unknown }): CountyShape {
  const polygons = (
    geometry.type === 'Polygon' ? [geometry.coordinates] : (geometry.coordinates as unknown[])
  ) as Position[][][];
  let [minX, minY, maxX, maxY] = [180, 90, -180, -90];
  for (const rings of polygons) {
    for (const [x, y] of rings[0] ?? []) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  return { fips, polygons, bbox: [minX, minY, maxX, maxY] };
}

/** The county-equivalent a point lies in, or null (offshore, another state). */
export function findCountyOf(lon: number, lat: number, counties: readonly CountyShape[]): string | null {
  for (const county of counties) {
    const [minX, minY, maxX, maxY] = county.bbox;
    if (lon < minX || lon > maxX || lat < minY || lat > maxY) continue;
    if (isInsideMultiPolygon(lon, lat, county.polygons)) return county.fips;
  }
  return null;
}

/**
 * A hazard footprint: every asset inside the polygon, or in one of the listed county-equivalents,
 * fails at hour 0.
 */
export type Footprint = { polygon?: PolygonRings; countyFips?: readonly string[] };

export function isInFootprint(
  asset: { lon: number; lat: number; countyFips: string | null },
  footprint: Footprint,
): boolean {
  if (footprint.countyFips?.length && asset.countyFips && footprint.countyFips.includes(asset.countyFips)) {
    return true;
  }
  return footprint.polygon ? isInsidePolygon(asset.lon, asset.lat, footprint.polygon) : false;
}
