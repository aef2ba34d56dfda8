import { useQuery } from '@tanstack/react-query';
import { Link } from '../../app/router.tsx';
import { countyLabel } from './county-label.ts';
import { formatDollars, formatPercent, riskClient } from './risk-client.ts';

/**
 * One county's hazards from the largest expected annual loss down: Vigil's computed EAL
 * and risk value, FEMA's published rating beside it, and the projection when a climate
 * scenario is applied. Every figure is also text, never colour alone.
 */
export function CountyBreakdown(props: { fips: string; scenarioId: string | null; headingLevel?: 2 | 3 }) {
  const detail = useQuery({
    queryKey: ['risk', 'county', props.fips, props.scenarioId],
    queryFn: () => riskClient.county(props.fips, props.scenarioId),
  });
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  if (!detail.data) return <p className="muted">{detail.error ? 'County not found.' : 'Loading…'}</p>;
  const county = detail.data;
  const hazards = [...county.hazards].sort((a, b) => b.eal.total - a.eal.total);
  const largest = hazards[0]?.eal.total ?? 1;
  const label = countyLabel(county);
  return (
    <section aria-label={`Hazard breakdown: ${label}`} data-county-breakdown={county.stcofips}>
      <Heading>{label}</Heading>
      <dl className="risk-headline">
        <dt>Risk value (Vigil)</dt>
        <dd data-testid="county-risk-value">{formatDollars(county.riskValue)} per year</dd>
        <dt>Expected annual loss</dt>
        <dd>{formatDollars(county.eal.total)}</dd>
        <dt>Rank in state</dt>
        <dd>{county.stateRank}</dd>
        <dt>FEMA rating (published)</dt>
        <dd>
          {county.published.riskRating ?? '—'}
          {county.published.riskScore !== null ? `, score ${county.published.riskScore.toFixed(1)}` : ''}
        </dd>
        {county.projected && county.scenario ? (
          <>
            <dt>{county.scenario.name}</dt>
            <dd data-testid="county-scenario-change">
              {formatDollars(county.projected.riskValue)} (
              <span className={county.projected.riskValueChange > 0 ? 'change-up' : 'change-down'}>
                {formatPercent(county.projected.riskValueChangeRatio)}
              </span>
              )
            </dd>
          </>
        ) : null}
      </dl>
      <table className="risk-table">
        <caption className="visually-hidden">Expected annual loss by hazard, {label}</caption>
        <thead>
          <tr>
            <th scope="col">Hazard</th>
            <th scope="col" className="num">
              EAL (Vigil)
            </th>
            <th scope="col">Share</th>
            {county.projected ? (
              <th scope="col" className="num">
                Projected
              </th>
            ) : null}
            <th scope="col">FEMA rating</th>
          </tr>
        </thead>
        <tbody>
          {hazards.map((hazard) => (
            <tr key={hazard.code} data-hazard={hazard.code}>
              <th scope="row">{hazard.name}</th>
              <td className="num">{formatDollars(hazard.eal.total)}</td>
              <td>
                <span
                  className="risk-bar"
                  style={{ width: `${Math.max(2, (hazard.eal.total / largest) * 80)}px` }}
                  aria-hidden="true"
                />
              </td>
              {county.projected ? (
                <td className="num">
                  {hazard.projected ? formatDollars(hazard.projected.eal.total) : '—'}
                  {hazard.projected && hazard.projected.multiplier !== 1
                    ? ` (×${hazard.projected.multiplier})`
                    : ''}
                </td>
              ) : null}
              <td>{hazard.published.ealRating ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        <Link to={`/risk/counties/${county.stcofips}`}>Open {label}</Link> · NRI {county.hazards.length}{' '}
        applicable hazards; FEMA figures are FEMA’s, the others Vigil’s.
      </p>
    </section>
  );
}
