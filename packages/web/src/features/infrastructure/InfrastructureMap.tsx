import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import countiesUrl from '../../../../../data/derived/virginia-counties.geojson?url';
import stateUrl from '../../../../../data/derived/virginia-state.geojson?url';
import { virginiaBounds, virginiaStyle } from '../map/virginia-style.ts';
import { type AssetStatus, addAssetSymbols, symbolId } from './asset-symbols.ts';
import type { AssetFeature } from './infrastructure-client.ts';

maplibregl.setWorkerUrl(workerUrl);

type Props = {
  assets: AssetFeature[];
  status: ReadonlyMap<string, AssetStatus>;
  selectedId: string | null;
  onSelect(id: string): void;
  drawing: boolean;
  polygon: [number, number][];
  onAddVertex(point: [number, number]): void;
  focus: { lon: number; lat: number; key: number } | null;
};

const empty = { type: 'FeatureCollection' as const, features: [] };
const assetLayers = ['infra-points', 'infra-cascade'];

function withIcon(feature: AssetFeature, status: AssetStatus) {
  return {
    ...feature,
    properties: { ...feature.properties, icon: symbolId(feature.properties.sector, status), status },
  };
}

/**
 * Virginia's assets on the local base map: operational ones clustered at low zoom (a square
 * scaled by how many it holds), assets of the current scenario drawn apart on top so a
 * failure is never hidden in a cluster, and the footprint being drawn. Clicking an asset
 * selects it; while drawing, clicks add vertices instead.
 */
