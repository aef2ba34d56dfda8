import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import countiesUrl from '../../../../../data/derived/virginia-counties.geojson?url';

type CountyName = { fips: string; label: string };

async function loadCountyNames(): Promise<CountyName[]> {
  const response = await fetch(countiesUrl);
  const geo = (await response.json()) as { features: { properties: CountyName }[] };
  return geo.features
    .map((f) => ({ fips: f.properties.fips, label: f.properties.label }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** A hazard footprint: counties picked from the list and/or a polygon drawn on the map; everything inside fails at hour 0. */
export function FootprintTool(props: {
  drawing: boolean;
  vertices: number;
  onDraw(): void;
  onClear(): void;
  onRun(countyFips: string[]): void;
}) {
  const counties = useQuery({
    queryKey: ['virginia-county-names'],
    queryFn: loadCountyNames,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [picked, setPicked] = useState<string[]>([]);
  const ready = picked.length > 0 || props.vertices >= 3;
  return (
    <section className="infra-section" aria-labelledby="infra-footprint">
      <h2 id="infra-footprint">Hazard footprint</h2>
      <label className="infra-block">
        Counties and cities in the footprint
        <select
          multiple
          size={5}
          value={picked}
          onChange={(event) => setPicked([...event.target.selectedOptions].map((option) => option.value))}
        >
          {(counties.data ?? []).map((county) => (
            <option key={county.fips} value={county.fips}>
              {county.label}
            </option>
          ))}
        </select>
      </label>
      <div className="infra-row">
        <button type="button" onClick={props.onDraw} aria-pressed={props.drawing}>
          {props.drawing ? `Drawing: ${props.vertices} point(s), click the map` : 'Draw a polygon'}
        </button>
        <button type="button" onClick={props.onClear}>
          Clear polygon
        </button>
        <button type="button" disabled={!ready} onClick={() => props.onRun(picked)}>
          Fail everything inside
        </button>
      </div>
    </section>
  );
}
