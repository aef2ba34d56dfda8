import { useQuery } from '@tanstack/react-query';
import type { ClimateScenarioInput } from '@vigil/core/risk';
import { useState } from 'react';
import { CountyBreakdown } from './CountyBreakdown.tsx';
import { RiskNav } from './RiskNav.tsx';
import { riskClient } from './risk-client.ts';
import './risk.css';

/** One county's page: its hazard breakdown, optionally under a climate scenario. */
export function RiskCountyPage(props: { fips: string }) {
  const [scenarioId, setScenarioId] = useState<string | null>(null);
  const scenarios = useQuery({
    queryKey: ['risk', 'climate-scenarios'],
    queryFn: () => riskClient.list('climate-scenarios'),
  });
  return (
    <section className="page" aria-labelledby="county-title">
      <h1 id="county-title">County risk</h1>
      <RiskNav />
      <label>
        Climate scenario{' '}
        <select value={scenarioId ?? ''} onChange={(e) => setScenarioId(e.target.value || null)}>
          <option value="">None (baseline)</option>
          {scenarios.data?.items.map((s) => (
            <option key={s.id} value={s.id}>
              {(s.data as ClimateScenarioInput).name}
            </option>
          ))}
        </select>
      </label>
      <CountyBreakdown fips={props.fips} scenarioId={scenarioId} headingLevel={2} />
    </section>
  );
}