export function InfrastructureMap(props: Props) {
  const container = useRef<HTMLElement>(null);
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const [drawn, setDrawn] = useState({ counties: 0, assets: 0, failed: 0, failedHospitals: 0 });
  const latest = useRef(props);
  latest.current = props;
  const { assets, status, selectedId, polygon, drawing, focus } = props;

  useEffect(() => {
    if (!container.current) return;
    const instance = new maplibregl.Map({
      container: container.current,
      style: virginiaStyle(countiesUrl, stateUrl),
      bounds: virginiaBounds,
      fitBoundsOptions: { padding: 24 },
      attributionControl: {
        compact: true,
        customAttribution: 'HIFLD, USGS, EIA (public domain); Census 2017',
      },
      dragRotate: false,
    });
    instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'bottom-right');
    instance.on('load', () => {
      addAssetSymbols(instance);
      instance.addSource('infra-assets', {
        type: 'geojson',
        data: empty,
        cluster: true,
        clusterMaxZoom: 8,
        clusterRadius: 28,
      });
      instance.addSource('infra-scenario', { type: 'geojson', data: empty });
      instance.addSource('infra-footprint', { type: 'geojson', data: empty });
      instance.addLayer({
        id: 'infra-footprint-fill',
        type: 'fill',
        source: 'infra-footprint',
        paint: { 'fill-color': '#e5484d', 'fill-opacity': 0.18 },
      });
      instance.addLayer({
        id: 'infra-footprint-line',
        type: 'line',
        source: 'infra-footprint',
        paint: { 'line-color': '#e5484d', 'line-width': 2 },
      });
      instance.addLayer({
        id: 'infra-clusters',
        type: 'symbol',
        source: 'infra-assets',
        filter: ['has', 'point_count'],
        layout: {
          'icon-image': 'infra-cluster',
          'icon-size': ['step', ['get', 'point_count'], 0.9, 20, 1.3, 100, 1.8],
          'icon-allow-overlap': true,
        },
      });
      for (const [id, source] of [
        ['infra-points', 'infra-assets'],
        ['infra-cascade', 'infra-scenario'],
      ] as const) {
        instance.addLayer({
          id,
          type: 'symbol',
          source,
          filter: ['!', ['has', 'point_count']],
          layout: {
            'icon-image': ['get', 'icon'],
            'icon-allow-overlap': true,
            // Only the scenario's features carry `selected`; elsewhere it is absent, so default to false.
            'icon-size': ['case', ['boolean', ['get', 'selected'], false], 1.6, 1],
          },
        });
      }
      setMap(instance);
    });
    instance.on('click', (event) => {
      const current = latest.current;
      if (current.drawing) {
        current.onAddVertex([event.lngLat.lng, event.lngLat.lat]);
        return;
      }
      const hit = instance.queryRenderedFeatures(event.point, {
        layers: assetLayers.filter((l) => instance.getLayer(l)),
      })[0];
      if (hit) current.onSelect(String(hit.properties.id));
      else {
        const cluster = instance.queryRenderedFeatures(event.point, { layers: ['infra-clusters'] })[0];
        if (cluster) instance.easeTo({ center: event.lngLat, zoom: instance.getZoom() + 2 });
      }
    });
    // What the renderer drew, for the browser tests and for screen-reader users (the status line).
    instance.on('idle', () => {
      if (!instance.getLayer('infra-cascade')) return;
      const failed = instance
        .queryRenderedFeatures({ layers: ['infra-cascade'] })
        .filter((f) => f.properties.status === 'failed');
      const counties = instance.queryRenderedFeatures({ layers: ['county-fill'] });
      setDrawn({
        counties: new Set(counties.map((f) => f.properties.fips)).size,
        // Symbols and clusters in the canvas, so a test can tell Virginia is drawn where it can be seen.
        assets: instance.queryRenderedFeatures({ layers: ['infra-clusters', ...assetLayers] }).length,
        failed: new Set(failed.map((f) => f.properties.id)).size,
        failedHospitals: new Set(
          failed
            .filter((f) => f.properties.sector === 'healthcare-and-public-health')
            .map((f) => f.properties.id),
        ).size,
      });
    });
    return () => instance.remove();
  }, []);

  useEffect(() => {
    if (!map) return;
    const mark = (f: ReturnType<typeof withIcon>) => ({
      ...f,
      properties: { ...f.properties, selected: f.id === selectedId },
    });
    const quiet = assets
      .filter((f) => !status.has(f.id) && f.id !== selectedId)
      .map((f) => withIcon(f, 'operational'));
    const loud = assets
      .filter((f) => status.has(f.id) || f.id === selectedId)
      .map((f) => mark(withIcon(f, status.get(f.id) ?? 'operational')));
    (map.getSource('infra-assets') as maplibregl.GeoJSONSource).setData({
      type: 'FeatureCollection',
      features: quiet,
    });
    (map.getSource('infra-scenario') as maplibregl.GeoJSONSource).setData({
      type: 'FeatureCollection',
      features: loud,
    });
  }, [map, assets, status, selectedId]);

  useEffect(() => {
    if (!map) return;
    const ring = polygon.length >= 3 ? [...polygon, polygon[0] as [number, number]] : polygon;
    const geometry =
      ring.length >= 4
        ? { type: 'Polygon' as const, coordinates: [ring] }
        : { type: 'LineString' as const, coordinates: ring };
    (map.getSource('infra-footprint') as maplibregl.GeoJSONSource).setData(
      ring.length >= 2 ? { type: 'Feature', geometry, properties: {} } : empty,
    );
    map.getCanvas().style.cursor = drawing ? 'crosshair' : '';
  }, [map, polygon, drawing]);

  useEffect(() => {
    if (map && focus) map.jumpTo({ center: [focus.lon, focus.lat], zoom: 11 });
  }, [map, focus]);

  return (
    <section
      ref={container}
      className="map infra-map"
      aria-label="Map of Virginia's critical infrastructure"
      data-ready={map ? 'yes' : 'no'}
      data-asset-count={assets.length}
      data-rendered-counties={drawn.counties}
      data-rendered-assets={drawn.assets}
      data-failed-drawn={drawn.failed}
      data-failed-hospitals={drawn.failedHospitals}
    />
  );
}
