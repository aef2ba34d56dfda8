// Derives the map's Virginia layers from the us-atlas TopoJSON (data/us-atlas):
//   data/derived/virginia-counties.geojson  133 county-equivalents, with FIPS, name and kind
//   data/derived/virginia-state.geojson     the state outline (the merged counties)
// Run with: node --import tsx scripts/derive-virginia-geo.ts   (idempotent; output is committed)
import { readFileSync, writeFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const root = new URL('..', import.meta.url);
const topology = JSON.parse(
  readFileSync(new URL('data/us-atlas/counties-10m.json', root), 'utf8'),
) as Topology;
const counties = topology.objects.counties as GeometryCollection<{ name: string }>;
const virginia = {
  ...counties,
  geometries: counties.geometries.filter((g) => String(g.id).startsWith('51')),
};

/** Virginia numbers counties 001–199 and independent cities 510–840: the name alone cannot tell Fairfax County from Fairfax city. */
function kindOf(fips: string): 'county' | 'city' {
  return Number(fips.slice(2)) >= 500 ? 'city' : 'county';
}

/** Six decimals (~0.1 m) is far below the 1:10m generalisation and keeps the file small. */
function round(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e6) / 1e6;
  return Array.isArray(value) ? value.map(round) : value;
}

const collection = feature(topology, virginia) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
const countyFeatures: Feature[] = collection.features
  .map((f) => {
    const fips = String(f.id);
    const kind = kindOf(fips);
    return {
      type: 'Feature' as const,
      id: Number(fips),
      properties: {
        fips,
        name: f.properties.name,
        kind,
        label: kind === 'city' ? `${f.properties.name} (city)` : `${f.properties.name} County`,
      },
      geometry: { ...f.geometry, coordinates: round(f.geometry.coordinates) } as Polygon | MultiPolygon,
    };
  })
  .sort((a, b) => a.properties.fips.localeCompare(b.properties.fips));

const outline = merge(topology, virginia.geometries as Parameters<typeof merge>[1]);
const state: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 51,
      properties: { fips: '51', name: 'Virginia' },
      geometry: { ...outline, coordinates: round(outline.coordinates) } as MultiPolygon,
    },
  ],
};

writeFileSync(
  new URL('data/derived/virginia-counties.geojson', root),
  `${JSON.stringify({ type: 'FeatureCollection', features: countyFeatures })}\n`,
);
writeFileSync(new URL('data/derived/virginia-state.geojson', root), `${JSON.stringify(state)}\n`);
console.log(`wrote ${countyFeatures.length} counties and the state outline to data/derived/`);
