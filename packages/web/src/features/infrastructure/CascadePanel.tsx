import { type CascadeResponse, type CisaSector, sectorName } from '@vigil/core/infrastructure';
import { ProblemNote } from '../../ui/problem-note.tsx';
import type { AssetFeature } from './infrastructure-client.ts';

const hours = (h: number) => (Number.isInteger(h) ? `${h} h` : `${h.toFixed(1)} h`);

/**
 * The selected asset and the scenario: "what if it fails", a timeline slider over the
 * horizon, and the failures up to the chosen hour, each naming what took it down.
 */
export function CascadePanel(props: {
  selected: AssetFeature | undefined;
  assets: ReadonlyMap<string, AssetFeature>;
  scenario: CascadeResponse | undefined;
  pending: boolean;
  error: unknown;
  horizon: number;
  hour: number;
  onHorizon(hours: number): void;
  onHour(hours: number): void;
  onFail(id: string): void;
  onPick(id: string): void;
}) {
  const { selected, scenario } = props;
  const upTo = scenario?.failures.filter((f) => f.failedAtHours <= props.hour) ?? [];
  const names = new Map(scenario?.failures.map((f) => [f.assetId, f.name]));
  const population = upTo.reduce(
    (sum, f) => sum + (props.assets.get(f.assetId)?.properties.populationServed ?? 0),
    0,
  );
  return (
    <section className="infra-section" aria-labelledby="infra-whatif">
      <h2 id="infra-whatif">What if it fails</h2>
      {selected ? (
        <div className="infra-selected" data-selected-id={selected.id}>
          <strong>{selected.properties.name}</strong>
          <div className="muted">
            {selected.properties.type} · {sectorName(selected.properties.sector as CisaSector)} ·{' '}
            {selected.properties.backupHours
              ? `backup ${hours(selected.properties.backupHours)}`
              : 'no backup'}
          </div>
          <div className="infra-row">
            <label>
              Horizon (hours)
              <input
                type="number"
                min={1}
                max={720}
                value={props.horizon}
                onChange={(event) =>
                  props.onHorizon(Math.max(1, Math.min(720, Number(event.target.value) || 1)))
                }
              />
            </label>
            <button type="button" onClick={() => props.onFail(selected.id)} disabled={props.pending}>
              What if it fails
            </button>
          </div>
        </div>
      ) : (
        <p className="muted">Click an asset on the map, or a row of the ranking, to select it.</p>
      )}
      <ProblemNote error={props.error} />
      {scenario ? (
        <div className="infra-scenario">
          <label className="infra-slider">
            Hour {hours(props.hour)} of{' '}
            {scenario.horizonHours === null ? 'the scenario' : hours(scenario.horizonHours)}
            <input
              type="range"
              min={0}
              max={scenario.horizonHours ?? props.horizon}
              step={1}
              value={props.hour}
              onChange={(event) => props.onHour(Number(event.target.value))}
            />
          </label>
          <p role="status" className="infra-summary">
            {upTo.length} of {scenario.failures.length} assets failed by hour {props.hour}; people served by
            them: {Math.round(population).toLocaleString('en-US')} of{' '}
            {Math.round(scenario.populationAffected).toLocaleString('en-US')} over the whole scenario.
          </p>
          <ol className="infra-failures" aria-label="Failures in time order">
            {upTo.map((failure) => (
              <li key={failure.assetId} data-sector={failure.sector}>
                <button type="button" className="link-button" onClick={() => props.onPick(failure.assetId)}>
                  {failure.name}
                </button>{' '}
                <span className="muted">
                  {sectorName(failure.sector)} · at {hours(failure.failedAtHours)}
                  {failure.causeAssetId
                    ? ` · lost ${failure.causeType} from ${names.get(failure.causeAssetId) ?? 'a supplier'}`
                    : ' · initial'}
                </span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
