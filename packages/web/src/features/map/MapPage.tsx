import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import countiesUrl from '../../../../../data/derived/virginia-counties.geojson?url';
import stateUrl from '../../../../../data/derived/virginia-state.geojson?url';
import { OperationsLayers } from '../incident/OperationsLayers.tsx';
import { RiskMapLayer } from '../risk/RiskMapLayer.tsx';
import { LayersPanel, type MapLayer } from './LayersPanel.tsx';
import { type MapOverlay, paddingClearOf } from './overlay-padding.ts';
import { virginiaBounds, virginiaStyle } from './virginia-style.ts';
import './map.css';

// The bundled app cannot find MapLibre's worker next to itself: tell it where Vite put it.
maplibregl.setWorkerUrl(workerUrl);

/** Layers of the common operating picture; later modules add incidents, resources, assets and alerts. */
const baseLayers: MapLayer[] = [
  { id: 'county-fill', label: 'Counties and cities', swatch: 'fill', colour: '#1f3b57', visible: true },
  { id: 'county-line', label: 'County boundaries', swatch: 'line', colour: '#7fa7c9', visible: true },
  { id: 'state-line', label: 'State boundary', swatch: 'line', colour: '#ffd166', visible: true },
];

/** The panels floating over the map (marked `data-map-overlay="left|top"`), where they are now. */
function overlaysOf(page: HTMLElement): MapOverlay[] {
  return [...page.querySelectorAll<HTMLElement>('[data-map-overlay]')].map((element) => ({
    side: element.dataset.mapOverlay === 'left' ? 'left' : 'top',
    rect: element.getBoundingClientRect(),
  }));
}

/**
 * The common operating picture: Virginia's state and county boundaries from local
 * GeoJSON (no tile server, so it works on an air-gapped network), county names on
 * hover, a layers panel and a legend. The state is fitted into the room the panels
 * leave, so none of it starts out hidden under one.
 */
export function MapPage() {
  const page = useRef<HTMLElement>(null);
  const container = useRef<HTMLElement>(null);
  const map = useRef<maplibregl.Map | null>(null);
  const [layers, setLayers] = useState(baseLayers);
  const [hovered, setHovered] = useState<{
    label: string;
    fips: string;
    /** Where the tooltip goes, in CSS pixels from the map's edges. */
    place: { left?: number; right?: number; top?: number; bottom?: number };
  } | null>(null);
  const [renderedCounties, setRenderedCounties] = useState(0);
  const [virginiaBox, setVirginiaBox] = useState('');
  const [loaded, setLoaded] = useState<maplibregl.Map | null>(null);

  useEffect(() => {
    const element = container.current;
    const pageElement = page.current;
    if (!element || !pageElement) return;
    const padding = () => paddingClearOf(element.getBoundingClientRect(), overlaysOf(pageElement));
    const instance = new maplibregl.Map({
      container: element,
      style: virginiaStyle(countiesUrl, stateUrl),
      bounds: virginiaBounds,
      fitBoundsOptions: { padding: padding() },
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
      // Near the right or bottom edge the tooltip goes to the other side of the pointer, so
      // Hampton Roads' names do not run off the map or under its controls.
      const { x, y } = event.point;
      const { clientWidth: width, clientHeight: height } = element;
      setHovered({
        label: String(feature.properties.label),
        fips: String(feature.properties.fips),
        place: {
          ...(x > width - 280 ? { right: width - x + 12 } : { left: x + 12 }),
          ...(y > height - 90 ? { bottom: height - y + 12 } : { top: y + 12 }),
        },
      });
    });
    instance.on('mouseleave', 'county-fill', clearHover);
    instance.on('load', () => setLoaded(instance));
    // What the map actually drew, counted from the renderer: the browser tests assert on it.
    instance.on('idle', () => {
      const features = instance.queryRenderedFeatures({ layers: ['county-fill'] });
      setRenderedCounties(new Set(features.map((f) => f.properties.fips)).size);
      const [[west, south], [east, north]] = virginiaBounds;
      const southWest = instance.project([west, south]);
      const northEast = instance.project([east, north]);
      setVirginiaBox(
        [southWest.x, northEast.y, northEast.x, southWest.y].map((v) => Math.round(v)).join(' '),
      );
    });

    // Until the user pans or zooms, keep the state fitted as the window, a marking banner or a
    // panel changes the room; after that, their view is theirs.
    let moved = false;
    instance.on('movestart', (event) => {
      if ('originalEvent' in event && event.originalEvent) moved = true;
    });
    const refit = new ResizeObserver(() => {
      if (moved) return;
      instance.resize();
      instance.fitBounds(virginiaBounds, { padding: padding(), animate: false });
    });
    refit.observe(element);
    for (const overlay of pageElement.querySelectorAll('[data-map-overlay]')) refit.observe(overlay);
    return () => {
      refit.disconnect();
      instance.remove();
      map.current = null;
    };
  }, []);

  const toggle = (id: string, visible: boolean) => {
    setLayers((current) => current.map((layer) => (layer.id === id ? { ...layer, visible } : layer)));
    map.current?.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  };

  return (
    <section ref={page} className="map-page" aria-labelledby="map-title">
      <h1 id="map-title" className="visually-hidden">
        Common operating picture: Virginia
      </h1>
      <section
        ref={container}
        className="map"
        aria-label="Map of Virginia's counties and independent cities"
        data-rendered-counties={renderedCounties}
        data-virginia-box={virginiaBox}
      />
      {hovered ? (
        <div className="map-tooltip" style={hovered.place} role="status">
          <strong>{hovered.label}</strong> <span className="muted">FIPS {hovered.fips}</span>
        </div>
      ) : null}
      <RiskMapLayer map={loaded} />
      <div className="map-side" data-map-overlay="top">
        <OperationsLayers map={loaded} />
        <LayersPanel layers={layers} onToggle={toggle} renderedCounties={renderedCounties} />
      </div>
    </section>
  );
}
