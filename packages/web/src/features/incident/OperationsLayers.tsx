import { useQuery } from '@tanstack/react-query';
import { type IncidentStatus, incidentStatuses } from '@vigil/core/incident';
import { type ResourceStatus, resourceStatuses } from '@vigil/core/resources';
import type * as maplibregl from 'maplibre-gl';
import { useEffect, useState } from 'react';
import { incidentApi } from './incident-client.ts';
import { incidentStatusColours, resourceStatusColours } from './status-colours.tsx';

const size = 26;

/**
 * An incident diamond (ANSI INCITS 415 frames incidents in diamonds) drawn pixel by pixel:
 * the map has no sprite and no glyphs, so icons are images added at run time.
 */
function diamond(colour: string): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16)) as [
    number,
    number,
    number,
  ];
  const c = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.abs(x - c) + Math.abs(y - c);
      if (d > c) continue;
      const edge = d > c - 2.5;
      const o = (y * size + x) * 4;
      data.set(edge ? [10, 15, 25, 255] : [r, g, b, 255], o);
    }
  }
  return { width: size, height: size, data };
}

function addLayers(map: maplibregl.Map): void {
  for (const status of incidentStatuses) {
    if (!map.hasImage(`ops-diamond-${status}`))
      map.addImage(`ops-diamond-${status}`, diamond(incidentStatusColours[status]));
  }
  const empty = { type: 'FeatureCollection' as const, features: [] };
  map.addSource('ops-incidents', { type: 'geojson', data: empty });
  map.addSource('ops-incident-areas', { type: 'geojson', data: empty });
  map.addSource('ops-resources', { type: 'geojson', data: empty });
  const incidentColour = [
    'match',
    ['get', 'status'],
    ...incidentStatuses.flatMap((s) => [s, incidentStatusColours[s]]),
    '#ffffff',
  ];
  map.addLayer({
    id: 'ops-incident-areas',
    type: 'fill',
    source: 'ops-incident-areas',
    paint: {
      'fill-color': incidentColour as never,
      'fill-opacity': 0.18,
      'fill-outline-color': incidentColour as never,
    },
  });
  map.addLayer({
    id: 'ops-resources',
    type: 'circle',
    source: 'ops-resources',
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 4, 10, 7],
      'circle-color': [
        'match',
        ['get', 'status'],
        ...resourceStatuses.flatMap((s) => [s, resourceStatusColours[s]]),
        '#ffffff',
      ] as never,
      'circle-stroke-color': '#0a0f19',
      'circle-stroke-width': 1.2,
    },
  });
  map.addLayer({
    id: 'ops-incidents',
    type: 'symbol',
    source: 'ops-incidents',
    layout: { 'icon-image': ['concat', 'ops-diamond-', ['get', 'status']], 'icon-allow-overlap': true },
  });
}

type Rendered = { resources: number; assigned: string[]; incidents: number; incidentPoints: string };

/**
 * Incidents (diamonds, areas) and resources (circles) on the common operating picture, in
 * status colours, refetched whenever a journal entry about them arrives (live, no reload).
 */
