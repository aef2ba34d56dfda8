import { useQuery } from '@tanstack/react-query';
import type { ClimateScenarioInput } from '@vigil/core/risk';
import type { MapLayerMouseEvent, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useMemo, useState } from 'react';
import { useMarkingBanner } from '../../ui/marking-banner.tsx';
import { CountyBreakdown } from './CountyBreakdown.tsx';
import { type ChoroplethMode, classColours, fillExpression, noDataColour } from './choropleth.ts';
import { formatDollars, formatPercent, riskClient } from './risk-client.ts';
import './risk.css';

const layerId = 'risk-fill';

/**
 * The risk layer group of the map: counties coloured by risk value, by one hazard's
 * expected annual loss, or by the change a climate scenario makes; a legend naming each
 * class's range; and a county's hazard breakdown (pick it in the list or click the map).
 */
export function RiskMapLayer(props: { map: MapLibreMap | null }) {
  const [mode, setMode] = useState<ChoroplethMode>('risk');
  const [hazard, setHazard] = useState('HRCN');
  const [scenarioId, setScenarioId] = useState<string | null>(null);
  const [selected, setSelected] = useState<string>('');
  const reference = useQuery({ queryKey: ['risk', 'reference'], queryFn: riskClient.reference });
  const scenarios = useQuery({
    queryKey: ['risk', 'climate-scenarios'],
    queryFn: () => riskClient.list('climate-scenarios'),
  });
  const counties = useQuery({
    queryKey: ['risk', 'counties', scenarioId],
    queryFn: () => riskClient.counties(scenarioId),
  });
  useMarkingBanner(counties.data && scenarioId ? counties.data.marking : null);
  const effectiveMode: ChoroplethMode = mode === 'change' && !scenarioId ? 'off' : mode;
  const fill = useMemo(
    () => (counties.data?.items.length ? fillExpression(counties.data.items, effectiveMode, hazard) : null),
    [counties.data, effectiveMode, hazard],
  );

  const map = props.map;
  useEffect(() => {
    if (!map) return;
    if (!map.getLayer(layerId)) {
      map.addLayer(
        {
          id: layerId,
          type: 'fill',
          source: 'counties',
          paint: { 'fill-color': noDataColour, 'fill-opacity': 0.85 },
        },
        'county-line',
      );
    }
    const onClick = (event: MapLayerMouseEvent) => {
      const fips = event.features?.[0]?.properties?.fips;
      if (typeof fips === 'string') setSelected(fips);
    };
    map.on('click', 'county-fill', onClick);
    return () => {
      map.off('click', 'county-fill', onClick);
    };
  }, [map]);

  useEffect(() => {
    if (!map?.getLayer(layerId)) return;
    map.setLayoutProperty(layerId, 'visibility', effectiveMode === 'off' || !fill ? 'none' : 'visible');
    if (fill) map.setPaintProperty(layerId, 'fill-color', fill.expression as never);
  }, [map, fill, effectiveMode]);

  const format = (value: number) =>
    effectiveMode === 'change' ? formatPercent(value) : formatDollars(value);
  const breaks = fill?.breaks ?? [];
  const legend = classColours.map((colour, i) => {
    const low = i === 0 ? null : breaks[i - 1];
    const high = breaks[i];
    const text =
      low === undefined || low === null
        ? `up to ${high === undefined ? '—' : format(high)}`
        : high === undefined
          ? `over ${format(low)}`
          : `${format(low)} – ${format(high)}`;
    return { colour, text };
  });
  const described =
    effectiveMode === 'risk'
      ? 'Risk value (EAL × community risk factor), dollars per year'
      : effectiveMode === 'hazard'
        ? `Expected annual loss: ${reference.data?.hazards.find((h) => h.code === hazard)?.name ?? hazard}`
        : effectiveMode === 'change'
          ? `Change in risk value under ${counties.data?.scenario?.name ?? 'the scenario'}`
          : 'Risk colours off';

  return (
    <section
      className="risk-map-panel"
      aria-labelledby="risk-layer-title"
      data-risk-mode={effectiveMode}
      data-map-overlay="left"
    >
      <h2 id="risk-layer-title">Risk: FEMA National Risk Index</h2>
      <div className="risk-controls">
        <label>
          Colour counties by
          <select value={mode} onChange={(e) => setMode(e.target.value as ChoroplethMode)}>
            <option value="risk">Risk value</option>
            <option value="hazard">Expected annual loss of one hazard</option>
            <option value="change">Change under a climate scenario</option>
            <option value="off">Nothing (risk layer off)</option>
          </select>
        </label>
        {mode === 'hazard' ? (
          <label>
            Hazard
            <select value={hazard} onChange={(e) => setHazard(e.target.value)}>
              {reference.data?.hazards.map((h) => (
                <option key={h.code} value={h.code}>
                  {h.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          Climate scenario
          <select value={scenarioId ?? ''} onChange={(e) => setScenarioId(e.target.value || null)}>
            <option value="">None (today’s baseline)</option>
            {scenarios.data?.items.map((s) => (
              <option key={s.id} value={s.id}>
                {(s.data as ClimateScenarioInput).name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <h3>Legend</h3>
      <p className="muted" data-testid="risk-legend-title">
        {described}
      </p>
      {effectiveMode !== 'off' ? (
        <ul className="risk-legend">
          {legend.map((entry) => (
            <li key={entry.colour}>
              <span className="swatch" style={{ background: entry.colour }} aria-hidden="true" />
              {entry.text}
            </li>
          ))}
          <li>
            <span className="swatch" style={{ background: noDataColour }} aria-hidden="true" />
            Not applicable / no data
          </li>
        </ul>
      ) : null}
      <h3>County detail</h3>
      <label className="risk-controls">
        County or independent city
        <select value={selected} onChange={(e) => setSelected(e.target.value)}>
          <option value="">Choose, or click the map…</option>
          {[...(counties.data?.items ?? [])]
            .sort((a, b) => a.county.localeCompare(b.county))
            .map((county) => (
              <option key={county.stcofips} value={county.stcofips}>
                {county.county}
                {county.countyType === 'City' ? ' (city)' : ''}
              </option>
            ))}
        </select>
      </label>
      {selected ? (
        // Focusable and named: on a phone its table scrolls sideways, and a keyboard must reach that too.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region is focusable (WCAG 2.1.1)
        <section className="risk-county-detail" aria-label="County detail" tabIndex={0}>
          <CountyBreakdown fips={selected} scenarioId={scenarioId} />
        </section>
      ) : null}
    </section>
  );
}
