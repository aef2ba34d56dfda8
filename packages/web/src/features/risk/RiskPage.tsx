import { useQuery } from '@tanstack/react-query';
import type { ClimateScenarioInput, RiskCountySummary } from '@vigil/core/risk';
import { useState } from 'react';
import { Link } from '../../app/router.tsx';
import { useMarkingBanner } from '../../ui/marking-banner.tsx';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { RiskNav } from './RiskNav.tsx';
import { formatDollars, formatPercent, riskClient } from './risk-client.ts';
import { countyTableCsv, downloadText } from './risk-csv.ts';
import './risk.css';

type SortKey = 'county' | 'riskValue' | 'eal' | 'hazard' | 'change' | 'fema';

const sorters: Record<SortKey, (a: RiskCountySummary, b: RiskCountySummary, hazard: string) => number> = {
  county: (a, b) => a.county.localeCompare(b.county),
  riskValue: (a, b) => a.riskValue - b.riskValue,
  eal: (a, b) => a.eal.total - b.eal.total,
  hazard: (a, b, h) => (a.hazardEal[h] ?? -1) - (b.hazardEal[h] ?? -1),
  change: (a, b) => (a.projected?.riskValueChangeRatio ?? 0) - (b.projected?.riskValueChangeRatio ?? 0),
  fema: (a, b) => (a.published.riskScore ?? -1) - (b.published.riskScore ?? -1),
};

/** Every county in a sortable table: Vigil's computed figures, FEMA's beside them, a scenario's change, CSV export. */
export function RiskPage() {
  const [scenarioId, setScenarioId] = useState<string | null>(null);
  const [hazard, setHazard] = useState('CFLD');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: 'riskValue',
    descending: true,
  });
  const reference = useQuery({ queryKey: ['risk', 'reference'], queryFn: riskClient.reference });
  const scenarios = useQuery({
    queryKey: ['risk', 'climate-scenarios'],
    queryFn: () => riskClient.list('climate-scenarios'),
  });
  const counties = useQuery({
    queryKey: ['risk', 'counties', scenarioId],
    queryFn: () => riskClient.counties(scenarioId),
  });
  useMarkingBanner(counties.data?.marking ?? null);
  const items = [...(counties.data?.items ?? [])].sort((a, b) => {
    const order = sorters[sort.key](a, b, hazard);
    return sort.descending ? -order : order;
  });
  const header = (key: SortKey, label: string, numeric = true) => (
    <th
      scope="col"
      className={numeric ? 'num' : undefined}
      aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
    >
      <button
        type="button"
        onClick={() => setSort((s) => ({ key, descending: s.key === key ? !s.descending : true }))}
      >
        {label}
      </button>
    </th>
  );
  const exportCsv = () => {
    if (!counties.data || !reference.data) return;
    const codes = reference.data.hazards.map((h) => h.code);
    downloadText('vigil-nri-counties.csv', countyTableCsv(counties.data, codes));
  };

  return (
    <section className="page" aria-labelledby="risk-title">
      <div className="page-head">
        <h1 id="risk-title">Risk: counties and independent cities</h1>
        <button type="button" className="button" onClick={exportCsv} disabled={!counties.data}>
          Export CSV
        </button>
      </div>
      <RiskNav />
      <search className="filters" aria-label="Risk table options">
        <label>
          Climate scenario
          <select value={scenarioId ?? ''} onChange={(e) => setScenarioId(e.target.value || null)}>
            <option value="">None (baseline)</option>
            {scenarios.data?.items.map((s) => (
              <option key={s.id} value={s.id}>
                {(s.data as ClimateScenarioInput).name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Hazard column
          <select value={hazard} onChange={(e) => setHazard(e.target.value)}>
            {reference.data?.hazards.map((h) => (
              <option key={h.code} value={h.code}>
                {h.name}
              </option>
            ))}
          </select>
        </label>
      </search>
      <ProblemNote error={counties.error} />
      <p className="muted">
        {counties.data
          ? `FEMA National Risk Index ${counties.data.release.version} (${counties.data.release.name}), value of statistical life ${formatDollars(counties.data.release.valueOfStatisticalLife)}. ${items.length} county-equivalents.`
          : 'Loading…'}
      </p>
      <table className="risk-table" aria-label="Counties by risk">
        <thead>
          <tr>
            {header('county', 'County', false)}
            {header('riskValue', 'Risk value')}
            {header('eal', 'EAL')}
            {header(
              'hazard',
              `${reference.data?.hazards.find((h) => h.code === hazard)?.name ?? hazard} EAL`,
            )}
            {counties.data?.scenario ? header('change', 'Scenario change') : null}
            {header('fema', 'FEMA score (published)')}
            <th scope="col">FEMA rating</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.stcofips}>
              <th scope="row">
                <Link to={`/risk/counties/${item.stcofips}`}>{item.county}</Link>
                {item.countyType === 'City' ? ' (city)' : ''}
              </th>
              <td className="num">{formatDollars(item.riskValue)}</td>
              <td className="num">{formatDollars(item.eal.total)}</td>
              <td className="num">
                {item.hazardEal[hazard] === undefined ? 'n/a' : formatDollars(item.hazardEal[hazard])}
              </td>
              {counties.data?.scenario ? (
                <td className="num">
                  {item.projected ? formatPercent(item.projected.riskValueChangeRatio) : '—'}
                </td>
              ) : null}
              <td className="num">{item.published.riskScore?.toFixed(1) ?? '—'}</td>
              <td>{item.published.riskRating ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
