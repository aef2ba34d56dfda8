import type { StyleSpecification } from 'maplibre-gl';

/** Virginia's extent, Cumberland Gap to the Eastern Shore: [[west, south], [east, north]]. */
export const virginiaBounds: [[number, number], [number, number]] = [
  [-83.68, 36.54],
  [-75.24, 39.47],
];

/**
 * A style with no remote sources, sprites or glyphs: only the two local GeoJSON
 * files, so the map renders on an air-gapped network. County ids are their FIPS
 * numbers so hover state can be set per county.
 */
export function virginiaStyle(countiesUrl: string, stateUrl: string): StyleSpecification {
  return {
    version: 8,
    sources: {
      // No extra simplification: the smallest independent cities are a few pixels wide at state zoom.
      counties: { type: 'geojson', data: countiesUrl, tolerance: 0 },
      state: { type: 'geojson', data: stateUrl },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#0a1420' } },
      {
        id: 'county-fill',
        type: 'fill',
        source: 'counties',
        paint: {
          'fill-color': ['case', ['boolean', ['feature-state', 'hover'], false], '#2f6690', '#1f3b57'],
          'fill-opacity': 0.9,
        },
      },
      {
        id: 'county-line',
        type: 'line',
        source: 'counties',
        paint: { 'line-color': '#7fa7c9', 'line-width': 0.8 },
      },
      {
        id: 'state-line',
        type: 'line',
        source: 'state',
        paint: { 'line-color': '#ffd166', 'line-width': 2 },
      },
    ],
  };
}
