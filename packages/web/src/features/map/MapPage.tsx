import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import countiesUrl from '../../../../../data/derived/virginia-counties.geojson?url';
import stateUrl from '../../../../../data/derived/virginia-state.geojson?url';
import { OperationsLayers } from '../incident/OperationsLayers.tsx';
import { RiskMapLayer } from '../risk/RiskMapLayer.tsx';
import { LayersPanel, type MapLayer } from './LayersPanel.tsx';
import { virginiaBounds, virginiaStyle } from './virginia-style.ts';

// The bundled app cannot find MapLibre's worker next to itself: tell it where Vite put it.
maplibregl.setWorkerUrl(workerUrl);

/** Layers of the common operating picture; later modules add incidents, resources, assets and alerts. */
const baseLayers: MapLayer[] = [
  { id: 'county-fill', label: 'Counties and cities', swatch: 'fill', colour: '#1f3b57', visible: true },
  { id: 'county-line', label: 'County boundaries', swatch: 'line', colour: '#7fa7c9', visible: true },
  { id: 'state-line', label: 'State boundary', swatch: 'line', colour: '#ffd166', visible: true },
];

/**
 * The common operating picture: Virginia's state and county boundaries from local
 * GeoJSON (no tile server, so it works on an air-gapped network), county names on
 * hover, a layers panel and a legend.
 */
export function MapPage() {
  const container = useRef<HTMLElement>(null);
  const map = useRef<maplibregl.Map | null>(null);
  const [layers, setLayers] = useState(baseLayers);
  const [hovered, setHovered] = useState<{ label: string; fips: string; x: number; y: number } | null>(null);
  const [renderedCounties, setRenderedCounties] = useState(0);
  const [loaded, setLoaded] = useState<maplibregl.Map | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const instance = new maplibregl.Map({
      container: container.current,
      style: virginiaStyle(countiesUrl, stateUrl),
      bounds: virginiaBounds,
      fitBoundsOptions: { padding: 24 },
      attributionControl: {
        compact: true,
        customAttribution: 'Boundaries: U.S. Census Bureau 2017 (us-atlas)',
      },
      dragRotate: false,
    });
    map.current = instance;
    instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'bottom-right');
    instance.addControl(new maplibregl.ScaleControl({ unit: 'imperial' }), 'bottom-left');

    let hoveredId: string | number | undefined;
    const clearHover = () => {
      if (hoveredId !== undefined)
        instance.setFeatureState({ source: 'counties', id: hoveredId }, { hover: false });
      hoveredId = undefined;
      setHovered(null);
    };
    instance.on('mousemove', 'county-fill', (event) => {
      const feature = event.features?.[0] as maplibregl.MapGeoJSONFeature | undefined;
      if (!feature) return;
      if (hoveredId !== undefined && hoveredId !== feature.id) {
        instance.setFeatureState({ source: 'counties', id: hoveredId }, { hover: false });
      }
      hoveredId = feature.id;
      if (hoveredId !== undefined)
        instance.setFeatureState({ source: 'counties', id: hoveredId }, { hover: true });
      instance.getCanvas().style.cursor = 'default';
      setHovered({
        label: String(feature.properties.label),
        fips: String(feature.properties.fips),
        x: event.point.x,
        y: event.point.y,
      });
    });
    instance.on('mouseleave', 'county-fill', clearHover);
    instance.on('load', () => setLoaded(instance));
    // What the map actually drew, counted from the renderer: the browser tests assert on it.
    instance.on('idle', () => {
      const features = instance.queryRenderedFeatures({ layers: ['county-fill'] });
      setRenderedCounties(new Set(features.map((f) => f.properties.fips)).size);
    });
    return () => {
      instance.remove();
      map.current = null;
    };
  }, []);

  const toggle = (id: string, visible: boolean) => {
    setLayers((current) => current.map((layer) => (layer.id === id ? { ...layer, visible } : layer)));
    map.current?.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  };

  return (
    <section className="map-page" aria-labelledby="map-title">
      <h1 id="map-title" className="visually-hidden">
        Common operating picture: Virginia
      </h1>
      <section
        ref={container}
        className="map"
        aria-label="Map of Virginia's counties and independent cities"
        data-rendered-counties={renderedCounties}
      />
      {hovered ? (
        <div className="map-tooltip" style={{ left: hovered.x + 12, top: hovered.y + 12 }} role="status">
          <strong>{hovered.label}</strong> <span className="muted">FIPS {hovered.fips}</span>
        </div>
      ) : null}
      <LayersPanel layers={layers} onToggle={toggle} renderedCounties={renderedCounties} />
      <RiskMapLayer map={loaded} />
      <OperationsLayers map={loaded} />
    </section>
  );
}