export function OperationsLayers(props: { map: maplibregl.Map | null }) {
  const incidents = useQuery({ queryKey: ['incidents'], queryFn: incidentApi.listIncidents });
  const resources = useQuery({
    queryKey: ['resources', 'map'],
    queryFn: () => incidentApi.listResources(''),
  });
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const [show, setShow] = useState({ incidents: true, resources: true });
  const [rendered, setRendered] = useState<Rendered>({
    resources: 0,
    assigned: [],
    incidents: 0,
    incidentPoints: '',
  });

  useEffect(() => {
    const instance = props.map;
    if (!instance || instance.getSource('ops-resources')) return;
    addLayers(instance);
    // What the renderer actually drew: the browser tests read it from the legend's data attributes.
    const onIdle = () => {
      if (!instance.getLayer('ops-resources')) return;
      const drawn = instance.queryRenderedFeatures({ layers: ['ops-resources'] });
      const drawnIncidents = instance.queryRenderedFeatures({ layers: ['ops-incidents'] });
      setRendered({
        resources: new Set(drawn.map((f) => f.properties.id)).size,
        assigned: [
          ...new Set(
            drawn.filter((f) => f.properties.status === 'assigned').map((f) => String(f.properties.id)),
          ),
        ].sort(),
        incidents: drawnIncidents.length,
        // Where each drawn diamond sits on the map's canvas, in CSS pixels: the tests check no panel hides one.
        incidentPoints: drawnIncidents
          .flatMap((f) =>
            f.geometry.type === 'Point' ? [instance.project(f.geometry.coordinates as [number, number])] : [],
          )
          .map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)
          .join(' '),
      });
    };
    instance.on('idle', onIdle);
    setMap(instance);
    return () => {
      instance.off('idle', onIdle);
    };
  }, [props.map]);

  useEffect(() => {
    if (!map || !incidents.data) return;
    const items = incidents.data.items;
    (map.getSource('ops-incidents') as maplibregl.GeoJSONSource | undefined)?.setData({
      type: 'FeatureCollection',
      features: items.map((i) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [i.lon, i.lat] },
        properties: { id: i.id, status: i.status, name: i.name },
      })),
    });
    (map.getSource('ops-incident-areas') as maplibregl.GeoJSONSource | undefined)?.setData({
      type: 'FeatureCollection',
      features: items.flatMap((i) =>
        i.area
          ? [{ type: 'Feature' as const, geometry: i.area, properties: { id: i.id, status: i.status } }]
          : [],
      ),
    });
  }, [map, incidents.data]);

  useEffect(() => {
    if (!map || !resources.data) return;
    (map.getSource('ops-resources') as maplibregl.GeoJSONSource | undefined)?.setData({
      type: 'FeatureCollection',
      features: resources.data.items.map((r) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
        properties: { id: r.id, status: r.status, name: r.name },
      })),
    });
  }, [map, resources.data]);

  const toggle = (key: 'incidents' | 'resources', visible: boolean) => {
    setShow((s) => ({ ...s, [key]: visible }));
    const layers = key === 'incidents' ? ['ops-incidents', 'ops-incident-areas'] : ['ops-resources'];
    for (const id of layers) map?.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  };
  const count = (status: ResourceStatus) =>
    resources.data?.items.filter((r) => r.status === status).length ?? 0;
  const countIncidents = (status: IncidentStatus) =>
    incidents.data?.items.filter((i) => i.status === status).length ?? 0;

  return (
    <aside
      className="ops-legend"
      aria-label="Operations layers"
      data-rendered-resources={rendered.resources}
      data-rendered-incidents={rendered.incidents}
      data-incident-points={rendered.incidentPoints}
      data-assigned-resource-ids={rendered.assigned.join(' ')}
    >
      <h2>Operations</h2>
      <label>
        <input
          type="checkbox"
          checked={show.incidents}
          onChange={(e) => toggle('incidents', e.target.checked)}
        />{' '}
        Incidents (diamonds)
      </label>
      <ul aria-label="Incident status">
        {incidentStatuses.map((status) => (
          <li key={status}>
            <span
              className="ops-diamond"
              style={{ background: incidentStatusColours[status] }}
              aria-hidden="true"
            />{' '}
            {status} ({countIncidents(status)})
          </li>
        ))}
      </ul>
      <label>
        <input
          type="checkbox"
          checked={show.resources}
          onChange={(e) => toggle('resources', e.target.checked)}
        />{' '}
        Resources (circles)
      </label>
      <ul aria-label="Resource status">
        {resourceStatuses.map((status) => (
          <li key={status} data-status={status}>
            <span
              className="ops-dot"
              style={{ background: resourceStatusColours[status] }}
              aria-hidden="true"
            />{' '}
            {status} ({count(status)})
          </li>
        ))}
      </ul>
    </aside>
  );
}
