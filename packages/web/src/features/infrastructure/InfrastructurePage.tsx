import { useMutation, useQuery } from '@tanstack/react-query';
import { isTlpLabel, mostRestrictiveTlp, type TlpLabel } from '@vigil/core/access';
import { type CascadeResponse, type CisaSector, cisaSectors } from '@vigil/core/infrastructure';
import { useMemo, useState } from 'react';
import { useMarkingBanner } from '../../ui/marking-banner.tsx';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { type AssetStatus, sectorColours, statusColours, statusLabels } from './asset-symbols.ts';
import { CascadePanel } from './CascadePanel.tsx';
import { FootprintTool } from './FootprintTool.tsx';
import { InfrastructureMap } from './InfrastructureMap.tsx';
import { infrastructureClient } from './infrastructure-client.ts';
import { RankingTable } from './RankingTable.tsx';
import './infrastructure.css';

const defaultHorizon = 72;

/** The stricter of two labels, so the banner covers both the map and the scenario shown. */
function stricter(a: string | undefined, b: string | undefined): TlpLabel | null {
  const labels = [a, b].filter((x): x is TlpLabel => x !== undefined && isTlpLabel(x));
  return labels.length ? mostRestrictiveTlp(labels) : null;
}

/**
 * Critical infrastructure on the common operating picture: assets by sector, "what if it
 * fails" for a selected asset or a hazard footprint with the cascade over time, and the
 * ranked single points of failure.
 */
export function InfrastructurePage() {
  const assets = useQuery({ queryKey: ['infrastructure', 'assets'], queryFn: infrastructureClient.assets });
  const ranking = useQuery({
    queryKey: ['infrastructure', 'ranking'],
    queryFn: () => infrastructureClient.ranking(25),
  });
  const [hidden, setHidden] = useState<ReadonlySet<CisaSector>>(new Set());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ lon: number; lat: number; key: number } | null>(null);
  const [horizon, setHorizon] = useState(defaultHorizon);
  const [hour, setHour] = useState(defaultHorizon);
  const [drawing, setDrawing] = useState(false);
  const [polygon, setPolygon] = useState<[number, number][]>([]);
  const cascade = useMutation({
    mutationFn: infrastructureClient.cascade,
    onSuccess: () => setHour(horizon),
  });
  const scenario: CascadeResponse | undefined = cascade.data;
  useMarkingBanner(stricter(assets.data?.marking, scenario?.marking));

  const features = assets.data?.features ?? [];
  const byId = useMemo(() => new Map(features.map((f) => [f.id, f])), [features]);
  const present = useMemo(() => new Set(features.map((f) => f.properties.sector)), [features]);
  const shown = useMemo(
    () => features.filter((f) => !hidden.has(f.properties.sector as CisaSector)),
    [features, hidden],
  );
  const status = useMemo(() => {
    const map = new Map<string, AssetStatus>();
    for (const failure of scenario?.failures ?? [])
      map.set(failure.assetId, failure.failedAtHours <= hour ? 'failed' : 'later');
    return map;
  }, [scenario, hour]);

  const select = (id: string, fly = false) => {
    setSelectedId(id);
    const feature = byId.get(id);
    if (fly && feature) {
      const [lon, lat] = feature.geometry.coordinates;
      setFocus({ lon, lat, key: Date.now() });
    }
  };
  const selected = selectedId ? byId.get(selectedId) : undefined;

  return (
    <section className="infra-page" aria-labelledby="infra-title">
      <div className="infra-map-wrap">
        <InfrastructureMap
          assets={shown}
          status={status}
          selectedId={selectedId}
          onSelect={(id) => select(id)}
          drawing={drawing}
          polygon={polygon}
          onAddVertex={(point) => setPolygon((current) => [...current, point])}
          focus={focus}
        />
      </div>
      <aside className="infra-panel" aria-label="Infrastructure analysis">
        <h1 id="infra-title">Critical infrastructure</h1>
        <ProblemNote error={assets.error} />
        <p className="muted" role="status">
          {assets.isLoading
            ? 'Loading assets…'
            : `${features.length.toLocaleString('en-US')} assets you may see.`}
        </p>
        <details className="infra-legend" open>
          <summary>Sectors and legend</summary>
          <ul className="infra-sectors">
            {cisaSectors
              .filter((sector) => present.has(sector.slug))
              .map((sector) => (
                <li key={sector.slug} className="infra-sector">
                  <input
                    id={`sector-${sector.slug}`}
                    type="checkbox"
                    checked={!hidden.has(sector.slug)}
                    onChange={(event) =>
                      setHidden((current) => {
                        const next = new Set(current);
                        if (event.target.checked) next.delete(sector.slug);
                        else next.add(sector.slug);
                        return next;
                      })
                    }
                  />
                  <label htmlFor={`sector-${sector.slug}`} className="infra-sector-label">
                    <span
                      className="infra-swatch"
                      style={{ borderColor: sectorColours[sector.slug] }}
                      aria-hidden="true"
                    />
                    {sector.name}
                  </label>
                </li>
              ))}
          </ul>
          <ul className="infra-status-legend">
            {(Object.keys(statusColours) as AssetStatus[]).map((key) => (
              <li key={key}>
                <span className={`infra-status infra-status-${key}`} aria-hidden="true" /> {statusLabels[key]}
              </li>
            ))}
            <li>Light squares: clusters of assets at low zoom (click to zoom in).</li>
          </ul>
        </details>
        <CascadePanel
          selected={selected}
          assets={byId}
          scenario={scenario}
          pending={cascade.isPending}
          error={cascade.error}
          horizon={horizon}
          hour={hour}
          onHorizon={setHorizon}
          onHour={setHour}
          onFail={(id) => cascade.mutate({ assetIds: [id], horizonHours: horizon })}
          onPick={(id) => select(id, true)}
        />
        <FootprintTool
          drawing={drawing}
          vertices={polygon.length}
          onDraw={() => {
            setPolygon([]);
            setDrawing(true);
          }}
          onClear={() => {
            setPolygon([]);
            setDrawing(false);
          }}
          onRun={(countyFips) => {
            setDrawing(false);
            cascade.mutate({
              footprint: {
                ...(polygon.length >= 3 ? { polygon: [[...polygon, polygon[0] as [number, number]]] } : {}),
                ...(countyFips.length ? { countyFips } : {}),
              },
              horizonHours: horizon,
            });
          }}
        />
        <RankingTable ranking={ranking.data} error={ranking.error} onPick={(id) => select(id, true)} />
      </aside>
    </section>
  );
}
